/* The invisible text layer: Tesseract's way (its PDF renderer,
 * src/api/pdfrenderer.cpp), with one text matrix per word.  The font is its
 * glyphless font: every code is drawn with one empty glyph of width 500/1000,
 * so a word's width is set by the horizontal scaling alone, and a ToUnicode
 * map gives each code back as the UTF-16 unit it is. */
#include "pipeline/pdf/pdf_internal.h"

#include <math.h>
#include <string.h>

#include "pipeline/base/ms_error.h"

/* The glyph's advance, in thousandths of the font size (/DW). */
#define GLYPH_ADVANCE 0.5

static const char to_unicode[] =
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identify-UCS def\n/CMapType 2 def\n"
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    "1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\n"
    "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

static qpdf_oh new_stream(qpdf_data q, const void *data, size_t len)
{
    qpdf_oh s = qpdf_oh_new_stream(q);
    qpdf_oh none = qpdf_oh_new_null(q);
    qpdf_oh_replace_stream_data(q, s, data, len, none, none);
    return s;
}

gboolean ms_pdf_font_new(qpdf_data q, const char *font_dir, qpdf_oh *font, GError **err)
{
    char *path = g_build_filename(font_dir, "pdf.ttf", NULL);
    gchar *ttf = NULL;
    gsize ttf_len = 0;
    GError *ferr = NULL;
    gboolean ok = g_file_get_contents(path, &ttf, &ttf_len, &ferr);
    if (!ok) {
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "the glyphless font cannot be read: %s",
                    ferr->message);
        g_error_free(ferr);
        g_free(path);
        return FALSE;
    }
    g_free(path);
    /* every CID (a UTF-16 unit) draws glyph 1 */
    guint8 *gid = g_malloc(65536 * 2);
    for (gsize i = 0; i < 65536; i++) gid[2 * i] = 0, gid[2 * i + 1] = 1;
    qpdf_oh map = qpdf_make_indirect_object(q, new_stream(q, gid, 65536 * 2));
    g_free(gid);
    qpdf_oh file = new_stream(q, ttf, ttf_len);
    qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, file), "/Length1", qpdf_oh_new_integer(q, (long long)ttf_len));
    file = qpdf_make_indirect_object(q, file);
    g_free(ttf);
    /* Descent -1, not 0: readers take 0 as "not given" and use their own
     * (Poppler's is -0.35), which would stretch each word's box below it */
    qpdf_oh desc = qpdf_oh_parse(q, "<< /Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 "
                                    "/FontBBox [0 0 500 1000] /ItalicAngle 0 /Ascent 1000 "
                                    "/Descent -1 /CapHeight 1000 /StemV 80 >>");
    qpdf_oh_replace_key(q, desc, "/FontFile2", file);
    qpdf_oh cid = qpdf_oh_parse(q, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont "
                                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
                                   "/Supplement 0 >> /DW 500 >>");
    qpdf_oh_replace_key(q, cid, "/FontDescriptor", qpdf_make_indirect_object(q, desc));
    qpdf_oh_replace_key(q, cid, "/CIDToGIDMap", map);
    qpdf_oh f = qpdf_oh_parse(q, "<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont "
                                 "/Encoding /Identity-H >>");
    qpdf_oh kids = qpdf_oh_new_array(q);
    qpdf_oh_append_item(q, kids, qpdf_make_indirect_object(q, cid));
    qpdf_oh_replace_key(q, f, "/DescendantFonts", kids);
    qpdf_oh_replace_key(q, f, "/ToUnicode",
                        qpdf_make_indirect_object(q, new_stream(q, to_unicode, strlen(to_unicode))));
    *font = qpdf_make_indirect_object(q, f);
    return !ms_pdf_qpdf_failed(q, MS_ERR_OUTPUT, "the text layer's font", err);
}

/* A number in the content stream: C locale, at most 2 decimals (1/7200
 * inch), trailing zeros dropped ("1", "377.64"): a page holds a few hundred
 * words, each with a dozen numbers, so the layer stays small. */
static void num(GString *s, double v)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    if (!isfinite(v) || fabs(v) < 0.005) v = 0;
    g_ascii_formatd(buf, sizeof buf, "%.2f", v);
    char *end = buf + strlen(buf);
    while (end > buf && end[-1] == '0') *--end = '\0';
    if (end > buf && end[-1] == '.') *--end = '\0';
    g_string_append(s, strcmp(buf, "-0") == 0 ? "0" : buf);
    g_string_append_c(s, ' ');
}

