/* The reading choice, square pixels, reading order and the second look.
 * The tests that read a page need Tesseract and its English data
 * (tesseract-ocr-eng, tools/install-deps.sh); without them they fail. */
#include <string.h>

#include "pipeline/ocr/ocr_internal.h"

static ms_word word(const char *t, int line, float x0, float y0, float x1, float y1, float conf)
{
    return (ms_word){g_strdup(t), 1, line, x0, y0, x1, y1, conf};
}

static GArray *words_new(void)
{
    GArray *a = g_array_new(FALSE, FALSE, sizeof(ms_word));
    g_array_set_clear_func(a, ms_word_clear);
    return a;
}

/* Score, poor test and choice from the words' confidences alone. */
static void test_choice(void)
{
    GArray *good = words_new(), *bad = words_new();
    for (int i = 0; i < 200; i++) {
        ms_word w = word("Honduras", 0, 0, 0, 10, 10, 93);
        g_array_append_val(good, w);
        if (i >= 50) continue;
        ms_word b = word("Hond", 0, 0, 0, 10, 10, i % 3 ? 70 : 30);
        g_array_append_val(bad, b);
    }
    ms_reading_stats g, p;
    ms_ocr_reading_stats(good, &g);
    ms_ocr_reading_stats(bad, &p);
    g_assert_cmpint(g.n_words, ==, 200);
    g_assert_cmpfloat_with_epsilon(g.score, 200 * 8 * 0.93, 0.01);
    g_assert_cmpint(p.n_low, ==, 17);
    /* 200 words for 300,000 ink pixels at 300 dpi: enough */
    g_assert_false(ms_ocr_reading_poor(&g, 300000, 300, NULL));
    GString *why = g_string_new(NULL);
    g_assert_true(ms_ocr_reading_poor(&p, 300000, 300, why));
    g_assert_cmpstr(why->str, ==, "low mean confidence");
    /* the same 200 good words for four times the ink: ink was not read */
    g_string_truncate(why, 0);
    g_assert_true(ms_ocr_reading_poor(&g, 200 * MS_READING_INK_PER_WORD * 1.2, 300, why));
    g_assert_cmpstr(why->str, ==, "few words for the ink");
    g_assert_cmpint(ms_ocr_reading_better(&p, &g), ==, 1);
    g_assert_cmpint(ms_ocr_reading_better(&g, &p), ==, 0);
    g_assert_cmpint(ms_ocr_reading_better(&g, &g), ==, 0); /* ties keep the first */
    g_string_free(why, TRUE);
    g_array_unref(good);
    g_array_unref(bad);
}

/* A box found on the square page maps back to the stored (non-square) one. */
static void test_unmap_resampled(void)
{
    ms_prep_info info = {.sx = 1, .sy = 204.0f / 98.0f};
    float box[4] = {100, 204, 300, 408};
    ms_ocr_unmap_box(box, &info, 1734, 2289);
    g_assert_cmpfloat_with_epsilon(box[0], 100, 0.01);
    g_assert_cmpfloat_with_epsilon(box[1], 98, 0.01);
    g_assert_cmpfloat_with_epsilon(box[3], 196, 0.01);
}

/* Two blocks on one row a word gap apart become one line; a column gutter
 * does not. */
static void test_layout(void)
{
    ms_reading r = {"binarized", words_new(), g_array_new(FALSE, FALSE, sizeof(int)), {0}};
    struct { const char *t; int line, block; float x0, y0, x1; } in[] = {
        {"Respondent,", 0, 0, 100, 100, 330}, {"a", 0, 0, 345, 100, 365}, {"Chinese", 0, 0, 380, 100, 520},
        {"States", 1, 0, 100, 150, 220}, {"inspection.", 1, 0, 235, 150, 420},
        {"national,", 2, 1, 535, 100, 700}, {"Page", 3, 2, 1400, 150, 1500},
    };
    for (guint i = 0; i < G_N_ELEMENTS(in); i++) {
        ms_word w = word(in[i].t, in[i].line, in[i].x0, in[i].y0, in[i].x1, in[i].y0 + 30, 90);
        g_array_append_val(r.words, w);
        g_array_append_val(r.blocks, in[i].block);
    }
    ms_layout_rebuild(&r);
    GString *s = g_string_new(NULL);
    int line = 0;
    for (guint i = 0; i < r.words->len; i++) {
        const ms_word *w = &g_array_index(r.words, ms_word, i);
        if (i) g_string_append(s, w->line != line ? " / " : " ");
        g_string_append(s, w->text);
        line = w->line;
    }
    g_assert_cmpstr(s->str, ==, "Respondent, a Chinese national, / States inspection. / Page");
    g_string_free(s, TRUE);
    ms_reading_dispose(&r);
}

