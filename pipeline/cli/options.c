/* options — what the commands share (see cli.h). */
#include "pipeline/cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "pipeline/base/limits.h"
#include "pipeline/ocr/ocr.h"
#include "pipeline/sinks/sink_pg.h"
#include "pipeline/worker/worker_proc.h"

const char *ms_cli_rules_dir(const char *given)
{
    const char *env = g_getenv("MOTIONSCAN_RULES");
    if (given) return given;
    return env && *env ? env : MS_DEFAULT_RULES_DIR;
}

ms_ruleset *ms_cli_load_rules(const char *dir, gboolean verbose)
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

/* The PDF password and a database URL's password are hidden: the database
 * outlives the run and is shared. */
char *ms_cli_command_line_json(int argc, char **argv)
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

void ms_cli_engine_defaults(engine_options *o)
{
    memset(o, 0, sizeof *o);
    o->dpi = MS_DEFAULT_DPI;
    o->jobs = (int)g_get_num_processors();
    o->max_pages = MS_DEFAULT_MAX_PAGES;
    o->max_pixels = MS_DEFAULT_MAX_PIXELS;
    o->ocr_timeout_ms = MS_DEFAULT_OCR_PAGE_MS;
    o->doc_timeout_s = MS_DEFAULT_DOC_MS / 1000;
    o->max_decode_mb = (int)(MS_DEFAULT_MAX_DECODE_BYTES / 1000000);
    o->worker_mb = MS_DEFAULT_WORKER_MEM_MB;
}

void ms_cli_engine_add_entries(GOptionContext *oc, engine_options *o)
{
    const GOptionEntry shared[] = {
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &o->jobs, "Worker processes (default: the number of cores)", "N"},
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
        {"one-reading", 0, 0, G_OPTION_ARG_NONE, &o->one_reading, "Never read a poor page a second time from the grey image", NULL},
        {"no-second-look", 0, 0, G_OPTION_ARG_NONE, &o->no_second_look, "Do not re-read A-number and country words from their boxes", NULL},
        {"no-split", 0, 0, G_OPTION_ARG_NONE, &o->no_split, "One record per file: do not split stapled stacks into their filings", NULL},
        {"pdf", 0, 0, G_OPTION_ARG_FILENAME, &o->pdf, "Also write a searchable PDF of each input to DIR/NAME.pdf", "DIR"},
        {"pdf-identity", 0, 0, G_OPTION_ARG_NONE, &o->pdf_identity, "Put the A-number and the respondent in the PDF's Subject (off: nothing identifying is added)", NULL},
        {"worker-memory-mb", 0, 0, G_OPTION_ARG_INT, &o->worker_mb, "Address space of each worker process in MB (default 3072; 0: no limit)", "N"},
        {NULL}};
    g_option_context_add_main_entries(oc, shared, NULL);
}

gboolean ms_cli_engine_check(const engine_options *o, const char *cmd)
{
    if (o->dpi < MS_MIN_DPI || o->dpi > MS_MAX_DPI || o->jobs < 1 || o->jobs > MS_MAX_WORKERS ||
        o->max_pages < 1 || o->max_pixels < 1000000 || o->max_pixels > MS_MAX_MAX_PIXELS ||
        o->ocr_timeout_ms < 0 || o->doc_timeout_s < 0 || o->max_decode_mb < 1 ||
        o->worker_mb < 0 || (o->worker_mb > 0 && o->worker_mb < 256)) {
        fprintf(stderr, "motionscan %s: --dpi must be %d-%d, --jobs 1-%d, --max-pages >= 1, "
                        "--max-pixels 1000000-1000000000, --ocr-timeout >= 0, --doc-timeout >= 0, "
                        "--max-decode-mb >= 1, --worker-memory-mb 0 or >= 256\n",
                cmd, MS_MIN_DPI, MS_MAX_DPI, MS_MAX_WORKERS);
        return FALSE;
    }
    if (o->pdf && g_mkdir_with_parents(o->pdf, 0755) != 0) {
        fprintf(stderr, "motionscan %s: cannot create %s: %s\n", cmd, o->pdf, g_strerror(errno));
        return FALSE;
    }
    return TRUE;
}

/* This program's path, for starting worker processes (resolved once, before
 * any worker: /proc/self/exe as a link, which Valgrind also reports right). */
static const char *self_exe(void)
{
    static char *exe;
    if (!exe) exe = g_file_read_link("/proc/self/exe", NULL);
    return exe ? exe : "/proc/self/exe";
}

ms_context ms_cli_engine_context(const engine_options *o, const ms_ruleset *rs)
{
    ms_context ctx = {.rules = rs, .limits = MS_LIMITS_INIT, .ocr = MS_OCR_OPTIONS_INIT,
                      .dpi = o->dpi, .password = o->password};
    ctx.limits.max_pages = o->max_pages;
    ctx.limits.max_pixels = o->max_pixels;
    ctx.limits.max_decode_bytes = (int64_t)o->max_decode_mb * 1000000;
    ctx.limits.doc_ms = o->doc_timeout_s > G_MAXINT / 1000 ? G_MAXINT : o->doc_timeout_s * 1000;
    ctx.ocr.orient = !o->no_orient;
    ctx.ocr.bgnorm = o->bgnorm;
    ctx.ocr.second_reading = !o->one_reading, ctx.ocr.second_look = !o->no_second_look;
    ctx.ocr.deadline_ms = o->ocr_timeout_ms;
    ctx.ocr.tessdata = o->tessdata;
    if (o->lang) ctx.ocr.lang = o->lang;
    ctx.ocr.deskew = !o->no_deskew;
    ctx.worker_exe = self_exe();
    ctx.worker_mem_bytes = (gint64)o->worker_mb << 20;
    ctx.no_split = o->no_split;
    ctx.pdf_dir = o->pdf;
    ctx.pdf_identity = o->pdf_identity;
    return ctx;
}

void ms_cli_engine_clear(engine_options *o)
{
    g_free(o->rules);
    g_free(o->password);
    g_free(o->tessdata);
    g_free(o->lang);
    g_free(o->pdf);
}
