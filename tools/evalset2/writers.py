"""File writers: image PDFs (JPEG grey or colour, 1-bit Flate, non-square
resolutions), born-digital text PDFs in the standard fonts, multi-page TIFF
(G4 or LZW), PNG and JPEG.  No dates, no IDs: the same pages give the same
bytes."""

import io
import zlib

from . import layout


class _Pdf:
    def __init__(self):
        self.objs = []

    def add(self, body):
        self.objs.append(body)
        return len(self.objs)

    def reserve(self):
        return self.add(b"")

    def set(self, n, body):
        self.objs[n - 1] = body

    def stream(self, head, data):
        return self.add(head.encode("ascii") % len(data) + b"\nstream\n" + data + b"\nendstream")

    def finish(self, page_ids, pages_id):
        kids = " ".join("%d 0 R" % k for k in page_ids)
        self.set(pages_id, ("<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))).encode())
        cat = self.add(("<< /Type /Catalog /Pages %d 0 R >>" % pages_id).encode())
        out = bytearray(b"%PDF-1.5\n%\xc7\xec\x8f\xa2\n")
        offs = []
        for i, body in enumerate(self.objs, 1):
            offs.append(len(out))
            out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
        x = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objs) + 1)
        out += b"".join(b"%010d 00000 n \n" % o for o in offs)
        out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(self.objs) + 1, cat, x)
        return bytes(out)


def _num(v):
    s = ("%.2f" % v).rstrip("0").rstrip(".")
    return "0" if s in ("", "-0") else s


def image_pdf(images, dpis, jpeg_quality=70, extra_text=None):
    """images: PIL images ('1', 'L' or 'RGB'); dpis: (x, y) per page.
    extra_text: per page None or a line of real text drawn at the top (an ECAS stamp)."""
    pdf = _Pdf()
    pages_id = pdf.reserve()
    font = pdf.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for i, (im, (dx, dy)) in enumerate(zip(images, dpis)):
        w, h = im.size
        if im.mode == "1":
            raw = im.tobytes()  # 1 = white in PIL's packing; DeviceGray 1-bit: 1 = white too
            img = pdf.stream("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                             "/BitsPerComponent 1 /Filter /FlateDecode /Length %%d >>" % (w, h), zlib.compress(raw, 9))
        else:
            bio = io.BytesIO()
            im.save(bio, "JPEG", quality=jpeg_quality)
            cs = "/DeviceRGB" if im.mode == "RGB" else "/DeviceGray"
            img = pdf.stream("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                             "/BitsPerComponent 8 /Filter /DCTDecode /Length %%d >>" % (w, h, cs), bio.getvalue())
        pw, ph = w * 72.0 / dx, h * 72.0 / dy
        ops = "q %s 0 0 %s 0 0 cm /Im0 Do Q\n" % (_num(pw), _num(ph))
        text = extra_text[i] if extra_text else None
        if text:
            ops += "BT /F1 8 Tf 36 %s Td %s Tj ET\n" % (_num(ph - 14), _pdf_str(text).decode("latin-1"))
        cont = pdf.stream("<< /Length %d >>", ops.encode("latin-1"))
        kids.append(pdf.add(("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources << /XObject "
                             "<< /Im0 %d 0 R >> /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                             % (pages_id, _num(pw), _num(ph), img, font, cont)).encode()))
    return pdf.finish(kids, pages_id)


def _pdf_str(text):
    out = bytearray(b"(")
    for b in text.encode("cp1252", "replace"):
        if b in (0x28, 0x29, 0x5C):
            out += b"\\" + bytes([b])
        elif b < 32 or b > 126:
            out += b"\\%03o" % b
        else:
            out.append(b)
    return bytes(out + b")")


def text_pdf(pages, family):
    """A born-digital PDF: the pages' text in the standard font matching family
    (Liberation's metrics are those of Times, Helvetica and Courier), rules
    and boxes as vectors.  A signature becomes '/s/' typed text."""
    std = layout.FAMILIES[family][3]
    pdf = _Pdf()
    pages_id = pdf.reserve()
    names = {"R": std[0], "B": std[1], "I": std[2], "M": "Courier"}
    fonts = {k: pdf.add(("<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
                         % v).encode()) for k, v in names.items()}
    res = "<< /Font << %s >> >>" % " ".join("/F%s %d 0 R" % (k, v) for k, v in sorted(fonts.items()))
    kids = []
    for pg in pages:
        ops = []
        for it in pg.items:
            if it[0] == "text":
                _, x, base, key, size, text = it
                ops.append("BT /F%s %s Tf %s %s Td %s Tj ET" % (key, _num(size), _num(x), _num(layout.H - base),
                                                               _pdf_str(text).decode("latin-1")))
            elif it[0] == "line":
                _, x0, y0, x1, y1, wd = it
                ops.append("%s w %s %s m %s %s l S" % (_num(wd), _num(x0), _num(layout.H - y0), _num(x1),
                                                        _num(layout.H - y1)))
            elif it[0] == "box":
                _, x0, y0, x1, y1, checked = it
                ops.append("0.6 w %s %s %s %s re S" % (_num(x0), _num(layout.H - y1), _num(x1 - x0), _num(y1 - y0)))
                if checked:
                    ops.append("%s %s m %s %s l %s %s m %s %s l S" % (
                        _num(x0), _num(layout.H - y0), _num(x1), _num(layout.H - y1),
                        _num(x0), _num(layout.H - y1), _num(x1), _num(layout.H - y0)))
        cont = pdf.stream("<< /Length %d >>", "\n".join(ops).encode("latin-1"))
        kids.append(pdf.add(("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources %s /Contents %d 0 R >>"
                             % (pages_id, res, cont)).encode()))
    return pdf.finish(kids, pages_id)


def tiff(images, dpi):
    """A multi-page TIFF: G4 for 1-bit pages, LZW for grey."""
    bio = io.BytesIO()
    first = images[0]
    comp = "group4" if first.mode == "1" else "tiff_lzw"
    first.save(bio, "TIFF", compression=comp, dpi=dpi, save_all=True, append_images=images[1:])
    return bio.getvalue()


def png(image, dpi):
    bio = io.BytesIO()
    image.save(bio, "PNG", dpi=dpi, optimize=False)
    return bio.getvalue()


def jpeg(image, quality, dpi=None):
    bio = io.BytesIO()
    kw = {"quality": quality}
    if dpi:
        kw["dpi"] = dpi
    image.save(bio, "JPEG", **kw)
    return bio.getvalue()
