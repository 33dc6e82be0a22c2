/* wire: a page's words cross between the worker and the parent as one text
 * blob and fixed-size tuples (worker_wire.h), and an open's reply carries the
 * document's leading run of text-layer pages (worker_proc.h).
 *
 * The page checks round-trip results through the serialised form the socket
 * carries and feed the parent malformed ones.  The open checks run this
 * program as a worker: the real one (`test_wire __worker`) on two samples,
 * and a hostile one (the same, MS_TEST_FAKE=MODE) whose open replies lie in one
 * way each, which must cost the document a worker_crashed error. */
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/base/text.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/pages/pages.h"
#include "pipeline/worker/worker_proc.h"
#include "pipeline/worker/worker_wire.h"

/* A message as the other end gets it: serialised, then read back untrusted. */
static GVariant *through_wire(GVariant *msg, const char *type)
{
    g_variant_ref_sink(msg);
    GBytes *b = g_variant_get_data_as_bytes(msg);
    GVariant *v = g_variant_ref_sink(g_variant_new_from_bytes(G_VARIANT_TYPE(type), b, FALSE));
    g_bytes_unref(b);
    g_variant_unref(msg);
    return v;
}

static void add_word(GArray *words, const char *text, int line, float x0, float conf)
{
    ms_word w = {g_strdup(text), 0, line, x0, 20.5f, x0 + 30.25f, 40, conf};
    g_array_append_val(words, w);
}

static GArray *new_words(void)
{
    GArray *words = g_array_new(FALSE, FALSE, sizeof(ms_word));
    g_array_set_clear_func(words, ms_word_clear);
    return words;
}

static void test_round_trip(void)
{
    GArray *words = new_words();
    add_word(words, "Pretermit", 0, 10.125f, -1);
    add_word(words, "", 1, 0, 95.5f);                 /* an empty word survives */
    add_word(words, "Saint-Étienne", 2, 1e6f, 100); /* non-ASCII, at the bounds */
    add_word(words, "bad\xff", 2, 5, 50);            /* repaired, as the text stage would */
    ms_page_result pr = {.number = 3, .source = "text", .dpi = 300, .width = 2550, .height = 3300,
                         .conf = -1, .n_words = 4, .seconds = 0.25};
    GVariant *v = through_wire(ms_wire_page_to(&pr, words), MS_WIRE_PAGE);
    ms_page_result back = {0};
    GArray *got = new_words();
    g_assert_true(ms_wire_page_from(v, 3, &back, got));
    g_assert_cmpstr(back.source, ==, "text");
    g_assert_cmpint(back.dpi, ==, 300);
    g_assert_cmpint(back.width, ==, 2550);
    g_assert_cmpint(back.n_words, ==, 4);
    g_assert_null(back.error_code);
    g_assert_cmpuint(got->len, ==, 4);
    for (guint i = 0; i < 4; i++) {
        const ms_word *a = &g_array_index(words, ms_word, i), *b = &g_array_index(got, ms_word, i);
        g_assert_cmpint(b->page, ==, 3);
        g_assert_cmpint(b->line, ==, a->line);
        g_assert_true(b->x0 == a->x0 && b->y0 == a->y0 && b->x1 == a->x1 && b->y1 == a->y1);
        g_assert_true(b->conf == a->conf);
        if (i < 3) g_assert_cmpstr(b->text, ==, a->text);
    }
    g_assert_true(g_utf8_validate(g_array_index(got, ms_word, 3).text, -1, NULL));
    g_assert_true(g_str_has_prefix(g_array_index(got, ms_word, 3).text, "bad"));
    ms_page_result_clear(&back);
    g_variant_unref(v);
    g_array_free(got, TRUE);
    g_array_free(words, TRUE);
}

/* A page message whose words are the given texts and numbers. */
static GVariant *page_with(const void *texts, gsize texts_len, const void *nums, gsize nums_len)
{
    GVariant *t = g_variant_new_fixed_array(G_VARIANT_TYPE_BYTE, texts, texts_len, 1);
    GBytes *nb = g_bytes_new(nums, nums_len);
    GVariant *n = g_variant_new_from_bytes(G_VARIANT_TYPE("a" MS_WIRE_WORD), nb, FALSE);
    g_bytes_unref(nb);
    GVariantBuilder lb, bb;
    g_variant_builder_init(&lb, G_VARIANT_TYPE("a" MS_WIRE_LOOK));
    g_variant_builder_init(&bb, G_VARIANT_TYPE("a(ss)"));
    GVariant *v = g_variant_new("(siiiddiidss@ay@a" MS_WIRE_WORD "ssa" MS_WIRE_LOOK "a(ss))", "text",
                                300, 100, 100, -1.0, 0.0, 0, 1, 0.0, "", "", t, n, "", "", &lb, &bb);
    return through_wire(v, MS_WIRE_PAGE);
}

