#include "extractors/extract.h"

#include <string.h>

#include "extractors/anumber.h"
#include "extractors/caption.h"
#include "extractors/countries.h"
#include "extractors/dates.h"
#include "extractors/evidence.h"
#include "extractors/facts.h"
#include "extractors/furniture.h"
#include "extractors/mend.h"
#include "extractors/mentions.h"
#include "pipeline/base/limits.h"

/* ---- values --------------------------------------------------------------- */

static char *clean_name(const char *s, gsize len)
{
    char *v = g_strndup(s, len);
    g_strstrip(v);
    gsize n = strlen(v);
    while (n && strchr(",;:)-.", v[n - 1])) v[--n] = 0;
    g_strstrip(v);
    if (!*v) {
        g_free(v);
        return NULL;
    }
    return v;
}

static char *value_of(const ms_ruleset *rs, const ms_rule *rule, const char *field,
                      const ms_text *t, const ms_match *mt)
{
    if (rule->value) return g_strdup(rule->value);
    if (mt->vend <= mt->vstart) return NULL;
    const char *s = t->str->str + mt->vstart;
    gsize len = mt->vend - mt->vstart;
    static const struct {
        const char *field;
        char *(*normalize)(const char *, gsize);
    } normalizers[] = {
        {"a_number", ms_anumber_normalize},
        {"hearing_date", ms_date_normalize},  {"filed_date", ms_date_normalize},
        {"hearing_time", ms_time_normalize},  {"authority", ms_authority_normalize},
        {"received_date", ms_date_normalize}, {"ecas_date", ms_date_normalize},
        {"service_date", ms_date_normalize},  {"signature_date", ms_date_normalize},
        {"respondent", ms_respondent_normalize},
    };
    if (strcmp(field, "court") == 0) return ms_court_normalize(ms_ruleset_us_states(rs), s, len);
    for (gsize i = 0; i < G_N_ELEMENTS(normalizers); i++)
        if (strcmp(field, normalizers[i].field) == 0) return normalizers[i].normalize(s, len);
    return clean_name(s, len);
}

typedef struct {
    const ms_ruleset *rs;
    const ms_text *t;
    const char *field;
    char *best;
    const ms_rule *best_rule;
    ms_match best_m;
} pick;

static gboolean pick_rule(const ms_rule *r, gpointer user)
{
    const pick *p = user;
    return !p->best_rule || r->weight >= p->best_rule->weight;
}

static void pick_hit(const ms_rule *r, const ms_match *mt, gpointer user)
{
    pick *p = user;
    if (p->best_rule && (r->weight < p->best_rule->weight ||
                         (r->weight == p->best_rule->weight && mt->start >= p->best_m.start)))
        return;
    char *v = value_of(p->rs, r, p->field, p->t, mt);
    if (!v) return;
    g_free(p->best);
    p->best = v, p->best_rule = r, p->best_m = *mt;
}

/* The strongest match of the rules for `field`: highest weight, then earliest.
 * Rules that use no country marks match `plain` (t's text, or its copy with
 * damaged cue words mended, of the same length); values come from t. */
static char *pick_in(const ms_ruleset *rs, ms_matcher *m, const ms_text *t, const char *plain,
                     const char *marked, const ms_sections *sec, const char *field,
                     GArray *evidence)
{
    pick p = {rs, t, field, NULL, NULL, {0}};
    ms_field_visitor v = {pick_rule, pick_hit, &p};
    ms_ruleset_match_field(rs, m, field, plain, marked, sec->start, sec->end, &v);
    /* The evidence is the value's own words when the rule takes the value from
     * a group ("RAMIREZ TORRES, Yusmary", not the whole caption). */
    gboolean grouped = p.best_m.vend > p.best_m.vstart;
    if (p.best)
        ms_evidence_add(evidence, t, field, p.best, p.best_rule,
                        grouped ? p.best_m.vstart : p.best_m.start,
                        grouped ? p.best_m.vend : p.best_m.end);
    return p.best;
}

static char *pick_field(const ms_ruleset *rs, ms_matcher *m, const ms_text *t,
                        const char *marked, const ms_sections *sec, const char *field,
                        GArray *evidence)
{
    return pick_in(rs, m, t, t->str->str, marked, sec, field, evidence);
}

