/* spawner: workers forked from the spawner (spawner.h) are this process's
 * children, hold none of its descriptors, read documents as exec'd workers
 * do, and their deaths are read by pid as before; when the spawner is gone,
 * workers are exec'd again.
 *
 * main starts the spawner first thing, as motionscan's does, after opening a
 * descriptor (not close-on-exec) that no worker may inherit. */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/worker/spawner.h"
#include "pipeline/worker/worker_proc.h"

static char *self_exe;
static int marker_fd = -1; /* open before the spawner: no worker may hold it */

static ms_context worker_context(void)
{
    ms_context ctx = {.limits = MS_LIMITS_INIT, .ocr = MS_OCR_OPTIONS_INIT, .dpi = 300,
                      .worker_exe = self_exe};
    return ctx;
}

/* The pid of this process's child named `comm` (its first), or -1; how many
 * there are in *count, zombies in *zombies. */
static pid_t child_named(const char *comm, int *count, int *zombies)
{
    pid_t found = -1;
    *count = 0;
    if (zombies) *zombies = 0;
    GDir *d = g_dir_open("/proc", 0, NULL);
    g_assert_nonnull(d);
    for (const char *n; (n = g_dir_read_name(d));) {
        char *path = g_strdup_printf("/proc/%s/stat", n), *stat = NULL;
        if (g_ascii_isdigit(n[0]) && g_file_get_contents(path, &stat, NULL, NULL)) {
            char *open = strchr(stat, '('), *close = strrchr(stat, ')');
            char state = 0;
            int ppid = 0;
            if (open && close && sscanf(close + 1, " %c %d", &state, &ppid) == 2 && ppid == getpid()) {
                *close = 0;
                if (strcmp(open + 1, comm) == 0) {
                    if (found < 0) found = atoi(n);
                    (*count)++;
                }
                if (state == 'Z' && zombies) (*zombies)++;
            }
        }
        g_free(stat);
        g_free(path);
    }
    g_dir_close(d);
    return found;
}

static int open_sample(ms_proc *p, const ms_context *ctx, guint64 id, GError **err)
{
    char *path = g_build_filename(MS_TEST_SAMPLES_DIR, "02-pretermit-incomplete-i589-born-digital.pdf", NULL);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    g_assert_cmpint(fd, >=, 0);
    GArray *ready = g_array_new(FALSE, FALSE, sizeof(ms_proc_ready));
    g_array_set_clear_func(ready, ms_proc_ready_clear);
    int n = ms_proc_open(p, ctx, id, fd, MS_FMT_PDF, path, 0, ready, err);
    if (n >= 0) g_assert_cmpuint(ready->len, ==, 2); /* both text pages came with the open */
    g_array_unref(ready);
    close(fd);
    g_free(path);
    return n;
}

/* The worker's descriptors: 0 and 1 /dev/null, 3 a socket, none of ours. */
static void check_descriptors(pid_t pid)
{
    char *dir = g_strdup_printf("/proc/%d/fd", pid);
    GDir *d = g_dir_open(dir, 0, NULL);
    g_assert_nonnull(d);
    char *marker = g_strdup_printf("/proc/self/fd/%d", marker_fd);
    char *ours = g_file_read_link(marker, NULL);
    g_assert_nonnull(ours);
    for (const char *n; (n = g_dir_read_name(d));) {
        char *link = g_build_filename(dir, n, NULL);
        char *target = g_file_read_link(link, NULL);
        g_assert_nonnull(target);
        g_assert_cmpstr(target, !=, ours);
        if (atoi(n) <= 1) g_assert_cmpstr(target, ==, "/dev/null");
        if (atoi(n) == 3) g_assert_true(g_str_has_prefix(target, "socket:"));
        g_free(target);
        g_free(link);
    }
    g_dir_close(d);
    g_free(ours);
    g_free(marker);
    g_free(dir);
}

static void test_forked_worker_reads(void)
{
    g_assert_true(ms_spawner_running());
    int count;
    g_assert_cmpint(child_named("ms-spawner", &count, NULL), >, 0);
    g_assert_cmpint(count, ==, 1);
    ms_context ctx = worker_context();
    ms_proc *p = ms_proc_new(&ctx);
    pid_t w = child_named("ms-worker-proc", &count, NULL);
    g_assert_cmpint(w, >, 0); /* re-parented to us */
    g_assert_cmpint(count, ==, 1);
    GError *err = NULL;
    g_assert_cmpint(open_sample(p, &ctx, 1, &err), ==, 2);
    g_assert_no_error(err);
    check_descriptors(w);
    ms_proc_free(p); /* reaped by pid, with its exit status 0 (else it says so) */
    int zombies;
    g_assert_cmpint(child_named("ms-worker-proc", &count, &zombies), ==, -1);
    g_assert_cmpint(zombies, ==, 0);
}

/* A worker killed by a signal costs its request worker_crashed with the
 * signal: its death is read by pid as for a worker we forked ourselves.
 * SIGKILL, which no handler sees (a sanitizer build's would turn a SIGSEGV
 * into an exit status). */
static void test_crash_read_by_pid(void)
{
    ms_context ctx = worker_context();
    ms_proc *p = ms_proc_new(&ctx);
    int count;
    pid_t w = child_named("ms-worker-proc", &count, NULL);
    g_assert_cmpint(w, >, 0);
    g_assert_cmpint(kill(w, SIGKILL), ==, 0);
    GError *err = NULL;
    g_assert_cmpint(open_sample(p, &ctx, 1, &err), ==, -1);
    g_assert_error(err, MS_ERROR, MS_ERR_WORKER_CRASHED);
    g_assert_nonnull(strstr(err->message, "signal 9"));
    g_clear_error(&err);
    /* the next request starts a new worker, from the spawner again */
    g_assert_cmpint(open_sample(p, &ctx, 2, &err), ==, 2);
    g_assert_no_error(err);
    pid_t again = child_named("ms-worker-proc", &count, NULL);
    g_assert_cmpint(again, >, 0);
    g_assert_cmpint(again, !=, w);
    ms_proc_free(p);
}

