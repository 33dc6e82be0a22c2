#include <glib/gstdio.h>
#include <string.h>

#include "pipeline/ingest/ingest.h"
#include "pipeline/base/ms_error.h"

static void test_sniff(void)
{
    g_assert_cmpint(ms_format_sniff((const guint8 *)"%PDF-1.7\n", 9), ==, MS_FMT_PDF);
    g_assert_cmpint(ms_format_sniff((const guint8 *)"junk\r\n%PDF-1.4", 15), ==, MS_FMT_PDF);
    g_assert_cmpint(ms_format_sniff((const guint8 *)"II*\0....", 8), ==, MS_FMT_TIFF);
    g_assert_cmpint(ms_format_sniff((const guint8 *)"MM\0*....", 8), ==, MS_FMT_TIFF);
    g_assert_cmpint(ms_format_sniff((const guint8 *)"\x89PNG\r\n\x1a\n", 8), ==, MS_FMT_PNG);
    g_assert_cmpint(ms_format_sniff((const guint8 *)"\xff\xd8\xff\xe0", 4), ==, MS_FMT_JPEG);
    g_assert_cmpint(ms_format_sniff((const guint8 *)"hello world", 11), ==, MS_FMT_UNKNOWN);
    g_assert_cmpint(ms_format_sniff((const guint8 *)"%PD", 3), ==, MS_FMT_UNKNOWN);
    /* "%PDF-" beyond the first 1024 bytes is not a PDF header. */
    char *late = g_malloc0(1100);
    memset(late, ' ', 1100);
    memcpy(late + 1050, "%PDF-", 5);
    g_assert_cmpint(ms_format_sniff((const guint8 *)late, 1100), ==, MS_FMT_UNKNOWN);
    g_free(late);
}

static char *write_tmp(const char *name, const char *data, gsize len)
{
    char *dir = g_dir_make_tmp("ms-ingest-XXXXXX", NULL);
    char *path = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(path, data, (gssize)len, NULL));
    g_free(dir);
    return path;
}

static void expect_error(const char *path, int code)
{
    ms_limits lim = MS_LIMITS_INIT;
    ms_input in;
    GError *err = NULL;
    g_assert_false(ms_input_load(path, &lim, &in, &err));
    g_assert_error(err, MS_ERROR, code);
    g_assert_nonnull(strstr(err->message, path)); /* the message names the file */
    g_error_free(err);
    ms_input_dispose(&in);
}

static void test_load_errors(void)
{
    expect_error("/nonexistent/filing.pdf", MS_ERR_NOT_FOUND);
    char *empty = write_tmp("empty.pdf", "", 0);
    expect_error(empty, MS_ERR_EMPTY);
    char *text = write_tmp("text.pdf", "not a pdf at all", 16);
    expect_error(text, MS_ERR_UNSUPPORTED);
    char *dir = g_path_get_dirname(text);
    expect_error(dir, MS_ERR_UNREADABLE);
    g_remove(empty);
    g_remove(text);
    g_free(empty);
    g_free(text);
    g_free(dir);
}

static void test_load_ok_and_hash(void)
{
    char *path = write_tmp("x.pdf", "%PDF-1.4 abc", 12);
    ms_limits lim = MS_LIMITS_INIT;
    ms_input in;
    GError *err = NULL;
    g_assert_true(ms_input_load(path, &lim, &in, &err));
    g_assert_no_error(err);
    g_assert_cmpint(in.format, ==, MS_FMT_PDF);
    char *want = g_compute_checksum_for_string(G_CHECKSUM_SHA256, "%PDF-1.4 abc", 12);
    g_assert_cmpstr(in.sha256, ==, want);
    g_free(want);
    ms_input_dispose(&in);

    lim.max_file_bytes = 4;
    g_assert_false(ms_input_load(path, &lim, &in, &err));
    g_assert_error(err, MS_ERROR, MS_ERR_TOO_LARGE);
    g_clear_error(&err);
    ms_input_dispose(&in);
    g_remove(path);
    g_free(path);
}

static void test_error_names(void)
{
    g_assert_cmpstr(ms_error_name(MS_ERR_ENCRYPTED), ==, "encrypted");
    g_assert_cmpstr(ms_error_name(MS_ERR_EMPTY), ==, "empty_file");
    g_assert_cmpstr(ms_error_name(-1), ==, "internal");
    g_assert_cmpstr(ms_error_name(9999), ==, "internal");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/ingest/sniff", test_sniff);
    g_test_add_func("/ingest/load-errors", test_load_errors);
    g_test_add_func("/ingest/load-ok-and-hash", test_load_ok_and_hash);
    g_test_add_func("/ingest/error-names", test_error_names);
    return g_test_run();
}
