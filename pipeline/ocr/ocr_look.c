/* ocr_look — the second look at the values that matter, while the page image
 * is still in memory.
 *
 * Candidates, from the reading kept:
 *  - a_number: an "A" label (A, A#, A-, A:, or an A stuck to the digits; a
 *    quote or bracket OCR put before it is passed over) and
 *    the words after it on its line that hold only digit-like characters
 *    (0-9 and OCR's look-alikes of them, extractors/ocr_digits.h, $, and "?" or
 *    "/" for a digit lost; "'" or "`" between them), 7 to 10 of them
 *    in all; left alone when it already reads as an A-number (clean_anumber);
 *  - country: a capitalised word of 4 letters or more under MS_LOOK_SURE beside
 *    a cue that expects a country ("of", "to", "from", "designate",
 *    "citizen", "native", "Nationality:", "Country:" before it, "national" or
 *    "citizen" after it).
 * Each is cut from the grey page (padded by a third of its height, scaled up
 * when small), read as one line with a whitelist (digits and "A-#" for the
 * number, letters for a country), and read again from a Sauvola binarisation
 * of the same cut, unless the grey cut gave the page's value already (the
 * same A-number, the same word).  The reading with the best confidence is
 * kept (a reading of a number must still hold 8 or 9 digits that read as an
 * A-number, and an "A" read as "4" before 3-3-3 digits is the label); the
 * words become one word with that text.  An A-number's readings must agree:
 * two that give the same number outvote a third, and readings that each give
 * another number keep none (ms_look_agreed()).  Every look is recorded
 * (ms_look) with the readings made.
 */
#include <string.h>

#include "extractors/anumber.h"
#include "extractors/ocr_digits.h"
#include "pipeline/ocr/ocr_internal.h"

#define MS_LOOK_SURE 85.0f
#define MS_LOOK_MAX_WORDS 5 /* words one A-number may be split into */

const char *const ms_look_reading_names[4] = {"page", "grey", "sauvola", "none"};

void ms_look_clear(gpointer p)
{
    ms_look *l = p;
    for (int i = 0; i < 3; i++)
        g_clear_pointer(&l->text[i], g_free);
}

static int ascii_letters(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += g_ascii_isalpha(*s) ? 1 : 0;
    return n;
}

static gboolean digit_like(gunichar c)
{
    return g_unichar_isdigit(c) || ms_ocr_digit(c) >= 0;
}

/* Digit-like characters of `s` (-1 when it holds anything else but
 * separators); real digits in *digits.  A "?" or one "/" is a digit OCR lost
 * ("Ar?11 473 164", "A 20/ 808 463"): the box is worth a second look (a
 * reading kept must hold real digits only); two "/" are a date. */
static int digit_likes(const char *s, int *digits)
{
    int n = 0, slashes = 0;
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == '/' && ++slashes > 1) return -1;
        if (digit_like(c) || c == '$' || c == '?' || c == '/')
            n++, *digits += g_unichar_isdigit(c) ? 1 : 0;
        else if (!strchr("-.,:#~'`", (int)c) && c != 0xA5 /* ¥ */ && c != ' ')
            return -1;
    }
    return n;
}

/* The A-number group starting at word i: its end (exclusive), or i when none.
 * The label is an "A" with the digits stuck to it, or a short word of its own
 * ("A", "A#", "A-", and OCR's "At", "Aft" for "A#"). */
static guint anumber_group(const GArray *words, guint i)
{
    const ms_word *w = &g_array_index(words, ms_word, i);
    const char *a = w->text;
    while (*a && strchr("\"'(", *a))
        a++; /* OCR's mark before it: "\"A" */
    if (a[0] != 'A') return i;
    int digits = 0, n = digit_likes(a + 1, &digits);
    if (n < 0 && g_utf8_strlen(a, -1) <= 3) n = 0; /* a label of its own */
    if (n < 0) return i;
    guint end = i + 1;
    while (end < words->len && end - i < MS_LOOK_MAX_WORDS && n < 10) {
        const ms_word *x = &g_array_index(words, ms_word, end);
        int m = x->line == w->line ? digit_likes(x->text, &digits) : -1;
        if (m <= 0) break;
        n += m, end++;
    }
    return n >= 7 && n <= 10 && digits >= 4 ? end : i;
}

