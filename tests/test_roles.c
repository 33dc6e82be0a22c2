/* Roles by clause, the A-number vote, fuzzy country names, jq-style paths and
 * the warnings a bounded match leaves in the record. */
#include <string.h>

#include "extractors/anumber.h"
#include "extractors/clauses.h"
#include "extractors/countries.h"
#include "extractors/fuzzy.h"
#include "extractors/extract.h"
#include "pipeline/document/jpath.h"
#include "pipeline/base/limits.h"
#include "tests/testutil.h"

static ms_extraction *extract_with(const ms_ruleset *rs, const char *text)
{
    ms_text *t = ms_test_text(text);
    ms_matcher *m = ms_matcher_new();
    ms_extraction *x = ms_extract(rs, m, t);
    ms_matcher_free(m);
    ms_text_free(t);
    return x;
}

static char *clause_texts(const char *s)
{
    GArray *c = ms_clauses_split(s, 0, strlen(s), NULL);
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < c->len; i++) {
        const ms_clause *k = &g_array_index(c, ms_clause, i);
        char *piece = g_strstrip(g_strndup(s + k->start, k->end - k->start));
        g_string_append_printf(out, "%s[%s]", i ? " " : "", piece);
        g_free(piece);
    }
    g_array_free(c, TRUE);
    return g_string_free(out, FALSE);
}

static void test_clauses(void)
{
    char *got = clause_texts("He was removed to Mexico. DHS moves under 8 U.S.C. § 1158 and\n"
                             "Matter of X, 29 I&N Dec. 291; Mr. Lopez objects");
    g_assert_cmpstr(got, ==, "[He was removed to Mexico.] [DHS moves under 8 U.S.C. § 1158 and\n"
                             "Matter of X, 29 I&N Dec. 291;] [Mr. Lopez objects]");
    g_free(got);
    got = clause_texts("DHS NOTICE\nThe respondent will be\nreturned. Next");
    g_assert_cmpstr(got, ==, "[DHS NOTICE] [The respondent will be\nreturned.] [Next]");
    g_free(got);
}

static void test_clause_list_joins(void)
{
    const char *s = "subject to three agreements. Paraguay, Uganda, Honduras. Then";
    GArray *names = g_array_new(FALSE, FALSE, sizeof(ms_clause));
    const char *words[] = {"Paraguay", "Uganda", "Honduras"};
    for (int i = 0; i < 3; i++) {
        gsize a = (gsize)(strstr(s, words[i]) - s);
        g_array_append_val(names, ((ms_clause){a, a + strlen(words[i])}));
    }
    GArray *c = ms_clauses_split(s, 0, strlen(s), names);
    g_assert_cmpuint(c->len, ==, 2);
    g_assert_cmpuint(g_array_index(c, ms_clause, 0).end, ==, (gsize)(strstr(s, " Then") - s));
    g_array_free(c, TRUE);
    g_array_free(names, TRUE);
}

static void test_anumber_normalize(void)
{
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"Q19-196-520", "019196520"}, {"298-170-36]", "298170361"}, {"2S4-819-706", "254819706"},
        {"285- 253- 87", NULL},       {"93-456-789", "093456789"},  {"21234567", "021234567"},
        {"2S4-B19-Z06", NULL},        {"XXX-XXX-702", NULL},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = ms_anumber_normalize(cases[i].in, strlen(cases[i].in));
        g_assert_cmpstr(got, ==, cases[i].want);
        g_free(got);
    }
}

static void test_fuzzy_gates(void)
{
    const ms_gazetteer *g = ms_ruleset_gazetteer(ms_test_rules());
    static const struct {
        const char *in, *code; /* code NULL: no match */
    } cases[] = {
        {"Colombra", "CO"}, {"Turkcy", "TR"}, {"Democratic Republig of the Congo", "CD"},
        {"Guaternala", "GT"}, {"Nigcr", NULL}, {"Nigena", NULL}, {"Columbia", NULL},
        {"Irau", NULL},       {"Smithson", NULL},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        const ms_country *c = ms_gazetteer_lookup_fuzzy(g, ms_ruleset_fuzzy(ms_test_rules()),
                                                        cases[i].in, strlen(cases[i].in));
        g_assert_cmpstr(c ? c->code : NULL, ==, cases[i].code);
    }
}

