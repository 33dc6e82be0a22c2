/* barcode: the worker-side scan of a page image (zbar), the barcodes on the
 * worker wire, and the separator cue of extractors/stack.c.  The scan tests
 * need zbar (libzbar-dev, tools/install-deps.sh): in a build without it they
 * fail, saying so. */
#include <string.h>

#include <leptonica/allheaders.h>

#include "extractors/stack.h"
#include "pipeline/base/limits.h"
#include "pipeline/ocr/barcode.h"
#include "pipeline/worker/worker_wire.h"
#include "tests/testutil.h"

/* Code 39 (bar, space, ... , bar; n narrow, w wide) for the characters used here. */
static const char *code39(char c)
{
    static const struct { char c; const char *p; } table[] = {
        {'*', "nwnnwnwnn"}, {'P', "nnwnwnnwn"}, {'A', "wnnnnwnnw"}, {'T', "nnnnwnwwn"},
        {'C', "wnwnnwnnn"}, {'H', "wnnnnwwnn"}, {'-', "nwnnnnwnw"}, {'1', "wnnwnnnnw"},
        {'2', "nnwwnnnnw"}, {'3', "wnwwnnnnn"}, {'4', "nnnwwnnnw"}};
    for (gsize i = 0; i < G_N_ELEMENTS(table); i++)
        if (table[i].c == c) return table[i].p;
    g_assert_not_reached();
}

/* A white page of w x h pixels at `depth` (8 or 1) with `value` drawn as Code
 * 39 at (x, y), narrow bars `narrow` pixels wide, wide ones three times that. */
static PIX *code39_page(int w, int h, int depth, const char *value, int x, int y, int narrow)
{
    PIX *pix = pixCreate(w, h, 8);
    pixSetAll(pix);
    char *framed = g_strdup_printf("*%s*", value);
    for (const char *c = framed; *c; c++) {
        const char *p = code39(*c);
        for (int e = 0; e < 9; e++) {
            int wd = narrow * (p[e] == 'w' ? 3 : 1);
            if (e % 2 == 0) {
                BOX *b = boxCreate(x, y, wd, h / 8);
                pixSetInRectArbitrary(pix, b, 0);
                boxDestroy(&b);
            }
            x += wd;
        }
        x += narrow;
    }
    g_free(framed);
    if (depth == 1) {
        PIX *bw = pixThresholdToBinary(pix, 128);
        pixDestroy(&pix);
        pix = bw;
    }
    return pix;
}

static GArray *barcodes_new(void)
{
    GArray *a = g_array_new(FALSE, TRUE, sizeof(ms_barcode));
    g_array_set_clear_func(a, ms_barcode_clear);
    return a;
}

static void need_zbar(void)
{
    if (!ms_barcode_library())
        g_error("this build has no zbar: barcodes cannot be read (install libzbar-dev with "
                "tools/install-deps.sh and build again)");
}

/* A PATCH-T sheet at 300 dpi (downscaled before the scan) and at 200 dpi,
 * grey and bilevel: the value is found, with its symbology and page. */
static void test_scan_found(void)
{
    need_zbar();
    static const struct { int dpi, depth, narrow; } cases[] = {{300, 8, 6}, {300, 1, 5}, {200, 8, 4},
                                                               {200, 1, 3}};
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        int w = cases[i].dpi * 17 / 2, h = cases[i].dpi * 11;
        PIX *pix = code39_page(w, h, cases[i].depth, "PATCH-T", w / 5, h / 2, cases[i].narrow);
        GArray *found = barcodes_new();
        g_assert_cmpint(ms_barcode_scan(pix, cases[i].dpi, 7, found), ==, 1);
        const ms_barcode *b = &g_array_index(found, ms_barcode, 0);
        g_assert_cmpstr(b->symbology, ==, "CODE-39");
        g_assert_cmpstr(b->value, ==, "PATCH-T");
        g_assert_cmpint(b->page, ==, 7);
        g_array_unref(found);
        pixDestroy(&pix);
    }
}

/* A page with no barcode (blank, or lines of "text" blocks) gives none. */
static void test_scan_none(void)
{
    need_zbar();
    PIX *pix = pixCreate(2550, 3300, 8);
    pixSetAll(pix);
    GArray *found = barcodes_new();
    g_assert_cmpint(ms_barcode_scan(pix, 300, 1, found), ==, 0);
    for (int line = 0; line < 40; line++)
        for (int word = 0; word < 9; word++) {
            BOX *b = boxCreate(300 + word * 220, 300 + line * 70, 60 + (word * 37 + line * 11) % 140, 28);
            pixSetInRectArbitrary(pix, b, 0);
            boxDestroy(&b);
        }
    g_assert_cmpint(ms_barcode_scan(pix, 300, 1, found), ==, 0);
    g_assert_cmpuint(found->len, ==, 0);
    g_array_unref(found);
    pixDestroy(&pix);
}

static GVariant *page_message(GArray *barcodes)
{
    ms_page_result pr = {.number = 2, .source = "ocr", .dpi = 300, .conf = 90, .barcodes = barcodes};
    GArray *words = g_array_new(FALSE, TRUE, sizeof(ms_word));
    GVariant *v = g_variant_ref_sink(ms_wire_page_to(&pr, words));
    g_array_unref(words);
    return v;
}

static void add_barcode(GArray *a, const char *symbology, const char *value)
{
    ms_barcode b = {symbology, g_strdup(value), 2};
    g_array_append_val(a, b);
}

/* The barcodes cross the wire as they are; a reply out of bounds (an unknown
 * symbology, an empty or too long value, too many) is refused whole. */
