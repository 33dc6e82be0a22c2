#include "pipeline/worker/worker_wire.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/base/text.h"

static gboolean send_all(int sock, const guint8 *p, gsize n)
{
    while (n) {
        ssize_t k = send(sock, p, n, MSG_NOSIGNAL);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return FALSE;
        p += k, n -= (gsize)k;
    }
    return TRUE;
}

gboolean ms_wire_send(int sock, GVariant *msg, int pass_fd)
{
    g_variant_ref_sink(msg);
    GBytes *data = g_variant_get_data_as_bytes(msg);
    gsize len = 0;
    const guint8 *body = g_bytes_get_data(data, &len);
    guint8 *buf = g_malloc(len + 4);
    guint32 n32 = (guint32)len;
    memcpy(buf, &n32, 4);
    if (len) memcpy(buf + 4, body, len);
    g_bytes_unref(data);
    g_variant_unref(msg);
    gboolean ok;
    if (pass_fd >= 0) {
        /* the descriptor rides on the length's first byte */
        union {
            char raw[CMSG_SPACE(sizeof(int))];
            struct cmsghdr align;
        } ctl;
        memset(&ctl, 0, sizeof ctl);
        struct iovec iov = {buf, 1};
        struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.raw,
                            .msg_controllen = sizeof ctl.raw};
        struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(c), &pass_fd, sizeof(int));
        ssize_t k;
        do k = sendmsg(sock, &mh, MSG_NOSIGNAL);
        while (k < 0 && errno == EINTR);
        ok = k == 1 && send_all(sock, buf + 1, len + 3);
    } else {
        ok = send_all(sock, buf, len + 4);
    }
    g_free(buf);
    return ok;
}

/* Wait until `sock` is readable or the deadline passes. */
static gboolean wait_readable(int sock, gint64 deadline_us, gboolean *timed_out)
{
    for (;;) {
        int ms = -1;
        if (deadline_us) {
            gint64 left = deadline_us - g_get_monotonic_time();
            if (left <= 0) {
                *timed_out = TRUE;
                return FALSE;
            }
            ms = (int)MIN(left / 1000 + 1, 1000000);
        }
        struct pollfd p = {sock, POLLIN, 0};
        int r = poll(&p, 1, ms);
        if (r > 0) return TRUE;
        if (r < 0 && errno != EINTR) return FALSE;
    }
}

/* Read exactly n bytes; the first read may carry a descriptor. */
static gboolean recv_all(int sock, guint8 *p, gsize n, gint64 deadline_us, int *fd,
                         gboolean *timed_out)
{
    while (n) {
        if (!wait_readable(sock, deadline_us, timed_out)) return FALSE;
        union {
            char raw[CMSG_SPACE(sizeof(int))];
            struct cmsghdr align;
        } ctl;
        struct iovec iov = {p, n};
        struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.raw,
                            .msg_controllen = sizeof ctl.raw};
        ssize_t k = recvmsg(sock, &mh, MSG_CMSG_CLOEXEC);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return FALSE;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c)) {
            if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
            int got;
            memcpy(&got, CMSG_DATA(c), sizeof got);
            if (*fd >= 0) close(got);
            else *fd = got;
        }
        p += k, n -= (gsize)k;
    }
    return TRUE;
}

GVariant *ms_wire_recv(int sock, const char *type, gint64 deadline_us, int *fd_out,
                       gboolean *timed_out)
{
    *timed_out = FALSE;
    int fd = -1;
    guint32 len = 0;
    guint8 *buf = NULL;
    GVariant *v = NULL;
    if (recv_all(sock, (guint8 *)&len, 4, deadline_us, &fd, timed_out) && len <= MS_WIRE_MAX_FRAME) {
        buf = g_malloc(len ? len : 1);
        if (recv_all(sock, buf, len, deadline_us, &fd, timed_out)) {
            GBytes *b = g_bytes_new_take(g_steal_pointer(&buf), len);
            v = g_variant_ref_sink(g_variant_new_from_bytes(G_VARIANT_TYPE(type), b, FALSE));
            g_bytes_unref(b);
        }
    }
    g_free(buf);
    if (fd_out && v) *fd_out = fd;
    else if (fd >= 0) close(fd);
    return v;
}

