/* mentions — where a text names a country, and the marked text that rules
 * using {{COUNTRY}} and {{DEMONYM}} see.
 *
 * Ownership: ms_countries_find() appends to the caller's array;
 * ms_countries_mark() returns a new string (g_free).  Country pointers borrow
 * from the ruleset's gazetteer.
 */
#ifndef MS_MENTIONS_H
#define MS_MENTIONS_H

#include <glib.h>

#include "extractors/gazetteer.h"
#include "extractors/ruleset.h"

/* A country named in a text: a gazetteer name or demonym. */
typedef struct {
    gsize start, end;
    const ms_country *country;
    gboolean demonym;
    gboolean fuzzy; /* found by ms_gazetteer_lookup_fuzzy() where a country is expected */
} ms_span;

/* Append every country name and demonym in s[0, len) to `out` (ms_span), in
 * order, without overlaps; a mention must start with a capital letter.  A
 * second pass finds names that OCR damaged: split by a space ("Hond uras") or
 * with look-alike letters ("Guaternala", "H0nduras"); see
 * ms_gazetteer_lookup_ocr().  A third pass, only where a country is expected
 * ("citizen of", "removed to", "Nationality:", after a country in a list),
 * reads names by OCR-weighted edit distance (ms_gazetteer_lookup_fuzzy()). */
void ms_countries_find(const ms_ruleset *rs, ms_matcher *m, const char *s, gsize len,
                       GArray *out);

/* The marked text: a copy of s where each mention is replaced, byte for byte,
 * by a placeholder (0x01 then 0x02s for a name, 0x03 then 0x04s for a
 * demonym), so offsets are unchanged.  Rules that use {{COUNTRY}} or
 * {{DEMONYM}} match this text: the macros match the placeholders. */
char *ms_countries_mark(const char *s, gsize len, const GArray *spans);
#define MS_MARK_NAME_RE "\\x01\\x02*+"
#define MS_MARK_DEMONYM_RE "\\x03\\x04*+"

#endif
