/* The worker process's side of worker_proc.h: one request at a time on fd 3. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/pages/pages.h"
#include "pipeline/worker/sandbox.h"
#include "pipeline/worker/worker_proc.h"
#include "pipeline/worker/worker_wire.h"

#define SOCK 3
/* A crash with the address space this close to its limit (an eighth of it,
 * at most 256 MB) is out_of_memory. */
#define OOM_MARGIN(limit) MIN(256LL << 20, (limit) / 8)

static int statm_fd = -1;
static gint64 mem_limit;

/* A fatal signal: out_of_memory when the address space is at its limit (an
 * allocation failed and the library aborted or touched NULL), else the
 * signal's own death, which the parent reports as worker_crashed. */
static void on_fatal(int sig)
{
    char buf[64];
    ssize_t n = statm_fd >= 0 && mem_limit ? pread(statm_fd, buf, sizeof buf - 1, 0) : -1;
    if (n > 0) {
        long long pages = 0;
        for (ssize_t i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++) pages = pages * 10 + (buf[i] - '0');
        if (pages * sysconf(_SC_PAGESIZE) + OOM_MARGIN(mem_limit) >= mem_limit) _exit(MS_WORKER_EXIT_OOM);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void catch_fatal(void)
{
    static char altstack[64 * 1024]; /* a stack overflow still reaches the handler */
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
    const int fatal[] = {SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP};
    for (gsize i = 0; i < G_N_ELEMENTS(fatal); i++) sigaction(fatal[i], &sa, NULL);
}

/* From here on the worker has nothing to say on stderr: it answers on its
 * socket.  What the libraries print goes to /dev/null (descriptor 0), as it
 * does in a process of our own: Tesseract prints some messages whatever its
 * settings ("Detected 12 diacritics", "Empty page!!"), to its debug_file,
 * which it opens at its first message; the sandbox forbids that open, so it
 * would fall back to the user's terminal.  A sanitizer build keeps stderr for
 * its reports. */
static void quiet_stderr(void)
{
#ifndef MS_SANITIZED
    dup2(0, 2);
#endif
}

typedef struct {
    ms_context ctx;
    char *tessdata, *lang, *password;
    ms_worker w;
    guint64 id; /* the open document, 0: none */
    ms_input in;
    ms_doc *doc;
    GError *open_err;
} child;

static gboolean configure(child *c, GVariant *init)
{
    ms_context *x = &c->ctx;
    gint64 pixels, decode, file;
    ms_ocr_options ocr = MS_OCR_OPTIONS_INIT;
    ms_limits lim = MS_LIMITS_INIT;
    g_variant_get(init, MS_WIRE_INIT, &x->dpi, &pixels, &decode, &lim.max_pages, &file,
                  &c->tessdata, &c->lang, &ocr.deskew, &ocr.orient, &ocr.bgnorm, &ocr.deadline_ms,
                  &mem_limit, &c->password, &ocr.second_reading, &ocr.second_look);
    lim.max_pixels = pixels, lim.max_decode_bytes = decode, lim.max_file_bytes = file;
    lim.doc_ms = 0; /* the parent passes what is left per request */
    ocr.reorient = ocr.orient; /* --no-orient: no page is turned, not even a poor one */
    ocr.tessdata = *c->tessdata ? c->tessdata : NULL;
    ocr.lang = c->lang;
    x->limits = lim;
    x->ocr = ocr;
    x->password = *c->password ? c->password : NULL;
    return x->dpi >= MS_MIN_DPI && x->dpi <= MS_MAX_DPI;
}

static void close_doc(child *c)
{
    ms_doc_free(c->doc);
    c->doc = NULL;
    ms_input_dispose(&c->in);
    g_clear_error(&c->open_err);
    c->id = 0;
}

/* The input's bytes from its descriptor, bounded by the file-size limit. */
static GBytes *read_fd(int fd, gint64 max, GError **err)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (max > 0 && st.st_size > max)) {
        g_set_error(err, MS_ERROR, MS_ERR_UNREADABLE, "the worker cannot read the input");
        return NULL;
    }
    gsize len = (gsize)st.st_size, got = 0;
    guint8 *buf = g_malloc(len ? len : 1);
    while (got < len) {
        ssize_t k = pread(fd, buf + got, len - got, (off_t)got);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) break;
        got += (gsize)k;
    }
    return g_bytes_new_take(buf, got);
}