/* Read cleanly already: A, then 9 digits as 3-3-3 or 8 as 2-3-3 (the old
 * numbers), every word at MS_LOOK_SURE or more.  `s` has '-' between words. */
static gboolean clean_anumber(const char *s, float min_conf)
{
    return min_conf >= MS_LOOK_SURE &&
           g_regex_match_simple(
               "^A[-#:]*([0-9]{3}-?[0-9]{3}-?[0-9]{3}|[0-9]{2}-?[0-9]{3}-?[0-9]{3})$", s, 0, 0);
}

static gboolean is_cue_before(const char *s)
{
    static const char *const cues[] = {"of",       "to",     "from",         "designate",
                                       "citizen",  "native", "nationality:", "nationality",
                                       "country:", NULL};
    for (int i = 0; cues[i]; i++)
        if (g_ascii_strcasecmp(s, cues[i]) == 0) return TRUE;
    return FALSE;
}

static gboolean is_cue_after(const char *s)
{
    return g_ascii_strncasecmp(s, "national", 8) == 0 || g_ascii_strncasecmp(s, "citizen", 7) == 0;
}

static gboolean country_candidate(const GArray *words, guint i)
{
    const ms_word *w = &g_array_index(words, ms_word, i);
    if (w->conf >= MS_LOOK_SURE || !g_ascii_isupper(w->text[0])) return FALSE;
    int letters = ascii_letters(w->text), len = (int)strlen(w->text);
    if (letters < 4 || letters * 5 < len * 4) return FALSE; /* a word, not "C-I-G-M-" */
    return (i > 0 && is_cue_before(g_array_index(words, ms_word, i - 1).text)) ||
           (i + 1 < words->len && is_cue_after(g_array_index(words, ms_word, i + 1).text));
}

/* One line read from `img`; its text (trimmed, NULL when none) and confidence. */
static char *read_line(TessBaseAPI *api, PIX *img, int dpi, const char *whitelist, float *conf)
{
    *conf = -1;
    TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE);
    TessBaseAPISetVariable(api, "tessedit_char_whitelist", whitelist);
    TessBaseAPISetImage2(api, img);
    TessBaseAPISetSourceResolution(api, dpi);
    char *txt = TessBaseAPIRecognize(api, NULL) == 0 ? TessBaseAPIGetUTF8Text(api) : NULL;
    char *out = txt ? g_strstrip(g_strdup(txt)) : NULL;
    if (txt) *conf = (float)TessBaseAPIMeanTextConf(api);
    TessDeleteText(txt);
    TessBaseAPISetVariable(api, "tessedit_char_whitelist", "");
    TessBaseAPIClear(api);
    if (out && !*out) {
        g_clear_pointer(&out, g_free);
        *conf = -1;
    }
    return out;
}

/* The cut of the words' box, padded, grey, at least 48 pixels high. */
static PIX *cut(PIX *grey, const float box[4])
{
    float pad = MAX(4.0f, (box[3] - box[1]) / 3.0f);
    int x = MAX(0, (int)(box[0] - pad)), y = MAX(0, (int)(box[1] - pad));
    int w = MIN(pixGetWidth(grey), (int)(box[2] + pad)) - x;
    int h = MIN(pixGetHeight(grey), (int)(box[3] + pad)) - y;
    if (w < 4 || h < 4) return NULL;
    BOX *b = boxCreate(x, y, w, h);
    PIX *c = pixClipRectangle(grey, b, NULL);
    boxDestroy(&b);
    PIX *c8 = c ? pixConvertTo8(c, FALSE) : NULL;
    pixDestroy(&c);
    if (!c8 || h >= 48) return c8;
    float f = 48.0f / (float)h;
    PIX *s = pixScale(c8, f, f);
    pixDestroy(&c8);
    return s;
}

static PIX *sauvola(PIX *g8)
{
    PIX *b = NULL;
    int win = MAX(8, pixGetHeight(g8) / 3);
    if (pixSauvolaBinarize(g8, win, 0.34f, 1, NULL, NULL, NULL, &b) != 0) return NULL;
    return b;
}

