#include "tests/testutil.h"

#include <stdio.h>
#include <string.h>

ms_text *ms_test_text(const char *s)
{
    return ms_text_from_plain(s);
}

static ms_ruleset *rules;

static void free_rules(void)
{
    ms_ruleset_free(rules);
}

const ms_ruleset *ms_test_rules(void)
{
    if (rules) return rules;
    GString *diag = g_string_new(NULL);
    GError *err = NULL;
    if (!ms_ruleset_load(MS_TEST_RULES_DIR, &rules, diag, &err)) {
        fprintf(stderr, "%s%s\n", diag->str, err->message);
        g_assert_not_reached();
    }
    g_string_free(diag, TRUE);
    atexit(free_rules);
    return rules;
}
