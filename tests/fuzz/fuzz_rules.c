/* fuzz_rules — the rule-file parser and compiler on arbitrary text.
 *
 * The input is one rule file (ms_ruleset_load_text); the gazetteer, the US
 * states and the deadline policy come from fuzz/fixture/ (five countries, three
 * states), which loads in well under a millisecond.  A set that loads is then run on its own
 * examples and counter-examples (ms_ruleset_test), so the match limits are
 * exercised on whatever patterns the fuzzer writes.
 */
#include <glib.h>

#include "extractors/rule_test.h"
#include "extractors/ruleset.h"
#include "tests/fuzz/fuzz.h"

/* Bigger inputs add nothing but time (PCRE2 compiles each pattern). */
#define FUZZ_MAX_INPUT 16384

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT) return 0;
    GString *diag = g_string_new(NULL);
    ms_ruleset *rs = NULL;
    if (ms_ruleset_load_text(MS_FUZZ_FIXTURE_DIR, "fuzz.rules", (const char *)data, size, &rs,
                             diag, NULL)) {
        ms_matcher *m = ms_matcher_new();
        int checked = 0;
        ms_ruleset_test(rs, m, diag, &checked);
        ms_matcher_free(m);
        ms_ruleset_free(rs);
    }
    g_string_free(diag, TRUE);
    return 0;
}
