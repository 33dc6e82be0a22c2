/* countries — every country the document names, the role the text gives it,
 * and from those roles the record's removal_countries and nationality.
 *
 * 1. The gazetteer finds every name and demonym (ms_countries_find; a mention
 *    must start with a capital: "turkey" and "chad" in running text are words).
 * 2. not_country rules mask US places ("New Mexico", "Atlanta, Georgia"),
 *    personal names and caption lines; the respondent's own name is masked
 *    wherever it appears.
 * 3. country_role rules give each mention inside their "target" group a role;
 *    the strongest rule wins.  They look at the body, so an exhibit's list of
 *    every agreement partner stays "exhibit" and never outvotes the motion.
 * 4. removal_countries: the removal mentions in the document's order, each
 *    country once.  A respondent's filing proposes no removal: the DHS
 *    proposal it quotes is kept as "respondent_quotes".
 */
#include "extractors/countries.h"

#include "extractors/evidence.h"
#include "extractors/mentions.h"
#include "extractors/roles.h"

#include <string.h>

/* The United States is the forum, never a removal country or a nationality
 * (a respondent is by definition not a citizen); its many mentions are left
 * out of the mention list. */
static gboolean is_forum(const ms_country *c)
{
    return strcmp(c->code, "US") == 0 || strcmp(c->code, "UM") == 0;
}

static void add_mentions(const ms_text *t, const GArray *spans, GArray *out)
{
    for (guint i = 0; i < spans->len; i++) {
        const ms_span *sp = &g_array_index(spans, ms_span, i);
        if (is_forum(sp->country)) continue;
        ms_mention mn = {sp->country, sp->start,
                         sp->end,     g_strndup(t->str->str + sp->start, sp->end - sp->start),
                         "mention",   NULL,
                         -1,          sp->demonym,
                         0,           {0, 0, 0, 0},
                         -1,          sp->fuzzy};
        ms_text_locate(t, mn.start, mn.end, &mn.page, mn.box, &mn.conf);
        g_array_append_val(out, mn);
    }
}

static void set_role(ms_mention *mn, const char *role, const ms_rule *rule, int weight)
{
    if (weight <= mn->weight) return;
    mn->role = role;
    mn->rule = rule;
    mn->weight = weight;
}

typedef struct {
    gboolean mask; /* not_country: overlapping mentions are masked */
    GArray *mentions;
    const char *marked; /* the text the rules read (ms_countries_mark) */
} role_pass;

static void role_hit(const ms_rule *r, const ms_match *h, gpointer user)
{
    role_pass *p = user;
    for (guint k = 0; k < p->mentions->len; k++) {
        ms_mention *mn = &g_array_index(p->mentions, ms_mention, k);
        /* a glued name's last letter is the space after it (ms_countries_mark) */
        gsize end = p->marked && mn->end > mn->start + 2 && p->marked[mn->end - 1] == ' '
                        ? mn->end - 1
                        : mn->end;
        gboolean inside = p->mask ? mn->start < h->tend && end > h->tstart /* overlaps */
                                  : mn->start >= h->tstart && end <= h->tend;
        if (!inside) continue;
        if (p->mask)
            set_role(mn, "not_country", r, 10000);
        else
            set_role(mn, r->value, r, r->weight);
    }
}

/* Apply every rule of `field` to the mentions inside its target spans. */
static void apply_rules(const ms_ruleset *rs, ms_matcher *m, const ms_text *t, const char *marked,
                        const ms_sections *sec, const char *field, GArray *mentions)
{
    role_pass p = {strcmp(field, "not_country") == 0, mentions, marked};
    ms_field_visitor v = {NULL, role_hit, &p};
    ms_ruleset_match_field(rs, m, field, t->str->str, marked, sec->start, sec->end, &v);
}

/* "JORDAN, Chad": a mention that is a word of the respondent's name. */
static void mask_respondent_name(const char *respondent, GArray *mentions)
{
    if (!respondent) return;
    char *folded = g_utf8_casefold(respondent, -1);
    char **tokens = g_regex_split_simple("[^\\p{L}'-]+", folded, 0, 0);
    for (guint k = 0; k < mentions->len; k++) {
        ms_mention *mn = &g_array_index(mentions, ms_mention, k);
        char *name = g_utf8_casefold(mn->text, -1);
        for (char **tk = tokens; *tk; tk++)
            if (**tk && strcmp(*tk, name) == 0) set_role(mn, "not_country", NULL, 10000);
        g_free(name);
    }
    g_strfreev(tokens);
    g_free(folded);
}

static gboolean listed(GPtrArray *list, const ms_country *c)
{
    for (guint i = 0; i < list->len; i++)
        if (g_ptr_array_index(list, i) == c) return TRUE;
    return FALSE;
}

void ms_countries_extract(const ms_ruleset *rs, ms_matcher *m, const ms_text *t, const char *marked,
                          const GArray *spans, ms_extraction *x)
{
    GArray *mentions = x->mentions;
    add_mentions(t, spans, mentions);
    if (!mentions->len) return;
    mask_respondent_name(x->respondent, mentions);
    apply_rules(rs, m, t, marked, &x->sections, "not_country", mentions);
    apply_rules(rs, m, t, marked, &x->sections, "country_role", mentions);
    ms_roles_by_clause(rs, m, t, marked, &x->sections, mentions);

    gboolean respondent_files = strcmp(x->filer, "respondent") == 0;
    const ms_mention *nat = NULL;
    for (guint k = 0; k < mentions->len; k++) {
        ms_mention *mn = &g_array_index(mentions, ms_mention, k);
        if (strcmp(mn->role, "mention") == 0 && mn->start >= x->sections.start[MS_SCOPE_EXHIBITS] &&
            x->sections.start[MS_SCOPE_EXHIBITS] < x->sections.end[MS_SCOPE_EXHIBITS])
            mn->role = "exhibit";
        /* A recited DHS request is the proposal in DHS's own filing; in a
         * court's order it is only what DHS asked (the order's own words
         * decide), and in a respondent's filing it is quoted. */
        if (strcmp(mn->role, "requested") == 0 && strcmp(x->filer, "court") != 0)
            mn->role = "removal";
        if (strcmp(mn->role, "removal") == 0) {
            if (respondent_files) {
                mn->role = "respondent_quotes";
                continue;
            }
            if (listed(x->removal_countries, mn->country)) continue;
            g_ptr_array_add(x->removal_countries, (gpointer)mn->country);
            ms_evidence_add(x->evidence, t, "removal_countries", mn->country->code, mn->rule,
                            mn->start, mn->end);
        } else if (strcmp(mn->role, "nationality") == 0) {
            if (!nat || mn->weight > nat->weight) nat = mn;
        }
    }
    if (nat) {
        x->nationality = nat->country;
        ms_evidence_add(x->evidence, t, "nationality", nat->country->code, nat->rule, nat->start,
                        nat->end);
    }
}
