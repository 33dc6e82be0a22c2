/* mend — the cue words the rules key on, read through one letter of OCR
 * damage ("hational" for "national", "couhtry" for "country",
 * "E<amination" for "Examination").
 *
 * Only substitutions, so the mended text has the same length and every
 * offset into it is an offset into the text as read: rules match the mended
 * copy, values and evidence are taken from the text as read.  A word of 7
 * letters or more is mended at a cost up to 1 (any one letter, or two of
 * OCR's confusions), one of 5 or 6 letters up to the confusion cost; words
 * already in the list, shorter words and words two cue words are about as
 * close to are left alone.  Two words that OCR split and that make one cue
 * word exactly ("desig nates", "Re-C alendar" after the hyphen) become that
 * word and a space, and so does a word with one mark of OCR inside it that
 * is a cue word without it ("NO'TICE"), or that is one with a letter read
 * as two of OCR's pairs ("Re-Caleridar", "ri" for "n").  A bracket for a word's capital
 * ("[MMIGRATION") is a damaged letter.  OCR
 * punctuation after a word that never ends a clause ("shall. be removed",
 * "to' which") becomes spaces.  The words are the [mend] list of
 * rules/fuzzy.conf, the costs its [costs] and [confusions].
 *
 * Ownership: ms_mend_cues() returns a new string (g_free) or NULL.
 */
#ifndef MS_MEND_H
#define MS_MEND_H

#include <glib.h>

#include "extractors/fuzzy.h"

/* A copy of s[0, len) with its damaged cue words mended, NUL-terminated, or
 * NULL when no word was mended.  `n_mended` (may be NULL) gets the count. */
char *ms_mend_cues(const ms_fuzzy *f, const char *s, gsize len, int *n_mended);

#endif
