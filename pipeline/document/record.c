#include "pipeline/document/record.h"

#include <math.h>
#include <string.h>

#include "extractors/countries.h"
#include "extractors/dates.h"
#include "extractors/evidence.h"
#include "pipeline/base/ms_error.h"

void ms_page_result_clear(gpointer p)
{
    ms_page_result *pr = p;
    g_free(pr->error);
    g_free(pr->reading_reason);
    if (pr->looks) g_array_unref(pr->looks);
    if (pr->barcodes) g_array_unref(pr->barcodes);
}

ms_result *ms_result_new(const char *path)
{
    ms_result *r = g_new0(ms_result, 1);
    r->path = g_strdup(path);
    r->format = "unknown";
    r->pages = g_array_new(FALSE, TRUE, sizeof(ms_page_result));
    g_array_set_clear_func(r->pages, ms_page_result_clear);
    r->parts = g_array_new(FALSE, TRUE, sizeof(ms_part));
    g_array_set_clear_func(r->parts, ms_part_clear);
    r->non_filing = g_array_new(FALSE, TRUE, sizeof(ms_stack_page));
    return r;
}

void ms_result_free(ms_result *r)
{
    if (!r) return;
    g_free(r->path);
    g_free(r->error_code);
    g_free(r->error_message);
    ms_pdf_outcome_clear(&r->pdf);
    g_array_free(r->pages, TRUE);
    ms_extraction_free(r->x);
    g_array_free(r->parts, TRUE);
    g_array_free(r->non_filing, TRUE);
    g_free(r);
}

void ms_result_fail(ms_result *r, const GError *err)
{
    g_free(r->error_code);
    g_free(r->error_message);
    r->error_code = g_strdup(ms_error_name_of(err));
    r->error_message = g_strdup(err ? err->message : "unknown error");
}

/* Confidences and angles to the nearest 1/8: a binary fraction prints
 * exactly ("91.375"), where 91.4 would print as 91.400000000000006. */
static double eighths(double v)
{
    return floor(v * 8 + 0.5) / 8;
}

static gint64 ms(double seconds)
{
    return (gint64)floor(seconds * 1000 + 0.5);
}

static void add_box(JsonBuilder *b, const float box[4])
{
    json_builder_set_member_name(b, "bbox");
    json_builder_begin_array(b);
    for (int i = 0; i < 4; i++) json_builder_add_int_value(b, (gint64)(box[i] + 0.5f));
    json_builder_end_array(b);
}

static void add_conf(JsonBuilder *b, float conf)
{
    json_builder_set_member_name(b, "confidence");
    if (conf < 0) json_builder_add_null_value(b);
    else json_builder_add_double_value(b, eighths(conf));
}

/* A string as valid UTF-8: messages name the file as given, in any bytes. */
static void add_valid_string(JsonBuilder *b, const char *v)
{
    if (g_utf8_validate(v, -1, NULL)) {
        json_builder_add_string_value(b, v);
        return;
    }
    char *valid = g_utf8_make_valid(v, -1);
    json_builder_add_string_value(b, valid);
    g_free(valid);
}

static void add_string_or_null(JsonBuilder *b, const char *name, const char *v)
{
    json_builder_set_member_name(b, name);
    if (v) add_valid_string(b, v);
    else json_builder_add_null_value(b);
}

static void add_strings(JsonBuilder *b, const char *name, const GPtrArray *v)
{
    json_builder_set_member_name(b, name);
    json_builder_begin_array(b);
    for (guint i = 0; v && i < v->len; i++)
        json_builder_add_string_value(b, g_ptr_array_index(v, i));
    json_builder_end_array(b);
}

static void add_country(JsonBuilder *b, const ms_country *c)
{
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "code");
    json_builder_add_string_value(b, c->code);
    json_builder_set_member_name(b, "name");
    json_builder_add_string_value(b, c->name);
    json_builder_end_object(b);
}

static int page_dpi(const ms_result *r, int page)
{
    if (page >= 1 && (guint)page <= r->pages->len)
        return g_array_index(r->pages, ms_page_result, page - 1).dpi;
    return 0;
}

