/* Unit tests for the audit report: escaping, records of any shape, file
 * names, flags, and the loaders' errors.  (The report in a browser is
 * tests/e2e_audit.py.) */
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "pipeline/audit/audit.h"
#include "pipeline/audit/audit_html.h"
#include "pipeline/base/ms_error.h"

static char *escaped(const char *s)
{
    GString *g = g_string_new(NULL);
    ms_html_escape(g, s);
    return g_string_free(g, FALSE);
}

static void test_escape(void)
{
    char *e = escaped("<script>a=\"1\" & b='2'</script>");
    g_assert_cmpstr(e, ==, "&lt;script&gt;a=&quot;1&quot; &amp; b=&#39;2&#39;&lt;/script&gt;");
    g_free(e);
    e = escaped("bad \xff utf8 \x01 ctrl\ttab\nline");
    g_assert_true(g_utf8_validate(e, -1, NULL));
    g_assert_null(strchr(e, '\x01'));
    g_assert_nonnull(strstr(e, "\ttab\nline"));
    g_free(e);
    e = escaped(NULL);
    g_assert_cmpstr(e, ==, "");
    g_free(e);
}

static char *tmp_dir(void)
{
    char *d = g_dir_make_tmp("ms-audit-XXXXXX", NULL);
    g_assert_nonnull(d);
    return d;
}

static char *read_text(const char *dir, const char *name)
{
    char *path = g_build_filename(dir, name, NULL), *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_free(path);
    return text;
}

