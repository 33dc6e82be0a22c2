/* limits — every bound on untrusted input, in one place.
 *
 * The defaults live here; ms_limits is a plain struct so the command line can
 * override them.  Each bound is enforced where the input enters (ingest for
 * bytes, pages for page counts and pixels, ocr for time).
 *
 * Ownership: nothing here allocates; ms_limits is a value type.
 */
#ifndef MS_LIMITS_H
#define MS_LIMITS_H

#include <stdint.h>

#define MS_DEFAULT_DPI 300
#define MS_MIN_DPI 70
#define MS_MAX_DPI 600
#define MS_DEFAULT_MAX_FILE_BYTES (512LL * 1024 * 1024)
#define MS_DEFAULT_MAX_PAGES 500
/* 36 megapixels: a letter page at 600 dpi.  Larger pages are downscaled to
 * fit rather than refused, so memory per page stays bounded. */
#define MS_DEFAULT_MAX_PIXELS (36LL * 1000 * 1000)
/* The most --max-pixels accepts: a page of 32767 x 32767 (cairo's limit) is
 * about this, 4 GB as a colour surface. */
#define MS_MAX_MAX_PIXELS (1000LL * 1000 * 1000)
/* An image page larger than max_pixels must be decoded before it can be
 * scaled down (but JPEG, which libjpeg scales while decoding): above this
 * many decoded bytes it is refused (page_too_large).  A 35000 x 35000 1-bit
 * fax page is 153 MB. */
#define MS_DEFAULT_MAX_DECODE_BYTES (256LL * 1000 * 1000)
/* PDF pages are drawn by cairo at 4 bytes a pixel; pages larger than this
 * (only when --max-pixels is raised above it) are drawn in bands of this many
 * pixels.  Each band replays the page, images decoded again: on OCRmyPDF's
 * 35000 x 35000 fax page five bands cost 56 CPU-s against 12 for one. */
#define MS_RENDER_BAND_PIXELS (40LL * 1000 * 1000)
/* OCR time per page (ms_ocr_options.deadline_ms, --ocr-timeout). */
#define MS_DEFAULT_OCR_PAGE_MS 60000
/* Wall-clock time one document may take, all its pages together (0: none). */
#define MS_DEFAULT_DOC_MS (10 * 60 * 1000)
/* A page whose text layer has at least this many letters and digits is treated
 * as born-digital; below it the page is rendered and OCRed. */
#define MS_TEXT_LAYER_MIN_CHARS 40
/* A page with a text layer shorter than this and images covering at least
 * MS_MIXED_IMAGE_SHARE of it is both: a scan with a typed line (an e-filing
 * stamp, a cover header) on it; it is OCRed and the OCR words the text layer
 * does not already hold are added. */
#define MS_TEXT_LAYER_FULL_CHARS 300
#define MS_MIXED_IMAGE_SHARE 0.5
/* Rule matching: bounds per pcre2_match call so no pattern or input hangs. */
#define MS_PCRE2_MATCH_LIMIT 10000000u
#define MS_PCRE2_DEPTH_LIMIT 10000u
/* Matches kept per rule per document; a rule that has more draws a
 * match_cap warning in the record. */
#define MS_MAX_MATCHES_PER_RULE 256
/* Country names and demonyms kept per document (the gazetteer's own rules):
 * an exhibit may name every partner hundreds of times. */
#define MS_MAX_MENTIONS 8192
#define MS_MAX_WORKERS 64
/* Barcodes (pipeline/ocr/barcode.c): only a scanned page whose OCR found
 * fewer letters and digits than this is scanned for them (a separator sheet
 * carries little else); at most MS_MAX_BARCODES of them per page are kept,
 * each value at most MS_MAX_BARCODE_BYTES long (longer ones are left out). */
#define MS_BARCODE_SCAN_BELOW 80
#define MS_MAX_BARCODES 16
#define MS_MAX_BARCODE_BYTES 256

typedef struct {
    int64_t max_file_bytes;
    int max_pages;
    int64_t max_pixels;
    int64_t max_decode_bytes;
    int doc_ms; /* per document, wall clock; 0 = none */
} ms_limits;

#define MS_LIMITS_INIT                                                                             \
    {                                                                                              \
        MS_DEFAULT_MAX_FILE_BYTES, MS_DEFAULT_MAX_PAGES, MS_DEFAULT_MAX_PIXELS,                    \
            MS_DEFAULT_MAX_DECODE_BYTES,                                                           \
            MS_DEFAULT_DOC_MS                                                                      \
    }

#endif
