#include "pipeline/drivers/scheduler.h"

#include "pipeline/worker/worker_proc.h"

/* A worker is asked ahead for no more documents once those asked hold this
 * many bytes of input: asking ahead holds little more input, whatever the
 * files' sizes. */
#define MS_AHEAD_BYTES (64 << 20)

/* One document, from submit to done. */
typedef struct {
    const ms_context *ctx;
    char *path;
    void *user;
    guint64 seq;       /* submission order */
    ms_doc_job *job;   /* set once opened, until finished */
    int n;             /* pages */
    int next_page;     /* next page to hand out */
    int done;          /* pages done */
    ms_result *result; /* set once finished, until delivered */
} sched_doc;

struct ms_scheduler {
    const ms_context *ctx;
    ms_scheduler_options opt;
    GQueue waiting; /* sched_doc*, submitted, not yet opened, in submission order */
    GQueue paging;  /* opened, with pages still to hand out, in submission order */
    GQueue out;     /* to deliver, in delivery order: IN_ORDER from submit, AS_DONE from finish */
    guint64 seq;
    int open;    /* opening or opened, not finished */
    int opening; /* being opened now */
    gboolean closed;
    gboolean delivering; /* a worker is calling `done` */
    ms_scheduler_progress progress;
    GThread **threads;
    int n_threads;
    GMutex lock;
    GCond cond;
};

static void enter(ms_scheduler *s, sched_doc *d)
{
    if (s->opt.enter) s->opt.enter(d ? d->user : NULL, s->opt.user);
}

static gint by_seq(gconstpointer a, gconstpointer b, gpointer unused)
{
    (void)unused;
    guint64 x = ((const sched_doc *)a)->seq, y = ((const sched_doc *)b)->seq;
    return x < y ? -1 : x > y;
}

/* With the lock held: pass every document that may go next to `done`, one at
 * a time, unless another worker is already doing so (it will see these too). */
static void deliver(ms_scheduler *s)
{
    if (s->delivering) return;
    s->delivering = TRUE;
    sched_doc *d;
    while ((d = g_queue_peek_head(&s->out)) && d->result) {
        g_queue_pop_head(&s->out);
        g_mutex_unlock(&s->lock);
        s->opt.done(d->result, d->user, s->opt.user);
        g_free(d->path);
        g_free(d);
        g_mutex_lock(&s->lock);
    }
    s->delivering = FALSE;
}

/* With the lock held; unlocks while extracting. */
static void finish(ms_scheduler *s, ms_worker *w, sched_doc *d)
{
    ms_doc_job *job = g_steal_pointer(&d->job);
    g_mutex_unlock(&s->lock);
    enter(s, d);
    ms_result *r = ms_doc_job_finish(d->ctx, w, job);
    enter(s, NULL);
    g_mutex_lock(&s->lock);
    d->result = r;
    s->open--;
    s->progress.finished++;
    if (s->opt.order == MS_SCHEDULER_AS_DONE) g_queue_push_tail(&s->out, d);
    g_cond_broadcast(&s->cond); /* a place in the window */
    deliver(s);
}

/* The first page from `from` on that was not read with the open (or d->n). */
static int next_unready(const sched_doc *d, int from)
{
    while (from < d->n && ms_doc_job_page_ready(d->job, from)) from++;
    return from;
}

/* With the lock held: a page to read, or NULL. */
static sched_doc *take_page(ms_scheduler *s, int *page)
{
    sched_doc *d = g_queue_peek_head(&s->paging);
    if (!d) return NULL;
    *page = d->next_page;
    d->next_page = next_unready(d, d->next_page + 1);
    if (d->next_page == d->n) g_queue_pop_head(&s->paging);
    return d;
}

/* With the lock held; unlocks while reading. */
static void read_page(ms_scheduler *s, ms_worker *w, sched_doc *d, int page)
{
    g_mutex_unlock(&s->lock);
    enter(s, d);
    ms_doc_job_page(d->ctx, w, d->job, page);
    enter(s, NULL);
    g_mutex_lock(&s->lock);
    s->progress.pages_done++;
    if (++d->done == d->n) finish(s, w, d);
}

/* With the lock held: take the next document and ask this worker to open it
 * (unlocks meanwhile); NULL when none may be opened now. */
static sched_doc *begin_doc(ms_scheduler *s, ms_worker *w)
{
    sched_doc *d = s->open < s->opt.window ? g_queue_pop_head(&s->waiting) : NULL;
    if (!d) return NULL;
    s->open++, s->opening++;
    g_mutex_unlock(&s->lock);
    enter(s, d);
    d->job = ms_doc_job_begin(d->ctx, w, d->path);
    enter(s, NULL);
    g_mutex_lock(&s->lock);
    return d;
}

/* With the lock held, for a document whose pages all came with its open:
 * when none is asked of this worker any more, the next ones to ask it for
 * (up to MS_PROC_AHEAD) while this one is extracted, so that neither process
 * waits for the other, and the worker opens them in one go rather than
 * taking turns with its thread on a core once a document.  Only when nothing
 * else would take the worker first (a page of an open document) and this
 * one's finish asks nothing of it (no --pdf). */
static void begin_next(ms_scheduler *s, ms_worker *w, const sched_doc *d, GQueue *asked)
{
    if (!w->proc || d->ctx->pdf_dir || !g_queue_is_empty(asked)) return;
    sched_doc *next;
    gint64 bytes = 0; /* held by the ones asked ahead: big files are asked one at a time */
    while (asked->length < MS_PROC_AHEAD && bytes < MS_AHEAD_BYTES &&
           g_queue_is_empty(&s->paging) && (next = begin_doc(s, w))) {
        g_queue_push_tail(asked, next);
        bytes += ms_doc_job_bytes(next->job);
    }
}

