/* spawner — worker processes forked from an already loaded image, so that a
 * worker costs a fork, not an exec of the binary and the dynamic loader
 * binding its hundred libraries (see README, "Isolation").
 *
 * ms_spawner_start(), called first thing in main (before any thread exists,
 * before GLib or GIO start one, before any output is opened), forks a small
 * process, the spawner, that holds the loaded binary and does nothing but fork
 * workers on request over a socketpair.  The caller becomes a child subreaper
 * (PR_SET_CHILD_SUBREAPER) and the spawner double-forks, so each worker is
 * re-parented to the caller, which waits for it by pid exactly as for a worker
 * it forked itself: its death (signal, exit status) is read the same way.
 * The spawner keeps only /dev/null (0, 1), stderr (2) and its socket; a worker
 * gets /dev/null (0, 1), stderr (2) and its own socket (3), an empty signal
 * mask, and runs ms_worker_child_main() (worker_proc.h).  The spawner exits at
 * the end of its socket or when the caller dies (PR_SET_PDEATHSIG), and reaps
 * the intermediate processes it makes, so none is left behind.
 *
 * Thread rules: ms_spawner_start() before any thread; ms_spawner_spawn() from
 * any thread (one request at a time, under a lock).  Ownership: the socket
 * ms_spawner_spawn() returns is the caller's to close; the worker is the
 * caller's to reap (waitpid).
 */
#ifndef MS_SPAWNER_H
#define MS_SPAWNER_H

#include <glib.h>
#include <sys/types.h>

/* Start the spawner.  FALSE (errno set) when it cannot be started, or under
 * Valgrind (which would follow the forks into the workers): workers are then
 * started by exec (worker_proc.c), as without it. */
gboolean ms_spawner_start(void);

/* A new worker: its pid (a child of this process) and this side of its socket
 * (close-on-exec).  FALSE when there is no spawner, or it is gone (it is then
 * dropped; later calls return FALSE at once), or it could not fork. */
gboolean ms_spawner_spawn(int *sock, pid_t *pid);

/* Whether workers come from the spawner (for tests). */
gboolean ms_spawner_running(void);

#endif
