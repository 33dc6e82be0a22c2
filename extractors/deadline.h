/* deadline — the response due date of a motion, from rules/deadlines.conf.
 *
 * The policy is data (a GLib key file): days per detention status, the basis
 * sentence the record carries, which motion types it applies to, extra court
 * closures.  Federal holidays are computed.  Immutable after loading; shared
 * read-only.  Ownership: ms_deadlines_load()/ms_deadlines_free().
 */
#ifndef MS_DEADLINE_H
#define MS_DEADLINE_H

#include <glib.h>

typedef struct ms_deadlines ms_deadlines;

/* Problems are appended to `diag` as "file: error: ..." lines. */
gboolean ms_deadlines_load(const char *path, ms_deadlines **out, GString *diag, GError **err);
void ms_deadlines_free(ms_deadlines *d);

/* Is `date` a US federal holiday as observed (a Saturday holiday on the
 * Friday before, a Sunday one on the Monday after)? */
gboolean ms_is_federal_holiday(const GDate *date);

/* The kinds of date the response clock can start from, best evidence first,
 * as rules/deadlines.conf's [start] order gives them (default: ecas,
 * received_stamp, service, signature).  Borrowed from `d`; with d NULL, the
 * default.  NULL-terminated. */
const char *const *ms_deadline_start_order(const ms_deadlines *d);

/* The due date for a filing: `filed` (YYYY-MM-DD) is the start of the clock
 * and `start_kind` (one of the kinds above, or NULL) says what it is;
 * `detained` (1, 0, -1 not stated).  Returns FALSE when no deadline applies
 * (not a motion type the policy lists, or no filing date).  Otherwise *due is
 * "YYYY-MM-DD", or NULL when the court sets it, and *basis says why and from
 * which date the days ran; both newly allocated. */
gboolean ms_deadline_compute(const ms_deadlines *d, const char *motion_type, const char *filed,
                             const char *start_kind, int detained, char **due, char **basis);

#endif
