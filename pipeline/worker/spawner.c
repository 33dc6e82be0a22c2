/* spawner.h: the spawner process and the parent's side of its socket. */
#include "pipeline/worker/spawner.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pipeline/worker/worker_proc.h"
#include "pipeline/worker/worker_wire.h"

#ifdef MS_HAVE_VALGRIND_H
#include <valgrind/valgrind.h>
#define UNDER_VALGRIND (RUNNING_ON_VALGRIND != 0)
#else
#define UNDER_VALGRIND 0
#endif

/* In the spawner: its socket.  In a worker: the worker's socket. */
#define CTL 3

static int ctl = -1; /* the parent's end; -1: no spawner */
static pid_t spawner_pid = -1;
static GMutex lock;

/* ---- the spawner's side (single-threaded; it never returns) ---- */

/* The new worker: fd 3 its socket, nothing else of the spawner's. */
static void become_worker(int wsock)
{
    if (dup2(wsock, CTL) < 0) _exit(127); /* replaces the spawner's socket */
    close_range(CTL + 1, ~0U, 0);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    exit(ms_worker_child_main()); /* exit, not _exit: as a worker's main returns */
}

/* Fork a worker through an intermediate process that exits at once, so the
 * worker is re-parented to the parent (the subreaper).  Its pid, or -1. */
static pid_t double_fork(int wsock)
{
    int pp[2];
    if (pipe2(pp, O_CLOEXEC) != 0) return -1;
    pid_t mid = fork();
    if (mid == 0) {
        /* the worker's name in ps and top, set before the pid is sent back */
        prctl(PR_SET_NAME, "ms-worker-proc");
        pid_t w = fork();
        if (w == 0) become_worker(wsock);
        ssize_t k = write(pp[1], &w, sizeof w);
        _exit(k == sizeof w ? 0 : 1);
    }
    close(pp[1]);
    pid_t w = -1;
    if (mid > 0) {
        if (read(pp[0], &w, sizeof w) != sizeof w) w = -1;
        /* once it is reaped, the worker is the parent's child */
        while (waitpid(mid, NULL, 0) < 0 && errno == EINTR) {
        }
    }
    close(pp[0]);
    return w;
}

/* The worker's pid and, when there is one, the parent's end of its socket. */
static gboolean reply(pid_t pid, int fd)
{
    struct iovec iov = {&pid, sizeof pid};
    return ms_wire_send_iov(CTL, &iov, 1, pid > 0 ? fd : -1);
}

static G_NORETURN void serve(void)
{
    for (;;) {
        char c;
        ssize_t k = recv(CTL, &c, 1, 0);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) _exit(0); /* the parent closed its end, or is gone */
        int sv[2];
        pid_t pid = -1;
        gboolean paired = socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0;
        if (paired) pid = double_fork(sv[1]);
        gboolean sent = reply(pid, paired ? sv[0] : -1);
        if (paired) close(sv[0]), close(sv[1]);
        if (!sent) _exit(0);
    }
}

static G_NORETURN void spawner_main(int sock, pid_t parent)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(0); /* it died before the line above */
    prctl(PR_SET_NAME, "ms-spawner");
    if (dup2(sock, CTL) < 0) _exit(1);
    int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (devnull < 0) _exit(1);
    dup2(devnull, 0), dup2(devnull, 1);
    close_range(CTL + 1, ~0U, 0); /* the parent's other descriptors, devnull */
    serve();
}

/* ---- the parent's side ---- */

/* The spawner is gone or broken, or this process exits: close its socket (it
 * exits at the end of it) and reap it.  Workers are exec'd from now on. */
static void drop(void)
{
    if (ctl < 0) return;
    close(ctl);
    ctl = -1;
    while (waitpid(spawner_pid, NULL, 0) < 0 && errno == EINTR) {
    }
    spawner_pid = -1;
}

static void stop_at_exit(void)
{
    g_mutex_lock(&lock);
    drop();
    g_mutex_unlock(&lock);
}

gboolean ms_spawner_start(void)
{
    if (ctl >= 0) return TRUE;
    if (UNDER_VALGRIND) { /* it would follow the forks into the workers */
        errno = ENOTSUP;
        return FALSE;
    }
    if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) return FALSE;
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) return FALSE;
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) spawner_main(sv[1], parent);
    int saved = errno;
    close(sv[1]);
    if (pid < 0) {
        close(sv[0]);
        prctl(PR_SET_CHILD_SUBREAPER, 0);
        errno = saved;
        return FALSE;
    }
    ctl = sv[0], spawner_pid = pid;
    atexit(stop_at_exit); /* in this process only: the spawner was forked before */
    return TRUE;
}

/* One request: 1 if a worker came, 0 if the spawner could not fork, -1 if
 * the spawner is gone. */
static int ask(int *sock, pid_t *pid)
{
    ssize_t k;
    do k = send(ctl, "w", 1, MSG_NOSIGNAL);
    while (k < 0 && errno == EINTR);
    if (k != 1) return -1;
    pid_t got = -1;
    struct iovec iov = {&got, sizeof got};
    union {
        char buf[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } u;
    struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf,
                        .msg_controllen = sizeof u.buf};
    do k = recvmsg(ctl, &mh, MSG_CMSG_CLOEXEC);
    while (k < 0 && errno == EINTR);
    struct cmsghdr *c = k == (ssize_t)sizeof got ? CMSG_FIRSTHDR(&mh) : NULL;
    gboolean has_fd = c && c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS &&
                      c->cmsg_len == CMSG_LEN(sizeof(int)) && !(mh.msg_flags & MSG_CTRUNC);
    if (k != (ssize_t)sizeof got || (got > 0) != has_fd) return -1;
    if (got <= 0) return 0;
    memcpy(sock, CMSG_DATA(c), sizeof *sock);
    *pid = got;
    return 1;
}

gboolean ms_spawner_spawn(int *sock, pid_t *pid)
{
    g_mutex_lock(&lock);
    int r = ctl >= 0 ? ask(sock, pid) : 0;
    if (r < 0) kill(spawner_pid, SIGKILL), drop();
    g_mutex_unlock(&lock);
    if (r <= 0) errno = EAGAIN;
    return r > 0;
}

gboolean ms_spawner_running(void)
{
    g_mutex_lock(&lock);
    gboolean up = ctl >= 0;
    g_mutex_unlock(&lock);
    return up;
}
