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

/* The filing's A-number by a vote of every occurrence (NULL on a tie), its
 * evidence added to `evidence` (GArray of ms_evidence) with a note.  When
 * the filing holds one A-number only, read by OCR once, at a word confidence
 * under MS_ANUMBER_LONE_CONF, it is a guess and gives NULL too (on the dev
 * sets such values were wrong twice in three). */
char *ms_anumber_vote(const ms_ruleset *rs, ms_matcher *m, const ms_text *t, const char *marked,
                      const ms_sections *sec, GArray *evidence);

#endif
