/* replay — run files through a fuzz target's LLVMFuzzerTestOneInput without
 * libFuzzer, so the seed corpora and every crash the fuzzer found replay in
 * the normal and sanitizer builds (ctest -L fuzz).
 *
 *   replay_TARGET FILE_OR_DIR...
 *
 * Folders are read one level deep, in name order.  A crash is the test's
 * failure (abort or sanitizer report); an unreadable argument is exit 2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "tests/fuzz/fuzz.h"

static int run_file(const char *path)
{
    gchar *data = NULL;
    gsize len = 0;
    GError *err = NULL;
    if (!g_file_get_contents(path, &data, &len, &err)) {
        fprintf(stderr, "replay: %s\n", err->message);
        g_error_free(err);
        return 1;
    }
    LLVMFuzzerTestOneInput((const uint8_t *)data, len);
    g_free(data);
    return 0;
}

static gint by_name(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    int bad = 0, n = 0;
    for (int i = 1; i < argc; i++) {
        if (!g_file_test(argv[i], G_FILE_TEST_IS_DIR)) {
            bad += run_file(argv[i]), n++;
            continue;
        }
        GDir *d = g_dir_open(argv[i], 0, NULL);
        if (!d) {
            fprintf(stderr, "replay: cannot open %s\n", argv[i]);
            bad++;
            continue;
        }
        GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
        const char *name;
        while ((name = g_dir_read_name(d)))
            if (name[0] != '.') g_ptr_array_add(files, g_build_filename(argv[i], name, NULL));
        g_dir_close(d);
        g_ptr_array_sort(files, by_name);
        for (guint k = 0; k < files->len; k++)
            if (!g_file_test(g_ptr_array_index(files, k), G_FILE_TEST_IS_DIR))
                bad += run_file(g_ptr_array_index(files, k)), n++;
        g_ptr_array_free(files, TRUE);
    }
    printf("replay: %d input%s, %d unreadable\n", n, n == 1 ? "" : "s", bad);
    return bad ? 2 : 0;
}
