/* faultinject — a preload library for the tests only (LD_PRELOAD), never
 * linked into motionscan: it makes Poppler, Leptonica, Tesseract or qpdf crash,
 * abort, hang or allocate without end, on a marked input only.
 *
 *   MS_FAULT=KIND:FUNCTION   KIND is crash (SIGSEGV), abort, hang (sleeps for
 *                            ever) or alloc (touches memory in 32 MB steps
 *                            until an allocation fails, then aborts, as a
 *                            library's out-of-memory path does; at most
 *                            MS_FAULT_ALLOC_CAP_MB, default 4096)
 *   MS_FAULT_MARK=BYTES      the marker (default "MS-FAULT-MARK"): an input
 *                            whose bytes hold it is marked
 *
 * The watch daemon's journal is killed (SIGKILL) at one of its steps:
 *
 *   MS_KILL_AT=CALL:SUFFIX   CALL is rename (after renaming to a path that
 *                            ends with SUFFIX), fsync (after syncing such a
 *                            file), torn (at that fsync, first cutting the
 *                            file's last line in half, as a kill in mid-write
 *                            leaves it) or commit (after an SQLite COMMIT;
 *                            SUFFIX is then ignored)
 *   MS_KILL_ARM=SUFFIX       the kill is armed by a rename to a path ending
 *                            with SUFFIX (the marked input's journal entry),
 *                            so the steps of other files, such as one
 *                            finished after a restart, pass; without it the
 *                            first matching call kills
 *
 * FUNCTION is one of the wrapped calls below.  The calls motionscan makes
 * first on an input (Poppler's open, Leptonica's header reads) see its bytes
 * and note whether they are marked; every wrapped call faults when the last
 * input so noted in this process was marked (Tesseract itself decodes small
 * images with pixReadMem, so that call only faults, it never notes).  Each wrapper calls the real function (RTLD_NEXT)
 * otherwise.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <gio/gio.h>
#include <leptonica/allheaders.h>
#include <poppler.h>
#include <qpdf/qpdf-c.h>
#include <sqlite3.h>
#include <tesseract/capi.h>

static int marked; /* the input opened last holds the marker */

static void *real(const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    if (!f) abort();
    return f;
}

static void note(const void *data, size_t len)
{
    const char *mark = getenv("MS_FAULT_MARK");
    if (!mark || !*mark) mark = "MS-FAULT-MARK";
    marked = data && len && memmem(data, len, mark, strlen(mark)) != NULL;
}

static void run_away(void)
{
    const char *cap_s = getenv("MS_FAULT_ALLOC_CAP_MB");
    long cap = cap_s ? atol(cap_s) : 4096;
    for (long mb = 0; mb < cap; mb += 32) {
        char *p = malloc(32u << 20);
        if (!p) break;
        memset(p, 1, 32u << 20); /* resident, as a real decoder's buffers are */
    }
    abort();
}

/* Fault now if FUNCTION is the one named and the input is marked. */
static void maybe_fault(const char *fn)
{
    const char *spec = getenv("MS_FAULT");
    const char *colon = spec ? strchr(spec, ':') : NULL;
    if (!marked || !colon || strcmp(colon + 1, fn) != 0) return;
    size_t k = (size_t)(colon - spec);
    if (k == 5 && strncmp(spec, "crash", 5) == 0) {
        volatile int *volatile nowhere = NULL;
        *nowhere = 1;
    } else if (k == 5 && strncmp(spec, "abort", 5) == 0) {
        abort();
    } else if (k == 4 && strncmp(spec, "hang", 4) == 0) {
        for (;;) sleep(1);
    } else if (k == 5 && strncmp(spec, "alloc", 5) == 0) {
        run_away();
    }
}

/* ---- Poppler ---- */

PopplerDocument *poppler_document_new_from_stream(GInputStream *stream, goffset length,
                                                  const char *password, GCancellable *c,
                                                  GError **error)
{
    PopplerDocument *(*f)(GInputStream *, goffset, const char *, GCancellable *, GError **) =
        real("poppler_document_new_from_stream");
    if (G_IS_SEEKABLE(stream) && length > 0 && length < (1 << 30)) {
        char *buf = g_malloc((gsize)length);
        gsize got = 0;
        g_input_stream_read_all(stream, buf, (gsize)length, &got, NULL, NULL);
        note(buf, got);
        g_free(buf);
        g_seekable_seek(G_SEEKABLE(stream), 0, G_SEEK_SET, NULL, NULL);
    }
    maybe_fault("poppler_document_new_from_stream");
    return f(stream, length, password, c, error);
}

void poppler_page_render_for_printing(PopplerPage *page, cairo_t *cr)
{
    void (*f)(PopplerPage *, cairo_t *) = real("poppler_page_render_for_printing");
    maybe_fault("poppler_page_render_for_printing");
    f(page, cr);
}

/* ---- Leptonica ---- */

l_ok pixReadHeaderMem(const l_uint8 *data, size_t size, l_int32 *format, l_int32 *w, l_int32 *h,
                      l_int32 *bps, l_int32 *spp, l_int32 *iscmap)
{
    l_ok (*f)(const l_uint8 *, size_t, l_int32 *, l_int32 *, l_int32 *, l_int32 *, l_int32 *,
              l_int32 *) = real("pixReadHeaderMem");
    note(data, size);
    return f(data, size, format, w, h, bps, spp, iscmap);
}

