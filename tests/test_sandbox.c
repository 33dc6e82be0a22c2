/* sandbox: what a worker can no longer do once its seccomp filter is loaded
 * (network, new programs and processes, writing files, signalling others),
 * and what it still can (read files, write to fds 0-3, start threads).  Each
 * check runs in a forked child, which loads the filter and exits 0 when every
 * expectation holds, else with the number of the first one that failed. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "pipeline/worker/sandbox.h"

static gpointer thread_fn(gpointer data)
{
    return data;
}

static int checks(const char *tmp)
{
    GError *err = NULL;
    int pipefd[2];
    if (pipe(pipefd) != 0 || dup2(pipefd[1], 7) < 0) return 100; /* a write end above 3 */
    if (!ms_sandbox_enter(512LL << 20, &err)) return 101;
    char *victim = g_build_filename(tmp, "written", NULL);
    errno = 0;
    if (socket(AF_INET, SOCK_STREAM, 0) >= 0 || errno != EPERM) return 1;
    if (socket(AF_UNIX, SOCK_STREAM, 0) >= 0) return 2;
    if (open(victim, O_WRONLY | O_CREAT, 0600) >= 0 || errno != EPERM) return 3;
    if (open(victim, O_RDWR | O_CREAT, 0600) >= 0) return 4;
    if (creat(victim, 0600) >= 0) return 5;
    if (write(7, "x", 1) >= 0 || errno != EBADF) return 6;
    char *const argv[] = {(char *)"/bin/true", NULL};
    execv("/bin/true", argv);
    if (errno != EPERM) return 7;
    if (kill(getppid(), 0) == 0 || errno != EPERM) return 8;
    if (rename("/etc/hostname", victim) == 0) return 9;
#ifndef MS_SANITIZED
    if (fork() >= 0) return 10;
#endif
    /* still allowed */
    int fd = open("/etc/hostname", O_RDONLY);
    if (fd < 0) return 20;
    close(fd);
    if (write(2, "", 0) != 0) return 21;
    GThread *t = g_thread_try_new("t", thread_fn, victim, NULL);
    if (!t || g_thread_join(t) != victim) return 22;
    g_free(victim);
    return 0;
}

static void test_filter(void)
{
    char *tmp = g_dir_make_tmp("ms-sandbox-XXXXXX", NULL);
    g_assert_nonnull(tmp);
    pid_t pid = fork();
    g_assert_cmpint(pid, >=, 0);
    if (pid == 0) _exit(checks(tmp));
    int st = 0;
    g_assert_cmpint(waitpid(pid, &st, 0), ==, pid);
    g_assert_true(WIFEXITED(st));
    g_assert_cmpint(WEXITSTATUS(st), ==, 0);
    char *victim = g_build_filename(tmp, "written", NULL);
    g_assert_false(g_file_test(victim, G_FILE_TEST_EXISTS));
    g_free(victim);
    g_rmdir(tmp);
    g_free(tmp);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/sandbox/filter", test_filter);
    return g_test_run();
}
