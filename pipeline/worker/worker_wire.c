#include "pipeline/worker/worker_wire.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "pipeline/base/limits.h"
#include "pipeline/base/ms_error.h"
#include "pipeline/base/text.h"
#include "pipeline/ocr/ocr.h"

/* One sendmsg as a rule, carrying `pass_fd` (if any) with its first bytes;
 * the rest, if the socket took only part, after it. */
gboolean ms_wire_send_iov(int sock, struct iovec *iov, int n, int pass_fd)
{
    union {
        char raw[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } ctl;
    struct msghdr mh = {.msg_iov = iov, .msg_iovlen = (size_t)n};
    if (pass_fd >= 0) {
        memset(&ctl, 0, sizeof ctl);
        mh.msg_control = ctl.raw, mh.msg_controllen = sizeof ctl.raw;
        struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
        c->cmsg_level = SOL_SOCKET, c->cmsg_type = SCM_RIGHTS, c->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(c), &pass_fd, sizeof(int));
    }
    while (mh.msg_iovlen) {
        ssize_t k = sendmsg(sock, &mh, MSG_NOSIGNAL);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return FALSE;
        mh.msg_control = NULL, mh.msg_controllen = 0; /* the descriptor went with the first bytes */
        while (mh.msg_iovlen && (size_t)k >= mh.msg_iov->iov_len) {
            k -= (ssize_t)mh.msg_iov->iov_len;
            mh.msg_iov++, mh.msg_iovlen--;
        }
        if (mh.msg_iovlen) {
            mh.msg_iov->iov_base = (char *)mh.msg_iov->iov_base + k;
            mh.msg_iov->iov_len -= (size_t)k;
        }
    }
    return TRUE;
}

