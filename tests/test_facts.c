/* Case facts: dates, times, citations, and the deadline arithmetic. */
#include <string.h>

#include "extractors/deadline.h"
#include "extractors/caption.h"
#include "extractors/extract.h"
#include "extractors/facts.h"
#include "tests/testutil.h"

typedef struct {
    const char *in, *out;
} pair;

static void check(char *(*f)(const char *, gsize), const pair *cases, gsize n)
{
    for (gsize i = 0; i < n; i++) {
        char *got = f(cases[i].in, strlen(cases[i].in));
        g_assert_cmpstr(got, ==, cases[i].out);
        g_free(got);
    }
}

static void test_dates(void)
{
    const pair cases[] = {
        {"October 21, 2025", "2025-10-21"}, {"Oct. 21, 2025", "2025-10-21"},
        {"21 October 2025", "2025-10-21"},  {"10/21/2025", "2025-10-21"},
        {"2025-10-21", "2025-10-21"},       {"14th day of October, 2025", "2025-10-14"},
        {"Sept. 3, 2025", "2025-09-03"},    {"February 30, 2025", NULL},
        {"13/01/2025", NULL},               {"To be set", NULL},
        /* as stamps print them */
        {"OCT 16 2025", "2025-10-16"},      {"16 OCT 2025", "2025-10-16"},
        {"10-16-2025", "2025-10-16"},       {"10.16.25", "2025-10-16"},
        {"10/16/25", "2025-10-16"},         {"2025.10.16", "2025-10-16"},
        {"Oct 16, 25", "2025-10-16"},       {"16OCT2025", "2025-10-16"},
    };
    check(ms_date_normalize, cases, G_N_ELEMENTS(cases));
}

static void test_times(void)
{
    const pair cases[] = {{"1:00 p.m.", "13:00"}, {"8:00 a.m.", "08:00"}, {"12:30 pm", "12:30"},
                          {"12:15 a.m.", "00:15"}, {"9 am", "09:00"},     {"14:05", "14:05"},
                          {"25:00", NULL}};
    check(ms_time_normalize, cases, G_N_ELEMENTS(cases));
}

static void test_authorities(void)
{
    const pair cases[] = {
        {"INA § 208(a)(2)(A)", "INA § 208(a)(2)(A)"},
        {"INA $ 208(a)(2)(A).", "INA § 208(a)(2)(A)"},
        {"INA S 240(c)(7)", "INA § 240(c)(7)"},
        {"8 U.S.C. § 1158(a)(2)(A)", "8 U.S.C. § 1158(a)(2)(A)"},
        {"8 USC 1231(b)(2)", "8 U.S.C. § 1231(b)(2)"},
        {"8 CER. § 1239.2(c)", "8 C.F.R. § 1239.2(c)"},
        {"8 C.F R. § 1240.10(f}", "8 C.F.R. § 1240.10(f)"},
        {"Matter of L-A-B-R-, 27 I&N Dec. 405 (A.G.\n2018)",
         "Matter of L-A-B-R-, 27 I&N Dec. 405 (A.G. 2018)"},
        {"Matter of  C-I-G-M- & L-V-S-G-, 29 I & N Dec. 291 (BIA 2025)",
         "Matter of C-I-G-M- & L-V-S-G-, 29 I&N Dec. 291 (BIA 2025)"},
        {"Matter of C-I-G-M- & L-V-S-G-, 29 1&N Dec.\n291 (BIA 2025)",
         "Matter of C-I-G-M- & L-V-S-G-, 29 I&N Dec. 291 (BIA 2025)"},
        /* every OCR form the rule accepts is mended, not only some */
        {"Matter of X-Y-, 28 |&N Dec. 1 (BIA 2020)", "Matter of X-Y-, 28 I&N Dec. 1 (BIA 2020)"},
        {"Matter of X-Y-, 28 l & N Dec. 1 (BIA 2020)", "Matter of X-Y-, 28 I&N Dec. 1 (BIA 2020)"},
        {"8 C.F R. § 1208.2(c)(1)", "8 C.F.R. § 1208.2(c)(1)"},
        {"INA § 240(b)(5)(C\\(ii)", "INA § 240(b)(5)(C)(ii)"},
    };
    check(ms_authority_normalize, cases, G_N_ELEMENTS(cases));
}