static void test_wire(void)
{
    GArray *in = barcodes_new();
    add_barcode(in, "CODE-39", "PATCHT");
    add_barcode(in, "QR-Code", "SEPARATOR");
    GVariant *v = page_message(in);
    ms_page_result back = {0};
    GArray *words = g_array_new(FALSE, TRUE, sizeof(ms_word));
    g_assert_true(ms_wire_page_from(v, 2, &back, words));
    g_assert_nonnull(back.barcodes);
    g_assert_cmpuint(back.barcodes->len, ==, 2);
    g_assert_cmpstr(g_array_index(back.barcodes, ms_barcode, 1).symbology, ==, "QR-Code");
    g_assert_cmpstr(g_array_index(back.barcodes, ms_barcode, 1).value, ==, "SEPARATOR");
    g_assert_cmpint(g_array_index(back.barcodes, ms_barcode, 0).page, ==, 2);
    ms_page_result_clear(&back);
    g_variant_unref(v);
    char *too_long = g_strnfill(MS_MAX_BARCODE_BYTES + 1, 'A');
    const char *bad[][2] = {{"EAN-13", "PATCHT"}, {"CODE-39", ""}, {"CODE-39", too_long}};
    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
        GArray *one = barcodes_new();
        add_barcode(one, bad[i][0], bad[i][1]);
        v = page_message(one);
        ms_page_result r = {0};
        g_assert_false(ms_wire_page_from(v, 2, &r, words));
        g_assert_null(r.barcodes);
        g_variant_unref(v);
        g_array_unref(one);
    }
    g_free(too_long);
    for (int i = 0; i < MS_MAX_BARCODES; i++) add_barcode(in, "CODE-128", "X");
    v = page_message(in); /* 18 of them */
    ms_page_result r = {0};
    g_assert_false(ms_wire_page_from(v, 2, &r, words));
    g_variant_unref(v);
    g_assert_cmpuint(words->len, ==, 0);
    g_array_unref(words);
    g_array_unref(in);
}

/* A motion whose page 3 says "Page 2 of 2": with page 2 a blank sheet it is
 * one filing; with a PATCH T barcode on page 2 the sheet is a separator and
 * page 3 opens a second filing (the barcode always splits).  A barcode that
 * is no separator value changes nothing. */
static const char *const motion =
    "U.S. Department of Justice\nIn the Matter of: DOE, Jane\nA-123-456-789\n"
    "DHS MOTION TO PRETERMIT\nThe respondent's application is incomplete.\nPage 1 of 2\f"
    "\f"
    "The respondent has not shown prima facie eligibility for relief.\nPage 2 of 2\n";

/* The stack's barcode strings are borrowed from *b (g_array_unref after it). */
static ms_stack *stack_with(const char *symbology, const char *value, GArray **b)
{
    ms_text *t = ms_test_text(motion);
    ms_matcher *m = ms_matcher_new();
    *b = barcodes_new();
    if (value) add_barcode(*b, symbology, value); /* on page 2 */
    ms_stack *st = ms_stack_find(ms_test_rules(), m, t, *b);
    ms_matcher_free(m);
    ms_text_free(t);
    return st;
}

static gboolean has_cue(const ms_stack_part *p, const char *cue)
{
    for (guint i = 0; i < p->cues->len; i++)
        if (strcmp(g_ptr_array_index(p->cues, i), cue) == 0) return TRUE;
    return FALSE;
}

static void test_stack_separator(void)
{
    GArray *b;
    ms_stack *plain = stack_with(NULL, NULL, &b);
    g_assert_cmpuint(plain->parts->len, ==, 1);
    g_assert_cmpstr(g_array_index(plain->non_filing, ms_stack_page, 0).kind, ==, "blank");
    ms_stack_free(plain);
    g_array_unref(b);
    const char *other[][2] = {{"CODE-128", "A123456789"}, {"CODE-39", "PATCH 2"}};
    for (gsize i = 0; i < G_N_ELEMENTS(other); i++) {
        ms_stack *st = stack_with(other[i][0], other[i][1], &b);
        g_assert_cmpuint(st->parts->len, ==, 1);
        g_assert_null(g_array_index(st->non_filing, ms_stack_page, 0).value);
        ms_stack_free(st);
        g_array_unref(b);
    }
    const char *values[] = {"PATCHT", "PATCH T", "PATCH-T", "SEPARATOR"};
    for (gsize i = 0; i < G_N_ELEMENTS(values); i++) {
        ms_stack *st = stack_with("CODE-39", values[i], &b);
        g_assert_cmpuint(st->parts->len, ==, 2);
        const ms_stack_page *np = &g_array_index(st->non_filing, ms_stack_page, 0);
        g_assert_cmpint(np->page, ==, 2);
        g_assert_cmpstr(np->kind, ==, "separator");
        g_assert_cmpstr(np->symbology, ==, "CODE-39");
        g_assert_cmpstr(np->value, ==, values[i]);
        const ms_stack_part *second = &g_array_index(st->parts, ms_stack_part, 1);
        g_assert_cmpint(second->first, ==, 3);
        g_assert_cmpfloat(second->confidence, ==, 1.0);
        g_assert_false(second->review);
        g_assert_true(has_cue(second, "after_separator_barcode"));
        g_assert_true(has_cue(second, "page_continued"));
        ms_stack_free(st);
        g_array_unref(b);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/barcode/scan_found", test_scan_found);
    g_test_add_func("/barcode/scan_none", test_scan_none);
    g_test_add_func("/barcode/wire", test_wire);
    g_test_add_func("/barcode/stack_separator", test_stack_separator);
    return g_test_run();
}
