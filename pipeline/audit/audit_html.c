/* audit_html — the frame every report page shares (escaping, the policy,
 * the inlined script and style, JSON accessors) and index.html.  The
 * document pages are audit_doc.c; the design is in audit_html.h and audit.h.
 *
 * The pages are built with GString; every string from a record passes
 * through ms_html_escape(), and every attribute is double-quoted.  What the
 * pages need for filtering, sorting and review travels in data-* attributes,
 * not in script, so no record text is ever inside a <script> element.
 */
#include "pipeline/audit/audit_html.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/document/record_json.h"

/* From glib-compile-resources (pipeline/audit/audit.gresource.xml). */
GResource *ms_audit_get_resource(void);

/* Not g_markup_escape_text: GLib 2.74 writes ' as &apos; (the report and its
 * tests use &#39;, which every HTML and XML reader knows) and turns control
 * characters into character references instead of dropping them. */
void ms_html_escape(GString *out, const char *s)
{
    if (!s) return;
    char *valid = g_utf8_make_valid(s, -1);
    for (const char *p = valid; *p; p++) {
        switch (*p) {
        case '&':
            g_string_append(out, "&amp;");
            break;
        case '<':
            g_string_append(out, "&lt;");
            break;
        case '>':
            g_string_append(out, "&gt;");
            break;
        case '"':
            g_string_append(out, "&quot;");
            break;
        case '\'':
            g_string_append(out, "&#39;");
            break;
        default:
            if ((unsigned char)*p >= 0x20 || *p == '\n' || *p == '\t') g_string_append_c(out, *p);
        }
    }
    g_free(valid);
}

char *ms_json_value_text(JsonNode *n)
{
    if (!n || JSON_NODE_HOLDS_NULL(n)) return NULL;
    if (JSON_NODE_HOLDS_OBJECT(n)) {
        JsonObject *o = json_node_get_object(n);
        if (ms_json_str(o, "code")) return g_strdup(ms_json_str(o, "code"));
        if (ms_json_member(o, "date")) /* response_due: a date, or the court sets it */
            return ms_json_str(o, "date") ? g_strdup(ms_json_str(o, "date"))
                                          : g_strdup("set by the court");
        return json_to_string(n, FALSE);
    }
    if (JSON_NODE_HOLDS_ARRAY(n)) return json_to_string(n, FALSE);
    GType t = json_node_get_value_type(n);
    if (t == G_TYPE_STRING) return g_strdup(json_node_get_string(n));
    if (t == G_TYPE_BOOLEAN) return g_strdup(json_node_get_boolean(n) ? "true" : "false");
    double v = 0;
    return ms_json_node_num(n, &v) ? g_strdup_printf("%g", v) : json_to_string(n, FALSE);
}

/* ---- page frame ---- */

static char *resource_text(const char *name, GError **err)
{
    char *path = g_strdup_printf("/org/motionscan/audit/%s", name);
    GBytes *b = g_resource_lookup_data(ms_audit_get_resource(), path, 0, NULL);
    g_free(path);
    if (!b) {
        g_set_error(err, MS_ERROR, MS_ERR_INTERNAL, "the report's %s is missing from the program",
                    name);
        return NULL;
    }
    gsize len = 0;
    const char *data = g_bytes_get_data(b, &len);
    char *text = g_strndup(data, len);
    g_bytes_unref(b);
    return text;
}

/* <!doctype> to <body ...>: the policy admits exactly our script (by its
 * SHA-256), images from the report folder and inline styles (the boxes are
 * placed with style attributes); nothing else, no network. */
