#include "pipeline/drivers/shard.h"

#include <string.h>

#include "pipeline/base/ms_error.h"

/* A whole decimal number in 0..max, nothing else around it. */
static gboolean parse_count(const char *text, gint64 max, gint64 *out)
{
    guint64 v = 0;
    if (!text || !g_ascii_string_to_unsigned(text, 10, 0, (guint64)max, &v, NULL)) return FALSE;
    *out = (gint64)v;
    return TRUE;
}

static gboolean bad(const char *what, const char *text, const char *why, GError **err)
{
    g_set_error(err, MS_ERROR, MS_ERR_USAGE, "%s '%s': %s", what, text, why);
    return FALSE;
}

static gboolean make(gint64 index, gint64 count, const char *what, const char *text,
                     ms_shard *out, GError **err)
{
    if (count < 1) return bad(what, text, "the number of shards must be at least 1", err);
    if (index >= count)
        return bad(what, text, "the shard index counts from 0 and must be below the count", err);
    out->index = (int)index;
    out->count = (int)count;
    return TRUE;
}

gboolean ms_shard_parse(const char *text, const char *what, ms_shard *out, GError **err)
{
    const char *slash = text ? strchr(text, '/') : NULL;
    gint64 k = 0, n = 0;
    if (!slash) return bad(what, text ? text : "", "expected K/N, such as 0/4 (K counts from 0)", err);
    char *head = g_strndup(text, (gsize)(slash - text));
    gboolean numbers = parse_count(head, MS_SHARD_MAX_COUNT, &k) &&
                       parse_count(slash + 1, MS_SHARD_MAX_COUNT, &n);
    g_free(head);
    if (!numbers)
        return bad(what, text, "expected K/N with whole numbers, such as 0/4 (K counts from 0)", err);
    return make(k, n, what, text, out, err);
}

/* A variable that must hold a number when it is set at all. */
static gboolean env_number(const char *name, gint64 fallback, gint64 *out, GError **err)
{
    const char *v = g_getenv(name);
    if (!v || !*v) {
        *out = fallback;
        return TRUE;
    }
    if (parse_count(v, MS_SHARD_MAX_COUNT, out)) return TRUE;
    return bad(name, v, "not a whole number", err);
}

static gboolean from_slurm(ms_shard *out, GError **err)
{
    gint64 id = 0, min = 0, count = 0;
    if (!env_number("SLURM_ARRAY_TASK_ID", 0, &id, err) ||
        !env_number("SLURM_ARRAY_TASK_MIN", 0, &min, err) ||
        !env_number("SLURM_ARRAY_TASK_COUNT", -1, &count, err))
        return FALSE;
    const char *text = g_getenv("SLURM_ARRAY_TASK_ID");
    if (count < 0)
        return bad("SLURM_ARRAY_TASK_ID", text, "SLURM_ARRAY_TASK_COUNT is not set", err);
    if (id < min)
        return bad("SLURM_ARRAY_TASK_ID", text, "below SLURM_ARRAY_TASK_MIN", err);
    return make(id - min, count, "SLURM_ARRAY_TASK_ID", text, out, err);
}

static gboolean from_indexed_job(ms_shard *out, GError **err)
{
    gint64 index = 0, count = 0;
    const char *text = g_getenv("JOB_COMPLETION_INDEX");
    if (!env_number("JOB_COMPLETION_INDEX", 0, &index, err) ||
        !env_number("MOTIONSCAN_SHARD_COUNT", -1, &count, err))
        return FALSE;
    if (count < 0)
        return bad("JOB_COMPLETION_INDEX", text, "MOTIONSCAN_SHARD_COUNT is not set", err);
    return make(index, count, "JOB_COMPLETION_INDEX", text, out, err);
}

gboolean ms_shard_resolve(const char *flag, ms_shard *out, GError **err)
{
    out->index = out->count = 0;
    if (flag) return ms_shard_parse(flag, "--shard", out, err);
    const char *slurm = g_getenv("SLURM_ARRAY_TASK_ID");
    if (slurm && *slurm) return from_slurm(out, err);
    const char *k8s = g_getenv("JOB_COMPLETION_INDEX");
    if (k8s && *k8s) return from_indexed_job(out, err);
    return TRUE;
}

int ms_shard_of(const char *key, int count)
{
    guint8 digest[32];
    gsize len = sizeof digest;
    GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(c, (const guchar *)key, (gssize)strlen(key));
    g_checksum_get_digest(c, digest, &len);
    g_checksum_free(c);
    guint64 h = 0;
    for (int i = 0; i < 8; i++) h = h << 8 | digest[i];
    return count > 0 ? (int)(h % (guint64)count) : 0;
}

const char *ms_shard_key(const char *root, const char *path)
{
    if (root) {
        gsize n = strlen(root);
        if (n && strncmp(path, root, n) == 0 && (path[n] == '/' || root[n - 1] == '/'))
            return path + n + (path[n] == '/');
    }
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

gboolean ms_shard_keeps(const ms_shard *s, const char *key)
{
    return !s || s->count <= 0 || ms_shard_of(key, s->count) == s->index;
}

void ms_shard_note_keys(GHashTable *keys, GPtrArray *paths, guint first, const char *root)
{
    for (guint i = first; i < paths->len; i++) {
        const char *p = g_ptr_array_index(paths, i);
        if (!g_hash_table_contains(keys, p)) g_hash_table_insert(keys, (gpointer)p, (gpointer)ms_shard_key(root, p));
    }
}

const char *ms_shard_describe(const ms_shard *s, char *buf, gsize len)
{
    g_snprintf(buf, len, "shard %d/%d", s->index, s->count);
    return buf;
}