/* Where a word's baseline starts, in the box's pixels (origin top-left), and
 * which side runs along the text: the text runs right on an upright page,
 * up on one turned 90 degrees clockwise to read it, and so on. */
static void word_origin(const float b[4], int rotation, double *x, double *y)
{
    switch (rotation) {
    case 90: *x = b[2], *y = b[3]; break;
    case 180: *x = b[2], *y = b[1]; break;
    case 270: *x = b[0], *y = b[1]; break;
    default: *x = b[0], *y = b[3];
    }
}

/* What the text state holds so far: a word only says what changed.  The
 * origin is the one written (rounded), so the moves never drift. */
typedef struct {
    gboolean started;
    double size, tz; /* as written, rounded */
    double x, y;     /* the last word's origin as written, in the frame */
    double c, sn;    /* the text's direction */
} text_state;

static double round_to(double v, double step)
{
    return floor(v / step + 0.5) * step;
}

/* One word: its size (Tf, to a quarter point, so a line's words mostly share
 * it; the box then moves by an eighth of a point at most) and scaling (Tz, to
 * a tenth of a percent) when they change, then a move
 * from the last word's origin (Td, in the text's own turned space) or, for
 * the first word, the whole text matrix (Tm). */
static void add_word(GString *s, text_state *ts, const ms_pdf_word *w, int rotation, double sx,
                     double sy, double hd)
{
    glong n = 0;
    gunichar2 *u16 = g_utf8_to_utf16(w->text, -1, NULL, &n, NULL);
    double bw = (w->box[2] - w->box[0]) * sx, bh = (w->box[3] - w->box[1]) * sy;
    gboolean sideways = rotation == 90 || rotation == 270;
    double size = round_to(sideways ? bw : bh, 0.25), length = sideways ? bh : bw;
    if (!u16 || n <= 0 || size <= 0.1 || length <= 0.1) {
        g_free(u16);
        return;
    }
    double ox, oy;
    word_origin(w->box, rotation, &ox, &oy);
    ox = round_to(ox * sx, 0.01), oy = round_to(hd - oy * sy, 0.01);
    double tz = round_to(100.0 * length / ((double)n * size * GLYPH_ADVANCE), 0.1);
    if (!ts->started || size != ts->size) {
        g_string_append(s, MS_PDF_FONT_NAME " ");
        num(s, size);
        g_string_append(s, "Tf ");
    }
    if (!ts->started || tz != ts->tz) {
        num(s, tz);
        g_string_append(s, "Tz ");
    }
    if (!ts->started) {
        num(s, ts->c), num(s, ts->sn), num(s, -ts->sn), num(s, ts->c), num(s, ox), num(s, oy);
        g_string_append(s, "Tm <");
    } else {
        double dx = ox - ts->x, dy = oy - ts->y; /* into the turned text space */
        num(s, dx * ts->c + dy * ts->sn), num(s, dy * ts->c - dx * ts->sn);
        g_string_append(s, "Td <");
    }
    ts->started = TRUE, ts->size = size, ts->tz = tz, ts->x = ox, ts->y = oy;
    for (glong i = 0; i < n; i++) g_string_append_printf(s, "%04X", (unsigned)u16[i]);
    g_string_append(s, "> Tj\n");
    g_free(u16);
}

GString *ms_pdf_text_layer(const ms_pdf_page *p, double wd, double hd, const double cm[6])
{
    GString *s = g_string_new("q\n");
    if (!p->words || !p->words->len || p->width <= 0 || p->height <= 0) return g_string_append(s, "Q\n");
    double sx = wd / p->width, sy = hd / p->height;
    for (int i = 0; i < 6; i++) num(s, cm[i]);
    g_string_append(s, "cm\nBT\n3 Tr\n");
    double a = p->rotation * G_PI / 180.0;
    text_state ts = {FALSE, 0, 0, 0, 0, round(cos(a)), round(sin(a))};
    for (guint i = 0; i < p->words->len; i++)
        add_word(s, &ts, &g_array_index(p->words, ms_pdf_word, i), p->rotation, sx, sy, hd);
    g_string_append(s, "ET\nQ\n");
    return s;
}
