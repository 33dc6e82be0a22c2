/* review — verdict files in, accuracy out (the design is in review.h; the
 * table is the reviews migration step in sink_sqlite.c).
 */
#include "pipeline/review/review.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/document/record_json.h"

typedef struct {
    char *sha256, *file, *field, *value, *verdict, *correct_value, *rule, *rule_source, *reviewer;
    char *time; /* normalised: UTC, microseconds, so later sorts after */
} verdict;

static void verdict_clear(verdict *v)
{
    g_free(v->sha256), g_free(v->file), g_free(v->field), g_free(v->value), g_free(v->verdict);
    g_free(v->correct_value), g_free(v->rule), g_free(v->rule_source), g_free(v->reviewer);
    g_free(v->time);
}

/* A string member: `*out` NULL for null or missing (when allowed). */
static gboolean text_member(JsonObject *o, const char *name, gboolean required, char **out,
                            const char *path, guint i, GError **err)
{
    JsonNode *n = ms_json_member(o, name);
    *out = NULL;
    if (!n || JSON_NODE_HOLDS_NULL(n)) {
        if (!required) return TRUE;
        g_set_error(err, MS_ERROR, MS_ERR_USAGE, "%s: verdicts[%u]: %s is missing", path, i, name);
        return FALSE;
    }
    const char *s = ms_json_str(o, name);
    if (!s || strlen(s) > MS_REVIEW_MAX_TEXT || !g_utf8_validate(s, -1, NULL)) {
        g_set_error(err, MS_ERROR, MS_ERR_USAGE, "%s: verdicts[%u]: %s must be %s", path, i, name,
                    s ? "UTF-8 text of at most 4096 bytes" : "a string");
        return FALSE;
    }
    *out = g_strdup(s);
    return TRUE;
}

static gboolean is_field_name(const char *s)
{
    if (!*s || strlen(s) > 64) return FALSE;
    for (const char *p = s; *p; p++)
        if (!g_ascii_islower(*p) && *p != '_') return FALSE;
    return TRUE;
}

static gboolean parse_verdict(JsonObject *o, const char *path, guint i, verdict *v, GError **err)
{
    if (!o) {
        g_set_error(err, MS_ERROR, MS_ERR_USAGE, "%s: verdicts[%u]: not an object", path, i);
        return FALSE;
    }
    char *time = NULL;
    if (!text_member(o, "sha256", TRUE, &v->sha256, path, i, err) ||
        !text_member(o, "field", TRUE, &v->field, path, i, err) ||
        !text_member(o, "value", FALSE, &v->value, path, i, err) ||
        !text_member(o, "verdict", TRUE, &v->verdict, path, i, err) ||
        !text_member(o, "correct_value", FALSE, &v->correct_value, path, i, err) ||
        !text_member(o, "rule", FALSE, &v->rule, path, i, err) ||
        !text_member(o, "rule_source", FALSE, &v->rule_source, path, i, err) ||
        !text_member(o, "reviewer", FALSE, &v->reviewer, path, i, err) ||
        !text_member(o, "file", FALSE, &v->file, path, i, err) ||
        !text_member(o, "time", TRUE, &time, path, i, err))
        return FALSE;
    const char *bad = NULL;
    GDateTime *t = g_date_time_new_from_iso8601(time, NULL);
    if (!ms_json_is_sha256(v->sha256))
        bad = "sha256 must be 64 lowercase hex digits";
    else if (!is_field_name(v->field))
        bad = "field must be a record member name (a-z and _)";
    else if (strcmp(v->verdict, "correct") != 0 && strcmp(v->verdict, "wrong") != 0)
        bad = "verdict must be \"correct\" or \"wrong\"";
    else if (!t)
        bad = "time must be an ISO 8601 date and time with a zone (2026-01-31T09:15:02Z)";
    if (!bad) {
        GDateTime *utc = g_date_time_to_utc(t);
        v->time = g_date_time_format(utc, "%Y-%m-%dT%H:%M:%S.%fZ");
        g_date_time_unref(utc);
        if (!v->value) v->value = g_strdup(""); /* the report showed no value */
        if (!v->reviewer) v->reviewer = g_strdup("");
        if (strcmp(v->verdict, "correct") == 0) g_clear_pointer(&v->correct_value, g_free);
    }
    if (t) g_date_time_unref(t);
    g_free(time);
    if (bad) g_set_error(err, MS_ERROR, MS_ERR_USAGE, "%s: verdicts[%u]: %s", path, i, bad);
    return !bad;
}

