/* audit_doc — one report page per document: the fields with their words,
 * rule, page and confidence and the review controls; the countries mentioned
 * with their roles; the page images with the boxes over them.  (The frame and
 * the escaping are audit_html.c.)
 */
#include <math.h>
#include <string.h>

#include "pipeline/audit/audit_html.h"

/* The record's fields in the order a reader checks them; `evidence` is the
 * name the evidence entries use for the field. */
static const struct {
    const char *field, *evidence;
} fields[] = {
    {"filer", "filer"},
    {"motion_type", "motion_type"},
    {"removal_countries", "removal_countries"},
    {"nationality", "nationality"},
    {"a_number", "a_number"},
    {"a_numbers", "a_numbers"},
    {"respondent", "respondent"},
    {"court", "court"},
    {"detained", "detained"},
    {"proceeding_type", "proceeding_type"},
    {"judge", "judge"},
    {"hearing_date", "hearing_date"},
    {"hearing_time", "hearing_time"},
    {"filed_date", "filed_date"},
    {"authorities", "authority"},
    {"response_due", "response_due"},
};

static const struct {
    const char *role, *meaning;
} roles[] = {
    {"removal", "proposed or ordered as the country of removal"},
    {"nationality", "the respondent's nationality"},
    {"feared", "a country the respondent fears or fled"},
    {"background", "background: named, but not applied to this respondent"},
    {"exhibit", "named in an exhibit"},
    {"mpp_return", "MPP: returned to Mexico to wait, not a removal"},
    {"negated", "named in a negation (\"not ...\")"},
    {"impossible", "removal there is impracticable or refused"},
    {"history", "a past removal or stay, not the proposal"},
    {"denied", "a removal the court denied"},
    {"not_country", "not the country here (a US place, a person's name)"},
    {"respondent_quotes", "the respondent quoting DHS"},
    {"mention", "named, with no role"},
};

static const char *role_meaning(const char *role)
{
    for (gsize i = 0; role && i < G_N_ELEMENTS(roles); i++)
        if (strcmp(roles[i].role, role) == 0) return roles[i].meaning;
    return "";
}

/* A class name from a role: letters and underscores only. */
static char *css_token(const char *s)
{
    char *t = g_strdup(s ? s : "");
    for (char *p = t; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '_') *p = '_';
    return t;
}

static const char *country_name(JsonObject *rec, const char *field, const char *code)
{
    JsonArray *a = ms_json_arr(rec, field);
    if (!a) {
        JsonObject *o = ms_json_obj(rec, field);
        return o && code && g_strcmp0(ms_json_str(o, "code"), code) == 0 ? ms_json_str(o, "name")
                                                                         : NULL;
    }
    for (guint i = 0; code && i < json_array_get_length(a); i++) {
        JsonObject *o = ms_json_elem_obj(a, i);
        if (g_strcmp0(ms_json_str(o, "code"), code) == 0) return ms_json_str(o, "name");
    }
    return NULL;
}

typedef struct {
    GString *h;
    const audit_doc *d;
    double low;
    int row; /* rows written so far: ids f-0, f-1, ... */
} doc_writer;

/* One row of the fields table: a value with its evidence entry (ev may be
 * NULL: a value without evidence, or no value at all). */
