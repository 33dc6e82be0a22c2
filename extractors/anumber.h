/* anumber — the A-number: read with OCR's confusions inside the digits only,
 * and chosen by a vote of every occurrence in the filing (see anumber.c).
 *
 * Ownership: both return a newly allocated string (g_free), or NULL.
 * ms_anumber_vote() appends the winner's evidence (with its note) to the
 * caller's `evidence` array.
 */
#ifndef MS_ANUMBER_H
#define MS_ANUMBER_H

#include <glib.h>

#include "extractors/ruleset.h"
#include "extractors/sections.h"
#include "pipeline/base/text.h"

/* Normalise an A-number as written ("A 212-345-678", "A# 21234567", OCR's
 * O/Q/D for 0, l/I/|/]/! for 1, S for 5, B for 8, Z for 2) to 9 digits; NULL
 * when it is not one or its length is uncertain. */
char *ms_anumber_normalize(const char *s, gsize len);

#define MS_ANUMBER_LONE_CONF 50.0f
/* Tied values each at most this many digits from the first are readings of one number. */
#define MS_ANUMBER_VOTE_SPREAD 2

/* The filing's A-number by a vote of every occurrence (NULL on a tie), its
 * evidence added to `evidence` (GArray of ms_evidence) with a note.  A
 * filing's only A-number, read once, stands whatever its word confidence (a
 * rule that made such a reading null under MS_ANUMBER_LONE_CONF was tried and
 * removed: on a dev seed it had not been tuned on it lost right values only).
 * A tie between readings of
 * one number (each at most MS_ANUMBER_VOTE_SPREAD digits from the first) is voted on digit
 * by digit, each reading weighted by its rule and its word confidence; a
 * digit without twice the weight of the next gives NULL. */
char *ms_anumber_vote(const ms_ruleset *rs, ms_matcher *m, const ms_text *t, const char *marked,
                      const ms_sections *sec, GArray *evidence);

#endif