/* The whole file, checked, as an array of verdicts. */
static GArray *read_file(const char *path, GError **err)
{
    char *text = NULL;
    gsize len = 0;
    GError *e = NULL;
    GArray *out = NULL;
    JsonParser *parser = json_parser_new();
    if (!g_file_get_contents(path, &text, &len, &e)) {
        g_set_error(err, MS_ERROR, MS_ERR_USAGE, "%s", e->message);
        goto done;
    }
    if (len > MS_REVIEW_MAX_FILE_BYTES) {
        g_set_error(err, MS_ERROR, MS_ERR_USAGE, "%s: %zu bytes exceeds the limit of %d bytes",
                    path, (size_t)len, MS_REVIEW_MAX_FILE_BYTES);
        goto done;
    }
    if (!json_parser_load_from_data(parser, text, (gssize)len, &e)) {
        g_set_error(err, MS_ERROR, MS_ERR_USAGE, "%s: not JSON: %s", path, e->message);
        goto done;
    }
    JsonNode *root = json_parser_get_root(parser);
    JsonObject *top = root && JSON_NODE_HOLDS_OBJECT(root) ? json_node_get_object(root) : NULL;
    JsonNode *fmt =
        top && json_object_has_member(top, "format") ? json_object_get_member(top, "format") : NULL;
    JsonNode *ver = top && json_object_has_member(top, "version")
                        ? json_object_get_member(top, "version")
                        : NULL;
    JsonNode *list = top && json_object_has_member(top, "verdicts")
                         ? json_object_get_member(top, "verdicts")
                         : NULL;
    if (!fmt || !JSON_NODE_HOLDS_VALUE(fmt) || json_node_get_value_type(fmt) != G_TYPE_STRING ||
        strcmp(json_node_get_string(fmt), "motionscan-verdicts") != 0) {
        g_set_error(err, MS_ERROR, MS_ERR_USAGE,
                    "%s: not a motionscan verdict file (its \"format\" must be "
                    "\"motionscan-verdicts\")",
                    path);
        goto done;
    }
    if (!ver || !JSON_NODE_HOLDS_VALUE(ver) || json_node_get_value_type(ver) != G_TYPE_INT64 ||
        json_node_get_int(ver) != 1) {
        g_set_error(err, MS_ERROR, MS_ERR_USAGE, "%s: verdict file version must be 1", path);
        goto done;
    }
    if (!list || !JSON_NODE_HOLDS_ARRAY(list)) {
        g_set_error(err, MS_ERROR, MS_ERR_USAGE, "%s: \"verdicts\" must be a list", path);
        goto done;
    }
    JsonArray *a = json_node_get_array(list);
    out = g_array_new(FALSE, TRUE, sizeof(verdict));
    g_array_set_clear_func(out, (GDestroyNotify)verdict_clear);
    for (guint i = 0; i < json_array_get_length(a); i++) {
        JsonNode *n = json_array_get_element(a, i);
        verdict v = {0};
        if (!parse_verdict(JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL, path, i, &v,
                           err)) {
            verdict_clear(&v);
            g_clear_pointer(&out, g_array_unref);
            goto done;
        }
        g_array_append_val(out, v);
    }
done:
    g_clear_error(&e);
    g_object_unref(parser);
    g_free(text);
    return out;
}

