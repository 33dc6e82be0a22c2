/* sink_sqlite — records in SQLite (the design is in sink_sqlite.h).
 *
 * Every value reaches SQL through sqlite3_bind_*; the only SQL built at run
 * time is the user_version pragma, from the program's own step number.
 * The rows come from the record's JSON (the contract other tools read), not
 * from the pipeline's structs, so the database and the JSON Lines agree.
 */
#include "pipeline/sinks/sink_sqlite.h"

#include <string.h>

#include <sqlite3.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/document/record_json.h"

/* Statements prepared once, reused for every record. */
enum {
    ST_BEGIN,
    ST_COMMIT,
    ST_ROLLBACK,
    ST_OLD_DOC,
    ST_UPSERT_DOC,
    ST_TOUCH_DOC,
    ST_DEL_EXTRA_PARTS,
    ST_DEL_PAGES,
    ST_DEL_FIELDS,
    ST_DEL_EVIDENCE,
    ST_DEL_MENTIONS,
    ST_ADD_PAGE,
    ST_ADD_FIELD,
    ST_ADD_EVIDENCE,
    ST_ADD_MENTION,
    ST_ADD_ERROR,
    ST_END_RUN,
    ST__COUNT
};

#define LOCATION_COLUMNS "page, x0, y0, x1, y1, dpi, confidence, rule, rule_source"

static const char *const statements[ST__COUNT] = {
    [ST_BEGIN] = "BEGIN IMMEDIATE",
    [ST_COMMIT] = "COMMIT",
    [ST_ROLLBACK] = "ROLLBACK",
    [ST_OLD_DOC] = "SELECT status, record_json FROM documents WHERE sha256 = ?1 AND part = ?2",
    [ST_UPSERT_DOC] =
        "INSERT INTO documents (sha256, file, size, format, status, error_code, error_message,"
        " filer, motion_type, nationality_code, a_number, respondent, court, detained, title,"
        " record_json, first_run_id, last_run_id, part, part_count, first_page, last_page)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17,"
        " ?18, ?19, ?20, ?21)"
        " ON CONFLICT (sha256, part) DO UPDATE SET file = excluded.file, size = excluded.size,"
        " part_count = excluded.part_count, first_page = excluded.first_page,"
        " last_page = excluded.last_page,"
        " format = excluded.format, status = excluded.status, error_code = excluded.error_code,"
        " error_message = excluded.error_message, filer = excluded.filer,"
        " motion_type = excluded.motion_type, nationality_code = excluded.nationality_code,"
        " a_number = excluded.a_number, respondent = excluded.respondent,"
        " court = excluded.court, detained = excluded.detained, title = excluded.title,"
        " record_json = excluded.record_json, last_run_id = excluded.last_run_id",
    [ST_TOUCH_DOC] = "UPDATE documents SET last_run_id = ?2 WHERE sha256 = ?1",
    /* the parts a file no longer has (it was split otherwise, or not at all) */
    [ST_DEL_EXTRA_PARTS] = "DELETE FROM documents WHERE sha256 = ?1 AND part > ?2",
    [ST_DEL_PAGES] = "DELETE FROM pages WHERE sha256 = ?1 AND part = ?2",
    [ST_DEL_FIELDS] = "DELETE FROM fields WHERE sha256 = ?1 AND part = ?2",
    [ST_DEL_EVIDENCE] = "DELETE FROM evidence WHERE sha256 = ?1 AND part = ?2",
    [ST_DEL_MENTIONS] = "DELETE FROM country_mentions WHERE sha256 = ?1 AND part = ?2",
    /* ?1 sha256 and ?2 part in every row statement */
    [ST_ADD_PAGE] = "INSERT INTO pages (sha256, part, number, source, dpi, width, height, words,"
                    " ocr_confidence, skew_degrees, error_code, error_message)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    [ST_ADD_FIELD] = "INSERT INTO fields (sha256, part, field, position, value)"
                     " VALUES (?1, ?2, ?3, ?5, ?4)",
    [ST_ADD_EVIDENCE] = "INSERT INTO evidence (sha256, part, idx, field, value, text, "
                        LOCATION_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                        " ?12, ?13, ?14, ?15)",
    [ST_ADD_MENTION] = "INSERT INTO country_mentions (sha256, part, idx, code, name, text, role, "
                       LOCATION_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                       " ?12, ?13, ?14, ?15, ?16)",
    [ST_ADD_ERROR] = "INSERT OR REPLACE INTO errors (run_id, file, sha256, error_code, error_message)"
                     " VALUES (?1, ?2, ?3, ?4, ?5)",
    [ST_END_RUN] = "UPDATE runs SET finished_at = ?2, files = ?3, ok = ?4, failed = ?5, skipped = ?6"
                   " WHERE id = ?1",
};

