/* ocr — page image clean-up (Leptonica) and recognition (Tesseract C API).
 *
 * Thread rules: one ms_ocr per worker thread, created once and reused for
 * every page that worker handles; a TessBaseAPI is never shared.  Tesseract's
 * own OpenMP threads would oversubscribe the cores when every worker runs one
 * engine, so the process caps OpenMP at one thread (see ms_ocr_configure_env,
 * which main calls before anything else).
 *
 * Ownership: ms_ocr_new() / ms_ocr_free().  ms_ocr_page() does not take the
 * PIX; the words it appends own their text (ms_word_clear); the info's
 * reading_reason (g_free) and looks (g_array_unref; ms_look_clear is its clear
 * func) are the caller's.
 *
 * A page is read once from motionscan's clean-up (1-bit); when that reading
 * is poor (ms_ocr_reading_poor) it is read again from the grey page with
 * Tesseract's own threshold and the better reading by ms_ocr_reading_stats'
 * score is kept.  Then the values that matter get a second look from their
 * boxes (ocr_look.c).  The other files of this module: ocr_read.c,
 * ocr_look.c, ocr_layout.c, ocr_internal.h.
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
    gboolean second_reading; /* read a poor page again from the grey page (see above) */
    gboolean second_look;    /* read the A-number and country words again from their boxes */
    gboolean upsample;       /* bring grey pages under MS_OCR_UPSAMPLE_BELOW dpi to MS_OCR_UPSAMPLE_TO */
    gboolean reorient;       /* read a very poor page again with the other orientation
                                (MS_READING_TURN_CONF); the worker sets it as `orient` */
} ms_ocr_options;

#define MS_OCR_OPTIONS_INIT {NULL, "eng", TRUE, TRUE, FALSE, 0, TRUE, TRUE, TRUE, TRUE}

/* A grey or colour scan under 175 dpi (150 dpi, the lowest scanners offer)
 * is resampled to 300 dpi before recognition: Tesseract reads a 300-dpi
 * x-height best.  Measured on dev sets (README, "Reading damaged scans"):
 * 150-dpi images gain, 200-dpi images and 1-bit pages (fax, bilevel) lose
 * a little, so they are read as they are. */
#define MS_OCR_UPSAMPLE_BELOW 175
#define MS_OCR_UPSAMPLE_TO 300
/* ... when its shorter side at the stated resolution is at most this wide
 * (letter and legal paper: 8.5 in). */
#define MS_OCR_PAPER_INCHES 9.0

/* What the clean-up did to one page. */
typedef struct {
    float sx, sy;       /* resampling (square pixels, low resolutions raised): prepared = given * s (0 = 1: none) */
    int dpi;            /* the prepared image's resolution */
    float skew_degrees; /* skew found and removed (0 when none) */
    int rotation;       /* 0, 90, 180 or 270: clockwise turn applied to read the page upright */
    int extra_quads;    /* then turned by this many quarters more: a very poor reading read again (ocr_read.c) */
    double ink;         /* share of the page's pixels that are foreground after clean-up */
    gboolean blank;     /* too little ink to hold a word: Tesseract is not called */
} ms_prep_info;

/* A word-box read again (the second look): what each reading said. */
typedef struct {
    const char *kind;     /* "a_number" or "country" */
    float box[4];         /* on the page as given */
    char *text[3];        /* owned: as first read, on the grey page, on a Sauvola binarisation */
    float conf[3];        /* their confidences; -1 when that reading gave nothing */
    int kept;             /* index into text[] of the reading kept, or MS_LOOK_REFUSED */
} ms_look;

/* kept: the readings of an A-number all gave different numbers, so none is
 * kept; its words become the one word MS_LOOK_UNREAD, which no rule reads as
 * an A-number (the filing's other occurrences still vote). */
#define MS_LOOK_REFUSED 3
#define MS_LOOK_UNREAD "A-unreadable"
extern const char *const ms_look_reading_names[4]; /* "page", "grey", "sauvola", "none" */
void ms_look_clear(gpointer look);

