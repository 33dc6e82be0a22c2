/* audit — reading records, flagging, rendering page images, writing the
 * report folder (the design is in audit.h; the HTML is audit_html.c).
 */
#include "pipeline/audit/audit.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pipeline/audit/audit_html.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/base/ms_error.h"
#include "pipeline/document/record_json.h"
#include "pipeline/pages/pages.h"
#include "pipeline/sinks/sink_sqlite.h"

GPtrArray *ms_audit_records_new(void)
{
    return g_ptr_array_new_with_free_func((GDestroyNotify)json_object_unref);
}

/* A line that parses to an object is a record; anything else is refused with
 * its line number, so a truncated or foreign file is not half-reported. */
gboolean ms_audit_load_jsonl(const char *path, GPtrArray *records, GError **err)
{
    char *text = NULL;
    gsize len = 0;
    GError *e = NULL;
    /* an I/O failure is unreadable, not a usage error; the size is checked first */
    if (!ms_read_file(path, 0, MS_DEFAULT_MAX_FILE_BYTES, &text, &len, err)) return FALSE;
    gboolean ok = TRUE;
    JsonParser *parser = json_parser_new();
    char **lines = g_strsplit(text, "\n", -1);
    for (int i = 0; ok && lines[i]; i++) {
        g_strchomp(lines[i]);
        if (!*lines[i]) continue;
        if (!json_parser_load_from_data(parser, lines[i], -1, &e) ||
            !JSON_NODE_HOLDS_OBJECT(json_parser_get_root(parser))) {
            g_set_error(err, MS_ERROR, MS_ERR_USAGE, "%s:%d: not a motionscan record: %s", path,
                        i + 1, e ? e->message : "not a JSON object");
            g_clear_error(&e);
            ok = FALSE;
            break;
        }
        g_ptr_array_add(records,
                        json_object_ref(json_node_get_object(json_parser_get_root(parser))));
    }
    g_strfreev(lines);
    g_object_unref(parser);
    g_free(text);
    return ok;
}

static gboolean db_fail(sqlite3 *db, const char *path, const char *what, GError **err)
{
    g_set_error(err, MS_ERROR, MS_ERR_UNREADABLE, "%s: %s: %s", path, what,
                db ? sqlite3_errmsg(db) : "out of memory");
    return FALSE;
}

/* An error row without a document, as the record it was. */
static JsonObject *error_record(const char *file, const char *code, const char *message)
{
    JsonObject *o = json_object_new();
    JsonObject *e = json_object_new();
    json_object_set_string_member(o, "file", file ? file : "");
    json_object_set_null_member(o, "sha256");
    json_object_set_string_member(o, "status", "error");
    json_object_set_string_member(e, "code", code ? code : "internal");
    json_object_set_string_member(e, "message", message ? message : "");
    json_object_set_object_member(o, "error", e);
    return o;
}

gboolean ms_audit_load_db(const char *path, GPtrArray *records, GError **err)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    gboolean ok = FALSE;
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        g_set_error(err, MS_ERROR, MS_ERR_NOT_FOUND, "%s: no such database", path);
        return FALSE;
    }
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        db_fail(db, path, "cannot open the database", err);
        goto out;
    }
    sqlite3_busy_timeout(db, MS_SQLITE_BUSY_MS);
    if (sqlite3_prepare_v2(db, "SELECT record_json FROM documents ORDER BY file, sha256, part", -1, &st,
                           NULL) != SQLITE_OK) {
        db_fail(db, path, "not a motionscan database", err);
        goto out;
    }
    JsonParser *parser = json_parser_new();
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *json = (const char *)sqlite3_column_text(st, 0);
        if (json && json_parser_load_from_data(parser, json, -1, NULL) &&
            JSON_NODE_HOLDS_OBJECT(json_parser_get_root(parser)))
            g_ptr_array_add(records,
                            json_object_ref(json_node_get_object(json_parser_get_root(parser))));
    }
    g_object_unref(parser);
    sqlite3_finalize(st);
    st = NULL;
    if (rc != SQLITE_DONE) {
        db_fail(db, path, "cannot read documents", err);
        goto out;
    }
    /* Files that could not be read have no document row: the last run's errors. */
    if (sqlite3_prepare_v2(db,
                           "SELECT file, error_code, error_message FROM errors"
                           " WHERE sha256 IS NULL AND run_id = (SELECT MAX(id) FROM runs)"
                           " ORDER BY file",
                           -1, &st, NULL) != SQLITE_OK) {
        db_fail(db, path, "not a motionscan database", err);
        goto out;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        g_ptr_array_add(records, error_record((const char *)sqlite3_column_text(st, 0),
                                              (const char *)sqlite3_column_text(st, 1),
                                              (const char *)sqlite3_column_text(st, 2)));
    ok = rc == SQLITE_DONE || db_fail(db, path, "cannot read errors", err);
out:
    sqlite3_finalize(st);
    sqlite3_close(db);
    return ok;
}

