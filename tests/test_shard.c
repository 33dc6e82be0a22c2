/* shard: parsing K/N and the environment, keys relative to the input root,
 * and a hash that other implementations of SHA-256 agree on. */
#include <string.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/drivers/shard.h"

static void test_parse(void)
{
    ms_shard s = MS_SHARD_NONE;
    GError *err = NULL;
    g_assert_true(ms_shard_parse("0/4", "--shard", &s, &err));
    g_assert_cmpint(s.index, ==, 0);
    g_assert_cmpint(s.count, ==, 4);
    g_assert_true(ms_shard_parse("3/4", "--shard", &s, &err));
    g_assert_cmpint(s.index, ==, 3);
    static const char *const bad[] = {"4/4", "0/0", "1", "", "/4", "1/", "-1/4", "1/-4",
                                      " 1/4", "1/4x", "a/b", "1/2/3", "0/1000001"};
    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_assert_false(ms_shard_parse(bad[i], "--shard", &s, &err));
        g_assert_error(err, MS_ERROR, MS_ERR_USAGE);
        g_assert_nonnull(strstr(err->message, "--shard"));
        g_clear_error(&err);
    }
}

static void clear_env(void)
{
    const char *names[] = {"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT",
                           "JOB_COMPLETION_INDEX", "MOTIONSCAN_SHARD_COUNT"};
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) g_unsetenv(names[i]);
}

static void test_resolve(void)
{
    ms_shard s;
    GError *err = NULL;
    clear_env();
    g_assert_true(ms_shard_resolve(NULL, &s, &err));
    g_assert_cmpint(s.count, ==, 0);
    g_setenv("SLURM_ARRAY_TASK_ID", "5", TRUE);
    g_setenv("SLURM_ARRAY_TASK_MIN", "1", TRUE);
    g_setenv("SLURM_ARRAY_TASK_COUNT", "8", TRUE);
    g_assert_true(ms_shard_resolve(NULL, &s, &err));
    g_assert_cmpint(s.index, ==, 4);
    g_assert_cmpint(s.count, ==, 8);
    g_assert_true(ms_shard_resolve("1/2", &s, &err)); /* the flag wins */
    g_assert_cmpint(s.index, ==, 1);
    g_assert_cmpint(s.count, ==, 2);
    g_setenv("SLURM_ARRAY_TASK_MIN", "6", TRUE);
    g_assert_false(ms_shard_resolve(NULL, &s, &err));
    g_assert_nonnull(strstr(err->message, "SLURM_ARRAY_TASK_MIN"));
    g_clear_error(&err);
    clear_env();
    g_setenv("JOB_COMPLETION_INDEX", "2", TRUE);
    g_assert_false(ms_shard_resolve(NULL, &s, &err));
    g_assert_nonnull(strstr(err->message, "MOTIONSCAN_SHARD_COUNT"));
    g_clear_error(&err);
    g_setenv("MOTIONSCAN_SHARD_COUNT", "3", TRUE);
    g_assert_true(ms_shard_resolve(NULL, &s, &err));
    g_assert_cmpint(s.index, ==, 2);
    g_assert_cmpint(s.count, ==, 3);
    clear_env();
}

static void test_key(void)
{
    g_assert_cmpstr(ms_shard_key("filings", "filings/a/b.pdf"), ==, "a/b.pdf");
    g_assert_cmpstr(ms_shard_key("/mnt/nfs/filings", "/mnt/nfs/filings/a/b.pdf"), ==, "a/b.pdf");
    g_assert_cmpstr(ms_shard_key("/", "/a.pdf"), ==, "a.pdf");
    g_assert_cmpstr(ms_shard_key(".", "./a.pdf"), ==, "a.pdf");
    g_assert_cmpstr(ms_shard_key("file", "filings/a.pdf"), ==, "a.pdf"); /* not a prefix folder */
    g_assert_cmpstr(ms_shard_key(NULL, "/srv/x/scan.pdf"), ==, "scan.pdf");
    g_assert_cmpstr(ms_shard_key(NULL, "scan.pdf"), ==, "scan.pdf");
}

/* Python: int.from_bytes(hashlib.sha256(key).digest()[:8], "big") % n */
static void test_hash(void)
{
    g_assert_cmpint(ms_shard_of("a/b.pdf", 1000), ==, 24);
    g_assert_cmpint(ms_shard_of("office-1/box-2/03-x.txt", 7), ==, 5);
    g_assert_cmpint(ms_shard_of("x.pdf", 2), ==, 1);
    g_assert_cmpint(ms_shard_of("x.pdf", 1), ==, 0);
    ms_shard s = {1, 2}, none = MS_SHARD_NONE;
    g_assert_true(ms_shard_keeps(&s, "x.pdf"));
    g_assert_false(ms_shard_keeps(&(ms_shard){0, 2}, "x.pdf"));
    g_assert_true(ms_shard_keeps(&none, "x.pdf"));
    g_assert_true(ms_shard_keeps(NULL, "x.pdf"));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/shard/parse", test_parse);
    g_test_add_func("/shard/resolve", test_resolve);
    g_test_add_func("/shard/key", test_key);
    g_test_add_func("/shard/hash", test_hash);
    return g_test_run();
}