/* The extracted values that go to `fields`, one row per value: a list gives
 * a row per element (position 1..n), anything else position 1; `sub` picks a
 * member of an object value (a country's code).  Nulls give no row.  Members
 * a record does not have are passed over, so the list can name fields before
 * the extractors produce them. */
static const struct {
    const char *field, *sub;
} field_values[] = {
    {"filer", NULL},       {"motion_type", NULL},     {"removal_countries", "code"},
    {"nationality", "code"}, {"a_number", NULL},      {"a_numbers", NULL},
    {"respondent", NULL},  {"court", NULL},           {"detained", NULL},
    {"proceeding_type", NULL}, {"judge", NULL},       {"hearing_date", NULL},
    {"hearing_time", NULL}, {"filed_date", NULL},     {"authorities", NULL},
    {"response_due", "date"},
};

typedef struct {
    ms_sink base;
    sqlite3 *db;
    char *path;
    sqlite3_stmt *st[ST__COUNT];
    gint64 run_id;
    GHashTable *known; /* sha256 of documents ok when opened; NULL unless asked */
    const char *doc;   /* the file of the record being written, for messages */
    int files, ok, failed, skipped;
    /* the record being written: its part of the file (1 of 1 but for stacks) */
    int part, part_count, first_page, last_page;
} sqlite_sink;

/* Run a prepared statement to its end and make it ready for reuse.  A
 * failure names the database, the record's file and what was being done. */
static gboolean step(sqlite_sink *s, int which, const char *what, GError **err)
{
    sqlite3_stmt *st = s->st[which];
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {}
    gboolean ok = rc == SQLITE_DONE;
    if (!ok && s->doc)
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%s: %s: %s: %s", s->path, s->doc, what,
                    sqlite3_errmsg(s->db));
    else if (!ok)
        ms_sqlite_fail(s->db, s->path, what, err);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return ok;
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, i);
}

/* A JSON scalar as the matching SQLite type; null, absent or not a scalar:
 * NULL.  Booleans become 0/1. */
static void bind_node(sqlite3_stmt *st, int i, JsonNode *n)
{
    if (!n || !JSON_NODE_HOLDS_VALUE(n)) {
        sqlite3_bind_null(st, i);
        return;
    }
    switch (json_node_get_value_type(n)) {
    case G_TYPE_INT64: sqlite3_bind_int64(st, i, json_node_get_int(n)); break;
    case G_TYPE_DOUBLE: sqlite3_bind_double(st, i, json_node_get_double(n)); break;
    case G_TYPE_BOOLEAN: sqlite3_bind_int(st, i, json_node_get_boolean(n)); break;
    case G_TYPE_STRING: bind_text(st, i, json_node_get_string(n)); break;
    default: sqlite3_bind_null(st, i);
    }
}

static void bind_member(sqlite3_stmt *st, int i, JsonObject *o, const char *name)
{
    bind_node(st, i, ms_json_member(o, name));
}

/* A copy of `o`, in its order, without the member `drop`; the member `pages`
 * (an array of objects) copied with each element passed through this too.
 * Values are shared with `o` (json_node_copy is shallow), never modified. */
static JsonObject *object_without(JsonObject *o, const char *drop, const char *page_drop)
{
    JsonObject *c = json_object_new();
    GList *names = json_object_get_members(o); /* in the record's order */
    for (GList *l = names; l; l = l->next) {
        const char *name = l->data;
        JsonNode *n = json_object_get_member(o, name);
        if (strcmp(name, drop) == 0) continue;
        if (page_drop && strcmp(name, "pages") == 0 && JSON_NODE_HOLDS_ARRAY(n)) {
            JsonArray *pages = json_node_get_array(n), *copy = json_array_new();
            for (guint i = 0; i < json_array_get_length(pages); i++) {
                JsonObject *p = ms_json_elem_obj(pages, i);
                if (p) json_array_add_object_element(copy, object_without(p, page_drop, NULL));
                else json_array_add_element(copy, json_node_copy(json_array_get_element(pages, i)));
            }
            json_object_set_array_member(c, name, copy);
        } else {
            json_object_set_member(c, name, json_node_copy(n));
        }
    }
    g_list_free(names);
    return c;
}

