/* scheduler — the one pool behind `run` and `watch`: documents go in, their
 * pages are spread over the workers, and each document's result comes out
 * through a callback.
 *
 * N threads each own an ms_worker (its worker process, its Tesseract engine
 * and matcher, created once and reused) and share one queue of work: a
 * document to open, a page of an open document, a document to finish.  A
 * free worker takes, in this order: a page of the earliest open document that
 * still has pages to hand out; else the next document to open, if fewer than
 * `window` are open; else it waits.  Pages that came with the open (with
 * worker processes, a document's leading run of text-layer pages:
 * worker_proc.h) are not handed out; a document whose pages all came so is
 * finished by the worker that opened it, with no wake-up of the others; before
 * it extracts that one, when nothing else is asked of its worker process any
 * more, it asks it to open the next documents, up to MS_PROC_AHEAD (when no
 * page is waiting and the finish needs nothing of the process: no --pdf), so
 * the two processes work at once instead of each waiting for the other, and
 * the process opens them in a row rather than taking turns with its thread on
 * a core once a document.  A worker process lost on one of them costs that
 * one; the ones asked after it are asked again of the new process.  The worker that completes a document's last page extracts it
 * (ms_doc_job_finish).  So twenty 1-page filings and
 * one 40-page filing keep every worker busy, and the pages of a single
 * filing run on every worker at once.
 *
 * Documents come as a fixed list (run: submit them all, then close) or as a
 * stream (watch: submit each file when it is claimed, close at shutdown).
 * Each one's `ctx` is its own (watch reads a file with the rules in force
 * when it was claimed).  The per-document time limit is ms_doc_job's
 * (limits.doc_ms, from its open); a worker process that dies is replaced at
 * the next request (worker_proc.h).
 *
 * Completion.  `done` is called once per document, one call at a time, on a
 * worker thread: in submission order (MS_SCHEDULER_IN_ORDER, run's records
 * in path order) or as each document completes (MS_SCHEDULER_AS_DONE,
 * watch's).  It must return quickly (hand the result to the driver's own
 * thread): the worker calling it reads no page meanwhile.
 *
 * Shutdown.  ms_scheduler_close() says that no more documents come; the
 * documents submitted are all still read.  ms_scheduler_free() closes, waits
 * until every document submitted has been passed to `done`, and joins the
 * threads.
 *
 * Thread rules: submit, progress, close and free may be called from any one
 * driver thread; `done` and `enter` run on the worker threads.
 * Ownership: the scheduler borrows the contexts (each until its document's
 * `done`), the options' user data and the doc_user pointers; it copies the
 * paths.  `done` takes the result (ms_result_free).  ms_scheduler_new() /
 * ms_scheduler_free().
 */
#ifndef MS_SCHEDULER_H
#define MS_SCHEDULER_H

#include "pipeline/document/document.h"

typedef struct ms_scheduler ms_scheduler;

typedef enum {
    MS_SCHEDULER_IN_ORDER, /* `done` in submission order */
    MS_SCHEDULER_AS_DONE,  /* `done` as each document completes */
} ms_scheduler_order;

/* A document's result (taken) and the doc_user given with it. */
typedef void (*ms_scheduler_done_fn)(ms_result *r, void *doc_user, void *user);
/* Called on a worker thread before it works on a document (open, a page,
 * finish) with that document's doc_user, and with NULL after. */
typedef void (*ms_scheduler_enter_fn)(void *doc_user, void *user);

typedef struct {
    int workers;  /* threads, each with its ms_worker; clamped to 1..MS_MAX_WORKERS */
    int window;   /* most documents open at once; 0: workers * (MS_PROC_AHEAD + 1) + 2 */
    ms_scheduler_order order;
    ms_scheduler_done_fn done;   /* required */
    ms_scheduler_enter_fn enter; /* or NULL */
    void *user;                  /* passed to both */
} ms_scheduler_options;

typedef struct {
    int submitted;   /* documents submitted */
    int opened;      /* of those, opened (or failed to open) */
    int finished;    /* of those, done (extracted or failed) */
    int pages_known; /* pages of the documents opened */
    int pages_done;  /* of those, read */
} ms_scheduler_progress;

/* Start the worker threads (and their worker processes, ctx->worker_exe).
 * `ctx` starts the workers and must outlive the scheduler. */
ms_scheduler *ms_scheduler_new(const ms_context *ctx, const ms_scheduler_options *opt);
/* Queue one document; `ctx` is borrowed until its `done`.  Not after
 * ms_scheduler_close() (a critical warning, and the document is dropped). */
void ms_scheduler_submit(ms_scheduler *s, const ms_context *ctx, const char *path, void *doc_user);
/* A snapshot of the counts (for a progress line). */
void ms_scheduler_progress_get(ms_scheduler *s, ms_scheduler_progress *out);
/* No more documents: the threads end once the submitted ones are done. */
void ms_scheduler_close(ms_scheduler *s);
/* Close, wait for every document's `done`, join the threads, free.  NULL is
 * ignored. */
void ms_scheduler_free(ms_scheduler *s);

#endif
