/* sinks: the SQLite database (schema, one transaction per record, replacing
 * a document's rows, runs, errors, known documents).  Records are JSON, as
 * the batch hands them over. */
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/sinks/sink.h"
#include "pipeline/sinks/sink_sqlite.h"
#include "tests/sink_fixtures.h"

/* ---- SQLite ---- */

static ms_sink *db_open(const char *path, gboolean load_known)
{
    ms_sqlite_options opt = MS_SQLITE_OPTIONS_INIT;
    opt.command_line = "[\"motionscan\",\"run\",\"--db\",\"x.db\"]";
    opt.load_known = load_known;
    ms_sink *s = NULL;
    GError *err = NULL;
    g_assert_true(ms_sink_sqlite_open(path, &opt, &s, &err));
    g_assert_no_error(err);
    return s;
}

static void db_write(ms_sink *s, JsonObject *rec)
{
    GError *err = NULL;
    g_assert_true(ms_sink_write(s, rec, &err));
    g_assert_no_error(err);
    json_object_unref(rec);
}

static void db_close(ms_sink *s)
{
    GError *err = NULL;
    g_assert_true(ms_sink_close(s, &err));
    g_assert_no_error(err);
}

static int dump_row(void *out, int n, char **values, char **names)
{
    for (int i = 0; i < n; i++)
        g_string_append_printf(out, "%s%s", i ? "|" : "", values[i] ? values[i] : "NULL");
    g_string_append_c(out, '\n');
    return 0;
}

