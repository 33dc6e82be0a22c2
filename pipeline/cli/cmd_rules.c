/* motionscan rules check|test [DIR]: compile the rules; run their examples. */
#include <stdio.h>
#include <string.h>

#include "extractors/rule_test.h"
#include "extractors/ruleset.h"
#include "pipeline/cli/cli.h"
#include "pipeline/cli/rule_cases.h"

int ms_cmd_rules(int argc, char **argv)
{
    if (argc < 2 || (strcmp(argv[1], "check") != 0 && strcmp(argv[1], "test") != 0)) {
        fprintf(stderr, "usage: motionscan rules check|test [DIR]\n");
        return EXIT_USAGE;
    }
    const char *dir = ms_cli_rules_dir(argc > 2 ? argv[2] : NULL);
    ms_ruleset *rs = ms_cli_load_rules(dir, TRUE);
    if (!rs) return EXIT_USAGE;
    int status = 0;
    if (strcmp(argv[1], "check") == 0) {
        printf("%s: %u rules, %u countries: ok\n", dir, ms_ruleset_size(rs),
               ms_gazetteer_size(ms_ruleset_gazetteer(rs)));
    } else {
        GString *diag = g_string_new(NULL);
        ms_matcher *m = ms_matcher_new();
        int checked = 0, failed = ms_ruleset_test(rs, m, diag, &checked);
        ms_case_stats cs = {0};
        int case_failed = ms_rule_cases_run(rs, m, dir, diag, &cs);
        fputs(diag->str, stderr);
        printf("%d passed, %d failed\n", checked - failed, failed);
        printf("text cases: %d files, %d cases, %d checks: %d failed\n", cs.files, cs.cases,
               cs.checks, case_failed);
        failed += case_failed;
        ms_matcher_free(m);
        g_string_free(diag, TRUE);
        status = failed ? 1 : 0;
    }
    ms_ruleset_free(rs);
    return status;
}
