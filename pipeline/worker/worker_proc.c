#include "pipeline/worker/worker_proc.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/worker/spawner.h"
#include "pipeline/worker/worker_wire.h"

/* An open sent whose reply is not read yet. */
typedef struct {
    gint64 sent;  /* monotonic microseconds */
    gint64 limit; /* the watchdog's limit for it, counted from `sent` (0: none) */
} asked_open;

struct ms_proc {
    pid_t pid; /* -1: none running */
    int sock;
    guint64 gen; /* bumped whenever a worker is lost: what was asked of it is void */
    asked_open asked[MS_PROC_AHEAD]; /* the opens in flight, oldest first, in the order sent */
    int n_asked;
    gint64 head_start; /* when the worker began on asked[0]: its send, or the reply before */
};

static gboolean write_all(int fd, const guint8 *p, gsize n)
{
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return FALSE;
        p += k, n -= (gsize)k;
    }
    return TRUE;
}

/* In the child, between fork and exec: only async-signal-safe calls. */
static void exec_worker(const char *exe, int sock, int devnull)
{
    if (sock == 3) fcntl(3, F_SETFD, 0);
    else if (dup2(sock, 3) < 0) _exit(127);
    if (devnull >= 0) dup2(devnull, 0), dup2(devnull, 1); /* never the records on stdout */
    close_range(4, ~0U, 0); /* nothing else of the parent's: outputs, databases */
    char *const argv[] = {(char *)exe, (char *)"__worker", NULL};
    execv(exe, argv);
    _exit(127);
}

static GVariant *init_message(const ms_context *ctx)
{
    const ms_limits *l = &ctx->limits;
    return g_variant_new(MS_WIRE_INIT, ctx->dpi, (gint64)l->max_pixels, (gint64)l->max_decode_bytes,
                         l->max_pages, (gint64)l->max_file_bytes,
                         ctx->ocr.tessdata ? ctx->ocr.tessdata : "",
                         ctx->ocr.lang ? ctx->ocr.lang : "eng", ctx->ocr.deskew, ctx->ocr.orient,
                         ctx->ocr.bgnorm, ctx->ocr.deadline_ms, ctx->worker_mem_bytes,
                         ctx->password ? ctx->password : "", ctx->ocr.second_reading,
                         ctx->ocr.second_look);
}

/* Without a spawner (spawner.h), or when it is gone: fork and exec the
 * binary as `EXE __worker`. */
static gboolean exec_spawn(const char *exe, int *sock, pid_t *pid)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return FALSE;
    int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
    pid_t child = fork();
    if (child == 0) exec_worker(exe, sv[1], devnull);
    if (devnull >= 0) close(devnull);
    close(sv[1]);
    if (child < 0) {
        close(sv[0]);
        return FALSE;
    }
    *pid = child, *sock = sv[0];
    return TRUE;
}

static gboolean spawn(ms_proc *p, const ms_context *ctx)
{
    if (!ms_spawner_spawn(&p->sock, &p->pid) && !exec_spawn(ctx->worker_exe, &p->sock, &p->pid))
        return FALSE;
    return ms_wire_send(p->sock, init_message(ctx), -1);
}

ms_proc *ms_proc_new(const ms_context *ctx)
{
    ms_proc *p = g_new0(ms_proc, 1);
    p->pid = -1, p->sock = -1;
    spawn(p, ctx); /* a failure shows at the first request */
    return p;
}

