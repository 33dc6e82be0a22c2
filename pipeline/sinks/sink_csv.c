/* sink_csv — records as a CSV table a firm can open in a spreadsheet.
 *
 * The file is RFC 4180: CRLF after every row; a field that holds '"', ',',
 * ';' (the separator of some locales), CR or LF is put in double quotes and each '"' in it doubled; every other
 * field is written as is.  It is UTF-8 and starts with a byte order mark,
 * because Excel reads a CSV file without one in the machine's legacy code page
 * and mangles "Perú" and "Côte d'Ivoire"; Python reads it with
 * encoding="utf-8-sig", and most other tools skip the mark.
 *
 * One header row, then one row per record, in the batch's order (sorted by
 * path).  The columns are fixed (append new ones at the end, never reorder):
 *
 *   file, sha256, status, error_code, error_message, filer, motion_type,
 *   removal_countries (codes joined with ";"), removal_country_names (";"),
 *   nationality (the code), a_number, respondent, court,
 *   detained (true/false/empty), title, pages (how many),
 *   ocr_pages (how many were OCRed), min_ocr_confidence (lowest of the OCRed
 *   pages; empty when none was OCRed), schema_version,
 *   proceeding_type, judge, hearing_date, hearing_time, filed_date,
 *   response_due (YYYY-MM-DD; empty when the court sets it or none applies),
 *   response_basis, a_numbers (";"), authorities (";"), filed_date_kind,
 *   date_candidates ("kind:YYYY-MM-DD", ";")
 *
 * A null value is an empty field.
 *
 * Formula guard: a spreadsheet runs a cell that starts with '=', '+', '-' or
 * '@' as a formula, and TAB or CR can hide such a start; a filing's title or a
 * file name is untrusted text, so any field that starts with one of those six
 * characters, after any leading spaces (which a spreadsheet skips), gets a
 * single quote "'" in front (OWASP, "CSV Injection").  The
 * quote is part of the field: a program reading the file back strips it.
 */
#include <errno.h>
#include <string.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/document/record_json.h"
#include "pipeline/sinks/sink.h"

/* A row being built: its text and how many fields it has so far. */
typedef struct {
    GString *text;
    int fields;
} csv_row;

typedef struct {
    ms_sink base;
    FILE *out;
    char *path;
    csv_row row; /* reused for every row */
} csv_sink;

static const char *const columns[] = {
    "file",        "sha256",   "status",     "error_code",  "error_message",
    "filer",       "motion_type", "removal_countries", "removal_country_names",
    "nationality", "a_number", "respondent", "court",       "detained",
    "title",       "pages",    "ocr_pages",  "min_ocr_confidence", "schema_version",
    "proceeding_type", "judge", "hearing_date", "hearing_time", "filed_date",
    "response_due", "response_basis", "a_numbers", "authorities",
    "filed_date_kind", "date_candidates",
};

/* One field, guarded and quoted as the header comment says. */
static void add_cell(csv_row *row, const char *v)
{
    GString *t = row->text;
    if (row->fields++) g_string_append_c(t, ',');
    if (!v) return;
    const char *first = v + strspn(v, " "); /* a spreadsheet skips leading spaces */
    gboolean guard = *first && strchr("=+-@\t\r", *first) != NULL;
    /* ';' too: locales that split on it would cut "x;=HYPERLINK(...)" into a formula cell */
    gboolean quote = strpbrk(v, "\",;\r\n") != NULL;
    if (quote) g_string_append_c(t, '"');
    if (guard) g_string_append_c(t, '\'');
    for (const char *p = v; *p; p++) {
        if (*p == '"') g_string_append_c(t, '"');
        g_string_append_c(t, *p);
    }
    if (quote) g_string_append_c(t, '"');
}

static void add_int_cell(csv_row *row, gint64 v)
{
    char buf[32];
    g_snprintf(buf, sizeof buf, "%" G_GINT64_FORMAT, v);
    add_cell(row, buf);
}

