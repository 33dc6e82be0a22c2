/* pages — a document as a sequence of pages, each either a text layer or an
 * image to OCR.
 *
 * PDFs are read with poppler-glib; TIFF (multi-page), PNG and JPEG with
 * Leptonica.  Thread rules: Poppler is not thread-safe, so every Poppler call
 * in this module runs under one process-wide lock; an ms_doc itself is used by
 * one thread at a time.  Leptonica objects are not shared between threads.
 *
 * Ownership: ms_doc_open() returns a doc freed with ms_doc_free(); PIX
 * returned by ms_doc_render_page() are the caller's (pixDestroy).
 */
#ifndef MS_PAGES_H
#define MS_PAGES_H

#include <glib.h>
#include <leptonica/allheaders.h>

#include "pipeline/ingest/ingest.h"
#include "pipeline/base/limits.h"

typedef struct ms_doc ms_doc;

/* Keep Poppler's global state (its encoding and font tables) loaded from one
 * document to the next.  poppler-glib builds that state when a document opens
 * while none is open and drops it when the last open one is freed: in a worker
 * process, which opens one document at a time, that was every document, and
 * most of a born-digital page's cost.  ms_pages_hold() keeps a tiny built-in
 * PDF (our own bytes, never an input) open until ms_pages_release(). */
void ms_pages_hold(void);
void ms_pages_release(void);

/* Open a loaded input.  Errors: corrupt_pdf, encrypted, corrupt_image,
 * no_pages, too_many_pages.  `password` may be NULL. */
gboolean ms_doc_open(const ms_input *in, const ms_limits *lim, const char *password, ms_doc **out,
                     GError **err);
void ms_doc_free(ms_doc *doc);

int ms_doc_page_count(const ms_doc *doc);
gboolean ms_doc_is_pdf(const ms_doc *doc);

/* The page's size in pixels at `dpi` (images: their own pixel size). */
void ms_doc_page_size(ms_doc *doc, int index, int dpi, int *w, int *h);

/* Append the page's text-layer words (boxes in pixels at `dpi`) to `words`
 * (a GArray of ms_word) and return how many letters and digits they hold.
 * Image documents have no text layer and return 0. `index` is 0-based. */
int ms_doc_text_layer(ms_doc *doc, int index, int dpi, GArray *words);

/* The share of the page (0-1) that images cover, from their placement alone
 * (nothing is decoded); 1 for image documents. */
double ms_doc_image_share(ms_doc *doc, int index);

/* Image page `index` of `bytes` (TIFF, PNG or JPEG) from its header alone,
 * nothing decoded: its size in pixels and the bytes it decodes to.  FALSE
 * (corrupt_image) when the header cannot be read. */
gboolean ms_image_header(GBytes *bytes, ms_format format, int index, int *w, int *h,
                         double *decoded_bytes, GError **err);

/* The page as an image for OCR: PDFs rendered at `dpi`, images decoded at
 * their own resolution.  Pages over lim->max_pixels are downscaled to fit;
 * image pages are bounded before they are decoded (see decode_image in
 * pages.c) and may be refused with page_too_large.
 * `*dpi_out` receives the image's real resolution.  Errors: render_failed,
 * corrupt_image. */
PIX *ms_doc_render_page(ms_doc *doc, int index, int dpi, const ms_limits *lim, int *dpi_out,
                        GError **err);

#endif
