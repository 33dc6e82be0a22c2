#include "pipeline/worker/sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <seccomp.h>
#include <sys/resource.h>
#include <unistd.h>

#include "pipeline/base/ms_error.h"

gboolean ms_sandbox_limits_memory(void)
{
#ifdef MS_SANITIZED
    return FALSE;
#else
    return TRUE;
#endif
}

/* A comparison of argument `arg` (libseccomp's SCMP_A* macros leave datum_b
 * out for the one-value comparisons, which clang's -Wextra reports). */
static struct scmp_arg_cmp arg_is(unsigned int arg, enum scmp_compare op, scmp_datum_t a,
                                  scmp_datum_t b)
{
    return (struct scmp_arg_cmp){.arg = arg, .op = op, .datum_a = a, .datum_b = b};
}

/* Fail `sys` with `err` whenever it is called. */
static int deny(scmp_filter_ctx f, int sys, int err)
{
    return seccomp_rule_add(f, SCMP_ACT_ERRNO(err), sys, 0);
}

static int deny_all(scmp_filter_ctx f, const int *calls, gsize n)
{
    int rc = 0;
    for (gsize i = 0; i < n && rc == 0; i++) rc = deny(f, calls[i], EPERM);
    return rc;
}

/* Opening for writing, in any of its forms. */
static int deny_write_opens(scmp_filter_ctx f)
{
    static const int bits[] = {O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND};
    int rc = deny(f, SCMP_SYS(creat), EPERM);
    rc = rc ? rc : deny(f, SCMP_SYS(openat2), ENOSYS); /* glibc falls back to openat */
    for (gsize i = 0; i < G_N_ELEMENTS(bits) && rc == 0; i++) {
        rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(open), 1,
                              arg_is(1, SCMP_CMP_MASKED_EQ, (scmp_datum_t)bits[i], (scmp_datum_t)bits[i]));
        if (rc == 0)
            rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(openat), 1,
                                  arg_is(2, SCMP_CMP_MASKED_EQ, (scmp_datum_t)bits[i],
                                         (scmp_datum_t)bits[i]));
    }
    return rc;
}

/* Writes and sends only on 0-2 and the socket. */
static int deny_other_writes(scmp_filter_ctx f)
{
    static const int writes[] = {SCMP_SYS(write), SCMP_SYS(writev), SCMP_SYS(pwrite64),
                                 SCMP_SYS(pwritev), SCMP_SYS(pwritev2), SCMP_SYS(sendfile),
                                 SCMP_SYS(splice), SCMP_SYS(copy_file_range)};
    static const int sends[] = {SCMP_SYS(sendto), SCMP_SYS(sendmsg), SCMP_SYS(sendmmsg)};
    int rc = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(writes) && rc == 0; i++)
        rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EBADF), writes[i], 1, arg_is(0, SCMP_CMP_GT, 3, 0));
    for (gsize i = 0; i < G_N_ELEMENTS(sends) && rc == 0; i++)
        rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EBADF), sends[i], 1, arg_is(0, SCMP_CMP_NE, 3, 0));
    return rc;
}

static int deny_processes(scmp_filter_ctx f)
{
    static const int calls[] = {SCMP_SYS(execve), SCMP_SYS(execveat), SCMP_SYS(fork),
                                SCMP_SYS(vfork), SCMP_SYS(process_vm_writev),
                                SCMP_SYS(process_vm_readv), SCMP_SYS(tkill)};
    scmp_datum_t me = (scmp_datum_t)getpid();
    int rc = deny_all(f, calls, G_N_ELEMENTS(calls));
#ifndef MS_SANITIZED
    rc = rc ? rc : deny(f, SCMP_SYS(ptrace), EPERM);
    rc = rc ? rc : deny(f, SCMP_SYS(clone3), ENOSYS); /* glibc falls back to clone */
    if (rc == 0)
        rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
                              arg_is(0, SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0));
#endif
    if (rc == 0)
        rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(kill), 1, arg_is(0, SCMP_CMP_NE, me, 0));
    if (rc == 0)
        rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(tgkill), 1,
                              arg_is(0, SCMP_CMP_NE, me, 0));
    return rc;
}

static int build_filter(scmp_filter_ctx f)
{
    static const int net[] = {SCMP_SYS(socket), SCMP_SYS(connect), SCMP_SYS(bind),
                              SCMP_SYS(listen), SCMP_SYS(accept), SCMP_SYS(accept4)};
    static const int files[] = {
        SCMP_SYS(rename),   SCMP_SYS(renameat), SCMP_SYS(renameat2), SCMP_SYS(unlink),
        SCMP_SYS(unlinkat), SCMP_SYS(mkdir),    SCMP_SYS(mkdirat),   SCMP_SYS(rmdir),
        SCMP_SYS(link),     SCMP_SYS(linkat),   SCMP_SYS(symlink),   SCMP_SYS(symlinkat),
        SCMP_SYS(chmod),    SCMP_SYS(fchmod),   SCMP_SYS(fchmodat),  SCMP_SYS(chown),
        SCMP_SYS(fchown),   SCMP_SYS(lchown),   SCMP_SYS(fchownat),  SCMP_SYS(truncate),
        SCMP_SYS(mknod),    SCMP_SYS(mknodat),  SCMP_SYS(utimes),    SCMP_SYS(utimensat)};
    static const int system[] = {SCMP_SYS(mount),       SCMP_SYS(umount2),  SCMP_SYS(pivot_root),
                                 SCMP_SYS(chroot),      SCMP_SYS(setns),    SCMP_SYS(unshare),
                                 SCMP_SYS(init_module), SCMP_SYS(finit_module), SCMP_SYS(bpf),
                                 SCMP_SYS(perf_event_open), SCMP_SYS(keyctl), SCMP_SYS(add_key),
                                 SCMP_SYS(request_key), SCMP_SYS(reboot)};
    int rc = deny_all(f, net, G_N_ELEMENTS(net));
    rc = rc ? rc : deny_all(f, files, G_N_ELEMENTS(files));
    rc = rc ? rc : deny_all(f, system, G_N_ELEMENTS(system));
    rc = rc ? rc : deny_write_opens(f);
    rc = rc ? rc : deny_other_writes(f);
    rc = rc ? rc : deny_processes(f);
    return rc;
}

gboolean ms_sandbox_enter(gint64 mem_bytes, GError **err)
{
    if (mem_bytes > 0 && ms_sandbox_limits_memory()) {
        struct rlimit rl = {(rlim_t)mem_bytes, (rlim_t)mem_bytes};
        if (setrlimit(RLIMIT_AS, &rl) != 0) {
            g_set_error(err, MS_ERROR, MS_ERR_INTERNAL, "worker: setrlimit(RLIMIT_AS): %s",
                        g_strerror(errno));
            return FALSE;
        }
    }
    scmp_filter_ctx f = seccomp_init(SCMP_ACT_ALLOW);
    int rc = f ? build_filter(f) : -ENOMEM;
    rc = rc ? rc : seccomp_load(f);
    if (f) seccomp_release(f);
    if (rc != 0) {
        g_set_error(err, MS_ERROR, MS_ERR_INTERNAL, "worker: the seccomp filter cannot be loaded: %s",
                    g_strerror(-rc));
        return FALSE;
    }
    return TRUE;
}
