#!/usr/bin/python3
"""Write the fuzz targets' seed corpora and dictionaries (tests/fuzz/corpus/, tests/fuzz/dict/).

    /usr/bin/python3 tools/gen_fuzz_seeds.py [FUZZ_DIR]

Deterministic, stdlib and PIL only; every file is small (the largest is a few
kilobytes) so the corpora can live in the repository:
  rules/    rule-file snippets: every section of the bundled rules cut into
            small files, plus broken ones (bad regex, unknown macro, recursion,
            missing keys, a catastrophic pattern with examples)
  text/     words with ligatures, curly quotes, dashes, soft hyphens,
            line-end hyphenation, invalid UTF-8, NUL-separated pieces
  extract/  the first 1.5 kB of every sample transcript, and page breaks
  ingest/   tiny PDFs (text layer, image, two pages, broken xref), PNG,
            multi-page G4 TIFF, JPEG, and cut-off copies of each
"""
import io
import os
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


# ---- rules ---------------------------------------------------------------

BROKEN_RULES = {
    "bad-regex.rules": "[rule x]\nfield = motion_type\nvalue = other\npattern = (unclosed\n",
    "unknown-macro.rules": "[rule x]\nfield = filer\nvalue = dhs\npattern = {{NOPE}}\n",
    "recursive-macro.rules": "[macro A]\npattern = x{{A}}\n[rule x]\nfield = filer\n"
                             "value = dhs\npattern = {{A}}\n",
    "unclosed-macro.rules": "[rule x]\nfield = filer\nvalue = dhs\npattern = a{{COUNTRY\n",
    "no-field.rules": "[rule x]\npattern = a\n",
    "bad-header.rules": "[rule]\n[macro]\n[other x]\nkey before section = 1\n",
    "bad-keys.rules": "[rule x]\nfield = nope\nscope = nowhere\nweight = -5\nweight = 99999\n"
                      "value = ${missing}\npattern = (?<v>a)\nbogus = 1\n",
    "catastrophic.rules": "[rule slow]\nfield = respondent\nvalue = ${v}\n"
                          "pattern = (?<v>(a+)+)+$\nexample = " + "a" * 40 + "!\n",
    "country-role.rules": "[rule r]\nfield = country_role\nvalue = removal\n"
                          "pattern = removed\\s+to\\s+(?<target>{{COUNTRY}})\n"
                          "example = ordered removed to Honduras\ncounter = removed to Spain\n",
    "demonym.rules": "[rule n]\nfield = country_role\nvalue = nationality\n"
                     "pattern = (?<target>{{DEMONYM}})\\s+citizen\nexample = a Honduran citizen\n",
    "escapes.rules": "[rule e]\nfield = a_number\nvalue = ${n}\nscope = caption\n"
                     "pattern = A[-# ]*(?<n>\\d{3}-?\\d{3}-?\\d{3})\nexample = A# 212-345-678\\nnext\n",
    "empty-match.rules": "[rule z]\nfield = not_country\npattern = (?=x)|\\b\nexample = x\n",
}


def rules_seeds(out):
    for name, text in BROKEN_RULES.items():
        write(os.path.join(out, name), text)
    rdir = os.path.join(ROOT, "rules")
    for fname in sorted(os.listdir(rdir)):
        if not fname.endswith(".rules"):
            continue
        with open(os.path.join(rdir, fname), encoding="utf-8") as f:
            text = f.read()
        # Cut at section headers into chunks of about 1.5 kB.
        chunks, cur = [], ""
        for line in text.splitlines(keepends=True):
            if line.startswith("[") and len(cur) > 1500:
                chunks.append(cur)
                cur = ""
            cur += line
        chunks.append(cur)
        for i, c in enumerate(chunks):
            write(os.path.join(out, f"{fname[:-6]}-{i:02d}.rules"), c)


# ---- text ------------------------------------------------------------------