gboolean ms_html_open_page(GString *h, const char *title, const char *page_kind, GError **err)
{
    char *css = resource_text("report.css", err);
    if (!css) return FALSE;
    g_string_append(h, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    g_string_append(h, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                       "img-src 'self'; style-src 'unsafe-inline'; script-src '");
    GError *e = NULL;
    char *js = resource_text("report.js", &e);
    if (js) {
        GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
        guint8 digest[32];
        gsize dlen = sizeof digest;
        g_checksum_update(c, (const guchar *)js, (gssize)strlen(js));
        g_checksum_get_digest(c, digest, &dlen);
        char *b64 = g_base64_encode(digest, dlen);
        g_string_append_printf(h, "sha256-%s", b64);
        g_free(b64);
        g_checksum_free(c);
    }
    g_string_append(h, "'; base-uri 'none'; form-action 'none'\">\n"
                       "<meta name=\"referrer\" content=\"no-referrer\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<title>");
    ms_html_escape(h, title);
    g_string_append_printf(h, "</title>\n<style>%s</style>\n", css);
    if (js) g_string_append_printf(h, "<script>%s</script>\n", js);
    g_string_append_printf(h, "</head>\n<body data-page=\"%s\"", page_kind);
    g_free(css);
    g_free(js);
    if (e) {
        g_propagate_error(err, e);
        return FALSE;
    }
    return TRUE;
}

void ms_html_close_page(GString *h)
{
    g_string_append(h, "<footer>Written by motionscan " MS_VERSION
                       ". Self-contained: nothing is loaded from the network.</footer>\n"
                       "</body>\n</html>\n");
}

void ms_html_attr(GString *h, const char *name, const char *value)
{
    if (!value) return;
    g_string_append_printf(h, " %s=\"", name);
    ms_html_escape(h, value);
    g_string_append_c(h, '"');
}

void ms_html_cell(GString *h, const char *cls, const char *sort, const char *text)
{
    g_string_append(h, "<td");
    ms_html_attr(h, "class", cls);
    ms_html_attr(h, "data-sort", sort);
    g_string_append_c(h, '>');
    ms_html_escape(h, text);
    g_string_append(h, "</td>");
}

/* A value of the record as a short text: a list joined with ", ". */
static char *member_text(JsonObject *rec, const char *name)
{
    JsonArray *a = ms_json_arr(rec, name);
    if (!a) return ms_json_value_text(ms_json_member(rec, name));
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < json_array_get_length(a); i++) {
        char *v = ms_json_value_text(json_array_get_element(a, i));
        if (v) g_string_append_printf(s, "%s%s", s->len ? ", " : "", v);
        g_free(v);
    }
    return g_string_free(s, FALSE);
}

/* ---- index ---- */

const char *ms_audit_doc_status(const audit_doc *d)
{
    const char *s = ms_json_str(d->rec, "status");
    return s ? s : "error";
}

static void codes(JsonObject *rec, GString *out, GHashTable *all)
{
    JsonArray *rc = ms_json_arr(rec, "removal_countries");
    for (guint i = 0; rc && i < json_array_get_length(rc); i++) {
        const char *c = ms_json_str(ms_json_elem_obj(rc, i), "code");
        if (!c) continue;
        g_string_append_printf(out, "%s%s", out->len ? " " : "", c);
        if (all) g_hash_table_add(all, g_strdup(c));
    }
}

static void select_options(GString *h, const char *id, const char *label, GHashTable *values)
{
    GList *keys = g_list_sort(g_hash_table_get_keys(values), (GCompareFunc)strcmp);
    g_string_append_printf(h, "<label>%s <select id=\"%s\"><option value=\"\">any</option>", label,
                           id);
    for (GList *k = keys; k; k = k->next) {
        g_string_append(h, "<option");
        ms_html_attr(h, "value", k->data);
        g_string_append_c(h, '>');
        ms_html_escape(h, k->data);
        g_string_append(h, "</option>");
    }
    g_string_append(h, "</select></label>\n");
    g_list_free(keys);
}

static void index_flags(GString *h, audit_doc **docs, guint n, guint flagged)
{
    g_string_append_printf(
        h, "<section id=\"flags\"><h2>Flags: %u of %u documents need a look</h2>\n<ul>\n", flagged,
        n);
    for (guint i = 0; i < n; i++) {
        audit_doc *d = docs[i];
        if (!d->flags->len) continue;
        g_string_append(h, "<li class=\"flag\"><a");
        ms_html_attr(h, "href", d->page);
        g_string_append_c(h, '>');
        ms_html_escape(h, d->file);
        g_string_append(h, "</a><ul>");
        for (guint k = 0; k < d->flags->len; k++) {
            g_string_append(h, "<li>");
            ms_html_escape(h, g_ptr_array_index(d->flags, k));
            g_string_append(h, "</li>");
        }
        g_string_append(h, "</ul></li>\n");
    }
    g_string_append(h, "</ul></section>\n");
}

