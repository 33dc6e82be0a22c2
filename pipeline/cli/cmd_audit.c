/* motionscan audit (--records FILE | --db FILE) --out DIR: the auditor's report. */
#include <stdio.h>

#include "pipeline/audit/audit.h"
#include "pipeline/cli/cli.h"

int ms_cmd_audit(int argc, char **argv)
{
    char *records = NULL, *db = NULL, *out = NULL, *password = NULL, *source_dir = NULL;
    char *as_of = NULL;
    ms_audit_options ao = MS_AUDIT_OPTIONS_INIT;
    GOptionEntry entries[] = {
        {"records", 'r', 0, G_OPTION_ARG_FILENAME, &records, "Read the records from FILE (JSON Lines, from motionscan run --out)", "FILE"},
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Read the records from the SQLite database FILE (motionscan run --db)", "FILE"},
        {"out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Write the report into DIR (created if missing)", "DIR"},
        {"low-confidence", 0, 0, G_OPTION_ARG_DOUBLE, &ao.low_confidence, "Flag values and OCR pages below this confidence (default 80)", "N"},
        {"image-width", 0, 0, G_OPTION_ARG_INT, &ao.image_width, "Width of the page images in pixels (default 900)", "PX"},
        {"max-image-pages", 0, 0, G_OPTION_ARG_INT, &ao.max_image_pages, "Draw at most N pages per document (default 50)", "N"},
        {"password", 0, 0, G_OPTION_ARG_STRING, &password, "Password for encrypted PDFs", "PW"},
        {"source-dir", 0, 0, G_OPTION_ARG_FILENAME, &source_dir, "Find source files with relative paths under DIR (default: the current folder)", "DIR"},
        {"as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, "Count the days left to each deadline from this date (default: today)", "YYYY-MM-DD"},
        {NULL}};
    GOptionContext *oc = g_option_context_new("- the auditor's HTML report");
    g_option_context_set_summary(oc,
        "Writes DIR/index.html (every document, with filters and flags) and one page per\n"
        "document showing each value on the page it came from, with review controls.");
    g_option_context_add_main_entries(oc, entries, NULL);
    GError *err = NULL;
    int status = EXIT_USAGE;
    GPtrArray *recs = ms_audit_records_new();
    if (!g_option_context_parse(oc, &argc, &argv, &err)) {
        fprintf(stderr, "motionscan audit: %s (see motionscan audit --help)\n", err->message);
        goto out;
    }
    if (!out || !!records == !!db || argc > 1) {
        fprintf(stderr, "motionscan audit: give --out DIR and one of --records FILE or --db FILE\n");
        goto out;
    }
    if (ao.image_width < 200 || ao.image_width > 4000 || ao.max_image_pages < 0 ||
        ao.low_confidence < 0 || ao.low_confidence > 100) {
        fprintf(stderr, "motionscan audit: --image-width must be 200-4000, --max-image-pages >= 0, "
                        "--low-confidence 0-100\n");
        goto out;
    }
    if (as_of && !ms_audit_valid_day(as_of)) {
        fprintf(stderr, "motionscan audit: --as-of '%s' is not a date (YYYY-MM-DD)\n", as_of);
        goto out;
    }
    ao.as_of = as_of;
    if (!(records ? ms_audit_load_jsonl(records, recs, &err) : ms_audit_load_db(db, recs, &err))) {
        fprintf(stderr, "motionscan audit: %s\n", err->message);
        goto out;
    }
    ao.out_dir = out;
    ao.password = password;
    ao.source_dir = source_dir;
    ms_audit_stats st;
    if (!ms_audit_write(&ao, recs, &st, &err)) {
        fprintf(stderr, "motionscan audit: %s\n", err->message);
        goto out;
    }
    fprintf(stderr, "motionscan audit: %d document%s, %d flagged, %d page images", st.documents,
            st.documents == 1 ? "" : "s", st.flagged, st.images);
    if (st.sources_missing)
        fprintf(stderr, "; %d source file%s missing or changed (shown without images)",
                st.sources_missing, st.sources_missing == 1 ? "" : "s");
    fprintf(stderr, "; open %s/index.html\n", out);
    status = 0;
out:
    g_ptr_array_unref(recs);
    g_clear_error(&err);
    g_option_context_free(oc);
    g_free(records);
    g_free(db);
    g_free(out);
    g_free(password);
    g_free(source_dir);
    g_free(as_of);
    return status;
}
