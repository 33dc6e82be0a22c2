#include "pipeline/drivers/merge.h"

#include <stdio.h>
#include <string.h>

#include "pipeline/audit/audit.h"
#include "pipeline/base/ms_error.h"
#include "pipeline/document/record_json.h"

/* The record's file, NULL when it has none. */
#define record_file(rec) ms_json_str((rec), "file")

/* SQLite's file header, the first 16 bytes of every database. */
static gboolean is_sqlite(const char *path)
{
    static const char magic[16] = "SQLite format 3";
    char head[16];
    FILE *f = fopen(path, "rb");
    if (!f) return FALSE; /* the loader says why */
    gboolean yes = fread(head, 1, sizeof head, f) == sizeof head && memcmp(head, magic, 16) == 0;
    fclose(f);
    return yes;
}

static gint by_file(gconstpointer a, gconstpointer b)
{
    return strcmp(record_file(*(JsonObject *const *)a), record_file(*(JsonObject *const *)b));
}

/* Keep `rec` (a reference the array takes) under its file, replacing an
 * earlier record of that file. */
static gboolean keep(GPtrArray *out, GHashTable *index, JsonObject *rec, const char *input,
                     int *duplicates, GError **err)
{
    const char *file = record_file(rec);
    if (!file) {
        g_set_error(err, MS_ERROR, MS_ERR_USAGE, "%s: a record has no \"file\": not a motionscan record",
                    input);
        json_object_unref(rec);
        return FALSE;
    }
    gpointer at = NULL;
    if (g_hash_table_lookup_extended(index, file, NULL, &at)) {
        guint i = GPOINTER_TO_UINT(at);
        (*duplicates)++;
        g_hash_table_remove(index, file); /* its key lives in the record it frees */
        json_object_unref(g_ptr_array_index(out, i));
        g_ptr_array_index(out, i) = rec;
        g_hash_table_insert(index, (gpointer)record_file(rec), GUINT_TO_POINTER(i));
        return TRUE;
    }
    g_hash_table_insert(index, (gpointer)file, GUINT_TO_POINTER(out->len));
    g_ptr_array_add(out, rec);
    return TRUE;
}

gboolean ms_merge_load(char **inputs, int n, GPtrArray *out, int *duplicates, GError **err)
{
    GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
    gboolean ok = TRUE;
    *duplicates = 0;
    for (int i = 0; ok && i < n; i++) {
        GPtrArray *recs = ms_audit_records_new();
        ok = is_sqlite(inputs[i]) ? ms_audit_load_db(inputs[i], recs, err)
                                  : ms_audit_load_jsonl(inputs[i], recs, err);
        for (guint k = 0; ok && k < recs->len; k++)
            ok = keep(out, index, json_object_ref(g_ptr_array_index(recs, k)), inputs[i],
                      duplicates, err);
        g_ptr_array_unref(recs);
    }
    g_hash_table_destroy(index);
    if (ok) g_ptr_array_sort(out, by_file);
    return ok;
}