/* Where a rule lives, relative to the rules folder's parent. */
static char *rule_source(const ms_rule *rule, const char *rules_dir)
{
    char *dir = g_path_get_basename(rules_dir ? rules_dir : "rules");
    char *file = g_path_get_basename(rule->file);
    char *s = g_strdup_printf("%s/%s:%d", dir, file, rule->line);
    g_free(dir);
    g_free(file);
    return s;
}

static void add_location(JsonBuilder *b, const ms_result *r, int page, const float box[4],
                         float conf, const ms_rule *rule, const char *rules_dir)
{
    json_builder_set_member_name(b, "page");
    if (page > 0) json_builder_add_int_value(b, page);
    else json_builder_add_null_value(b);
    if (page > 0) {
        add_box(b, box);
        json_builder_set_member_name(b, "dpi");
        json_builder_add_int_value(b, page_dpi(r, page));
    }
    add_conf(b, conf);
    add_string_or_null(b, "rule", rule ? rule->id : NULL);
    char *src = rule ? rule_source(rule, rules_dir) : NULL;
    add_string_or_null(b, "rule_source", src);
    g_free(src);
}

/* "error": {code, message}, or null when `code` is NULL. */
static void add_error(JsonBuilder *b, const char *code, const char *message)
{
    json_builder_set_member_name(b, "error");
    if (!code) {
        json_builder_add_null_value(b);
        return;
    }
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "code");
    json_builder_add_string_value(b, code);
    json_builder_set_member_name(b, "message");
    add_valid_string(b, message);
    json_builder_end_object(b);
}

/* With --pdf: {file, error}, the searchable PDF written or why it was not. */
static void add_pdf(JsonBuilder *b, const ms_pdf_outcome *pdf)
{
    if (!pdf->file && !pdf->error_code) return;
    json_builder_set_member_name(b, "pdf");
    json_builder_begin_object(b);
    add_string_or_null(b, "file", pdf->file);
    add_error(b, pdf->error_code, pdf->error);
    json_builder_end_object(b);
}

/* The pages [first, last] (1-based) of the record's part. */
static void add_pages(JsonBuilder *b, const ms_result *r, int first, int last)
{
    json_builder_set_member_name(b, "pages");
    json_builder_begin_array(b);
    for (guint i = (guint)MAX(first - 1, 0); i < r->pages->len && (int)i < last; i++) {
        const ms_page_result *p = &g_array_index(r->pages, ms_page_result, i);
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "number");
        json_builder_add_int_value(b, p->number);
        json_builder_set_member_name(b, "source");
        json_builder_add_string_value(b, p->source);
        json_builder_set_member_name(b, "dpi");
        json_builder_add_int_value(b, p->dpi);
        json_builder_set_member_name(b, "width");
        json_builder_add_int_value(b, p->width);
        json_builder_set_member_name(b, "height");
        json_builder_add_int_value(b, p->height);
        json_builder_set_member_name(b, "words");
        json_builder_add_int_value(b, p->n_words);
        json_builder_set_member_name(b, "ocr_confidence");
        if (p->conf < 0) json_builder_add_null_value(b);
        else json_builder_add_double_value(b, eighths(p->conf));
        json_builder_set_member_name(b, "skew_degrees");
        json_builder_add_double_value(b, eighths(p->skew));
        json_builder_set_member_name(b, "rotation");
        json_builder_add_int_value(b, p->rotation);
        json_builder_set_member_name(b, "ms");
        json_builder_add_int_value(b, ms(p->seconds));
        ms_record_add_reading(b, p);
        if (p->error) {
            json_builder_set_member_name(b, "error");
            json_builder_begin_object(b);
            add_string_or_null(b, "code", p->error_code);
            add_string_or_null(b, "message", p->error);
            json_builder_end_object(b);
        }
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}