static int reap_status(ms_proc *p)
{
    int status = 0;
    p->gen++, p->n_asked = 0; /* the opens in flight went with it */
    if (p->sock >= 0) close(p->sock);
    if (p->pid > 0) {
        kill(p->pid, SIGKILL); /* dead already, or killed now: the status says which */
        while (waitpid(p->pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    p->pid = -1, p->sock = -1;
    return status;
}

void ms_proc_free(ms_proc *p)
{
    if (!p) return;
    if (p->pid > 0) {
        close(p->sock); /* end of requests: the worker exits */
        p->sock = -1;
        int status = 0;
        while (waitpid(p->pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            g_printerr("motionscan: a worker process ended with status 0x%x\n", (unsigned)status);
        p->pid = -1;
    }
    g_free(p);
}

/* The watchdog's deadline for one request (0: none). */
static gint64 watchdog(const ms_context *ctx, gint64 doc_deadline)
{
    gint64 limit = 0;
    if (ctx->ocr.deadline_ms > 0)
        limit = g_get_monotonic_time() + ((gint64)ctx->ocr.deadline_ms + MS_WORKER_SLACK_MS) * 1000;
    if (doc_deadline) {
        gint64 d = doc_deadline + (gint64)MS_WORKER_GRACE_MS * 1000;
        limit = limit ? MIN(limit, d) : d;
    }
    return limit;
}

/* The worker is gone (or hung, or talking nonsense): reap it and say why.
 * `what` says what it was doing ("opening it", "reading page 3"). */
static void lost(ms_proc *p, const ms_context *ctx, gboolean timed_out, gboolean garbled,
                 const char *prefix, const char *what, GError **err)
{
    int st = reap_status(p);
    if (timed_out)
        g_set_error(err, MS_ERROR, MS_ERR_TIMEOUT,
                    "%sthe worker %s passed its time limit and was killed", prefix, what);
    else if (garbled)
        g_set_error(err, MS_ERROR, MS_ERR_WORKER_CRASHED,
                    "%sthe worker %s sent a malformed reply and was stopped", prefix, what);
    else if (WIFEXITED(st) && WEXITSTATUS(st) == MS_WORKER_EXIT_OOM)
        g_set_error(err, MS_ERROR, MS_ERR_OUT_OF_MEMORY,
                    "%sthe worker %s ran out of memory (limit %lld MB)", prefix, what,
                    (long long)(ctx->worker_mem_bytes >> 20));
    else if (WIFSIGNALED(st))
        g_set_error(err, MS_ERROR, MS_ERR_WORKER_CRASHED, "%sthe worker %s crashed (signal %d, %s)",
                    prefix, what, WTERMSIG(st), g_strsignal(WTERMSIG(st)));
    else
        g_set_error(err, MS_ERROR, MS_ERR_WORKER_CRASHED,
                    "%sthe worker %s exited unexpectedly (status %d)", prefix, what,
                    WIFEXITED(st) ? WEXITSTATUS(st) : -1);
}

/* Send a request (and `more`, if any, after it); FALSE with err set when the
 * worker was lost (or none could be started). */
static gboolean send_req(ms_proc *p, const ms_context *ctx, GVariant *req, int fd, GVariant *more,
                         const char *prefix, const char *what, GError **err)
{
    if (p->pid <= 0 && !spawn(p, ctx)) {
        g_variant_unref(g_variant_ref_sink(req));
        if (more) g_variant_unref(g_variant_ref_sink(more));
        reap_status(p);
        g_set_error(err, MS_ERROR, MS_ERR_INTERNAL, "%sno worker process could be started: %s",
                    prefix, g_strerror(errno));
        return FALSE;
    }
    gboolean sent = ms_wire_send(p->sock, req, fd);
    if (more && sent) sent = ms_wire_send(p->sock, more, -1);
    else if (more) g_variant_unref(g_variant_ref_sink(more));
    if (!sent) lost(p, ctx, FALSE, FALSE, prefix, what, err);
    return sent;
}

/* The reply of `type` to the request sent last, by `limit` (monotonic
 * microseconds, 0: none); NULL with err set when the worker was lost. */
static GVariant *recv_reply(ms_proc *p, const ms_context *ctx, const char *type, gint64 limit,
                            const char *prefix, const char *what, GError **err)
{
    gboolean timed_out = FALSE;
    GVariant *reply = ms_wire_recv(p->sock, type, limit, NULL, &timed_out);
    if (!reply) lost(p, ctx, timed_out, FALSE, prefix, what, err);
    return reply;
}

/* Send a request and wait for its reply of `type`; NULL with err set when the
 * worker was lost. */
static GVariant *ask_more(ms_proc *p, const ms_context *ctx, GVariant *req, int fd, GVariant *more,
                          const char *type, gint64 doc_deadline, const char *prefix,
                          const char *what, GError **err)
{
    if (!send_req(p, ctx, req, fd, more, prefix, what, err)) return NULL;
    return recv_reply(p, ctx, type, watchdog(ctx, doc_deadline), prefix, what, err);
}

static GVariant *ask(ms_proc *p, const ms_context *ctx, GVariant *req, int fd, const char *type,
                     gint64 doc_deadline, const char *prefix, const char *what, GError **err)
{
    return ask_more(p, ctx, req, fd, NULL, type, doc_deadline, prefix, what, err);
}

/* Milliseconds the document has left, as the worker is told (0: none). */
static int ms_left(gint64 doc_deadline)
{
    if (!doc_deadline) return 0;
    gint64 left = (doc_deadline - g_get_monotonic_time()) / 1000;
    return (int)CLAMP(left, 1, G_MAXINT);
}

void ms_proc_ready_clear(gpointer ready)
{
    ms_proc_ready *r = ready;
    ms_page_result_clear(&r->pr);
    if (r->words) {
        g_array_set_clear_func(r->words, ms_word_clear);
        g_array_free(r->words, TRUE);
    }
    memset(r, 0, sizeof *r);
}

/* The pages that came with an open, into `ready`: FALSE when one is out of
 * order or range, or is not a text-layer page (nothing is kept). */
static gboolean ready_from(GVariantIter *it, int n, GArray *ready)
{
    int index, last = -1;
    GVariant *pv;
    gboolean ok = TRUE;
    while (ok && g_variant_iter_next(it, "(i@" MS_WIRE_PAGE ")", &index, &pv)) {
        ms_proc_ready r = {index, {0}, g_array_new(FALSE, FALSE, sizeof(ms_word))};
        ok = index > last && index < n && ms_wire_page_from(pv, index + 1, &r.pr, r.words) &&
             strcmp(r.pr.source, "text") == 0 && !r.pr.error_code;
        g_variant_unref(pv);
        r.pr.number = index + 1;
        if (ok) g_array_append_val(ready, r);
        else ms_proc_ready_clear(&r);
        last = index;
    }
    if (!ok) g_array_set_size(ready, 0);
    return ok;
}

gboolean ms_proc_open_send(ms_proc *p, const ms_context *ctx, guint64 id, int fd, int format,
                           const char *path, gint64 doc_deadline, guint64 *ticket, GError **err)
{
    g_return_val_if_fail(p->n_asked < MS_PROC_AHEAD, FALSE);
    char *prefix = g_strdup_printf("%s: ", path); /* messages hold the path as given */
    char *name = g_utf8_make_valid(path, -1); /* for messages only */
    GVariant *req = g_variant_new(MS_WIRE_REQUEST, id, -1, (guint8)format, ms_left(doc_deadline), name);
    g_free(name);
    gint64 now = g_get_monotonic_time();
    gboolean sent;
    if (p->n_asked == 0) {
        sent = send_req(p, ctx, req, fd, NULL, prefix, "opening it", err);
        p->head_start = now; /* the worker starts on it now, so its time runs from now */
    } else if (!(sent = ms_wire_send(p->sock, req, fd))) {
        /* The worker died on an open sent before this one, whose reply will
         * say so: this one is void with it, never blamed for it. */
        sent = TRUE;
    }
    if (sent) {
        *ticket = p->gen;
        p->asked[p->n_asked++] = (asked_open){now, watchdog(ctx, doc_deadline)};
    }
    g_free(prefix);
    return sent;
}

int ms_proc_open_recv(ms_proc *p, const ms_context *ctx, const char *path, guint64 ticket,
                      GArray *ready, gint64 *waited, GError **err)
{
    *waited = 0;
    if (ticket != p->gen) return MS_PROC_ASK_AGAIN; /* sent to a worker lost since */
    g_return_val_if_fail(p->n_asked > 0, -1);
    asked_open a = p->asked[0];
    /* Its time runs from when the worker could start on it: the reply before
     * it, if it waited behind one. */
    *waited = MAX(0, p->head_start - a.sent);
    gint64 limit = a.limit ? a.limit + *waited : 0;
    char *prefix = g_strdup_printf("%s: ", path);
    /* A reply that waited for the caller may be read after its limit: that
     * is not the worker's time, so it has a grace beyond it to arrive whole. */
    if (limit) limit = MAX(limit, g_get_monotonic_time() + (gint64)MS_WORKER_GRACE_MS * 1000);
    GVariant *reply = recv_reply(p, ctx, MS_WIRE_OPENED, limit, prefix, "opening it", err);
    if (reply) {
        memmove(p->asked, p->asked + 1, (gsize)--p->n_asked * sizeof *p->asked);
        p->head_start = g_get_monotonic_time();
    }
    int n = -1;
    if (reply) {
        const char *code, *message;
        GVariantIter *it;
        g_variant_get(reply, "(i&s&sa(i" MS_WIRE_PAGE "))", &n, &code, &message, &it);
        int c = ms_error_code_of_name(code);
        if (n < 0 && c >= 0 && g_variant_iter_n_children(it) == 0) {
            g_set_error_literal(err, MS_ERROR, c, message);
        } else if (n < 0 || n > ctx->limits.max_pages || *code || !ready_from(it, n, ready)) {
            lost(p, ctx, FALSE, TRUE, prefix, "opening it", err);
            n = -1;
        }
        g_variant_iter_free(it);
        g_variant_unref(reply);
    }
    g_free(prefix);
    return n;
}

int ms_proc_open(ms_proc *p, const ms_context *ctx, guint64 id, int fd, int format,
                 const char *path, gint64 doc_deadline, GArray *ready, GError **err)
{
    guint64 ticket;
    gint64 waited;
    if (!ms_proc_open_send(p, ctx, id, fd, format, path, doc_deadline, &ticket, err)) return -1;
    return ms_proc_open_recv(p, ctx, path, ticket, ready, &waited, err);
}

void ms_proc_page(ms_proc *p, const ms_context *ctx, guint64 id, int fd, int format,
                  const char *path, int index, gint64 doc_deadline, ms_page_result *pr,
                  GArray *words)
{
    g_warn_if_fail(p->n_asked == 0);
    char *prefix = g_strdup_printf("page %d: ", index + 1);
    GError *err = NULL;
    char *name = g_utf8_make_valid(path, -1);
    GVariant *req = g_variant_new(MS_WIRE_REQUEST, id, index, (guint8)format, ms_left(doc_deadline), name);
    g_free(name);
    GVariant *reply = ask(p, ctx, req, fd, MS_WIRE_PAGE, doc_deadline, prefix, "reading it", &err);
    if (reply && !ms_wire_page_from(reply, index + 1, pr, words))
        lost(p, ctx, FALSE, TRUE, prefix, "reading it", &err);
    if (reply) g_variant_unref(reply);
    pr->number = index + 1;
    if (err) {
        pr->source = "error";
        pr->dpi = ctx->dpi;
        pr->conf = -1;
        pr->error_code = ms_error_name_of(err);
        pr->error = g_strdup(err->message);
        g_error_free(err);
    }
    g_free(prefix);
}

/* The PDF's chunks into `out_fd`: exactly `len` bytes, each frame checked. */
static gboolean receive_pdf(ms_proc *p, const ms_context *ctx, gint64 len, int out_fd,
                            const char *prefix, GError **err)
{
    gint64 limit = watchdog(ctx, 0);
    for (gint64 got = 0; got < len;) {
        gboolean timed_out = FALSE;
        GVariant *chunk = ms_wire_recv(p->sock, MS_WIRE_PDF_CHUNK, limit, NULL, &timed_out);
        gsize k = 0;
        const guint8 *data = chunk ? g_variant_get_fixed_array(chunk, &k, 1) : NULL;
        if (!chunk || k == 0 || k > MS_WIRE_PDF_CHUNK_BYTES || (gint64)k > len - got) {
            if (chunk) g_variant_unref(chunk);
            lost(p, ctx, timed_out, chunk != NULL, prefix, "writing the PDF", err);
            return FALSE;
        }
        gboolean written = write_all(out_fd, data, k);
        g_variant_unref(chunk);
        if (!written) {
            g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%sthe PDF cannot be written: %s", prefix,
                        g_strerror(errno));
            reap_status(p); /* the rest of its reply is not read: start afresh */
            return FALSE;
        }
        got += (gint64)k;
    }
    return TRUE;
}

gboolean ms_proc_pdf(ms_proc *p, const ms_context *ctx, guint64 id, int fd, int format,
                     const char *path, const ms_pdf_job *job, int out_fd, gint64 max_bytes,
                     GError **err)
{
    g_warn_if_fail(p->n_asked == 0);
    char *prefix = g_strdup_printf("%s: ", path);
    char *name = g_utf8_make_valid(path, -1);
    GVariant *req = g_variant_new(MS_WIRE_REQUEST, id, MS_WIRE_PAGE_PDF, (guint8)format, 0, name);
    g_free(name);
    /* the PDF is bounded by the OCR deadline's watchdog, not the document's
     * time, which its pages may have used up */
    GVariant *reply = ask_more(p, ctx, req, fd, ms_wire_pdf_job_to(job), MS_WIRE_PDF_DONE, 0,
                               prefix, "writing the PDF", err);
    gboolean ok = FALSE;
    if (reply) {
        gint64 len;
        const char *code, *message;
        g_variant_get(reply, "(x&s&s)", &len, &code, &message);
        int c = ms_error_code_of_name(code);
        if (len < 0 && c >= 0)
            g_set_error(err, MS_ERROR, c, "%s%s", prefix, message);
        else if (len <= 0 || len > max_bytes || *code)
            lost(p, ctx, FALSE, TRUE, prefix, "writing the PDF", err);
        else
            ok = receive_pdf(p, ctx, len, out_fd, prefix, err);
        g_variant_unref(reply);
    }
    g_free(prefix);
    return ok;
}
