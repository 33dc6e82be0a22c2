/* The start of the response clock: ECAS lines and RECEIVED/FILED stamps over
 * the certificate of service over the signature; hearing dates never; the
 * holiday rules counted from each. */
#include <string.h>

#include "extractors/dates.h"
#include "extractors/extract.h"
#include "tests/testutil.h"

#define CAPTION                                                                                  \
    "IMMIGRATION COURT\nHOUSTON, TEXAS\nIn the Matter of: DOE, Jane\nFile No.: A 212-345-678\n" \
    "NON-DETAINED\n"
#define HEARING "Immigration Judge: Hon. Ana B. Cruz Next Hearing Date: November 4, 2025\n"
#define TITLE "DHS MOTION TO PRETERMIT\n"
#define SIGNED "Respectfully submitted.\nDated: October 14, 2025\n"
#define SERVICE "\fCERTIFICATE OF SERVICE\nOn October 15, 2025, I, John Roe, served a copy.\n"

static ms_extraction *extract(const char *text)
{
    ms_text *t = ms_test_text(text);
    ms_matcher *m = ms_matcher_new();
    ms_extraction *x = ms_extract(ms_test_rules(), m, t);
    ms_matcher_free(m);
    ms_text_free(t);
    return x;
}

static const ms_date_candidate *candidate(const ms_extraction *x, const char *kind)
{
    for (guint i = 0; i < x->date_candidates->len; i++) {
        const ms_date_candidate *c = &g_array_index(x->date_candidates, ms_date_candidate, i);
        if (strcmp(c->kind, kind) == 0) return c;
    }
    return NULL;
}

typedef struct {
    const char *name, *text;
    const char *kind, *filed, *due, *basis_has; /* what must come out */
} clock_case;

static void test_clock_start(void)
{
    const clock_case cases[] = {
        {"signature only", CAPTION HEARING TITLE SIGNED, "signature", "2025-10-14", "2025-10-24",
         "counted from the signature date"},
        {"service over signature", CAPTION HEARING TITLE SIGNED SERVICE, "service", "2025-10-15",
         "2025-10-27", "certificate of service"}, /* the 25th is a Saturday */
        {"stamp over service", "RECEIVED\nOCT 16 2025\nIMMIGRATION COURT\nHOUSTON, TX\n" CAPTION
         HEARING TITLE SIGNED SERVICE, "received_stamp", "2025-10-16", "2025-10-27",
         "RECEIVED/FILED stamp, 2025-10-16; moved 1 day"},
        {"stamp, court name above the date", CAPTION "FILED\nEOIR - HOUSTON\n10/17/25\n" HEARING
         TITLE SIGNED, "received_stamp", "2025-10-17", "2025-10-27", "stamp"},
        {"OCR'd stamp", "RECE1VED Oct. 16, 2025\n" CAPTION TITLE SIGNED, "received_stamp",
         "2025-10-16", "2025-10-27", "stamp"},
        {"Rec'd", CAPTION "Rec'd 10-16-2025\n" TITLE SIGNED, "received_stamp", "2025-10-16",
         "2025-10-27", "stamp"},
        {"ECAS over stamp", "Electronically filed via ECAS on 10/16/2025 11:02 AM\nRECEIVED\nOCT 20 "
         "2025\n" CAPTION TITLE SIGNED SERVICE, "ecas", "2025-10-16", "2025-10-27", "ECAS filing date"},
        /* Veterans Day: 10 days from Oct 31 is Mon Nov 10; from Nov 1 is Tue Nov 11, closed */
        {"ECAS, holiday", CAPTION "ECAS Filing Date: 11/01/2025\n" TITLE SIGNED, "ecas", "2025-11-01",
         "2025-11-12", "moved 1 day past a weekend or holiday"},
        /* Thanksgiving 2025 is Nov 27: a stamp of Nov 17 runs to Fri Nov 28 */
        {"stamp, Thanksgiving", CAPTION "FILED NOV 17 2025\n" TITLE SIGNED, "received_stamp",
         "2025-11-17", "2025-11-28", "moved 1 day"},
        /* Christmas, Thursday: stamped Dec 15 -> Dec 25 closed -> Dec 26 */
        {"stamp, Christmas", CAPTION "RECEIVED\n15 DEC 2025\n" TITLE SIGNED, "received_stamp",
         "2025-12-15", "2025-12-26", "moved 1 day"},
        /* Only a hearing date: no filing date at all */
        {"hearing date only", CAPTION HEARING TITLE "Hearing Date: 12/02/2025\n", NULL, NULL, NULL,
         NULL},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        const clock_case *c = &cases[i];
        ms_extraction *x = extract(c->text);
        if (g_strcmp0(x->filed_kind, c->kind) != 0 || g_strcmp0(x->filed_date, c->filed) != 0 ||
            g_strcmp0(x->response_due, c->due) != 0 ||
            (c->basis_has && (!x->response_basis || !strstr(x->response_basis, c->basis_has))))
            g_error("%s: got kind %s, filed %s, due %s, basis '%s'", c->name, x->filed_kind,
                    x->filed_date, x->response_due, x->response_basis);
        /* the hearing is never a candidate */
        for (guint j = 0; j < x->date_candidates->len; j++) {
            const ms_date_candidate *d = &g_array_index(x->date_candidates, ms_date_candidate, j);
            if (strcmp(d->date, "2025-11-04") == 0 || strcmp(d->date, "2025-12-02") == 0)
                g_error("%s: the hearing date %s is a %s candidate", c->name, d->date, d->kind);
        }
        ms_extraction_free(x);
    }
}

