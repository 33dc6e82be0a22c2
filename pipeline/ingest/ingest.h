/* ingest — the first stage: read a file's bytes, hash them, sniff the type.
 *
 * The type comes from the bytes, never from the name.  An ms_input is a plain
 * caller-owned struct: fill it with ms_input_load(), release it with
 * ms_input_dispose() (safe on a zeroed or half-filled struct), which frees
 * its path and bytes.
 */
#ifndef MS_INGEST_H
#define MS_INGEST_H

#include <glib.h>
#include "pipeline/base/limits.h"

typedef enum {
    MS_FMT_UNKNOWN = 0,
    MS_FMT_PDF,
    MS_FMT_TIFF,
    MS_FMT_PNG,
    MS_FMT_JPEG,
} ms_format;

typedef struct {
    char *path;       /* as given by the user; owned */
    GBytes *bytes;    /* the whole file; owned; NULL if it could not be read */
    char sha256[65];  /* hex digest of the bytes; "" if they could not be read */
    ms_format format; /* sniffed from the bytes */
} ms_input;

/* "pdf", "tiff", "png", "jpeg" or "unknown". */
const char *ms_format_name(ms_format fmt);

/* Sniff the format from the first bytes.  PDF allows up to 1024 bytes of junk
 * before "%PDF-", as readers do. */
ms_format ms_format_sniff(const guint8 *data, gsize len);

/* Read `path`, hash it and sniff it.  On failure returns FALSE and sets err
 * (not_found, unreadable, empty_file, too_large, unsupported_format); the
 * fields filled so far (path, and sha256 once the bytes were read) stay set so
 * the error record can carry them. */
gboolean ms_input_load(const char *path, const ms_limits *lim, ms_input *in, GError **err);

void ms_input_dispose(ms_input *in);

#endif
