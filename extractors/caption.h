/* caption — normalisers for values read from a filing's caption (the
 * A-number's is in anumber.h).
 *
 * Ownership: each returns a newly allocated string (g_free), or NULL when the
 * text is not such a value.
 */
#ifndef MS_CAPTION_H
#define MS_CAPTION_H

#include <glib.h>

#include "extractors/us_states.h"

/* "ATLANTA, GEORGIA" -> "Atlanta, GA"; NULL when the state is not one of
 * `states` (rules/us_states.tsv). */
char *ms_court_normalize(const ms_us_states *states, const char *s, gsize len);

/* "Carlos MENDOZA LOPEZ" -> "MENDOZA LOPEZ, Carlos"; other forms are trimmed
 * of trailing punctuation.  NULL when nothing is left. */
char *ms_respondent_normalize(const char *s, gsize len);

#endif
