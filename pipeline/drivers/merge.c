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

/* Keep `rec` (a reference the array takes) under its file.  The records of
 * one file in one input are its parts (a stapled stack's filings) and are all
 * kept; a file that an earlier input also holds replaces that input's
 * records (NULL in `out` until the merge compacts it). */
static gboolean keep(GPtrArray *out, GHashTable *index, JsonObject *rec, const char *input,
                     guint which, int *duplicates, GError **err)
{
    const char *file = record_file(rec);
    if (!file) {
        g_set_error(err, MS_ERROR, MS_ERR_USAGE, "%s: a record has no \"file\": not a motionscan record",
                    input);
        json_object_unref(rec);
        return FALSE;
    }
    guint from = GPOINTER_TO_UINT(g_hash_table_lookup(index, file));
    if (from && from != which + 1) {
        (*duplicates)++;
        for (guint i = 0; i < out->len; i++) {
            JsonObject *old = g_ptr_array_index(out, i);
            if (old && strcmp(record_file(old), file) == 0) {
                json_object_unref(old);
                g_ptr_array_index(out, i) = NULL;
            }
        }
    }
    g_hash_table_replace(index, g_strdup(file), GUINT_TO_POINTER(which + 1));
    g_ptr_array_add(out, rec);
    return TRUE;
}

/* Drop the places of the records a later input replaced (already freed). */
static void compact(GPtrArray *out)
{
    for (guint i = out->len; i-- > 0;)
        if (!g_ptr_array_index(out, i)) g_ptr_array_steal_index(out, i);
}

gboolean ms_merge_load(char **inputs, int n, GPtrArray *out, int *duplicates, GError **err)
{
    /* file -> 1 + the position of the input that gave its records (an input
     * named twice is two inputs) */
    GHashTable *index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    gboolean ok = TRUE;
    *duplicates = 0;
    for (int i = 0; ok && i < n; i++) {
        GPtrArray *recs = ms_audit_records_new();
        ok = is_sqlite(inputs[i]) ? ms_audit_load_db(inputs[i], recs, err)
                                  : ms_audit_load_jsonl(inputs[i], recs, err);
        for (guint k = 0; ok && k < recs->len; k++)
            ok = keep(out, index, json_object_ref(g_ptr_array_index(recs, k)), inputs[i],
                      (guint)i, duplicates, err);
        g_ptr_array_unref(recs);
    }
    g_hash_table_destroy(index);
    compact(out);
    if (ok) g_ptr_array_sort(out, by_file); /* stable: a file's parts keep their order */
    return ok;
}
