/* sinks: the CSV table (RFC 4180, formula guard) and the SQLite database
 * (schema, one transaction per record, replacing a document's rows, runs,
 * errors, known documents).  Records are JSON, as the batch hands them over. */
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pipeline/ms_error.h"
#include "pipeline/sink.h"
#include "pipeline/sink_sqlite.h"

#define SHA_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define SHA_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

/* An ok record: two proposed countries, evidence with and without a page,
 * an OCR page, a text page and a second OCR page with the lowest confidence. */
static const char *const base_json =
    "{\"schema_version\":1,\"file\":\"in/a.pdf\",\"sha256\":\"" SHA_A "\",\"size\":100,"
    "\"format\":\"pdf\",\"status\":\"ok\",\"error\":null,\"filer\":\"dhs\","
    "\"motion_type\":\"pretermit\",\"removal_countries\":[{\"code\":\"EC\",\"name\":\"Ecuador\"},"
    "{\"code\":\"UG\",\"name\":\"Uganda\"}],\"nationality\":{\"code\":\"VE\",\"name\":\"Venezuela\"},"
    "\"a_number\":\"212345678\",\"respondent\":\"RAMIREZ TORRES, Yusmary\","
    "\"court\":\"Houston, TX\",\"detained\":true,\"title\":\"DHS MOTION TO PRETERMIT\","
    "\"evidence\":[{\"field\":\"motion_type\",\"value\":\"pretermit\",\"text\":\"MOTION TO "
    "PRETERMIT\",\"page\":1,\"bbox\":[1,2,3,4],\"dpi\":300,\"confidence\":91.5,\"rule\":"
    "\"motion.pretermit.title\",\"rule_source\":\"rules/motion.rules:32\"},{\"field\":"
    "\"removal_countries\",\"value\":\"EC\",\"text\":\"Ecuador\",\"page\":null,\"confidence\":null,"
    "\"rule\":null,\"rule_source\":null}],"
    "\"country_mentions\":[{\"code\":\"EC\",\"name\":\"Ecuador\",\"text\":\"Ecuador\",\"role\":"
    "\"removal\",\"page\":2,\"bbox\":[5,6,7,8],\"dpi\":300,\"confidence\":88.0,\"rule\":\"r\","
    "\"rule_source\":\"rules/countries.rules:1\"}],"
    "\"pages\":[{\"number\":1,\"source\":\"ocr\",\"dpi\":300,\"width\":2550,\"height\":3300,"
    "\"words\":200,\"ocr_confidence\":91.375,\"skew_degrees\":0.5,\"ms\":1200},"
    "{\"number\":2,\"source\":\"text\",\"dpi\":300,\"width\":2550,\"height\":3300,\"words\":100,"
    "\"ocr_confidence\":null,\"skew_degrees\":0.0,\"ms\":3},"
    "{\"number\":3,\"source\":\"ocr\",\"dpi\":300,\"width\":2550,\"height\":3300,\"words\":90,"
    "\"ocr_confidence\":78.25,\"skew_degrees\":-1.0,\"ms\":900}],"
    "\"timings_ms\":{\"read\":1,\"pages\":2103,\"extract\":2,\"total\":2106}}";

/* A missing file: no sha256, no pages. */
static const char *const missing_json =
    "{\"schema_version\":1,\"file\":\"in/missing.pdf\",\"sha256\":null,\"size\":0,"
    "\"format\":\"unknown\",\"status\":\"error\",\"error\":{\"code\":\"not_found\",\"message\":"
    "\"in/missing.pdf: No such file or directory\"},\"filer\":null,\"motion_type\":null,"
    "\"removal_countries\":[],\"nationality\":null,\"a_number\":null,\"respondent\":null,"
    "\"court\":null,\"detained\":null,\"title\":null,\"evidence\":[],\"country_mentions\":[],"
    "\"pages\":[],\"timings_ms\":{\"read\":0,\"pages\":0,\"extract\":0,\"total\":0}}";

static JsonObject *parse(const char *json)
{
    GError *err = NULL;
    JsonNode *n = json_from_string(json, &err);
    g_assert_no_error(err);
    JsonObject *o = json_object_ref(json_node_get_object(n));
    json_node_unref(n);
    return o;
}

