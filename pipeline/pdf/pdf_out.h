/* pdf_out — the searchable PDF of one document (or of a page range of it,
 * one part of a stapled stack), written from the same OCR pass.
 *
 * It runs in the worker process (worker_child.c), never in the parent: it
 * parses the untrusted input with qpdf (PDF) or Leptonica and libtiff
 * (images).  The parent sends what it learnt of each page (source, the turn
 * that made it upright, its size in pixels at the resolution of its boxes,
 * and the OCR words with their boxes on the page as given) and receives the
 * finished file's bytes.
 *
 *   PDF input     every page is kept as it is (born-digital pages are copied,
 *                 never rasterised; images keep their bytes); an OCRed page
 *                 gets an invisible text layer (render mode 3, Tesseract's
 *                 glyphless font) on top, and its /Rotate turned so that it
 *                 shows upright; pages outside [first, last] are removed.
 *   image input   a new PDF, one page per image at its real resolution (page
 *                 size from the x and y resolutions, so fax 204x98 keeps its
 *                 aspect ratio): JPEG (DCT) and single-strip CCITT G4 TIFF
 *                 pages pass through byte for byte; other pages are encoded
 *                 losslessly (Flate) from the decoded pixels.
 *
 * The title is the filing's title; `subject` (only when a flag asks) may hold
 * identifying values; nothing else is added.
 *
 * Thread rules: qpdf objects are per call; nothing is shared.
 * Ownership: ms_pdf_job_new() and ms_pdf_job_slice() / ms_pdf_job_free()
 * (the job owns its strings, pages and words); ms_pdf_write() returns new
 * bytes (g_bytes_unref).
 */
#ifndef MS_PDF_OUT_H
#define MS_PDF_OUT_H

#include <glib.h>

#include "pipeline/base/limits.h"
#include "pipeline/ingest/ingest.h"

/* One invisible word: its text and box [x0, y0, x1, y1] in the page's pixels
 * (origin top-left) as the record gives them. */
typedef struct {
    char *text;
    float box[4];
} ms_pdf_word;

typedef struct {
    int index;          /* 0-based page of the input */
    int rotation;       /* 0/90/180/270: the clockwise turn that made it upright */
    int width, height;  /* the page in pixels at the resolution of its boxes; 0: no words */
    GArray *words;      /* ms_pdf_word (owned; cleared by ms_pdf_job_free) */
} ms_pdf_page;

typedef struct {
    char *title;   /* the filing's title, or NULL */
    char *subject; /* identifying values (--pdf-identity), or NULL */
    int first, last; /* 0-based, inclusive: the pages written */
    GArray *pages;   /* ms_pdf_page: pages with words or a turn (others are copied as they are) */
} ms_pdf_job;

ms_pdf_job *ms_pdf_job_new(int first, int last);
/* A new page entry (words empty) appended to the job. */
ms_pdf_page *ms_pdf_job_add_page(ms_pdf_job *job, int index, int rotation, int width, int height);
void ms_pdf_page_add_word(ms_pdf_page *p, const char *text, const float box[4]);
void ms_pdf_job_free(ms_pdf_job *job);
/* A new job for pages [first, last] of `job` (0-based, within its range):
 * copies of its pages in that range, with no title or subject (each part of
 * a stapled stack gets its own filing's). */
ms_pdf_job *ms_pdf_job_slice(const ms_pdf_job *job, int first, int last);

/* The searchable PDF of `in` (its bytes and format) for `job`.  `font_dir`
 * holds Tesseract's glyphless font pdf.ttf (NULL: Debian's tessdata).
 * Errors (MS_ERROR): corrupt_pdf, encrypted, corrupt_image, page_too_large,
 * output_failed. */
GBytes *ms_pdf_write(const ms_input *in, const char *password, const ms_limits *lim,
                     const char *font_dir, const ms_pdf_job *job, GError **err);

/* The folder that holds pdf.ttf for `tessdata` (NULL: the default). */
const char *ms_pdf_font_dir(const char *tessdata);

#endif