static void test_facts_from_text(void)
{
    ms_text *t = ms_test_text(
        "IMMIGRATION COURT\nATLANTA, GEORGIA\nIn the Matter of: DOE, Jane\nFile No.: A 212-345-678\n"
        "A 212-345-679\nIn Asylum-Only Proceedings\nImmigration Judge: Hon. Ana B. Cruz Next "
        "Hearing: November 4, 2025 at 1:00 p.m.\nDHS MOTION TO PRETERMIT\nUnder INA $ 208(a)(2)(A) "
        "and 8 CER. § 1240.11(h), and again INA § 208(a)(2)(A).\nDated: October 14, 2025\n");
    ms_matcher *m = ms_matcher_new();
    ms_extraction *x = ms_extract(ms_test_rules(), m, t);
    g_assert_cmpstr(x->judge, ==, "Ana B. Cruz");
    g_assert_cmpstr(x->hearing_date, ==, "2025-11-04");
    g_assert_cmpstr(x->hearing_time, ==, "13:00");
    g_assert_cmpstr(x->proceeding_type, ==, "asylum_only");
    g_assert_cmpstr(x->filed_date, ==, "2025-10-14");
    g_assert_cmpuint(x->a_numbers->len, ==, 2);
    g_assert_cmpstr(g_ptr_array_index(x->a_numbers, 1), ==, "212345679");
    g_assert_cmpuint(x->authorities->len, ==, 2); /* each citation once */
    g_assert_cmpstr(g_ptr_array_index(x->authorities, 0), ==, "INA § 208(a)(2)(A)");
    g_assert_cmpstr(g_ptr_array_index(x->authorities, 1), ==, "8 C.F.R. § 1240.11(h)");
    /* detention not stated: the non-detained rule, said so */
    g_assert_true(x->has_deadline);
    g_assert_cmpstr(x->response_due, ==, "2025-10-24");
    g_assert_nonnull(strstr(x->response_basis, "no DETAINED marker"));
    ms_extraction_free(x);
    ms_matcher_free(m);
    ms_text_free(t);
}

static void test_holidays(void)
{
    const struct { int y, m, d; gboolean holiday; } cases[] = {
        {2025, 1, 1, TRUE},   {2025, 1, 20, TRUE},  {2025, 2, 17, TRUE}, {2025, 5, 26, TRUE},
        {2025, 6, 19, TRUE},  {2025, 7, 4, TRUE},   {2025, 9, 1, TRUE},  {2025, 10, 13, TRUE},
        {2025, 11, 11, TRUE}, {2025, 11, 27, TRUE}, {2025, 12, 25, TRUE},
        {2026, 7, 3, TRUE},   /* July 4, 2026 is a Saturday: observed Friday */
        {2026, 7, 4, FALSE},  /* the Saturday itself is a weekend, not "the holiday" */
        {2027, 12, 31, TRUE}, /* Jan 1, 2028 is a Saturday: observed the Friday before */
        {2022, 12, 26, TRUE}, /* Christmas 2022 was a Sunday: observed Monday */
        {2025, 10, 14, FALSE}, {2025, 11, 28, FALSE},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        GDate d;
        g_date_clear(&d, 1);
        g_date_set_dmy(&d, (GDateDay)cases[i].d, (GDateMonth)cases[i].m, (GDateYear)cases[i].y);
        if (ms_is_federal_holiday(&d) != cases[i].holiday)
            g_error("%d-%02d-%02d: expected holiday=%d", cases[i].y, cases[i].m, cases[i].d,
                    cases[i].holiday);
    }
}

