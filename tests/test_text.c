#include <string.h>

#include "pipeline/base/text.h"
#include "tests/testutil.h"

static void test_normalize(void)
{
    const struct { const char *in, *out; } cases[] = {
        {"\xef\xac\x81led", "filed"},                     /* ﬁ ligature */
        {"\xe2\x80\x9cquoted\xe2\x80\x9d", "\"quoted\""}, /* curly double quotes */
        {"DEPARTMENT\xe2\x80\x99S", "DEPARTMENT'S"},      /* curly apostrophe */
        {"Chief Counsel \xe2\x80\x93 Atlanta", "Chief Counsel - Atlanta"}, /* en dash */
        {"A\xe2\x80\x94" "212", "A-212"},                    /* em dash */
        {"Hon\xc2\xad" "duras", "Honduras"},              /* soft hyphen */
        {"M\xc3\xa9xico", "M\xc3\xa9xico"},               /* accents kept */
        {"bad\xff", "bad\xef\xbf\xbd"},                   /* invalid UTF-8 replaced */
        {"'Honduras", "Honduras"},                        /* leading quote debris */
        {"\"of", "of"},
        {"-order", "order"},                              /* a bullet */
        {"RESPONDENT'S", "RESPONDENT'S"},
        {"-", "-"},                                       /* a lone dash stays a dash */
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = ms_text_normalize_word(cases[i].in);
        g_assert_cmpstr(got, ==, cases[i].out);
        g_free(got);
    }
}

static void test_debris(void)
{
    const char *debris[] = {"|", "'", ".", "_", "--", "\xc2\xb0", "\xc2\xa9", ",.", NULL};
    const char *words[] = {"a", "1", "&", "\xc2\xa7", "$", "A#", "/s/", "(b)", NULL};
    for (int i = 0; debris[i]; i++) g_assert_true(ms_text_is_debris(debris[i]));
    for (int i = 0; words[i]; i++) g_assert_false(ms_text_is_debris(words[i]));
    ms_text *t = ms_test_text("subject . to | three");
    g_assert_cmpstr(t->str->str, ==, "subject to three");
    ms_text_free(t);
}

static void test_layout(void)
{
    ms_text *t = ms_test_text("ONE two\nthree\ffour");
    g_assert_cmpstr(t->str->str, ==, "ONE two\nthree\n\nfour");
    g_assert_cmpuint(t->lines->len, ==, 3);
    g_assert_cmpuint(t->pages->len, ==, 2);
    g_assert_cmpint(ms_text_page_at(t, 0), ==, 1);
    g_assert_cmpint(ms_text_page_at(t, strlen("ONE two\nthree\n\nf")), ==, 2);
    ms_text_free(t);
}

static void test_hyphenation(void)
{
    ms_text *t = ms_test_text("removed to Hon-\nduras and Guinea-\nBissau or well-\n- dash");
    /* "well-" before a non-letter is no hyphenation; a lone "-" is debris. */
    g_assert_cmpstr(t->str->str, ==, "removed to Honduras and Guinea-Bissau or well-\ndash");
    /* The joined word maps to both halves, on two lines. */
    const char *s = strstr(t->str->str, "Honduras");
    int page;
    float box[4], conf;
    g_assert_true(ms_text_locate(t, s - t->str->str, s - t->str->str + 8, &page, box, &conf));
    g_assert_cmpint(page, ==, 1);
    g_assert_cmpfloat(box[1], ==, 0.0f);  /* top of line 0 */
    g_assert_cmpfloat(box[3], ==, 90.0f); /* bottom of line 1 */
    g_assert_cmpfloat(conf, ==, -1.0f);
    ms_text_free(t);
}

static void test_hyphenation_across_pages(void)
{
    ms_text *t = ms_test_text("to Guate-\fmala now");
    g_assert_cmpstr(t->str->str, ==, "to Guatemala now");
    ms_text_free(t);
}

/* A speck read as a word after the hyphen ("Domi- ." at a line's end) is
 * debris: the hyphenation still joins, and a real word after the hyphen on
 * the same line still stops it. */
static void test_hyphenation_past_debris(void)
{
    ms_text *t = ms_test_text("of the Domi- .\nnivan Republic and well- known\nwords");
    g_assert_cmpstr(t->str->str, ==, "of the Dominivan Republic and well- known\nwords");
    ms_text_free(t);
}

static void test_locate_separators(void)
{
    ms_text *t = ms_test_text("a b");
    int page;
    float box[4], conf;
    g_assert_false(ms_text_locate(t, 1, 2, &page, box, &conf)); /* the space alone */
    g_assert_true(ms_text_locate(t, 0, 3, &page, box, &conf));
    g_assert_cmpfloat(box[0], ==, 0.0f);
    g_assert_cmpfloat(box[2], ==, 190.0f);
    ms_text_free(t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/text/normalize", test_normalize);
    g_test_add_func("/text/layout", test_layout);
    g_test_add_func("/text/debris", test_debris);
    g_test_add_func("/text/hyphenation", test_hyphenation);
    g_test_add_func("/text/hyphenation-across-pages", test_hyphenation_across_pages);
    g_test_add_func("/text/hyphenation-past-debris", test_hyphenation_past_debris);
    g_test_add_func("/text/locate-separators", test_locate_separators);
    return g_test_run();
}
