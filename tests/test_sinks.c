/* sinks: the CSV table (RFC 4180, formula guard, appending).  Records are
 * JSON, as the batch hands them over.  The SQLite sink: test_sqlite.c. */
#include <string.h>

#include <glib/gstdio.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/sinks/sink.h"
#include "tests/sink_fixtures.h"

/* ---- CSV ---- */

#define BOM "\xEF\xBB\xBF"
#define HEADER                                                                                     \
    "file,sha256,status,error_code,error_message,filer,motion_type,removal_countries,"            \
    "removal_country_names,nationality,a_number,respondent,court,detained,title,pages,ocr_pages," \
    "min_ocr_confidence,schema_version,proceeding_type,judge,hearing_date,hearing_time,"           \
    "filed_date,response_due,response_basis,a_numbers,authorities,filed_date_kind,"                \
    "date_candidates,part_index,part_count,part_first_page,part_last_page,"                         \
    "boundary_confidence,boundary_review,boundary_cues,non_filing_pages\r\n"

/* Write the records to a new CSV file; its bytes after the BOM and header. */
static char *csv_of(JsonObject **records, int n)
{
    char *path = ms_test_tmp_path("r.csv");
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
    ms_test_remove_tmp(path);
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
    JsonObject *o = ms_test_record();
    json_object_set_string_member(o, "title", title);
    return csv_one(o);
}

#define BASE_HEAD                                                                                  \
    "in/a.pdf," SHA_A ",ok,,,dhs,pretermit,\"EC;UG\",\"Ecuador;Uganda\",VE,212345678,"                    \
    "\"RAMIREZ TORRES, Yusmary\",\"Houston, TX\",true,"
#define BASE_TAIL ",3,2,78.25,1,,,,,,,,,,," NO_PART "\r\n"
/* a record without part members (an older one) leaves the part cells empty */
#define NO_PART ",,,,,,,,"

/* The case facts at the end of the row: lists joined with ';', the due date
 * and its basis apart. */
static void test_csv_facts(void)
{
    JsonObject *o = ms_test_record();
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
    json_object_set_string_member(o, "filed_date_kind", "received_stamp");
    JsonArray *dc = json_array_new();
    const char *const kd[][2] = {{"received_stamp", "2025-10-14"}, {"signature", "2025-10-10"}};
    for (gsize i = 0; i < G_N_ELEMENTS(kd); i++) {
        JsonObject *c = json_object_new();
        json_object_set_string_member(c, "kind", kd[i][0]);
        json_object_set_string_member(c, "date", kd[i][1]);
        json_array_add_object_element(dc, c);
    }
    json_object_set_array_member(o, "date_candidates", dc);
    char *rows = csv_one(o);
    g_assert_true(g_str_has_suffix(rows, ",3,2,78.25,1,removal,Ana B. Cruz,2025-11-04,13:00,"
                                         "2025-10-14,2025-10-24,\"10 calendar days, non-detained\","
                                         "\"212345678;212345679\",\"INA § 208(a)(2)(A);8 C.F.R. § "
                                         "1240.11(h)\",received_stamp,"
                                         "\"received_stamp:2025-10-14;signature:2025-10-10\""
                                         NO_PART "\r\n"));
    g_free(rows);
}

/* A filing of a stapled stack: its part, pages, boundary and the file's
 * non-filing pages at the end of the row. */
static void test_csv_part(void)
{
    JsonObject *o = ms_test_parse(
        "{\"file\":\"stack.pdf\",\"status\":\"ok\",\"part\":{\"index\":2,\"count\":3,"
        "\"pages\":[4,6]},\"boundary\":{\"page\":4,\"cues\":[\"caption\",\"new_title\"],"
        "\"confidence\":0.6,\"review\":true},\"non_filing_pages\":[{\"page\":1,\"kind\":"
        "\"fax_cover\"},{\"page\":3,\"kind\":\"blank\"}],\"pages\":[]}");
    char *rows = csv_one(o);
    g_assert_true(g_str_has_suffix(rows, ",2,3,4,6,0.60,true,"
                                         "\"caption;new_title\",\"1:fax_cover;3:blank\"\r\n"));
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
    char *rows = csv_one(ms_test_record());
    g_assert_cmpstr(rows, ==, BASE_HEAD "DHS MOTION TO PRETERMIT" BASE_TAIL);
    g_free(rows);

    /* an error record: nulls are empty cells, no pages */
    rows = csv_one(ms_test_parse(ms_test_missing_json));
    g_assert_cmpstr(rows, ==,
                    "in/missing.pdf,,error,not_found,in/missing.pdf: No such file or directory,,,,,"
                    ",,,,,,0,0,,1,,,,,,,,,,," NO_PART "\r\n");
    g_free(rows);

    /* no OCR page: min_ocr_confidence is empty; detained false */
    JsonObject *o = ms_test_record();
    json_object_set_boolean_member(o, "detained", FALSE);
    JsonArray *pages = json_object_get_array_member(o, "pages");
    json_array_remove_element(pages, 2);
    json_array_remove_element(pages, 0);
    json_object_set_array_member(o, "removal_countries", json_array_new());
    rows = csv_one(o);
    g_assert_nonnull(strstr(rows, ",pretermit,,,VE,"));
    g_assert_true(g_str_has_suffix(rows, ",false,DHS MOTION TO PRETERMIT,1,0,,1,,,,,,,,,,," NO_PART "\r\n"));
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
    JsonObject *o = ms_test_record();
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

/* The watch daemon's CSV: appended to, the header only in an empty file. */
static void test_csv_append(void)
{
    char *path = ms_test_tmp_path("r.csv");
    for (int round = 0; round < 2; round++) {
        ms_sink *s = NULL;
        GError *err = NULL;
        JsonObject *rec = ms_test_record();
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
    ms_test_remove_tmp(path);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/csv/header", test_csv_header);
    g_test_add_func("/csv/facts", test_csv_facts);
    g_test_add_func("/csv/row", test_csv_row);
    g_test_add_func("/csv/part", test_csv_part);
    g_test_add_func("/csv/escaping", test_csv_escaping);
    g_test_add_func("/csv/formula-guard", test_csv_formula_guard);
    g_test_add_func("/csv/open-fails", test_csv_open_fails);
    g_test_add_func("/csv/append", test_csv_append);
    return g_test_run();
}
