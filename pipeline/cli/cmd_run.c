/* motionscan run [options] INPUT...: one record per file (JSON Lines, and
 * --csv, --db), sorted by path. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pipeline/cli/cli.h"
#include "pipeline/drivers/batch.h"
#include "pipeline/drivers/shard.h"
#include "pipeline/sinks/sink_pg.h"

typedef struct {
    char *out, *save_text, *csv, *db, *shard_flag;
    engine_options e;
    ms_shard shard; /* from --shard or the environment */
    gboolean plain_text, skip_known, quiet;
    char **inputs;
} run_options;

static void run_options_clear(run_options *o)
{
    g_free(o->out);
    ms_cli_engine_clear(&o->e);
    g_free(o->save_text);
    g_free(o->csv);
    g_free(o->db);
    g_free(o->shard_flag);
    g_strfreev(o->inputs);
}

static GOptionContext *run_option_context(run_options *o)
{
    const GOptionEntry head[] = {
        {"out", 'o', 0, G_OPTION_ARG_FILENAME, &o->out, "Write records to FILE (default: stdout)", "FILE"},
        {"csv", 0, 0, G_OPTION_ARG_FILENAME, &o->csv, "Also write one CSV row per record to FILE", "FILE"},
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &o->db, "Also store the records in the SQLite database FILE (created or updated) or a postgresql:// URL", "FILE|URL"},
        {"shard", 0, 0, G_OPTION_ARG_STRING, &o->shard_flag, "Read only shard K of N, K from 0 (default: from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX)", "K/N"},
        {"skip-known", 0, 0, G_OPTION_ARG_NONE, &o->skip_known, "With a SQLite --db: do not process files whose bytes the database holds as ok", NULL},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &o->quiet, "No progress line and no summary on stderr", NULL},
        {NULL}};
    const GOptionEntry tail[] = {
        {"save-text", 0, 0, G_OPTION_ARG_FILENAME, &o->save_text, "Also write each document's normalised text to DIR/NAME.txt (replay it with --text)", "DIR"},
        {"text", 0, 0, G_OPTION_ARG_NONE, &o->plain_text, "Inputs are UTF-8 text transcripts (form feed between pages), to try rules on a wording", NULL},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->inputs, NULL, NULL},
        {NULL}};
    GOptionContext *oc = g_option_context_new("INPUT... - one JSON record per file (JSON Lines)");
    g_option_context_set_summary(oc,
        "Reads scanned or born-digital immigration-court filings (PDF, TIFF, PNG, JPEG;\n"
        "folders are walked recursively) and writes one record per file, sorted by path.");
    g_option_context_set_description(oc,
        "Exit status: 0 every input processed; 1 some input ended in an error record;\n"
        "2 the command could not run (usage, rules, output).");
    g_option_context_add_main_entries(oc, head, NULL);
    ms_cli_engine_add_entries(oc, &o->e);
    g_option_context_add_main_entries(oc, tail, NULL);
    return oc;
}

/* Parse and check the options; FALSE (a usage error, printed) when they are wrong. */
static gboolean run_parse(run_options *o, int *argc, char ***argv)
{
    GOptionContext *oc = run_option_context(o);
    GError *err = NULL;
    const char *problem = NULL;
    if (!g_option_context_parse(oc, argc, argv, &err))
        fprintf(stderr, "motionscan run: %s (see motionscan run --help)\n", err->message);
    else if (!o->inputs || !o->inputs[0])
        problem = "no input given (see motionscan run --help)";
    else if (!ms_cli_engine_check(&o->e, "run"))
        problem = "";
    else if (o->skip_known && (!o->db || ms_db_is_postgres(o->db)))
        problem = "--skip-known needs --db FILE (a SQLite database)";
    else if (!ms_shard_resolve(o->shard_flag, &o->shard, &err))
        problem = err->message;
    if (problem && *problem) fprintf(stderr, "motionscan run: %s\n", problem);
    gboolean ok = !problem && !err;
    g_clear_error(&err);
    g_option_context_free(oc);
    return ok;
}

/* --skip-known: the database's answer (thread-safe, see sink_sqlite.h). */
static gboolean known_in_db(const char *sha256, void *db)
{
    return ms_sink_sqlite_known(db, sha256);
}

/* Open the sinks the options ask for: JSON Lines on `out` (which the sink
 * then owns), --csv and --db.  *db is the database sink, or NULL. */