/* The record as stored in record_json: without its timings (timings_ms and
 * each page's ms), which differ from run to run while the document does not. */
static char *stable_json(JsonObject *rec)
{
    JsonObject *c = object_without(rec, "timings_ms", "ms");
    JsonNode *root = json_node_init_object(json_node_alloc(), c);
    char *text = json_to_string(root, FALSE);
    json_node_unref(root);
    json_object_unref(c);
    return text;
}

char *ms_sqlite_stable_json(JsonObject *record)
{
    return stable_json(record);
}

static gboolean add_document(sqlite_sink *s, JsonObject *rec, const char *sha, const char *json,
                             GError **err)
{
    sqlite3_stmt *st = s->st[ST_UPSERT_DOC];
    JsonObject *error = ms_json_obj(rec, "error");
    bind_text(st, 1, sha);
    bind_member(st, 2, rec, "file");
    bind_member(st, 3, rec, "size");
    bind_member(st, 4, rec, "format");
    bind_member(st, 5, rec, "status");
    bind_member(st, 6, error, "code");
    bind_member(st, 7, error, "message");
    bind_member(st, 8, rec, "filer");
    bind_member(st, 9, rec, "motion_type");
    bind_member(st, 10, ms_json_obj(rec, "nationality"), "code");
    bind_member(st, 11, rec, "a_number");
    bind_member(st, 12, rec, "respondent");
    bind_member(st, 13, rec, "court");
    bind_member(st, 14, rec, "detained");
    bind_member(st, 15, rec, "title");
    bind_text(st, 16, json);
    sqlite3_bind_int64(st, 17, s->run_id);
    sqlite3_bind_int(st, 18, s->part);
    sqlite3_bind_int(st, 19, s->part_count);
    if (s->first_page > 0) sqlite3_bind_int(st, 20, s->first_page);
    else sqlite3_bind_null(st, 20);
    if (s->last_page > 0) sqlite3_bind_int(st, 21, s->last_page);
    else sqlite3_bind_null(st, 21);
    return step(s, ST_UPSERT_DOC, "cannot store the document", err);
}

static gboolean add_fields(sqlite_sink *s, JsonObject *rec, const char *sha, GError **err)
{
    sqlite3_stmt *st = s->st[ST_ADD_FIELD];
    for (gsize f = 0; f < G_N_ELEMENTS(field_values); f++) {
        JsonNode *n = ms_json_member(rec, field_values[f].field);
        if (!n || JSON_NODE_HOLDS_NULL(n)) continue;
        JsonArray *list = JSON_NODE_HOLDS_ARRAY(n) ? json_node_get_array(n) : NULL;
        guint count = list ? json_array_get_length(list) : 1;
        for (guint i = 0; i < count; i++) {
            JsonNode *v = list ? json_array_get_element(list, i) : n;
            if (field_values[f].sub)
                v = JSON_NODE_HOLDS_OBJECT(v) ? ms_json_member(json_node_get_object(v), field_values[f].sub)
                                              : NULL;
            if (!v || !JSON_NODE_HOLDS_VALUE(v)) continue;
            bind_text(st, 1, sha);
            sqlite3_bind_int(st, 2, s->part);
            bind_text(st, 3, field_values[f].field);
            if (json_node_get_value_type(v) == G_TYPE_BOOLEAN) /* as the JSON spells it */
                bind_text(st, 4, json_node_get_boolean(v) ? "true" : "false");
            else bind_node(st, 4, v);
            sqlite3_bind_int(st, 5, (int)i + 1);
            if (!step(s, ST_ADD_FIELD, "cannot store a field", err)) return FALSE;
        }
    }
    return TRUE;
}

static gboolean add_pages(sqlite_sink *s, JsonObject *rec, const char *sha, GError **err)
{
    JsonArray *pages = ms_json_arr(rec, "pages");
    sqlite3_stmt *st = s->st[ST_ADD_PAGE];
    for (guint i = 0; pages && i < json_array_get_length(pages); i++) {
        JsonObject *p = ms_json_elem_obj(pages, i);
        JsonObject *error = ms_json_obj(p, "error");
        bind_text(st, 1, sha);
        sqlite3_bind_int(st, 2, s->part);
        bind_member(st, 3, p, "number");
        bind_member(st, 4, p, "source");
        bind_member(st, 5, p, "dpi");
        bind_member(st, 6, p, "width");
        bind_member(st, 7, p, "height");
        bind_member(st, 8, p, "words");
        bind_member(st, 9, p, "ocr_confidence");
        bind_member(st, 10, p, "skew_degrees");
        bind_member(st, 11, error, "code");
        bind_member(st, 12, error, "message");
        if (!step(s, ST_ADD_PAGE, "cannot store a page", err)) return FALSE;
    }
    return TRUE;
}

