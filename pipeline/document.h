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
#include "pipeline/limits.h"
#include "pipeline/ocr.h"
#include "pipeline/record.h"

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
    /* Optional: asked once a file is read and hashed; TRUE gives a record with
     * status "skipped" and no pages or fields instead of processing it. */
    ms_skip_fn skip;
    void *skip_user;
} ms_context;

typedef struct {
    ms_ocr *ocr;        /* NULL until a page needs OCR */
    GError *ocr_error;  /* set once if the engine could not start */
    ms_matcher *matcher;
} ms_worker;

void ms_worker_init(ms_worker *w);
void ms_worker_dispose(ms_worker *w);

/* Process one file.  Never fails: a file that cannot be processed yields a
 * result with error_code set. */
ms_result *ms_document_process(const ms_context *ctx, ms_worker *w, const char *path);

#endif
