/* motionscan — command line.
 *
 *   motionscan run [options] INPUT...    records for files and folders
 *   motionscan watch INBOX --out DIR     records for every file dropped in INBOX
 *   motionscan rules check [DIR]         compile the rules, report problems
 *   motionscan rules test [DIR]          run every rule's examples
 *   motionscan audit (--records FILE | --db FILE) --out DIR
 *                                        the auditor's HTML report
 *   motionscan review import FILE... --db FILE
 *   motionscan review stats --db FILE    verdicts in, accuracy out
 *
 * stdout carries nothing but records; diagnostics go to stderr.
 * Exit status: 0 every input processed, 1 some input ended in an error
 * record, 2 the command itself could not run (usage, rules, output).
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <leptonica/allheaders.h>

#include "extractors/ruleset.h"
#include "pipeline/audit.h"
#include "pipeline/batch.h"
#include "pipeline/limits.h"
#include "pipeline/merge.h"
#include "pipeline/ms_error.h"
#include "pipeline/ocr.h"
#include "pipeline/review.h"
#include "pipeline/shard.h"
#include "pipeline/sink_pg.h"
#include "pipeline/watch.h"

#define EXIT_INPUT_FAILED 1
#define EXIT_USAGE 2

static const char *default_rules_dir(void)
{
    const char *env = g_getenv("MOTIONSCAN_RULES");
    return env && *env ? env : MS_DEFAULT_RULES_DIR;
}

static ms_ruleset *load_rules(const char *dir, gboolean verbose)
{
    GString *diag = g_string_new(NULL);
    GError *err = NULL;
    ms_ruleset *rs = NULL;
    gboolean ok = ms_ruleset_load(dir, &rs, diag, &err);
    if (diag->len && (verbose || !ok)) fputs(diag->str, stderr);
    if (!ok) fprintf(stderr, "motionscan: %s\n", err->message);
    g_clear_error(&err);
    g_string_free(diag, TRUE);
    return rs;
}

static int cmd_rules(int argc, char **argv)
{
    if (argc < 2 || (strcmp(argv[1], "check") != 0 && strcmp(argv[1], "test") != 0)) {
        fprintf(stderr, "usage: motionscan rules check|test [DIR]\n");
        return EXIT_USAGE;
    }
    const char *dir = argc > 2 ? argv[2] : default_rules_dir();
    ms_ruleset *rs = load_rules(dir, TRUE);
    if (!rs) return EXIT_USAGE;
    int status = 0;
    if (strcmp(argv[1], "check") == 0) {
        printf("%s: %u rules, %u countries: ok\n", dir, ms_ruleset_size(rs),
               ms_gazetteer_size(ms_ruleset_gazetteer(rs)));
    } else {
        GString *diag = g_string_new(NULL);
        ms_matcher *m = ms_matcher_new();
        int checked = 0, failed = ms_ruleset_test(rs, m, diag, &checked);
        fputs(diag->str, stderr);
        printf("%d passed, %d failed\n", checked - failed, failed);
        ms_matcher_free(m);
        g_string_free(diag, TRUE);
        status = failed ? 1 : 0;
    }
    ms_ruleset_free(rs);
    return status;
}

/* Close every sink, even after one fails; the first error is kept. */
static gboolean close_sinks(GPtrArray *sinks, GError **err)
{
    gboolean ok = TRUE;
    for (guint i = 0; i < sinks->len; i++) {
        GError *e = NULL;
        if (!ms_sink_close(g_ptr_array_index(sinks, i), &e)) {
            if (ok && err && !*err) g_propagate_error(err, e);
            else g_clear_error(&e);
            ok = FALSE;
        }
    }
    g_ptr_array_set_size(sinks, 0);
    return ok;
}

/* Options `run` and `watch` share: rules, rendering, limits, OCR, workers. */
typedef struct {
    char *rules, *password, *tessdata, *lang;
    int jobs, dpi, max_pages, ocr_timeout_ms, doc_timeout_s, max_decode_mb;
    gint64 max_pixels;
    gboolean no_deskew, no_orient, bgnorm;
} engine_options;

