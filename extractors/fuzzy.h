/* fuzzy — gazetteer names read by an OCR-weighted edit distance, for names
 * that OCR damaged past what ms_gazetteer_lookup_ocr() folds.
 *
 * The tables (costs, confusions, traps) are rules/fuzzy.conf, loaded with the
 * rules.  Ownership: ms_fuzzy_load()/ms_fuzzy_free(); immutable after
 * loading, shared read-only.  The country returned is borrowed from the
 * gazetteer.
 */
#ifndef MS_FUZZY_H
#define MS_FUZZY_H

#include <glib.h>

#include "extractors/gazetteer.h"

typedef struct ms_fuzzy ms_fuzzy;

/* Load the tables (a GLib key file).  A problem is appended to `diag` as a
 * "file: error: ..." line; FALSE then. */
gboolean ms_fuzzy_load(const char *path, ms_fuzzy **out, GString *diag);
void ms_fuzzy_free(ms_fuzzy *f);

/* The country a damaged name stands for, by an edit distance that OCR's
 * confusions make cheap (e/c, a/o, i/l/1, rn/m, cl/d ...); only for names of
 * six letters or more, never for a name in a trap pair (Niger/Nigeria,
 * Guinea/..., Sudan/South Sudan, Dominica/Dominican Republic, Congo) nor for
 * a text that is a US place ("Columbia").  NULL when no name is close enough
 * or two countries are about as close.  The caller decides that a country is
 * expected at that place. */
const ms_country *ms_gazetteer_lookup_fuzzy(const ms_gazetteer *g, const ms_fuzzy *f,
                                            const char *text, gsize len);

/* The OCR-weighted edit distance between two lower-case texts (the costs of
 * fuzzy.conf); 99 when either has 64 bytes or more. */
double ms_fuzzy_distance(const ms_fuzzy *f, const char *a, const char *b);

/* The cost of reading letter `b` for `a` (lower case): 0, the confusion cost
 * or the other cost of fuzzy.conf. */
double ms_fuzzy_substitution(const ms_fuzzy *f, char a, char b);
/* The confusion cost of fuzzy.conf: one letter OCR often reads for another. */
double ms_fuzzy_confusion_cost(const ms_fuzzy *f);

/* The [mend] words of fuzzy.conf (lower case, NULL-terminated; borrowed). */
char *const *ms_fuzzy_mend_words(const ms_fuzzy *f);

/* The [mend] short words of fuzzy.conf: function words OCR reads with a mark
 * for their first letter ("(o" for "to", "1s" for "is"; lower case,
 * NULL-terminated; borrowed). */
char *const *ms_fuzzy_mend_short_words(const ms_fuzzy *f);

/* The [glued] words of fuzzy.conf: short words OCR glues to the name before
 * them ("Panamaas"; lower case, NULL-terminated; borrowed). */
char *const *ms_fuzzy_glued_words(const ms_fuzzy *f);

/* Is `key` (a lower-case name) one of the [traps] never names? */
gboolean ms_fuzzy_is_trap(const ms_fuzzy *f, const char *key);

#endif