static gint by_start(gconstpointer a, gconstpointer b)
{
    const ms_match *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static void collect_hit(const ms_rule *r, const ms_match *mt, gpointer user)
{
    gpointer *both = user; /* the matches and, parallel to them, their rules */
    g_array_append_val((GArray *)both[0], *mt);
    g_ptr_array_add(both[1], (gpointer)r);
}

/* Every value of a many-valued field (citations, a family's A-numbers), each
 * once, in the order the text gives them; evidence for each. */
GPtrArray *ms_collect_field(const ms_ruleset *rs, ms_matcher *m, const ms_text *t,
                            const char *marked, const ms_sections *sec, const char *field,
                            GArray *evidence)
{
    GArray *hits = g_array_new(FALSE, FALSE, sizeof(ms_match));
    GPtrArray *rule_of = g_ptr_array_new(); /* parallel to hits */
    gpointer both[2] = {hits, rule_of};
    ms_field_visitor collect = {NULL, collect_hit, both};
    ms_ruleset_match_field(rs, m, field, t->str->str, marked, sec->start, sec->end, &collect);
    /* sort the matches by position, carrying their rules along */
    GArray *order = g_array_new(FALSE, FALSE, sizeof(ms_match));
    for (guint j = 0; j < hits->len; j++) {
        ms_match mt = g_array_index(hits, ms_match, j);
        mt.tstart = j; /* remember the index; tstart is not used for values */
        g_array_append_val(order, mt);
    }
    g_array_sort(order, by_start);
    GPtrArray *values = g_ptr_array_new_with_free_func(g_free);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint j = 0; j < order->len; j++) {
        const ms_match *mt = &g_array_index(order, ms_match, j);
        const ms_rule *r = g_ptr_array_index(rule_of, mt->tstart);
        char *v = value_of(rs, r, field, t, mt);
        if (!v || g_hash_table_contains(seen, v)) {
            g_free(v);
            continue;
        }
        g_ptr_array_add(values, v);
        g_hash_table_add(seen, v);
        gboolean grouped = mt->vend > mt->vstart;
        ms_evidence_add(evidence, t, field, v, r, grouped ? mt->vstart : mt->start,
                        grouped ? mt->vend : mt->end);
    }
    g_hash_table_destroy(seen);
    g_array_free(order, TRUE);
    g_ptr_array_free(rule_of, TRUE);
    g_array_free(hits, TRUE);
    return values;
}

/* The bounds rules hit while extracting, as the record's warnings. */
static GArray *warnings_of(ms_matcher *m)
{
    GArray *hits = g_array_new(FALSE, FALSE, sizeof(ms_match_warning));
    ms_matcher_take_warnings(m, hits);
    GArray *out = g_array_new(FALSE, TRUE, sizeof(ms_warning));
    for (guint i = 0; i < hits->len; i++) {
        const ms_match_warning *h = &g_array_index(hits, ms_match_warning, i);
        ms_warning w = {h->code, NULL, h->rule};
        if (strcmp(h->code, "match_cap") == 0)
            w.message = g_strdup_printf("rule '%s' matched more than %d times; the later matches "
                                        "were not used",
                                        h->rule->id, strcmp(h->rule->field, "mention") == 0
                                                         ? MS_MAX_MENTIONS : MS_MAX_MATCHES_PER_RULE);
        else
            w.message = g_strdup_printf("rule '%s' stopped early (PCRE2 error %d%s); its later "
                                        "matches are missing", h->rule->id, h->pcre2_rc,
                                        strcmp(h->code, "match_limit") == 0 ? ": a match limit" : "");
        g_array_append_val(out, w);
    }
    g_array_free(hits, TRUE);
    return out;
}