static ms_ocr *engine(void)
{
    ms_ocr_options o = MS_OCR_OPTIONS_INIT;
    ms_ocr *ocr = NULL;
    GError *err = NULL;
    g_assert_true(ms_ocr_new(&o, &ocr, &err)); /* fails without tesseract-ocr-eng */
    return ocr;
}

static PIX *sample_page(void)
{
    char *path = g_build_filename(MS_TEST_SAMPLES_DIR, "04-designate-uganda-alternative-atlanta.png", NULL);
    PIX *p = pixRead(path);
    g_free(path);
    g_assert_nonnull(p);
    return p;
}

static gboolean has_word(GArray *words, const char *t, float max_y)
{
    for (guint i = 0; i < words->len; i++) {
        const ms_word *w = &g_array_index(words, ms_word, i);
        if (strstr(w->text, t) && w->y1 <= max_y) return TRUE;
    }
    return FALSE;
}

/* A copier's streak, a 2-pixel line down the page tilted by about one
 * degree through the text, is taken off the 1-bit and the grey page but where
 * it crosses a line of text; the page's own ink stays (no letter, rule or
 * caption column is that tall and thin), and a page without one is left as
 * it is. */
static void test_streaks(void)
{
    PIX *page = sample_page(); /* 1700 x 2200 at 200 dpi, grey */
    PIX *g8 = pixConvertTo8(page, FALSE);
    PIX *clean = pixConvertTo1(g8, 160);
    l_int32 ink0 = 0, ink1 = 0, line = 0;
    pixCountPixels(clean, &ink0, NULL);
    PIX *g = pixClone(g8);
    g_assert_cmpint(ms_ocr_remove_streaks(clean, &g, 200), ==, 0);
    pixCountPixels(clean, &ink1, NULL);
    g_assert_cmpint(ink1, ==, ink0);
    int h = pixGetHeight(clean);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < 2; x++) {
            int c = 850 + x + y / 60; /* about one degree */
            l_uint32 v = 0;
            pixGetPixel(clean, c, y, &v);
            line += v == 0;
            pixSetPixel(clean, c, y, 1);
            pixSetPixel(g, c, y, 0);
        }
    g_assert_cmpint(ms_ocr_remove_streaks(clean, &g, 200), ==, 1);
    l_int32 ink2 = 0;
    pixCountPixels(clean, &ink2, NULL);
    /* the line is gone but where it crosses a line of text, where it is
     * left with the letters: the page's ink is as before within 1% */
    g_assert_cmpint(ink2, <=, ink0 + ink0 / 100);
    g_assert_cmpint(ink2, >=, ink0 - ink0 / 100);
    l_uint32 grey_at = 0, bit_at = 0;
    pixGetPixel(g, 850 + 100 / 60, 100, &grey_at); /* the top margin: paper again */
    pixGetPixel(clean, 850 + 100 / 60, 100, &bit_at);
    g_assert_cmpuint(grey_at, ==, 255);
    g_assert_cmpuint(bit_at, ==, 0);
    g_assert_cmpint(line, >, h);
    pixDestroy(&g);
    pixDestroy(&clean);
    pixDestroy(&g8);
    pixDestroy(&page);
}

/* A fax-standard page (204 x 98 dpi) is read square and its boxes stay on
 * the page as stored. */
static void test_fax_standard(void)
{
    PIX *page = sample_page(); /* 1700 x 2200 at 200 dpi */
    PIX *fax = pixScale(page, 204.0f / 200.0f, 98.0f / 200.0f);
    PIX *bin = pixConvertTo1(fax, 160);
    pixSetResolution(bin, 204, 98);
    ms_prep_info prep;
    ms_ocr_options o = MS_OCR_OPTIONS_INIT;
    PIX *g = ms_ocr_prepare_grey(bin, 204, &o, &prep);
    g_assert_cmpfloat_with_epsilon(prep.sy, 204.0 / 98.0, 0.001);
    g_assert_cmpint(abs(pixGetHeight(g) - 2244), <=, 3);
    pixDestroy(&g);
    ms_ocr *ocr = engine();
    GArray *words = words_new();
    ms_ocr_page_info info;
    GError *err = NULL;
    g_assert_true(ms_ocr_page(ocr, bin, 204, 1, 0, words, &info, &err));
    g_assert_true(has_word(words, "209-664-173", (float)pixGetHeight(bin)));
    g_assert_true(has_word(words, "Uganda", (float)pixGetHeight(bin)));
    g_assert_cmpint(info.n_words, >, 200);
    g_free(info.reading_reason);
    if (info.looks) g_array_unref(info.looks);
    g_array_unref(words);
    ms_ocr_free(ocr);
    pixDestroy(&bin);
    pixDestroy(&fax);
    pixDestroy(&page);
}

