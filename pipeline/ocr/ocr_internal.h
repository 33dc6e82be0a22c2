/* ocr_internal — what the OCR module's own files share (ocr.c, ocr_read.c,
 * ocr_look.c, ocr_layout.c).  No other module includes it.
 *
 * A page is read in the prepared image's pixels: every ms_word here has its
 * box there, and ocr.c maps the boxes back to the page as given at the end.
 *
 * Ownership: an ms_reading owns its words (ms_word_clear) and is emptied with
 * ms_reading_dispose().
 */
#ifndef MS_OCR_INTERNAL_H
#define MS_OCR_INTERNAL_H

#include <tesseract/capi.h>

#include "pipeline/ocr/ocr.h"
#include "pipeline/base/text.h"

struct ms_ocr {
    TessBaseAPI *api;
    ms_ocr_options opt;
};

/* One recognition of one page image. */
typedef struct {
    const char *name; /* "binarized" (motionscan's clean-up) or "grey" (Tesseract's own threshold) */
    GArray *words;    /* ms_word; line: Tesseract's line index on the page */
    GArray *blocks;   /* int per word: Tesseract's block index on the page */
    ms_reading_stats st;
} ms_reading;

/* Take a copier's vertical streaks off the page (ocr_streaks.c): made paper
 * in `clean` (1-bit, changed in place) and in *grey (replaced by a new image
 * when any is found; the old one is destroyed).  Returns how many. */
int ms_ocr_remove_streaks(PIX *clean, PIX **grey, int dpi);

/* Recognise `img` at `dpi` within `deadline_ms` (0: none) into `out`.
 * FALSE when recognition failed or passed its deadline (out stays empty). */
gboolean ms_reading_run(TessBaseAPI *api, PIX *img, int dpi, int deadline_ms, const char *name,
                        ms_reading *out);
/* The same with Tesseract's page segmentation mode `psm` (ms_reading_run
 * uses PSM_AUTO). */
gboolean ms_reading_run_as(TessBaseAPI *api, PIX *img, int dpi, int deadline_ms, TessPageSegMode psm,
                           const char *name, ms_reading *out);
void ms_reading_dispose(ms_reading *r);

/* Rebuild lines across Tesseract's blocks (ocr_layout.c): words of two blocks
 * that stand on one row with no more than a word gap between them become one
 * line, in reading order.  Rewrites r->words' order and line numbers. */
void ms_layout_rebuild(ms_reading *r);

/* The second look (ocr_look.c): A-number-like words and low-confidence words
 * beside a country cue are read again from their box on `grey` and on a
 * Sauvola binarisation, with a whitelist where it fits; the reading with the
 * best confidence is kept.  Appends what it did to `looks` (ms_look). */
void ms_look_again(TessBaseAPI *api, PIX *grey, int dpi, ms_reading *r, GArray *looks);

/* Which reading of an A-number look is kept once the readings vote: the
 * best of two that give the same number, MS_LOOK_REFUSED when two or more
 * give a number and no two agree, else l->kept (the choice by confidence),
 * or the page's reading when l->kept does not read as an A-number. */
int ms_look_agreed(const ms_look *l);

#endif