/* With the lock held, for a document begun by begin_doc: take the worker's
 * answer and go on, unlocking meanwhile.  Returns once no document is asked
 * of this worker. */
static void open_doc(ms_scheduler *s, ms_worker *w, sched_doc *d)
{
    GQueue asked = G_QUEUE_INIT; /* begun on this worker, not yet answered, in the order asked */
    g_queue_push_tail(&asked, d);
    while ((d = g_queue_pop_head(&asked))) {
        g_mutex_unlock(&s->lock);
        enter(s, d);
        ms_doc_job_wait(d->ctx, w, d->job);
        int n = ms_doc_job_pages(d->job);
        enter(s, NULL);
        g_mutex_lock(&s->lock);
        s->opening--;
        s->progress.opened++;
        d->n = n;
        d->next_page = next_unready(d, 0);
        for (int i = 0; i < n; i++) d->done += ms_doc_job_page_ready(d->job, i);
        s->progress.pages_known += n;
        s->progress.pages_done += d->done;
        if (d->done != n) {
            g_queue_insert_sorted(&s->paging, d, by_seq, NULL);
            g_cond_broadcast(&s->cond); /* pages for the others */
            continue; /* this worker still owes the answers asked after it */
        }
        /* no page left to read (a born-digital document's came with its open) */
        begin_next(s, w, d, &asked);
        finish(s, w, d);
    }
}

static gpointer worker_main(gpointer data)
{
    ms_scheduler *s = data;
    ms_worker w;
    ms_worker_init(&w);
    ms_worker_start(&w, s->ctx);
    g_mutex_lock(&s->lock);
    for (;;) {
        int page = 0;
        sched_doc *d = take_page(s, &page);
        if (d) {
            read_page(s, &w, d, page);
        } else if ((d = begin_doc(s, &w))) {
            open_doc(s, &w, d);
        } else if (s->closed && g_queue_is_empty(&s->waiting) && !s->opening) {
            break; /* nothing more to hand out: the pages left are being read */
        } else {
            g_cond_wait(&s->cond, &s->lock);
        }
    }
    g_cond_broadcast(&s->cond);
    g_mutex_unlock(&s->lock);
    ms_worker_dispose(&w);
    return NULL;
}

ms_scheduler *ms_scheduler_new(const ms_context *ctx, const ms_scheduler_options *opt)
{
    g_return_val_if_fail(opt->done != NULL, NULL);
    ms_scheduler *s = g_new0(ms_scheduler, 1);
    s->ctx = ctx;
    s->opt = *opt;
    s->opt.workers = CLAMP(opt->workers, 1, MS_MAX_WORKERS);
    /* each worker's documents asked ahead, the one it extracts, and two more */
    if (s->opt.window <= 0) s->opt.window = s->opt.workers * (MS_PROC_AHEAD + 1) + 2;
    g_queue_init(&s->waiting);
    g_queue_init(&s->paging);
    g_queue_init(&s->out);
    g_mutex_init(&s->lock);
    g_cond_init(&s->cond);
    s->n_threads = s->opt.workers;
    s->threads = g_new0(GThread *, s->n_threads);
    for (int i = 0; i < s->n_threads; i++)
        s->threads[i] = g_thread_new("ms-worker", worker_main, s);
    return s;
}

void ms_scheduler_submit(ms_scheduler *s, const ms_context *ctx, const char *path, void *doc_user)
{
    g_mutex_lock(&s->lock);
    if (s->closed) { /* a driver's bug: the workers may be gone */
        g_mutex_unlock(&s->lock);
        g_critical("ms_scheduler_submit: %s: the scheduler is closed", path);
        return;
    }
    sched_doc *d = g_new0(sched_doc, 1);
    d->ctx = ctx;
    d->path = g_strdup(path);
    d->user = doc_user;
    d->seq = s->seq++;
    g_queue_push_tail(&s->waiting, d);
    if (s->opt.order == MS_SCHEDULER_IN_ORDER) g_queue_push_tail(&s->out, d);
    s->progress.submitted++;
    g_cond_broadcast(&s->cond);
    g_mutex_unlock(&s->lock);
}

void ms_scheduler_progress_get(ms_scheduler *s, ms_scheduler_progress *out)
{
    g_mutex_lock(&s->lock);
    *out = s->progress;
    g_mutex_unlock(&s->lock);
}

void ms_scheduler_close(ms_scheduler *s)
{
    g_mutex_lock(&s->lock);
    s->closed = TRUE;
    g_cond_broadcast(&s->cond);
    g_mutex_unlock(&s->lock);
}

void ms_scheduler_free(ms_scheduler *s)
{
    if (!s) return;
    ms_scheduler_close(s);
    /* Every document is delivered by the worker that finished it (or by one
     * already delivering) before that worker looks for more work, so once the
     * threads are gone so is every document. */
    for (int i = 0; i < s->n_threads; i++)
        g_thread_join(s->threads[i]);
    g_warn_if_fail(g_queue_is_empty(&s->out) && g_queue_is_empty(&s->waiting));
    g_free(s->threads);
    g_mutex_clear(&s->lock);
    g_cond_clear(&s->cond);
    g_free(s);
}