/* The evidence behind the choice of reading for one page. */
typedef struct {
    int n_words;
    int n_low;        /* words under MS_READING_LOW_CONF */
    double mean_conf; /* 0-100 */
    double score;     /* confident characters: sum over words of conf/100 x letters and digits */
} ms_reading_stats;

/* What happened to one page. */
typedef struct {
    const char *reading;  /* "binarized" or "grey": the reading kept (NULL when blank) */
    char *reading_reason; /* why, e.g. "binarized score 1520 (conf 61, 49 words) < grey ..." */
    GArray *looks;        /* ms_look: the second look's boxes; NULL when none */
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

/* A word under this confidence counts as low (ms_reading_stats.n_low). */
#define MS_READING_LOW_CONF 50.0
/* A reading is poor (and the page is read a second time) when its mean
 * confidence is under MS_READING_POOR_CONF, when at least
 * MS_READING_POOR_LOW_SHARE of its words are low, or when it found fewer than
 * one word for every MS_READING_INK_PER_WORD foreground pixels (at 300 dpi;
 * scaled by the square of the resolution): ink that was not read. */
#define MS_READING_POOR_CONF 85.0
#define MS_READING_POOR_LOW_SHARE 0.10
#define MS_READING_INK_PER_WORD 4000.0
/* A kept reading whose words are read well but too few for the ink (the
 * layout analysis lost part of the page) is read again as one block of text;
 * that reading is kept when its score is higher by this share. */
#define MS_READING_BLOCK_GAIN 0.10
/* A reading kept with a mean confidence under MS_READING_TURN_CONF (and at
 * least MS_READING_TURN_WORDS words) may be of a page the orientation test
 * got wrong (an upright phone photo turned sideways, a page fed upside down
 * and not turned): the grey page is read again as given (when it was turned)
 * or turned by 180 degrees (when not) and the better score kept. */
#define MS_READING_TURN_CONF 50.0
#define MS_READING_TURN_WORDS 20

/* The statistics of a reading's words (GArray of ms_word). */
void ms_ocr_reading_stats(const GArray *words, ms_reading_stats *st);
/* Is the reading poor for `ink` foreground pixels at `dpi`?  When `why` is
 * not NULL, the first reason found is appended to it. */
gboolean ms_ocr_reading_poor(const ms_reading_stats *st, double ink, int dpi, GString *why);
/* The better of two readings: 1 when b's score beats a's, else 0. */
int ms_ocr_reading_better(const ms_reading_stats *a, const ms_reading_stats *b);

/* The grey page square, upright and deskewed: the first half of
 * ms_ocr_prepare().  A page whose stated resolutions differ (fax standard,
 * 204 x 98 dpi) is first resampled to square pixels at the larger one, and
 * a grey one under MS_OCR_UPSAMPLE_BELOW dpi to MS_OCR_UPSAMPLE_TO (opt->upsample);
 * info->sx, sy say by how much and info->dpi what resolution it has then.
 * Returns a new 8-bit (or 1-bit) PIX, or NULL. */
PIX *ms_ocr_prepare_grey(PIX *pix, int dpi, const ms_ocr_options *opt, ms_prep_info *info);
/* The second half: threshold and specks, ink and blank test on `g`. */
PIX *ms_ocr_binarize(PIX *g, int dpi, const ms_ocr_options *opt, ms_prep_info *info);

/* The clean-up before recognition, measured on the samples and the evaluation
 * set (README): grey -> orientation (turned pages turned back) -> deskew (when
 * skewed by half a degree or more) -> [background normalisation] -> Otsu
 * threshold -> specks removed -> blank test.  Only opt->deskew, orient and
 * bgnorm are read.  Returns a new 1-bit PIX (Tesseract then skips its own
 * thresholding), or NULL when out of memory. */
PIX *ms_ocr_prepare(PIX *pix, int dpi, const ms_ocr_options *opt, ms_prep_info *info);

/* A box [x0, y0, x1, y1] in the prepared image back to the page as given:
 * undo the deskew about the centre, then the quarter turns, then the
 * resampling to square pixels.  `w`, `h` are the prepared image's size. */
void ms_ocr_unmap_box(float box[4], const ms_prep_info *info, int w, int h);

#endif