#define ENGINE_ENTRIES 14

static void engine_defaults(engine_options *o)
{
    memset(o, 0, sizeof *o);
    o->dpi = MS_DEFAULT_DPI;
    o->jobs = (int)g_get_num_processors();
    o->max_pages = MS_DEFAULT_MAX_PAGES;
    o->max_pixels = MS_DEFAULT_MAX_PIXELS;
    o->ocr_timeout_ms = MS_DEFAULT_OCR_PAGE_MS;
    o->doc_timeout_s = MS_DEFAULT_DOC_MS / 1000;
    o->max_decode_mb = (int)(MS_DEFAULT_MAX_DECODE_BYTES / 1000000);
}

/* Append the shared entries to `e` at *n. */
static void engine_entries(engine_options *o, GOptionEntry *e, int *n)
{
    const GOptionEntry shared[ENGINE_ENTRIES] = {
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &o->jobs, "Worker threads (default: the number of cores)", "N"},
        {"rules", 0, 0, G_OPTION_ARG_FILENAME, &o->rules, "Rule folder (default: the bundled rules/)", "DIR"},
        {"dpi", 0, 0, G_OPTION_ARG_INT, &o->dpi, "Resolution to render PDF pages at (default 300)", "N"},
        {"password", 0, 0, G_OPTION_ARG_STRING, &o->password, "Password for encrypted PDFs", "PW"},
        {"max-pages", 0, 0, G_OPTION_ARG_INT, &o->max_pages, "Refuse documents with more pages (default 500)", "N"},
        {"max-pixels", 0, 0, G_OPTION_ARG_INT64, &o->max_pixels, "Downscale pages larger than N pixels (default 36000000)", "N"},
        {"max-decode-mb", 0, 0, G_OPTION_ARG_INT, &o->max_decode_mb, "Refuse image pages over --max-pixels that would take more than N MB to decode (default 256)", "N"},
        {"ocr-timeout", 0, 0, G_OPTION_ARG_INT, &o->ocr_timeout_ms, "OCR deadline per page in ms (default 60000)", "MS"},
        {"doc-timeout", 0, 0, G_OPTION_ARG_INT, &o->doc_timeout_s, "Time limit per document in seconds, all pages together (default 600; 0: none)", "S"},
        {"tessdata", 0, 0, G_OPTION_ARG_FILENAME, &o->tessdata, "Tesseract data folder", "DIR"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &o->lang, "Tesseract language (default eng)", "LANG"},
        {"no-deskew", 0, 0, G_OPTION_ARG_NONE, &o->no_deskew, "Do not remove skew before OCR", NULL},
        {"no-orient", 0, 0, G_OPTION_ARG_NONE, &o->no_orient, "Do not detect and correct pages turned sideways or upside down", NULL},
        {"background-norm", 0, 0, G_OPTION_ARG_NONE, &o->bgnorm, "Normalise uneven backgrounds before thresholding (off by default: see README)", NULL},
    };
    memcpy(e + *n, shared, sizeof shared);
    *n += ENGINE_ENTRIES;
}

static gboolean engine_check(const engine_options *o, const char *cmd)
{
    if (o->dpi < MS_MIN_DPI || o->dpi > MS_MAX_DPI || o->jobs < 1 || o->jobs > MS_MAX_WORKERS ||
        o->max_pages < 1 || o->max_pixels < 1000000 || o->ocr_timeout_ms < 0 ||
        o->doc_timeout_s < 0 || o->max_decode_mb < 1) {
        fprintf(stderr, "motionscan %s: --dpi must be %d-%d, --jobs 1-%d, --max-pages >= 1, "
                        "--max-pixels >= 1000000, --ocr-timeout >= 0, --doc-timeout >= 0, "
                        "--max-decode-mb >= 1\n",
                cmd, MS_MIN_DPI, MS_MAX_DPI, MS_MAX_WORKERS);
        return FALSE;
    }
    return TRUE;
}