static void index_row(GString *h, const audit_doc *d, const char *countries)
{
    char *an = member_text(d->rec, "a_number");
    char conf[32] = "", conf_sort[32] = "999";
    if (d->min_ocr >= 0) {
        g_snprintf(conf, sizeof conf, "%.1f", d->min_ocr);
        g_snprintf(conf_sort, sizeof conf_sort, "%08.3f", d->min_ocr);
    }
    g_string_append(h, "<tr class=\"doc\"");
    ms_html_attr(h, "data-type", ms_json_str(d->rec, "motion_type"));
    ms_html_attr(h, "data-countries", countries);
    ms_html_attr(h, "data-status", ms_audit_doc_status(d));
    g_string_append_printf(
        h,
        " data-low=\"%d\" data-failed=\"%d\" data-flagged=\"%d\"><td class=\"file\" data-sort=\"",
        d->low, d->failed, d->flags->len > 0);
    ms_html_escape(h, d->file);
    g_string_append(h, "\"><a");
    ms_html_attr(h, "href", d->page);
    g_string_append_c(h, '>');
    ms_html_escape(h, d->file);
    g_string_append(h, "</a></td>");
    ms_html_cell(h, "status", NULL, ms_audit_doc_status(d));
    ms_html_cell(h, NULL, NULL, ms_json_str(d->rec, "filer"));
    ms_html_cell(h, NULL, NULL, ms_json_str(d->rec, "motion_type"));
    ms_html_cell(h, "countries", NULL, countries);
    ms_html_cell(h, "anum", NULL, an);
    ms_html_cell(h, "num", conf_sort, conf);
    char nflags[16];
    g_snprintf(nflags, sizeof nflags, "%03u", d->flags->len);
    g_string_append_printf(h, "<td class=\"flags\" data-sort=\"%s\">", nflags);
    for (guint k = 0; k < d->flags->len; k++) {
        g_string_append(h, k ? "<br>" : "");
        ms_html_escape(h, g_ptr_array_index(d->flags, k));
    }
    g_string_append(h, "</td></tr>\n");
    g_free(an);
}

char *ms_audit_index_html(audit_doc **docs, guint n, const ms_audit_options *opt, GError **err)
{
    GString *h = g_string_new(NULL);
    if (!ms_html_open_page(h, "motionscan audit", "index", err)) {
        g_string_free(h, TRUE);
        return NULL;
    }
    GHashTable *types = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *countries = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *statuses = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    guint flagged = 0;
    GPtrArray *rows = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < n; i++) {
        GString *c = g_string_new(NULL);
        codes(docs[i]->rec, c, countries);
        g_ptr_array_add(rows, g_string_free(c, FALSE));
        if (ms_json_str(docs[i]->rec, "motion_type"))
            g_hash_table_add(types, g_strdup(ms_json_str(docs[i]->rec, "motion_type")));
        g_hash_table_add(statuses, g_strdup(ms_audit_doc_status(docs[i])));
        flagged += docs[i]->flags->len > 0;
    }
    g_string_append(h, ">\n<header><h1>motionscan audit</h1>");
    g_string_append_printf(h,
                           "<p class=\"meta\">%u documents; values with OCR confidence below "
                           "%.0f are flagged. Open a document to see each value on its page "
                           "and record your verdict.</p></header>\n",
                           n, opt->low_confidence);
    index_flags(h, docs, n, flagged);
    g_string_append(h, "<section id=\"filters\"><h2>Documents</h2>\n");
    select_options(h, "f-type", "motion type", types);
    select_options(h, "f-country", "removal country", countries);
    select_options(h, "f-status", "status", statuses);
    g_string_append(h, "<label><input type=\"checkbox\" id=\"f-low\"> low confidence</label>\n"
                       "<label><input type=\"checkbox\" id=\"f-errors\"> errors</label>\n"
                       "<label><input type=\"checkbox\" id=\"f-flagged\"> flagged</label>\n"
                       "<button type=\"button\" id=\"f-clear\">clear</button>\n"
                       "<span id=\"shown\"></span>\n"
                       "<button type=\"button\" id=\"download\">download all verdicts</button>"
                       " <span id=\"verdict-count\"></span></section>\n");
    g_string_append(h, "<table id=\"docs\"><thead><tr>"
                       "<th data-col=\"0\">file</th><th data-col=\"1\">status</th>"
                       "<th data-col=\"2\">filer</th><th data-col=\"3\">motion type</th>"
                       "<th data-col=\"4\">removal countries</th><th data-col=\"5\">A-number</th>"
                       "<th data-col=\"6\">min OCR confidence</th><th data-col=\"7\">flags</th>"
                       "</tr></thead>\n<tbody>\n");
    for (guint i = 0; i < n; i++)
        index_row(h, docs[i], g_ptr_array_index(rows, i));
    g_string_append(h, "</tbody></table>\n");
    ms_html_close_page(h);
    g_ptr_array_free(rows, TRUE);
    g_hash_table_destroy(types);
    g_hash_table_destroy(countries);
    g_hash_table_destroy(statuses);
    return g_string_free(h, FALSE);
}
