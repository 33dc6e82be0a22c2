/* Helpers shared by the unit tests.
 *
 * Ownership: ms_test_text() returns a text freed with ms_text_free();
 * ms_test_rules() returns the bundled rules, loaded once, borrowed (freed at
 * exit). */
#ifndef MS_TESTUTIL_H
#define MS_TESTUTIL_H

#include <glib.h>

#include "extractors/ruleset.h"
#include "pipeline/base/text.h"

/* ms_text_from_plain(). */
ms_text *ms_test_text(const char *s);

/* The bundled rules (MS_TEST_RULES_DIR), loaded once per test program. */
const ms_ruleset *ms_test_rules(void);

#endif