static void open_doc(child *c, guint64 id, int fd, int format, const char *path)
{
    close_doc(c);
    c->id = id;
    c->in.path = g_strdup(path);
    c->in.format = (ms_format)format;
    c->in.bytes = read_fd(fd, c->ctx.limits.max_file_bytes, &c->open_err);
    if (c->in.bytes) ms_doc_open(&c->in, &c->ctx.limits, c->ctx.password, &c->doc, &c->open_err);
}

static GVariant *serve_page(child *c, int index, int ms_left)
{
    ms_page_result pr = {0};
    /* no clear func while the page is read: its words move within the array */
    GArray *words = g_array_new(FALSE, FALSE, sizeof(ms_word));
    if (!c->doc || index >= ms_doc_page_count(c->doc)) {
        pr.number = index + 1, pr.source = "error", pr.dpi = c->ctx.dpi, pr.conf = -1;
        pr.error_code = c->open_err ? ms_error_name_of(c->open_err) : "internal";
        pr.error = g_strdup(c->open_err ? c->open_err->message : "no such page");
    } else {
        gint64 deadline = ms_left > 0 ? g_get_monotonic_time() + (gint64)ms_left * 1000 : 0;
        ms_page_read(&c->ctx, &c->w, c->doc, deadline, index, &pr, words);
    }
    GVariant *v = ms_wire_page_to(&pr, words);
    ms_page_result_clear(&pr);
    g_array_set_clear_func(words, ms_word_clear);
    g_array_free(words, TRUE);
    return v;
}

/* What a page's words take on the wire, about. */
static gsize words_bytes(const GArray *words)
{
    gsize n = 256;
    for (guint i = 0; i < words->len; i++) n += 48 + strlen(g_array_index(words, ms_word, i).text) + 1;
    return n;
}

/* The document's leading run of text-layer pages, read now so that they come
 * with the open's reply (at most MS_WIRE_OPEN_PAGES, MS_WIRE_OPEN_BYTES). */
static GVariant *text_pages(child *c, int ms_left)
{
    GVariantBuilder pb;
    g_variant_builder_init(&pb, G_VARIANT_TYPE("a(i" MS_WIRE_PAGE ")"));
    gint64 deadline = ms_left > 0 ? g_get_monotonic_time() + (gint64)ms_left * 1000 : 0;
    int n = c->doc ? MIN(ms_doc_page_count(c->doc), MS_WIRE_OPEN_PAGES) : 0;
    gsize bytes = 0;
    for (int i = 0; i < n; i++) {
        ms_page_result pr = {0};
        GArray *words = g_array_new(FALSE, FALSE, sizeof(ms_word));
        gboolean text = ms_page_read_text(&c->ctx, c->doc, deadline, i, &pr, words);
        g_array_set_clear_func(words, ms_word_clear);
        gsize size = text ? words_bytes(words) : 0;
        if (text && bytes + size <= MS_WIRE_OPEN_BYTES)
            g_variant_builder_add(&pb, "(i@" MS_WIRE_PAGE ")", i, ms_wire_page_to(&pr, words));
        ms_page_result_clear(&pr);
        g_array_free(words, TRUE);
        if (!text || (bytes += size) > MS_WIRE_OPEN_BYTES) break;
    }
    return g_variant_builder_end(&pb);
}

static GVariant *serve_open(child *c, int ms_left)
{
    char *message = g_utf8_make_valid(c->open_err ? c->open_err->message : "", -1);
    GVariant *reply = g_variant_new("(iss@a(i" MS_WIRE_PAGE "))",
                                    c->doc ? ms_doc_page_count(c->doc) : -1,
                                    c->open_err ? ms_error_name_of(c->open_err)
                                                : (c->doc ? "" : "internal"),
                                    message, text_pages(c, ms_left));
    g_free(message);
    return reply;
}

