/* limits — every bound on untrusted input, in one place.
 *
 * The defaults live here; ms_limits is a plain struct so the command line can
 * override them.  Each bound is enforced where the input enters (ingest for
 * bytes, pages for page counts and pixels, ocr for time).
 */
#ifndef MS_LIMITS_H
#define MS_LIMITS_H

#include <stdint.h>

#define MS_DEFAULT_DPI 300
#define MS_MIN_DPI 70
#define MS_MAX_DPI 600
#define MS_DEFAULT_MAX_FILE_BYTES (512LL * 1024 * 1024)
#define MS_DEFAULT_MAX_PAGES 500
/* 100 megapixels: a letter page at 1200 dpi.  Larger pages are downscaled to
 * fit rather than refused, so memory per page stays bounded. */
#define MS_DEFAULT_MAX_PIXELS (100LL * 1000 * 1000)
#define MS_DEFAULT_OCR_PAGE_MS 60000
/* A page whose text layer has at least this many letters and digits is treated
 * as born-digital; below it the page is rendered and OCRed. */
#define MS_TEXT_LAYER_MIN_CHARS 40
/* Rule matching: bounds per pcre2_match call so no pattern or input hangs. */
#define MS_PCRE2_MATCH_LIMIT 10000000u
#define MS_PCRE2_DEPTH_LIMIT 10000u
/* Matches kept per rule per document. */
#define MS_MAX_MATCHES_PER_RULE 256
#define MS_MAX_WORKERS 64

typedef struct {
    int64_t max_file_bytes;
    int max_pages;
    int64_t max_pixels;
    int ocr_page_ms;
} ms_limits;

#define MS_LIMITS_INIT                                                                             \
    {                                                                                              \
        MS_DEFAULT_MAX_FILE_BYTES, MS_DEFAULT_MAX_PAGES, MS_DEFAULT_MAX_PIXELS,                    \
            MS_DEFAULT_OCR_PAGE_MS                                                                 \
    }

#endif
