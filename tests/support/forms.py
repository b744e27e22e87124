"""The values a browser would submit for a form on a page, read from its HTML, so a test can
change one field of a third-party admin form and post the rest back as they were."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id: str | None):
        super().__init__(convert_charrefs=True)
        self.form_id, self.in_form, self.data = form_id, False, {}
        self._select = self._textarea = None
        self._options: list[tuple[str, bool]] = []

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (self.form_id is None or attrs.get("id") == self.form_id):
            self.in_form = True
        if not self.in_form or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self._add(name, attrs.get("value", "on"))
            elif kind not in {"submit", "button", "file", "image", "reset"}:
                self._add(name, attrs.get("value", ""))
        elif tag == "select" and name:
            self._select, self._options = (name, "multiple" in attrs), []
        elif tag == "option" and self._select:
            self._options.append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea" and name:
            self._textarea = name
            self._add(name, "")

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select:
            name, multiple = self._select
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not multiple and self._options:
                chosen = [self._options[0][0]]  # what a browser submits by default
            for value in chosen:
                self._add(name, value)
            self._select = None


def form_values(html: str, form_id: str | None = None) -> dict:
    """{name: value or [values]} as the form would be submitted unchanged."""
    reader = _FormReader(form_id)
    reader.feed(html)
    return {name: values[0] if len(values) == 1 else values
            for name, values in reader.data.items()}
