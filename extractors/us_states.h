/* us_states — the US states and territories, loaded from rules/us_states.tsv
 * (data, not code).  They give the rule engine its built-in {{US_STATE}}
 * macro and the court's normaliser its two-letter codes.
 *
 * Ownership: ms_us_states_load() / ms_us_states_free(); the strings it
 * returns belong to the table.  Immutable after loading: safe to share
 * read-only between threads.
 */
#ifndef MS_US_STATES_H
#define MS_US_STATES_H

#include <glib.h>

typedef struct ms_us_states ms_us_states;

/* Load a table ("CODE<TAB>Name" lines, '#' comments).  Problems are appended
 * to `diag` as "file:line: error: ..." lines; FALSE if there is any. */
gboolean ms_us_states_load(const char *path, ms_us_states **out, GString *diag);
void ms_us_states_free(ms_us_states *s);

/* The code of a state written as its name or its code (any case, one space
 * between words), or NULL (also when `s` is NULL). */
const char *ms_us_states_code(const ms_us_states *s, const char *name_or_code);

/* Add the cities of the courts table (rules/courts.tsv: "City, ST<TAB>..."
 * lines, the calendar's time zones), so a court named by its city alone
 * ("CHARLOTTE IMMIGRATION COURT") gets its state.  A missing file adds none;
 * a row whose state is not in the table is skipped. */
void ms_us_states_add_courts(ms_us_states *s, const char *path);

/* "City, ST" of the court in `city` (any case), or NULL. */
const char *ms_us_states_court(const ms_us_states *s, const char *city);

/* PCRE2 source matching any name (white space as \s+) or any code (case
 * sensitive), as an alternation without word bounds. */
const char *ms_us_states_pattern(const ms_us_states *s);

#endif