static gboolean open_sinks(const run_options *o, FILE *out, const char *command_line,
                           GPtrArray *sinks, ms_sink **db, GError **err)
{
    g_ptr_array_add(sinks, ms_sink_jsonl_new(out, out != stdout));
    ms_sink *csv = NULL;
    if (o->csv && !ms_sink_csv_open(o->csv, &csv, err)) return FALSE;
    if (csv) g_ptr_array_add(sinks, csv);
    ms_sqlite_options so = MS_SQLITE_OPTIONS_INIT;
    so.command_line = command_line;
    so.load_known = o->skip_known;
    char *spool = ms_pg_spool_for(o->out); /* used for a PostgreSQL --db */
    gboolean ok = !o->db || ms_sink_db_open(o->db, &so, spool, db, err);
    g_free(spool);
    if (!ok) return FALSE;
    if (*db) g_ptr_array_add(sinks, *db);
    return TRUE;
}

/* The summary line on stderr. */
static void print_summary(const ms_batch_stats *st, int skipped, const ms_shard *shard,
                          int outside)
{
    fprintf(stderr, "motionscan: %d file%s (%d ok, %d failed", st->files, st->files == 1 ? "" : "s",
            st->ok, st->failed);
    if (st->skipped) fprintf(stderr, ", %d skipped: already in the database", st->skipped);
    fprintf(stderr, "), %d pages in %.1f s", st->pages, st->seconds);
    if (skipped) fprintf(stderr, "; %d file%s in folders skipped (not documents)", skipped,
                         skipped == 1 ? "" : "s");
    if (shard->count) fprintf(stderr, "; shard %d/%d: %d input%s left to the others", shard->index,
                              shard->count, outside, outside == 1 ? "" : "s");
    fputc('\n', stderr);
}

/* Prepare the output and the --save-text folder; FALSE (printed) when one
 * cannot be made. */
static gboolean open_outputs(const run_options *o, FILE **out)
{
    *out = stdout;
    if (o->out && !(*out = fopen(o->out, "w"))) {
        fprintf(stderr, "motionscan run: cannot write %s: %s\n", o->out, g_strerror(errno));
        *out = stdout;
        return FALSE;
    }
    if (o->save_text && g_mkdir_with_parents(o->save_text, 0755) != 0) {
        fprintf(stderr, "motionscan run: cannot create %s: %s\n", o->save_text, g_strerror(errno));
        return FALSE;
    }
    return TRUE;
}

/* Run the batch through the sinks and close them; FALSE (printed) when an
 * output failed. */
static gboolean run_batch(const run_options *o, ms_context *ctx, const char *rules_dir,
                          GPtrArray *paths, FILE *out, const char *command_line,
                          ms_batch_stats *st)
{
    GError *err = NULL;
    GPtrArray *sinks = g_ptr_array_new();
    ms_sink *db = NULL;
    gboolean ok = open_sinks(o, out, command_line, sinks, &db, &err);
    if (ok) {
        ctx->skip = o->skip_known ? known_in_db : NULL;
        ctx->skip_user = db;
        ms_batch_options bo = {o->e.jobs, sinks, rules_dir, !o->quiet && isatty(STDERR_FILENO)};
        ok = ms_batch_run(ctx, &bo, paths, st, &err);
    }
    if (!ms_sink_close_all((ms_sink **)sinks->pdata, sinks->len, ok ? &err : NULL)) ok = FALSE;
    g_ptr_array_unref(sinks);
    if (!ok) fprintf(stderr, "motionscan run: %s\n", err ? err->message : "output failed");
    g_clear_error(&err);
    return ok;
}

int ms_cmd_run(int argc, char **argv)
{
    run_options o = {0};
    ms_cli_engine_defaults(&o.e);
    int status = EXIT_USAGE;
    char *command_line = ms_cli_command_line_json(argc, argv); /* before parsing takes options out */
    ms_ruleset *rs = NULL;
    GPtrArray *paths = NULL;
    FILE *out = stdout;
    if (!run_parse(&o, &argc, &argv)) goto out;
    const char *rules_dir = ms_cli_rules_dir(o.e.rules);
    if (!(rs = ms_cli_load_rules(rules_dir, FALSE))) goto out;
    if (!open_outputs(&o, &out)) goto out;
    ms_context ctx = ms_cli_engine_context(&o.e, rs);
    ctx.plain_text = o.plain_text;
    ctx.save_text_dir = o.save_text;
    int skipped = 0, outside = 0;
    paths = ms_batch_collect_shard(o.inputs, (int)g_strv_length(o.inputs), o.plain_text, &o.shard,
                                   &skipped, &outside);
    ms_batch_stats st;
    gboolean ran = run_batch(&o, &ctx, rules_dir, paths, out, command_line, &st);
    out = stdout; /* the JSON Lines sink owned it and closed it */
    if (!ran) goto out;
    status = st.failed ? EXIT_INPUT_FAILED : 0;
    if (!o.quiet) print_summary(&st, skipped, &o.shard, outside);
out:
    if (out != stdout) fclose(out);
    if (paths) g_ptr_array_free(paths, TRUE);
    ms_ruleset_free(rs);
    run_options_clear(&o);
    g_free(command_line);
    return status;
}
