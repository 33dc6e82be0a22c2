/* record_json — reading a record's JSON whatever its shape (see record_json.h). */
#include "pipeline/document/record_json.h"

#include <math.h>
#include <string.h>

JsonNode *ms_json_member(JsonObject *o, const char *name)
{
    return o && json_object_has_member(o, name) ? json_object_get_member(o, name) : NULL;
}

const char *ms_json_str(JsonObject *o, const char *name)
{
    JsonNode *n = ms_json_member(o, name);
    return n && JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_STRING
               ? json_node_get_string(n)
               : NULL;
}

JsonObject *ms_json_obj(JsonObject *o, const char *name)
{
    JsonNode *n = ms_json_member(o, name);
    return n && JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
}

JsonArray *ms_json_arr(JsonObject *o, const char *name)
{
    JsonNode *n = ms_json_member(o, name);
    return n && JSON_NODE_HOLDS_ARRAY(n) ? json_node_get_array(n) : NULL;
}

gboolean ms_json_node_num(JsonNode *n, double *out)
{
    if (!n || !JSON_NODE_HOLDS_VALUE(n)) return FALSE;
    GType t = json_node_get_value_type(n);
    if (t != G_TYPE_INT64 && t != G_TYPE_DOUBLE) return FALSE;
    *out = json_node_get_double(n);
    return isfinite(*out);
}

gboolean ms_json_num(JsonObject *o, const char *name, double *out)
{
    return ms_json_node_num(ms_json_member(o, name), out);
}

JsonObject *ms_json_elem_obj(JsonArray *a, guint i)
{
    JsonNode *n = a && i < json_array_get_length(a) ? json_array_get_element(a, i) : NULL;
    return n && JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
}

gboolean ms_json_is_sha256(const char *s)
{
    if (!s || strlen(s) != 64) return FALSE;
    for (const char *p = s; *p; p++)
        if (!g_ascii_isdigit(*p) && !(*p >= 'a' && *p <= 'f')) return FALSE;
    return TRUE;
}

char *ms_utc_timestamp(void)
{
    GDateTime *t = g_date_time_new_now_utc();
    char *s = g_date_time_format(t, "%Y-%m-%dT%H:%M:%SZ");
    g_date_time_unref(t);
    return s;
}
