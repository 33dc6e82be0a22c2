#include <glib/gstdio.h>
#include <string.h>

#include "extractors/rule_test.h"
#include "extractors/ruleset.h"
#include "pipeline/base/ms_error.h"
#include "tests/testutil.h"

static void copy_bundled(const char *dir, const char *name)
{
    char *src = g_build_filename(MS_TEST_RULES_DIR, name, NULL);
    char *dst = g_build_filename(dir, name, NULL);
    char *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(src, &data, &len, NULL));
    g_assert_true(g_file_set_contents(dst, data, (gssize)len, NULL));
    g_free(data);
    g_free(src);
    g_free(dst);
}

/* A rules folder holding the bundled gazetteer, US states, fuzzy-name tables
 * and one rule file. */
static char *rules_dir_with(const char *rules_text)
{
    char *dir = g_dir_make_tmp("ms-rules-XXXXXX", NULL);
    copy_bundled(dir, "countries.tsv");
    copy_bundled(dir, "us_states.tsv");
    copy_bundled(dir, "fuzzy.conf");
    char *rpath = g_build_filename(dir, "t.rules", NULL);
    g_assert_true(g_file_set_contents(rpath, rules_text, -1, NULL));
    g_free(rpath);
    return dir;
}

static char *load_diag(const char *rules_text, gboolean *ok)
{
    char *dir = rules_dir_with(rules_text);
    GString *diag = g_string_new(NULL);
    ms_ruleset *rs = NULL;
    GError *err = NULL;
    *ok = ms_ruleset_load(dir, &rs, diag, &err);
    if (!*ok) g_assert_error(err, MS_ERROR, MS_ERR_RULES);
    g_clear_error(&err);
    ms_ruleset_free(rs);
    /* Report paths relative to the folder so the test can compare them. */
    char *prefix = g_strconcat(dir, "/", NULL);
    char **parts = g_strsplit(diag->str, prefix, -1);
    char *out = g_strjoinv("", parts);
    g_strfreev(parts);
    g_free(prefix);
    g_string_free(diag, TRUE);
    g_free(dir);
    return out;
}

/* Without DIR/us_states.tsv the rules do not load, and the message names it;
 * a bad line is reported with its line number. */
static void test_us_states_required(void)
{
    char *dir = rules_dir_with("[rule r]\nfield = filer\nvalue = dhs\npattern = \\bDHS\\b\n");
    char *path = g_build_filename(dir, "us_states.tsv", NULL);
    const char *bad[] = {NULL, "# states\nGA\tGeorgia\nGeorgia\n"};
    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
        if (bad[i]) g_assert_true(g_file_set_contents(path, bad[i], -1, NULL));
        else g_assert_cmpint(g_remove(path), ==, 0);
        GString *diag = g_string_new(NULL);
        ms_ruleset *rs = NULL;
        GError *err = NULL;
        g_assert_false(ms_ruleset_load(dir, &rs, diag, &err));
        g_assert_error(err, MS_ERROR, MS_ERR_RULES);
        g_assert_nonnull(strstr(diag->str, bad[i] ? "us_states.tsv:3: error:" : "us_states.tsv"));
        g_clear_error(&err);
        g_string_free(diag, TRUE);
    }
    g_free(path);
    g_free(dir);
}

static void test_pcre2_error_has_column_and_caret(void)
{
    gboolean ok;
    char *d = load_diag("[rule r1]\nfield = filer\nvalue = dhs\npattern = ab(c\n", &ok);
    g_assert_false(ok);
    g_assert_cmpstr(d, ==,
                    "t.rules:4:15: error: missing closing parenthesis\n"
                    "  pattern = ab(c\n"
                    "                ^\n");
    g_free(d);
}

static void test_error_inside_macro_points_at_reference(void)
{
    gboolean ok;
    char *d = load_diag("[macro M]\npattern = (?<x\n\n[rule r1]\nfield = filer\nvalue = dhs\n"
                        "pattern = abc{{M}}\n",
                        &ok);
    g_assert_false(ok);
    g_assert_nonnull(strstr(d, "t.rules:7:14: error: "));
    g_assert_nonnull(strstr(d, "(inside macro 'M')"));
    g_free(d);
}

static void test_semantic_errors(void)
{
    gboolean ok;
    char *d = load_diag("[rule a]\nfield = filr\nvalue = dhs\npattern = x\n"
                        "[rule a]\nfield = filer\nvalue = dhs\npattern = y\n"
                        "[rule b]\nfield = motion_type\nvalue = pretermitt\npattern = z\n"
                        "[rule c]\nfield = a_number\nvalue = ${nope}\npattern = (?<num>1)\n"
                        "[rule d]\nfield = filer\nvalue = dhs\nscope = titel\nweight = heavy\n"
                        "colour = red\npattern = {{MISSING}}\n"
                        "[macro UNUSED]\npattern = q\n",
                        &ok);
    g_assert_false(ok);
    const char *expect[] = {
        "t.rules:2:9: error: unknown field 'filr'",
        "t.rules:5: error: rule id 'a' is already used at",
        "t.rules:9: error: rule 'b': value 'pretermitt' is not one of pretermit, dismiss",
        "t.rules:13: error: rule 'c': value ${nope} names no group of the pattern",
        "t.rules:20:9: error: unknown scope 'titel'",
        "t.rules:21:10: error: weight must be a whole number",
        "t.rules:22:1: error: unknown key 'colour'",
        "t.rules:23:11: error: unknown macro 'MISSING'",
        "t.rules:25: warning: macro 'UNUSED' is never used",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(expect); i++) {
        if (!strstr(d, expect[i])) g_test_message("diagnostics were:\n%s", d);
        g_assert_nonnull(strstr(d, expect[i]));
    }
    g_free(d);
}

