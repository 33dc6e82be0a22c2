"""Text specification -> positioned lines on US Letter pages.

A document is built by calling methods of Layout in reading order (line, para,
row, rule, gap, page_break ...).  Text may carry inline markup <b>...</b> and
<i>...</i>.  Inside a paragraph the marker "{-}" inside a word forces a line-end
hyphenation at that point ("Hon{-}duras" -> "Hon-" / "duras"); the line before
the break is justified so the break looks like a real typesetter's.

Widths are measured with PIL on Liberation Serif, which is metric-compatible
with Times, so centring and justification match what poppler draws for the
standard Type1 Times fonts.  Widths are summed glyph by glyph (PDF text has no
kerning), cached per (font, char).

Coordinates while laying out are points from the top-left corner; they are
converted to PDF (bottom-left origin) when the pages are emitted.
"""

import re

from PIL import ImageFont

from . import pdfwriter

FONT_DIR = "/usr/share/fonts/truetype/liberation2/"
FONT_FILES = {
    "R": "LiberationSerif-Regular.ttf",
    "B": "LiberationSerif-Bold.ttf",
    "I": "LiberationSerif-Italic.ttf",
    "BI": "LiberationSerif-BoldItalic.ttf",
}
PAGE_W, PAGE_H = 612.0, 792.0


class Metrics:
    def __init__(self):
        self.fonts = {k: ImageFont.truetype(FONT_DIR + f, 1000) for k, f in FONT_FILES.items()}
        self.cache = {}

    def char(self, key, ch):
        k = (key, ch)
        w = self.cache.get(k)
        if w is None:
            w = self.fonts[key].getlength(ch) / 1000.0
            self.cache[k] = w
        return w

    def width(self, runs, size):
        return sum(self.char(f, c) for f, t in runs for c in t) * size


METRICS = None


def metrics():
    global METRICS
    if METRICS is None:
        METRICS = Metrics()
    return METRICS


_TAG = re.compile(r"(</?[bi]>)")


def parse_markup(text, base="R"):
    """'a <b>bold</b> word' -> [(fontkey, char), ...]"""
    bold = "B" in base
    ital = "I" in base
    out = []
    for part in _TAG.split(text):
        if part == "<b>":
            bold = True
        elif part == "</b>":
            bold = False
        elif part == "<i>":
            ital = True
        elif part == "</i>":
            ital = False
        elif part:
            key = ("B" if bold else "") + ("I" if ital else "")
            key = key or "R"
            out.extend((key, c) for c in part)
    return out


def merge_runs(chars):
    runs = []
    for f, c in chars:
        if runs and runs[-1][0] == f:
            runs[-1][1].append(c)
        else:
            runs.append((f, [c]))
    return [(f, "".join(cs)) for f, cs in runs]


def smarten(text):
    """Straight quotes -> typographic quotes (as a word processor does)."""
    text = re.sub(r'(^|[\s(\[])"', "\\1\u201c", text)
    text = text.replace('"', "\u201d")
    text = re.sub(r"(^|[\s(\[])'", "\\1\u2018", text)
    return text.replace("'", "\u2019")


class PageSpec:
    def __init__(self):
        self.lines = []  # dicts: x, y(top-origin baseline), size, ws, runs, text
        self.rules = []  # (x0, y, x1, lw)
        self.marks = []  # (kind, x0, y0, x1, y1) in points, top-left origin