/* Send the PDF's bytes (or why there are none) as MS_WIRE_PDF_DONE and its chunks. */
static gboolean send_pdf(GBytes *pdf, const GError *err)
{
    gsize len = 0;
    const guint8 *data = pdf ? g_bytes_get_data(pdf, &len) : NULL;
    char *message = g_utf8_make_valid(err ? err->message : "", -1);
    gboolean ok = ms_wire_send(SOCK, g_variant_new(MS_WIRE_PDF_DONE, pdf ? (gint64)len : (gint64)-1,
                                                   err ? ms_error_name_of(err) : "", message), -1);
    g_free(message);
    for (gsize off = 0; ok && pdf && off < len; off += MS_WIRE_PDF_CHUNK_BYTES) {
        gsize k = MIN(len - off, MS_WIRE_PDF_CHUNK_BYTES);
        ok = ms_wire_send(SOCK, g_variant_new_fixed_array(G_VARIANT_TYPE_BYTE, data + off, k, 1), -1);
    }
    return ok;
}

/* The searchable PDF of the document (pdf_out.h), from the bytes it has open
 * or from the descriptor; the job follows the request. */
static gboolean serve_pdf(child *c, guint64 id, int fd, int format)
{
    gboolean timed_out;
    GVariant *msg = ms_wire_recv(SOCK, MS_WIRE_PDF_JOB, 0, NULL, &timed_out);
    if (!msg) return FALSE;
    ms_pdf_job *job = ms_wire_pdf_job_from(msg);
    g_variant_unref(msg);
    GError *err = NULL;
    ms_input other = {0};
    const ms_input *in = &c->in;
    if (id != c->id || !c->in.bytes) {
        other.format = (ms_format)format;
        other.bytes = fd >= 0 ? read_fd(fd, c->ctx.limits.max_file_bytes, &err) : NULL;
        in = &other;
    }
    GBytes *pdf = NULL;
    if (!job) g_set_error(&err, MS_ERROR, MS_ERR_INTERNAL, "the PDF request is malformed");
    else if (in->bytes)
        pdf = ms_pdf_write(in, c->ctx.password, &c->ctx.limits, ms_pdf_font_dir(c->ctx.ocr.tessdata),
                           job, &err);
    else if (!err)
        g_set_error(&err, MS_ERROR, MS_ERR_UNREADABLE, "the worker has no input to write");
    gboolean ok = send_pdf(pdf, err);
    if (pdf) g_bytes_unref(pdf);
    g_clear_error(&err);
    ms_pdf_job_free(job);
    ms_input_dispose(&other);
    return ok;
}

static gboolean serve(child *c, GVariant *req, int fd)
{
    guint64 id;
    int page, ms_left;
    guint8 format;
    const char *path;
    g_variant_get(req, "(tiyi&s)", &id, &page, &format, &ms_left, &path);
    if (page == MS_WIRE_PAGE_PDF) return serve_pdf(c, id, fd, format);
    if (id != c->id && fd >= 0) open_doc(c, id, fd, format, path);
    GVariant *reply = page < 0 ? serve_open(c, ms_left) : serve_page(c, page, ms_left);
    return ms_wire_send(SOCK, reply, -1);
}

int ms_worker_child_main(void)
{
    statm_fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    gboolean timed_out;
    GVariant *init = ms_wire_recv(SOCK, MS_WIRE_INIT, 0, NULL, &timed_out);
    if (!init) return 1;
    child c;
    memset(&c, 0, sizeof c);
    gboolean ok = configure(&c, init);
    g_variant_unref(init);
    if (!ms_sandbox_limits_memory()) mem_limit = 0; /* no limit, so no death at it */
    ms_pages_hold(); /* before any input: Poppler's tables stay loaded between documents */
    GError *err = NULL;
    catch_fatal();
    if (ok && !ms_sandbox_enter(mem_limit, &err)) {
        g_printerr("motionscan: %s\n", err->message);
        g_clear_error(&err);
        ok = FALSE;
    }
    if (ok) quiet_stderr();
    int status = ok ? 0 : 1;
    ms_worker_init(&c.w);
    GVariant *req;
    int fd = -1;
    while (ok && (req = ms_wire_recv(SOCK, MS_WIRE_REQUEST, 0, &fd, &timed_out))) {
        ok = serve(&c, req, fd);
        g_variant_unref(req);
        if (fd >= 0) close(fd);
        fd = -1;
    }
    close_doc(&c);
    ms_pages_release();
    ms_worker_dispose(&c.w);
    g_free(c.tessdata), g_free(c.lang), g_free(c.password);
    return status;
}