static void test_examples_are_checked(void)
{
    char *dir = rules_dir_with("[rule r]\nfield = filer\nvalue = dhs\npattern = \\bDHS\\b\n"
                               "example = DHS MOTION\nexample = D.H.S. MOTION\ncounter = DHSX\n"
                               "counter = the DHS\n");
    GString *diag = g_string_new(NULL);
    ms_ruleset *rs = NULL;
    g_assert_true(ms_ruleset_load(dir, &rs, diag, NULL));
    ms_matcher *m = ms_matcher_new();
    int checked = 0;
    int failed = ms_ruleset_test(rs, m, diag, &checked);
    g_assert_cmpint(checked, ==, 4);
    g_assert_cmpint(failed, ==, 2);
    g_assert_nonnull(strstr(diag->str, "does not match its example: \"D.H.S. MOTION\""));
    g_assert_nonnull(strstr(diag->str, "matches its counter-example: \"the DHS\""));
    ms_matcher_free(m);
    ms_ruleset_free(rs);
    g_string_free(diag, TRUE);
    g_free(dir);
}

/* A catastrophic pattern stops at PCRE2's limits instead of hanging. */
static void test_match_limit(void)
{
    char *dir = rules_dir_with("[rule r]\nfield = filer\nvalue = dhs\npattern = ^(\\w+\\s?)*$\n");
    GString *diag = g_string_new(NULL);
    ms_ruleset *rs = NULL;
    g_assert_true(ms_ruleset_load(dir, &rs, diag, NULL));
    GString *subject = g_string_new(NULL);
    for (int i = 0; i < 200; i++) g_string_append(subject, "word ");
    g_string_append(subject, "!");
    ms_matcher *m = ms_matcher_new();
    GArray *hits = g_array_new(FALSE, FALSE, sizeof(ms_match));
    gint64 t0 = g_get_monotonic_time();
    gboolean complete = ms_rule_match_all(ms_ruleset_rule(rs, 0), m, subject->str, 0, subject->len, hits);
    g_assert_false(complete);
    g_assert_cmpuint(hits->len, ==, 0);
    g_assert_cmpint(g_get_monotonic_time() - t0, <, 30 * G_USEC_PER_SEC);
    g_array_free(hits, TRUE);
    ms_matcher_free(m);
    ms_ruleset_free(rs);
    g_string_free(subject, TRUE);
    g_string_free(diag, TRUE);
    g_free(dir);
}

static void test_bundled_rules_load(void)
{
    const ms_ruleset *rs = ms_test_rules();
    g_assert_cmpuint(ms_ruleset_size(rs), >, 30);
    g_assert_cmpuint(ms_gazetteer_size(ms_ruleset_gazetteer(rs)), >=, 249);
    g_assert_cmpuint(ms_ruleset_for_field(rs, "motion_type")->len, >=, 13);
    g_assert_cmpuint(ms_ruleset_for_field(rs, "no_such_field")->len, ==, 0);
}

/* Rules from memory (the fuzz target's entry): the text replaces the folder's
 * rule files, diagnostics name it, and a NUL byte is invalid UTF-8. */
static void test_load_text(void)
{
    GString *diag = g_string_new(NULL);
    ms_ruleset *rs = NULL;
    const char bad[] = "[rule x]\nfield = filer\nvalue = dhs\npattern = (\n";
    g_assert_false(ms_ruleset_load_text(MS_TEST_RULES_DIR, "mem.rules", bad, sizeof bad - 1, &rs,
                                        diag, NULL));
    g_assert_nonnull(strstr(diag->str, "mem.rules:4:"));
    const char good[] = "[rule y]\nfield = filer\nvalue = dhs\npattern = \\bDHS\\b\n"
                        "example = DHS motion\n";
    g_assert_true(ms_ruleset_load_text(MS_TEST_RULES_DIR, "mem.rules", good, sizeof good - 1, &rs,
                                       diag, NULL));
    g_assert_cmpuint(ms_ruleset_size(rs), ==, 1);
    ms_matcher *m = ms_matcher_new();
    g_assert_cmpint(ms_ruleset_test(rs, m, diag, NULL), ==, 0);
    ms_matcher_free(m);
    ms_ruleset_free(rs);
    rs = NULL;
    g_string_truncate(diag, 0);
    const char nul[] = "[rule z]\0field = filer\n";
    g_assert_false(ms_ruleset_load_text(MS_TEST_RULES_DIR, "mem.rules", nul, sizeof nul - 1, &rs,
                                        diag, NULL));
    g_assert_nonnull(strstr(diag->str, "mem.rules:1: error: the file is not valid UTF-8"));
    g_string_free(diag, TRUE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/rules/pcre2-error-column", test_pcre2_error_has_column_and_caret);
    g_test_add_func("/rules/us-states-required", test_us_states_required);
    g_test_add_func("/rules/error-inside-macro", test_error_inside_macro_points_at_reference);
    g_test_add_func("/rules/semantic-errors", test_semantic_errors);
    g_test_add_func("/rules/examples-checked", test_examples_are_checked);
    g_test_add_func("/rules/match-limit", test_match_limit);
    g_test_add_func("/rules/bundled", test_bundled_rules_load);
    g_test_add_func("/rules/load-text", test_load_text);
    return g_test_run();
}
