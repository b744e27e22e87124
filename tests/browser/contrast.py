"""WCAG contrast of an element's text against what is painted behind it, from the browser's
computed colours."""

# The element's colour and the first background that is not transparent, walking up.
_COLOURS_JS = """(element) => {
  const parse = (css) => {
    const [r, g, b, a = 1] = css.match(/[\\d.]+/g).map(Number);
    return [r, g, b, a];
  };
  let node = element;
  let background = parse(getComputedStyle(node).backgroundColor);
  while (background[3] === 0 && node.parentElement) {
    node = node.parentElement;
    background = parse(getComputedStyle(node).backgroundColor);
  }
  if (background[3] === 0) background = [255, 255, 255, 1];  // the canvas
  return {text: parse(getComputedStyle(element).color), background};
}"""


def _luminance(rgb) -> float:
    channels = [c / 255 for c in rgb[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(locator) -> float:
    colours = locator.evaluate(_COLOURS_JS)
    # Half-transparent colours would need blending; none is expected, so say so if one is.
    assert colours["text"][3] == 1 and colours["background"][3] == 1, colours
    lighter, darker = sorted((_luminance(colours["text"]),
                              _luminance(colours["background"])), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
