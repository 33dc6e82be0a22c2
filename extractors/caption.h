/* caption — normalisers for values read from a filing's caption.
 *
 * Ownership: each returns a newly allocated string (g_free), or NULL when the
 * text is not such a value.
 */
#ifndef MS_CAPTION_H
#define MS_CAPTION_H

#include <glib.h>

/* Normalise an A-number as written ("A 212-345-678", "A# 21234567",
 * OCR's O for 0 and l/I for 1) to 9 digits; NULL when it is not one. */
char *ms_anumber_normalize(const char *s, gsize len);

/* "ATLANTA, GEORGIA" -> "Atlanta, GA"; NULL when the state is not a US
 * state or territory. */
char *ms_court_normalize(const char *s, gsize len);

#endif
