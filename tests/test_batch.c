/* batch: which paths a batch takes, and in what order. */
#include <glib/gstdio.h>
#include <string.h>

#include "pipeline/drivers/batch.h"

static void touch(const char *dir, const char *name, const char *content)
{
    char *p = g_build_filename(dir, name, NULL);
    char *parent = g_path_get_dirname(p);
    g_mkdir_with_parents(parent, 0755);
    g_assert_true(g_file_set_contents(p, content, -1, NULL));
    g_free(parent);
    g_free(p);
}

static void test_collect(void)
{
    char *dir = g_dir_make_tmp("ms-batch-XXXXXX", NULL);
    touch(dir, "b.pdf", "anything: named like a document");
    touch(dir, "a/z.TIF", "x");
    touch(dir, "a/scan", "%PDF-1.7 sniffed, no extension");
    touch(dir, "notes.txt", "not a document");
    touch(dir, "expected.json", "{}");
    touch(dir, ".hidden.pdf", "%PDF-");
    touch(dir, ".git/c.pdf", "%PDF-");
    char *missing = g_build_filename(dir, "missing.pdf", NULL);
    char *named_txt = g_build_filename(dir, "notes.txt", NULL);
    char *slash = g_strconcat(dir, "/", NULL);
    char *inputs[] = {slash, missing, named_txt, dir};
    int skipped = 0;
    GPtrArray *paths = ms_batch_collect(inputs, 4, FALSE, &skipped);
    GString *got = g_string_new(NULL);
    for (guint i = 0; i < paths->len; i++)
        g_string_append_printf(got, "%s\n", (char *)g_ptr_array_index(paths, i) + strlen(dir));
    /* sorted, each once; the folder given twice ("dir/" and "dir") gives the
     * same paths; named files are kept even if missing or not documents */
    g_assert_cmpstr(got->str, ==, "/a/scan\n/a/z.TIF\n/b.pdf\n/missing.pdf\n/notes.txt\n");
    g_assert_cmpint(skipped, ==, 4); /* notes.txt and expected.json, walked twice */
    g_string_free(got, TRUE);
    g_ptr_array_free(paths, TRUE);
    g_free(missing);
    g_free(named_txt);
    g_free(slash);
    g_free(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/batch/collect", test_collect);
    return g_test_run();
}
