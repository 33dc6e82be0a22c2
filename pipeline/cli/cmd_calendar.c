/* cmd_calendar — `motionscan calendar --db FILE --out FILE.ics [options]`:
 * the command line of pipeline/calendar/calendar.h.  Returns 0 when the feed
 * was written, 2 on usage or an error (said on stderr). */
#include "pipeline/cli/cli.h"

#include <stdio.h>

#include "pipeline/calendar/calendar.h"

int ms_cmd_calendar(int argc, char **argv)
{
    char *db = NULL, *out = NULL, *feed = NULL, *courts = NULL, *rules = NULL;
    ms_calendar_options o = MS_CALENDAR_OPTIONS_INIT;
    gboolean quiet = FALSE;
    GOptionEntry entries[] = {
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Read the documents from the SQLite database FILE (motionscan run --db)", "FILE"},
        {"out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Write the iCalendar feed to FILE (replaced atomically)", "FILE"},
        {"feed", 0, 0, G_OPTION_ARG_STRING, &feed, "The feed's name in the database (default: FILE's name); each feed keeps its own UIDs and sequence numbers", "NAME"},
        {"mask-a-number", 0, 0, G_OPTION_ARG_NONE, &o.mask_a_number, "Show only the A-number's last 3 digits (A XXX-XXX-678)", NULL},
        {"no-names", 0, 0, G_OPTION_ARG_NONE, &o.no_names, "Leave out respondents' names and file names (a feed shared beyond the case team)", NULL},
        {"rules", 0, 0, G_OPTION_ARG_FILENAME, &rules, "Rules folder whose courts.tsv gives the courts' time zones", "DIR"},
        {"courts", 0, 0, G_OPTION_ARG_FILENAME, &courts, "The court time-zone table (default: RULES/courts.tsv)", "FILE"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No summary on stderr", NULL},
        {NULL}};
    GOptionContext *oc = g_option_context_new("- response deadlines and hearings as an iCalendar feed");
    g_option_context_set_summary(oc,
        "Writes one event per response deadline (all-day, alarms 7 and 2 days before), per\n"
        "detained case whose deadline the court sets (on the filing date), and per next\n"
        "hearing (in the court's time zone).  Run it again to update the feed: events keep\n"
        "their UIDs, and those of filings gone from the database are cancelled.");
    g_option_context_add_main_entries(oc, entries, NULL);
    GError *err = NULL;
    int status = EXIT_USAGE;
    GString *warnings = g_string_new(NULL);
    if (!g_option_context_parse(oc, &argc, &argv, &err)) {
        fprintf(stderr, "motionscan calendar: %s (see motionscan calendar --help)\n", err->message);
        goto out;
    }
    if (!db || !out || argc > 1) {
        fprintf(stderr, "motionscan calendar: give --db FILE and --out FILE.ics\n");
        goto out;
    }
    char *courts_path = courts ? g_strdup(courts)
                               : g_build_filename(ms_cli_rules_dir(rules), "courts.tsv", NULL);
    o.db = db, o.out = out, o.feed = feed, o.courts = courts_path;
    ms_calendar_stats st;
    gboolean ok = ms_calendar_export(&o, &st, warnings, &err);
    g_free(courts_path);
    if (!quiet) fputs(warnings->str, stderr);
    if (!ok) {
        fprintf(stderr, "motionscan calendar: %s\n", err->message);
        goto out;
    }
    if (!quiet)
        fprintf(stderr, "motionscan calendar: %d documents, %d events (%d new or changed, %d "
                "cancelled, %d hearings without a time zone) in %s\n", st.documents, st.events,
                st.changed, st.cancelled, st.zoneless, out);
    status = 0;
out:
    g_string_free(warnings, TRUE);
    g_clear_error(&err);
    g_option_context_free(oc);
    g_free(db), g_free(out), g_free(feed), g_free(courts), g_free(rules);
    return status;
}
