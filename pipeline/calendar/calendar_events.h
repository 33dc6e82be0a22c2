/* calendar_events — a record's calendar events, and the VTIMEZONEs they
 * need (used by calendar.c; see calendar.h for what the events are).
 *
 * Ownership: ms_calendar_events_of() appends ms_cal_event* that the array
 * frees (create it with ms_cal_events_new()); each owns its strings and its
 * VEVENT.  ms_calendar_vtimezone() returns a new component the caller frees
 * with icalcomponent_free().
 */
#ifndef MS_CALENDAR_EVENTS_H
#define MS_CALENDAR_EVENTS_H

#include <json-glib/json-glib.h>
#include <libical/ical.h>

#include "pipeline/calendar/calendar.h"
#include "pipeline/calendar/courts.h"

typedef struct {
    char *uid;
    const char *kind; /* "deadline", "court_sets", "hearing" (static) */
    char *sha256;
    char *zone;       /* the TZID the event uses, or NULL */
    icalcomponent *ev; /* a VEVENT without SEQUENCE and DTSTAMP */
} ms_cal_event;

GPtrArray *ms_cal_events_new(void);

/* The events of one record (a document row's record_json).  A hearing at a
 * court with no known zone is written in floating time, said in its
 * description, and counted in *zoneless with a line in `warnings`. */
void ms_calendar_events_of(JsonObject *rec, const ms_calendar_options *opt,
                           const ms_courts *courts, GPtrArray *out, int *zoneless,
                           GString *warnings);

/* A VTIMEZONE for the IANA zone, from the system's time-zone data through
 * libical, with TZID the plain zone name (clients recognise
 * "America/Chicago", not libical's prefixed form) and only the observances
 * in force since 2010; NULL for a zone the system lacks. */
icalcomponent *ms_calendar_vtimezone(const char *zone);

#endif