/* ---- flags ---- */

static void flag(audit_doc *d, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static void flag(audit_doc *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_ptr_array_add(d->flags, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

static void flag_pages(audit_doc *d, double low)
{
    JsonArray *pages = ms_json_arr(d->rec, "pages");
    for (guint i = 0; pages && i < json_array_get_length(pages); i++) {
        JsonObject *p = ms_json_elem_obj(pages, i);
        const char *source = ms_json_str(p, "source");
        double conf = 0, number = i + 1;
        ms_json_num(p, "number", &number);
        if (source && strcmp(source, "error") == 0) {
            JsonObject *e = ms_json_obj(p, "error");
            flag(d, "page %.0f failed: %s", number,
                 ms_json_str(e, "message") ? ms_json_str(e, "message") : "no reason given");
            d->failed = TRUE;
        }
        if (source && strcmp(source, "ocr") == 0 && ms_json_num(p, "ocr_confidence", &conf)) {
            if (d->min_ocr < 0 || conf < d->min_ocr) d->min_ocr = conf;
            if (conf < low) {
                flag(d, "page %.0f: OCR confidence %.1f is below %.0f", number, conf, low);
                d->low = TRUE;
            }
        }
    }
}

static void flag_values(audit_doc *d, double low)
{
    JsonArray *ev = ms_json_arr(d->rec, "evidence");
    for (guint i = 0; ev && i < json_array_get_length(ev); i++) {
        JsonObject *e = ms_json_elem_obj(ev, i);
        double conf;
        if (ms_json_num(e, "confidence", &conf) && conf < low) {
            flag(d, "%s \"%s\": OCR confidence %.1f is below %.0f",
                 ms_json_str(e, "field") ? ms_json_str(e, "field") : "?",
                 ms_json_str(e, "value") ? ms_json_str(e, "value") : "", conf, low);
            d->low = TRUE;
        }
    }
}

/* Disagreements a reader would catch: a motion that must name a country and
 * names none, a pretermit motion "to" the respondent's own country, several
 * A-numbers in one filing. */
static void flag_disagreements(audit_doc *d)
{
    const char *type = ms_json_str(d->rec, "motion_type");
    JsonArray *rc = ms_json_arr(d->rec, "removal_countries");
    if (type && (strcmp(type, "pretermit") == 0 || strcmp(type, "designate_country") == 0) &&
        (!rc || json_array_get_length(rc) == 0))
        flag(d, "%s motion with no removal country", type);
    /* An ACA pretermit sends the respondent to a third country. */
    const char *nat = ms_json_str(ms_json_obj(d->rec, "nationality"), "code");
    for (guint i = 0;
         nat && type && strcmp(type, "pretermit") == 0 && rc && i < json_array_get_length(rc); i++)
        if (g_strcmp0(ms_json_str(ms_json_elem_obj(rc, i), "code"), nat) == 0)
            flag(d,
                 "pretermit motion proposes removal to the respondent's own nationality (%s), "
                 "not a third country",
                 nat);
    JsonArray *an = ms_json_arr(d->rec, "a_numbers");
    GPtrArray *distinct = g_ptr_array_new();
    for (guint i = 0; an && i < json_array_get_length(an); i++) {
        const char *a = json_node_get_string(json_array_get_element(an, i));
        gboolean seen = !a;
        for (guint k = 0; !seen && k < distinct->len; k++)
            seen = strcmp(a, g_ptr_array_index(distinct, k)) == 0;
        if (!seen) g_ptr_array_add(distinct, (gpointer)a);
    }
    if (distinct->len > 1) {
        g_ptr_array_add(distinct, NULL);
        char *list = g_strjoinv(", ", (char **)distinct->pdata);
        flag(d, "%u different A-numbers: %s", distinct->len - 1, list);
        g_free(list);
    }
    g_ptr_array_free(distinct, TRUE);
}

static audit_doc *doc_new(JsonObject *rec, guint index, GHashTable *names, double low)
{
    audit_doc *d = g_new0(audit_doc, 1);
    d->rec = rec;
    d->file = ms_json_str(rec, "file") ? ms_json_str(rec, "file") : "(no file)";
    d->sha = ms_json_is_sha256(ms_json_str(rec, "sha256")) ? ms_json_str(rec, "sha256") : NULL;
    d->flags = g_ptr_array_new_with_free_func(g_free);
    d->images = g_array_new(FALSE, TRUE, sizeof(audit_image));
    d->min_ocr = -1;
    /* Two copies of one file share a sha256 but are two records. */
    char *base = d->sha ? g_strdup_printf("doc-%s", d->sha) : g_strdup_printf("doc-n%u", index);
    guint seen = GPOINTER_TO_UINT(g_hash_table_lookup(names, base));
    g_hash_table_replace(names, g_strdup(base), GUINT_TO_POINTER(seen + 1));
    d->page =
        seen ? g_strdup_printf("%s-%u.html", base, seen + 1) : g_strdup_printf("%s.html", base);
    g_free(base);

    const char *status = ms_json_str(rec, "status");
    if (!status || strcmp(status, "error") == 0) {
        JsonObject *e = ms_json_obj(rec, "error");
        flag(d, "error record: %s",
             ms_json_str(e, "message") ? ms_json_str(e, "message")
             : ms_json_str(e, "code")  ? ms_json_str(e, "code")
                                       : "unknown");
        d->failed = TRUE;
    }
    JsonObject *b = ms_json_obj(rec, "boundary");
    JsonNode *review = ms_json_member(b, "review");
    double page = 0, conf = 0;
    if (review && JSON_NODE_HOLDS_VALUE(review) &&
        json_node_get_value_type(review) == G_TYPE_BOOLEAN && json_node_get_boolean(review) &&
        ms_json_num(b, "page", &page) && ms_json_num(b, "confidence", &conf))
        flag(d, "filing boundary on page %.0f to check: confidence %.2f", page, conf);
    flag_pages(d, low);
    flag_values(d, low);
    flag_disagreements(d);
    return d;
}

static void doc_free(audit_doc *d)
{
    for (guint i = 0; i < d->images->len; i++)
        g_free(g_array_index(d->images, audit_image, i).src);
    g_array_free(d->images, TRUE);
    g_ptr_array_free(d->flags, TRUE);
    g_free(d->image_note);
    g_free(d->page);
    g_free(d);
}

/* ---- page images ---- */

static gboolean write_file(const char *dir, const char *name, const char *data, gsize len,
                           GError **err)
{
    char *path = g_build_filename(dir, name, NULL);
    GError *e = NULL;
    gboolean ok = g_file_set_contents(path, data, (gssize)len, &e);
    if (!ok) {
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "cannot write %s: %s", path, e->message);
        g_error_free(e);
    }
    g_free(path);
    return ok;
}

/* Page `index` at about `width` pixels wide, in 16 greys: PDFs rendered at
 * the dpi that gives that width, images decoded and scaled down (1-bit faxes
 * to grey, so thin strokes survive). */
static PIX *preview(ms_doc *doc, int index, int width, const ms_limits *lim, GError **err)
{
    int dpi = 100, dpi_out = 0;
    if (ms_doc_is_pdf(doc)) {
        int wpt = 0, hpt = 0;
        ms_doc_page_size(doc, index, 72, &wpt, &hpt);
        if (wpt > 0) dpi = CLAMP(width * 72 / wpt, 20, 300);
    }
    PIX *pix = ms_doc_render_page(doc, index, dpi, lim, &dpi_out, err);
    if (pix && pixGetWidth(pix) > width * 11 / 10) {
        float f = (float)width / (float)pixGetWidth(pix);
        PIX *small = pixGetDepth(pix) == 1 ? pixScaleToGray(pix, f) : pixScale(pix, f, f);
        pixDestroy(&pix);
        pix = small;
    }
    /* 16 grey levels: text stays crisp and the PNG is about 2.6 times smaller
     * than with 256 (60 KB against 159 KB a page on the samples). */
    PIX *grey = pix ? pixConvertTo8(pix, FALSE) : NULL;
    PIX *out = grey ? pixThresholdTo4bpp(grey, 16, FALSE) : NULL;
    pixDestroy(&grey);
    pixDestroy(&pix);
    if (!out && err && !*err)
        g_set_error(err, MS_ERROR, MS_ERR_RENDER, "page %d: cannot scale the image", index + 1);
    return out;
}

static gboolean render_images(audit_doc *d, ms_doc *doc, const ms_audit_options *opt,
                              const char *img_dir, ms_audit_stats *st, GError **err)
{
    ms_limits lim = MS_LIMITS_INIT;
    int n = MIN(ms_doc_page_count(doc), opt->max_image_pages);
    /* a filing of a stapled stack draws its own pages (images by page number) */
    double first = 1, last = n;
    JsonArray *range = ms_json_arr(ms_json_obj(d->rec, "part"), "pages");
    if (range && json_array_get_length(range) == 2) {
        ms_json_node_num(json_array_get_element(range, 0), &first);
        ms_json_node_num(json_array_get_element(range, 1), &last);
    }
    if (d->images->len < (guint)MAX(n, 0)) g_array_set_size(d->images, (guint)n);
    for (int i = 0; i < n; i++) {
        GError *e = NULL;
        if (i + 1 < first || i + 1 > last) continue;
        PIX *pix = preview(doc, i, opt->image_width, &lim, &e);
        l_uint8 *png = NULL;
        size_t len = 0;
        if (pix && pixWriteMem(&png, &len, pix, IFF_PNG) == 0) {
            audit_image *im = &g_array_index(d->images, audit_image, i);
            char *name = g_strdup_printf("%s-p%d.png", d->sha, i + 1);
            gboolean ok = write_file(img_dir, name, (const char *)png, len, err);
            if (ok) {
                im->src = g_strdup_printf("img/%s", name);
                im->width = pixGetWidth(pix), im->height = pixGetHeight(pix);
                st->images++;
            }
            g_free(name);
            lept_free(png);
            pixDestroy(&pix);
            if (!ok) return FALSE;
        }
        g_clear_error(&e); /* a page that cannot be drawn shows no image */
        pixDestroy(&pix);
    }
    return TRUE;
}

/* Open the source again; only the very bytes the record was read from are
 * drawn, so the boxes match the picture. */
static gboolean add_images(audit_doc *d, const ms_audit_options *opt, const char *img_dir,
                           ms_audit_stats *st, GError **err)
{
    JsonArray *pages = ms_json_arr(d->rec, "pages");
    g_array_set_size(d->images, pages ? json_array_get_length(pages) : 0);
    if (!d->sha || !d->images->len) return TRUE;
    if (g_strcmp0(ms_json_str(d->rec, "format"), "text") == 0) {
        d->image_note = g_strdup("This record was read from a text transcript (motionscan run "
                                 "--text): there are no page images.");
        return TRUE;
    }
    ms_limits lim = MS_LIMITS_INIT;
    ms_input in = {0};
    ms_doc *doc = NULL;
    GError *e = NULL;
    gboolean ok = TRUE;
    char *path = opt->source_dir && !g_path_is_absolute(d->file)
                     ? g_build_filename(opt->source_dir, d->file, NULL)
                     : g_strdup(d->file);
    if (!ms_input_load(path, &lim, &in, &e)) {
        d->image_note = g_strdup_printf("The source file cannot be read now (%s), so the pages "
                                        "are not shown.",
                                        e->message);
        st->sources_missing++;
    } else if (strcmp(in.sha256, d->sha) != 0) {
        d->image_note = g_strdup_printf("The source file %s has changed since it was read (its "
                                        "sha256 is now %s), so the pages are not shown.",
                                        path, in.sha256);
        st->sources_missing++;
    } else if (!ms_doc_open(&in, &lim, opt->password, &doc, &e)) {
        d->image_note = g_strdup_printf("The source file cannot be opened (%s), so the pages are "
                                        "not shown.",
                                        e->message);
    } else {
        ok = render_images(d, doc, opt, img_dir, st, err);
    }
    g_clear_error(&e);
    ms_doc_free(doc);
    ms_input_dispose(&in);
    g_free(path);
    return ok;
}

gboolean ms_audit_write(const ms_audit_options *opt, GPtrArray *records, ms_audit_stats *st,
                        GError **err)
{
    memset(st, 0, sizeof *st);
    char *img_dir = g_build_filename(opt->out_dir, "img", NULL);
    if (g_mkdir_with_parents(img_dir, 0755) != 0) {
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "cannot create %s: %s", img_dir,
                    g_strerror(errno));
        g_free(img_dir);
        return FALSE;
    }
    GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GPtrArray *docs = g_ptr_array_new_with_free_func((GDestroyNotify)doc_free);
    gboolean ok = TRUE;
    for (guint i = 0; ok && i < records->len; i++) {
        audit_doc *d = doc_new(g_ptr_array_index(records, i), i, names, opt->low_confidence);
        g_ptr_array_add(docs, d);
        ok = add_images(d, opt, img_dir, st, err);
        char *html = ok ? ms_audit_doc_html(d, opt, err) : NULL;
        ok = html && write_file(opt->out_dir, d->page, html, strlen(html), err);
        g_free(html);
        st->documents++;
        if (d->flags->len) st->flagged++;
    }
    if (ok) {
        char *html = ms_audit_index_html((audit_doc **)docs->pdata, docs->len, opt, err);
        ok = html && write_file(opt->out_dir, "index.html", html, strlen(html), err);
        g_free(html);
    }
    g_ptr_array_free(docs, TRUE);
    g_hash_table_destroy(names);
    g_free(img_dir);
    return ok;
}
