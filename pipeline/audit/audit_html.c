/* audit_html — the frame every report page shares (escaping, the policy,
 * the inlined script and style, JSON accessors).  index.html is
 * audit_index.c, the document pages audit_doc.c; the design is in
 * audit_html.h and audit.h.
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

/* ---- the index is audit_index.c ---- */

const char *ms_audit_doc_status(const audit_doc *d)
{
    const char *s = ms_json_str(d->rec, "status");
    return s ? s : "error";
}

