/* sandbox — what a worker process gives up once it has started.
 *
 * ms_sandbox_enter() sets the worker's address-space limit (RLIMIT_AS; not
 * in a sanitizer build, whose shadow memory needs terabytes of address space)
 * and loads a seccomp filter (libseccomp).  The filter lets everything through
 * except, each failing with an errno (EPERM or EBADF) rather than killing:
 *   - network: socket(), connect(), bind(), listen(), accept(); sends on any
 *     descriptor but the worker's socket (fd 3);
 *   - new programs and processes: execve(), execveat(), fork()/clone()
 *     without CLONE_THREAD (threads still work), ptrace();
 *   - writing files: open()/openat() with O_WRONLY, O_RDWR, O_CREAT, O_TRUNC
 *     or O_APPEND, creat(), and the calls that change names or metadata
 *     (rename, unlink, mkdir, link, symlink, chmod, chown, truncate, mknod,
 *     utimes); write() and its kin on any descriptor above 3 (0-2 are
 *     /dev/null and the log, 3 the socket);
 *   - signals to other processes (kill/tgkill aimed at another pid), and
 *     mount, namespaces, chroot, module loading, bpf, perf, keyrings.
 * So the worker can read files (Tesseract's models, fonts) but write only
 * to its socket and the log.  Temporary files cannot be created: the
 * libraries as motionscan calls them decode from memory.
 * In a sanitizer build, clone() and ptrace() stay allowed (LeakSanitizer
 * stops the process with them to scan it at exit).
 */
#ifndef MS_SANDBOX_H
#define MS_SANDBOX_H

#include <glib.h>

/* Returns FALSE with err set (internal) if the filter cannot be loaded. */
gboolean ms_sandbox_enter(gint64 mem_bytes, GError **err);

/* Whether RLIMIT_AS is applied in this build. */
gboolean ms_sandbox_limits_memory(void);

#endif
