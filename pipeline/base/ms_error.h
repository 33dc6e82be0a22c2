/* ms_error — the one table of error codes.
 *
 * Errors travel as GError in the MS_ERROR domain.  The function that detects a
 * problem sets the message once (with g_set_error); callers only propagate.
 * Each code has a stable name: it is the `error.code` of an error record, a
 * contract that tools and tests read, so names never change meaning.
 *
 * Ownership: the names are static strings; a GError set in MS_ERROR is the
 * receiver's to free (g_error_free / g_clear_error), as GLib's convention is.
 */
#ifndef MS_ERROR_H
#define MS_ERROR_H

#include <glib.h>

/* X(ENUM, "stable_name", "what it means for a person") */
#define MS_ERROR_TABLE(X)                                                                          \
    X(MS_ERR_NOT_FOUND, "not_found", "the file does not exist")                                    \
    X(MS_ERR_UNREADABLE, "unreadable", "the file cannot be read")                                  \
    X(MS_ERR_EMPTY, "empty_file", "the file is empty")                                             \
    X(MS_ERR_TOO_LARGE, "too_large", "the file exceeds the size limit")                            \
    X(MS_ERR_UNSUPPORTED, "unsupported_format", "not a PDF, TIFF, PNG or JPEG file")               \
    X(MS_ERR_CORRUPT_PDF, "corrupt_pdf", "the PDF is damaged and cannot be opened")                \
    X(MS_ERR_ENCRYPTED, "encrypted", "the PDF is encrypted with a password")                       \
    X(MS_ERR_CORRUPT_IMAGE, "corrupt_image", "the image is damaged and cannot be decoded")         \
    X(MS_ERR_NO_PAGES, "no_pages", "the document has no pages")                                    \
    X(MS_ERR_TOO_MANY_PAGES, "too_many_pages", "the document exceeds the page limit")              \
    X(MS_ERR_PAGE_TOO_LARGE, "page_too_large", "a page exceeds the pixel limit")                   \
    X(MS_ERR_RENDER, "render_failed", "a page could not be rendered")                              \
    X(MS_ERR_OCR, "ocr_failed", "OCR failed on a page")                                            \
    X(MS_ERR_OCR_INIT, "ocr_init", "the OCR engine could not start")                               \
    X(MS_ERR_TIMEOUT, "timeout", "the document passed its time limit")                             \
    X(MS_ERR_RULES, "rules_invalid", "the rule files are invalid")                                 \
    X(MS_ERR_USAGE, "usage", "invalid command-line usage")                                         \
    X(MS_ERR_OUTPUT, "output_failed", "the output could not be written")                           \
    X(MS_ERR_INTERNAL, "internal", "an internal error")

typedef enum {
#define MS_X_ENUM(e, name, desc) e,
    MS_ERROR_TABLE(MS_X_ENUM)
#undef MS_X_ENUM
        MS_ERR__COUNT
} ms_error_code;

#define MS_ERROR (ms_error_quark())
GQuark ms_error_quark(void);

/* Stable name of a code ("encrypted"); "internal" for unknown codes. */
const char *ms_error_name(int code);
/* The stable name for any GError: MS_ERROR codes map to their name, errors
 * from other domains to "internal". */
const char *ms_error_name_of(const GError *err);

#endif
