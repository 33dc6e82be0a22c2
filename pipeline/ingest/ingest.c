#include "pipeline/ingest/ingest.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "pipeline/base/ms_error.h"

const char *ms_format_name(ms_format fmt)
{
    switch (fmt) {
    case MS_FMT_PDF: return "pdf";
    case MS_FMT_TIFF: return "tiff";
    case MS_FMT_PNG: return "png";
    case MS_FMT_JPEG: return "jpeg";
    default: return "unknown";
    }
}

ms_format ms_format_sniff(const guint8 *d, gsize len)
{
    static const guint8 png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (len >= 8 && memcmp(d, png, 8) == 0) return MS_FMT_PNG;
    if (len >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff) return MS_FMT_JPEG;
    if (len >= 4 && ((d[0] == 'I' && d[1] == 'I' && d[2] == 42 && d[3] == 0) ||
                     (d[0] == 'M' && d[1] == 'M' && d[2] == 0 && d[3] == 42)))
        return MS_FMT_TIFF;
    gsize window = MIN(len, (gsize)1024);
    for (gsize i = 0; i + 5 <= window; i++)
        if (memcmp(d + i, "%PDF-", 5) == 0) return MS_FMT_PDF;
    return MS_FMT_UNKNOWN;
}

static void hash_bytes(GBytes *bytes, char out[65])
{
    char *hex = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, bytes);
    g_strlcpy(out, hex, 65);
    g_free(hex);
}

gboolean ms_input_load(const char *path, const ms_limits *lim, ms_input *in, GError **err)
{
    memset(in, 0, sizeof *in);
    in->path = g_strdup(path);

    struct stat st;
    if (stat(path, &st) != 0) {
        int e = errno;
        g_set_error(err, MS_ERROR, e == ENOENT ? MS_ERR_NOT_FOUND : MS_ERR_UNREADABLE,
                    "%s: %s", path, g_strerror(e));
        return FALSE;
    }
    if (!S_ISREG(st.st_mode)) {
        g_set_error(err, MS_ERROR, MS_ERR_UNREADABLE, "%s: not a regular file", path);
        return FALSE;
    }
    if (lim->max_file_bytes > 0 && st.st_size > lim->max_file_bytes) {
        g_set_error(err, MS_ERROR, MS_ERR_TOO_LARGE,
                    "%s: %lld bytes exceeds the limit of %lld bytes", path,
                    (long long)st.st_size, (long long)lim->max_file_bytes);
        return FALSE;
    }

    gchar *data = NULL;
    gsize len = 0;
    GError *io = NULL;
    if (!g_file_get_contents(path, &data, &len, &io)) {
        g_set_error(err, MS_ERROR, MS_ERR_UNREADABLE, "%s", io->message);
        g_error_free(io);
        return FALSE;
    }
    in->bytes = g_bytes_new_take(data, len);
    hash_bytes(in->bytes, in->sha256);

    if (len == 0) {
        g_set_error(err, MS_ERROR, MS_ERR_EMPTY, "%s: the file is empty (0 bytes)", path);
        return FALSE;
    }
    in->format = ms_format_sniff((const guint8 *)data, len);
    if (in->format == MS_FMT_UNKNOWN) {
        g_set_error(err, MS_ERROR, MS_ERR_UNSUPPORTED,
                    "%s: not a PDF, TIFF, PNG or JPEG file (the first bytes match none)", path);
        return FALSE;
    }
    return TRUE;
}

void ms_input_dispose(ms_input *in)
{
    if (!in) return;
    g_free(in->path);
    if (in->bytes) g_bytes_unref(in->bytes);
    memset(in, 0, sizeof *in);
}