/* The rows of a query as "a|b|NULL\n" lines, read with a connection of its own. */
static char *query(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    g_assert_cmpint(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    GString *out = g_string_new(NULL);
    char *msg = NULL;
    if (sqlite3_exec(db, sql, dump_row, out, &msg) != SQLITE_OK) g_error("%s: %s", sql, msg);
    sqlite3_close(db);
    return g_string_free(out, FALSE);
}

static void assert_query(const char *path, const char *sql, const char *want)
{
    char *got = query(path, sql);
    g_assert_cmpstr(got, ==, want);
    g_free(got);
}

/* Every data row of the document tables, in key order. */
static char *dump_data(const char *path)
{
    return query(path,
                 "SELECT sha256, file, size, format, status, error_code, error_message, filer,"
                 " motion_type, nationality_code, a_number, respondent, court, detained, title,"
                 " record_json, first_run_id FROM documents ORDER BY sha256;"
                 "SELECT * FROM pages ORDER BY sha256, number;"
                 "SELECT * FROM fields ORDER BY sha256, field, position;"
                 "SELECT * FROM evidence ORDER BY sha256, idx;"
                 "SELECT * FROM country_mentions ORDER BY sha256, idx;");
}

static void test_sqlite_schema(void)
{
    char *path = ms_test_tmp_path("r.db");
    ms_sink *s = db_open(path, FALSE);
    db_write(s, ms_test_record());
    db_write(s, ms_test_parse(ms_test_missing_json));
    db_close(s);
    assert_query(path, "PRAGMA user_version", "4\n");
    assert_query(path, "PRAGMA integrity_check", "ok\n");
    assert_query(path, "PRAGMA foreign_key_check", "");
    assert_query(path, "PRAGMA journal_mode", "wal\n");
    assert_query(path, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                 "calendar_events\ncountry_mentions\ndocuments\nerrors\nevidence\nfields\npages\n"
                 "reviews\nruns\n");
    assert_query(path, "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
                       " ORDER BY name",
                 "documents_motion_type\nfields_field_value\nreviews_rule\n");
    assert_query(path, "SELECT id, version, options, files, ok, failed, skipped,"
                       " finished_at >= started_at FROM runs",
                 "1|" MS_VERSION "|[\"motionscan\",\"run\",\"--db\",\"x.db\"]|2|1|1|0|1\n");
    assert_query(path,
                 "SELECT status, filer, motion_type, nationality_code, a_number, respondent, court,"
                 " detained, title, first_run_id, last_run_id FROM documents",
                 "ok|dhs|pretermit|VE|212345678|RAMIREZ TORRES, Yusmary|Houston, TX|1|"
                 "DHS MOTION TO PRETERMIT|1|1\n");
    /* one row per value; the list in its order */
    assert_query(path, "SELECT field, value, position FROM fields ORDER BY field, position",
                 "a_number|212345678|1\ncourt|Houston, TX|1\ndetained|true|1\nfiler|dhs|1\n"
                 "motion_type|pretermit|1\nnationality|VE|1\nremoval_countries|EC|1\n"
                 "removal_countries|UG|2\nrespondent|RAMIREZ TORRES, Yusmary|1\n");
    assert_query(path, "SELECT * FROM evidence ORDER BY idx",
                 SHA_A "|1|0|motion_type|pretermit|MOTION TO PRETERMIT|1|1|2|3|4|300|91.5|"
                       "motion.pretermit.title|rules/motion.rules:32\n" SHA_A
                       "|1|1|removal_countries|EC|Ecuador|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL\n");
    assert_query(path, "SELECT * FROM country_mentions",
                 SHA_A "|1|0|EC|Ecuador|Ecuador|removal|2|5|6|7|8|300|88.0|r|rules/countries.rules:1\n");
    assert_query(path, "SELECT number, source, ocr_confidence, skew_degrees FROM pages",
                 "1|ocr|91.375|0.5\n2|text|NULL|0.0\n3|ocr|78.25|-1.0\n");
    /* the record, less what changes from run to run */
    assert_query(path,
                 "SELECT json_extract(record_json, '$.motion_type'),"
                 " json_type(record_json, '$.timings_ms'), json_type(record_json, '$.pages[0].ms'),"
                 " json_extract(record_json, '$.pages[2].ocr_confidence') FROM documents",
                 "pretermit|NULL|NULL|78.25\n");
    /* no sha256: only in errors */
    assert_query(path, "SELECT * FROM errors",
                 "1|in/missing.pdf|NULL|not_found|in/missing.pdf: No such file or directory\n");
    ms_test_remove_tmp(path);
}

static void test_sqlite_same_twice(void)
{
    char *path = ms_test_tmp_path("r.db");
    ms_sink *s = db_open(path, FALSE);
    db_write(s, ms_test_record());
    db_close(s);
    char *first = dump_data(path);

    s = db_open(path, FALSE);
    JsonObject *again = ms_test_record(); /* the same document, other timings */
    json_object_set_int_member(json_object_get_object_member(again, "timings_ms"), "total", 9);
    db_write(s, again);
    db_close(s);
    char *second = dump_data(path);
    g_assert_cmpstr(first, ==, second);
    assert_query(path, "SELECT count(*), first_run_id, last_run_id FROM documents", "1|1|2\n");
    assert_query(path, "SELECT id, files, ok FROM runs", "1|1|1\n2|1|1\n");
    g_free(first);
    g_free(second);
    ms_test_remove_tmp(path);
}

static void test_sqlite_replace(void)
{
    char *path = ms_test_tmp_path("r.db");
    ms_sink *s = db_open(path, FALSE);
    db_write(s, ms_test_record());
    db_close(s);

    /* read again with better rules: one country, one piece of evidence, a page less */
    s = db_open(path, FALSE);
    JsonObject *o = ms_test_record();
    JsonArray *rc = json_array_new();
    json_array_add_element(rc, json_from_string("{\"code\":\"HN\",\"name\":\"Honduras\"}", NULL));
    json_object_set_array_member(o, "removal_countries", rc);
    json_array_remove_element(json_object_get_array_member(o, "evidence"), 1);
    json_array_remove_element(json_object_get_array_member(o, "pages"), 2);
    json_object_set_string_member(o, "file", "in/renamed.pdf");
    db_write(s, o);
    db_close(s);
    assert_query(path, "SELECT value, position FROM fields WHERE field = 'removal_countries'",
                 "HN|1\n");
    assert_query(path, "SELECT count(*) FROM evidence", "1\n");
    assert_query(path, "SELECT group_concat(number) FROM pages", "1,2\n");
    assert_query(path, "SELECT file, first_run_id, last_run_id FROM documents",
                 "in/renamed.pdf|1|2\n");
    ms_test_remove_tmp(path);
}

/* A record whose pages repeat a number fails on its last insert: nothing of
 * it may stay, and the document's earlier rows must be whole. */
static void test_sqlite_transaction(void)
{
    char *path = ms_test_tmp_path("r.db");
    ms_sink *s = db_open(path, FALSE);
    db_write(s, ms_test_record());
    char *before = dump_data(path);

    for (int fresh = 0; fresh < 2; fresh++) {
        JsonObject *o = ms_test_record();
        if (fresh) json_object_set_string_member(o, "sha256", SHA_B);
        json_object_set_string_member(o, "motion_type", "dismiss");
        JsonArray *pages = json_object_get_array_member(o, "pages");
        json_array_add_element(pages, json_node_copy(json_array_get_element(pages, 0)));
        GError *err = NULL;
        g_assert_false(ms_sink_write(s, o, &err));
        g_assert_error(err, MS_ERROR, MS_ERR_OUTPUT);
        g_assert_nonnull(strstr(err->message, path));
        g_assert_nonnull(strstr(err->message, "in/a.pdf"));
        g_assert_nonnull(strstr(err->message, "UNIQUE constraint failed"));
        g_error_free(err);
        json_object_unref(o);
        char *after = dump_data(path);
        g_assert_cmpstr(before, ==, after);
        g_free(after);
    }
    /* the sink is still usable */
    db_write(s, ms_test_parse(ms_test_missing_json));
    db_close(s);
    assert_query(path, "SELECT count(*) FROM errors", "1\n");
    assert_query(path, "SELECT files, ok, failed FROM runs", "4|3|1\n");
    g_free(before);
    ms_test_remove_tmp(path);
}

static void test_sqlite_errors(void)
{
    char *path = ms_test_tmp_path("r.db");
    ms_sink *s = db_open(path, FALSE);
    db_write(s, ms_test_record());
    db_close(s);
#define ROWS_OF_A(table) "SELECT * FROM " table " WHERE sha256 = '" SHA_A "';"
    const char *rows_a = ROWS_OF_A("pages") ROWS_OF_A("fields") ROWS_OF_A("evidence")
        ROWS_OF_A("country_mentions") "SELECT record_json, status FROM documents"
        " WHERE sha256 = '" SHA_A "';";
    char *before = query(path, rows_a);

    s = db_open(path, FALSE);
    /* the same bytes failing now (say, a password forgotten) keep the ok row */
    db_write(s, ms_test_error_record("in/a.pdf", SHA_A, "encrypted"));
    /* bytes never read ok are stored with status error */
    db_write(s, ms_test_error_record("in/b.pdf", SHA_B, "corrupt_pdf"));
    db_close(s);
    assert_query(path, "SELECT sha256, status, error_code, last_run_id FROM documents ORDER BY sha256",
                 SHA_A "|ok|NULL|2\n" SHA_B "|error|corrupt_pdf|2\n");
    assert_query(path, "SELECT run_id, file, error_code FROM errors ORDER BY file",
                 "2|in/a.pdf|encrypted\n2|in/b.pdf|corrupt_pdf\n");
    char *after = query(path, rows_a);
    g_assert_cmpstr(before, ==, after);
    g_assert_nonnull(strstr(after, "pretermit"));
    g_free(after);

    /* read ok later, it replaces the error row */
    s = db_open(path, FALSE);
    JsonObject *o = ms_test_record();
    json_object_set_string_member(o, "sha256", SHA_B);
    db_write(s, o);
    db_close(s);
    assert_query(path, "SELECT status, error_code, first_run_id, last_run_id FROM documents"
                       " WHERE sha256 = '" SHA_B "'",
                 "ok|NULL|2|3\n");
    g_free(before);
    ms_test_remove_tmp(path);
}

static void test_sqlite_known(void)
{
    char *path = ms_test_tmp_path("r.db");
    ms_sink *s = db_open(path, TRUE);
    g_assert_false(ms_sink_sqlite_known(s, SHA_A));
    db_write(s, ms_test_record());
    db_write(s, ms_test_error_record("in/b.pdf", SHA_B, "corrupt_pdf"));
    /* a snapshot taken when opened, whatever the batch writes since */
    g_assert_false(ms_sink_sqlite_known(s, SHA_A));
    db_close(s);

    s = db_open(path, TRUE);
    g_assert_true(ms_sink_sqlite_known(s, SHA_A));
    g_assert_false(ms_sink_sqlite_known(s, SHA_B)); /* an error is tried again */
    g_assert_false(ms_sink_sqlite_known(s, "cccc"));
    g_assert_false(ms_sink_sqlite_known(s, NULL));
    char *before = dump_data(path);
    /* a skipped record only moves last_run_id */
    JsonObject *skipped = ms_test_parse(ms_test_missing_json);
    json_object_set_string_member(skipped, "file", "in/a.pdf");
    json_object_set_string_member(skipped, "sha256", SHA_A);
    json_object_set_string_member(skipped, "status", "skipped");
    json_object_set_null_member(skipped, "error");
    db_write(s, skipped);
    db_close(s);
    char *after = dump_data(path);
    g_assert_cmpstr(before, ==, after);
    assert_query(path, "SELECT last_run_id FROM documents WHERE sha256 = '" SHA_A "'", "2\n");
    assert_query(path, "SELECT id, files, ok, failed, skipped FROM runs WHERE id = 2",
                 "2|1|0|0|1\n");
    assert_query(path, "SELECT count(*) FROM errors", "1\n");

    /* not loaded unless asked; not a database sink */
    s = db_open(path, FALSE);
    g_assert_false(ms_sink_sqlite_known(s, SHA_A));
    db_close(s);
    ms_sink *jsonl = ms_sink_jsonl_new(stderr, FALSE);
    g_assert_false(ms_sink_sqlite_known(jsonl, SHA_A));
    ms_sink_close(jsonl, NULL);
    g_free(before);
    g_free(after);
    ms_test_remove_tmp(path);
}

static void test_sqlite_refuses(void)
{
    ms_sink *s = NULL;
    GError *err = NULL;
    g_assert_false(ms_sink_sqlite_open("/nonexistent-dir/r.db", NULL, &s, &err));
    g_assert_null(s);
    g_assert_error(err, MS_ERROR, MS_ERR_OUTPUT);
    g_assert_nonnull(strstr(err->message, "/nonexistent-dir/r.db"));
    g_clear_error(&err);

    /* a database from a newer motionscan is left alone */
    char *path = ms_test_tmp_path("r.db");
    sqlite3 *db = NULL;
    g_assert_cmpint(sqlite3_open(path, &db), ==, SQLITE_OK);
    g_assert_cmpint(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close(db);
    g_assert_false(ms_sink_sqlite_open(path, NULL, &s, &err));
    g_assert_error(err, MS_ERROR, MS_ERR_OUTPUT);
    g_assert_nonnull(strstr(err->message, "schema version 99"));
    g_clear_error(&err);
    assert_query(path, "SELECT count(*) FROM sqlite_schema", "0\n");

    /* not a database at all */
    g_assert_true(g_file_set_contents(path, "%PDF-1.7 not a database, but long enough to be read",
                                      -1, NULL));
    g_assert_false(ms_sink_sqlite_open(path, NULL, &s, &err));
    g_assert_error(err, MS_ERROR, MS_ERR_OUTPUT);
    g_assert_nonnull(strstr(err->message, path));
    g_clear_error(&err);
    ms_test_remove_tmp(path);
}

/* ms_sink_sqlite_has_error: an error row for the file in any run. */
static void test_sqlite_has_error(void)
{
    char *path = ms_test_tmp_path("r.db");
    ms_sink *s = db_open(path, FALSE);
    g_assert_false(ms_sink_sqlite_has_error(s, "in/b.pdf"));
    db_write(s, ms_test_error_record("in/b.pdf", SHA_B, "corrupt_pdf"));
    db_write(s, ms_test_record());
    db_close(s);
    s = db_open(path, FALSE); /* a later run */
    g_assert_true(ms_sink_sqlite_has_error(s, "in/b.pdf"));
    g_assert_false(ms_sink_sqlite_has_error(s, "in/a.pdf")); /* read ok: no error row */
    g_assert_false(ms_sink_sqlite_has_error(NULL, "in/b.pdf"));
    db_close(s);
    ms_test_remove_tmp(path);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/sqlite/schema", test_sqlite_schema);
    g_test_add_func("/sqlite/same-twice", test_sqlite_same_twice);
    g_test_add_func("/sqlite/replace", test_sqlite_replace);
    g_test_add_func("/sqlite/transaction", test_sqlite_transaction);
    g_test_add_func("/sqlite/errors", test_sqlite_errors);
    g_test_add_func("/sqlite/known", test_sqlite_known);
    g_test_add_func("/sqlite/refuses", test_sqlite_refuses);
    g_test_add_func("/sqlite/has-error", test_sqlite_has_error);
    return g_test_run();
}
