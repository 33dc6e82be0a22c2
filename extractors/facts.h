/* facts — normalisers for dates, times and citations.
 *
 * Ownership: each returns a newly allocated string (g_free), or NULL when the
 * text is not such a value.
 */
#ifndef MS_FACTS_H
#define MS_FACTS_H

#include <glib.h>

/* "October 21, 2025", "10/21/2025", "21st day of October, 2025" ->
 * "2025-10-21"; "1:00 p.m." -> "13:00"; citations to one form each:
 * "INA § 208(a)(2)(A)", "8 U.S.C. § 1158(a)(2)(A)", "8 C.F.R. § 1240.11(h)",
 * "Matter of X, 29 I&N Dec. 291 (BIA 2025)" (OCR's "$" for "§" and "CER."
 * for "C.F.R." mended).  NULL when the text is not one. */
char *ms_date_normalize(const char *s, gsize len);
char *ms_time_normalize(const char *s, gsize len);
char *ms_authority_normalize(const char *s, gsize len);

/* The forms OCR gives the names inside citations, kept once: each is a rule
 * macro (`macro`, built in: {{USC}}, {{CFR}}, {{I_AND_N}}, a PCRE2 source)
 * that the citation rules match, and ms_authority_normalize() writes what
 * it matched as `canonical`.  A static table of *n entries. */
typedef struct {
    const char *macro, *canonical, *pattern;
} ms_cite_form;
const ms_cite_form *ms_cite_forms(gsize *n);

#endif