/* The context for the workers; it borrows from `o` and `rs`. */
static ms_context engine_context(const engine_options *o, const ms_ruleset *rs)
{
    ms_context ctx = {.rules = rs, .limits = MS_LIMITS_INIT, .ocr = MS_OCR_OPTIONS_INIT,
                      .dpi = o->dpi, .password = o->password};
    ctx.limits.max_pages = o->max_pages;
    ctx.limits.max_pixels = o->max_pixels;
    ctx.limits.max_decode_bytes = (int64_t)o->max_decode_mb * 1000000;
    ctx.limits.doc_ms = o->doc_timeout_s > G_MAXINT / 1000 ? G_MAXINT : o->doc_timeout_s * 1000;
    ctx.ocr.orient = !o->no_orient;
    ctx.ocr.bgnorm = o->bgnorm;
    ctx.ocr.deadline_ms = o->ocr_timeout_ms;
    ctx.ocr.tessdata = o->tessdata;
    if (o->lang) ctx.ocr.lang = o->lang;
    ctx.ocr.deskew = !o->no_deskew;
    return ctx;
}

static void engine_clear(engine_options *o)
{
    g_free(o->rules);
    g_free(o->password);
    g_free(o->tessdata);
    g_free(o->lang);
}

typedef struct {
    char *out, *save_text, *csv, *db, *shard;
    engine_options e;
    gboolean plain_text, skip_known, quiet;
    char **inputs;
} run_options;

/* The command line for the database's runs table, as a JSON array.  The PDF
 * password is hidden: the database outlives the run and is shared. */
static char *command_line_json(int argc, char **argv)
{
    JsonBuilder *b = json_builder_new();
    json_builder_begin_array(b);
    json_builder_add_string_value(b, "motionscan");
    for (int i = 0; i < argc; i++) {
        char *a = g_utf8_make_valid(argv[i], -1); /* file names need not be UTF-8 */
        if (i > 0 && strcmp(argv[i - 1], "--password") == 0) {
            g_free(a);
            a = g_strdup("(hidden)");
        } else if (g_str_has_prefix(a, "--password=")) {
            g_free(a);
            a = g_strdup("--password=(hidden)");
        } else if (strstr(a, "://")) { /* a database URL may hold a password */
            char *url = ms_pg_redact_url(a);
            g_free(a);
            a = url;
        }
        json_builder_add_string_value(b, a);
        g_free(a);
    }
    json_builder_end_array(b);
    JsonNode *root = json_builder_get_root(b);
    char *text = json_to_string(root, FALSE);
    json_node_unref(root);
    g_object_unref(b);
    return text;
}

/* --skip-known: the database's answer (thread-safe, see sink_sqlite.h). */
static gboolean known_in_db(const char *sha256, void *db)
{
    return ms_sink_sqlite_known(db, sha256);
}