static void rm_rf(const char *dir)
{
    char *argv[] = {"rm", "-rf", (char *)dir, NULL};
    g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

/* Records of every wrong shape are reported, not crashed on; names come
 * from the sha256 or the position; the planted markup stays text. */
static void test_odd_records(void)
{
    const char *lines =
        "{\"file\": \"../../etc/<b>x</b>.pdf\", \"sha256\": \"../../../evil\", \"status\": 7}\n"
        "{}\n"
        "{\"file\": 12, \"status\": \"ok\", \"motion_type\": \"pretermit\", \"removal_countries\": "
        "[],"
        " \"evidence\": [{\"field\": \"a_number\", \"value\": \"<i>1</i>\", \"bbox\": [1, 2],"
        " \"page\": \"one\"}, 5, null], \"pages\": [{\"number\": 1, \"width\": 0}],"
        " \"country_mentions\": {\"not\": \"a list\"}, \"a_numbers\": [\"1\", \"2\", 3, null]}\n"
        "{\"file\": \"x.pdf\", \"sha256\": \""
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
        "\", \"status\": \"ok\", \"format\": \"pdf\", \"motion_type\": \"pretermit\","
        " \"removal_countries\": [{\"code\": \"HN\"}], \"nationality\": {\"code\": \"HN\"}, "
        "\"pages\": [{\"number\": 1, \"source\": \"ocr\","
        " \"ocr_confidence\": 50.5, \"dpi\": 300, \"width\": 2550, \"height\": 3300}]}\n";
    char *dir = tmp_dir();
    char *jsonl = g_build_filename(dir, "r.jsonl", NULL);
    g_assert_true(g_file_set_contents(jsonl, lines, -1, NULL));
    GPtrArray *recs = ms_audit_records_new();
    GError *err = NULL;
    g_assert_true(ms_audit_load_jsonl(jsonl, recs, &err));
    g_assert_cmpuint(recs->len, ==, 4);
    char *out = g_build_filename(dir, "report", NULL);
    ms_audit_options o = MS_AUDIT_OPTIONS_INIT;
    o.out_dir = out;
    ms_audit_stats st;
    g_assert_true(ms_audit_write(&o, recs, &st, &err));
    g_assert_no_error(err);
    g_assert_cmpint(st.documents, ==, 4);
    g_assert_cmpint(st.images, ==, 0);
    g_assert_cmpint(st.sources_missing, ==, 1); /* x.pdf is not there */

    char *index = read_text(out, "index.html");
    g_assert_nonnull(strstr(index, "doc-n0.html")); /* a bad sha256 names nothing */
    g_assert_nonnull(strstr(index, "doc-n1.html"));
    g_assert_null(strstr(index, "evil"));
    g_assert_null(strstr(index, "<b>x</b>"));
    g_assert_nonnull(strstr(index, "&lt;b&gt;x&lt;/b&gt;"));
    g_assert_nonnull(strstr(index, "pretermit motion with no removal country"));
    g_assert_nonnull(strstr(index, "2 different A-numbers: 1, 2"));
    g_assert_nonnull(strstr(index, "page 1: OCR confidence 50.5 is below 80"));
    g_assert_nonnull(strstr(index, "error record"));
    const char *first = strstr(index, "<script");
    g_assert_nonnull(first); /* our script, and only ours */
    g_assert_null(strstr(first + 1, "<script"));
    char *doc = read_text(out, "doc-n2.html");
    g_assert_nonnull(strstr(doc, "&lt;i&gt;1&lt;/i&gt;"));
    g_assert_null(strstr(doc, "<i>1</i>"));
    g_assert_null(strstr(doc, "class=\"box")); /* no usable box, no page image */
    char *x =
        read_text(out, "doc-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.html");
    g_assert_nonnull(strstr(x, "id=\"no-images\""));
    g_assert_nonnull(strstr(x, "cannot be read now"));
    g_assert_nonnull(strstr(x, "own nationality (HN)"));

    g_free(x);
    g_free(doc);
    g_free(index);
    g_ptr_array_unref(recs);
    rm_rf(dir);
    g_free(out);
    g_free(jsonl);
    g_free(dir);
}

static void test_load_errors(void)
{
    char *dir = tmp_dir();
    char *jsonl = g_build_filename(dir, "r.jsonl", NULL);
    g_assert_true(g_file_set_contents(jsonl, "{\"file\": \"a\"}\n\n[1, 2]\n", -1, NULL));
    GPtrArray *recs = ms_audit_records_new();
    GError *err = NULL;
    g_assert_false(ms_audit_load_jsonl(jsonl, recs, &err));
    g_assert_error(err, MS_ERROR, MS_ERR_USAGE);
    g_assert_nonnull(strstr(err->message, "r.jsonl:3: not a motionscan record"));
    g_clear_error(&err);
    char *missing = g_build_filename(dir, "none.db", NULL);
    g_assert_false(ms_audit_load_db(missing, recs, &err));
    g_assert_nonnull(strstr(err->message, "no such database"));
    g_clear_error(&err);
    g_assert_false(ms_audit_load_db(jsonl, recs, &err)); /* not a database */
    g_assert_nonnull(err);
    g_clear_error(&err);
    g_ptr_array_unref(recs);
    rm_rf(dir);
    g_free(missing);
    g_free(jsonl);
    g_free(dir);
}

/* A record whose path is relative is drawn from --source-dir, with its box. */
static void test_source_dir(void)
{
    const char *name = "04-designate-uganda-alternative-atlanta.png";
    char *path = g_build_filename(MS_TEST_SAMPLES_DIR, name, NULL), *bytes = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &bytes, &len, NULL));
    char *sha = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, len);
    char *rec = g_strdup_printf(
        "{\"file\": \"%s\", \"sha256\": \"%s\", \"status\": \"ok\", \"format\": \"png\","
        " \"pages\": [{\"number\": 1, \"source\": \"ocr\", \"dpi\": 200, \"width\": 1700,"
        " \"height\": 2200}], \"evidence\": [{\"field\": \"motion_type\", \"value\": \"x\","
        " \"page\": 1, \"bbox\": [170, 220, 850, 440], \"dpi\": 200}]}\n",
        name, sha);
    char *dir = tmp_dir();
    char *jsonl = g_build_filename(dir, "r.jsonl", NULL);
    g_assert_true(g_file_set_contents(jsonl, rec, -1, NULL));
    GPtrArray *recs = ms_audit_records_new();
    g_assert_true(ms_audit_load_jsonl(jsonl, recs, NULL));
    char *out = g_build_filename(dir, "report", NULL);
    ms_audit_options o = MS_AUDIT_OPTIONS_INIT;
    o.out_dir = out;
    ms_audit_stats st;
    g_assert_true(ms_audit_write(&o, recs, &st, NULL)); /* not found from here */
    g_assert_cmpint(st.images, ==, 0);
    g_assert_cmpint(st.sources_missing, ==, 1);
    o.source_dir = MS_TEST_SAMPLES_DIR;
    g_assert_true(ms_audit_write(&o, recs, &st, NULL));
    g_assert_cmpint(st.images, ==, 1);
    g_assert_cmpint(st.sources_missing, ==, 0);
    char *page = g_strdup_printf("doc-%s.html", sha);
    char *html = read_text(out, page);
    g_assert_nonnull(
        strstr(html, "style=\"left:10.000%;top:10.000%;width:40.000%;height:10.000%\""));
    g_assert_null(strstr(html, "no-images"));
    g_free(html);
    g_free(page);
    g_ptr_array_unref(recs);
    rm_rf(dir);
    g_free(out);
    g_free(jsonl);
    g_free(dir);
    g_free(rec);
    g_free(sha);
    g_free(bytes);
    g_free(path);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/audit/escape", test_escape);
    g_test_add_func("/audit/odd_records", test_odd_records);
    g_test_add_func("/audit/load_errors", test_load_errors);
    g_test_add_func("/audit/source_dir", test_source_dir);
    return g_test_run();
}
