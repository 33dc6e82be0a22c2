/* pages: PDFs through Poppler, images through Leptonica, using the samples. */
#include <string.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/pages/pages.h"
#include "pipeline/base/text.h"

static gboolean load(const char *name, ms_input *in)
{
    char *path = g_build_filename(MS_TEST_SAMPLES_DIR, name, NULL);
    ms_limits lim = MS_LIMITS_INIT;
    gboolean ok = ms_input_load(path, &lim, in, NULL);
    g_free(path);
    return ok;
}

static void free_words(GArray *words)
{
    g_array_set_clear_func(words, ms_word_clear);
    g_array_free(words, TRUE);
}

static void test_text_layer(void)
{
    ms_input in;
    g_assert_true(load("02-pretermit-incomplete-i589-born-digital.pdf", &in));
    ms_limits lim = MS_LIMITS_INIT;
    ms_doc *doc = NULL;
    g_assert_true(ms_doc_open(&in, &lim, NULL, &doc, NULL));
    g_assert_true(ms_doc_is_pdf(doc));
    g_assert_cmpint(ms_doc_page_count(doc), ==, 2);
    GArray *words = g_array_new(FALSE, FALSE, sizeof(ms_word));
    int alnum = ms_doc_text_layer(doc, 0, 300, words);
    g_assert_cmpint(alnum, >, 500);
    gboolean found = FALSE;
    for (guint i = 0; i < words->len; i++) {
        ms_word *w = &g_array_index(words, ms_word, i);
        g_assert_cmpint(w->page, ==, 1);
        g_assert_cmpfloat(w->conf, ==, -1.0f);
        /* boxes inside a letter page at 300 dpi, top-left origin */
        g_assert_cmpfloat(w->x0, >=, 0);
        g_assert_cmpfloat(w->x1, <=, 2550);
        g_assert_cmpfloat(w->y1, <=, 3300);
        g_assert_cmpfloat(w->x0, <, w->x1);
        if (strcmp(w->text, "PRETERMIT") == 0) {
            found = TRUE;
            /* the title sits in the upper half of the page, below the caption */
            g_assert_cmpfloat(w->y0, >, 800);
            g_assert_cmpfloat(w->y1, <, 1650);
        }
    }
    g_assert_true(found);
    int w = 0, h = 0;
    ms_doc_page_size(doc, 0, 150, &w, &h);
    g_assert_cmpint(w, ==, 1275);
    g_assert_cmpint(h, ==, 1650);
    free_words(words);

    /* The same page rendered: 8-bit grey at the requested DPI. */
    int dpi = 0;
    PIX *pix = ms_doc_render_page(doc, 0, 100, &lim, &dpi, NULL);
    g_assert_nonnull(pix);
    g_assert_cmpint(dpi, ==, 100);
    g_assert_cmpint(pixGetWidth(pix), ==, 850);
    g_assert_cmpint(pixGetDepth(pix), ==, 8);
    pixDestroy(&pix);

    /* The pixel bound downscales instead of failing. */
    lim.max_pixels = 1000000;
    pix = ms_doc_render_page(doc, 0, 300, &lim, &dpi, NULL);
    g_assert_nonnull(pix);
    g_assert_cmpint(pixGetWidth(pix) * pixGetHeight(pix), <=, 1000000 + 5000);
    g_assert_cmpint(dpi, <, 300);
    pixDestroy(&pix);
    ms_doc_free(doc);
    ms_input_dispose(&in);
}

static void test_multipage_tiff(void)
{
    ms_input in;
    g_assert_true(load("03-pretermit-three-acas-fax.tif", &in));
    ms_limits lim = MS_LIMITS_INIT;
    ms_doc *doc = NULL;
    g_assert_true(ms_doc_open(&in, &lim, NULL, &doc, NULL));
    g_assert_false(ms_doc_is_pdf(doc));
    g_assert_cmpint(ms_doc_page_count(doc), ==, 2);
    GArray *words = g_array_new(FALSE, FALSE, sizeof(ms_word));
    g_assert_cmpint(ms_doc_text_layer(doc, 0, 300, words), ==, 0); /* images have none */
    free_words(words);
    for (int i = 0; i < 2; i++) {
        int dpi = 0;
        PIX *pix = ms_doc_render_page(doc, i, 300, &lim, &dpi, NULL);
        g_assert_nonnull(pix);
        g_assert_cmpint(dpi, ==, 200); /* the fax's own resolution, not --dpi */
        g_assert_cmpint(pixGetDepth(pix), ==, 1);
        pixDestroy(&pix);
    }
    lim.max_pages = 1;
    ms_doc_free(doc);
    doc = NULL;
    GError *err = NULL;
    g_assert_false(ms_doc_open(&in, &lim, NULL, &doc, &err));
    g_assert_error(err, MS_ERROR, MS_ERR_TOO_MANY_PAGES);
    g_error_free(err);
    ms_input_dispose(&in);
}

static void test_corrupt_inputs(void)
{
    ms_limits lim = MS_LIMITS_INIT;
#define BYTES(lit) lit, sizeof lit - 1
    const struct { ms_format fmt; const char *bytes; gsize len; int code; } cases[] = {
        {MS_FMT_PDF, BYTES("%PDF-1.4\nnot really a pdf"), MS_ERR_CORRUPT_PDF},
        {MS_FMT_TIFF, BYTES("II*\0garbage-garbage-garbage"), MS_ERR_CORRUPT_IMAGE},
    };
#undef BYTES
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        ms_input in = {g_strdup("x"), g_bytes_new(cases[i].bytes, cases[i].len), "", cases[i].fmt};
        ms_doc *doc = NULL;
        GError *err = NULL;
        g_assert_false(ms_doc_open(&in, &lim, NULL, &doc, &err));
        g_assert_error(err, MS_ERROR, cases[i].code);
        g_error_free(err);
        ms_input_dispose(&in);
    }
    /* A PNG that is only a header opens (one page) but cannot be decoded. */
    ms_input png = {g_strdup("y"), g_bytes_new("\x89PNG\r\n\x1a\n\0\0", 10), "", MS_FMT_PNG};
    ms_doc *doc = NULL;
    g_assert_true(ms_doc_open(&png, &lim, NULL, &doc, NULL));
    GError *err = NULL;
    int dpi;
    g_assert_null(ms_doc_render_page(doc, 0, 300, &lim, &dpi, &err));
    g_assert_error(err, MS_ERROR, MS_ERR_CORRUPT_IMAGE);
    g_error_free(err);
    ms_doc_free(doc);
    ms_input_dispose(&png);
}

int main(int argc, char **argv)
{
    setMsgSeverity(L_SEVERITY_NONE);
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pages/text-layer", test_text_layer);
    g_test_add_func("/pages/multipage-tiff", test_multipage_tiff);
    g_test_add_func("/pages/corrupt", test_corrupt_inputs);
    return g_test_run();
}