static JsonObject *base(void)
{
    return parse(base_json);
}

/* The same file content read again, with changes. */
static JsonObject *error_record(const char *file, const char *sha, const char *code)
{
    JsonObject *o = parse(missing_json);
    json_object_set_string_member(o, "file", file);
    if (sha) json_object_set_string_member(o, "sha256", sha);
    json_object_set_string_member(json_object_get_object_member(o, "error"), "code", code);
    return o;
}

static char *tmp_path(const char *name)
{
    char *dir = g_dir_make_tmp("ms-sinks-XXXXXX", NULL);
    g_assert_nonnull(dir);
    char *p = g_build_filename(dir, name, NULL);
    g_free(dir);
    return p;
}

static void remove_tmp(char *path)
{
    char *dir = g_path_get_dirname(path);
    const char *suffixes[] = {"", "-wal", "-shm"};
    for (gsize i = 0; i < G_N_ELEMENTS(suffixes); i++) {
        char *p = g_strconcat(path, suffixes[i], NULL);
        g_remove(p);
        g_free(p);
    }
    g_rmdir(dir);
    g_free(dir);
    g_free(path);
}

/* ---- CSV ---- */

#define BOM "\xEF\xBB\xBF"
#define HEADER                                                                                     \
    "file,sha256,status,error_code,error_message,filer,motion_type,removal_countries,"            \
    "removal_country_names,nationality,a_number,respondent,court,detained,title,pages,ocr_pages," \
    "min_ocr_confidence,schema_version,proceeding_type,judge,hearing_date,hearing_time,"           \
    "filed_date,response_due,response_basis,a_numbers,authorities\r\n"

/* Write the records to a new CSV file; its bytes after the BOM and header. */
static char *csv_of(JsonObject **records, int n)
{
    char *path = tmp_path("r.csv");
    ms_sink *s = NULL;
    GError *err = NULL;
    g_assert_true(ms_sink_csv_open(path, &s, &err));
    for (int i = 0; i < n; i++) {
        g_assert_true(ms_sink_write(s, records[i], &err));
        g_assert_no_error(err);
    }
    g_assert_true(ms_sink_close(s, &err));
    char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_true(g_str_has_prefix(text, BOM HEADER));
    char *rows = g_strdup(text + strlen(BOM HEADER));
    g_free(text);
    remove_tmp(path);
    return rows;
}

static char *csv_one(JsonObject *rec)
{
    char *rows = csv_of(&rec, 1);
    json_object_unref(rec);
    return rows;
}

/* The title cell of a row whose earlier cells are the base record's. */
static char *csv_title(const char *title)
{
    JsonObject *o = base();
    json_object_set_string_member(o, "title", title);
    return csv_one(o);
}

#define BASE_HEAD                                                                                  \
    "in/a.pdf," SHA_A ",ok,,,dhs,pretermit,\"EC;UG\",\"Ecuador;Uganda\",VE,212345678,"                    \
    "\"RAMIREZ TORRES, Yusmary\",\"Houston, TX\",true,"
#define BASE_TAIL ",3,2,78.25,1,,,,,,,,,\r\n"

/* The case facts at the end of the row: lists joined with ';', the due date
 * and its basis apart. */
static void test_csv_facts(void)
{
    JsonObject *o = base();
    json_object_set_string_member(o, "proceeding_type", "removal");
    json_object_set_string_member(o, "judge", "Ana B. Cruz");
    json_object_set_string_member(o, "hearing_date", "2025-11-04");
    json_object_set_string_member(o, "hearing_time", "13:00");
    json_object_set_string_member(o, "filed_date", "2025-10-14");
    JsonObject *due = json_object_new();
    json_object_set_string_member(due, "date", "2025-10-24");
    json_object_set_string_member(due, "basis", "10 calendar days, non-detained");
    json_object_set_object_member(o, "response_due", due);
    JsonArray *an = json_array_new();
    json_array_add_string_element(an, "212345678");
    json_array_add_string_element(an, "212345679");
    json_object_set_array_member(o, "a_numbers", an);
    JsonArray *au = json_array_new();
    json_array_add_string_element(au, "INA § 208(a)(2)(A)");
    json_array_add_string_element(au, "8 C.F.R. § 1240.11(h)");
    json_object_set_array_member(o, "authorities", au);
    char *rows = csv_one(o);
    g_assert_true(g_str_has_suffix(rows, ",3,2,78.25,1,removal,Ana B. Cruz,2025-11-04,13:00,"
                                         "2025-10-14,2025-10-24,\"10 calendar days, non-detained\","
                                         "\"212345678;212345679\",\"INA § 208(a)(2)(A);8 C.F.R. § "
                                         "1240.11(h)\"\r\n"));
    g_free(rows);
}

