/* bench_isolation — what the worker processes cost (issue 14), for
 * tools/bench_isolation.py; built with the tests, never installed.
 *
 *   bench_isolation [--in-process | --exec] [--jobs N] FILE...
 *
 * Reads FILE... through ms_batch_run(), the path of `motionscan run` with its
 * default options, and writes the records to /dev/null.  By default the pages
 * are read in worker processes forked from a copy of this program made at
 * the start of main (spawner.h), as motionscan starts them; with --exec they
 * are this program started again as `bench_isolation __worker`, as without
 * a spawner; with --in-process
 * the context has no worker executable, so the pages are read in this
 * process, as the unit tests read them.  The shipped binary has no such mode:
 * its parent never parses an untrusted file.  Prints one line: files, pages,
 * seconds.  The caller measures the CPU time (workers included).
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <leptonica/allheaders.h>

#include "pipeline/cli/cli.h"
#include "pipeline/drivers/batch.h"
#include "pipeline/ocr/ocr.h"
#include "pipeline/pages/pages.h"
#include "pipeline/worker/spawner.h"
#include "pipeline/worker/worker_proc.h"

int main(int argc, char **argv)
{
    ms_ocr_configure_env(argc, argv);
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
    setMsgSeverity(L_SEVERITY_NONE);
    if (argc == 2 && strcmp(argv[1], "__worker") == 0) return ms_worker_child_main();
    /* the workers forked from a copy of this process, as motionscan's main
     * does (spawner.h); with --exec each is exec'd afresh */
    gboolean spawner = TRUE;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--in-process") == 0 || strcmp(argv[i], "--exec") == 0) spawner = FALSE;
    if (spawner) ms_spawner_start();

    gboolean in_process = FALSE, exec_flag = FALSE;
    engine_options eo;
    ms_cli_engine_defaults(&eo);
    GOptionEntry entries[] = {
        {"in-process", 0, 0, G_OPTION_ARG_NONE, &in_process, "read the pages in this process", NULL},
        {"exec", 0, 0, G_OPTION_ARG_NONE, &exec_flag, "start the workers by exec, with no spawner", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *oc = g_option_context_new("FILE...");
    g_option_context_add_main_entries(oc, entries, NULL);
    ms_cli_engine_add_entries(oc, &eo);
    GError *err = NULL;
    if (!g_option_context_parse(oc, &argc, &argv, &err) || argc < 2 ||
        !ms_cli_engine_check(&eo, "bench_isolation")) {
        fprintf(stderr, "bench_isolation: %s\n", err ? err->message : "usage: [--in-process] FILE...");
        return 2;
    }
    g_option_context_free(oc);
    const char *rules_dir = ms_cli_rules_dir(eo.rules);
    ms_ruleset *rs = ms_cli_load_rules(rules_dir, FALSE);
    if (!rs) return 2;
    ms_context ctx = ms_cli_engine_context(&eo, rs);
    if (in_process) {
        ctx.worker_exe = NULL;
        /* as each worker does (worker_child.c): Poppler's global tables stay
         * loaded between documents, so neither mode rebuilds them */
        ms_pages_hold();
    }

    int skipped = 0;
    GPtrArray *paths = ms_batch_collect(argv + 1, argc - 1, FALSE, &skipped);
    GPtrArray *sinks = g_ptr_array_new();
    g_ptr_array_add(sinks, ms_sink_jsonl_new(fopen("/dev/null", "w"), TRUE));
    ms_batch_options bo = {eo.jobs, sinks, rules_dir, FALSE};
    ms_batch_stats st = {0};
    gboolean ok = ms_batch_run(&ctx, &bo, paths, &st, &err) &&
                  ms_sink_close_all((ms_sink **)sinks->pdata, sinks->len, &err);
    if (ok)
        printf("%s: %d files, %d pages, %.2f s\n", in_process ? "in-process" : "workers", st.files,
               st.pages, st.seconds);
    else
        fprintf(stderr, "bench_isolation: %s\n", err->message);
    g_clear_error(&err);
    g_ptr_array_unref(sinks);
    g_ptr_array_unref(paths);
    ms_ruleset_free(rs);
    ms_cli_engine_clear(&eo);
    return ok ? 0 : 1;
}