/* page, bbox, dpi, confidence, rule, rule_source from parameter `first` on. */
static void bind_location(sqlite3_stmt *st, int first, JsonObject *o)
{
    bind_member(st, first, o, "page");
    JsonArray *box = ms_json_arr(o, "bbox");
    for (guint k = 0; k < 4; k++)
        bind_node(st, first + 1 + (int)k,
                  box && k < json_array_get_length(box) ? json_array_get_element(box, k) : NULL);
    bind_member(st, first + 5, o, "dpi");
    bind_member(st, first + 6, o, "confidence");
    bind_member(st, first + 7, o, "rule");
    bind_member(st, first + 8, o, "rule_source");
}

static gboolean add_evidence(sqlite_sink *s, JsonObject *rec, const char *sha, GError **err)
{
    JsonArray *ev = ms_json_arr(rec, "evidence");
    sqlite3_stmt *st = s->st[ST_ADD_EVIDENCE];
    for (guint i = 0; ev && i < json_array_get_length(ev); i++) {
        JsonObject *e = ms_json_elem_obj(ev, i);
        bind_text(st, 1, sha);
        sqlite3_bind_int(st, 2, s->part);
        sqlite3_bind_int(st, 3, (int)i);
        bind_member(st, 4, e, "field");
        bind_member(st, 5, e, "value");
        bind_member(st, 6, e, "text");
        bind_location(st, 7, e);
        if (!step(s, ST_ADD_EVIDENCE, "cannot store evidence", err)) return FALSE;
    }
    return TRUE;
}

static gboolean add_mentions(sqlite_sink *s, JsonObject *rec, const char *sha, GError **err)
{
    JsonArray *ms = ms_json_arr(rec, "country_mentions");
    sqlite3_stmt *st = s->st[ST_ADD_MENTION];
    for (guint i = 0; ms && i < json_array_get_length(ms); i++) {
        JsonObject *m = ms_json_elem_obj(ms, i);
        bind_text(st, 1, sha);
        sqlite3_bind_int(st, 2, s->part);
        sqlite3_bind_int(st, 3, (int)i);
        bind_member(st, 4, m, "code");
        bind_member(st, 5, m, "name");
        bind_member(st, 6, m, "text");
        bind_member(st, 7, m, "role");
        bind_location(st, 8, m);
        if (!step(s, ST_ADD_MENTION, "cannot store a country mention", err)) return FALSE;
    }
    return TRUE;
}

static gboolean add_error(sqlite_sink *s, JsonObject *rec, const char *sha, GError **err)
{
    sqlite3_stmt *st = s->st[ST_ADD_ERROR];
    JsonObject *error = ms_json_obj(rec, "error");
    sqlite3_bind_int64(st, 1, s->run_id);
    bind_member(st, 2, rec, "file");
    bind_text(st, 3, sha);
    bind_text(st, 4, ms_json_str(error, "code") ? ms_json_str(error, "code") : "internal");
    bind_member(st, 5, error, "message");
    return step(s, ST_ADD_ERROR, "cannot store an error", err);
}

/* Only moves last_run_id: the document's rows stay as they are. */
static gboolean touch_document(sqlite_sink *s, const char *sha, GError **err)
{
    sqlite3_stmt *st = s->st[ST_TOUCH_DOC];
    bind_text(st, 1, sha);
    sqlite3_bind_int64(st, 2, s->run_id);
    return step(s, ST_TOUCH_DOC, "cannot update a document", err);
}

/* The stored status and record_json of `sha`; FALSE when there is none. */
static gboolean old_document(sqlite_sink *s, const char *sha, char **status, char **json,
                             GError **err)
{
    sqlite3_stmt *st = s->st[ST_OLD_DOC];
    bind_text(st, 1, sha);
    sqlite3_bind_int(st, 2, s->part);
    int rc = sqlite3_step(st);
    gboolean found = rc == SQLITE_ROW;
    if (found) {
        *status = g_strdup((const char *)sqlite3_column_text(st, 0));
        *json = g_strdup((const char *)sqlite3_column_text(st, 1));
    } else if (rc != SQLITE_DONE) {
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%s: %s: cannot read documents: %s", s->path,
                    s->doc, sqlite3_errmsg(s->db));
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return found;
}

