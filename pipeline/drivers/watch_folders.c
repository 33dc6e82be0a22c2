/* watch_folders — the watch daemon's folders and names: the checks made at
 * start (INBOX and DIR apart, one file system, one daemon per DIR) and the
 * names files get in DIR (see watch.c for the rules). */
#include "pipeline/drivers/watch_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pipeline/base/ms_error.h"

static gboolean exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 || errno != ENOENT;
}

/* TRUE when some process has `path` open for writing (Linux read lease).
 * FALSE when it has not, or when the kernel cannot tell (not the owner,
 * NFS, leases disabled): then the size/mtime rule alone decides. */
gboolean ms_watch_open_for_writing(const char *path)
{
#ifdef F_SETLEASE
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return errno == EWOULDBLOCK; /* someone holds a lease: busy */
    gboolean busy = FALSE;
    if (fcntl(fd, F_SETLEASE, F_RDLCK) == 0)
        fcntl(fd, F_SETLEASE, F_UNLCK);
    else
        busy = errno == EAGAIN;
    close(fd);
    return busy;
#else
    (void)path;
    return FALSE;
#endif
}

/* Names a scanner or a browser writes before renaming, and hidden files. */
gboolean ms_watch_ignored_name(const char *name)
{
    static const char *const temp[] = {".part", ".partial", ".tmp", ".crdownload", "~", NULL};
    if (name[0] == '.') return TRUE;
    char *lower = g_ascii_strdown(name, -1);
    gboolean t = FALSE;
    for (const char *const *s = temp; *s && !t; s++)
        t = g_str_has_suffix(lower, *s);
    g_free(lower);
    return t;
}

char *ms_watch_in_dir(watch *w, int d, const char *name)
{
    return g_build_filename(w->dir[d], name, NULL);
}

static gboolean name_taken(watch *w, const char *name)
{
    gboolean taken = FALSE;
    for (int d = 0; d < MS_WATCH__DIRS && !taken; d++) {
        char *p = ms_watch_in_dir(w, d, name);
        taken = exists(p);
        g_free(p);
    }
    if (!taken) {
        char *e =
            g_strconcat(w->dir[MS_WATCH_FAILED], G_DIR_SEPARATOR_S, name, ".error.json", NULL);
        taken = exists(e);
        g_free(e);
    }
    return taken;
}

/* Valid UTF-8 without control characters: a name goes into JSON, CSV,
 * known.tsv and the log. */
char *ms_watch_clean_name(const char *raw)
{
    char *name = g_utf8_make_valid(raw, -1);
    for (char *p = name; *p; p++)
        if ((guchar)*p < 0x20 || *p == 0x7f) *p = '_';
    return name;
}

/* A name for `name` that no file in DIR has: the name itself, or
 * "stem~N.ext".  A name ending in ".error.json" always gets "~N", so it can
 * never be mistaken for another file's error record. */
char *ms_watch_claim_name(watch *w, const char *raw)
{
    char *name = ms_watch_clean_name(raw);
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name || strlen(dot) > 16) dot = name + strlen(name);
    gsize stem_len = MIN((gsize)(dot - name), (gsize)MS_WATCH_MAX_NAME - strlen(dot));
    while (stem_len > 0 && ((guchar)name[stem_len] & 0xC0) == 0x80)
        stem_len--; /* whole chars */
    char *stem = g_strndup(name, stem_len);
    gboolean must_number = g_str_has_suffix(name, ".error.json") || stem_len < (gsize)(dot - name);
    char *c = NULL;
    for (int n = 1;; n++) {
        c = n == 1 && !must_number ? g_strconcat(stem, dot, NULL)
                                   : g_strdup_printf("%s~%d%s", stem, n, dot);
        if (!name_taken(w, c)) break;
        g_free(c);
    }
    g_free(stem);
    g_free(name);
    return c;
}