static void field_row(doc_writer *w, const char *field, const char *value, JsonObject *ev,
                      int ev_index)
{
    GString *h = w->h;
    double conf = -1, page = 0;
    gboolean has_conf = ev && ms_json_num(ev, "confidence", &conf);
    ms_json_num(ev, "page", &page);
    g_string_append_printf(h, "<tr class=\"field%s%s\" id=\"f-%d\"",
                           has_conf && conf < w->low ? " low" : "", value ? "" : " none", w->row++);
    ms_html_attr(h, "data-field", field);
    if (value) ms_html_attr(h, "data-value", value);
    ms_html_attr(h, "data-rule", ms_json_str(ev, "rule"));
    ms_html_attr(h, "data-source", ms_json_str(ev, "rule_source"));
    g_string_append_printf(h, " data-ev=\"%d\">", ev ? ev_index : -1);
    ms_html_cell(h, "name", NULL, field);
    g_string_append(h, "<td class=\"value\">");
    if (value) {
        ms_html_escape(h, value);
        const char *name = country_name(w->d->rec, field, value);
        if (name) {
            g_string_append(h, " <span class=\"cname\">");
            ms_html_escape(h, name);
            g_string_append(h, "</span>");
        }
    } else {
        g_string_append(h, "<span class=\"nil\">none found</span>");
    }
    g_string_append(h, "</td>");
    ms_html_cell(h, "words", NULL, ms_json_str(ev, "text"));
    g_string_append(h, "<td class=\"rule\">");
    if (ms_json_str(ev, "rule")) {
        g_string_append(h, "<code>");
        ms_html_escape(h, ms_json_str(ev, "rule"));
        g_string_append(h, "</code><br><span class=\"src\">");
        ms_html_escape(h, ms_json_str(ev, "rule_source"));
        g_string_append(h, "</span>");
    } else if (ev) {
        g_string_append(h, "<span class=\"nil\">no rule</span>");
    } else if (value) {
        g_string_append(h, "<span class=\"nil\">no evidence</span>");
    }
    g_string_append(h, "</td>");
    if (page > 0)
        g_string_append_printf(h, "<td class=\"num\"><a href=\"#page-%.0f\">%.0f</a></td>", page,
                               page);
    else
        g_string_append(h, "<td></td>");
    if (has_conf)
        g_string_append_printf(h, "<td class=\"num\">%.1f</td>", conf);
    else
        g_string_append_printf(h, "<td class=\"num nil\">%s</td>", ev ? "text layer" : "");
    g_string_append_printf(
        h,
        "<td class=\"verdict\"><label><input type=\"radio\" name=\"v-%d\" value=\"correct\"> "
        "correct</label>"
        "<label><input type=\"radio\" name=\"v-%d\" value=\"wrong\"> wrong</label>"
        "<input type=\"text\" class=\"right\" placeholder=\"right value\" aria-label=\"right "
        "value\"></td></tr>\n",
        w->row - 1, w->row - 1);
}

/* Every value of one field: a row per evidence entry, then the values no
 * evidence covers, or one row saying nothing was found. */
static void field_rows(doc_writer *w, const char *field, const char *ev_field)
{
    JsonArray *ev = ms_json_arr(w->d->rec, "evidence");
    GPtrArray *shown = g_ptr_array_new();
    for (guint i = 0; ev && i < json_array_get_length(ev); i++) {
        JsonObject *e = ms_json_elem_obj(ev, i);
        if (g_strcmp0(ms_json_str(e, "field"), ev_field) != 0) continue;
        field_row(w, field, ms_json_str(e, "value"), e, (int)i);
        g_ptr_array_add(shown, (gpointer)ms_json_str(e, "value"));
    }
    JsonNode *n = ms_json_member(w->d->rec, field);
    JsonArray *list = n && JSON_NODE_HOLDS_ARRAY(n) ? json_node_get_array(n) : NULL;
    guint count = list ? json_array_get_length(list) : (n && !JSON_NODE_HOLDS_NULL(n));
    for (guint i = 0; i < count; i++) {
        char *v = ms_json_value_text(list ? json_array_get_element(list, i) : n);
        gboolean seen = FALSE;
        for (guint k = 0; v && k < shown->len; k++)
            seen = seen || g_strcmp0(v, g_ptr_array_index(shown, k)) == 0;
        if (v && !seen) {
            field_row(w, field, v, NULL, -1);
            g_ptr_array_add(shown, NULL); /* counts as a row */
        }
        g_free(v);
    }
    if (!shown->len) field_row(w, field, NULL, NULL, -1);
    g_ptr_array_free(shown, TRUE);
}

/* The rule (id and file:line), page (a link to its image) and confidence cells
 * of an evidence-like object. */
