/* rule_cases — rules tested by what they extract.
 *
 * DIR/tests/NAME.cases hold text cases: a text in, the record's fields out.
 *
 *   # a comment
 *   [case mpp.citation_between]
 *   > The Respondent will be returned to Mexico pursuant to section
 *   > 235(b)(2)(C) of the Act to await his next hearing.
 *   .removal_countries[].code == []
 *   .country_mentions[code=="MX"].role == ["mpp_return"]
 *
 * Lines starting with '>' are the text (one space after '>' is dropped; a line
 * ">>>" starts a new page).  Every other line is a check: a jq-style path
 * (see jpath.h), "==" or "!=", and a JSON value.  Each case is run through
 * ms_extract() as `run --text` would, its record built, and every check
 * compared; a failure is reported as
 *   rules/tests/mpp.cases:6: error: case 'mpp.citation_between': .removal_countries[].code: expected [], got ["MX"]
 *
 * Ownership: the caller owns `rs`, `m` and `diag`; nothing is returned to free.
 */
#ifndef MS_RULE_CASES_H
#define MS_RULE_CASES_H

#include <glib.h>

#include "extractors/ruleset.h"

typedef struct {
    int files, cases, checks, failed; /* failed counts checks and malformed lines */
} ms_case_stats;

/* Run every DIR/tests/NAME.cases file (in name order); append a line per failure
 * to `diag`.  A folder without tests/ runs nothing.  Returns the number of
 * failures (stats->failed). */
int ms_rule_cases_run(const ms_ruleset *rs, ms_matcher *m, const char *dir, GString *diag,
                      ms_case_stats *stats);

#endif
