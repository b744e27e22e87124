"""The header's controls keep their labels on one line, and the header is as tall in Chinese
as in English on a desktop screen."""

import pytest

pytestmark = pytest.mark.browser

PAGES = ["/", "/search/?q=ethics", "/apply-for-trial/"]
# Nav links, buttons, the language chooser and search; not the wordmark, set in two lines.
CONTROLS = ".site-header a:not(.brand), .site-header button:not([hidden])"

# Each visible control's text, with the number of lines it takes (line boxes of its text).
WRAPPED_LABELS = """(selector) => [...document.querySelectorAll(selector)].flatMap((el) => {
  if (!el.offsetParent || !el.textContent.trim()) return [];
  // The text's own line boxes: an icon beside the label (the menu's bars) is not a line.
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const tops = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    [...range.getClientRects()].filter((r) => r.width > 0)
      .forEach((r) => tops.add(Math.round(r.top)));
  }
  return tops.size > 1 ? [el.textContent.trim()] : [];
})"""


def _header(page, url):
    page.goto(url)
    return (page.locator(".site-header").bounding_box()["height"],
            page.evaluate(WRAPPED_LABELS, CONTROLS))


@pytest.mark.parametrize("path", PAGES)
def test_header_controls_never_wrap_and_chinese_is_as_tall(live_site, new_page, path):
    for width in (1280, 390):
        page = new_page(width=width)
        heights = {}
        for language in ("en", "zh-hans"):
            heights[language], wrapped = _header(page, f"{live_site}/{language}{path}")
            assert not wrapped, f"{language} at {width} px: labels on two lines: {wrapped}"
        if width == 1280:
            assert abs(heights["en"] - heights["zh-hans"]) <= 2, heights


NAMES = {"en": "Center for Computational Law and AI Ethics Research",
         "zh-hans": "计算法学与AI伦理研究中心"}
# How far each line of the wordmark's name reaches past its drawing's box, in pixels.
OVERFLOW = """() => {
  const svg = document.querySelector('.brand .brand__wordmark'), box = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')].map((text) => {
    const r = text.getBoundingClientRect();
    return Math.max(0, r.right - box.right, box.left - r.left);
  });
}"""


# The size the name is drawn at, in CSS pixels: its font size times the drawing's scale.
TEXT_SIZES = """() => [...document.querySelectorAll('.brand__wordmark text')].map(
  (text) => text.getScreenCTM().a * parseFloat(getComputedStyle(text).fontSize))"""


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_wordmark_names_the_center_whole_and_once(live_site, new_page, language):
    for width in (1280, 390):
        page = new_page(width=width)
        page.goto(f"{live_site}/{language}/")
        # Screen readers hear the name once, in the page's language (the drawing is hidden).
        assert page.get_by_role("link", name=NAMES[language], exact=True).count() == 1
        # Set in the page's own fonts, the name fits inside the drawing: no letter cut off.
        assert max(page.evaluate(OVERFLOW)) < 1, f"{language} at {width} px"
        # Scaled to fit beside the Menu button, the name stays legible (11 px on a phone).
        assert min(page.evaluate(TEXT_SIZES)) >= 10.5, f"{language} at {width} px"