static void location_cells(GString *h, JsonObject *m)
{
    double page = 0, conf = 0;
    g_string_append(h, "<td class=\"rule\">");
    if (ms_json_str(m, "rule")) {
        g_string_append(h, "<code>");
        ms_html_escape(h, ms_json_str(m, "rule"));
        g_string_append(h, "</code><br><span class=\"src\">");
        ms_html_escape(h, ms_json_str(m, "rule_source"));
        g_string_append(h, "</span>");
    }
    g_string_append(h, "</td>");
    if (ms_json_num(m, "page", &page))
        g_string_append_printf(h, "<td class=\"num\"><a href=\"#page-%.0f\">%.0f</a></td>",
                               page, page);
    else
        g_string_append(h, "<td></td>");
    if (ms_json_num(m, "confidence", &conf))
        g_string_append_printf(h, "<td class=\"num\">%.1f</td>", conf);
    else
        g_string_append(h, "<td></td>");
}

static void mention_rows(doc_writer *w)
{
    GString *h = w->h;
    JsonArray *ms = ms_json_arr(w->d->rec, "country_mentions");
    g_string_append(h, "<section id=\"mentions\"><h2>Countries mentioned</h2>\n");
    if (!ms || !json_array_get_length(ms)) {
        g_string_append(h, "<p class=\"nil\">No country is named.</p></section>\n");
        return;
    }
    g_string_append(h, "<table class=\"mentions\"><thead><tr><th>country</th><th>role</th>"
                       "<th>why</th><th>words</th><th>rule</th><th>page</th><th>confidence</th>"
                       "</tr></thead><tbody>\n");
    for (guint i = 0; i < json_array_get_length(ms); i++) {
        JsonObject *m = ms_json_elem_obj(ms, i);
        const char *role = ms_json_str(m, "role");
        char *cls = css_token(role);
        g_string_append_printf(h, "<tr class=\"mention role-%s\" id=\"m-%u\">", cls, i);
        g_string_append(h, "<td>");
        ms_html_escape(h, ms_json_str(m, "code"));
        g_string_append(h, " ");
        ms_html_escape(h, ms_json_str(m, "name"));
        g_string_append(h, "</td>");
        ms_html_cell(h, "role", NULL, role);
        ms_html_cell(h, "why", NULL, role_meaning(role));
        ms_html_cell(h, "words", NULL, ms_json_str(m, "text"));
        location_cells(h, m);
        g_string_append(h, "</tr>\n");
        g_free(cls);
    }
    g_string_append(h, "</tbody></table></section>\n");
}

/* The dates the response clock could start from, the one taken first. */
static void date_rows(doc_writer *w)
{
    GString *h = w->h;
    JsonArray *cs = ms_json_arr(w->d->rec, "date_candidates");
    if (!cs || !json_array_get_length(cs)) return;
    const char *kind = ms_json_str(w->d->rec, "filed_date_kind");
    const char *filed = ms_json_str(w->d->rec, "filed_date");
    g_string_append(h, "<section id=\"dates\"><h2>Dates the response clock could start from"
                       "</h2>\n<table class=\"dates\"><caption>Best first: the ECAS filing date or "
                       "the court's RECEIVED/FILED stamp, then the certificate of service, then "
                       "the signature.</caption><thead><tr><th scope=\"col\">kind</th>"
                       "<th scope=\"col\">date</th><th scope=\"col\">words</th>"
                       "<th scope=\"col\">rule</th><th scope=\"col\">page</th>"
                       "<th scope=\"col\">confidence</th></tr></thead><tbody>\n");
    for (guint i = 0; i < json_array_get_length(cs); i++) {
        JsonObject *c = ms_json_elem_obj(cs, i);
        gboolean used = g_strcmp0(ms_json_str(c, "kind"), kind) == 0 &&
                        g_strcmp0(ms_json_str(c, "date"), filed) == 0;
        g_string_append_printf(h, "<tr class=\"date%s\"><td>", used ? " used" : "");
        ms_html_escape(h, ms_json_str(c, "kind"));
        g_string_append(h, used ? " <strong>(used)</strong></td>" : "</td>");
        ms_html_cell(h, NULL, NULL, ms_json_str(c, "date"));
        ms_html_cell(h, "words", NULL, ms_json_str(c, "text"));
        location_cells(h, c);
        g_string_append(h, "</tr>\n");
    }
    g_string_append(h, "</tbody></table></section>\n");
}

