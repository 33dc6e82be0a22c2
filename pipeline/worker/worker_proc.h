/* worker_proc — a worker process that opens, renders, decodes and OCRs pages
 * for one thread of the batch or of watch, so a crash, an abort, a runaway
 * allocation or a hang inside Poppler, Leptonica or Tesseract costs one
 * document, never the batch.
 *
 * The parent keeps the scheduling, the text, the extraction and the records.
 * Per request it passes the input as a descriptor (a sealed memfd holding the
 * bytes it hashed) and a document id; the worker opens the document (keeping
 * it open for its next page of the same id), reads one page and sends back the
 * page result and its words (worker_wire.h).  The open's reply carries the
 * leading run of text-layer pages, so a born-digital document costs one round
 * trip; pages that need OCR are asked for one at a time.  The worker is forked
 * from the spawner (spawner.h), or, without one, started from this binary
 * (`motionscan __worker`); fd 3 is its socket.  It creates its Tesseract
 * engine on first need and reuses it, limits its address space and loads its
 * seccomp filter (sandbox.h) before it reads any input.
 *
 * The parent bounds each request: the document's own deadline plus
 * MS_WORKER_GRACE_MS, and the OCR deadline plus MS_WORKER_SLACK_MS (so a hang
 * inside a library call is bounded).  Past it the worker is killed.  A worker
 * that dies costs its request a stable error: worker_crashed (a signal or an
 * unexpected exit), out_of_memory (it died with its address space at its
 * limit) or timeout (killed by the watchdog).  The next request starts a new
 * worker.
 *
 * Thread rules: one ms_proc per thread.  Ownership: ms_proc_new() /
 * ms_proc_free(); descriptors passed in stay the caller's.
 */
#ifndef MS_WORKER_PROC_H
#define MS_WORKER_PROC_H

#include "pipeline/document/document.h"
#include "pipeline/pdf/pdf_out.h"

#define MS_WORKER_GRACE_MS 2000
#define MS_WORKER_SLACK_MS 60000
/* The worker's exit status when it died at its memory limit. */
#define MS_WORKER_EXIT_OOM 75
/* Default address-space limit per worker (--worker-memory-mb). */
#define MS_DEFAULT_WORKER_MEM_MB 3072

typedef struct ms_proc ms_proc;

/* Start a worker for `ctx` (ctx->worker_exe).  A worker that cannot start is
 * reported by the first request. */
ms_proc *ms_proc_new(const ms_context *ctx);
/* Close the worker's socket (it exits) and reap it. */
void ms_proc_free(ms_proc *p);

/* A page the worker read with the open: its index, result and words
 * (ms_word).  ms_proc_ready_clear() frees what it holds (the GArray's clear
 * func). */
typedef struct {
    int index;
    ms_page_result pr;
    GArray *words;
} ms_proc_ready;
void ms_proc_ready_clear(gpointer ready);

/* Open the document `id` (descriptor `fd`, `format` an ms_format) in the
 * worker: its page count, or -1 with err set.  The worker reads the
 * document's leading run of text-layer pages at once (MS_WIRE_OPEN_PAGES):
 * they are appended to `ready` (ms_proc_ready, in page order, the caller's),
 * and are not to be asked for with ms_proc_page().  `path` names it in
 * messages; `doc_deadline` is monotonic microseconds (0: none). */
int ms_proc_open(ms_proc *p, const ms_context *ctx, guint64 id, int fd, int format,
                 const char *path, gint64 doc_deadline, GArray *ready, GError **err);

/* ms_proc_open() in two halves, so that the worker opens the next documents
 * while the caller extracts the last one: ms_proc_open_send() asks (FALSE
 * with err set when the worker is lost: then no recv) and sets *ticket;
 * ms_proc_open_recv() reads the answers in the order asked, each as
 * ms_proc_open() returns it.  Up to MS_PROC_AHEAD opens may be in flight;
 * nothing else may be asked of the worker while one is.  Each request's time
 * limit runs from when the worker could start on it: its send, or the reply
 * read before it, if it waited behind one (*waited says how long it waited,
 * in microseconds).  A reply read after its limit has MS_WORKER_GRACE_MS more
 * to arrive whole (the wait was the caller's).  When the worker was lost on
 * an earlier request (which that one's reply says), the later ones are void:
 * their recv returns MS_PROC_ASK_AGAIN, err unset, and the caller sends them
 * again, to a new worker. */
#define MS_PROC_AHEAD 4
#define MS_PROC_ASK_AGAIN (-2)
gboolean ms_proc_open_send(ms_proc *p, const ms_context *ctx, guint64 id, int fd, int format,
                           const char *path, gint64 doc_deadline, guint64 *ticket, GError **err);
int ms_proc_open_recv(ms_proc *p, const ms_context *ctx, const char *path, guint64 ticket,
                      GArray *ready, gint64 *waited, GError **err);
/* Read page `index` of document `id` in the worker: fills *pr (number set,
 * error owned) and appends its words.  A failure is a page error. */
void ms_proc_page(ms_proc *p, const ms_context *ctx, guint64 id, int fd, int format,
                  const char *path, int index, gint64 doc_deadline, ms_page_result *pr,
                  GArray *words);

/* Write the searchable PDF of document `id` (descriptor `fd`) for `job`
 * (pdf_out.h) into `out_fd`, which the caller made: the worker builds it and
 * sends its bytes, at most `max_bytes`, which are written as they come.
 * FALSE with err set (the file then holds a part; the caller removes it). */
gboolean ms_proc_pdf(ms_proc *p, const ms_context *ctx, guint64 id, int fd, int format,
                     const char *path, const ms_pdf_job *job, int out_fd, gint64 max_bytes,
                     GError **err);

/* The worker's side: serve requests on fd 3 until it closes (main.c runs this
 * for `motionscan __worker`).  Returns the exit status. */
int ms_worker_child_main(void);

#endif