class Layout:
    def __init__(self, size=12, spacing=1.5, justify=True, margin=72.0, page_numbers=False,
                 smart_quotes=False, first_indent=36.0):
        self.size = size
        self.leading = size * 1.15 * spacing if spacing != 1 else size * 1.15
        self.single = size * 1.15
        self.justify = justify
        self.margin = margin
        self.page_numbers = page_numbers
        self.smart = smart_quotes
        self.first_indent = first_indent
        self.pages = []
        self.frame_x = margin
        self.frame_w = PAGE_W - 2 * margin
        self.columns = None
        self.page_break()

    # ----- cursor -------------------------------------------------------
    @property
    def bottom(self):
        if self.columns and self.columns.get("bottom"):
            return min(PAGE_H - self.margin, self.columns["bottom"])
        return PAGE_H - self.margin

    def page_break(self):
        self.pages.append(PageSpec())
        self.y = self.margin  # top of the next line box
        self.last_base = self.y
        if self.columns:
            self.columns["top"] = self.y
            self.columns["index"] = 0
            self._set_column()

    def _set_column(self):
        c = self.columns
        self.frame_x = self.margin + c["index"] * (c["width"] + c["gap"])
        self.frame_w = c["width"]

    def begin_columns(self, n, gap=18.0, height=None):
        """Flow the following text in n columns; `height` (points) balances
        short columns, otherwise columns run to the bottom margin."""
        width = (PAGE_W - 2 * self.margin - (n - 1) * gap) / n
        self.columns = {"n": n, "gap": gap, "width": width, "top": self.y, "index": 0,
                        "bottom": self.y + height if height else None}
        self._set_column()

    def balanced_columns(self, n, gap, fill):
        """Lay out fill(self) in n columns of equal height (measured by a dry
        run in one column of the same width)."""
        width = (PAGE_W - 2 * self.margin - (n - 1) * gap) / n
        dry = Layout(size=self.size, spacing=1.0, justify=self.justify, margin=self.margin,
                     smart_quotes=self.smart, first_indent=self.first_indent)
        dry.frame_w = width
        dry.y = 0.0
        dry.margin = -1e6  # never break while measuring
        fill(dry)
        height = dry.y / n
        # a column may take one line more than the average so no line is orphaned
        self.begin_columns(n, gap, height=height + 14)
        fill(self)
        self.end_columns()

    def end_columns(self):
        self.columns = None
        self.frame_x = self.margin
        self.frame_w = PAGE_W - 2 * self.margin

    def _advance(self, leading, size):
        """Return the baseline for a line of this leading, breaking page/column."""
        if self.y + leading > self.bottom + 0.01:
            if self.columns and self.columns["index"] + 1 < self.columns["n"]:
                self.columns["index"] += 1
                self._set_column()
                self.y = self.columns["top"]
            else:
                self.page_break()
        base = self.y + size * 0.95
        self.y += leading
        self.last_base = base
        return base

    def keep(self, height):
        """Start a new page unless `height` points remain."""
        if self.y + height > self.bottom:
            self.page_break()

    def gap(self, pts):
        self.y += pts

    def blank(self, n=1):
        self.y += self.leading * n

    @property
    def page(self):
        return self.pages[-1]

    # ----- text ---------------------------------------------------------
    def _prep(self, text):
        # word processors keep "§ 1158" together with a no-break space
        text = text.replace("\u00a7 ", "\u00a7\u00a0")
        return smarten(text) if self.smart else text

    def _emit(self, x, base, size, runs, ws=0.0):
        text = "".join(t for _, t in runs)
        self.page.lines.append({"x": x, "y": base, "size": size, "ws": ws, "runs": runs, "text": text})

    def line(self, text, align="left", bold=False, indent=0.0, size=None, leading=None, italic=False):
        size = size or self.size
        leading = leading or self.leading
        base_font = ("B" if bold else "") + ("I" if italic else "") or "R"
        runs = merge_runs(parse_markup(self._prep(text), base_font))
        w = metrics().width(runs, size)
        avail = self.frame_w - indent
        if w > avail + 0.5:
            raise ValueError("line too wide (%.1f > %.1f): %r" % (w, avail, text))
        b = self._advance(leading, size)
        if align == "left":
            x = self.frame_x + indent
        elif align == "center":
            x = self.frame_x + indent + (avail - w) / 2
        elif align == "right":
            x = self.frame_x + self.frame_w - w
        else:
            raise ValueError(align)
        if text:
            self._emit(x, b, size, runs)
        return b

    def lines(self, texts, leading=None, **kw):
        for t in texts:
            self.line(t, leading=leading or self.single, **kw)

    def row(self, cells, size=None, leading=None):
        """cells: [(x_from_margin, text, align, bold)] on one baseline."""
        size = size or self.size
        b = self._advance(leading or self.single, size)
        for cell in cells:
            xrel, text, align = cell[0], cell[1], cell[2]
            bold = cell[3] if len(cell) > 3 else False
            runs = merge_runs(parse_markup(self._prep(text), "B" if bold else "R"))
            w = metrics().width(runs, size)
            if align == "left":
                x = self.frame_x + xrel
            elif align == "right":
                x = self.frame_x + xrel - w
            else:
                x = self.frame_x + xrel - w / 2
            if text:
                self._emit(x, b, size, runs)
        return b

    def rule(self, x0=0.0, x1=None, dy=4.0, lw=0.6):
        """A horizontal rule `dy` points below the last baseline position."""
        x1 = self.frame_w if x1 is None else x1
        y = self.last_base + dy
        self.page.rules.append((self.frame_x + x0, y, self.frame_x + x1, lw))

    def rule_here(self, dy=0.0, x0=0.0, x1=None, lw=0.6):
        """A horizontal rule at the cursor (top of the next line box) + dy."""
        x1 = self.frame_w if x1 is None else x1
        self.page.rules.append((self.frame_x + x0, self.y + dy, self.frame_x + x1, lw))

    def mark(self, kind, x0, y0, x1, y1):
        self.page.marks.append((kind, self.frame_x + x0, y0, self.frame_x + x1, y1))

    def para(self, text, indent=None, left=0.0, right=0.0, leading=None, justify=None, size=None,
             align=None, bold=False):
        """A wrapped paragraph; first line indented by `indent` (default the
        document's first-line indent)."""
        size = size or self.size
        leading = leading or self.leading
        indent = self.first_indent if indent is None else indent
        justify = self.justify if justify is None else justify
        chars = parse_markup(self._prep(text), "B" if bold else "R")
        # split into words, keeping fonts; "{-}" = forced hyphen break
        words = []
        cur = []
        for f, c in chars:
            if c == " ":
                if cur:
                    words.append(cur)
                cur = []
            else:
                cur.append((f, c))
        if cur:
            words.append(cur)
        toks = []  # (runs, force_break)
        for w in words:
            s = "".join(c for _, c in w)
            if "{-}" in s:
                i = s.index("{-}")
                a = w[:i] + [(w[i - 1][0], "-")]
                b = w[i + 3:]
                toks.append((a, True))
                toks.append((b, False))
            else:
                toks.append((w, False))
        m = metrics()
        space = m.char("R", " ") * size
        lines = []
        cur = []
        curw = 0.0
        first = True

        def avail_for(first_line):
            return self.frame_w - left - right - (indent if first_line else 0.0)

        for runs, force in toks:
            ww = m.width(runs, size)
            av = avail_for(first)
            if cur and curw + space + ww > av:
                lines.append((cur, first, False))
                first = False
                cur, curw = [], 0.0
                av = avail_for(first)
            curw = curw + (space if cur else 0.0) + ww
            cur.append(runs)
            if force:
                if curw < 0.72 * av:
                    raise ValueError("forced hyphen break leaves a short line (%.0f%%, %.0f pt "
                                     "free): %r" % (100 * curw / av, av - curw,
                                                    " ".join("".join(c for _, c in r) for r in cur)))
                lines.append((cur, first, True))
                first = False
                cur, curw = [], 0.0
        if cur:
            lines.append((cur, first, None))
        for i, (ws_, is_first, forced) in enumerate(lines):
            chars_l = []
            for j, w in enumerate(ws_):
                if j:
                    chars_l.append((w[0][0] if w[0][0] in ("R", "B") else "R", " "))
                chars_l.extend(w)
            runs = merge_runs(chars_l)
            b = self._advance(leading, size)  # first: it may move to the next column
            x = self.frame_x + left + (indent if is_first else 0.0)
            av = avail_for(is_first)
            natural = m.width(runs, size)
            nsp = len(ws_) - 1
            last = forced is None
            ws = 0.0
            if align == "center":
                x += (av - natural) / 2
            elif align == "right":
                x += av - natural
            elif justify and not last and nsp > 0:
                ws = (av - natural) / nsp
            self._emit(x, b, size, runs, ws)

    # ----- output -------------------------------------------------------
    def finish(self):
        if self.page_numbers and len(self.pages) > 1:
            for i, p in enumerate(self.pages):
                runs = [("R", str(i + 1))]
                w = metrics().width(runs, 11)
                p.lines.append({"x": (PAGE_W - w) / 2, "y": PAGE_H - 40, "size": 11, "ws": 0.0,
                                "runs": runs, "text": str(i + 1)})
        return self.pages


def to_pdf_pages(pages):
    out = []
    for p in pages:
        tp = pdfwriter.TextPage(PAGE_W, PAGE_H)
        for (x0, y, x1, lw) in p.rules:
            tp.add_rule(x0, PAGE_H - y, x1, PAGE_H - y, lw)
        for ln in p.lines:
            tp.add_line(ln["x"], PAGE_H - ln["y"], ln["size"], ln["runs"], ln["ws"])
        out.append(tp)
    return out


def page_text(p):
    """Ground-truth text of a page: lines in reading order (top to bottom,
    left to right), cells on one baseline joined by two spaces."""
    rows = {}
    for ln in p.lines:
        rows.setdefault(round(ln["y"], 1), []).append(ln)
    out = []
    for y in sorted(rows):
        cells = sorted(rows[y], key=lambda l: l["x"])
        out.append("  ".join(c["text"] for c in cells))
    return "\n".join(out) + "\n"
