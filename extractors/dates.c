/* dates — the dates a filing carries and the one its response clock starts
 * from.
 *
 * EOIR counts a response deadline from the day the court receives the filing
 * (EOIR Policy Manual, appendix C; ICPM 3.1(a)(3): no mailbox rule).  The best
 * evidence of that is an ECAS filing line or the court's RECEIVED/FILED stamp;
 * without one, the certificate of service's date, then the signature date.
 * Each kind has its own rule field (facts.rules); every distinct date of every
 * kind is kept as a candidate with its evidence, and filed_date is the first
 * candidate of the best kind, in the order rules/deadlines.conf gives.
 */
#include "extractors/dates.h"

#include "extractors/deadline.h"

#include <string.h>

/* A kind and the rule fields that find it ("filed_date": rule sets written
 * before the kinds existed, whose filed_date rules read signatures). */
static const struct {
    const char *kind;
    const char *fields[3];
} kinds[] = {
    {"ecas", {"ecas_date", NULL}},
    {"received_stamp", {"received_date", NULL}},
    {"service", {"service_date", NULL}},
    {"signature", {"signature_date", "filed_date", NULL}},
};

/* A "Next Hearing Date:" or "Hearing Date:" line names the hearing, never the
 * filing: a date with "hearing" just before it on its line is refused, whatever
 * rule found it. */
static gboolean after_hearing_label(const ms_text *t, gsize start)
{
    const char *s = t->str->str;
    gsize from = start > 24 ? start - 24 : 0;
    for (gsize i = start; i > from; i--)
        if (s[i - 1] == '\n') {
            from = i;
            break;
        }
    char *before = g_ascii_strdown(s + from, (gssize)(start - from));
    gboolean hearing = strstr(before, "hearing") != NULL;
    g_free(before);
    return hearing;
}

static void add_kind(const ms_ruleset *rs, ms_matcher *m, const ms_text *t, const char *marked,
                     const ms_sections *sec, const char *kind, const char *field, GArray *out)
{
    GArray *ev = g_array_new(FALSE, TRUE, sizeof(ms_evidence));
    GPtrArray *values = ms_collect_field(rs, m, t, marked, sec, field, ev);
    for (guint i = 0; i < ev->len; i++) {
        ms_evidence *e = &g_array_index(ev, ms_evidence, i);
        gboolean dup = FALSE;
        for (guint j = 0; j < out->len; j++) {
            const ms_date_candidate *c = &g_array_index(out, ms_date_candidate, j);
            dup = dup || (strcmp(c->kind, kind) == 0 && strcmp(c->date, e->value) == 0);
        }
        if (dup || after_hearing_label(t, e->start)) {
            g_free(e->field), g_free(e->value), g_free(e->text);
            continue;
        }
        ms_date_candidate c = {kind, g_strdup(e->value), *e};
        g_array_append_val(out, c);
    }
    g_array_free(ev, TRUE); /* the entries now belong to the candidates */
    g_ptr_array_free(values, TRUE);
}

void ms_dates_extract(const ms_ruleset *rs, ms_matcher *m, const ms_text *t, const char *marked,
                      ms_extraction *x)
{
    x->date_candidates = g_array_new(FALSE, TRUE, sizeof(ms_date_candidate));
    for (gsize k = 0; k < G_N_ELEMENTS(kinds); k++)
        for (const char *const *f = kinds[k].fields; *f; f++)
            add_kind(rs, m, t, marked, &x->sections, kinds[k].kind, *f, x->date_candidates);
    const char *const *order = ms_deadline_start_order(ms_ruleset_deadlines(rs));
    for (; *order && !x->filed_date; order++)
        for (guint i = 0; i < x->date_candidates->len; i++) {
            const ms_date_candidate *c = &g_array_index(x->date_candidates, ms_date_candidate, i);
            if (strcmp(c->kind, *order) != 0) continue;
            x->filed_date = g_strdup(c->date);
            x->filed_kind = c->kind;
            ms_evidence_add(x->evidence, t, "filed_date", c->date, c->ev.rule, c->ev.start,
                            c->ev.end);
            break;
        }
}

void ms_date_candidates_free(GArray *candidates)
{
    if (!candidates) return;
    for (guint i = 0; i < candidates->len; i++) {
        ms_date_candidate *c = &g_array_index(candidates, ms_date_candidate, i);
        g_free(c->date);
        g_free(c->ev.field), g_free(c->ev.value), g_free(c->ev.text);
    }
    g_array_free(candidates, TRUE);
}
