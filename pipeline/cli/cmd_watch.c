/* motionscan watch INBOX --out DIR: the watch folder (see pipeline/drivers/watch.h). */
#include <stdio.h>
#include <string.h>

#include "pipeline/cli/cli.h"
#include "pipeline/drivers/watch.h"

int ms_cmd_watch(int argc, char **argv)
{
    engine_options e;
    ms_cli_engine_defaults(&e);
    char *out = NULL, *csv = NULL, *db = NULL, *ics = NULL, **rest = NULL;
    int poll = 0, settle = MS_WATCH_DEFAULT_SETTLE_MS;
    const GOptionEntry head[] = {
        {"out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Output folder: processing/, done/, failed/, records.jsonl (required)", "DIR"},
        {"csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, "Also append one CSV row per record to FILE", "FILE"},
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Also store the records in the SQLite database FILE (created or updated) or a postgresql:// URL", "FILE|URL"},
        {"ics", 0, 0, G_OPTION_ARG_FILENAME, &ics, "With --db: keep the calendar feed FILE current (motionscan calendar), rewritten after each file", "FILE"},
        {"poll", 0, 0, G_OPTION_ARG_INT, &poll, "List INBOX every N seconds instead of using inotify (network shares)", "SECONDS"},
        {"settle", 0, 0, G_OPTION_ARG_INT, &settle, "Take a file once its size and mtime are unchanged for MS (default 1000)", "MS"},
        {NULL}};
    const GOptionEntry tail[] = {
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL}, {NULL}};
    GOptionContext *oc = g_option_context_new("INBOX - read every file dropped into INBOX");
    g_option_context_set_summary(oc,
        "Claims each file that lands in INBOX (or is there at start) once it is complete,\n"
        "writes its record to DIR/records.jsonl (and --csv, --db) and moves it to DIR/done/\n"
        "or DIR/failed/.  Safe to kill at any moment: a restart finishes what was in flight.");
    g_option_context_set_description(oc,
        "Signals: SIGTERM/SIGINT finish the files in progress and stop (exit 0);\n"
        "SIGHUP reads the rules again (invalid rules are reported, the old ones stay).\n"
        "Exit status: 0 stopped by a signal; 1 an output failed while running;\n"
        "2 could not start (usage, folders, rules, output).");
    g_option_context_add_main_entries(oc, head, NULL);
    ms_cli_engine_add_entries(oc, &e);
    g_option_context_add_main_entries(oc, tail, NULL);
    GError *err = NULL;
    int status = EXIT_USAGE;
    char *command_line = ms_cli_command_line_json(argc, argv);
    ms_ruleset *rs = NULL;
    if (!g_option_context_parse(oc, &argc, &argv, &err)) {
        fprintf(stderr, "motionscan watch: %s (see motionscan watch --help)\n", err->message);
        goto out;
    }
    if (!rest || !rest[0] || rest[1] || !out) {
        fprintf(stderr, "motionscan watch: give one INBOX folder and --out DIR "
                        "(see motionscan watch --help)\n");
        goto out;
    }
    if (!ms_cli_engine_check(&e, "watch")) goto out;
    if (ics && !db) {
        fprintf(stderr, "motionscan watch: --ics needs --db (the feed is made from the database)\n");
        goto out;
    }
    if (poll < 0 || poll > MS_WATCH_MAX_POLL_SECONDS || settle < MS_WATCH_MIN_SETTLE_MS ||
        settle > MS_WATCH_MAX_SETTLE_MS) {
        fprintf(stderr, "motionscan watch: --poll must be 0-%d, --settle %d-%d\n",
                MS_WATCH_MAX_POLL_SECONDS, MS_WATCH_MIN_SETTLE_MS, MS_WATCH_MAX_SETTLE_MS);
        goto out;
    }
    const char *rules_dir = ms_cli_rules_dir(e.rules);
    if (!(rs = ms_cli_load_rules(rules_dir, FALSE))) goto out;
    ms_context ctx = ms_cli_engine_context(&e, rs);
    ms_watch_options wo = {.inbox = rest[0], .out_dir = out, .csv = csv, .db = db, .ics = ics,
                           .rules_dir = rules_dir, .command_line = command_line,
                           .jobs = e.jobs, .poll_seconds = poll, .settle_ms = settle};
    status = ms_watch_run(&ctx, g_steal_pointer(&rs), &wo, &err);
    if (status != MS_WATCH_STOPPED)
        fprintf(stderr, "motionscan watch: %s\n", err ? err->message : "stopped on an error");
out:
    ms_ruleset_free(rs);
    g_clear_error(&err);
    g_option_context_free(oc);
    ms_cli_engine_clear(&e);
    g_free(out);
    g_free(csv);
    g_free(db);
    g_free(ics);
    g_free(command_line);
    g_strfreev(rest);
    return status;
}