/* Every date the response clock could start from, with where it was read. */
static void add_date_candidates(JsonBuilder *b, const ms_result *r, const ms_extraction *x,
                                const char *rules_dir)
{
    add_string_or_null(b, "filed_date_kind", x ? x->filed_kind : NULL);
    json_builder_set_member_name(b, "date_candidates");
    json_builder_begin_array(b);
    for (guint i = 0; x && x->date_candidates && i < x->date_candidates->len; i++) {
        const ms_date_candidate *c = &g_array_index(x->date_candidates, ms_date_candidate, i);
        json_builder_begin_object(b);
        add_string_or_null(b, "kind", c->kind);
        add_string_or_null(b, "date", c->date);
        add_string_or_null(b, "text", c->ev.text);
        add_location(b, r, c->ev.page, c->ev.box, c->ev.conf, c->ev.rule, rules_dir);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}

/* Each value's evidence: the field, the value, the words and where they are. */
static void add_evidence(JsonBuilder *b, const ms_result *r, const ms_extraction *x,
                         const char *rules_dir)
{
    json_builder_set_member_name(b, "evidence");
    json_builder_begin_array(b);
    for (guint i = 0; x && i < x->evidence->len; i++) {
        const ms_evidence *e = &g_array_index(x->evidence, ms_evidence, i);
        json_builder_begin_object(b);
        add_string_or_null(b, "field", e->field);
        add_string_or_null(b, "value", e->value);
        add_string_or_null(b, "text", e->text);
        if (e->note) add_string_or_null(b, "note", e->note);
        add_location(b, r, e->page, e->box, e->conf, e->rule, rules_dir);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}

/* A rule that hit a limit (match_limit, match_cap, ...): never a silent loss. */
static void add_warnings(JsonBuilder *b, const ms_extraction *x, const char *rules_dir)
{
    json_builder_set_member_name(b, "warnings");
    json_builder_begin_array(b);
    for (guint i = 0; x && x->warnings && i < x->warnings->len; i++) {
        const ms_warning *w = &g_array_index(x->warnings, ms_warning, i);
        json_builder_begin_object(b);
        add_string_or_null(b, "code", w->code);
        add_string_or_null(b, "message", w->message);
        add_string_or_null(b, "rule", w->rule->id);
        char *src = rule_source(w->rule, rules_dir);
        add_string_or_null(b, "rule_source", src);
        g_free(src);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}

/* Every country-like mention with its role; a fuzzy match also gives the text as read. */
static void add_mentions(JsonBuilder *b, const ms_result *r, const ms_extraction *x,
                         const char *rules_dir)
{
    json_builder_set_member_name(b, "country_mentions");
    json_builder_begin_array(b);
    for (guint i = 0; x && i < x->mentions->len; i++) {
        const ms_mention *m = &g_array_index(x->mentions, ms_mention, i);
        json_builder_begin_object(b);
        add_string_or_null(b, "code", m->country->code);
        add_string_or_null(b, "name", m->country->name);
        add_string_or_null(b, "text", m->text);
        add_string_or_null(b, "role", m->role);
        if (m->fuzzy) {
            add_string_or_null(b, "read_as", m->text);
            add_string_or_null(b, "match", "fuzzy");
        }
        add_location(b, r, m->page, m->box, m->conf, m->rule, rules_dir);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}

static void add_fields(JsonBuilder *b, const ms_result *r, const ms_extraction *x,
                       const char *rules_dir)
{
    add_string_or_null(b, "filer", x ? x->filer : NULL);
    add_string_or_null(b, "motion_type", x ? x->motion_type : NULL);
    json_builder_set_member_name(b, "removal_countries");
    json_builder_begin_array(b);
    for (guint i = 0; x && i < x->removal_countries->len; i++)
        add_country(b, g_ptr_array_index(x->removal_countries, i));
    json_builder_end_array(b);
    json_builder_set_member_name(b, "nationality");
    if (x && x->nationality) add_country(b, x->nationality);
    else json_builder_add_null_value(b);
    add_string_or_null(b, "a_number", x ? x->a_number : NULL);
    add_string_or_null(b, "respondent", x ? x->respondent : NULL);
    add_string_or_null(b, "court", x ? x->court : NULL);
    json_builder_set_member_name(b, "detained");
    if (x && x->detained >= 0) json_builder_add_boolean_value(b, x->detained);
    else json_builder_add_null_value(b);
    add_string_or_null(b, "title", x ? x->title : NULL);
    add_string_or_null(b, "proceeding_type", x ? x->proceeding_type : NULL);
    add_string_or_null(b, "judge", x ? x->judge : NULL);
    add_string_or_null(b, "hearing_date", x ? x->hearing_date : NULL);
    add_string_or_null(b, "hearing_time", x ? x->hearing_time : NULL);
    add_string_or_null(b, "filed_date", x ? x->filed_date : NULL);
    add_date_candidates(b, r, x, rules_dir);
    add_strings(b, "a_numbers", x ? x->a_numbers : NULL);
    add_strings(b, "authorities", x ? x->authorities : NULL);
    json_builder_set_member_name(b, "response_due");
    if (x && x->has_deadline) {
        json_builder_begin_object(b);
        add_string_or_null(b, "date", x->response_due);
        add_string_or_null(b, "basis", x->response_basis);
        json_builder_end_object(b);
    } else {
        json_builder_add_null_value(b);
    }

    add_evidence(b, r, x, rules_dir);
    add_warnings(b, x, rules_dir);
    add_mentions(b, r, x, rules_dir);
}

/* `file` is always valid UTF-8 (JSON, CSV and SQLite need it): a name that
 * is not (a Latin-1 "r\xe9sum\xe9.pdf") gets U+FFFD for its bad bytes, and
 * `file_bytes` keeps the exact bytes, percent-encoded. */
static void add_file_name(JsonBuilder *b, const char *path)
{
    json_builder_set_member_name(b, "file");
    if (g_utf8_validate(path, -1, NULL)) {
        json_builder_add_string_value(b, path);
        return;
    }
    char *raw = g_uri_escape_bytes((const guint8 *)path, strlen(path), "/!$&'()*+,;=:@");
    add_valid_string(b, path);
    json_builder_set_member_name(b, "file_bytes");
    json_builder_add_string_value(b, raw);
    g_free(raw);
}

JsonNode *ms_record_build(const ms_result *r, const char *rules_dir)
{
    return ms_record_build_part(r, 0, rules_dir);
}

JsonNode *ms_record_build_part(const ms_result *r, guint part, const char *rules_dir)
{
    int first = 1, last = (int)r->pages->len;
    ms_result_part_pages(r, part, &first, &last);
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "schema_version");
    json_builder_add_int_value(b, MS_SCHEMA_VERSION);
    add_file_name(b, r->path);
    add_string_or_null(b, "sha256", r->sha256[0] ? r->sha256 : NULL);
    json_builder_set_member_name(b, "size");
    json_builder_add_int_value(b, r->size);
    json_builder_set_member_name(b, "format");
    json_builder_add_string_value(b, r->format);
    json_builder_set_member_name(b, "status");
    json_builder_add_string_value(b, r->skipped ? "skipped" : r->error_code ? "error" : "ok");
    add_error(b, r->error_code, r->error_message);
    ms_record_add_part(b, r, part);
    add_fields(b, r, ms_result_part_extraction(r, part), rules_dir);
    add_pages(b, r, first, last);
    add_pdf(b, ms_result_part_pdf(r, part));
    json_builder_set_member_name(b, "timings_ms");
    json_builder_begin_object(b);
    const struct { const char *name; double v; } t[] = {
        {"read", r->t_read}, {"pages", r->t_pages}, {"extract", r->t_extract}, {"total", r->t_total}};
    for (gsize i = 0; i < G_N_ELEMENTS(t); i++) {
        json_builder_set_member_name(b, t[i].name);
        json_builder_add_int_value(b, ms(t[i].v));
    }
    json_builder_end_object(b);
    json_builder_end_object(b);
    JsonNode *root = json_builder_get_root(b);
    g_object_unref(b);
    return root;
}

char *ms_record_to_line(const ms_result *r, const char *rules_dir)
{
    JsonNode *root = ms_record_build(r, rules_dir);
    char *s = json_to_string(root, FALSE);
    json_node_unref(root);
    char *line = g_strconcat(s, "\n", NULL);
    g_free(s);
    return line;
}
