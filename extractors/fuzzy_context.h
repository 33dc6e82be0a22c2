/* fuzzy_context — where a country is expected, read damaged names by edit
 * distance (see fuzzy.c, ms_gazetteer_lookup_fuzzy()).
 *
 * Ownership: ms_countries_find_fuzzy() appends to `spans` (ms_span) in
 * place; ms_word_spans() returns an array the caller frees.
 */
#ifndef MS_FUZZY_CONTEXT_H
#define MS_FUZZY_CONTEXT_H

#include "extractors/fuzzy.h"
#include "extractors/mentions.h"

/* A word of a text: a run of non-space bytes without the punctuation that
 * OCR and typesetting put around it. */
typedef struct {
    gsize start, end;
} ms_word_span;

/* The words of s[0, len), in order (GArray of ms_word_span, freed by the caller
 * with g_array_free(a, TRUE)). */
GArray *ms_word_spans(const char *s, gsize len);

/* Add a fuzzy span for each run of 1-6 capitalised words, not already a
 * mention, that follows a cue expecting a country ("citizen of", "removed
 * to", "Nationality:", "agreement with", or a country and "," / "and") and
 * reads as a country, and for one such word right before a list of two
 * names ("Usanda. Paraguay, Guatemala").  `spans` must be sorted by start. */
void ms_countries_find_fuzzy(const ms_gazetteer *g, const ms_fuzzy *f, const char *s, gsize len,
                             GArray *spans);

#endif
