/* document — one input file through every stage, in the order they run:
 * ingest (read, hash, sniff) -> pages (text layer, or render) -> ocr
 * (clean-up, Tesseract) -> text (normalise, map) -> extract (rules).
 *
 * Thread rules: the context is shared read-only by all workers; each worker
 * owns an ms_worker (its Tesseract handle, created on first need and reused,
 * and its PCRE2 matcher).
 */
#ifndef MS_DOCUMENT_H
#define MS_DOCUMENT_H

#include "extractors/ruleset.h"
#include "pipeline/base/limits.h"
#include "pipeline/ocr/ocr.h"
#include "pipeline/document/record.h"

/* Whether a file with these bytes needs no processing (--skip-known).  Called
 * from the worker threads, so it must be thread-safe. */
typedef gboolean (*ms_skip_fn)(const char *sha256, void *user);

typedef struct {
    const ms_ruleset *rules;
    ms_limits limits;
    ms_ocr_options ocr;
    int dpi;              /* render resolution for PDF pages */
    const char *password; /* for encrypted PDFs, or NULL */
    gboolean plain_text;  /* inputs are UTF-8 transcripts ('\f' between pages) */
    const char *save_text_dir; /* write each document's normalised text here, or NULL */
    /* basenames that more than one input of the batch has (set by batch.c):
     * their text files get "~" and 8 hex digits of the path's SHA-256 */
    GHashTable *save_text_shared;
    /* --pdf: write each document's searchable PDF here as NAME.pdf (named as
     * the text files are, from save_text_shared too), or NULL */
    const char *pdf_dir;
    gboolean pdf_identity; /* --pdf-identity: the A-number and respondent in its Subject */
    /* Optional: asked once a file is read and hashed; TRUE gives a record with
     * status "skipped" and no pages or fields instead of processing it. */
    ms_skip_fn skip;
    void *skip_user;
    /* Run opening, rendering and OCR in worker processes started from this
     * binary (worker_proc.h), or NULL: in this process (the unit tests). */
    const char *worker_exe;
    gint64 worker_mem_bytes; /* RLIMIT_AS of each worker; 0 = none */
    gboolean no_follow;      /* open inputs with O_NOFOLLOW (watch's claimed files) */
    gboolean no_split;       /* one record per file: stapled stacks are not split */
} ms_context;

typedef struct {
    ms_ocr *ocr;        /* NULL until a page needs OCR */
    GError *ocr_error;  /* set once if the engine could not start */
    ms_matcher *matcher;
    struct ms_proc *proc; /* its worker process, when ctx->worker_exe is set */
} ms_worker;

void ms_worker_init(ms_worker *w);
/* Start the worker process now (pre-forked) when ctx->worker_exe is set. */
void ms_worker_start(ms_worker *w, const ms_context *ctx);
void ms_worker_dispose(ms_worker *w);

typedef struct ms_doc ms_doc;
/* One page of an open document, read in this process: text layer, render,
 * OCR (the worker processes call it).  `deadline` is monotonic microseconds
 * (0: none).  Fills *pr (pr->error is the caller's to free) and appends the
 * page's words (ms_word) to `words`. */
void ms_page_read(const ms_context *ctx, ms_worker *w, ms_doc *doc, gint64 deadline, int index,
                  ms_page_result *pr, GArray *words);
/* The same page when its text layer alone reads it (a born-digital page): TRUE
 * with *pr filled and its words appended, exactly as ms_page_read() gives
 * them.  FALSE, *pr and `words` untouched, when it needs OCR or the deadline
 * has passed (ms_page_read() then says so). */
gboolean ms_page_read_text(const ms_context *ctx, ms_doc *doc, gint64 deadline, int index,
                           ms_page_result *pr, GArray *words);

/* One file through every stage, in three steps, so the pages of one document
 * can be spread over several workers (pipeline/drivers/scheduler.c).  Never
 * fails: a file that cannot be processed yields a result with error_code set.
 * The steps:
 *   ms_doc_job_begin   read, hash, sniff, --skip-known check, and open: in
 *                      this process, or, with worker processes, ask the
 *                      thread's worker to open it
 *   ms_doc_job_wait    with worker processes, the worker's answer; then
 *                      ms_doc_job_pages() pages are to be processed (0 when
 *                      the file failed, was skipped, or is a --text transcript)
 *   ms_doc_job_page    one page (text layer, OCR, both, or blank) that is
 *                      not ms_doc_job_page_ready(); different pages of one
 *                      job may run at once on different workers
 *   ms_doc_job_finish  once every page is done: join the pages' words, extract,
 *                      and return the result (the job is freed)
 * Between begin and wait the worker is opening the document: the thread may
 * do work of its own (finish another job that needs no more of the worker:
 * no --pdf) and begin other jobs on the same worker (up to MS_PROC_AHEAD in
 * all, waited for in the order begun), but must ask the worker nothing else.
 * The per-document time limit (limits.doc_ms) runs from ms_doc_job_begin,
 * less the time its open waited behind the worker's others. */
typedef struct ms_doc_job ms_doc_job;
ms_doc_job *ms_doc_job_begin(const ms_context *ctx, ms_worker *w, const char *path);
/* TRUE between a begin that asked a worker and its wait. */
gboolean ms_doc_job_asked(const ms_doc_job *job);
/* The bytes of the input it holds (0 once they are released or none were read). */
gint64 ms_doc_job_bytes(const ms_doc_job *job);
void ms_doc_job_wait(const ms_context *ctx, ms_worker *w, ms_doc_job *job);
int ms_doc_job_pages(const ms_doc_job *job);
/* TRUE when page `index` was read with the open (the worker sends a document's
 * leading run of text-layer pages with its page count): it is not to be asked
 * for again. */
gboolean ms_doc_job_page_ready(const ms_doc_job *job, int index);
void ms_doc_job_page(const ms_context *ctx, ms_worker *w, ms_doc_job *job, int index);
ms_result *ms_doc_job_finish(const ms_context *ctx, ms_worker *w, ms_doc_job *job);

/* DIR/NAME + `ext`, NAME the last component of `path` (so no input reaches
 * outside `dir`); a NAME that `shared` holds (several inputs of the batch
 * have it) becomes NAME~ and 8 hex digits of the SHA-256 of the path as
 * given.  NULL (printed) when no name can be derived.  g_free. */
char *ms_output_path(const char *dir, GHashTable *shared, const char *path, const char *ext);

/* The worker's Tesseract engine, started on first use; NULL (err set) if it
 * cannot start. */
ms_ocr *ms_worker_ocr(const ms_context *ctx, ms_worker *w, GError **err);

#endif