/* removal_countries as "HN;UG" (member "code") or "Honduras;Uganda" ("name"). */
static void add_countries_cell(csv_row *row, JsonArray *countries, const char *member)
{
    GString *joined = g_string_new(NULL);
    for (guint i = 0; countries && i < json_array_get_length(countries); i++) {
        JsonNode *n = json_array_get_element(countries, i);
        const char *v = JSON_NODE_HOLDS_OBJECT(n) ? ms_json_str(json_node_get_object(n), member) : NULL;
        if (i) g_string_append_c(joined, ';');
        if (v) g_string_append(joined, v);
    }
    add_cell(row, joined->str);
    g_string_free(joined, TRUE);
}

/* "received_stamp:2025-10-16;signature:2025-10-14" */
static void add_candidates_cell(csv_row *row, JsonArray *candidates)
{
    GString *joined = g_string_new(NULL);
    for (guint i = 0; candidates && i < json_array_get_length(candidates); i++) {
        JsonNode *n = json_array_get_element(candidates, i);
        JsonObject *c = JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
        g_string_append_printf(joined, "%s%s:%s", i ? ";" : "", ms_json_str(c, "kind") ?: "",
                               ms_json_str(c, "date") ?: "");
    }
    add_cell(row, joined->str);
    g_string_free(joined, TRUE);
}

static void add_detained_cell(csv_row *row, JsonObject *rec)
{
    JsonNode *n = json_object_get_member(rec, "detained");
    if (n && JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_BOOLEAN)
        add_cell(row, json_node_get_boolean(n) ? "true" : "false");
    else add_cell(row, NULL);
}

/* A list of strings, joined with ';'. */
static void add_strings_cell(csv_row *row, JsonArray *values)
{
    GString *joined = g_string_new(NULL);
    for (guint i = 0; values && i < json_array_get_length(values); i++) {
        if (i) g_string_append_c(joined, ';');
        g_string_append(joined, json_array_get_string_element(values, i));
    }
    add_cell(row, joined->str);
    g_string_free(joined, TRUE);
}

/* pages, ocr_pages and min_ocr_confidence from the record's pages. */
static void add_page_cells(csv_row *row, JsonArray *pages)
{
    guint n = pages ? json_array_get_length(pages) : 0, ocr = 0;
    double min = 0;
    gboolean have_min = FALSE;
    for (guint i = 0; i < n; i++) {
        JsonNode *pn = json_array_get_element(pages, i);
        JsonObject *p = JSON_NODE_HOLDS_OBJECT(pn) ? json_node_get_object(pn) : NULL;
        const char *source = ms_json_str(p, "source");
        if (!source || strcmp(source, "ocr") != 0) continue;
        ocr++;
        JsonNode *c = json_object_get_member(p, "ocr_confidence");
        if (!c || !JSON_NODE_HOLDS_VALUE(c)) continue;
        double v = json_node_get_double(c);
        if (!have_min || v < min) min = v, have_min = TRUE;
    }
    add_int_cell(row, n);
    add_int_cell(row, ocr);
    if (have_min) {
        /* %.17g with a '.' whatever the locale: it reads back as the same
         * double, and the record's confidences are eighths, so it is short
         * ("91.375"). */
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        add_cell(row, g_ascii_dtostr(buf, sizeof buf, min));
    } else {
        add_cell(row, NULL);
    }
}