static void test_jpath(void)
{
    JsonNode *root = json_from_string(
        "{\"a\":{\"b\":1},\"l\":[{\"r\":\"x\",\"c\":\"HN\"},{\"r\":\"y\",\"c\":\"MX\"}]}", NULL);
    static const struct {
        const char *path, *want;
    } cases[] = {
        {".a.b", "1"},           {".a.zz", "null"},           {".l[].c", "[\"HN\",\"MX\"]"},
        {".l[r==\"y\"].c", "[\"MX\"]"}, {".l[r!=\"y\"].c", "[\"HN\"]"}, {".l[1].r", "\"y\""},
        {".l[r==\"z\"]", "[]"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *err = NULL;
        JsonNode *got = ms_jpath_eval(root, cases[i].path, &err);
        g_assert_null(err);
        char *s = json_to_string(got, FALSE);
        g_assert_cmpstr(s, ==, cases[i].want);
        g_free(s);
        json_node_unref(got);
    }
    char *err = NULL;
    g_assert_null(ms_jpath_eval(root, "a.b", &err));
    g_assert_nonnull(strstr(err, "starts with '.'"));
    g_free(err);
    json_node_unref(root);
}

/* A text that names a country more often than a rule keeps matches: every
 * mention is still there, and a rule with too many matches says so. */
static void test_many_mentions_and_cap(void)
{
    GString *s = g_string_new("DHS MOTION TO PRETERMIT\n");
    for (int i = 0; i < MS_MAX_MATCHES_PER_RULE + 44; i++)
        g_string_append(s, "Agreements with Honduras. ");
    ms_extraction *x = extract_with(ms_test_rules(), s->str);
    g_assert_cmpuint(x->mentions->len, ==, MS_MAX_MATCHES_PER_RULE + 44);
    gboolean capped = FALSE;
    for (guint i = 0; i < x->warnings->len; i++) {
        const ms_warning *w = &g_array_index(x->warnings, ms_warning, i);
        if (strcmp(w->code, "match_cap") == 0 &&
            strcmp(w->rule->id, "role.background.agreements_with") == 0)
            capped = TRUE;
    }
    g_assert_true(capped);
    ms_extraction_free(x);
    g_string_free(s, TRUE);
}

static void test_match_limit_warns(void)
{
    static const char rules[] = "[rule slow.pattern]\n"
                                "field   = judge\n"
                                "value   = ${name}\n"
                                "pattern = (?<name>(?:a|aa)+)+$\n";
    ms_ruleset *rs = NULL;
    GString *diag = g_string_new(NULL);
    GError *err = NULL;
    g_assert_true(ms_ruleset_load_text(MS_TEST_RULES_DIR, "slow.rules", rules, sizeof rules - 1,
                                       &rs, diag, &err));
    GString *s = g_string_new(NULL);
    for (int i = 0; i < 60; i++) g_string_append_c(s, 'a');
    g_string_append(s, "b\n");
    ms_extraction *x = extract_with(rs, s->str);
    g_assert_cmpuint(x->warnings->len, >=, 1);
    const ms_warning *w = &g_array_index(x->warnings, ms_warning, 0);
    g_assert_cmpstr(w->code, ==, "match_limit");
    g_assert_cmpstr(w->rule->id, ==, "slow.pattern");
    g_assert_nonnull(strstr(w->message, "stopped early"));
    ms_extraction_free(x);
    g_string_free(s, TRUE);
    g_string_free(diag, TRUE);
    ms_ruleset_free(rs);
}

/* Bytes that are not UTF-8 (a bit flipped in a transcript) and a window that
 * cuts a character in two must not reach a UTF-8 matcher. */
static void test_invalid_utf8(void)
{
    GString *s = g_string_new("DHS MOTION TO PRETERMIT\n");
    for (int i = 0; i < 40; i++) g_string_append(s, "M\xc3\xa9xico ");
    g_string_append(s, "removed to \xff\xc3 Colombra, citizen of \xa9 Turkcy.\n");
    ms_extraction *x = extract_with(ms_test_rules(), s->str);
    g_assert_nonnull(x);
    ms_extraction_free(x);
    g_string_free(s, TRUE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/roles/clauses", test_clauses);
    g_test_add_func("/roles/clause-list-joins", test_clause_list_joins);
    g_test_add_func("/roles/anumber-normalize", test_anumber_normalize);
    g_test_add_func("/roles/fuzzy-gates", test_fuzzy_gates);
    g_test_add_func("/roles/jpath", test_jpath);
    g_test_add_func("/roles/many-mentions-and-cap", test_many_mentions_and_cap);
    g_test_add_func("/roles/match-limit-warns", test_match_limit_warns);
    g_test_add_func("/roles/invalid-utf8", test_invalid_utf8);
    return g_test_run();
}