TEXT_SEEDS = {
    "ligatures": "e\ufb03cient \ufb01led \ufb02ight \ufb00",
    "quotes": "\u201cHonduras\u201d \u2018El Salvador\u2019 DHS\u2019s \u00b4x\u00b4",
    "dashes": "A\u2013212\u2014345\u2212678 \u2010x \u2015",
    "soft-hyphen": "Hon\u00addu\u00adras",
    "hyphenation": "Hon-\0duras\0Guinea-\0Bissau\0re-\0\0-order",
    "debris": "|\0'\0.\0_ -\0\u00a7\0&\0$",
    "invalid-utf8": b"\xff\xfe\xc3\x28 \xe2\x82 \xf0\x9f\x98 ok",
    "pages": "one\0\x0ctwo\0\x0cthree\0\x08line",
    "wide": "\uff21\uff11\uff12 \u2460 \u00bd \u2126",
    "combining": "Me\u0301xico Re\u0301publica \u0301",
}


def text_seeds(out):
    for name, s in TEXT_SEEDS.items():
        write(os.path.join(out, name), s)


# ---- extract ---------------------------------------------------------------

def extract_seeds(out):
    tdir = os.path.join(ROOT, "samples", "truth")
    for fname in sorted(os.listdir(tdir)):
        with open(os.path.join(tdir, fname), "rb") as f:
            data = f.read()
        cut = data[:1500]
        while cut and (cut[-1] & 0xC0) == 0x80:  # no split UTF-8 sequence
            cut = cut[:-1]
        write(os.path.join(out, fname[:2] + ".txt"), cut)
    write(os.path.join(out, "pages.txt"),
          "MOTION TO PRETERMIT\n\x0cpage two: removal to Honduras\n\x0c\x0cA 212-345-678")
    write(os.path.join(out, "empty.txt"), "")


# ---- ingest ----------------------------------------------------------------

