/* audit_index — index.html, case first: who, which motion, which country,
 * when it was filed and when the response is due, most urgent first.
 *
 * Urgency (the default order): dated deadlines by days left (overdue first),
 * then detained cases whose deadline the court sets, then filings with no
 * deadline found (a motion with no filing date, or a file that could not be
 * read), then filings no deadline applies to (orders, oppositions, other).
 * Days left count from opt->as_of (default: today, local time).  Overdue and
 * due-soon rows carry a text badge as well as a colour; the table has a
 * caption and scoped headers, and the filters are labelled, for screen
 * readers.  Every record string passes through ms_html_escape().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pipeline/audit/audit_html.h"

#define SOON_DAYS 7

typedef enum { DUE_DATED, DUE_COURT_SETS, DUE_NOT_FOUND, DUE_NONE } due_group;

typedef struct {
    const audit_doc *d;
    due_group group;
    int days;        /* DUE_DATED: days left (negative: overdue) */
    char *countries; /* codes, space-separated */
} index_entry;

gboolean ms_audit_parse_day(const char *s, GDate *out)
{
    int y, m, d;
    char end;
    g_date_clear(out, 1);
    if (!s || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 || strlen(s) != 10 ||
        !g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
        return FALSE;
    g_date_set_dmy(out, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
    return TRUE;
}

/* Motions a response deadline applies to (rules/deadlines.conf's list is the
 * program's; the report sees only records, so what is not a motion is named
 * here). */
static gboolean takes_no_deadline(const char *motion_type)
{
    static const char *const none[] = {"order", "opposition", "other", NULL};
    return !motion_type || g_strv_contains(none, motion_type);
}

static void classify(index_entry *e, const GDate *today)
{
    JsonObject *rec = e->d->rec, *due = ms_json_obj(rec, "response_due");
    GDate day;
    if (due && ms_audit_parse_day(ms_json_str(due, "date"), &day)) {
        e->group = DUE_DATED;
        e->days = g_date_days_between(today, &day);
    } else if (due) {
        e->group = DUE_COURT_SETS;
    } else if (g_strcmp0(ms_audit_doc_status(e->d), "ok") != 0) {
        e->group = DUE_NOT_FOUND; /* nothing read: the deadline is not known */
    } else {
        e->group = takes_no_deadline(ms_json_str(rec, "motion_type")) ? DUE_NONE : DUE_NOT_FOUND;
    }
}

static gint by_urgency(gconstpointer a, gconstpointer b)
{
    const index_entry *x = a, *y = b;
    if (x->group != y->group) return x->group < y->group ? -1 : 1;
    if (x->group == DUE_DATED && x->days != y->days) return x->days < y->days ? -1 : 1;
    return strcmp(x->d->file, y->d->file);
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

/* "Honduras, Uganda" */
static char *country_names(JsonObject *rec)
{
    JsonArray *rc = ms_json_arr(rec, "removal_countries");
    GString *s = g_string_new(NULL);
    for (guint i = 0; rc && i < json_array_get_length(rc); i++) {
        const char *n = ms_json_str(ms_json_elem_obj(rc, i), "name");
        if (n) g_string_append_printf(s, "%s%s", s->len ? ", " : "", n);
    }
    return g_string_free(s, FALSE);
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

static void link_to(GString *h, const audit_doc *d, const char *text)
{
    g_string_append(h, "<a");
    ms_html_attr(h, "href", d->page);
    g_string_append_c(h, '>');
    ms_html_escape(h, text);
    g_string_append(h, "</a>");
}

static void index_flags(GString *h, const index_entry *e, guint n, guint flagged)
{
    g_string_append_printf(
        h, "<section id=\"flags\"><h2>Flags: %u of %u documents need a look</h2>\n<ul>\n", flagged,
        n);
    for (guint i = 0; i < n; i++) {
        const audit_doc *d = e[i].d;
        if (!d->flags->len) continue;
        g_string_append(h, "<li class=\"flag\">");
        link_to(h, d, d->file);
        g_string_append(h, "<ul>");
        for (guint k = 0; k < d->flags->len; k++) {
            g_string_append(h, "<li>");
            ms_html_escape(h, g_ptr_array_index(d->flags, k));
            g_string_append(h, "</li>");
        }
        g_string_append(h, "</ul></li>\n");
    }
    g_string_append(h, "</ul></section>\n");
}

/* A badge says in words what the row's colour says. */
static void badge(GString *h, const char *cls, const char *icon, const char *text)
{
    g_string_append_printf(h, "<span class=\"badge %s\"><span aria-hidden=\"true\">%s </span>%s"
                           "</span> ", cls, icon, text);
}

static void due_cell(GString *h, const index_entry *e)
{
    JsonObject *due = ms_json_obj(e->d->rec, "response_due");
    char sort[32];
    g_snprintf(sort, sizeof sort, "%d:%06d", e->group, e->group == DUE_DATED ? e->days + 100000 : 0);
    g_string_append_printf(h, "<td class=\"due\" data-sort=\"%s\"", sort);
    ms_html_attr(h, "title", ms_json_str(due, "basis"));
    g_string_append_c(h, '>');
    if (e->group == DUE_DATED) {
        if (e->days < 0) badge(h, "overdue", "&#9888;", "overdue");
        else if (e->days <= SOON_DAYS) badge(h, "soon", "&#9679;", "due soon");
        ms_html_escape(h, ms_json_str(due, "date"));
        if (e->days < 0)
            g_string_append_printf(h, " <span class=\"left\">%d day%s ago</span>", -e->days,
                                   e->days == -1 ? "" : "s");
        else if (e->days == 0)
            g_string_append(h, " <span class=\"left\">today</span>");
        else
            g_string_append_printf(h, " <span class=\"left\">in %d day%s</span>", e->days,
                                   e->days == 1 ? "" : "s");
    } else if (e->group == DUE_COURT_SETS) {
        badge(h, "court", "&#9670;", "court sets it");
        g_string_append(h, "detained: check the order");
    } else if (e->group == DUE_NOT_FOUND) {
        badge(h, "missing", "?", "no deadline found");
    } else {
        g_string_append(h, "<span class=\"nil\">no deadline applies</span>");
    }
    g_string_append(h, "</td>");
}

static void filed_cell(GString *h, JsonObject *rec)
{
    static const char *const kinds[][2] = {{"ecas", "ECAS"}, {"received_stamp", "court stamp"},
                                           {"service", "service"}, {"signature", "signed"}};
    const char *date = ms_json_str(rec, "filed_date"), *kind = ms_json_str(rec, "filed_date_kind");
    g_string_append(h, "<td class=\"filed\"");
    ms_html_attr(h, "data-sort", date ? date : "9999");
    g_string_append_c(h, '>');
    ms_html_escape(h, date);
    for (gsize i = 0; date && kind && i < G_N_ELEMENTS(kinds); i++)
        if (strcmp(kind, kinds[i][0]) == 0)
            g_string_append_printf(h, " <span class=\"kind\">(%s)</span>", kinds[i][1]);
    g_string_append(h, "</td>");
}

static void row_attrs(GString *h, const index_entry *e)
{
    const audit_doc *d = e->d;
    gboolean due7 = e->group == DUE_DATED && e->days <= SOON_DAYS;
    JsonNode *det = ms_json_member(d->rec, "detained");
    gboolean detained = det && JSON_NODE_HOLDS_VALUE(det) &&
                        json_node_get_value_type(det) == G_TYPE_BOOLEAN && json_node_get_boolean(det);
    g_string_append_printf(h, "<tr class=\"doc%s\"", e->group != DUE_DATED ? ""
                                                     : e->days < 0        ? " overdue"
                                                     : due7               ? " soon"
                                                                          : "");
    ms_html_attr(h, "data-type", ms_json_str(d->rec, "motion_type"));
    ms_html_attr(h, "data-countries", e->countries);
    ms_html_attr(h, "data-status", ms_audit_doc_status(d));
    g_string_append_printf(h, " data-low=\"%d\" data-failed=\"%d\" data-flagged=\"%d\" "
                           "data-due7=\"%d\" data-detained=\"%d\" data-nodeadline=\"%d\">",
                           d->low, d->failed, d->flags->len > 0, due7, detained,
                           e->group == DUE_NOT_FOUND);
}

static void index_row(GString *h, const index_entry *e)
{
    const audit_doc *d = e->d;
    JsonObject *rec = d->rec;
    row_attrs(h, e);
    const char *who = ms_json_str(rec, "respondent");
    g_string_append(h, "<th scope=\"row\" class=\"who\"");
    ms_html_attr(h, "data-sort", who ? who : "~");
    g_string_append_c(h, '>');
    link_to(h, d, who ? who : "(respondent not found)");
    g_string_append(h, "</th>");
    const char *a = ms_json_str(rec, "a_number");
    char *shown = a && strlen(a) == 9 ? g_strdup_printf("%.3s-%.3s-%.3s", a, a + 3, a + 6) : NULL;
    ms_html_cell(h, "anum", a, shown ? shown : a);
    g_free(shown);
    ms_html_cell(h, NULL, NULL, ms_json_str(rec, "court"));
    ms_html_cell(h, NULL, NULL, ms_json_str(rec, "motion_type"));
    char *names = country_names(rec);
    ms_html_cell(h, "countries", e->countries, names);
    g_free(names);
    filed_cell(h, rec);
    due_cell(h, e);
    JsonNode *det = ms_json_member(rec, "detained");
    gboolean known = det && JSON_NODE_HOLDS_VALUE(det) && json_node_get_value_type(det) == G_TYPE_BOOLEAN;
    ms_html_cell(h, "detained", NULL, !known ? "not stated" : json_node_get_boolean(det) ? "detained" : "no");
    ms_html_cell(h, "status", NULL, ms_audit_doc_status(d));
    char conf[32] = "", conf_sort[32] = "999";
    if (d->min_ocr >= 0) {
        g_snprintf(conf, sizeof conf, "%.1f", d->min_ocr);
        g_snprintf(conf_sort, sizeof conf_sort, "%08.3f", d->min_ocr);
    }
    ms_html_cell(h, "num", conf_sort, conf);
    char nflags[16];
    g_snprintf(nflags, sizeof nflags, "%03u", d->flags->len);
    g_string_append_printf(h, "<td class=\"flags\" data-sort=\"%s\">", nflags);
    for (guint k = 0; k < d->flags->len; k++) {
        g_string_append(h, k ? "<br>" : "");
        ms_html_escape(h, g_ptr_array_index(d->flags, k));
    }
    g_string_append(h, "</td><td class=\"file\"");
    ms_html_attr(h, "data-sort", d->file);
    g_string_append_c(h, '>');
    link_to(h, d, d->file);
    double index = 1, count = 1;
    JsonObject *part = ms_json_obj(d->rec, "part");
    if (ms_json_num(part, "count", &count) && count > 1 && ms_json_num(part, "index", &index))
        g_string_append_printf(h, " <span class=\"part\">part %.0f of %.0f</span>", index, count);
    g_string_append(h, "</td></tr>\n");
}

static const char *const columns[] = {
    "respondent", "A-number", "court", "motion type", "proposed countries", "filed or received",
    "response due", "detained", "status", "min OCR confidence", "flags", "file"};

static void filters(GString *h, GHashTable *types, GHashTable *countries, GHashTable *statuses)
{
    g_string_append(h, "<section id=\"filters\"><h2>Documents</h2>\n"
                       "<fieldset><legend>Show only</legend>\n");
    select_options(h, "f-type", "motion type", types);
    select_options(h, "f-country", "removal country", countries);
    select_options(h, "f-status", "status", statuses);
    g_string_append(h, "<label><input type=\"checkbox\" id=\"f-due7\"> due within 7 days "
                       "(or overdue)</label>\n"
                       "<label><input type=\"checkbox\" id=\"f-detained\"> detained</label>\n"
                       "<label><input type=\"checkbox\" id=\"f-nodeadline\"> no deadline found</label>\n"
                       "<label><input type=\"checkbox\" id=\"f-low\"> low confidence</label>\n"
                       "<label><input type=\"checkbox\" id=\"f-errors\"> errors</label>\n"
                       "<label><input type=\"checkbox\" id=\"f-flagged\"> flagged</label>\n"
                       "<button type=\"button\" id=\"f-clear\">clear</button>\n"
                       "</fieldset>\n<p><span id=\"shown\" role=\"status\"></span>\n"
                       "<button type=\"button\" id=\"download\">download all verdicts</button>"
                       " <span id=\"verdict-count\"></span></p></section>\n");
}

static void table_head(GString *h, const char *as_of, const int count[4], guint overdue, guint n)
{
    g_string_append_printf(h, "<table id=\"docs\"><caption>%u documents, most urgent first, as of "
                           "%s: %u overdue, %d due in the next %d days, %d detained with the deadline "
                           "set by the court, %d with no deadline found. Click a column header "
                           "to sort by it.</caption>\n<thead><tr>",
                           n, as_of, overdue, count[0], SOON_DAYS, count[1], count[2]);
    for (gsize i = 0; i < G_N_ELEMENTS(columns); i++)
        g_string_append_printf(h, "<th scope=\"col\" data-col=\"%zu\"><button type=\"button\">%s"
                               "</button></th>", i, columns[i]);
    g_string_append(h, "</tr></thead>\n<tbody>\n");
}

char *ms_audit_index_html(audit_doc **docs, guint n, const ms_audit_options *opt, GError **err)
{
    GDate today;
    g_date_clear(&today, 1);
    if (!opt->as_of || !ms_audit_parse_day(opt->as_of, &today)) g_date_set_time_t(&today, time(NULL));
    char as_of[16];
    g_date_strftime(as_of, sizeof as_of, "%Y-%m-%d", &today);
    GString *h = g_string_new(NULL);
    if (!ms_html_open_page(h, "motionscan audit", "index", err)) {
        g_string_free(h, TRUE);
        return NULL;
    }
    GHashTable *types = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *countries = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *statuses = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    index_entry *e = g_new0(index_entry, n ? n : 1);
    guint flagged = 0, overdue = 0;
    int count[4] = {0, 0, 0, 0}; /* due in the next 7 days, court sets, not found */
    for (guint i = 0; i < n; i++) {
        GString *c = g_string_new(NULL);
        codes(docs[i]->rec, c, countries);
        e[i] = (index_entry){docs[i], DUE_NONE, 0, g_string_free(c, FALSE)};
        classify(&e[i], &today);
        if (ms_json_str(docs[i]->rec, "motion_type"))
            g_hash_table_add(types, g_strdup(ms_json_str(docs[i]->rec, "motion_type")));
        g_hash_table_add(statuses, g_strdup(ms_audit_doc_status(docs[i])));
        flagged += docs[i]->flags->len > 0;
        overdue += e[i].group == DUE_DATED && e[i].days < 0;
        count[0] += e[i].group == DUE_DATED && e[i].days >= 0 && e[i].days <= SOON_DAYS;
        count[1] += e[i].group == DUE_COURT_SETS;
        count[2] += e[i].group == DUE_NOT_FOUND;
    }
    qsort(e, n, sizeof *e, (int (*)(const void *, const void *))by_urgency);
    g_string_append(h, ">\n<header><h1>motionscan audit</h1>");
    g_string_append_printf(h,
                           "<p class=\"meta\">%u documents; days left as of %s; values with OCR "
                           "confidence below %.0f are flagged. Open a document to see each value "
                           "on its page and record your verdict.</p></header>\n",
                           n, as_of, opt->low_confidence);
    index_flags(h, e, n, flagged);
    filters(h, types, countries, statuses);
    table_head(h, as_of, count, overdue, n);
    for (guint i = 0; i < n; i++) index_row(h, &e[i]);
    g_string_append(h, "</tbody></table>\n");
    ms_html_close_page(h);
    for (guint i = 0; i < n; i++) g_free(e[i].countries);
    g_free(e);
    g_hash_table_destroy(types);
    g_hash_table_destroy(countries);
    g_hash_table_destroy(statuses);
    return g_string_free(h, FALSE);
}

gboolean ms_audit_valid_day(const char *s)
{
    GDate d;
    return ms_audit_parse_day(s, &d);
}