GVariant *ms_wire_page_to(const ms_page_result *pr, const GArray *words)
{
    GVariantBuilder wb;
    g_variant_builder_init(&wb, G_VARIANT_TYPE("a(siddddd)"));
    for (guint i = 0; i < words->len; i++) {
        const ms_word *w = &g_array_index(words, ms_word, i);
        /* a GVariant string must be UTF-8; the text stage repairs words the same way */
        char *text = g_utf8_make_valid(w->text ? w->text : "", -1);
        g_variant_builder_add(&wb, "(siddddd)", text, w->line, (double)w->x0, (double)w->y0,
                              (double)w->x1, (double)w->y1, (double)w->conf);
        g_free(text);
    }
    char *message = g_utf8_make_valid(pr->error ? pr->error : "", -1);
    GVariant *v = g_variant_new(MS_WIRE_PAGE, pr->source ? pr->source : "error", pr->dpi, pr->width,
                                pr->height, (double)pr->conf, (double)pr->skew, pr->rotation,
                                pr->n_words, pr->seconds, pr->error_code ? pr->error_code : "",
                                message, &wb);
    g_free(message);
    return v;
}

/* The page sources, as the static strings a record holds. */
static const char *known_source(const char *s)
{
    static const char *const sources[] = {"text", "ocr", "text+ocr", "blank", "error", NULL};
    for (const char *const *k = sources; *k; k++)
        if (strcmp(s, *k) == 0) return *k;
    return NULL;
}

static gboolean sane(double v, double lo, double hi)
{
    return isfinite(v) && v >= lo && v <= hi;
}

gboolean ms_wire_page_from(GVariant *msg, int page_no, ms_page_result *pr, GArray *words)
{
    const char *source, *code, *message;
    int dpi, width, height, rotation, n_words;
    double conf, skew, seconds;
    GVariantIter *it;
    g_variant_get(msg, "(&siiiddiid&s&sa(siddddd))", &source, &dpi, &width, &height, &conf, &skew, &rotation,
                  &n_words, &seconds, &code, &message, &it);
    const char *src = known_source(source);
    int ecode = *code ? ms_error_code_of_name(code) : -1;
    gboolean ok = src && sane(dpi, 1, 100000) && width >= 0 && height >= 0 &&
                  sane(conf, -1, 100) && sane(skew, -360, 360) && rotation % 90 == 0 &&
                  rotation >= 0 && rotation < 360 && sane(seconds, 0, 1e7) &&
                  (strcmp(src, "error") == 0) == (ecode >= 0);
    guint first = words->len;
    const char *text;
    int line;
    double x0, y0, x1, y1, wconf;
    while (ok && g_variant_iter_next(it, "(&siddddd)", &text, &line, &x0, &y0, &x1, &y1, &wconf)) {
        ok = g_utf8_validate(text, -1, NULL) && sane(x0, -1e7, 1e7) && sane(y0, -1e7, 1e7) &&
             sane(x1, -1e7, 1e7) && sane(y1, -1e7, 1e7) && sane(wconf, -1, 100);
        if (!ok) break;
        ms_word w = {g_strdup(text), page_no, line, (float)x0, (float)y0, (float)x1, (float)y1,
                     (float)wconf};
        g_array_append_val(words, w);
    }
    g_variant_iter_free(it);
    if (!ok) {
        for (guint i = first; i < words->len; i++) ms_word_clear(&g_array_index(words, ms_word, i));
        g_array_set_size(words, first);
        return FALSE;
    }
    pr->source = src;
    pr->dpi = dpi, pr->width = width, pr->height = height;
    pr->conf = (float)conf, pr->skew = (float)skew, pr->rotation = rotation;
    pr->n_words = n_words;
    pr->seconds = seconds;
    pr->error_code = ecode >= 0 ? ms_error_name(ecode) : NULL;
    pr->error = ecode >= 0 ? g_strdup(message) : NULL;
    return TRUE;
}