/* A page with low contrast and a dark corner: the binarized reading is poor,
 * the grey one is read and kept, and the record says why. */
static void test_second_reading(void)
{
    PIX *page = sample_page();
    PIX *low = pixCopy(NULL, page);
    int w = pixGetWidth(low), h = pixGetHeight(low);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            l_uint32 v;
            pixGetPixel(low, x, y, &v);
            double light = 1.0 - 0.85 * ((double)x / w) * ((double)y / h); /* dark bottom right */
            pixSetPixel(low, x, y, (l_uint32)((120 + v * 100 / 255) * light));
        }
    ms_ocr *ocr = engine();
    GArray *words = words_new();
    ms_ocr_page_info info;
    GError *err = NULL;
    g_assert_true(ms_ocr_page(ocr, low, 200, 1, 0, words, &info, &err));
    g_test_message("reading %s: %s", info.reading, info.reading_reason);
    g_assert_cmpstr(info.reading, ==, "grey");
    g_assert_true(g_str_has_prefix(info.reading_reason, "grey score"));
    g_assert_nonnull(strstr(info.reading_reason, "(binarized poor: low mean confidence)"));
    g_assert_cmpfloat(info.mean_conf, >=, 90);
    g_assert_true(has_word(words, "Uganda", (float)h));
    g_free(info.reading_reason);
    if (info.looks) g_array_unref(info.looks);
    g_array_unref(words);
    ms_ocr_free(ocr);
    pixDestroy(&low);
    pixDestroy(&page);
}

/* The A-number misread on the page ("AO9-664-l73") is read again from its box
 * on the grey page and comes out with its nine digits. */
static void test_second_look(void)
{
    PIX *page = sample_page();
    ms_ocr *ocr = engine();
    ms_reading r;
    g_assert_true(ms_reading_run(ocr->api, page, 200, 0, "grey", &r));
    guint at = G_MAXUINT;
    for (guint i = 0; i < r.words->len && at == G_MAXUINT; i++)
        if (strstr(g_array_index(r.words, ms_word, i).text, "664")) at = i;
    g_assert_cmpuint(at, !=, G_MAXUINT);
    ms_word *w = &g_array_index(r.words, ms_word, at);
    g_free(w->text);
    w->text = g_strdup("AO9-664-l73"), w->conf = 40;
    GArray *looks = g_array_new(FALSE, TRUE, sizeof(ms_look));
    g_array_set_clear_func(looks, ms_look_clear);
    ms_look_again(ocr->api, page, 200, &r, looks);
    g_assert_cmpuint(looks->len, >=, 1);
    const ms_look *l = &g_array_index(looks, ms_look, 0);
    for (int k = 0; k < 3; k++)
        g_test_message("%s: %s (%.0f)", ms_look_reading_names[k], l->text[k], l->conf[k]);
    g_assert_cmpstr(l->kind, ==, "a_number");
    g_assert_cmpstr(l->text[0], ==, "AO9-664-l73");
    g_assert_cmpint(l->kept, !=, 0);
    g_assert_nonnull(strstr(l->text[l->kept], "209-664-173"));
    g_assert_nonnull(strstr(g_array_index(r.words, ms_word, at).text, "209-664-173"));
    g_array_unref(looks);
    ms_reading_dispose(&r);
    ms_ocr_free(ocr);
    pixDestroy(&page);
}