static void test_csv_header(void)
{
    char *rows = csv_of(NULL, 0); /* an empty batch still has its header */
    g_assert_cmpstr(rows, ==, "");
    g_free(rows);
}

static void test_csv_row(void)
{
    char *rows = csv_one(base());
    g_assert_cmpstr(rows, ==, BASE_HEAD "DHS MOTION TO PRETERMIT" BASE_TAIL);
    g_free(rows);

    /* an error record: nulls are empty cells, no pages */
    rows = csv_one(parse(missing_json));
    g_assert_cmpstr(rows, ==,
                    "in/missing.pdf,,error,not_found,in/missing.pdf: No such file or directory,,,,,"
                    ",,,,,,0,0,,1,,,,,,,,,\r\n");
    g_free(rows);

    /* no OCR page: min_ocr_confidence is empty; detained false */
    JsonObject *o = base();
    json_object_set_boolean_member(o, "detained", FALSE);
    JsonArray *pages = json_object_get_array_member(o, "pages");
    json_array_remove_element(pages, 2);
    json_array_remove_element(pages, 0);
    json_object_set_array_member(o, "removal_countries", json_array_new());
    rows = csv_one(o);
    g_assert_nonnull(strstr(rows, ",pretermit,,,VE,"));
    g_assert_true(g_str_has_suffix(rows, ",false,DHS MOTION TO PRETERMIT,1,0,,1,,,,,,,,,\r\n"));
    g_free(rows);
}

static void test_csv_escaping(void)
{
    static const struct {
        const char *value, *cell;
    } cases[] = {
        {"plain words", "plain words"},
        {"a, b", "\"a, b\""},
        {"say \"no\"", "\"say \"\"no\"\"\""},
        {"\"", "\"\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"cr\rhere", "\"cr\rhere\""},
        {"crlf\r\nhere", "\"crlf\r\nhere\""},
        {"Perú, Côte d’Ivoire, 東京", "\"Perú, Côte d’Ivoire, 東京\""}, /* bytes unchanged */
        {"Türkiye", "Türkiye"},
        {"semi;colon", "\"semi;colon\""}, /* locales that split on ';' keep it one cell */
        {"it's", "it's"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *rows = csv_title(cases[i].value);
        char *want = g_strconcat(BASE_HEAD, cases[i].cell, BASE_TAIL, NULL);
        g_assert_cmpstr(rows, ==, want);
        g_free(want);
        g_free(rows);
    }
}

static void test_csv_formula_guard(void)
{
    static const struct {
        const char *value, *cell;
    } cases[] = {
        {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
        {"=1+1", "'=1+1"},
        {"+1", "'+1"},
        {"-2+3", "'-2+3"},
        {"@SUM(A1)", "'@SUM(A1)"},
        {"\t=1", "'\t=1"},
        {"\r=1", "\"'\r=1\""},
        {"a=1", "a=1"},   /* only the first character counts */
        {" =1", "' =1"},  /* leading spaces are skipped, as a spreadsheet does */
        {"   @SUM(A1)", "'   @SUM(A1)"},
        {"x;=HYPERLINK(\"http://x\")", "\"x;=HYPERLINK(\"\"http://x\"\")\""}, /* one cell */
        {"'=1", "'=1"},   /* already quoted text is left alone */
        {"", ""},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *rows = csv_title(cases[i].value);
        char *want = g_strconcat(BASE_HEAD, cases[i].cell, BASE_TAIL, NULL);
        g_assert_cmpstr(rows, ==, want);
        g_free(want);
        g_free(rows);
    }
    /* every column is guarded, the file name too */
    JsonObject *o = base();
    json_object_set_string_member(o, "file", "-rf.pdf");
    json_object_set_string_member(o, "respondent", "@ME");
    char *rows = csv_one(o);
    g_assert_true(g_str_has_prefix(rows, "'-rf.pdf,"));
    g_assert_nonnull(strstr(rows, ",'@ME,"));
    g_free(rows);
}

static void test_csv_open_fails(void)
{
    ms_sink *s = NULL;
    GError *err = NULL;
    g_assert_false(ms_sink_csv_open("/nonexistent-dir/r.csv", &s, &err));
    g_assert_null(s);
    g_assert_error(err, MS_ERROR, MS_ERR_OUTPUT);
    g_assert_nonnull(strstr(err->message, "/nonexistent-dir/r.csv"));
    g_error_free(err);
}

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
    char *path = tmp_path("r.db");
    ms_sink *s = db_open(path, FALSE);
    db_write(s, base());
    db_write(s, parse(missing_json));
    db_close(s);
    assert_query(path, "PRAGMA user_version", "2\n");
    assert_query(path, "PRAGMA integrity_check", "ok\n");
    assert_query(path, "PRAGMA foreign_key_check", "");
    assert_query(path, "PRAGMA journal_mode", "wal\n");
    assert_query(path, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                 "country_mentions\ndocuments\nerrors\nevidence\nfields\npages\nreviews\nruns\n");
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
                 SHA_A "|0|motion_type|pretermit|MOTION TO PRETERMIT|1|1|2|3|4|300|91.5|"
                       "motion.pretermit.title|rules/motion.rules:32\n" SHA_A
                       "|1|removal_countries|EC|Ecuador|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL\n");
    assert_query(path, "SELECT * FROM country_mentions",
                 SHA_A "|0|EC|Ecuador|Ecuador|removal|2|5|6|7|8|300|88.0|r|rules/countries.rules:1\n");
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
    remove_tmp(path);
}

