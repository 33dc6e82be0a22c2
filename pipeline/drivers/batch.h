/* batch — many inputs through a pool of workers, records out in path order.
 *
 * Inputs are files and folders (walked recursively; hidden entries and files
 * that are not documents skipped, symlinked folders not followed), sorted by
 * path.  The paths go to the scheduler (scheduler.h), whose N worker
 * threads each own an ms_worker (one Tesseract handle, reused) and share one
 * queue of work: documents to open and their pages, so the pages of all
 * documents feed every worker.  The calling thread writes each record as soon
 * as it and every record before it are done, so output order never depends on
 * the number of workers.
 *
 * Ownership: ms_batch_collect() returns a new array that frees its paths
 * (g_ptr_array_free(paths, TRUE)); ms_batch_run() borrows the context, the
 * options (and their sinks, which the caller closes) and the paths.
 */
#ifndef MS_BATCH_H
#define MS_BATCH_H

#include <stdio.h>

#include "pipeline/document/document.h"
#include "pipeline/drivers/shard.h"
#include "pipeline/sinks/sink.h"

typedef struct {
    int jobs;              /* worker threads, >= 1 */
    GPtrArray *sinks;      /* ms_sink*, borrowed: every record goes to each */
    const char *rules_dir; /* for rule_source in evidence */
    gboolean progress;     /* draw a progress line on stderr (a terminal) */
} ms_batch_options;

typedef struct {
    int files, ok, failed, skipped;
    int pages;
    double seconds;
} ms_batch_stats;

/* Expand inputs into a sorted, de-duplicated list of paths (char*, owned).
 * A path given by name is always kept (a missing one becomes a not_found
 * record).  In folders, files that neither are named .pdf/.tif/.tiff/.png/
 * .jpg/.jpeg nor start like one are skipped and counted in *skipped; with
 * `text_mode` (run --text), folders yield their .txt files. */
GPtrArray *ms_batch_collect(char **inputs, int n, gboolean text_mode, int *skipped);

/* The same, keeping only the inputs of `shard` (NULL or count 0: all), each
 * keyed by its path relative to the input root it was first found under
 * (pipeline/shard.h); the others are counted in *outside.  Paths are
 * de-duplicated before the shard is chosen, so a file reached from two roots
 * is in one shard only. */
GPtrArray *ms_batch_collect_shard(char **inputs, int n, gboolean text_mode, const ms_shard *shard,
                                  int *skipped, int *outside);

/* Process every path.  Returns FALSE only if the output cannot be written. */
gboolean ms_batch_run(const ms_context *ctx, const ms_batch_options *opt, GPtrArray *paths,
                      ms_batch_stats *stats, GError **err);

#endif