static int cmd_run(int argc, char **argv)
{
    run_options o = {0};
    engine_defaults(&o.e);
    GOptionEntry entries[32];
    int n = 0;
    const GOptionEntry head[] = {
        {"out", 'o', 0, G_OPTION_ARG_FILENAME, &o.out, "Write records to FILE (default: stdout)", "FILE"},
        {"csv", 0, 0, G_OPTION_ARG_FILENAME, &o.csv, "Also write one CSV row per record to FILE", "FILE"},
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &o.db, "Also store the records in the SQLite database FILE (created or updated) or a postgresql:// URL", "FILE|URL"},
        {"shard", 0, 0, G_OPTION_ARG_STRING, &o.shard, "Read only shard K of N, K from 0 (default: from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX)", "K/N"},
        {"skip-known", 0, 0, G_OPTION_ARG_NONE, &o.skip_known, "With --db: do not process files whose bytes the database holds as ok", NULL},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, "No progress line and no summary on stderr", NULL},
    };
    const GOptionEntry tail[] = {
        {"save-text", 0, 0, G_OPTION_ARG_FILENAME, &o.save_text, "Also write each document's normalised text to DIR/NAME.txt (replay it with --text)", "DIR"},
        {"text", 0, 0, G_OPTION_ARG_NONE, &o.plain_text, "Inputs are UTF-8 text transcripts (form feed between pages), to try rules on a wording", NULL},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.inputs, NULL, NULL},
        {NULL}};
    memcpy(entries, head, sizeof head);
    n += G_N_ELEMENTS(head);
    engine_entries(&o.e, entries, &n);
    memcpy(entries + n, tail, sizeof tail);
    GOptionContext *oc = g_option_context_new("INPUT... - one JSON record per file (JSON Lines)");
    g_option_context_set_summary(oc,
        "Reads scanned or born-digital immigration-court filings (PDF, TIFF, PNG, JPEG;\n"
        "folders are walked recursively) and writes one record per file, sorted by path.");
    g_option_context_set_description(oc,
        "Exit status: 0 every input processed; 1 some input ended in an error record;\n"
        "2 the command could not run (usage, rules, output).");
    g_option_context_add_main_entries(oc, entries, NULL);
    GError *err = NULL;
    int status = 0;
    char *command_line = command_line_json(argc, argv); /* before parsing takes options out */
    ms_ruleset *rs = NULL;
    GPtrArray *paths = NULL, *sinks = NULL;
    FILE *out = stdout;
    if (!g_option_context_parse(oc, &argc, &argv, &err)) {
        fprintf(stderr, "motionscan run: %s (see motionscan run --help)\n", err->message);
        status = EXIT_USAGE;
        goto out;
    }
    if (!o.inputs || !o.inputs[0]) {
        fprintf(stderr, "motionscan run: no input given (see motionscan run --help)\n");
        status = EXIT_USAGE;
        goto out;
    }
    if (!engine_check(&o.e, "run")) {
        status = EXIT_USAGE;
        goto out;
    }
    ms_shard shard = MS_SHARD_NONE;
    if (!ms_shard_resolve(o.shard, &shard, &err)) {
        fprintf(stderr, "motionscan run: %s\n", err->message);
        status = EXIT_USAGE;
        goto out;
    }
    if (o.skip_known && (!o.db || ms_db_is_postgres(o.db))) {
        fprintf(stderr, "motionscan run: --skip-known needs --db FILE (a SQLite database)\n");
        status = EXIT_USAGE;
        goto out;
    }
    const char *rules_dir = o.e.rules ? o.e.rules : default_rules_dir();
    rs = load_rules(rules_dir, FALSE);
    if (!rs) {
        status = EXIT_USAGE;
        goto out;
    }
    if (o.out && !(out = fopen(o.out, "w"))) {
        fprintf(stderr, "motionscan run: cannot write %s: %s\n", o.out, g_strerror(errno));
        out = stdout;
        status = EXIT_USAGE;
        goto out;
    }
    ms_context ctx = engine_context(&o.e, rs);
    ctx.plain_text = o.plain_text;
    ctx.save_text_dir = o.save_text;
    if (o.save_text && g_mkdir_with_parents(o.save_text, 0755) != 0) {
        fprintf(stderr, "motionscan run: cannot create %s: %s\n", o.save_text, g_strerror(errno));
        status = EXIT_USAGE;
        goto out;
    }

    int skipped = 0, outside = 0;
    paths = ms_batch_collect_shard(o.inputs, (int)g_strv_length(o.inputs), o.plain_text, &shard,
                                   &skipped, &outside);
    sinks = g_ptr_array_new();
    g_ptr_array_add(sinks, ms_sink_jsonl_new(out, out != stdout));
    out = stdout; /* the sink owns it now */
    ms_sink *sink = NULL, *db = NULL;
    if (o.csv && ms_sink_csv_open(o.csv, &sink, &err)) g_ptr_array_add(sinks, sink);
    ms_sqlite_options so = MS_SQLITE_OPTIONS_INIT;
    so.command_line = command_line;
    so.load_known = o.skip_known;
    char *spool = ms_pg_spool_for(o.out);
    if (!err && o.db && ms_sink_db_open(o.db, &so, spool, &db, &err)) g_ptr_array_add(sinks, db);
    g_free(spool);
    if (err) {
        fprintf(stderr, "motionscan run: %s\n", err->message);
        status = EXIT_USAGE;
        goto out;
    }
    ctx.skip = o.skip_known ? known_in_db : NULL;
    ctx.skip_user = db;
    ms_batch_options bo = {o.e.jobs, sinks, rules_dir, !o.quiet && isatty(STDERR_FILENO)};
    ms_batch_stats st;
    gboolean ran = ms_batch_run(&ctx, &bo, paths, &st, &err);
    if (!close_sinks(sinks, ran ? &err : NULL)) ran = FALSE;
    g_clear_pointer(&sinks, g_ptr_array_unref);
    if (!ran) {
        fprintf(stderr, "motionscan run: %s\n", err ? err->message : "output failed");
        status = EXIT_USAGE;
        goto out;
    }
    status = st.failed ? EXIT_INPUT_FAILED : 0;
    if (o.quiet) goto out;
    fprintf(stderr, "motionscan: %d file%s (%d ok, %d failed", st.files, st.files == 1 ? "" : "s",
            st.ok, st.failed);
    if (st.skipped) fprintf(stderr, ", %d skipped: already in the database", st.skipped);
    fprintf(stderr, "), %d pages in %.1f s", st.pages, st.seconds);
    if (skipped) fprintf(stderr, "; %d file%s in folders skipped (not documents)", skipped,
                         skipped == 1 ? "" : "s");
    if (shard.count) fprintf(stderr, "; shard %d/%d: %d input%s left to the others", shard.index,
                             shard.count, outside, outside == 1 ? "" : "s");
    fputc('\n', stderr);
    status = st.failed ? EXIT_INPUT_FAILED : 0;