typedef struct {
    gint32 line, pad;
    double x0, y0, x1, y1, conf;
} num;

static gboolean accepted(const void *texts, gsize texts_len, const void *nums, gsize nums_len)
{
    GVariant *v = page_with(texts, texts_len, nums, nums_len);
    ms_page_result pr = {0};
    GArray *words = new_words();
    gboolean ok = ms_wire_page_from(v, 1, &pr, words);
    if (!ok) g_assert_cmpuint(words->len, ==, 0); /* nothing kept */
    ms_page_result_clear(&pr);
    g_array_free(words, TRUE);
    g_variant_unref(v);
    return ok;
}

static void test_malformed(void)
{
    num two[2] = {{0, 0, 1, 2, 3, 4, 50}, {1, 0, 5, 6, 7, 8, 60}};
    g_assert_true(accepted("ab\0cd", 6, two, sizeof two));
    g_assert_false(accepted("ab\0cd", 5, two, sizeof two));         /* the last text unended */
    g_assert_false(accepted("ab", 3, two, sizeof two));             /* fewer texts than words */
    g_assert_false(accepted("ab\0cd\0ef", 9, two, sizeof two));     /* more texts than words */
    g_assert_false(accepted("ab\0c\xff", 6, two, sizeof two));      /* not UTF-8 */
    g_assert_false(accepted("ab\0cd", 6, two, sizeof two - 8));     /* numbers cut short */
    num bad = two[1];
    bad.x1 = NAN;
    num nan_box[2] = {two[0], bad};
    g_assert_false(accepted("ab\0cd", 6, nan_box, sizeof nan_box));
    num over[2] = {two[0], two[1]};
    over[1].conf = 101;
    g_assert_false(accepted("ab\0cd", 6, over, sizeof over));
    num far[2] = {two[0], two[1]};
    far[0].y0 = -2e7;
    g_assert_false(accepted("ab\0cd", 6, far, sizeof far));
}

/* ---- the open, with a real and with a hostile worker ---- */

static char *self_exe;

static ms_context worker_context(void)
{
    ms_context ctx = {.limits = MS_LIMITS_INIT, .ocr = MS_OCR_OPTIONS_INIT, .dpi = 300,
                      .worker_exe = self_exe};
    return ctx;
}

/* Open `name` (a sample) in a worker: its page count, the pages that came
 * with the open in `ready`. */
static int open_sample(const char *name, GArray *ready, GError **err)
{
    ms_context ctx = worker_context();
    char *path = g_build_filename(MS_TEST_SAMPLES_DIR, name, NULL);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    g_assert_cmpint(fd, >=, 0);
    ms_proc *p = ms_proc_new(&ctx);
    int n = ms_proc_open(p, &ctx, 1, fd, MS_FMT_PDF, path, 0, ready, err);
    ms_proc_free(p);
    close(fd);
    g_free(path);
    return n;
}

static GArray *new_ready(void)
{
    GArray *ready = g_array_new(FALSE, FALSE, sizeof(ms_proc_ready));
    g_array_set_clear_func(ready, ms_proc_ready_clear);
    return ready;
}

/* The words the page gives when read in this process (the sample is ours). */
static GArray *words_here(const char *name, int index)
{
    ms_context ctx = worker_context();
    ms_input in = {0};
    char *path = g_build_filename(MS_TEST_SAMPLES_DIR, name, NULL);
    GError *err = NULL;
    g_assert_true(ms_input_load(path, &ctx.limits, &in, &err));
    ms_doc *doc = NULL;
    g_assert_true(ms_doc_open(&in, &ctx.limits, NULL, &doc, &err));
    ms_page_result pr = {0};
    GArray *words = g_array_new(FALSE, FALSE, sizeof(ms_word));
    g_assert_true(ms_page_read_text(&ctx, doc, 0, index, &pr, words));
    g_array_set_clear_func(words, ms_word_clear);
    ms_page_result_clear(&pr);
    ms_doc_free(doc);
    ms_input_dispose(&in);
    g_free(path);
    return words;
}