/* Opens in flight (worker_proc.h): answered in the order asked; when the
 * worker dies on the first, that one is its worker_crashed, and the ones
 * asked after it are void (MS_PROC_ASK_AGAIN), never blamed for it, and are
 * read by the new worker when asked again.  The worker is stopped before the
 * opens are sent and killed after, so it has answered none of them. */
static void test_opens_in_flight(void)
{
    ms_context ctx = worker_context();
    char *path = g_build_filename(MS_TEST_SAMPLES_DIR, "02-pretermit-incomplete-i589-born-digital.pdf", NULL);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    g_assert_cmpint(fd, >=, 0);
    GArray *ready = g_array_new(FALSE, FALSE, sizeof(ms_proc_ready));
    g_array_set_clear_func(ready, ms_proc_ready_clear);
    ms_proc *p = ms_proc_new(&ctx);
    GError *err = NULL;
    guint64 ticket[MS_PROC_AHEAD];
    gint64 waited;
    /* all answered, in order */
    for (int i = 0; i < MS_PROC_AHEAD; i++)
        g_assert_true(ms_proc_open_send(p, &ctx, 10 + i, fd, MS_FMT_PDF, path, 0, &ticket[i], &err));
    for (int i = 0; i < MS_PROC_AHEAD; i++) {
        g_assert_cmpint(ms_proc_open_recv(p, &ctx, path, ticket[i], ready, &waited, &err), ==, 2);
        g_assert_no_error(err);
        g_assert_cmpuint(ready->len, ==, 2);
        g_array_set_size(ready, 0);
    }
    /* the worker dies with three asked of it */
    int count;
    pid_t w = child_named("ms-worker-proc", &count, NULL);
    g_assert_cmpint(w, >, 0);
    g_assert_cmpint(kill(w, SIGSTOP), ==, 0);
    for (int i = 0; i < 3; i++)
        g_assert_true(ms_proc_open_send(p, &ctx, 20 + i, fd, MS_FMT_PDF, path, 0, &ticket[i], &err));
    g_assert_cmpint(kill(w, SIGKILL), ==, 0);
    g_assert_cmpint(ms_proc_open_recv(p, &ctx, path, ticket[0], ready, &waited, &err), ==, -1);
    g_assert_error(err, MS_ERROR, MS_ERR_WORKER_CRASHED);
    g_clear_error(&err);
    for (int i = 1; i < 3; i++) {
        g_assert_cmpint(ms_proc_open_recv(p, &ctx, path, ticket[i], ready, &waited, &err), ==,
                        MS_PROC_ASK_AGAIN);
        g_assert_no_error(err);
        g_assert_cmpuint(ready->len, ==, 0);
    }
    /* asked again, of a new worker: both read */
    for (int i = 1; i < 3; i++)
        g_assert_true(ms_proc_open_send(p, &ctx, 20 + i, fd, MS_FMT_PDF, path, 0, &ticket[i], &err));
    for (int i = 1; i < 3; i++) {
        g_assert_cmpint(ms_proc_open_recv(p, &ctx, path, ticket[i], ready, &waited, &err), ==, 2);
        g_assert_no_error(err);
        g_array_set_size(ready, 0);
    }
    pid_t again = child_named("ms-worker-proc", &count, NULL);
    g_assert_cmpint(again, >, 0);
    g_assert_cmpint(again, !=, w);
    ms_proc_free(p);
    g_array_unref(ready);
    close(fd);
    g_free(path);
}

/* With the spawner gone, workers are exec'd (`test_spawner __worker`). */
static void test_spawner_gone(void)
{
    int count;
    pid_t s = child_named("ms-spawner", &count, NULL);
    g_assert_cmpint(s, >, 0);
    g_assert_cmpint(kill(s, SIGKILL), ==, 0);
    ms_context ctx = worker_context();
    ms_proc *p = ms_proc_new(&ctx); /* finds it gone, reaps it, execs */
    g_assert_false(ms_spawner_running());
    GError *err = NULL;
    g_assert_cmpint(open_sample(p, &ctx, 1, &err), ==, 2);
    g_assert_no_error(err);
    int zombies;
    g_assert_cmpint(child_named("ms-spawner", &count, &zombies), ==, -1);
    g_assert_cmpint(child_named("ms-worker-proc", &count, NULL), ==, -1); /* exec'd: its own name */
    ms_proc_free(p);
    g_assert_cmpint(child_named("test_spawner", &count, &zombies), ==, -1);
    g_assert_cmpint(zombies, ==, 0);
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "__worker") == 0) return ms_worker_child_main();
    marker_fd = open("/dev/zero", O_RDONLY); /* no O_CLOEXEC: the spawner must close it */
    g_assert_cmpint(marker_fd, >, 2);
    g_assert_true(ms_spawner_start());
    self_exe = g_file_read_link("/proc/self/exe", NULL);
    g_assert_nonnull(self_exe);
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/spawner/forked_worker_reads", test_forked_worker_reads);
    g_test_add_func("/spawner/crash_read_by_pid", test_crash_read_by_pid);
    g_test_add_func("/spawner/opens_in_flight", test_opens_in_flight);
    g_test_add_func("/spawner/spawner_gone", test_spawner_gone); /* last: it ends the spawner */
    int rc = g_test_run();
    g_free(self_exe);
    close(marker_fd);
    return rc;
}
