/* motionscan merge: shard outputs into one (pipeline/drivers/merge.h). */
#include <errno.h>
#include <stdio.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/audit/audit.h"
#include "pipeline/cli/cli.h"
#include "pipeline/drivers/merge.h"
#include "pipeline/sinks/sink.h"
#include "pipeline/sinks/sink_pg.h"

typedef struct {
    char *out, *csv, *db, **inputs;
} merge_options;

/* Open the sinks the options ask for into `sinks`. */
static gboolean open_sinks(const merge_options *o, const char *command_line, GPtrArray *sinks,
                           GError **err)
{
    FILE *f = stdout;
    if (o->out && !(f = fopen(o->out, "w"))) {
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "cannot write %s: %s", o->out, g_strerror(errno));
        return FALSE;
    }
    g_ptr_array_add(sinks, ms_sink_jsonl_new(f, f != stdout));
    ms_sink *s = NULL;
    if (o->csv) {
        if (!ms_sink_csv_open(o->csv, &s, err)) return FALSE;
        g_ptr_array_add(sinks, s);
    }
    if (o->db) {
        ms_sqlite_options so = MS_SQLITE_OPTIONS_INIT;
        so.command_line = command_line;
        char *spool = ms_pg_spool_for(o->out);
        gboolean ok = ms_sink_db_open(o->db, &so, spool, &s, err);
        g_free(spool);
        if (!ok) return FALSE;
        g_ptr_array_add(sinks, s);
    }
    return TRUE;
}

/* Close every sink (the first error is kept) and empty the array. */
static gboolean close_all(GPtrArray *sinks, GError **err)
{
    gboolean ok = ms_sink_close_all((ms_sink **)sinks->pdata, sinks->len, err);
    g_ptr_array_set_size(sinks, 0);
    return ok;
}

/* Write every record to every sink, then close them. */
static gboolean write_all(GPtrArray *sinks, GPtrArray *recs, GError **err)
{
    gboolean ok = TRUE;
    for (guint i = 0; ok && i < recs->len; i++)
        for (guint k = 0; ok && k < sinks->len; k++)
            ok = ms_sink_write(g_ptr_array_index(sinks, k), g_ptr_array_index(recs, i), err);
    return close_all(sinks, ok ? err : NULL) && ok;
}

static void clear_options(merge_options *o)
{
    g_free(o->out);
    g_free(o->csv);
    g_free(o->db);
    g_strfreev(o->inputs);
}

int ms_cmd_merge(int argc, char **argv)
{
    merge_options o = {0};
    GOptionEntry entries[] = {
        {"out", 'o', 0, G_OPTION_ARG_FILENAME, &o.out, "Write the records to FILE (default: stdout)", "FILE"},
        {"csv", 0, 0, G_OPTION_ARG_FILENAME, &o.csv, "Also write one CSV row per record to FILE", "FILE"},
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &o.db, "Also store the records in a SQLite FILE or a postgresql:// URL", "FILE|URL"},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.inputs, NULL, NULL},
        {NULL}};
    GOptionContext *oc = g_option_context_new("INPUT... - shard outputs into one");
    g_option_context_set_summary(oc,
        "Combines the JSON Lines files and SQLite databases of shard runs (run --shard K/N)\n"
        "into one output, in path order, each file's record once, as one run would have written.");
    g_option_context_add_main_entries(oc, entries, NULL);
    GError *err = NULL;
    int status = EXIT_USAGE, duplicates = 0;
    char *command_line = ms_cli_command_line_json(argc, argv); /* URL passwords hidden */
    GPtrArray *recs = ms_audit_records_new(), *sinks = g_ptr_array_new();
    if (!g_option_context_parse(oc, &argc, &argv, &err)) goto fail;
    if (!o.inputs || !o.inputs[0]) {
        fprintf(stderr, "motionscan merge: no input given (see motionscan merge --help)\n");
        goto out;
    }
    if (!ms_merge_load(o.inputs, (int)g_strv_length(o.inputs), recs, &duplicates, &err) ||
        !open_sinks(&o, command_line, sinks, &err) || !write_all(sinks, recs, &err))
        goto fail;
    fprintf(stderr, "motionscan merge: %u record%s from %u input%s (%d already seen)\n", recs->len,
            recs->len == 1 ? "" : "s", g_strv_length(o.inputs),
            g_strv_length(o.inputs) == 1 ? "" : "s", duplicates);
    status = 0;
    goto out;
fail:
    fprintf(stderr, "motionscan merge: %s\n", err->message);
out:
    close_all(sinks, NULL);
    g_ptr_array_unref(sinks);
    g_ptr_array_unref(recs);
    g_clear_error(&err);
    g_option_context_free(oc);
    g_free(command_line);
    clear_options(&o);
    return status;
}