ms_extraction *ms_extract(const ms_ruleset *rs, ms_matcher *m, const ms_text *t)
{
    ms_matcher_take_warnings(m, NULL); /* only this document's */
    ms_extraction *x = g_new0(ms_extraction, 1);
    x->evidence = g_array_new(FALSE, TRUE, sizeof(ms_evidence));
    x->mentions = g_array_new(FALSE, TRUE, sizeof(ms_mention));
    x->removal_countries = g_ptr_array_new();
    /* the rules and the title finder read cue words through OCR damage
     * ("Motlon for Continuance"); values and the title come from t */
    char *mended = ms_mend_cues(ms_ruleset_fuzzy(rs), t->str->str, t->str->len, NULL);
    const char *s = mended ? mended : t->str->str;
    GString mended_str = {(gchar *)s, t->str->len, t->str->len + 1};
    ms_text as_mended = *t;
    as_mended.str = &mended_str;
    ms_sections_find(&as_mended, &x->sections);
    const ms_sections *sec = &x->sections;
    if (sec->end[MS_SCOPE_TITLE] > sec->start[MS_SCOPE_TITLE]) {
        x->title = g_strndup(t->str->str + sec->start[MS_SCOPE_TITLE],
                             sec->end[MS_SCOPE_TITLE] - sec->start[MS_SCOPE_TITLE]);
        g_strdelimit(x->title, "\n", ' ');
    }
    GArray *spans = g_array_new(FALSE, FALSE, sizeof(ms_span));
    ms_countries_find(rs, m, s, t->str->len, spans);
    char *marked = ms_countries_mark(s, t->str->len, spans);
    /* the country roles read a sentence that runs on past a page footer as
     * one ("the United / Page 1 of 2 / States has"): their own copy of the
     * text, with the furniture beside each page break blanked */
    char *plain_b = ms_furniture_blank(t, t->str->str);
    char *s_b = plain_b ? ms_furniture_blank(t, s) : NULL;
    GString plain_str = {plain_b ? plain_b : t->str->str, t->str->len, t->str->len + 1};
    ms_text joined = *t;
    joined.str = &plain_str;
    GArray *spans_b = spans;
    char *marked_b = marked;
    if (s_b) {
        spans_b = g_array_new(FALSE, FALSE, sizeof(ms_span));
        ms_countries_find(rs, m, s_b, t->str->len, spans_b);
        marked_b = ms_countries_mark(s_b, t->str->len, spans_b);
    }
    /* titles read through OCR damage too ("Motlon for Continusnce") */
    x->motion_type = pick_in(rs, m, t, s, marked, sec, "motion_type", x->evidence);
    if (!x->motion_type) x->motion_type = g_strdup("other");
    x->filer = pick_in(rs, m, t, s, marked, sec, "filer", x->evidence);
    if (!x->filer) x->filer = g_strdup("unknown");
    g_free(s_b);
    g_free(mended);
    x->a_number = ms_anumber_vote(rs, m, t, marked, sec, x->evidence);
    x->respondent = pick_field(rs, m, t, marked, sec, "respondent", x->evidence);
    x->court = pick_field(rs, m, t, marked, sec, "court", x->evidence);
    char *detained = pick_field(rs, m, t, marked, sec, "detained", x->evidence);
    x->detained = detained ? strcmp(detained, "true") == 0 : -1;
    g_free(detained);
    x->judge = pick_field(rs, m, t, marked, sec, "judge", x->evidence);
    x->hearing_date = pick_field(rs, m, t, marked, sec, "hearing_date", x->evidence);
    x->hearing_time = pick_field(rs, m, t, marked, sec, "hearing_time", x->evidence);
    ms_dates_extract(rs, m, t, marked, x);
    x->proceeding_type = pick_field(rs, m, t, marked, sec, "proceeding_type", x->evidence);
    /* every A-number; the evidence of the primary one is already there */
    GArray *scratch = g_array_new(FALSE, TRUE, sizeof(ms_evidence));
    x->a_numbers = ms_collect_field(rs, m, t, marked, sec, "a_number", scratch);
    ms_evidence_clear_all(scratch);
    x->authorities = ms_collect_field(rs, m, t, marked, sec, "authority", x->evidence);
    ms_countries_extract(rs, m, &joined, marked_b, spans_b, x);
    if (spans_b != spans) {
        g_free(marked_b);
        g_array_free(spans_b, TRUE);
    }
    x->has_deadline = ms_deadline_compute(ms_ruleset_deadlines(rs), x->motion_type, x->filed_date,
                                          x->filed_kind, x->detained, &x->response_due, &x->response_basis);
    g_free(marked);
    g_free(plain_b);
    g_array_free(spans, TRUE);
    x->warnings = warnings_of(m);
    return x;
}

void ms_extraction_free(ms_extraction *x)
{
    if (!x) return;
    ms_evidence_clear_all(x->evidence);
    for (guint i = 0; i < x->mentions->len; i++) g_free(g_array_index(x->mentions, ms_mention, i).text);
    g_array_free(x->mentions, TRUE);
    for (guint i = 0; x->warnings && i < x->warnings->len; i++)
        g_free(g_array_index(x->warnings, ms_warning, i).message);
    if (x->warnings) g_array_free(x->warnings, TRUE);
    g_ptr_array_free(x->removal_countries, TRUE);
    g_free(x->filer);
    g_free(x->motion_type);
    g_free(x->a_number);
    g_free(x->respondent);
    g_free(x->court);
    g_free(x->judge);
    g_free(x->hearing_date);
    g_free(x->hearing_time);
    g_free(x->filed_date);
    ms_date_candidates_free(x->date_candidates);
    g_free(x->proceeding_type);
    g_free(x->response_due);
    g_free(x->response_basis);
    if (x->a_numbers) g_ptr_array_free(x->a_numbers, TRUE);
    if (x->authorities) g_ptr_array_free(x->authorities, TRUE);
    g_free(x->title);
    g_free(x);
}