static int int_of(JsonNode *n, int fallback)
{
    double v;
    return n && ms_json_node_num(n, &v) && v >= 1 && v <= G_MAXINT ? (int)v : fallback;
}

/* The record's part of its file: part.index, part.count, part.pages; a
 * record without them (an older one, an error) is part 1 of 1. */
static void read_part(sqlite_sink *s, JsonObject *rec)
{
    JsonObject *part = ms_json_obj(rec, "part");
    JsonArray *pages = ms_json_arr(part, "pages");
    gboolean two = pages && json_array_get_length(pages) == 2;
    s->part = int_of(ms_json_member(part, "index"), 1);
    s->part_count = MAX(int_of(ms_json_member(part, "count"), 1), s->part);
    s->first_page = two ? int_of(json_array_get_element(pages, 0), 0) : 0;
    s->last_page = two ? int_of(json_array_get_element(pages, 1), 0) : 0;
}

/* The body of one record's transaction. */
static gboolean store(sqlite_sink *s, JsonObject *rec, const char *status, GError **err)
{
    const char *sha = ms_json_str(rec, "sha256");
    read_part(s, rec);
    gboolean is_error = strcmp(status, "error") == 0;
    if (strcmp(status, "skipped") == 0) return !sha || touch_document(s, sha, err);
    if (is_error && !add_error(s, rec, sha, err)) return FALSE;
    if (!sha) return TRUE; /* nothing to key a document row by: the error row is all */

    char *json = stable_json(rec);
    char *old_status = NULL, *old_json = NULL;
    GError *e = NULL;
    gboolean ok;
    if (old_document(s, sha, &old_status, &old_json, &e) &&
        (strcmp(old_json, json) == 0 || (is_error && strcmp(old_status, "ok") == 0))) {
        ok = touch_document(s, sha, err); /* unchanged, or a failure not to store over ok */
        goto out;
    }
    if (e) {
        g_propagate_error(err, e);
        ok = FALSE;
        goto out;
    }
    ok = add_document(s, rec, sha, json, err);
    for (int d = ST_DEL_EXTRA_PARTS; ok && d <= ST_DEL_MENTIONS; d++) {
        bind_text(s->st[d], 1, sha);
        sqlite3_bind_int(s->st[d], 2, d == ST_DEL_EXTRA_PARTS ? s->part_count : s->part);
        ok = step(s, d, "cannot replace a document's rows", err);
    }
    ok = ok && add_fields(s, rec, sha, err) && add_evidence(s, rec, sha, err) &&
         add_mentions(s, rec, sha, err) && add_pages(s, rec, sha, err);
out:
    g_free(json);
    g_free(old_status);
    g_free(old_json);
    return ok;
}

static gboolean sqlite_write(ms_sink *base, JsonObject *rec, GError **err)
{
    sqlite_sink *s = (sqlite_sink *)base;
    const char *status = ms_json_str(rec, "status") ? ms_json_str(rec, "status") : "error";
    s->files++;
    if (strcmp(status, "ok") == 0) s->ok++;
    else if (strcmp(status, "skipped") == 0) s->skipped++;
    else s->failed++;

    s->doc = ms_json_str(rec, "file") ? ms_json_str(rec, "file") : "(no file)";
    gboolean ok = step(s, ST_BEGIN, "cannot start a transaction", err);
    if (ok && !(ok = store(s, rec, status, err) && step(s, ST_COMMIT, "cannot commit", err)) &&
        !sqlite3_get_autocommit(s->db)) /* some failures (disk full, I/O) roll back by themselves */
        step(s, ST_ROLLBACK, "cannot roll back", NULL);
    s->doc = NULL;
    return ok;
}

static gboolean end_run(sqlite_sink *s, GError **err)
{
    sqlite3_stmt *st = s->st[ST_END_RUN];
    char *now = ms_utc_timestamp();
    sqlite3_bind_int64(st, 1, s->run_id);
    bind_text(st, 2, now);
    sqlite3_bind_int(st, 3, s->files);
    sqlite3_bind_int(st, 4, s->ok);
    sqlite3_bind_int(st, 5, s->failed);
    sqlite3_bind_int(st, 6, s->skipped);
    g_free(now);
    return step(s, ST_END_RUN, "cannot finish the run", err);
}

