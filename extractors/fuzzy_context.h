/* fuzzy_context — where a country is expected, read damaged names by edit
 * distance (see fuzzy.c, ms_gazetteer_lookup_fuzzy()).
 *
 * Ownership: appends to `spans` (ms_span) in place; nothing to free.
 */
#ifndef MS_FUZZY_CONTEXT_H
#define MS_FUZZY_CONTEXT_H

#include "extractors/ruleset.h"

/* Add a fuzzy span for each run of 1-6 capitalised words, not already a
 * mention, that follows a cue expecting a country ("citizen of", "removed
 * to", "Nationality:", "agreement with", or a country and "," / "and") and
 * reads as a country.  `spans` must be sorted by start. */
void ms_countries_find_fuzzy(const ms_gazetteer *g, const char *s, gsize len, GArray *spans);

#endif