def pdf(objects):
    """A PDF from object bodies (1-based), with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def stream(dict_entries, data):
    return b"<< %s /Length %d >>\nstream\n" % (dict_entries, len(data)) + data + b"\nendstream"


def text_pdf(pages):
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages))).encode()
    font = 3 + 2 * len(pages)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages))]
    for i, lines in enumerate(pages):
        content = b"BT /F1 11 Tf 72 720 Td 14 TL " + b" ".join(
            b"(" + l.encode() + b") '" for l in lines) + b" ET"
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                    b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                    % (font, 4 + 2 * i))
        objs.append(stream(b"", content))
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return pdf(objs)


def image_pdf(img_dict, img_data, w, h):
    content = b"q 612 0 0 792 0 0 cm /Im0 Do Q"
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                b"/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
                stream(b"", content),
                stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d %s" % (w, h, img_dict),
                       img_data)])


def ingest_seeds(out):
    from PIL import Image, ImageDraw

    lines = ["DEPARTMENT OF HOMELAND SECURITY", "MOTION TO PRETERMIT",
             "Respondent: RAMIREZ, Yusmary  A 212-345-678",
             "DHS proposes removal to Honduras."]
    seeds = {
        "text.pdf": text_pdf([lines]),
        "two-pages.pdf": text_pdf([lines[:2], lines[2:]]),
    }
    grey = bytes((x * 7 + y * 13) & 0xFF for y in range(16) for x in range(16))
    seeds["flate-image.pdf"] = image_pdf(b"/ColorSpace /DeviceGray /BitsPerComponent 8 "
                                         b"/Filter /FlateDecode", zlib.compress(grey, 9), 16, 16)
    seeds["ccitt-image.pdf"] = image_pdf(b"/ColorSpace /DeviceGray /BitsPerComponent 1 "
                                         b"/Filter /CCITTFaxDecode /DecodeParms << /K -1 "
                                         b"/Columns 16 /Rows 16 >>", b"\x26\xa0\x00\x10\x01", 16, 16)
    # An xref that points nowhere: Poppler has to reconstruct it.
    seeds["bad-xref.pdf"] = text_pdf([lines]).replace(b"startxref\n", b"startxref\n9")

    img = Image.new("L", (64, 32), 255)
    d = ImageDraw.Draw(img)
    d.text((2, 2), "A 212", fill=0)
    d.line((0, 30, 63, 20), fill=0)
    buf = io.BytesIO()
    img.save(buf, "PNG", dpi=(300, 300))
    seeds["page.png"] = buf.getvalue()
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=50, dpi=(200, 200))
    seeds["page.jpg"] = buf.getvalue()
    buf = io.BytesIO()
    bw = img.convert("1")
    bw.save(buf, "TIFF", compression="group4", save_all=True,
            append_images=[bw.rotate(90, expand=True)], dpi=(204, 196))
    seeds["fax-two-pages.tif"] = buf.getvalue()
    buf = io.BytesIO()
    img.convert("P").save(buf, "PNG")
    seeds["palette.png"] = buf.getvalue()

    for name, data in sorted(seeds.items()):
        write(os.path.join(out, name), data)
        write(os.path.join(out, "cut-" + name), data[: len(data) * 2 // 3])


# ---- dictionaries ----------------------------------------------------------

DICTS = {
    "rules.dict": ['"[rule "', '"[macro "', '"]"', '"field = "', '"value = "', '"scope = "',
                   '"weight = "', '"pattern = "', '"example = "', '"counter = "', '"{{COUNTRY}}"',
                   '"{{DEMONYM}}"', '"{{"', '"}}"', '"${"', '"(?<target>"', '"(?<v>"',
                   '"motion_type"', '"country_role"', '"not_country"', '"a_number"', '"title"',
                   '"caption"', '"body"', '"exhibits"', '"removal"', '"\\\\b"', '"\\\\s+"',
                   '"(?:"', '"|"', '"+"', '"*+"', '"(?="', '"(?<="', '"\\\\n"', '"#"'],
    "extract.dict": ['"MOTION TO PRETERMIT"', '"MOTION TO DISMISS"', '"DEPARTMENT OF HOMELAND SECURITY"',
                     '"Respondent"', '"IMMIGRATION COURT"', '"A 212-345-678"', '"A#"',
                     '"Honduras"', '"Honduran"', '"Guatemala"', '"Uganda"', '"Ecuador"', '"Mexico"',
                     '"removal to"', '"in the alternative"', '"DETAINED"', '"NON-DETAINED"',
                     '"Immigration Judge"', '"Next Hearing:"', '"October 21, 2025"',
                     '"CERTIFICATE OF SERVICE"', '"EXHIBIT"', '"INA \\xc2\\xa7 208(a)(2)(A)"',
                     '"8 C.F.R. \\xc2\\xa7 1240.11"', '"Matter of"', '"I&N Dec."', '"\\x0c"',
                     '"\\x0a"', '"-\\x0a"', '"OPPOSITION"', '"ORDER"'],
    "ingest.dict": ['"%PDF-1.4"', '"obj"', '"endobj"', '"stream"', '"endstream"', '"xref"',
                    '"trailer"', '"startxref"', '"%%EOF"', '"/Type"', '"/Page"', '"/Pages"',
                    '"/Kids"', '"/Count"', '"/MediaBox"', '"/Contents"', '"/Resources"',
                    '"/Filter"', '"/FlateDecode"', '"/CCITTFaxDecode"', '"/DCTDecode"',
                    '"/JBIG2Decode"', '"/JPXDecode"', '"/Encrypt"', '"/Length"', '"/Width"',
                    '"/Height"', '"/BitsPerComponent"', '"/ColorSpace"', '"/DeviceCMYK"',
                    '"/Rotate"', '"/ObjStm"', '"/XRef"', '"\\x89PNG\\x0d\\x0a\\x1a\\x0a"',
                    '"IHDR"', '"IDAT"', '"IEND"', '"PLTE"', '"pHYs"', '"II*\\x00"', '"MM\\x00*"',
                    '"\\xff\\xd8\\xff"', '"\\xff\\xc0"', '"\\xff\\xda"', '"\\xff\\xd9"'],
}


def main():
    fuzz = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "fuzz")
    rules_seeds(os.path.join(fuzz, "corpus", "rules"))
    text_seeds(os.path.join(fuzz, "corpus", "text"))
    extract_seeds(os.path.join(fuzz, "corpus", "extract"))
    ingest_seeds(os.path.join(fuzz, "corpus", "ingest"))
    for name, entries in DICTS.items():
        write(os.path.join(fuzz, "dict", name), "\n".join(entries) + "\n")
    n = sum(len(f) for _, _, f in os.walk(os.path.join(fuzz, "corpus")))
    print(f"{n} seed files, {len(DICTS)} dictionaries in {fuzz}")


if __name__ == "__main__":
    main()