static void sink_free(sqlite_sink *s)
{
    for (int i = 0; i < ST__COUNT; i++) sqlite3_finalize(s->st[i]);
    if (s->known) g_hash_table_destroy(s->known);
    g_free(s->path);
    g_free(s);
}

static gboolean sqlite_close(ms_sink *base, GError **err)
{
    sqlite_sink *s = (sqlite_sink *)base;
    gboolean ok = s->run_id == 0 || end_run(s, err);
    for (int i = 0; i < ST__COUNT; i++) sqlite3_finalize(s->st[i]), s->st[i] = NULL;
    /* Closing the last connection checkpoints the WAL into the database. */
    if (sqlite3_close(s->db) != SQLITE_OK && ok)
        ok = ms_sqlite_fail(s->db, s->path, "cannot close the database", err);
    sink_free(s);
    return ok;
}

static const ms_sink_vtable sqlite_vtable = {"sqlite", sqlite_write, sqlite_close};

static gboolean start_run(sqlite_sink *s, const ms_sqlite_options *opt, GError **err)
{
    sqlite3_stmt *st = NULL;
    char *now = ms_utc_timestamp();
    gboolean ok = sqlite3_prepare_v2(s->db,
                                     "INSERT INTO runs (started_at, version, options)"
                                     " VALUES (?1, ?2, ?3)",
                                     -1, &st, NULL) == SQLITE_OK;
    if (ok) {
        bind_text(st, 1, now);
        bind_text(st, 2, MS_VERSION);
        bind_text(st, 3, opt->command_line ? opt->command_line : "");
        ok = sqlite3_step(st) == SQLITE_DONE;
    }
    if (ok) s->run_id = sqlite3_last_insert_rowid(s->db);
    else ms_sqlite_fail(s->db, s->path, "cannot start a run", err);
    sqlite3_finalize(st);
    g_free(now);
    return ok;
}

static gboolean load_known(sqlite_sink *s, GError **err)
{
    sqlite3_stmt *st = NULL;
    s->known = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    int rc = sqlite3_prepare_v2(s->db, "SELECT sha256 FROM documents WHERE status = 'ok'", -1, &st,
                                NULL);
    if (rc == SQLITE_OK)
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            g_hash_table_add(s->known, g_strdup((const char *)sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || ms_sqlite_fail(s->db, s->path, "cannot read the known documents", err);
}

gboolean ms_sink_sqlite_open(const char *path, const ms_sqlite_options *opt, ms_sink **out,
                             GError **err)
{
    static const ms_sqlite_options defaults = MS_SQLITE_OPTIONS_INIT;
    if (!opt) opt = &defaults;
    *out = NULL;
    sqlite_sink *s = g_new0(sqlite_sink, 1);
    s->base.vt = &sqlite_vtable;
    s->path = g_strdup(path);
    if (!ms_sqlite_open(path, &s->db, err)) goto fail;
    for (int i = 0; i < ST__COUNT; i++)
        if (sqlite3_prepare_v3(s->db, statements[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i],
                               NULL) != SQLITE_OK) {
            ms_sqlite_fail(s->db, path, "cannot prepare a statement", err);
            goto fail;
        }
    /* the run's row last: nothing after it can fail, so no run is left unfinished */
    if ((opt->load_known && !load_known(s, err)) || !start_run(s, opt, err)) goto fail;
    *out = &s->base;
    return TRUE;
fail:
    sqlite_close(&s->base, NULL);
    return FALSE;
}

gboolean ms_sink_sqlite_known(const ms_sink *base, const char *sha256)
{
    if (!base || base->vt != &sqlite_vtable || !sha256) return FALSE;
    const sqlite_sink *s = (const sqlite_sink *)base;
    return s->known && g_hash_table_contains(s->known, sha256);
}

gboolean ms_sink_sqlite_has_error(const ms_sink *base, const char *file)
{
    if (!base || base->vt != &sqlite_vtable || !file) return FALSE;
    const sqlite_sink *s = (const sqlite_sink *)base;
    sqlite3_stmt *st = NULL;
    gboolean found = FALSE;
    if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM errors WHERE file = ?1 LIMIT 1", -1, &st, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_text(st, 1, file, -1, SQLITE_TRANSIENT);
        found = sqlite3_step(st) == SQLITE_ROW;
    }
    sqlite3_finalize(st);
    return found;
}