/* "4213-193-857": 3-3-3 digits after a 4 that OCR read for the "A" (each
 * separator one of "-. "). */
static gboolean four_for_a(const char *p)
{
    static const char shape[] = "4ddd-ddd-ddd"; /* d: a digit, -: a separator */
    for (int i = 0; shape[i]; i++) {
        if (shape[i] == 'd' && !g_ascii_isdigit(p[i])) return FALSE;
        if (shape[i] == '-' && (!p[i] || !strchr("-. ", p[i]))) return FALSE;
        if (shape[i] == '4' && p[i] != '4') return FALSE;
    }
    return p[sizeof shape - 1] == '\0';
}

/* The A-number a reading stands for, as the rules would normalise it (OCR's
 * look-alikes read as digits, an old 8-digit number padded), or NULL.  An
 * "A" read as "4" before 3-3-3 digits ("4213-193-857") is the label. */
static char *number_of(const char *text)
{
    if (!text) return NULL;
    const char *p = text[0] == 'A' ? text + 1 : text;
    if (four_for_a(p)) p++;
    while (*p && strchr("#:-. ", *p))
        p++;
    return ms_anumber_normalize(p, strlen(p));
}

/* May a look's reading replace the page's?  A number must hold 8 or 9 real
 * digits and read as an A-number ("A2005825-4", 7-1 digits, does not). */
static gboolean eligible(const char *kind, const char *text)
{
    if (!text) return FALSE;
    if (strcmp(kind, "country") == 0) /* a word of 4 letters or more, as the candidate was */
        return ascii_letters(text) >= 4;
    int digits = 0, n = digit_likes(text[0] == 'A' ? text + 1 : text, &digits);
    char *num = n >= 8 && n <= 9 && digits == n ? number_of(text) : NULL;
    gboolean ok = num != NULL;
    g_free(num);
    return ok;
}

/* The A-number's readings decide together.  When two readings give the same
 * number, the best of those two is kept (the third, different, one loses
 * even with a better confidence); when every reading that gives a number
 * gives another one, none is kept (MS_LOOK_REFUSED): null is the honest
 * answer.  With a single number read, the choice by confidence stands. */
int ms_look_agreed(const ms_look *l)
{
    char *num[3];
    int readable = 0, best = -1;
    for (int k = 0; k < 3; k++)
        readable += (num[k] = number_of(l->text[k])) != NULL;
    for (int a = 0; a < 3; a++)
        for (int b = a + 1; b < 3; b++) {
            if (!num[a] || !num[b] || strcmp(num[a], num[b]) != 0) continue;
            int k = l->conf[a] >= l->conf[b] ? a : b;
            if (k > 0 && !eligible("a_number", l->text[k])) k = k == a ? b : a;
            if (best < 0 || l->conf[k] > l->conf[best]) best = k;
        }
    for (int k = 0; k < 3; k++)
        g_free(num[k]);
    if (best >= 0) return best;
    if (readable >= 2) return MS_LOOK_REFUSED;
    return l->kept > 0 && !eligible("a_number", l->text[l->kept]) ? 0 : l->kept;
}

/* Do two readings give one value: the same A-number, or the same word but
 * for the punctuation after it?  Then a third reading cannot change what is
 * kept (an A-number's two agreeing readings outvote it; on the dev seeds a
 * Sauvola reading never won a country word the page and grey cut agreed on),
 * and is not made. */
static gboolean same_value(const char *kind, const char *a, const char *b)
{
    if (!a || !b) return FALSE;
    if (strcmp(kind, "a_number") == 0) {
        char *x = number_of(a), *y = number_of(b);
        gboolean same = x && y && strcmp(x, y) == 0;
        g_free(x), g_free(y);
        return same;
    }
    gsize na = strlen(a), nb = strlen(b);
    while (na && strchr(".,;:", a[na - 1]))
        na--;
    while (nb && strchr(".,;:", b[nb - 1]))
        nb--;
    return na == nb && na && strncmp(a, b, na) == 0;
}