/* The readings of an A-number vote (no OCR: the readings are given). */
static void test_anumber_agree(void)
{
    static const struct {
        const char *page, *grey, *sauvola;
        float conf[3];
        int kept, want;
    } cases[] = {
        /* two agree against a better-confidence third */
        {"A245-298-653", "A245-298-053", "A245-298-653", {55, 83, 73}, 1, 2},
        /* the same number written with and without the old number's 0, and
         * with OCR's Q for 0 */
        {"AQ81322767", "A81322767", NULL, {40, 80, -1}, 1, 1},
        /* three different numbers: none is kept */
        {"AZ20-424-305", "A229-424-305", "A29-424-305", {30, 80, 70}, 1, MS_LOOK_REFUSED},
        /* one number read: the choice by confidence stands */
        {"A 222 659 612", NULL, NULL, {86, -1, -1}, 0, 0},
        {"A-0965-968-255", "A-0915-968-25", "A-0915-968-2", {18, 22, 22}, 0, 0},
        /* an "A" read as "4" before 3-3-3 digits: the grey reading agrees
         * with the page's, so the third number does not refuse both */
        {"A 213-193-857", "4213-193-857", "243-193-887", {41, 0, 0}, 0, 0},
        /* a reading that is no A-number (7-1 digits) never replaces the
         * page's, whatever its confidence */
        {"A200582544", "A2005825-4", NULL, {0, 25, -1}, 1, 0},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        ms_look l = {"a_number", {0, 0, 1, 1}, {(char *)cases[i].page, (char *)cases[i].grey,
                                                (char *)cases[i].sauvola},
                     {cases[i].conf[0], cases[i].conf[1], cases[i].conf[2]}, cases[i].kept};
        g_assert_cmpint(ms_look_agreed(&l), ==, cases[i].want);
    }
}

/* A page upside down that the orientation test does not turn (here: the test
 * is off, the re-reading on) reads very poorly; it is read again turned by 180
 * degrees, that reading is kept, and its boxes land on the page as given.
 * With the re-reading off too (the CLI's --no-orient) it stays upside down. */
static void test_upside_down_read_again(void)
{
    PIX *page = sample_page();
    PIX *down = pixRotateOrth(page, 2);
    ms_ocr_options o = MS_OCR_OPTIONS_INIT;
    o.orient = FALSE;
    ms_ocr *ocr = NULL;
    GError *err = NULL;
    g_assert_true(ms_ocr_new(&o, &ocr, &err));
    GArray *words = words_new();
    ms_ocr_page_info info;
    g_assert_true(ms_ocr_page(ocr, down, 200, 1, 0, words, &info, &err));
    g_test_message("reading %s: %s", info.reading, info.reading_reason);
    g_assert_nonnull(strstr(info.reading_reason, "very poor, read turned by 180: grey score"));
    g_assert_nonnull(strstr(info.reading_reason, " kept"));
    g_assert_cmpint(info.rotation, ==, 180);
    g_assert_cmpfloat(info.mean_conf, >=, 85);
    /* the caption is at the top of the page, so at the bottom of the page as given */
    int h = pixGetHeight(down);
    gboolean found = FALSE;
    for (guint i = 0; i < words->len; i++) {
        const ms_word *w = &g_array_index(words, ms_word, i);
        if (strcmp(w->text, "IMMIGRATION") == 0 && w->y0 > h / 2) found = TRUE;
    }
    g_assert_true(found);
    GString *first = g_string_new(NULL);
    for (guint i = 0; i < 6 && i < words->len; i++)
        g_string_append_printf(first, "%s%s", i ? " " : "", g_array_index(words, ms_word, i).text);
    g_test_message("first words: %s", first->str);
    g_string_free(first, TRUE);
    g_free(info.reading_reason);
    if (info.looks) g_array_unref(info.looks);
    g_array_unref(words);
    ms_ocr_free(ocr);
    o.reorient = FALSE;
    g_assert_true(ms_ocr_new(&o, &ocr, &err));
    words = words_new();
    g_assert_true(ms_ocr_page(ocr, down, 200, 1, 0, words, &info, &err));
    g_assert_cmpint(info.rotation, ==, 0);
    g_assert_null(strstr(info.reading_reason, "very poor"));
    g_free(info.reading_reason);
    if (info.looks) g_array_unref(info.looks);
    g_array_unref(words);
    ms_ocr_free(ocr);
    pixDestroy(&down);
    pixDestroy(&page);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/ocr-read/choice", test_choice);
    g_test_add_func("/ocr-read/unmap-resampled", test_unmap_resampled);
    g_test_add_func("/ocr-read/layout", test_layout);
    g_test_add_func("/ocr-read/fax-standard", test_fax_standard);
    g_test_add_func("/ocr-read/streaks", test_streaks);
    g_test_add_func("/ocr-read/second-reading", test_second_reading);
    g_test_add_func("/ocr-read/upside-down-read-again", test_upside_down_read_again);
    g_test_add_func("/ocr-read/second-look", test_second_look);
    g_test_add_func("/ocr-read/anumber-readings-agree", test_anumber_agree);
    return g_test_run();
}
