/* text — the normalised text of a document, with a map back to the page.
 *
 * Pages and OCR produce words (text, page, line, box, confidence).  The text
 * stage joins them into one UTF-8 string that the rules match against:
 * ligatures and compatibility forms folded (NFKC), curly quotes made straight,
 * dashes made '-', line-end hyphenation joined ("Hon-" + "duras"), one space
 * between words, '\n' between lines, "\n\n" between pages.  Every byte of the
 * string maps to the word it came from (or -1 for separators), so any match
 * can be traced to page, box and confidence.
 *
 * Ownership: ms_text_build() takes the words array; ms_text_free() frees all.
 */
#ifndef MS_TEXT_H
#define MS_TEXT_H

#include <glib.h>

/* One word as the page or the OCR engine saw it.  Boxes are in pixels at the
 * document's stated DPI (text-layer boxes are converted from PDF points), with
 * the origin at the top-left of the page. */
typedef struct {
    char *text; /* owned, UTF-8 */
    int page;   /* 1-based */
    int line;   /* line number within the page, increasing in reading order */
    float x0, y0, x1, y1;
    float conf; /* OCR confidence 0-100; -1 for a text-layer word */
} ms_word;

/* One barcode found on a page image (pipeline/ocr/barcode.c, in the worker). */
typedef struct {
    const char *symbology; /* static, from ms_barcode_symbology(): "CODE-39", "CODE-128", "QR-Code" */
    char *value;           /* owned, UTF-8, at most MS_MAX_BARCODE_BYTES */
    int page;              /* 1-based */
} ms_barcode;

/* The symbologies read, as static strings: the one named `name` (zbar's
 * names), or NULL when it is not one of them. */
const char *ms_barcode_symbology(const char *name);

/* Free an ms_barcode's value (for GArray clear funcs). */
void ms_barcode_clear(gpointer b);

/* A line of the normalised text. */
typedef struct {
    gsize start, end; /* byte range in ms_text.str, end exclusive, no '\n' */
    int page;
} ms_line;

typedef struct {
    GString *str;    /* normalised text */
    GArray *map;     /* gint32 per byte of str: index into words, -1 for separators */
    GArray *words;   /* ms_word, in reading order */
    GArray *lines;   /* ms_line */
    GArray *pages;   /* gsize: byte offset where each page starts (index 0 = page 1) */
} ms_text;

/* Normalise one word's text (NFKC, quotes, dashes, soft hyphens, a quote or
 * hyphen stuck to the front of a word).  Returns a newly allocated string. */
char *ms_text_normalize_word(const char *s);

/* OCR debris: a "word" with no letter, digit or meaningful sign ("|", "'",
 * ".", "_ -").  ms_text_build() drops such words. */
gboolean ms_text_is_debris(const char *w);

/* Build the text from words in reading order.  Takes ownership of `words`
 * (a GArray of ms_word); `n_pages` is the document's page count so that pages
 * without words still get an offset. */
ms_text *ms_text_build(GArray *words, int n_pages);
void ms_text_free(ms_text *t);

/* The words behind bytes [start, end): the first page touched, the union box
 * of the words on that page and the mean confidence of those words (-1 when
 * all came from a text layer).  Returns FALSE when the range maps to no word. */
gboolean ms_text_locate(const ms_text *t, gsize start, gsize end, int *page, float box[4],
                        float *conf);

/* The page (1-based) that byte offset `off` belongs to. */
int ms_text_page_at(const ms_text *t, gsize off);

/* A text from plain UTF-8, as if a page had been read: '\f' separates pages,
 * '\n' lines, spaces words.  Word i of line l gets the box (100i, 50l,
 * 100i+90, 50l+40) and no confidence (-1), like a text layer.  For rule
 * authors and tests. */
ms_text *ms_text_from_plain(const char *s);

/* Free an ms_word's text (for GArray clear funcs). */
void ms_word_clear(gpointer w);

#endif
