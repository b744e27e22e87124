"""Screenshots of the running portal at desktop and phone widths, in both languages.

    .venv/bin/python tools/screenshots.py [BASE_URL] [OUT_DIR] [PATH ...]

Uses Debian's Chromium. Default: http://127.0.0.1:8000, test-artifacts/screenshots.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
# Home, an article, an event, a speaker, a whitepaper, the Code, search and Apply for Trial.
DEFAULT_PATHS = ["/", "/about-us/ethical-and-responsible-ai/",
                 "/events/seminar-values-and-law-of-ai-2022/", "/speakers/ji-weidong/",
                 "/whitepapers/code-of-ethics-for-ai-sustainable-development/",
                 "/code-of-ethics/", "/search/?q=ethics", "/apply-for-trial/"]


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "test-artifacts/screenshots")
    paths = sys.argv[3:] or DEFAULT_PATHS
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for width, height in SIZES.values():
            page = browser.new_page(viewport={"width": width, "height": height})
            for language in ("en", "zh-hans"):
                for path in paths:
                    page.goto(f"{base}/{language}{path}")
                    stem = path.split("?")[0].strip("/").split("/")[-1] or "home"
                    name = f"{stem}-{language}-{width}.png"
                    page.screenshot(path=out / name, full_page=True)
                    print(out / name)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