static void test_sqlite_same_twice(void)
{
    char *path = tmp_path("r.db");
    ms_sink *s = db_open(path, FALSE);
    db_write(s, base());
    db_close(s);
    char *first = dump_data(path);

    s = db_open(path, FALSE);
    JsonObject *again = base(); /* the same document, other timings */
    json_object_set_int_member(json_object_get_object_member(again, "timings_ms"), "total", 9);
    db_write(s, again);
    db_close(s);
    char *second = dump_data(path);
    g_assert_cmpstr(first, ==, second);
    assert_query(path, "SELECT count(*), first_run_id, last_run_id FROM documents", "1|1|2\n");
    assert_query(path, "SELECT id, files, ok FROM runs", "1|1|1\n2|1|1\n");
    g_free(first);
    g_free(second);
    remove_tmp(path);
}

static void test_sqlite_replace(void)
{
    char *path = tmp_path("r.db");
    ms_sink *s = db_open(path, FALSE);
    db_write(s, base());
    db_close(s);

    /* read again with better rules: one country, one piece of evidence, a page less */
    s = db_open(path, FALSE);
    JsonObject *o = base();
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
    remove_tmp(path);
}

/* A record whose pages repeat a number fails on its last insert: nothing of
 * it may stay, and the document's earlier rows must be whole. */