/* Every candidate stays in the record with its evidence, whichever wins. */
static void test_candidates_kept(void)
{
    ms_extraction *x = extract("RECEIVED\nOCT 16 2025\n" CAPTION HEARING TITLE SIGNED SERVICE);
    const struct { const char *kind, *date, *rule; } want[] = {
        {"received_stamp", "2025-10-16", "received.stamp"},
        {"service", "2025-10-15", "filed.certificate"},
        {"signature", "2025-10-14", "filed.dated"},
    };
    g_assert_cmpuint(x->date_candidates->len, ==, G_N_ELEMENTS(want));
    for (gsize i = 0; i < G_N_ELEMENTS(want); i++) {
        const ms_date_candidate *c = candidate(x, want[i].kind);
        g_assert_nonnull(c);
        g_assert_cmpstr(c->date, ==, want[i].date);
        g_assert_nonnull(c->ev.rule);
        g_assert_cmpstr(c->ev.rule->id, ==, want[i].rule);
        g_assert_cmpint(c->ev.page, >=, 1);
        g_assert_nonnull(strstr(c->ev.text, want[i].kind[0] == 'r' ? "OCT 16 2025" : "October 1"));
    }
    /* filed_date's evidence is the winner's */
    gboolean found = FALSE;
    for (guint i = 0; i < x->evidence->len; i++) {
        const ms_evidence *e = &g_array_index(x->evidence, ms_evidence, i);
        if (strcmp(e->field, "filed_date") != 0) continue;
        found = TRUE;
        g_assert_cmpstr(e->value, ==, "2025-10-16");
        g_assert_cmpstr(e->rule->id, ==, "received.stamp");
    }
    g_assert_true(found);
    ms_extraction_free(x);
}

/* Detained: no date, but the basis still says from which filing date. */
static void test_detained(void)
{
    ms_extraction *x = extract("FILED OCT 16 2025\nIMMIGRATION COURT\nHOUSTON, TEXAS\nIn the "
                               "Matter of: DOE, Jane\nDETAINED\n" TITLE SIGNED);
    g_assert_true(x->has_deadline);
    g_assert_null(x->response_due);
    g_assert_cmpstr(x->filed_date, ==, "2025-10-16");
    g_assert_nonnull(strstr(x->response_basis, "immigration judge sets"));
    g_assert_nonnull(strstr(x->response_basis, "stamp, 2025-10-16"));
    ms_extraction_free(x);
}

/* Prose that says "filed" or "received" with a date is not a stamp. */
static void test_prose_not_stamp(void)
{
    ms_extraction *x = extract(CAPTION TITLE "The respondent filed a Form I-589 on April 2, 2025, "
                               "and received notice on March 11, 2025.\n" SIGNED);
    g_assert_cmpstr(x->filed_kind, ==, "signature");
    g_assert_null(candidate(x, "received_stamp"));
    ms_extraction_free(x);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/dates/clock-start", test_clock_start);
    g_test_add_func("/dates/candidates-kept", test_candidates_kept);
    g_test_add_func("/dates/detained", test_detained);
    g_test_add_func("/dates/prose-not-stamp", test_prose_not_stamp);
    return g_test_run();
}
