/* roles — roles decided by the clause a mention stands in.
 *
 * clause_role rules (rules/countries.rules) are cues: "to await",
 * "235(b)(2)(C)", "is currently impracticable", "previously removed".  A cue
 * that matches inside a clause (see clauses.h) gives its role to every country
 * name in that clause, when it weighs more than the role the mention has; a
 * cue with a "target" group gives it only to the names inside the group.
 * Demonyms, nationality, negated and masked mentions keep their role: a cue
 * says what happens to a country, not who a person is.
 *
 * Then lists broken by OCR punctuation: a name with no role that follows a
 * name with one, with nothing but list punctuation and "and"/"or" between
 * them ("Paraguay. Uganda and Honduras"), takes the same role.
 */
#include "extractors/roles.h"

#include <string.h>

#include "extractors/clauses.h"

static gboolean cue_may_change(const ms_mention *mn)
{
    return !mn->demonym && strcmp(mn->role, "nationality") != 0 &&
           strcmp(mn->role, "negated") != 0 && strcmp(mn->role, "not_country") != 0;
}

static void give(ms_mention *mn, const ms_rule *r)
{
    if (r->weight <= mn->weight || !cue_may_change(mn)) return;
    mn->role = r->value;
    mn->rule = r;
    mn->weight = r->weight;
}

static void apply_cue(const ms_rule *r, ms_matcher *m, const char *subject, const GArray *clauses,
                      gsize from, gsize to, GArray *mentions, GArray *hits)
{
    for (guint c = 0; c < clauses->len; c++) {
        const ms_clause *cl = &g_array_index(clauses, ms_clause, c);
        if (cl->end <= from || cl->start >= to) continue;
        g_array_set_size(hits, 0);
        ms_rule_match_all(r, m, subject, MAX(cl->start, from), MIN(cl->end, to), hits);
        if (!hits->len) continue;
        gboolean targeted = r->target_groups[0] != 0;
        for (guint k = 0; k < mentions->len; k++) {
            ms_mention *mn = &g_array_index(mentions, ms_mention, k);
            if (mn->start < cl->start || mn->end > cl->end) continue;
            gboolean inside = !targeted;
            for (guint j = 0; targeted && j < hits->len && !inside; j++) {
                const ms_match *h = &g_array_index(hits, ms_match, j);
                inside = mn->start >= h->tstart && mn->end <= h->tend;
            }
            if (inside) give(mn, r);
        }
    }
}

/* Only list punctuation and list words between a and b. */
static gboolean list_gap(const char *s, gsize a, gsize b)
{
    if (b < a || b - a > 24) return FALSE;
    char *gap = g_ascii_strdown(s + a, (gssize)(b - a));
    char **w = g_regex_split_simple("[\\s,.;:]+", gap, G_REGEX_RAW, 0);
    gboolean ok = TRUE;
    for (char **p = w; *p && ok; p++)
        ok = !**p || strcmp(*p, "and") == 0 || strcmp(*p, "or") == 0 || strcmp(*p, "and/or") == 0;
    g_strfreev(w);
    g_free(gap);
    return ok;
}

static void continue_lists(const char *s, GArray *mentions)
{
    for (guint k = 1; k < mentions->len; k++) {
        ms_mention *prev = &g_array_index(mentions, ms_mention, k - 1);
        ms_mention *mn = &g_array_index(mentions, ms_mention, k);
        if (strcmp(mn->role, "mention") != 0 || mn->demonym || prev->demonym) continue;
        if (!prev->rule || strcmp(prev->role, "mention") == 0 ||
            strcmp(prev->role, "not_country") == 0 || strcmp(prev->role, "nationality") == 0)
            continue;
        if (!list_gap(s, prev->end, mn->start)) continue;
        mn->role = prev->role;
        mn->rule = prev->rule;
        mn->weight = prev->weight;
    }
}

void ms_roles_by_clause(const ms_ruleset *rs, ms_matcher *m, const ms_text *t, const char *marked,
                        const ms_sections *sec, GArray *mentions)
{
    const char *s = t->str->str;
    GArray *names = g_array_new(FALSE, FALSE, sizeof(ms_clause));
    for (guint k = 0; k < mentions->len; k++) {
        const ms_mention *mn = &g_array_index(mentions, ms_mention, k);
        g_array_append_val(names, ((ms_clause){mn->start, mn->end}));
    }
    GArray *clauses = ms_clauses_split(s, 0, t->str->len, names);
    GArray *hits = g_array_new(FALSE, FALSE, sizeof(ms_match));
    const GPtrArray *cues = ms_ruleset_for_field(rs, "clause_role");
    for (guint i = 0; i < cues->len; i++) {
        const ms_rule *r = g_ptr_array_index(cues, i);
        gsize from = sec->start[r->scope], to = sec->end[r->scope];
        if (from < to) apply_cue(r, m, r->on_marked ? marked : s, clauses, from, to, mentions, hits);
    }
    continue_lists(s, mentions);
    g_array_free(hits, TRUE);
    g_array_free(clauses, TRUE);
    g_array_free(names, TRUE);
}
