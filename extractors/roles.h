/* roles — country roles decided by the cues inside each mention's clause
 * (clause_role rules), and lists that OCR punctuation broke.  See roles.c.
 *
 * Ownership: works in place on `mentions` (the extraction's ms_mention
 * array); nothing to free.
 */
#ifndef MS_ROLES_H
#define MS_ROLES_H

#include "extractors/countries.h"
#include "extractors/sections.h"

void ms_roles_by_clause(const ms_ruleset *rs, ms_matcher *m, const ms_text *t, const char *marked,
                        const ms_sections *sec, GArray *mentions);

#endif