/* A box over the page image, in percent of the page so it scales with the
 * image.  The bbox is in pixels at `dpi`; the page's size is at its own dpi. */
static gboolean box_percent(JsonObject *item, JsonObject *page, double pct[4])
{
    JsonArray *bb = ms_json_arr(item, "bbox");
    double pw = 0, ph = 0, pdpi = 0, dpi = 0;
    if (!bb || json_array_get_length(bb) != 4 || !ms_json_num(page, "width", &pw) ||
        !ms_json_num(page, "height", &ph) || pw <= 0 || ph <= 0)
        return FALSE;
    if (ms_json_num(page, "dpi", &pdpi) && ms_json_num(item, "dpi", &dpi) && pdpi > 0 && dpi > 0)
        pw *= dpi / pdpi, ph *= dpi / pdpi;
    double v[4];
    for (guint k = 0; k < 4; k++)
        if (!ms_json_node_num(json_array_get_element(bb, k), &v[k])) return FALSE;
    pct[0] = CLAMP(v[0] / pw * 100, 0, 100), pct[1] = CLAMP(v[1] / ph * 100, 0, 100);
    pct[2] = CLAMP((v[2] - v[0]) / pw * 100, 0, 100 - pct[0]);
    pct[3] = CLAMP((v[3] - v[1]) / ph * 100, 0, 100 - pct[1]);
    return TRUE;
}

static void boxes(GString *h, JsonObject *rec, JsonObject *page, int number)
{
    static const char *const kinds[] = {"evidence", "country_mentions"};
    for (int k = 0; k < 2; k++) {
        JsonArray *items = ms_json_arr(rec, kinds[k]);
        for (guint i = 0; items && i < json_array_get_length(items); i++) {
            JsonObject *it = ms_json_elem_obj(items, i);
            double p = 0, pct[4];
            if (!ms_json_num(it, "page", &p) || (int)p != number || !box_percent(it, page, pct))
                continue;
            char *role = css_token(ms_json_str(it, "role"));
            const char *label = k == 0 ? ms_json_str(it, "field") : ms_json_str(it, "role");
            if (k == 0)
                g_string_append_printf(h, "<div class=\"box ev\" id=\"ev-%u\" data-ev=\"%u\"", i,
                                       i);
            else
                g_string_append_printf(h, "<div class=\"box mention role-%s\" data-m=\"%u\"", role,
                                       i);
            ms_html_attr(h, "data-field", ms_json_str(it, k == 0 ? "field" : "code"));
            g_string_append_printf(
                h, " style=\"left:%.3f%%;top:%.3f%%;width:%.3f%%;height:%.3f%%\" title=\"", pct[0],
                pct[1], pct[2], pct[3]);
            ms_html_escape(h, k == 0 ? ms_json_str(it, "field") : ms_json_str(it, "code"));
            g_string_append(h, ": ");
            ms_html_escape(h, ms_json_str(it, k == 0 ? "value" : "role"));
            g_string_append(h, "\"><span class=\"label\">");
            if (k == 1) {
                ms_html_escape(h, ms_json_str(it, "code"));
                g_string_append_c(h, ' ');
            }
            ms_html_escape(h, label);
            g_string_append(h, "</span></div>");
            g_free(role);
        }
    }
}

