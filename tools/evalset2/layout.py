"""Typesetting: blocks (see caption.py) -> pages of positioned items, in
points from the top-left of a US Letter page, plus each page's exact text.

Widths come from the TrueType fonts themselves (PIL's ImageFont), so a line
that fits here fits when drawn.  Liberation Serif, Sans and Mono have the
metrics of Times, Helvetica and Courier, so the same layout also serves the
born-digital PDFs, which name those standard fonts.

Page items:
  ("text", x, baseline, fontkey, size, string)
  ("line", x0, y0, x1, y1, width)
  ("box", x0, y0, x1, y1, checked)      a checkbox
  ("sig", x0, y0, x1, y1)               room for a pen signature
  ("stamp", x, y, [lines], angle)       a rubber stamp (furniture)
"""

from PIL import ImageFont

W, H = 612.0, 792.0
_T = "/usr/share/fonts/truetype/"
FAMILIES = {
    # name: (regular, bold, italic, standard PDF fonts or None)
    "times": (_T + "liberation2/LiberationSerif-Regular.ttf", _T + "liberation2/LiberationSerif-Bold.ttf",
              _T + "liberation2/LiberationSerif-Italic.ttf", ("Times-Roman", "Times-Bold", "Times-Italic")),
    "helvetica": (_T + "liberation2/LiberationSans-Regular.ttf", _T + "liberation2/LiberationSans-Bold.ttf",
                  _T + "liberation2/LiberationSans-Italic.ttf", ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique")),
    "courier": (_T + "liberation2/LiberationMono-Regular.ttf", _T + "liberation2/LiberationMono-Bold.ttf",
                _T + "liberation2/LiberationMono-Italic.ttf", ("Courier", "Courier-Bold", "Courier-Oblique")),
    "dejavu-serif": (_T + "dejavu/DejaVuSerif.ttf", _T + "dejavu/DejaVuSerif-Bold.ttf",
                     _T + "dejavu/DejaVuSerif.ttf", None),
    "dejavu-sans": (_T + "dejavu/DejaVuSans.ttf", _T + "dejavu/DejaVuSans-Bold.ttf", _T + "dejavu/DejaVuSans.ttf", None),
    "free-serif": (_T + "freefont/FreeSerif.ttf", _T + "freefont/FreeSerifBold.ttf", _T + "freefont/FreeSerifItalic.ttf",
                   None),
    "free-sans": (_T + "freefont/FreeSans.ttf", _T + "freefont/FreeSansBold.ttf", _T + "freefont/FreeSansOblique.ttf",
                  None),
    "free-mono": (_T + "freefont/FreeMono.ttf", _T + "freefont/FreeMonoBold.ttf", _T + "freefont/FreeMonoOblique.ttf",
                  None),
}
MONO = _T + "liberation2/LiberationMono-Regular.ttf"
_cache = {}


def font(path, px):
    key = (path, int(round(px)))
    if key not in _cache:
        try:
            _cache[key] = ImageFont.truetype(path, max(4, key[1]))
        except OSError as e:
            raise SystemExit("gen_evalset2: cannot load the font %s (%s); tools/install-deps.sh installs "
                             "fonts-liberation2, fonts-dejavu-core and fonts-freefont-ttf" % (path, e))
    return _cache[key]


def font_path(family, key):
    if key == "M":
        return MONO
    return FAMILIES[family]["RBI".index(key)] if family in FAMILIES else MONO


def width(family, key, size, text):
    return font(font_path(family, key), size * 10).getlength(text) / 10.0


class Page:
    def __init__(self):
        self.items = []
        self.lines = []  # the page's text, one string per printed line, in reading order


class Setter:
    """Sets a Doc's blocks with one style: family, size, margins, leading."""

    def __init__(self, rng, family, hyphenate):
        self.rng = rng
        self.family = family
        self.size = rng.choice([11, 11.5, 12, 12, 12.5]) if family not in ("courier", "free-mono") else 10.5
        self.left = rng.choice([60, 66, 72, 72, 78])
        self.right = W - rng.choice([60, 66, 72])
        self.top = rng.choice([54, 60, 66])
        self.bottom = H - rng.choice([64, 72])
        self.lead = self.size * rng.choice([1.2, 1.25, 1.35, 1.6, 2.0])
        self.hyphenate = hyphenate
        self.hyphenated = False
        self.pages = []
        self.new_page()

    def new_page(self):
        self.page = Page()
        self.pages.append(self.page)
        self.y = self.top

    def need(self, h):
        if self.y + h > self.bottom and self.page.items:
            self.new_page()

    def put(self, runs, lead=None):
        """One printed line: runs of (x, fontkey, text)."""
        lead = lead or self.lead
        self.need(lead)
        base = self.y + self.size
        for x, key, text in runs:
            if text:
                self.page.items.append(("text", x, base, key, self.size, text))
        self.page.lines.append(" ".join(t for _, _, t in sorted(runs) if t))
        self.y += lead

    def wrap(self, text, key, width_pt, first_indent=0.0, hyph=False):
        words = text.split()
        lines, cur, avail = [], [], width_pt - first_indent
        for word in words:
            trial = " ".join(cur + [word])
            if width(self.family, key, self.size, trial) <= avail or not cur:
                cur.append(word)
                continue
            if hyph and self.hyphenate and len(word) >= 8 and word.isalpha():
                cut = len(word) // 2
                head = " ".join(cur + [word[:cut] + "-"])
                if width(self.family, key, self.size, head) <= avail:
                    lines.append(head)
                    self.hyphenated = True
                    cur, avail = [word[cut:]], width_pt
                    continue
            lines.append(" ".join(cur))
            cur, avail = [word], width_pt
        if cur:
            lines.append(" ".join(cur))
        return lines

    # ---- blocks --------------------------------------------------------
    def block(self, b):
        kind = b[0]
        getattr(self, "b_" + kind)(*b[1:])

    def b_center(self, text, key):
        for line in self.wrap(text, key, self.right - self.left - 40):
            wd = width(self.family, key, self.size, line)
            self.put([((self.left + self.right - wd) / 2, key, line)], self.size * 1.3)

    def b_lines(self, lines, key, align):
        for line in lines:
            x = self.left if align == "left" else self.right - width(self.family, key, self.size, line)
            self.put([(x, key, line)], self.size * 1.25)

    def b_para(self, text, indent):
        lines = self.wrap(text, "R", self.right - self.left, 36 if indent else 0, hyph=True)
        for i, line in enumerate(lines):
            self.put([(self.left + (36 if indent and i == 0 else 0), "R", line)])
        self.y += self.lead * 0.4

    def b_gap(self, pts):
        self.y += pts

    def b_rule(self):
        self.page.items.append(("line", self.left, self.y, self.right, self.y, 0.8))
        self.y += 6

    def b_break(self):
        self.new_page()

    def b_bracket(self, rows):
        self.need(len(rows) * self.size * 1.25)
        col = self.left + (self.right - self.left) * 0.5
        for left, right in rows:
            self.put([(self.left, "R", left), (col, "R", ")"), (col + 16, "R", right)], self.size * 1.25)

    def b_table(self, rows):
        lh = self.size * 1.7
        self.need(len(rows) * lh + 4)
        x0, x1, xm = self.left, self.right, self.left + 150
        y0 = self.y
        for label, value in rows:
            self.page.items.append(("line", x0, self.y, x1, self.y, 0.7))
            base = self.y + self.size * 1.25
            self.page.items.append(("text", x0 + 6, base, "B", self.size, label))
            self.page.items.append(("text", xm + 6, base, "R", self.size, value))
            self.page.lines.append("%s %s" % (label, value))
            self.y += lh
        for x in (x0, xm, x1):
            self.page.items.append(("line", x, y0, x, self.y, 0.7))
        self.page.items.append(("line", x0, self.y, x1, self.y, 0.7))
        self.y += 6

    def b_sig(self, lines):
        self.need(34 + len(lines) * self.size * 1.25)
        x = self.left + (self.right - self.left) * self.rng.choice([0.0, 0.45])
        self.page.items.append(("sig", x, self.y, x + 170, self.y + 28))
        self.y += 30
        self.page.items.append(("line", x, self.y, x + 200, self.y, 0.6))
        self.y += 3
        for line in lines:
            self.put([(x, "R", line)], self.size * 1.25)

    def b_check(self, checked, text):
        lines = self.wrap(text, "R", self.right - self.left - 24)
        self.need(len(lines) * self.lead)
        s = self.size * 0.8
        self.page.items.append(("box", self.left + 4, self.y + self.size - s, self.left + 4 + s, self.y + self.size,
                                checked))
        for i, line in enumerate(lines):
            mark = ("[X] " if checked else "[ ] ") if i == 0 else ""
            base = self.y + self.size
            self.page.items.append(("text", self.left + 24, base, "R", self.size, line))
            self.page.lines.append(mark + line)
            self.y += self.lead


def typeset(doc, family, rng):
    """Set doc.blocks; returns (pages, setter)."""
    s = Setter(rng, family, hyphenate=rng.random() < 0.35)
    for b in doc.blocks:
        s.block(b)
    if s.hyphenated:
        doc.hard("line-end-hyphenation")
    return [p for p in s.pages if p.items], s
