/* calendar — the response deadlines and hearings of a database as an
 * iCalendar feed (RFC 5545), written with libical.
 *
 * Events, one set per document (part 1: a file is one filing until stacked
 * filings are split):
 *   deadline    all-day on response_due.date, alarms 7 and 2 days before
 *   court_sets  detained, the judge sets the date: all-day on filed_date,
 *               "deadline set by the court, check the order"
 *   hearing     the next hearing at its time in the court's zone
 *               (rules/courts.tsv, VTIMEZONE included), or all-day
 * UID = SHA256-PART-KIND@motionscan, so a re-export updates an event instead
 * of adding one.  What each feed exported is kept in the database's
 * calendar_events table: an unchanged event keeps its SEQUENCE and DTSTAMP,
 * a changed one gets SEQUENCE + 1 and a new DTSTAMP, and an event whose
 * document (or value) is gone is written again with STATUS:CANCELLED.
 *
 * Thread rules: libical's built-in time zones are process-wide; call from
 * one thread at a time.
 * Ownership: the options are borrowed; ms_calendar_export() owns nothing it
 * returns but the stats it fills.
 */
#ifndef MS_CALENDAR_H
#define MS_CALENDAR_H

#include <glib.h>

typedef struct {
    const char *db;         /* the database of motionscan run/watch --db; must exist */
    const char *out;        /* the .ics file, replaced atomically */
    const char *feed;       /* its name in calendar_events; NULL: out's file name */
    const char *courts;     /* the court time-zone table (rules/courts.tsv) */
    gboolean mask_a_number; /* only the A-number's last 3 digits: A XXX-XXX-678 */
    gboolean no_names;      /* no respondent's name, no file name (a feed for outsiders) */
} ms_calendar_options;

#define MS_CALENDAR_OPTIONS_INIT {NULL, NULL, NULL, NULL, FALSE, FALSE}

typedef struct {
    int documents;  /* documents read from the database */
    int events;     /* events written, cancelled ones included */
    int changed;    /* new or changed since the feed's last export */
    int cancelled;  /* cancelled in this export */
    int zoneless;   /* hearings at a court with no known zone (floating time) */
} ms_calendar_stats;

/* Export the feed.  Warnings (a court with no known zone) go to `warnings`
 * as lines, if it is not NULL.  Errors: MS_ERR_OUTPUT (database, file),
 * MS_ERR_RULES (the court table). */
gboolean ms_calendar_export(const ms_calendar_options *opt, ms_calendar_stats *st,
                            GString *warnings, GError **err);

#endif
