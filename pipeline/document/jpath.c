/* jpath — see jpath.h. */
#include "pipeline/document/jpath.h"

#include <string.h>

/* The nodes a path has reached so far (borrowed from the record, or from
 * `owned` for the nulls of absent members). */
typedef struct {
    GPtrArray *nodes;
    GPtrArray *owned; /* JsonNode*, unref'd at the end */
    gboolean many;    /* the path has iterated */
} reach;

static JsonNode *null_node(reach *r)
{
    JsonNode *n = json_node_new(JSON_NODE_NULL);
    g_ptr_array_add(r->owned, n);
    return n;
}

static void step_member(reach *r, const char *name, gsize len)
{
    char *key = g_strndup(name, len);
    GPtrArray *next = g_ptr_array_new();
    for (guint i = 0; i < r->nodes->len; i++) {
        JsonNode *n = g_ptr_array_index(r->nodes, i);
        JsonObject *o = JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
        JsonNode *v = o && json_object_has_member(o, key) ? json_object_get_member(o, key) : NULL;
        g_ptr_array_add(next, v ? v : null_node(r));
    }
    g_ptr_array_free(r->nodes, TRUE);
    r->nodes = next;
    g_free(key);
}

/* [] (every element), [N] (one), [key==VALUE] or [key!=VALUE]. */
static gboolean step_bracket(reach *r, const char *inner, gsize len, char **err)
{
    char *body = g_strstrip(g_strndup(inner, len));
    GPtrArray *next = g_ptr_array_new();
    gboolean ok = TRUE;
    const char *op = strstr(body, "==") ? strstr(body, "==") : strstr(body, "!=");
    char *key = NULL;
    JsonNode *want = NULL;
    gboolean every = !*body, index = FALSE;
    gint64 at = 0;
    if (!every && !op) {
        char *end = NULL;
        at = g_ascii_strtoll(body, &end, 10);
        index = end && !*end;
        if (!index) {
            *err = g_strdup_printf("'[%s]': expected [], [N] or [key==value]", body);
            ok = FALSE;
            goto out;
        }
    }
    if (op) {
        key = g_strstrip(g_strndup(body, (gsize)(op - body)));
        GError *e = NULL;
        want = json_from_string(op + 2, &e);
        if (!want || !*key) {
            *err = g_strdup_printf("'[%s]': the value after %.2s is not JSON%s%s", body, op,
                                   e ? ": " : "", e ? e->message : "");
            g_clear_error(&e);
            ok = FALSE;
            goto out;
        }
    }
    for (guint i = 0; i < r->nodes->len; i++) {
        JsonNode *n = g_ptr_array_index(r->nodes, i);
        if (!JSON_NODE_HOLDS_ARRAY(n)) {
            if (index) g_ptr_array_add(next, null_node(r));
            continue;
        }
        JsonArray *a = json_node_get_array(n);
        guint len_a = json_array_get_length(a);
        if (index) {
            g_ptr_array_add(next, at >= 0 && at < len_a ? json_array_get_element(a, (guint)at)
                                                        : null_node(r));
            continue;
        }
        for (guint k = 0; k < len_a; k++) {
            JsonNode *el = json_array_get_element(a, k);
            if (op) {
                JsonObject *o = JSON_NODE_HOLDS_OBJECT(el) ? json_node_get_object(el) : NULL;
                JsonNode *v = o ? json_object_get_member(o, key) : NULL;
                gboolean eq = v && json_node_equal(v, want);
                if (eq != (op[0] == '=')) continue;
            }
            g_ptr_array_add(next, el);
        }
    }
    if (!index) r->many = TRUE;
out:
    g_ptr_array_free(r->nodes, TRUE);
    r->nodes = next;
    if (want) json_node_unref(want);
    g_free(key);
    g_free(body);
    return ok;
}

/* The end of a bracket's body: the first ']' outside a JSON string. */
static const char *bracket_end(const char *p)
{
    gboolean in_str = FALSE;
    for (; *p; p++) {
        if (in_str && *p == '\\' && p[1]) p++;
        else if (*p == '"') in_str = !in_str;
        else if (!in_str && *p == ']') return p;
    }
    return NULL;
}

static JsonNode *result_of(reach *r)
{
    if (!r->many) {
        JsonNode *n = r->nodes->len ? g_ptr_array_index(r->nodes, 0) : NULL;
        return n ? json_node_copy(n) : json_node_new(JSON_NODE_NULL);
    }
    JsonArray *a = json_array_new();
    for (guint i = 0; i < r->nodes->len; i++)
        json_array_add_element(a, json_node_copy(g_ptr_array_index(r->nodes, i)));
    JsonNode *out = json_node_new(JSON_NODE_ARRAY);
    json_node_take_array(out, a);
    return out;
}

JsonNode *ms_jpath_eval(JsonNode *root, const char *path, char **err)
{
    reach r = {g_ptr_array_new(), g_ptr_array_new_with_free_func((GDestroyNotify)json_node_unref),
               FALSE};
    g_ptr_array_add(r.nodes, root);
    const char *p = path;
    JsonNode *out = NULL;
    if (*p != '.') {
        *err = g_strdup_printf("'%s': a path starts with '.'", path);
        goto done;
    }
    while (*p) {
        if (*p == '.' && (g_ascii_isalpha(p[1]) || p[1] == '_')) {
            const char *name = ++p;
            while (g_ascii_isalnum(*p) || *p == '_') p++;
            step_member(&r, name, (gsize)(p - name));
        } else if (*p == '.' && (p[1] == '[' || (p == path && !p[1]))) {
            p++;
        } else if (*p == '[') {
            const char *end = bracket_end(p + 1);
            if (!end) {
                *err = g_strdup_printf("'%s': '[' without ']'", path);
                goto done;
            }
            if (!step_bracket(&r, p + 1, (gsize)(end - p - 1), err)) goto done;
            p = end + 1;
        } else {
            *err = g_strdup_printf("'%s': unexpected '%c' at column %d", path, *p,
                                   (int)(p - path) + 1);
            goto done;
        }
    }
    out = result_of(&r);
done:
    g_ptr_array_free(r.nodes, TRUE);
    g_ptr_array_free(r.owned, TRUE);
    return out;
}