static void page_images(doc_writer *w)
{
    GString *h = w->h;
    const audit_doc *d = w->d;
    JsonArray *pages = ms_json_arr(d->rec, "pages");
    g_string_append(h, "<section id=\"pages\"><h2>Pages</h2>\n");
    if (d->image_note) {
        g_string_append(h, "<p class=\"note\" id=\"no-images\">");
        ms_html_escape(h, d->image_note);
        g_string_append(h, "</p>\n");
    }
    for (guint i = 0; pages && i < json_array_get_length(pages); i++) {
        JsonObject *p = ms_json_elem_obj(pages, i);
        double number = i + 1, dpi = 0, conf = 0;
        ms_json_num(p, "number", &number);
        g_string_append_printf(
            h, "<figure class=\"page\" id=\"page-%.0f\"><figcaption>Page %.0f: ", number, number);
        ms_html_escape(h, ms_json_str(p, "source"));
        if (ms_json_num(p, "dpi", &dpi)) g_string_append_printf(h, ", read at %.0f dpi", dpi);
        if (ms_json_num(p, "ocr_confidence", &conf))
            g_string_append_printf(h, ", OCR confidence %.1f", conf);
        g_string_append(h, "</figcaption>");
        /* images are the file's pages; a stack's part shows its own */
        guint at = number >= 1 && number <= G_MAXUINT ? (guint)number - 1 : i;
        const audit_image *im =
            at < d->images->len ? &g_array_index(d->images, audit_image, at) : NULL;
        if (im && im->src) {
            g_string_append(h, "<div class=\"sheet\"><img");
            ms_html_attr(h, "src", im->src);
            g_string_append_printf(h, " width=\"%d\" height=\"%d\" alt=\"page %.0f\">", im->width,
                                   im->height, number);
            boxes(h, d->rec, p, (int)number);
            g_string_append(h, "</div>");
        } else if (!d->image_note) {
            g_string_append(h, "<p class=\"note\">No image of this page.</p>");
        }
        g_string_append(h, "</figure>\n");
    }
    g_string_append(h, "</section>\n");
}

/* "part 2 of 3, pages 4-6; boundary on page 4: caption, new_title
 * (confidence 0.80)"; nothing for a file that is one filing. */
static void part_line(GString *h, JsonObject *rec)
{
    JsonObject *part = ms_json_obj(rec, "part"), *b = ms_json_obj(rec, "boundary");
    JsonArray *pages = ms_json_arr(part, "pages"), *cues = ms_json_arr(b, "cues");
    double index = 1, count = 1, first = 0, last = 0, page = 0, conf = 0;
    ms_json_num(part, "index", &index);
    ms_json_num(part, "count", &count);
    JsonArray *nf = ms_json_arr(rec, "non_filing_pages");
    if (count <= 1 && !(nf && json_array_get_length(nf))) return;
    if (pages && json_array_get_length(pages) == 2) {
        ms_json_node_num(json_array_get_element(pages, 0), &first);
        ms_json_node_num(json_array_get_element(pages, 1), &last);
    }
    g_string_append_printf(h, "<br><span class=\"part\">part %.0f of %.0f, pages %.0f-%.0f",
                           index, count, first, last);
    ms_json_num(b, "page", &page);
    ms_json_num(b, "confidence", &conf);
    g_string_append_printf(h, "; boundary on page %.0f: ", page);
    for (guint i = 0; cues && i < json_array_get_length(cues); i++) {
        JsonNode *c = json_array_get_element(cues, i);
        if (i) g_string_append(h, ", ");
        if (JSON_NODE_HOLDS_VALUE(c) && json_node_get_value_type(c) == G_TYPE_STRING)
            ms_html_escape(h, json_node_get_string(c));
    }
    g_string_append_printf(h, " (confidence %.2f)</span>", conf);
    for (guint i = 0; nf && i < json_array_get_length(nf); i++) {
        JsonObject *q = ms_json_elem_obj(nf, i);
        double p = 0;
        ms_json_num(q, "page", &p);
        g_string_append_printf(h, "%s page %.0f: ", i ? ";" : "<br>pages of no filing:", p);
        ms_html_escape(h, ms_json_str(q, "kind"));
        JsonObject *bc = ms_json_obj(q, "barcode");
        if (bc) { /* the separator's evidence */
            g_string_append(h, " (barcode ");
            ms_html_escape(h, ms_json_str(bc, "symbology"));
            g_string_append(h, " &ldquo;");
            ms_html_escape(h, ms_json_str(bc, "value"));
            g_string_append(h, "&rdquo;)");
        }
    }
}

