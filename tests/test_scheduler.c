/* scheduler: every document delivered once, in the order asked, its pages
 * spread over the workers and put back in their places.  The documents are
 * born-digital PDFs drawn here with cairo (text-layer pages, no OCR), read in
 * this process (no worker_exe). */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pipeline/drivers/scheduler.h"
#include "testutil.h"

/* A PDF of `pages` pages, each with enough text for the text layer. */
static char *make_pdf(const char *dir, const char *name, int pages)
{
    char *path = g_build_filename(dir, name, NULL);
    cairo_surface_t *s = cairo_pdf_surface_create(path, 612, 792);
    cairo_t *cr = cairo_create(s);
    cairo_select_font_face(cr, "sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 10);
    for (int p = 0; p < pages; p++) {
        for (int line = 0; line < 12; line++) {
            char *text = g_strdup_printf("Page %d line %d: the Department of Homeland Security "
                                         "moves to pretermit the application.",
                                         p + 1, line + 1);
            cairo_move_to(cr, 50, 60 + 14 * line);
            cairo_show_text(cr, text);
            g_free(text);
        }
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return path;
}

static ms_context test_context(void)
{
    ms_context ctx = {.rules = ms_test_rules(), .limits = MS_LIMITS_INIT,
                      .ocr = MS_OCR_OPTIONS_INIT, .dpi = 150};
    return ctx;
}

/* What the callbacks saw, under one lock. */
typedef struct {
    GMutex lock;
    GPtrArray *order;      /* doc_user of each `done`, in call order */
    GPtrArray *results;    /* ms_result*, in call order */
    GHashTable *threads;   /* doc_user -> GHashTable of the threads that entered it */
    int in_done;           /* `done` calls running now */
    gboolean overlapped;   /* two `done` calls ran at once */
    gulong enter_sleep_us; /* slows each step down, so the other workers wake */
} seen;

static void seen_init(seen *s, gulong enter_sleep_us)
{
    g_mutex_init(&s->lock);
    s->order = g_ptr_array_new();
    s->results = g_ptr_array_new_with_free_func((GDestroyNotify)ms_result_free);
    s->threads = g_hash_table_new_full(NULL, NULL, NULL, (GDestroyNotify)g_hash_table_destroy);
    s->in_done = 0;
    s->overlapped = FALSE;
    s->enter_sleep_us = enter_sleep_us;
}

static void seen_clear(seen *s)
{
    g_ptr_array_unref(s->order);
    g_ptr_array_unref(s->results);
    g_hash_table_destroy(s->threads);
    g_mutex_clear(&s->lock);
}

static void on_done(ms_result *r, void *doc_user, void *user)
{
    seen *s = user;
    g_mutex_lock(&s->lock);
    if (s->in_done++) s->overlapped = TRUE;
    g_mutex_unlock(&s->lock);
    g_usleep(2000); /* a second caller now would overlap */
    g_mutex_lock(&s->lock);
    s->in_done--;
    g_ptr_array_add(s->order, doc_user);
    g_ptr_array_add(s->results, r);
    g_mutex_unlock(&s->lock);
}

static void on_enter(void *doc_user, void *user)
{
    seen *s = user;
    if (!doc_user) return;
    g_mutex_lock(&s->lock);
    GHashTable *t = g_hash_table_lookup(s->threads, doc_user);
    if (!t) g_hash_table_insert(s->threads, doc_user, t = g_hash_table_new(NULL, NULL));
    g_hash_table_add(t, g_thread_self());
    g_mutex_unlock(&s->lock);
    g_usleep(s->enter_sleep_us);
}

/* A scheduler whose callbacks fill `s`. */
static ms_scheduler *start(seen *s, const ms_context *ctx, int workers, ms_scheduler_order order,
                           gulong enter_sleep_us)
{
    seen_init(s, enter_sleep_us);
    ms_scheduler_options o = {.workers = workers, .order = order, .done = on_done,
                              .enter = on_enter, .user = s};
    return ms_scheduler_new(ctx, &o);
}

/* One result: its path, its page count, each page in its own place. */
static void check_result(const ms_result *r, const char *path, int pages)
{
    g_assert_cmpstr(r->path, ==, path);
    g_assert_null(r->error_code);
    g_assert_cmpuint(r->pages->len, ==, (guint)pages);
    for (int i = 0; i < pages; i++) {
        const ms_page_result *pr = &g_array_index(r->pages, ms_page_result, i);
        g_assert_cmpint(pr->number, ==, i + 1);
        g_assert_cmpstr(pr->source, ==, "text");
        g_assert_cmpint(pr->n_words, >, 50);
    }
}

/* run's use: a fixed list, records in submission order although the long
 * first document finishes last; a missing file is one error result. */
static void test_in_order(void)
{
    char *dir = g_dir_make_tmp("ms-sched-XXXXXX", NULL);
    const int pages[] = {6, 1, 2, 0, 1, 3};
    char *paths[G_N_ELEMENTS(pages)];
    for (gsize i = 0; i < G_N_ELEMENTS(pages); i++) {
        char *name = g_strdup_printf("d%zu.pdf", i);
        paths[i] = pages[i] ? make_pdf(dir, name, pages[i]) : g_build_filename(dir, name, NULL);
        g_free(name);
    }
    ms_context ctx = test_context();
    seen s;
    ms_scheduler *sch = start(&s, &ctx, 3, MS_SCHEDULER_IN_ORDER, 5000);
    for (gsize i = 0; i < G_N_ELEMENTS(pages); i++)
        ms_scheduler_submit(sch, &ctx, paths[i], GSIZE_TO_POINTER(i + 1));
    ms_scheduler_free(sch);
    g_assert_cmpuint(s.order->len, ==, G_N_ELEMENTS(pages));
    g_assert_false(s.overlapped);
    for (gsize i = 0; i < G_N_ELEMENTS(pages); i++) {
        g_assert_cmpuint(GPOINTER_TO_SIZE(g_ptr_array_index(s.order, i)), ==, i + 1);
        const ms_result *r = g_ptr_array_index(s.results, i);
        if (pages[i]) {
            check_result(r, paths[i], pages[i]);
        } else {
            g_assert_cmpstr(r->error_code, ==, "not_found");
        }
    }
    seen_clear(&s);
    for (gsize i = 0; i < G_N_ELEMENTS(pages); i++) {
        g_unlink(paths[i]);
        g_free(paths[i]);
    }
    g_rmdir(dir);
    g_free(dir);
}

/* watch's use: documents submitted while the workers run, delivered as they
 * complete; the pages of one document are read by both workers. */
static void test_stream(void)
{
    char *dir = g_dir_make_tmp("ms-sched-XXXXXX", NULL);
    char *big = make_pdf(dir, "big.pdf", 8);
    char *small = make_pdf(dir, "small.pdf", 1);
    ms_context ctx = test_context();
    seen s;
    ms_scheduler *sch = start(&s, &ctx, 2, MS_SCHEDULER_AS_DONE, 30000);
    ms_scheduler_submit(sch, &ctx, big, GINT_TO_POINTER(1));
    ms_scheduler_progress p;
    for (;;) { /* the first is delivered before the second comes */
        ms_scheduler_progress_get(sch, &p);
        if (p.finished == 1) break;
        g_usleep(1000);
    }
    g_assert_cmpint(p.submitted, ==, 1);
    g_assert_cmpint(p.opened, ==, 1);
    g_assert_cmpint(p.pages_known, ==, 8);
    g_assert_cmpint(p.pages_done, ==, 8);
    ms_scheduler_submit(sch, &ctx, small, GINT_TO_POINTER(2));
    ms_scheduler_close(sch);
    ms_scheduler_free(sch);
    g_assert_cmpuint(s.order->len, ==, 2);
    g_assert_cmpint(GPOINTER_TO_INT(g_ptr_array_index(s.order, 0)), ==, 1);
    g_assert_cmpint(GPOINTER_TO_INT(g_ptr_array_index(s.order, 1)), ==, 2);
    check_result(g_ptr_array_index(s.results, 0), big, 8);
    check_result(g_ptr_array_index(s.results, 1), small, 1);
    GHashTable *t = g_hash_table_lookup(s.threads, GINT_TO_POINTER(1));
    g_assert_cmpuint(g_hash_table_size(t), ==, 2); /* both workers read the big one */
    seen_clear(&s);
    g_unlink(big);
    g_unlink(small);
    g_free(big);
    g_free(small);
    g_rmdir(dir);
    g_free(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/scheduler/in_order", test_in_order);
    g_test_add_func("/scheduler/stream", test_stream);
    return g_test_run();
}