static gboolean refuse(GError **err, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static gboolean refuse(GError **err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error_literal(err, MS_ERROR, MS_ERR_USAGE, msg);
    g_free(msg);
    return FALSE;
}

static gboolean inside(const char *path, const char *dir)
{
    gsize n = strlen(dir);
    return strcmp(dir, "/") == 0 ||
           (strncmp(path, dir, n) == 0 && (path[n] == 0 || path[n] == '/'));
}

/* The absolute path of `path` with symlinks resolved, for the part of it
 * that exists; NULL when even "/" cannot be resolved. */
static char *resolve(const char *path)
{
    char *real = realpath(path, NULL);
    if (real) {
        char *r = g_strdup(real);
        free(real);
        return r;
    }
    char *dir = g_path_get_dirname(path), *base = g_path_get_basename(path);
    char *parent = strcmp(dir, path) != 0 ? resolve(dir) : NULL;
    char *r = parent ? g_build_filename(parent, base, NULL) : NULL;
    g_free(parent);
    g_free(dir);
    g_free(base);
    return r;
}

/* Nothing the daemon writes may be in INBOX. */
static gboolean outside_inbox(const char *file, const char *inbox_real, GError **err)
{
    if (!file) return TRUE;
    char *real = resolve(file);
    gboolean ok = !real || !inside(real, inbox_real);
    g_free(real);
    return ok ||
           refuse(err, "%s is inside the inbox %s; nothing may be written there", file, inbox_real);
}

gboolean ms_watch_check_folders(watch *w, GError **err)
{
    const ms_watch_options *o = w->opt;
    if (!g_file_test(o->inbox, G_FILE_TEST_IS_DIR))
        return refuse(err, "%s is not a folder", o->inbox);
    char *inbox = resolve(o->inbox), *out = resolve(o->out_dir);
    gboolean ok = inbox && out;
    if (!ok) ms_watch_io_error(err, "cannot resolve", inbox ? o->out_dir : o->inbox);
    if (ok && inside(out, inbox))
        ok = refuse(err, "the output folder %s is inside the inbox %s; choose a folder outside it",
                    o->out_dir, o->inbox);
    if (ok && inside(inbox, out)) {
        for (int d = 0; d < MS_WATCH__DIRS && ok; d++) {
            char *sub = g_build_filename(out, ms_watch_dir_names[d], NULL);
            if (inside(inbox, sub))
                ok = refuse(err, "the inbox %s is inside the output folder's %s/", o->inbox,
                            ms_watch_dir_names[d]);
            g_free(sub);
        }
    }
    ok = ok && outside_inbox(o->csv, inbox, err) && outside_inbox(o->db, inbox, err) &&
         outside_inbox(o->ics, inbox, err);
    for (int d = 0; d < MS_WATCH__DIRS && ok; d++) {
        w->dir[d] = g_build_filename(o->out_dir, ms_watch_dir_names[d], NULL);
        if (g_mkdir_with_parents(w->dir[d], 0755) != 0)
            ok = ms_watch_io_error(err, "cannot create", w->dir[d]);
    }
    struct stat a, b;
    if (ok && stat(inbox, &a) == 0 && stat(w->dir[MS_WATCH_PROCESSING], &b) == 0 &&
        a.st_dev != b.st_dev)
        ok = refuse(err,
                    "%s and %s are on different file systems; a file is claimed by an "
                    "atomic rename, so they must be on the same one",
                    o->inbox, o->out_dir);
    g_free(inbox);
    g_free(out);
    return ok;
}

gboolean ms_watch_take_lock(watch *w, GError **err)
{
    char *path = g_build_filename(w->opt->out_dir, "watch.lock", NULL);
    w->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    gboolean ok = w->lock_fd >= 0 || ms_watch_io_error(err, "cannot create", path);
    if (ok && flock(w->lock_fd, LOCK_EX | LOCK_NB) != 0)
        ok = errno == EWOULDBLOCK
                 ? refuse(err, "another motionscan watch is writing to %s", w->opt->out_dir)
                 : ms_watch_io_error(err, "cannot lock", path);
    g_free(path);
    return ok;
}
