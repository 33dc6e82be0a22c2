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
    int deadline_ms;      /* per page; 0 = none */
} ms_ocr_options;

#define MS_OCR_OPTIONS_INIT {NULL, "eng", TRUE, 0}

/* What happened to one page. */
typedef struct {
    float mean_conf;    /* mean word confidence, 0-100 */
    float skew_degrees; /* skew found and removed (0 when none) */
    int n_words;
} ms_ocr_page_info;

/* OpenMP reads OMP_THREAD_LIMIT only when the process starts, before main.
 * If it is unset, set it to 1 and re-execute the program so the limit holds;
 * returns only when no re-exec was needed or it failed. */
void ms_ocr_configure_env(int argc, char **argv);

gboolean ms_ocr_new(const ms_ocr_options *opt, ms_ocr **out, GError **err);
void ms_ocr_free(ms_ocr *ocr);

/* Recognise `pix` (any depth) at `dpi`; append its words to `words` (GArray of
 * ms_word) with page number `page_no`, boxes in the input image's pixels. */
gboolean ms_ocr_page(ms_ocr *ocr, PIX *pix, int dpi, int page_no, GArray *words,
                     ms_ocr_page_info *info, GError **err);

/* The Tesseract version string. */
const char *ms_ocr_engine_version(void);

/* The clean-up before recognition, measured on the samples (README):
 * grey -> deskew (when skewed by half a degree or more) -> Otsu threshold ->
 * specks removed.  Returns a new 1-bit PIX (Tesseract then skips its own
 * thresholding) and the skew in degrees that was removed. */
PIX *ms_ocr_prepare(PIX *pix, int dpi, gboolean deskew, float *skew_degrees);

#endif
