/* courts — each immigration court's IANA time zone, from rules/courts.tsv.
 *
 * Rows are "City, ST<TAB>Zone<TAB>name"; a row whose first column is a bare
 * state code gives that state's zone, used only for a court the table does
 * not list.  Immutable after loading.
 * Ownership: ms_courts_load() returns a table freed with ms_courts_free();
 * ms_courts_zone() returns a string borrowed from the table.
 */
#ifndef MS_COURTS_H
#define MS_COURTS_H

#include <glib.h>

typedef struct ms_courts ms_courts;

/* Errors (MS_ERR_RULES) name the file and line: "courts.tsv:12: ...". */
gboolean ms_courts_load(const char *path, ms_courts **out, GError **err);
void ms_courts_free(ms_courts *c);

/* How a zone was found. */
typedef enum {
    MS_COURT_LISTED, /* the court's own row */
    MS_COURT_STATE,  /* not listed: its state's zone */
    MS_COURT_UNKNOWN /* no zone: NULL returned */
} ms_court_match;

/* The zone of `court` ("Houston, TX"; matched without regard to case), or
 * NULL; *how says which (may be NULL). */
const char *ms_courts_zone(const ms_courts *c, const char *court, ms_court_match *how);

#endif