out:
    if (sinks) close_sinks(sinks, NULL), g_ptr_array_unref(sinks);
    if (out != stdout) fclose(out);
    if (paths) g_ptr_array_free(paths, TRUE);
    ms_ruleset_free(rs);
    g_clear_error(&err);
    g_option_context_free(oc);
    g_free(o.out);
    engine_clear(&o.e);
    g_free(o.save_text);
    g_free(o.csv);
    g_free(o.db);
    g_free(o.shard);
    g_free(command_line);
    g_strfreev(o.inputs);
    return status;
}

static int cmd_watch(int argc, char **argv)
{
    engine_options e;
    engine_defaults(&e);
    char *out = NULL, *csv = NULL, *db = NULL, **rest = NULL;
    int poll = 0, settle = MS_WATCH_DEFAULT_SETTLE_MS;
    GOptionEntry entries[32];
    int n = 0;
    const GOptionEntry head[] = {
        {"out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Output folder: processing/, done/, failed/, records.jsonl (required)", "DIR"},
        {"csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, "Also append one CSV row per record to FILE", "FILE"},
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Also store the records in the SQLite database FILE (created or updated) or a postgresql:// URL", "FILE|URL"},
        {"poll", 0, 0, G_OPTION_ARG_INT, &poll, "List INBOX every N seconds instead of using inotify (network shares)", "SECONDS"},
        {"settle", 0, 0, G_OPTION_ARG_INT, &settle, "Take a file once its size and mtime are unchanged for MS (default 1000)", "MS"},
    };
    const GOptionEntry tail[] = {
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL}, {NULL}};
    memcpy(entries, head, sizeof head);
    n += G_N_ELEMENTS(head);
    engine_entries(&e, entries, &n);
    memcpy(entries + n, tail, sizeof tail);
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
    g_option_context_add_main_entries(oc, entries, NULL);
    GError *err = NULL;
    int status = EXIT_USAGE;
    char *command_line = command_line_json(argc, argv);
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
    if (!engine_check(&e, "watch")) goto out;
    if (poll < 0 || poll > MS_WATCH_MAX_POLL_SECONDS || settle < MS_WATCH_MIN_SETTLE_MS ||
        settle > MS_WATCH_MAX_SETTLE_MS) {
        fprintf(stderr, "motionscan watch: --poll must be 0-%d, --settle %d-%d\n",
                MS_WATCH_MAX_POLL_SECONDS, MS_WATCH_MIN_SETTLE_MS, MS_WATCH_MAX_SETTLE_MS);
        goto out;
    }
    const char *rules_dir = e.rules ? e.rules : default_rules_dir();
    if (!(rs = load_rules(rules_dir, FALSE))) goto out;
    ms_context ctx = engine_context(&e, rs);
    ms_watch_options wo = {.inbox = rest[0], .out_dir = out, .csv = csv, .db = db,
                           .rules_dir = rules_dir, .command_line = command_line,
                           .jobs = e.jobs, .poll_seconds = poll, .settle_ms = settle};
    status = ms_watch_run(&ctx, g_steal_pointer(&rs), &wo, &err);
    if (status != MS_WATCH_STOPPED)
        fprintf(stderr, "motionscan watch: %s\n", err ? err->message : "stopped on an error");
out:
    ms_ruleset_free(rs);
    g_clear_error(&err);
    g_option_context_free(oc);
    engine_clear(&e);
    g_free(out);
    g_free(csv);
    g_free(db);
    g_free(command_line);
    g_strfreev(rest);
    return status;
}