static void doc_header(doc_writer *w)
{
    GString *h = w->h;
    const audit_doc *d = w->d;
    g_string_append(h, "<header><a href=\"index.html\">&larr; all documents</a><h1>");
    char *base = g_path_get_basename(d->file);
    ms_html_escape(h, base);
    g_free(base);
    g_string_append(h, "</h1><p class=\"meta\">");
    ms_html_escape(h, d->file);
    g_string_append(h, "<br>sha256 ");
    ms_html_escape(h, d->sha ? d->sha : "unknown");
    g_string_append(h, " &middot; ");
    ms_html_escape(h, ms_json_str(d->rec, "format"));
    g_string_append(h, " &middot; status <b class=\"status\">");
    ms_html_escape(h, ms_audit_doc_status(d));
    g_string_append(h, "</b>");
    JsonObject *e = ms_json_obj(d->rec, "error");
    if (e) {
        g_string_append(h, " &middot; <span class=\"error\">");
        ms_html_escape(h, ms_json_str(e, "code"));
        g_string_append(h, ": ");
        ms_html_escape(h, ms_json_str(e, "message"));
        g_string_append(h, "</span>");
    }
    g_string_append(h, "<br>title: ");
    ms_html_escape(h, ms_json_str(d->rec, "title"));
    part_line(h, d->rec);
    g_string_append(h, "</p></header>\n");
    if (d->flags->len) {
        g_string_append(h, "<section id=\"flags\"><h2>Flags</h2><ul>");
        for (guint k = 0; k < d->flags->len; k++) {
            g_string_append(h, "<li class=\"flag\">");
            ms_html_escape(h, g_ptr_array_index(d->flags, k));
            g_string_append(h, "</li>");
        }
        g_string_append(h, "</ul></section>\n");
    }
}

char *ms_audit_doc_html(const audit_doc *d, const ms_audit_options *opt, GError **err)
{
    GString *h = g_string_new(NULL);
    char *title = g_strdup_printf("motionscan audit: %s", d->file);
    gboolean ok = ms_html_open_page(h, title, "doc", err);
    g_free(title);
    if (!ok) {
        g_string_free(h, TRUE);
        return NULL;
    }
    ms_html_attr(h, "data-sha256", d->sha);
    ms_html_attr(h, "data-file", d->file);
    g_string_append(h, ">\n");
    doc_writer w = {h, d, opt->low_confidence, 0};
    doc_header(&w);
    g_string_append(h, "<main><div class=\"left\">\n<section id=\"fields\"><h2>Fields</h2>\n"
                       "<div class=\"review\"><label>reviewer <input type=\"text\" id=\"reviewer\" "
                       "placeholder=\"your name\"></label> <button type=\"button\" id=\"download\">"
                       "download verdicts</button> <span id=\"verdict-count\"></span></div>\n"
                       "<table class=\"fields\"><thead><tr><th>field</th><th>value</th>"
                       "<th>words</th><th>rule</th><th>page</th><th>confidence</th>"
                       "<th>verdict</th></tr></thead><tbody>\n");
    if (strcmp(ms_audit_doc_status(d), "ok") == 0)
        for (gsize f = 0; f < G_N_ELEMENTS(fields); f++)
            field_rows(&w, fields[f].field, fields[f].evidence);
    g_string_append(h, "</tbody></table></section>\n");
    date_rows(&w);
    mention_rows(&w);
    g_string_append(h, "</div><div class=\"right\">\n");
    page_images(&w);
    g_string_append(h, "</div></main>\n");
    ms_html_close_page(h);
    return g_string_free(h, FALSE);
}