static void build_row(csv_row *row, JsonObject *rec)
{
    JsonObject *error = ms_json_obj(rec, "error");
    add_cell(row, ms_json_str(rec, "file"));
    add_cell(row, ms_json_str(rec, "sha256"));
    add_cell(row, ms_json_str(rec, "status"));
    add_cell(row, ms_json_str(error, "code"));
    add_cell(row, ms_json_str(error, "message"));
    add_cell(row, ms_json_str(rec, "filer"));
    add_cell(row, ms_json_str(rec, "motion_type"));
    JsonArray *removal = ms_json_arr(rec, "removal_countries");
    add_countries_cell(row, removal, "code");
    add_countries_cell(row, removal, "name");
    add_cell(row, ms_json_str(ms_json_obj(rec, "nationality"), "code"));
    add_cell(row, ms_json_str(rec, "a_number"));
    add_cell(row, ms_json_str(rec, "respondent"));
    add_cell(row, ms_json_str(rec, "court"));
    add_detained_cell(row, rec);
    add_cell(row, ms_json_str(rec, "title"));
    add_page_cells(row, ms_json_arr(rec, "pages"));
    JsonNode *sv = json_object_get_member(rec, "schema_version");
    if (sv && JSON_NODE_HOLDS_VALUE(sv)) add_int_cell(row, json_node_get_int(sv));
    else add_cell(row, NULL);
    static const char *const facts[] = {"proceeding_type", "judge", "hearing_date",
                                        "hearing_time", "filed_date"};
    for (gsize i = 0; i < G_N_ELEMENTS(facts); i++) add_cell(row, ms_json_str(rec, facts[i]));
    JsonObject *due = ms_json_obj(rec, "response_due");
    add_cell(row, ms_json_str(due, "date"));
    add_cell(row, ms_json_str(due, "basis"));
    add_strings_cell(row, ms_json_arr(rec, "a_numbers"));
    add_strings_cell(row, ms_json_arr(rec, "authorities"));
    add_cell(row, ms_json_str(rec, "filed_date_kind"));
    add_candidates_cell(row, ms_json_arr(rec, "date_candidates"));
}

/* Write the row and flush it, so a crash loses at most the row being written. */
static gboolean put_row(csv_sink *s, GError **err)
{
    GString *t = s->row.text;
    g_string_append(t, "\r\n");
    gint64 mark = ms_sink_file_mark(s->out);
    gboolean ok = fwrite(t->str, 1, t->len, s->out) == t->len && fflush(s->out) == 0;
    g_string_truncate(t, 0);
    s->row.fields = 0;
    if (!ok) {
        int e = errno;
        ms_sink_file_undo(s->out, mark); /* no half row stays */
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%s: cannot write the CSV: %s", s->path,
                    g_strerror(e));
    }
    return ok;
}

static gboolean csv_write(ms_sink *base, JsonObject *record, GError **err)
{
    csv_sink *s = (csv_sink *)base;
    build_row(&s->row, record);
    return put_row(s, err);
}

static gboolean csv_close(ms_sink *base, GError **err)
{
    csv_sink *s = (csv_sink *)base;
    gboolean ok = fclose(s->out) == 0;
    if (!ok)
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%s: cannot finish the CSV: %s", s->path,
                    g_strerror(errno));
    g_string_free(s->row.text, TRUE);
    g_free(s->path);
    g_free(s);
    return ok;
}

static const ms_sink_vtable csv_vtable = {"csv", csv_write, csv_close};

/* A new file, or (append) the end of an existing one: the header row is
 * written only into an empty file. */
static gboolean csv_open(const char *path, gboolean append, ms_sink **out, GError **err)
{
    *out = NULL;
    FILE *f = fopen(path, append ? "ab" : "wb");
    if (!f) {
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%s: cannot create the CSV: %s", path,
                    g_strerror(errno));
        return FALSE;
    }
    csv_sink *s = g_new0(csv_sink, 1);
    s->base.vt = &csv_vtable;
    s->out = f;
    s->path = g_strdup(path);
    if (append && fseek(f, 0, SEEK_END) == 0 && ftell(f) > 0) {
        s->row.text = g_string_new(NULL);
        *out = &s->base;
        return TRUE;
    }
    s->row.text = g_string_new("\xEF\xBB\xBF"); /* the byte order mark, then the header */
    for (gsize i = 0; i < G_N_ELEMENTS(columns); i++) add_cell(&s->row, columns[i]);
    if (!put_row(s, err)) {
        csv_close(&s->base, NULL);
        return FALSE;
    }
    *out = &s->base;
    return TRUE;
}

gboolean ms_sink_csv_open(const char *path, ms_sink **out, GError **err)
{
    return csv_open(path, FALSE, out, err);
}

gboolean ms_sink_csv_open_append(const char *path, ms_sink **out, GError **err)
{
    return csv_open(path, TRUE, out, err);
}
