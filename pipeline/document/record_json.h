/* record_json — reading a record's JSON (or any JSON a person wrote) without
 * trusting its shape, for the sinks, the watch journal, the audit report and
 * the review import; and the one UTC time stamp they write.
 *
 * Ownership: the accessors borrow from `o` / `a` (nothing to free);
 * ms_utc_timestamp() returns a new string (g_free).
 */
#ifndef MS_RECORD_JSON_H
#define MS_RECORD_JSON_H

#include <glib.h>
#include <json-glib/json-glib.h>

/* JSON accessors that tolerate any shape: NULL (or FALSE) when the member is
 * missing or of another type. */
JsonNode *ms_json_member(JsonObject *o, const char *name);
gboolean ms_json_node_num(JsonNode *n, double *out); /* a finite number */
const char *ms_json_str(JsonObject *o, const char *name);
JsonObject *ms_json_obj(JsonObject *o, const char *name);
JsonArray *ms_json_arr(JsonObject *o, const char *name);
gboolean ms_json_num(JsonObject *o, const char *name, double *out);
JsonObject *ms_json_elem_obj(JsonArray *a, guint i);

/* A SHA-256 as records write it: 64 lower-case hex digits (NULL: FALSE). */
gboolean ms_json_is_sha256(const char *s);

/* Now, in UTC, as "2026-01-31T09:15:02Z". */
char *ms_utc_timestamp(void);

#endif
