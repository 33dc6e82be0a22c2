/* motionscan review import FILE... | stats --db FILE: auditors' verdicts. */
#include <stdio.h>
#include <string.h>

#include "pipeline/cli/cli.h"
#include "pipeline/review/review.h"
#include "pipeline/sinks/sink_sqlite.h"

int ms_cmd_review(int argc, char **argv)
{
    char *db_path = NULL;
    gboolean as_json = FALSE;
    GOptionEntry entries[] = {
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "The SQLite database (motionscan run --db)", "FILE"},
        {"json", 0, 0, G_OPTION_ARG_NONE, &as_json, "stats: print JSON instead of tables", NULL},
        {NULL}};
    GOptionContext *oc = g_option_context_new("import FILE... | stats - auditors' verdicts");
    g_option_context_set_summary(oc,
        "import: store the verdict files the audit report downloads (again: no double count).\n"
        "stats:  accuracy per field and per rule from the stored verdicts.");
    g_option_context_add_main_entries(oc, entries, NULL);
    GError *err = NULL;
    int status = EXIT_USAGE;
    sqlite3 *db = NULL;
    GString *text = g_string_new(NULL);
    if (!g_option_context_parse(oc, &argc, &argv, &err)) {
        fprintf(stderr, "motionscan review: %s (see motionscan review --help)\n", err->message);
        goto out;
    }
    gboolean import = argc >= 2 && strcmp(argv[1], "import") == 0;
    gboolean stats = argc == 2 && strcmp(argv[1], "stats") == 0;
    if ((!import && !stats) || (import && argc < 3) || !db_path) {
        fprintf(stderr, "usage: motionscan review import FILE... --db FILE\n"
                        "       motionscan review stats --db FILE [--json]\n");
        goto out;
    }
    if (stats && !g_file_test(db_path, G_FILE_TEST_IS_REGULAR)) {
        fprintf(stderr, "motionscan review: %s: no such database\n", db_path);
        goto out;
    }
    if (!ms_sqlite_open(db_path, &db, &err)) {
        fprintf(stderr, "motionscan review: %s\n", err->message);
        goto out;
    }
    if (stats) {
        if (!ms_review_stats(db, db_path, as_json, text, &err)) {
            fprintf(stderr, "motionscan review: %s\n", err->message);
            goto out;
        }
        fputs(text->str, stdout);
        status = 0;
        goto out;
    }
    status = 0;
    for (int i = 2; i < argc; i++) {
        ms_review_import_stats st;
        if (!ms_review_import(db, db_path, argv[i], &st, &err)) {
            fprintf(stderr, "motionscan review: %s (nothing imported from it)\n", err->message);
            g_clear_error(&err);
            status = status ? status : EXIT_INPUT_FAILED;
            continue;
        }
        printf("%s: %d verdict%s: %d new, %d updated, %d already stored\n", argv[i], st.verdicts,
               st.verdicts == 1 ? "" : "s", st.added, st.updated, st.unchanged);
    }
out:
    sqlite3_close(db);
    g_string_free(text, TRUE);
    g_clear_error(&err);
    g_option_context_free(oc);
    g_free(db_path);
    return status;
}
