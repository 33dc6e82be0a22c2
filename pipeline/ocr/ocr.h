/* ocr — page image clean-up (Leptonica) and recognition (Tesseract C API).
 *
 * Thread rules: one ms_ocr per worker thread, created once and reused for
 * every page that worker handles; a TessBaseAPI is never shared.  Tesseract's
 * own OpenMP threads would oversubscribe the cores when every worker runs one
 * engine, so the process caps OpenMP at one thread (see ms_ocr_configure_env,
 * which main calls before anything else).
 *
 * Ownership: ms_ocr_new() / ms_ocr_free().  ms_ocr_page() does not take the
 * PIX; the words it appends own their text (ms_word_clear).
 */
#ifndef MS_OCR_H
#define MS_OCR_H

#include <glib.h>
#include <leptonica/allheaders.h>

typedef struct ms_ocr ms_ocr;

typedef struct {
    const char *tessdata; /* NULL: Tesseract's built-in path */
    const char *lang;     /* "eng" */
    gboolean deskew;      /* estimate and remove skew before recognition */
    gboolean orient;      /* detect pages turned by 90/180/270 degrees and turn them back */
    gboolean bgnorm;      /* normalise the background before thresholding (off: see ocr.c) */
    int deadline_ms;      /* per page; 0 = none */
} ms_ocr_options;

#define MS_OCR_OPTIONS_INIT {NULL, "eng", TRUE, TRUE, FALSE, 0}

/* What the clean-up did to one page. */
typedef struct {
    float skew_degrees; /* skew found and removed (0 when none) */
    int rotation;       /* 0, 90, 180 or 270: clockwise turn applied to read the page upright */
    double ink;         /* share of the page's pixels that are foreground after clean-up */
    gboolean blank;     /* too little ink to hold a word: Tesseract is not called */
} ms_prep_info;

/* What happened to one page. */
typedef struct {
    float mean_conf;    /* mean word confidence, 0-100 */
    float skew_degrees; /* skew found and removed (0 when none) */
    int rotation;       /* see ms_prep_info */
    gboolean blank;     /* no foreground: no words, Tesseract not called */
    int n_words;
} ms_ocr_page_info;

/* Below this share of foreground pixels (after speck removal) a page is blank:
 * 0.0001 of a letter page at 300 dpi is about 840 pixels, two or three
 * printed characters. */
#define MS_BLANK_INK 0.0001

/* OpenMP reads OMP_THREAD_LIMIT only when the process starts, before main.
 * If it is unset, set it to 1 and re-execute the program so the limit holds;
 * returns only when no re-exec was needed or it failed. */
void ms_ocr_configure_env(int argc, char **argv);

gboolean ms_ocr_new(const ms_ocr_options *opt, ms_ocr **out, GError **err);
void ms_ocr_free(ms_ocr *ocr);

/* Recognise `pix` (any depth) at `dpi`; append its words to `words` (GArray of
 * ms_word) with page number `page_no`, boxes in the input image's pixels.
 * `deadline_ms` (> 0) bounds recognition; 0 uses the options' deadline_ms. */
gboolean ms_ocr_page(ms_ocr *ocr, PIX *pix, int dpi, int page_no, int deadline_ms, GArray *words,
                     ms_ocr_page_info *info, GError **err);

/* The Tesseract version string. */
const char *ms_ocr_engine_version(void);

/* The clean-up before recognition, measured on the samples and the evaluation
 * set (README): grey -> orientation (turned pages turned back) -> deskew (when
 * skewed by half a degree or more) -> [background normalisation] -> Otsu
 * threshold -> specks removed -> blank test.  Only opt->deskew, orient and
 * bgnorm are read.  Returns a new 1-bit PIX (Tesseract then skips its own
 * thresholding), or NULL when out of memory. */
PIX *ms_ocr_prepare(PIX *pix, int dpi, const ms_ocr_options *opt, ms_prep_info *info);

/* A box [x0, y0, x1, y1] in the prepared image back to the page as given:
 * undo the deskew about the centre, then the quarter turns.  `w`, `h` are the
 * prepared image's size. */
void ms_ocr_unmap_box(float box[4], const ms_prep_info *info, int w, int h);

#endif