static void test_open_born_digital(void)
{
    const char *name = "02-pretermit-incomplete-i589-born-digital.pdf";
    GArray *ready = new_ready();
    GError *err = NULL;
    g_assert_cmpint(open_sample(name, ready, &err), ==, 2);
    g_assert_no_error(err);
    g_assert_cmpuint(ready->len, ==, 2); /* both pages came with the open */
    for (int i = 0; i < 2; i++) {
        const ms_proc_ready *r = &g_array_index(ready, ms_proc_ready, i);
        g_assert_cmpint(r->index, ==, i);
        g_assert_cmpint(r->pr.number, ==, i + 1);
        g_assert_cmpstr(r->pr.source, ==, "text");
        GArray *here = words_here(name, i);
        g_assert_cmpuint(r->words->len, ==, here->len);
        g_assert_cmpint(r->pr.n_words, ==, (int)here->len);
        g_assert_cmpuint(here->len, >, 100);
        for (guint k = 0; k < here->len; k++) {
            const ms_word *a = &g_array_index(here, ms_word, k), *b = &g_array_index(r->words, ms_word, k);
            g_assert_cmpstr(a->text, ==, b->text);
            g_assert_true(a->x0 == b->x0 && a->y1 == b->y1 && a->line == b->line);
        }
        g_array_free(here, TRUE);
    }
    g_array_unref(ready);
}

static void test_open_mixed(void)
{
    /* page 1 born-digital, page 2 a scan: only the leading text page comes */
    GArray *ready = new_ready();
    GError *err = NULL;
    g_assert_cmpint(open_sample("08-opposition-respondent-mixed.pdf", ready, &err), ==, 2);
    g_assert_no_error(err);
    g_assert_cmpuint(ready->len, ==, 1);
    g_assert_cmpint(g_array_index(ready, ms_proc_ready, 0).index, ==, 0);
    g_array_unref(ready);
}

/* The hostile worker: answers every open with 2 pages and a lie. */
static int fake_worker(const char *mode)
{
    gboolean timed_out;
    GVariant *init = ms_wire_recv(3, MS_WIRE_INIT, 0, NULL, &timed_out);
    if (!init) return 1;
    g_variant_unref(init);
    int fd = -1;
    GVariant *req;
    while ((req = ms_wire_recv(3, MS_WIRE_REQUEST, 0, &fd, &timed_out))) {
        g_variant_unref(req);
        if (fd >= 0) close(fd), fd = -1;
        GArray *words = new_words();
        add_word(words, "word", 0, 1, 90);
        if (strcmp(mode, "nan") == 0) g_array_index(words, ms_word, 0).x0 = NAN;
        ms_page_result pr = {.source = strcmp(mode, "ocr") == 0 ? "ocr" : "text", .dpi = 300,
                             .conf = -1, .n_words = 1};
        int first = strcmp(mode, "order") == 0 ? 1 : strcmp(mode, "range") == 0 ? 2 : 0;
        GVariantBuilder pb;
        g_variant_builder_init(&pb, G_VARIANT_TYPE("a(i" MS_WIRE_PAGE ")"));
        g_variant_builder_add(&pb, "(i@" MS_WIRE_PAGE ")", first, ms_wire_page_to(&pr, words));
        g_variant_builder_add(&pb, "(i@" MS_WIRE_PAGE ")", strcmp(mode, "order") == 0 ? 0 : 1,
                              ms_wire_page_to(&pr, words));
        g_array_free(words, TRUE);
        if (!ms_wire_send(3, g_variant_new(MS_WIRE_OPENED, 2, "", "", &pb), -1)) return 1;
    }
    return 0;
}

static void test_open_hostile(void)
{
    const char *modes[] = {"order", "range", "ocr", "nan", "good"};
    for (gsize m = 0; m < G_N_ELEMENTS(modes); m++) {
        g_setenv("MS_TEST_FAKE", modes[m], TRUE);
        GArray *ready = new_ready();
        GError *err = NULL;
        int n = open_sample("02-pretermit-incomplete-i589-born-digital.pdf", ready, &err);
        if (strcmp(modes[m], "good") == 0) { /* the fake itself is sound when it does not lie */
            g_assert_cmpint(n, ==, 2);
            g_assert_no_error(err);
            g_assert_cmpuint(ready->len, ==, 2);
        } else {
            g_assert_cmpint(n, ==, -1);
            g_assert_error(err, MS_ERROR, MS_ERR_WORKER_CRASHED);
            g_assert_nonnull(strstr(err->message, "malformed reply"));
            g_assert_cmpuint(ready->len, ==, 0);
        }
        g_clear_error(&err);
        g_array_unref(ready);
    }
    g_unsetenv("MS_TEST_FAKE");
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "__worker") == 0) {
        const char *fake = g_getenv("MS_TEST_FAKE");
        return fake ? fake_worker(fake) : ms_worker_child_main();
    }
    self_exe = g_file_read_link("/proc/self/exe", NULL);
    g_assert_nonnull(self_exe);
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/wire/round_trip", test_round_trip);
    g_test_add_func("/wire/malformed", test_malformed);
    g_test_add_func("/wire/open_born_digital", test_open_born_digital);
    g_test_add_func("/wire/open_mixed", test_open_mixed);
    g_test_add_func("/wire/open_hostile", test_open_hostile);
    int rc = g_test_run();
    g_free(self_exe);
    return rc;
}