gboolean ms_wire_send(int sock, GVariant *msg, int pass_fd)
{
    g_variant_ref_sink(msg);
    gsize len = g_variant_get_size(msg);
    const void *body = g_variant_get_data(msg); /* serialised in place, no copy */
    guint32 n32 = (guint32)len;
    struct iovec iov[2] = {{&n32, 4}, {(void *)body, len}};
    gboolean ok = len <= MS_WIRE_MAX_FRAME && ms_wire_send_iov(sock, iov, len ? 2 : 1, pass_fd);
    g_variant_unref(msg);
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
    gboolean tried = FALSE; /* read first, poll only if nothing is there yet */
    while (n) {
        if (tried && !wait_readable(sock, deadline_us, timed_out)) return FALSE;
        tried = TRUE;
        union {
            char raw[CMSG_SPACE(sizeof(int))];
            struct cmsghdr align;
        } ctl;
        struct iovec iov = {p, n};
        struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.raw,
                            .msg_controllen = sizeof ctl.raw};
        ssize_t k = recvmsg(sock, &mh, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
        if (k < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
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

/* One word's numbers as MS_WIRE_WORD lays them out: (iddddd) is 48 bytes,
 * the int at 0 and the doubles from 8. */
typedef struct {
    gint32 line, pad;
    double x0, y0, x1, y1, conf;
} wire_word;
G_STATIC_ASSERT(sizeof(wire_word) == 48 && G_STRUCT_OFFSET(wire_word, x0) == 8);

/* The words as MS_WIRE_PAGE carries them: their texts (each ended by a NUL)
 * and their numbers (floating, both). */
static void words_to(const GArray *words, GVariant **texts, GVariant **numbers)
{
    GString *t = g_string_sized_new(words->len * 8 + 1);
    wire_word *nums = g_new0(wire_word, MAX(words->len, 1));
    for (guint i = 0; i < words->len; i++) {
        const ms_word *w = &g_array_index(words, ms_word, i);
        const char *text = w->text ? w->text : "";
        /* a word must be UTF-8; the text stage repairs words the same way */
        if (g_utf8_validate(text, -1, NULL)) {
            g_string_append_len(t, text, (gssize)strlen(text) + 1);
        } else {
            char *valid = g_utf8_make_valid(text, -1);
            g_string_append_len(t, valid, (gssize)strlen(valid) + 1);
            g_free(valid);
        }
        nums[i] = (wire_word){w->line, 0, w->x0, w->y0, w->x1, w->y1, w->conf};
    }
    *texts = g_variant_new_fixed_array(G_VARIANT_TYPE_BYTE, t->str, t->len, 1);
    *numbers = g_variant_new_fixed_array(G_VARIANT_TYPE(MS_WIRE_WORD), nums, words->len,
                                         sizeof(wire_word));
    g_string_free(t, TRUE);
    g_free(nums);
}

GVariant *ms_wire_page_to(const ms_page_result *pr, const GArray *words)
{
    GVariant *texts, *numbers;
    words_to(words, &texts, &numbers);
    GVariantBuilder lb;
    g_variant_builder_init(&lb, G_VARIANT_TYPE("a" MS_WIRE_LOOK));
    for (guint i = 0; pr->looks && i < pr->looks->len; i++) {
        const ms_look *l = &g_array_index(pr->looks, ms_look, i);
        char *t[3];
        for (int k = 0; k < 3; k++) t[k] = g_utf8_make_valid(l->text[k] ? l->text[k] : "", -1);
        g_variant_builder_add(&lb, MS_WIRE_LOOK, l->kind, (double)l->box[0], (double)l->box[1],
                              (double)l->box[2], (double)l->box[3], t[0], t[1], t[2],
                              (double)l->conf[0], (double)l->conf[1], (double)l->conf[2], l->kept);
        for (int k = 0; k < 3; k++) g_free(t[k]);
    }
    GVariantBuilder bb;
    g_variant_builder_init(&bb, G_VARIANT_TYPE("a(ss)"));
    for (guint i = 0; pr->barcodes && i < pr->barcodes->len; i++) {
        const ms_barcode *b = &g_array_index(pr->barcodes, ms_barcode, i);
        g_variant_builder_add(&bb, "(ss)", b->symbology, b->value); /* UTF-8: barcode.c checked */
    }
    char *message = g_utf8_make_valid(pr->error ? pr->error : "", -1);
    char *reason = g_utf8_make_valid(pr->reading_reason ? pr->reading_reason : "", -1);
    GVariant *v = g_variant_new("(siiiddiidss@ay@a" MS_WIRE_WORD "ssa" MS_WIRE_LOOK "a(ss))",
                                pr->source ? pr->source : "error", pr->dpi, pr->width, pr->height,
                                (double)pr->conf, (double)pr->skew, pr->rotation,
                                pr->n_words, pr->seconds, pr->error_code ? pr->error_code : "",
                                message, texts, numbers, pr->reading ? pr->reading : "", reason,
                                &lb, &bb);
    g_free(reason);
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

/* The reading names and look kinds, as the static strings a record holds. */
static const char *known_name(const char *s, const char *const *names)
{
    for (const char *const *k = names; *k; k++)
        if (strcmp(s, *k) == 0) return *k;
    return NULL;
}

/* The second look's boxes from a reply; NULL when there are none, or when a
 * value is out of range (*ok FALSE). */
static GArray *looks_from(GVariantIter *it, gboolean *ok)
{
    static const char *const kinds[] = {"a_number", "country", NULL};
    GArray *looks = NULL;
    const char *kind, *t[3];
    double x0, y0, x1, y1, c[3];
    int kept;
    while (*ok && g_variant_iter_next(it, "(&sdddd&s&s&sdddi)", &kind, &x0, &y0, &x1, &y1, &t[0],
                                      &t[1], &t[2], &c[0], &c[1], &c[2], &kept)) {
        const char *k = known_name(kind, kinds);
        *ok = k && kept >= 0 && kept <= MS_LOOK_REFUSED && sane(x0, -1e7, 1e7) && sane(y0, -1e7, 1e7) &&
              sane(x1, -1e7, 1e7) && sane(y1, -1e7, 1e7);
        for (int i = 0; *ok && i < 3; i++) *ok = g_utf8_validate(t[i], -1, NULL) && sane(c[i], -1, 100);
        if (!*ok) break;
        if (!looks) {
            looks = g_array_new(FALSE, TRUE, sizeof(ms_look));
            g_array_set_clear_func(looks, ms_look_clear);
        }
        ms_look l = {k, {(float)x0, (float)y0, (float)x1, (float)y1}, {NULL, NULL, NULL}, {0, 0, 0}, kept};
        for (int i = 0; i < 3; i++) l.text[i] = g_strdup(t[i]), l.conf[i] = (float)c[i];
        g_array_append_val(looks, l);
    }
    if (!*ok && looks) g_clear_pointer(&looks, g_array_unref);
    return looks;
}

/* The words back from their texts and numbers, appended to `words`: FALSE
 * when the two disagree or a value is out of range (some may be appended; the
 * caller drops them). */
static gboolean words_from(GVariant *texts, GVariant *numbers, int page_no, GArray *words)
{
    gsize len = 0, n = 0, off = 0;
    const char *t = g_variant_get_fixed_array(texts, &len, 1);
    const wire_word *w = g_variant_get_fixed_array(numbers, &n, sizeof(wire_word));
    if (g_variant_get_size(numbers) != n * sizeof(wire_word)) return FALSE;
    for (gsize i = 0; i < n; i++, w++) {
        const char *end = off < len ? memchr(t + off, '\0', len - off) : NULL;
        if (!end || !g_utf8_validate(t + off, end - (t + off), NULL) || !sane(w->x0, -1e7, 1e7) ||
            !sane(w->y0, -1e7, 1e7) || !sane(w->x1, -1e7, 1e7) || !sane(w->y1, -1e7, 1e7) ||
            !sane(w->conf, -1, 100))
            return FALSE;
        ms_word word = {g_strndup(t + off, (gsize)(end - (t + off))), page_no, w->line, (float)w->x0,
                        (float)w->y0, (float)w->x1, (float)w->y1, (float)w->conf};
        g_array_append_val(words, word);
        off = (gsize)(end - t) + 1;
    }
    return off == len;
}

/* The barcodes from a reply; NULL when there are none, or when one is out of
 * bounds (*ok FALSE): a known symbology, a non-empty UTF-8 value of at most
 * MS_MAX_BARCODE_BYTES, at most MS_MAX_BARCODES of them. */
static GArray *barcodes_from(GVariantIter *it, int page_no, gboolean *ok)
{
    GArray *found = NULL;
    const char *type, *value;
    *ok = g_variant_iter_n_children(it) <= MS_MAX_BARCODES;
    while (*ok && g_variant_iter_next(it, "(&s&s)", &type, &value)) {
        const char *sym = ms_barcode_symbology(type);
        gsize len = strlen(value);
        *ok = sym && len > 0 && len <= MS_MAX_BARCODE_BYTES && g_utf8_validate(value, -1, NULL);
        if (!*ok) break;
        if (!found) {
            found = g_array_new(FALSE, TRUE, sizeof(ms_barcode));
            g_array_set_clear_func(found, ms_barcode_clear);
        }
        ms_barcode b = {sym, g_strdup(value), page_no};
        g_array_append_val(found, b);
    }
    if (!*ok && found) g_clear_pointer(&found, g_array_unref);
    return found;
}

gboolean ms_wire_page_from(GVariant *msg, int page_no, ms_page_result *pr, GArray *words)
{
    static const char *const readings[] = {"binarized", "grey", NULL};
    const char *source, *code, *message, *reading, *reason;
    int dpi, width, height, rotation, n_words;
    double conf, skew, seconds;
    GVariant *texts, *numbers;
    GVariantIter *lit, *bit;
    g_variant_get(msg, "(&siiiddiid&s&s@ay@a" MS_WIRE_WORD "&s&sa" MS_WIRE_LOOK "a(ss))", &source,
                  &dpi, &width, &height, &conf, &skew, &rotation, &n_words, &seconds, &code,
                  &message, &texts, &numbers, &reading, &reason, &lit, &bit);
    const char *src = known_source(source);
    int ecode = *code ? ms_error_code_of_name(code) : -1;
    gboolean ok = src && sane(dpi, 1, 100000) && width >= 0 && height >= 0 &&
                  sane(conf, -1, 100) && sane(skew, -360, 360) && rotation % 90 == 0 &&
                  rotation >= 0 && rotation < 360 && sane(seconds, 0, 1e7) &&
                  (strcmp(src, "error") == 0) == (ecode >= 0);
    guint first = words->len;
    ok = ok && words_from(texts, numbers, page_no, words);
    g_variant_unref(texts), g_variant_unref(numbers);
    const char *kept_reading = *reading ? known_name(reading, readings) : NULL;
    ok = ok && (!*reading || kept_reading) && g_utf8_validate(reason, -1, NULL);
    GArray *looks = ok ? looks_from(lit, &ok) : NULL;
    g_variant_iter_free(lit);
    GArray *barcodes = ok ? barcodes_from(bit, page_no, &ok) : NULL;
    g_variant_iter_free(bit);
    if (!ok && looks) g_clear_pointer(&looks, g_array_unref);
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
    pr->reading = kept_reading;
    pr->reading_reason = *reason ? g_strdup(reason) : NULL;
    pr->looks = looks;
    pr->barcodes = barcodes;
    return TRUE;
}

GVariant *ms_wire_pdf_job_to(const ms_pdf_job *job)
{
    GVariantBuilder pb;
    g_variant_builder_init(&pb, G_VARIANT_TYPE("a(iiiia(sdddd))"));
    for (guint i = 0; i < job->pages->len; i++) {
        const ms_pdf_page *p = &g_array_index(job->pages, ms_pdf_page, i);
        GVariantBuilder wb;
        g_variant_builder_init(&wb, G_VARIANT_TYPE("a(sdddd)"));
        for (guint k = 0; k < p->words->len; k++) {
            const ms_pdf_word *w = &g_array_index(p->words, ms_pdf_word, k);
            char *text = g_utf8_make_valid(w->text, -1);
            g_variant_builder_add(&wb, "(sdddd)", text, (double)w->box[0], (double)w->box[1],
                                  (double)w->box[2], (double)w->box[3]);
            g_free(text);
        }
        g_variant_builder_add(&pb, "(iiiia(sdddd))", p->index, p->rotation, p->width, p->height, &wb);
    }
    char *title = g_utf8_make_valid(job->title ? job->title : "", -1);
    char *subject = g_utf8_make_valid(job->subject ? job->subject : "", -1);
    GVariant *v = g_variant_new(MS_WIRE_PDF_JOB, title, subject, job->first, job->last, &pb);
    g_free(title), g_free(subject);
    return v;
}

/* One page of a PDF job; FALSE when a value is out of range. */
static gboolean pdf_page_from(ms_pdf_job *job, GVariant *pv)
{
    int index, rotation, width, height;
    GVariantIter *it;
    g_variant_get(pv, "(iiiia(sdddd))", &index, &rotation, &width, &height, &it);
    gboolean ok = index >= job->first && index <= job->last && rotation >= 0 && rotation < 360 &&
                  rotation % 90 == 0 && width >= 0 && height >= 0;
    ms_pdf_page *p = ok ? ms_pdf_job_add_page(job, index, rotation, width, height) : NULL;
    const char *text;
    double b[4];
    while (ok && g_variant_iter_next(it, "(&sdddd)", &text, &b[0], &b[1], &b[2], &b[3])) {
        for (int k = 0; k < 4 && ok; k++) ok = sane(b[k], -1e7, 1e7);
        float box[4] = {(float)b[0], (float)b[1], (float)b[2], (float)b[3]};
        if (ok) ms_pdf_page_add_word(p, text, box);
    }
    g_variant_iter_free(it);
    return ok;
}

ms_pdf_job *ms_wire_pdf_job_from(GVariant *msg)
{
    const char *title, *subject;
    int first, last;
    GVariantIter *it;
    g_variant_get(msg, "(&s&siia(iiiia(sdddd)))", &title, &subject, &first, &last, &it);
    ms_pdf_job *job = NULL;
    gboolean ok = first >= 0 && last >= first;
    if (ok) {
        job = ms_pdf_job_new(first, last);
        job->title = *title ? g_strdup(title) : NULL;
        job->subject = *subject ? g_strdup(subject) : NULL;
    }
    GVariant *pv;
    while (ok && (pv = g_variant_iter_next_value(it))) {
        ok = pdf_page_from(job, pv);
        g_variant_unref(pv);
    }
    g_variant_iter_free(it);
    if (!ok) g_clear_pointer(&job, ms_pdf_job_free);
    return job;
}