static void test_deadlines(void)
{
    char *path = g_build_filename(MS_TEST_RULES_DIR, "deadlines.conf", NULL);
    ms_deadlines *d = NULL;
    GString *diag = g_string_new(NULL);
    g_assert_true(ms_deadlines_load(path, &d, diag, NULL));
    const struct { const char *filed; int detained; const char *due; } cases[] = {
        {"2025-10-14", 0, "2025-10-24"},  /* Tue + 10 = Fri */
        {"2025-10-15", 0, "2025-10-27"},  /* lands on Saturday -> Monday */
        {"2025-06-09", 0, "2025-06-20"},  /* Juneteenth (Thu) -> Fri */
        {"2025-12-15", 0, "2025-12-26"},  /* Christmas (Thu) -> Fri */
        {"2025-11-01", 0, "2025-11-12"},  /* Veterans Day (Tue) -> Wed */
        {"2025-08-22", 0, "2025-09-02"},  /* Labor Day (Mon) -> Tue */
        {"2026-06-23", 0, "2026-07-06"},  /* Fri Jul 3 observed, then the weekend -> Mon */
        {"2025-11-17", 0, "2025-11-28"},  /* Thanksgiving (Thu) -> Fri */
        {"2025-10-14", -1, "2025-10-24"}, /* not stated: the non-detained rule */
        {"2025-10-14", 1, NULL},          /* detained: the court sets it */
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *due = NULL, *basis = NULL;
        g_assert_true(ms_deadline_compute(d, "pretermit", cases[i].filed, "signature", cases[i].detained, &due,
                                          &basis));
        g_assert_cmpstr(due, ==, cases[i].due);
        g_assert_nonnull(basis);
        g_free(due);
        g_free(basis);
    }
    char *due = NULL, *basis = NULL;
    g_assert_false(ms_deadline_compute(d, "order", "2025-10-14", "signature", 0, &due, &basis));
    g_assert_false(ms_deadline_compute(d, "pretermit", NULL, "signature", 0, &due, &basis));
    g_assert_null(due);
    ms_deadlines_free(d);

    /* The policy is data: another file, other days, an extra closure. */
    char *dir = g_dir_make_tmp("ms-deadline-XXXXXX", NULL);
    char *custom = g_build_filename(dir, "deadlines.conf", NULL);
    g_assert_true(g_file_set_contents(custom,
        "[deadlines]\nmotion_types=pretermit\nextra_holidays=2025-10-29\n"
        "[non_detained]\ndays=15\nbasis=fifteen days\n[detained]\ndays=5\nbasis=five days\n"
        "[not_stated]\ndays=15\nbasis=fifteen days\n", -1, NULL));
    g_assert_true(ms_deadlines_load(custom, &d, diag, NULL));
    g_assert_true(ms_deadline_compute(d, "pretermit", "2025-10-14", "signature", 0, &due, &basis));
    g_assert_cmpstr(due, ==, "2025-10-30"); /* the 29th is closed */
    g_assert_nonnull(strstr(basis, "fifteen days"));
    g_free(due), g_free(basis);
    g_assert_true(ms_deadline_compute(d, "pretermit", "2025-10-14", "signature", 1, &due, &basis));
    g_assert_cmpstr(due, ==, "2025-10-20"); /* the 19th is a Sunday */
    g_free(due), g_free(basis);
    ms_deadlines_free(d);

    /* Bad policies are refused with a message naming the problem. */
    g_assert_true(g_file_set_contents(custom, "[deadlines]\nmotion_types=x\n"
                                      "[detained]\ndays=-3\nbasis=b\n", -1, NULL));
    g_string_truncate(diag, 0);
    g_assert_false(ms_deadlines_load(custom, &d, diag, NULL));
    g_assert_nonnull(strstr(diag->str, "[detained] days must be 0-365"));
    g_assert_true(g_file_set_contents(custom, "[deadlines]\nmotion_types=x\nextra_holidays=tomorrow\n"
        "[detained]\ndays=0\nbasis=b\n[non_detained]\ndays=1\nbasis=b\n[not_stated]\ndays=1\n"
        "basis=b\n", -1, NULL));
    g_string_truncate(diag, 0);
    g_assert_false(ms_deadlines_load(custom, &d, diag, NULL));
    g_assert_nonnull(strstr(diag->str, "'tomorrow' is not YYYY-MM-DD"));
    g_assert_true(g_file_set_contents(custom, "[deadlines]\nmotion_types=x\n", -1, NULL));
    g_string_truncate(diag, 0);
    g_assert_false(ms_deadlines_load(custom, &d, diag, NULL));
    g_assert_nonnull(strstr(diag->str, "detained"));
    g_free(custom);
    g_free(dir);
    g_free(path);
    g_string_free(diag, TRUE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/facts/dates", test_dates);
    g_test_add_func("/facts/times", test_times);
    g_test_add_func("/facts/authorities", test_authorities);
    g_test_add_func("/facts/from-text", test_facts_from_text);
    g_test_add_func("/facts/holidays", test_holidays);
    g_test_add_func("/facts/deadlines", test_deadlines);
    return g_test_run();
}
