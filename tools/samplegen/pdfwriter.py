"""Minimal, deterministic PDF writer.

Two kinds of page:
  * text pages: runs of Times-Roman / Times-Bold / Times-Italic (standard Type1
    fonts, not embedded, WinAnsiEncoding) plus straight rules;
  * image pages: one 8-bit DeviceGray or DeviceRGB JPEG shown full page
    (/DCTDecode), the page size being the image size at its DPI so that a
    reader sees the true resolution; optionally with one line of real text
    over it (an e-filing stamp), for pages that are both.

No /Info dictionary, no /ID, no dates: the same input always gives the same
bytes.
"""

FONTS = {
    "R": ("F1", "Times-Roman"),
    "B": ("F2", "Times-Bold"),
    "I": ("F3", "Times-Italic"),
    "BI": ("F4", "Times-BoldItalic"),
}


def pdf_string(text):
    """Encode text as a PDF literal string in WinAnsiEncoding (cp1252)."""
    raw = text.encode("cp1252")
    out = bytearray(b"(")
    for b in raw:
        if b in (0x28, 0x29, 0x5C):  # ( ) backslash
            out += b"\\" + bytes([b])
        elif b < 32 or b > 126:
            out += b"\\%03o" % b
        else:
            out.append(b)
    out += b")"
    return bytes(out)


def fmt(v):
    """Format a number compactly and deterministically."""
    if isinstance(v, int):
        return str(v)
    s = "%.3f" % v
    s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


class TextPage:
    """A born-digital page: text runs and rules, coordinates in points,
    origin bottom-left (PDF convention)."""

    def __init__(self, width=612, height=792):
        self.width = width
        self.height = height
        self.lines = []  # (x, y, size, wordspace, [(fontkey, text), ...])
        self.rules = []  # (x0, y0, x1, y1, linewidth)

    def add_line(self, x, y, size, runs, wordspace=0.0):
        self.lines.append((x, y, size, wordspace, runs))

    def add_rule(self, x0, y0, x1, y1, lw=0.6):
        self.rules.append((x0, y0, x1, y1, lw))

    def content(self):
        ops = []
        for (x0, y0, x1, y1, lw) in self.rules:
            ops.append("%s w %s %s m %s %s l S" % (fmt(lw), fmt(x0), fmt(y0), fmt(x1), fmt(y1)))
        out = [" ".join(ops).encode("ascii")] if ops else []
        for (x, y, size, ws, runs) in self.lines:
            parts = [b"BT"]
            cur = None
            for fontkey, text in runs:
                if fontkey != cur:
                    parts.append(("/%s %s Tf" % (FONTS[fontkey][0], fmt(size))).encode("ascii"))
                    cur = fontkey
                    if len(parts) == 2:
                        parts.append(("%s %s Td %s Tw" % (fmt(x), fmt(y), fmt(ws))).encode("ascii"))
                parts.append(pdf_string(text) + b" Tj")
            parts.append(b"ET")
            out.append(b" ".join(parts))
        return b"\n".join(out) + b"\n"


class ImagePage:
    """A scanned page: one image covering the whole page, a JPEG or, with
    bilevel=True, 1-bit rows (1 = white, rows padded to bytes) compressed
    with zlib, as office scanners write black-and-white pages."""

    def __init__(self, jpeg, width_px, height_px, dpi, gray=True, bilevel=False, stamp=None):
        self.jpeg = jpeg
        self.bilevel = bilevel
        self.stamp = stamp  # a line of Times-Roman text at the top, or None
        self.wpx = width_px
        self.hpx = height_px
        self.dpi = dpi
        self.gray = gray
        self.width = width_px * 72.0 / dpi
        self.height = height_px * 72.0 / dpi

    def content(self):
        out = ("q %s 0 0 %s 0 0 cm /Im0 Do Q\n" % (fmt(self.width), fmt(self.height))).encode("ascii")
        if self.stamp:
            out += (b"BT /%s 11 Tf 40 %s Td " % (FONTS["R"][0].encode(), fmt(self.height - 24).encode())
                    + pdf_string(self.stamp) + b" Tj ET\n")
        return out


def write_pdf(pages):
    """Serialise pages (TextPage / ImagePage) to PDF bytes."""
    objs = {}  # num -> bytes (body without "n 0 obj")
    nxt = [1]

    def alloc():
        n = nxt[0]
        nxt[0] += 1
        return n

    catalog = alloc()
    pages_obj = alloc()
    font_objs = {}
    uses_text = any(isinstance(p, TextPage) or p.stamp for p in pages)
    if uses_text:
        for key in ("R", "B", "I", "BI"):
            name, base = FONTS[key]
            n = alloc()
            font_objs[name] = n
            objs[n] = ("<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % base).encode("ascii")
    kids = []
    for p in pages:
        page_n = alloc()
        cont_n = alloc()
        kids.append(page_n)
        data = p.content()
        objs[cont_n] = b"<< /Length %d >>\nstream\n" % len(data) + data + b"endstream"
        if isinstance(p, TextPage):
            fonts = " ".join("/%s %d 0 R" % (k, v) for k, v in sorted(font_objs.items()))
            res = "<< /Font << %s >> /ProcSet [/PDF /Text] >>" % fonts
        else:
            img_n = alloc()
            cs = "/DeviceGray" if p.gray or p.bilevel else "/DeviceRGB"
            bpc, filt = (1, "/FlateDecode") if p.bilevel else (8, "/DCTDecode")
            objs[img_n] = (("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                            "/BitsPerComponent %d /Filter %s /Length %d >>\nstream\n")
                           % (p.wpx, p.hpx, cs, bpc, filt, len(p.jpeg))).encode("ascii") + p.jpeg + b"\nendstream"
            if p.stamp:
                res = "<< /Font << /%s %d 0 R >> /XObject << /Im0 %d 0 R >> /ProcSet [/PDF /Text /ImageB] >>" % (
                    FONTS["R"][0], font_objs[FONTS["R"][0]], img_n)
            else:
                res = "<< /XObject << /Im0 %d 0 R >> /ProcSet [/PDF /ImageB] >>" % img_n
        objs[page_n] = ("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources %s /Contents %d 0 R >>"
                        % (pages_obj, fmt(p.width), fmt(p.height), res, cont_n)).encode("ascii")
    objs[pages_obj] = ("<< /Type /Pages /Kids [%s] /Count %d >>"
                       % (" ".join("%d 0 R" % k for k in kids), len(kids))).encode("ascii")
    objs[catalog] = ("<< /Type /Catalog /Pages %d 0 R >>" % pages_obj).encode("ascii")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in range(1, nxt[0]):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % nxt[0]
    out += b"0000000000 65535 f \n"
    for n in range(1, nxt[0]):
        out += b"%010d 00000 n \n" % offsets[n]
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (nxt[0], catalog, xref)
    return bytes(out)