/* Words [i, end) become one word with the kept reading's text. */
static void replace_words(ms_reading *r, guint i, guint end, const float box[4], char *text,
                          float conf)
{
    ms_word *w = &g_array_index(r->words, ms_word, i);
    g_free(w->text);
    w->text = g_strdup(text);
    w->x0 = box[0], w->y0 = box[1], w->x1 = box[2], w->y1 = box[3];
    w->conf = conf;
    if (end > i + 1) {
        g_array_remove_range(r->words, i + 1, end - i - 1); /* the clear func frees them */
        g_array_remove_range(r->blocks, i + 1, end - i - 1);
    }
}

static void look_at(TessBaseAPI *api, PIX *grey, int dpi, ms_reading *r, guint i, guint end,
                    const char *kind, GArray *looks)
{
    ms_look l = {kind, {1e9f, 1e9f, -1e9f, -1e9f}, {NULL}, {-1, -1, -1}, 0};
    GString *first = g_string_new(NULL);
    float sum = 0;
    for (guint k = i; k < end; k++) {
        const ms_word *w = &g_array_index(r->words, ms_word, k);
        if (k > i) g_string_append_c(first, ' ');
        g_string_append(first, w->text);
        sum += w->conf;
        l.box[0] = MIN(l.box[0], w->x0), l.box[1] = MIN(l.box[1], w->y0);
        l.box[2] = MAX(l.box[2], w->x1), l.box[3] = MAX(l.box[3], w->y1);
    }
    l.text[0] = g_string_free(first, FALSE), l.conf[0] = sum / (float)(end - i);
    const char *wl = strcmp(kind, "a_number") == 0
                         ? "A0123456789-#"
                         : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-'.,";
    PIX *g8 = cut(grey, l.box);
    if (g8) l.text[1] = read_line(api, g8, dpi, wl, &l.conf[1]);
    /* the grey cut read as the page was: the Sauvola reading is not made */
    PIX *b =
        g8 && pixGetDepth(grey) > 1 && !same_value(kind, l.text[0], l.text[1]) ? sauvola(g8) : NULL;
    if (b) l.text[2] = read_line(api, b, dpi, wl, &l.conf[2]);
    pixDestroy(&b);
    pixDestroy(&g8);
    for (int k = 1; k < 3; k++)
        if (eligible(kind, l.text[k]) && l.conf[k] > l.conf[l.kept]) l.kept = k;
    if (strcmp(kind, "a_number") == 0) l.kept = ms_look_agreed(&l);
    if (l.kept == MS_LOOK_REFUSED)
        replace_words(r, i, end, l.box, MS_LOOK_UNREAD, 0);
    else if (l.kept)
        replace_words(r, i, end, l.box, l.text[l.kept], l.conf[l.kept]);
    g_array_append_val(looks, l);
}

/* Words [i, end) of an A-number group read cleanly already? */
static gboolean group_clean(const GArray *words, guint i, guint end)
{
    GString *t = g_string_new(NULL);
    float min_conf = 100;
    for (guint k = i; k < end; k++) { /* words joined by '-' */
        const ms_word *w = &g_array_index(words, ms_word, k);
        if (k > i) g_string_append_c(t, '-');
        g_string_append(t, w->text);
        min_conf = MIN(min_conf, w->conf);
    }
    gboolean clean = clean_anumber(t->str, min_conf);
    g_string_free(t, TRUE);
    return clean;
}

void ms_look_again(TessBaseAPI *api, PIX *grey, int dpi, ms_reading *r, GArray *looks)
{
    for (guint i = 0; i < r->words->len; i++) {
        guint end = anumber_group(r->words, i);
        if (end > i && !group_clean(r->words, i, end)) {
            guint before = r->words->len;
            look_at(api, grey, dpi, r, i, end, "a_number", looks);
            i = end - 1 - (before - r->words->len); /* past the group, as it now stands */
        } else if (end > i)
            i = end - 1; /* past a clean number's digits */
        else if (end == i && country_candidate(r->words, i))
            look_at(api, grey, dpi, r, i, i + 1, "country", looks);
    }
}