static gboolean db_fail(sqlite3 *db, const char *db_path, const char *what, GError **err)
{
    g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%s: %s: %s", db_path, what, sqlite3_errmsg(db));
    return FALSE;
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* 1: new, 2: newer than the stored one, 0: not newer; -1 on error. */
static int classify(sqlite3_stmt *old, const verdict *v)
{
    bind_text(old, 1, v->sha256);
    bind_text(old, 2, v->field);
    bind_text(old, 3, v->value);
    bind_text(old, 4, v->reviewer);
    int rc = sqlite3_step(old), kind = -1;
    if (rc == SQLITE_DONE)
        kind = 1;
    else if (rc == SQLITE_ROW)
        kind = strcmp(v->time, (const char *)sqlite3_column_text(old, 0)) > 0 ? 2 : 0;
    sqlite3_reset(old);
    return kind;
}

static gboolean store(sqlite3 *db, const char *db_path, GArray *vs, ms_review_import_stats *st,
                      GError **err)
{
    sqlite3_stmt *old = NULL, *put = NULL;
    char *now = ms_utc_timestamp();
    gboolean ok = FALSE;
    if (sqlite3_prepare_v2(db,
                           "SELECT reviewed_at FROM reviews WHERE sha256 = ?1 AND field = ?2"
                           " AND value = ?3 AND reviewer = ?4",
                           -1, &old, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(
            db,
            "INSERT OR REPLACE INTO reviews (sha256, field, value, reviewer, verdict,"
            " correct_value, rule, rule_source, file, reviewed_at, imported_at)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            -1, &put, NULL) != SQLITE_OK) {
        db_fail(db, db_path, "cannot prepare the import", err);
        goto out;
    }
    for (guint i = 0; i < vs->len; i++) {
        const verdict *v = &g_array_index(vs, verdict, i);
        int kind = classify(old, v);
        if (kind < 0) {
            db_fail(db, db_path, "cannot read reviews", err);
            goto out;
        }
        if (kind == 0) {
            st->unchanged++;
            continue;
        }
        const char *vals[] = {v->sha256,  v->field,         v->value, v->reviewer,
                              v->verdict, v->correct_value, v->rule,  v->rule_source,
                              v->file,    v->time,          now};
        for (int k = 0; k < 11; k++)
            bind_text(put, k + 1, vals[k]);
        int rc = sqlite3_step(put);
        sqlite3_reset(put);
        if (rc != SQLITE_DONE) {
            db_fail(db, db_path, "cannot store a verdict", err);
            goto out;
        }
        if (kind == 1)
            st->added++;
        else
            st->updated++;
    }
    ok = TRUE;
out:
    sqlite3_finalize(old);
    sqlite3_finalize(put);
    g_free(now);
    return ok;
}

gboolean ms_review_import(sqlite3 *db, const char *db_path, const char *path,
                          ms_review_import_stats *st, GError **err)
{
    memset(st, 0, sizeof *st);
    GArray *vs = read_file(path, err);
    if (!vs) return FALSE;
    st->verdicts = (int)vs->len;
    gboolean ok = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK ||
                  db_fail(db, db_path, "cannot lock the database", err);
    if (ok) {
        ok = store(db, db_path, vs, st, err) &&
             (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK ||
              db_fail(db, db_path, "cannot commit", err));
        if (!ok && !sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    }
    if (!ok) memset(st, 0, sizeof *st), st->verdicts = (int)vs->len;
    g_array_unref(vs);
    return ok;
}

/* ---- stats ---- */

static const char *const field_sql =
    "SELECT field, COUNT(*), SUM(verdict = 'correct'), SUM(verdict = 'wrong'),"
    " SUM(verdict = 'wrong' AND value = '') FROM reviews GROUP BY field ORDER BY field";
static const char *const rule_sql =
    "SELECT rule, MAX(rule_source), COUNT(*), SUM(verdict = 'correct'), SUM(verdict = 'wrong')"
    " FROM reviews GROUP BY rule"
    " ORDER BY SUM(verdict = 'correct') * 1.0 / COUNT(*), COUNT(*) DESC, rule";
static const char *const total_sql =
    "SELECT COUNT(*), SUM(verdict = 'correct'), SUM(verdict = 'wrong'),"
    " SUM(verdict = 'wrong' AND value = ''), COUNT(DISTINCT reviewer), COUNT(DISTINCT sha256)"
    " FROM reviews";

static void json_counts(JsonBuilder *b, gint64 n, gint64 correct, gint64 wrong)
{
    json_builder_set_member_name(b, "verdicts");
    json_builder_add_int_value(b, n);
    json_builder_set_member_name(b, "correct");
    json_builder_add_int_value(b, correct);
    json_builder_set_member_name(b, "wrong");
    json_builder_add_int_value(b, wrong);
    json_builder_set_member_name(b, "accuracy");
    json_builder_add_double_value(b, n ? (double)correct / (double)n : 0.0);
}

static gboolean rows(sqlite3 *db, const char *db_path, const char *sql, gboolean by_rule,
                     gboolean as_json, JsonBuilder *b, GString *out, GError **err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, db_path, "cannot read reviews", err);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const char *source = by_rule ? (const char *)sqlite3_column_text(st, 1) : NULL;
        int c = by_rule ? 2 : 1;
        gint64 n = sqlite3_column_int64(st, c), correct = sqlite3_column_int64(st, c + 1),
               wrong = sqlite3_column_int64(st, c + 2);
        gint64 missed = by_rule ? 0 : sqlite3_column_int64(st, 4);
        if (as_json) {
            json_builder_begin_object(b);
            json_builder_set_member_name(b, by_rule ? "rule" : "field");
            if (name)
                json_builder_add_string_value(b, name);
            else
                json_builder_add_null_value(b);
            if (by_rule) {
                json_builder_set_member_name(b, "rule_source");
                if (source)
                    json_builder_add_string_value(b, source);
                else
                    json_builder_add_null_value(b);
            } else {
                json_builder_set_member_name(b, "missed");
                json_builder_add_int_value(b, missed);
            }
            json_counts(b, n, correct, wrong);
            json_builder_end_object(b);
        } else if (by_rule) {
            g_string_append_printf(out,
                                   "%-44s %8" G_GINT64_FORMAT " %8" G_GINT64_FORMAT
                                   " %6" G_GINT64_FORMAT " %9.3f  %s\n",
                                   name ? name : "(no rule)", n, correct, wrong,
                                   (double)correct / (double)n, source ? source : "");
        } else {
            g_string_append_printf(out,
                                   "%-20s %8" G_GINT64_FORMAT " %8" G_GINT64_FORMAT
                                   " %6" G_GINT64_FORMAT " %7" G_GINT64_FORMAT " %9.3f\n",
                                   name, n, correct, wrong, missed, (double)correct / (double)n);
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || db_fail(db, db_path, "cannot read reviews", err);
}

gboolean ms_review_stats(sqlite3 *db, const char *db_path, gboolean as_json, GString *out,
                         GError **err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, total_sql, -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return db_fail(db, db_path, "cannot read reviews", err);
    }
    gint64 t[6];
    for (int k = 0; k < 6; k++)
        t[k] = sqlite3_column_int64(st, k);
    sqlite3_finalize(st);
    JsonBuilder *b = as_json ? json_builder_new() : NULL;
    gboolean ok;
    if (as_json) {
        json_builder_begin_object(b);
        json_counts(b, t[0], t[1], t[2]);
        json_builder_set_member_name(b, "missed");
        json_builder_add_int_value(b, t[3]);
        json_builder_set_member_name(b, "reviewers");
        json_builder_add_int_value(b, t[4]);
        json_builder_set_member_name(b, "documents");
        json_builder_add_int_value(b, t[5]);
        json_builder_set_member_name(b, "fields");
        json_builder_begin_array(b);
        ok = rows(db, db_path, field_sql, FALSE, TRUE, b, out, err);
        json_builder_end_array(b);
        json_builder_set_member_name(b, "rules");
        json_builder_begin_array(b);
        ok = ok && rows(db, db_path, rule_sql, TRUE, TRUE, b, out, err);
        json_builder_end_array(b);
        json_builder_end_object(b);
        if (ok) {
            JsonNode *root = json_builder_get_root(b);
            char *text = json_to_string(root, TRUE);
            g_string_append_printf(out, "%s\n", text);
            g_free(text);
            json_node_unref(root);
        }
        g_object_unref(b);
        return ok;
    }
    if (!t[0]) {
        g_string_append(out, "no verdicts yet: import the report's verdict files with "
                             "motionscan review import FILE --db DB\n");
        return TRUE;
    }
    g_string_append_printf(out,
                           "%" G_GINT64_FORMAT " verdicts by %" G_GINT64_FORMAT
                           " reviewer%s on %" G_GINT64_FORMAT " document%s\n\n",
                           t[0], t[4], t[4] == 1 ? "" : "s", t[5], t[5] == 1 ? "" : "s");
    g_string_append_printf(out, "%-20s %8s %8s %6s %7s %9s\n", "field", "verdicts", "correct",
                           "wrong", "missed", "accuracy");
    ok = rows(db, db_path, field_sql, FALSE, FALSE, NULL, out, err);
    g_string_append_printf(out,
                           "%-20s %8" G_GINT64_FORMAT " %8" G_GINT64_FORMAT " %6" G_GINT64_FORMAT
                           " %7" G_GINT64_FORMAT " %9.3f\n",
                           "all", t[0], t[1], t[2], t[3], (double)t[1] / (double)t[0]);
    g_string_append_printf(out, "\n%-44s %8s %8s %6s %9s  %s\n", "rule (worst first)", "verdicts",
                           "correct", "wrong", "accuracy", "source");
    return ok && rows(db, db_path, rule_sql, TRUE, FALSE, NULL, out, err);
}