l_ok readHeaderMemTiff(const l_uint8 *cdata, size_t size, l_int32 n, l_int32 *w, l_int32 *h,
                       l_int32 *bps, l_int32 *spp, l_int32 *res, l_int32 *cmap, l_int32 *format)
{
    l_ok (*f)(const l_uint8 *, size_t, l_int32, l_int32 *, l_int32 *, l_int32 *, l_int32 *,
              l_int32 *, l_int32 *, l_int32 *) = real("readHeaderMemTiff");
    note(cdata, size);
    return f(cdata, size, n, w, h, bps, spp, res, cmap, format);
}

PIX *pixReadMem(const l_uint8 *data, size_t size)
{
    PIX *(*f)(const l_uint8 *, size_t) = real("pixReadMem");
    maybe_fault("pixReadMem");
    return f(data, size);
}

PIX *pixReadMemTiff(const l_uint8 *cdata, size_t size, l_int32 n)
{
    PIX *(*f)(const l_uint8 *, size_t, l_int32) = real("pixReadMemTiff");
    maybe_fault("pixReadMem");
    return f(cdata, size, n);
}

PIX *pixReadMemJpeg(const l_uint8 *data, size_t size, l_int32 cmflag, l_int32 reduction,
                    l_int32 *pnwarn, l_int32 hint)
{
    PIX *(*f)(const l_uint8 *, size_t, l_int32, l_int32, l_int32 *, l_int32) =
        real("pixReadMemJpeg");
    maybe_fault("pixReadMem");
    return f(data, size, cmflag, reduction, pnwarn, hint);
}

PIX *pixConvertTo8(PIX *pixs, l_int32 cmapflag)
{
    PIX *(*f)(PIX *, l_int32) = real("pixConvertTo8");
    maybe_fault("pixConvertTo8");
    return f(pixs, cmapflag);
}

/* ---- Tesseract ---- */

int TessBaseAPIRecognize(TessBaseAPI *handle, ETEXT_DESC *monitor)
{
    int (*f)(TessBaseAPI *, ETEXT_DESC *) = real("TessBaseAPIRecognize");
    maybe_fault("TessBaseAPIRecognize");
    return f(handle, monitor);
}

/* ---- qpdf (--pdf, in the worker) ---- */

QPDF_ERROR_CODE qpdf_write(qpdf_data qpdf)
{
    QPDF_ERROR_CODE (*f)(qpdf_data) = real("qpdf_write");
    maybe_fault("qpdf_write");
    return f(qpdf);
}

/* ---- the watch journal's steps (MS_KILL_AT, MS_KILL_ARM) ---- */

static int kill_armed = -1; /* -1: not read yet */

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return k <= n && strcmp(s + n - k, suffix) == 0;
}

/* The SUFFIX of MS_KILL_AT when its CALL is `call`, else NULL. */
static const char *kill_suffix(const char *call)
{
    const char *spec = getenv("MS_KILL_AT");
    size_t k = strlen(call);
    if (!spec || strncmp(spec, call, k) != 0 || spec[k] != ':') return NULL;
    return spec + k + 1;
}

static int armed(void)
{
    if (kill_armed < 0) {
        const char *arm = getenv("MS_KILL_ARM");
        kill_armed = !arm || !*arm;
    }
    return kill_armed;
}

/* Cut the last line of the file at `path` in half: no newline at its end
 * (by name: the daemon's own descriptor may be write-only). */
static void tear(const char *path)
{
    int fd = open(path, O_RDONLY);
    off_t size = fd < 0 ? 0 : lseek(fd, 0, SEEK_END), from = size - 1;
    char c;
    while (from > 0 && pread(fd, &c, 1, from - 1) == 1 && c != '\n')
        from--;
    if (fd >= 0) close(fd);
    if (size - from < 2 || truncate(path, from + (size - from) / 2) != 0) abort();
}

int rename(const char *oldpath, const char *newpath)
{
    int (*f)(const char *, const char *) = real("rename");
    int rc = f(oldpath, newpath);
    const char *arm = getenv("MS_KILL_ARM"), *suffix = kill_suffix("rename");
    if (rc == 0 && !armed() && arm && ends_with(newpath, arm)) kill_armed = 1;
    if (rc == 0 && suffix && armed() && ends_with(newpath, suffix)) raise(SIGKILL);
    return rc;
}

int fsync(int fd)
{
    int (*f)(int) = real("fsync");
    const char *sync = kill_suffix("fsync"), *torn = kill_suffix("torn");
    char link[64], path[PATH_MAX];
    ssize_t n = -1;
    if ((sync || torn) && armed()) {
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        n = readlink(link, path, sizeof path - 1);
    }
    if (n > 0) path[n] = '\0';
    if (n > 0 && torn && ends_with(path, torn)) {
        tear(path);
        raise(SIGKILL);
    }
    int rc = f(fd);
    if (n > 0 && sync && ends_with(path, sync)) raise(SIGKILL);
    return rc;
}

int sqlite3_step(sqlite3_stmt *stmt)
{
    int (*f)(sqlite3_stmt *) = real("sqlite3_step");
    const char *(*sql)(sqlite3_stmt *) = real("sqlite3_sql");
    int rc = f(stmt);
    if (rc == SQLITE_DONE && kill_suffix("commit") && armed() && strcmp(sql(stmt), "COMMIT") == 0)
        raise(SIGKILL);
    return rc;
}
