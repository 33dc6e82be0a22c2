/* clauses — a text cut into sentences and clauses, robust to OCR.
 *
 * A clause ends at ';', at a sentence end ('.', '?', '!' followed by white
 * space and a capital, a digit or an opening quote or bracket, unless the
 * word before is an abbreviation: "U.S.", "No.", "Mr.", "C.F.R.", an initial),
 * at a blank line, and at the line break before or after a heading (a line in
 * capitals).  A line break alone never ends a clause: OCR and layout break
 * sentences across lines.  A piece that holds nothing but country names and
 * list words ("Paraguay, Uganda, Honduras." after a period OCR put in place of
 * a comma) belongs to the clause before it.
 *
 * Ownership: ms_clauses_split() returns a GArray of ms_clause, freed with
 * g_array_free(a, TRUE).
 */
#ifndef MS_CLAUSES_H
#define MS_CLAUSES_H

#include <glib.h>

typedef struct {
    gsize start, end;
} ms_clause;

/* The clauses of s[from, to).  `names` (GArray of ms_clause, sorted, may be
 * NULL) are the byte ranges of the country names in the text. */
GArray *ms_clauses_split(const char *s, gsize from, gsize to, const GArray *names);

/* The index of the clause holding byte `off`, or -1. */
int ms_clause_at(const GArray *clauses, gsize off);

#endif