static int cmd_audit(int argc, char **argv)
{
    char *records = NULL, *db = NULL, *out = NULL, *password = NULL, *source_dir = NULL;
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
    return status;
}

static int cmd_review(int argc, char **argv)
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

static void usage(FILE *f)
{
    fprintf(f,
            "usage: motionscan run [options] INPUT...   one JSON record per file (see run --help)\n"
            "       motionscan watch INBOX --out DIR    record every file dropped in INBOX (see watch --help)\n"
            "       motionscan rules check [DIR]        compile the rules and report problems\n"
            "       motionscan rules test [DIR]         run every rule's examples\n"
            "       motionscan audit (--records FILE | --db FILE) --out DIR\n"
            "                                           the auditor's HTML report (see audit --help)\n"
            "       motionscan review import FILE... --db FILE\n"
            "       motionscan review stats --db FILE   auditors' verdicts in, accuracy out\n"
            "       motionscan merge [--out F] [--csv F] [--db F|URL] INPUT...  shard outputs into one\n"
            "       motionscan --version | --help\n");
}

/* Leptonica reports problems on stderr by default; the pipeline reports them
 * in records instead. */
static void quiet_leptonica(void)
{
    setMsgSeverity(L_SEVERITY_NONE);
}

int main(int argc, char **argv)
{
    ms_ocr_configure_env(argc, argv);
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C"); /* Tesseract requires the C numeric locale */
    quiet_leptonica();
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        char *lept = getLeptonicaVersion(); /* "leptonica-1.82.0" */
        printf("motionscan %s (tesseract %s, %s)\n", MS_VERSION, ms_ocr_engine_version(), lept);
        lept_free(lept);
        return 0;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "run") == 0) return cmd_run(argc - 1, argv + 1);
    if (strcmp(argv[1], "rules") == 0) return cmd_rules(argc - 1, argv + 1);
    if (strcmp(argv[1], "watch") == 0) return cmd_watch(argc - 1, argv + 1);
    if (strcmp(argv[1], "audit") == 0) return cmd_audit(argc - 1, argv + 1);
    if (strcmp(argv[1], "review") == 0) return cmd_review(argc - 1, argv + 1);
    if (strcmp(argv[1], "merge") == 0) return ms_merge_main(argc - 1, argv + 1);
    fprintf(stderr, "motionscan: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
