/* rule_test — every rule's examples and counter-examples, run against the
 * compiled rules (motionscan rules test).
 *
 * Ownership: lines are appended to the caller's `diag`.
 */
#ifndef MS_RULE_TEST_H
#define MS_RULE_TEST_H

#include <glib.h>

#include "extractors/ruleset.h"

/* Run every rule's examples and counter-examples; append a line per failure
 * to `diag`.  Returns the number of failures. */
int ms_ruleset_test(const ms_ruleset *rs, ms_matcher *m, GString *diag, int *n_checked);

#endif