static void test_sqlite_transaction(void)
{
    char *path = tmp_path("r.db");
    ms_sink *s = db_open(path, FALSE);
    db_write(s, base());
    char *before = dump_data(path);

    for (int fresh = 0; fresh < 2; fresh++) {
        JsonObject *o = base();
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
    db_write(s, parse(missing_json));
    db_close(s);
    assert_query(path, "SELECT count(*) FROM errors", "1\n");
    assert_query(path, "SELECT files, ok, failed FROM runs", "4|3|1\n");
    g_free(before);
    remove_tmp(path);
}

static void test_sqlite_errors(void)
{
    char *path = tmp_path("r.db");
    ms_sink *s = db_open(path, FALSE);
    db_write(s, base());
    db_close(s);
#define ROWS_OF_A(table) "SELECT * FROM " table " WHERE sha256 = '" SHA_A "';"
    const char *rows_a = ROWS_OF_A("pages") ROWS_OF_A("fields") ROWS_OF_A("evidence")
        ROWS_OF_A("country_mentions") "SELECT record_json, status FROM documents"
        " WHERE sha256 = '" SHA_A "';";
    char *before = query(path, rows_a);

    s = db_open(path, FALSE);
    /* the same bytes failing now (say, a password forgotten) keep the ok row */
    db_write(s, error_record("in/a.pdf", SHA_A, "encrypted"));
    /* bytes never read ok are stored with status error */
    db_write(s, error_record("in/b.pdf", SHA_B, "corrupt_pdf"));
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
    JsonObject *o = base();
    json_object_set_string_member(o, "sha256", SHA_B);
    db_write(s, o);
    db_close(s);
    assert_query(path, "SELECT status, error_code, first_run_id, last_run_id FROM documents"
                       " WHERE sha256 = '" SHA_B "'",
                 "ok|NULL|2|3\n");
    g_free(before);
    remove_tmp(path);
}

static void test_sqlite_known(void)
{
    char *path = tmp_path("r.db");
    ms_sink *s = db_open(path, TRUE);
    g_assert_false(ms_sink_sqlite_known(s, SHA_A));
    db_write(s, base());
    db_write(s, error_record("in/b.pdf", SHA_B, "corrupt_pdf"));
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
    JsonObject *skipped = parse(missing_json);
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
    remove_tmp(path);
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
    char *path = tmp_path("r.db");
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
    remove_tmp(path);
}

/* The watch daemon's CSV: appended to, the header only in an empty file. */
static void test_csv_append(void)
{
    char *path = tmp_path("r.csv");
    for (int round = 0; round < 2; round++) {
        ms_sink *s = NULL;
        GError *err = NULL;
        JsonObject *rec = base();
        g_assert_true(ms_sink_csv_open_append(path, &s, &err));
        g_assert_true(ms_sink_write(s, rec, &err));
        g_assert_no_error(err);
        g_assert_true(ms_sink_close(s, &err));
        json_object_unref(rec);
    }
    char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_true(g_str_has_prefix(text, BOM HEADER));
    const char *rows = text + strlen(BOM HEADER);
    g_assert_null(strstr(rows, "file,sha256")); /* one header */
    int n = 0;
    for (const char *p = rows; (p = strstr(p, "\r\n")); p += 2) n++;
    g_assert_cmpint(n, ==, 2); /* one row per record, across the two opens */
    g_free(text);
    remove_tmp(path);
}

/* ms_sink_sqlite_has_error: an error row for the file in any run. */
static void test_sqlite_has_error(void)
{
    char *path = tmp_path("r.db");
    ms_sink *s = db_open(path, FALSE);
    g_assert_false(ms_sink_sqlite_has_error(s, "in/b.pdf"));
    db_write(s, error_record("in/b.pdf", SHA_B, "corrupt_pdf"));
    db_write(s, base());
    db_close(s);
    s = db_open(path, FALSE); /* a later run */
    g_assert_true(ms_sink_sqlite_has_error(s, "in/b.pdf"));
    g_assert_false(ms_sink_sqlite_has_error(s, "in/a.pdf")); /* read ok: no error row */
    g_assert_false(ms_sink_sqlite_has_error(NULL, "in/b.pdf"));
    db_close(s);
    remove_tmp(path);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/csv/header", test_csv_header);
    g_test_add_func("/csv/facts", test_csv_facts);
    g_test_add_func("/csv/row", test_csv_row);
    g_test_add_func("/csv/escaping", test_csv_escaping);
    g_test_add_func("/csv/formula-guard", test_csv_formula_guard);
    g_test_add_func("/csv/open-fails", test_csv_open_fails);
    g_test_add_func("/sqlite/schema", test_sqlite_schema);
    g_test_add_func("/sqlite/same-twice", test_sqlite_same_twice);
    g_test_add_func("/sqlite/replace", test_sqlite_replace);
    g_test_add_func("/sqlite/transaction", test_sqlite_transaction);
    g_test_add_func("/sqlite/errors", test_sqlite_errors);
    g_test_add_func("/sqlite/known", test_sqlite_known);
    g_test_add_func("/sqlite/refuses", test_sqlite_refuses);
    g_test_add_func("/csv/append", test_csv_append);
    g_test_add_func("/sqlite/has-error", test_sqlite_has_error);
    return g_test_run();
}
