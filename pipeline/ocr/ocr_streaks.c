/* ocr_streaks — a copier's vertical streaks taken off the page before OCR.
 *
 * A copy of a copy can carry thin dark lines down the whole page.  Tesseract's
 * layout analysis takes such a line for a column rule: the words right of it
 * go to another block, are read out of order or lost ("a citizen of" without
 * "Venezuela", a sentence without its "is DENIED.").  A streak is a run of ink
 * at most MS_STREAK_MAX_WIDTH pixels wide (at 300 dpi) and a quarter of the
 * page tall or more (see streak_mask): no letter, rule or bracket column of a
 * filing is that tall and thin.  A line within half an inch of the left or
 * right edge (a scanner's page border) is left: it cuts no line of text.  Its pixels, one pixel wider on each side,
 * are made paper on the binarized page and on the grey page, except where it
 * crosses a line of text (see draw_streak).
 */
#include "pipeline/ocr/ocr_internal.h"

#define MS_STREAK_MAX_WIDTH 8 /* pixels at 300 dpi */
#define MS_STREAK_WIDTHS 32   /* widths counted for the median */

/* Draw into `mask` the line that the ink of `band` (one streak's pixels and
 * the letters beside it) follows inside box (x, y, w, bh): rows where the
 * band holds no more ink than a streak (no letter near) give the line's
 * centre; a least-squares fit x = a + b*y through them, as wide as the
 * streak's median width plus a pixel each side, is the streak, drawn on
 * those clear rows only.  Where it crosses a line of text it is left: cut
 * out, it took pieces of the letters with it ("A213-103-837" for 193-857),
 * and the short pieces left no longer make a column rule for the layout
 * analysis.  FALSE when too few rows are clear to tell. */
static gboolean draw_streak(PIX *band, PIX *mask, l_int32 x, l_int32 y, l_int32 w, l_int32 bh,
                            int maxw)
{
    double n = 0, sy = 0, sx = 0, syy = 0, sxy = 0;
    int widths[MS_STREAK_WIDTHS] = {0};
    guint8 *clear = g_new0(guint8, bh);
    for (l_int32 r = y; r < y + bh; r++) {
        int count = 0, sum = 0;
        for (l_int32 c = x; c < x + w; c++) {
            l_uint32 v = 0;
            pixGetPixel(band, c, r, &v);
            if (v) count++, sum += c;
        }
        if (count == 0 || count > maxw) continue;
        clear[r - y] = 1;
        double cx = (double)sum / count;
        n++, sy += r, sx += cx, syy += (double)r * r, sxy += (double)r * cx;
        widths[MIN(count, MS_STREAK_WIDTHS - 1)]++;
    }
    if (n < bh / 4.0 || n * syy - sy * sy <= 0) {
        g_free(clear);
        return FALSE;
    }
    double b = (n * sxy - sy * sx) / (n * syy - sy * sy), a = (sx - b * sy) / n;
    int half = 0, seen = 0;
    for (int k = 1; k < MS_STREAK_WIDTHS && seen * 2 < n; k++) seen += widths[k], half = k;
    half = half / 2 + 1;
    for (l_int32 r = y; r < y + bh; r++) {
        if (!clear[r - y]) continue; /* a letter there: left as it is */
        int cx = (int)(a + b * r + 0.5);
        for (int c = cx - half; c <= cx + half; c++)
            if (c >= 0 && c < (int)pixGetWidth(mask)) pixSetPixel(mask, c, r, 1);
    }
    g_free(clear);
    return TRUE;
}

/* The streaks of the 1-bit page `clean`, as a mask, or NULL when none.
 * Pieces: vertical runs of ink 0.4 inch tall or more (a letter's stem is
 * about 0.1 inch), after widening the ink by MS_STREAK_MAX_WIDTH so that a
 * line the deskew tilted by up to 3 degrees still runs that long.  A streak:
 * pieces that, bridged over gaps of 0.3 inch, stand a quarter of the page
 * tall, no wider than the widened streak plus the drift of a line skewed by
 * up to 2 degrees; its own pixels are found by draw_streak. */
static PIX *streak_mask(PIX *clean, int dpi, int *count)
{
    *count = 0;
    int h = pixGetHeight(clean), maxw = MAX(2, (MS_STREAK_MAX_WIDTH * dpi + 150) / 300);
    PIX *wide = pixDilateBrick(NULL, clean, maxw | 1, 1);
    PIX *pieces = wide ? pixOpenCompBrick(NULL, wide, 1, MAX(2, dpi * 2 / 5)) : NULL;
    pixDestroy(&wide);
    PIX *chains = pieces ? pixCloseCompBrick(NULL, pieces, 1, MAX(2, dpi * 3 / 10)) : NULL;
    BOXA *boxes = chains ? pixConnComp(chains, NULL, 8) : NULL;
    PIX *band = boxes ? pixAnd(NULL, pieces, clean) : NULL; /* ink inside the pieces */
    PIX *mask = band ? pixCreateTemplate(clean) : NULL;
    for (int i = 0; mask && i < boxaGetCount(boxes); i++) {
        l_int32 x, y, w, bh;
        boxaGetBoxGeometry(boxes, i, &x, &y, &w, &bh);
        if (bh < h / 4 || w > 2 * maxw + bh / 28) continue; /* tan 2 degrees: 1/28 */
        if (x < dpi / 2 || x + w > pixGetWidth(clean) - dpi / 2) continue; /* in a margin */
        *count += draw_streak(band, mask, x, y, w, bh, maxw);
    }
    boxaDestroy(&boxes);
    pixDestroy(&chains);
    pixDestroy(&pieces);
    pixDestroy(&band);
    if (*count == 0) pixDestroy(&mask);
    return mask;
}

int ms_ocr_remove_streaks(PIX *clean, PIX **grey, int dpi)
{
    int count = 0;
    PIX *mask = streak_mask(clean, dpi, &count);
    if (!mask) return 0;
    pixSubtract(clean, clean, mask);
    PIX *g = NULL;
    if (pixGetDepth(*grey) == 1) {
        g = pixSubtract(NULL, *grey, mask);
    } else if (pixGetDepth(*grey) == 8 && (g = pixCopy(NULL, *grey)) != NULL) {
        pixSetMasked(g, mask, 255);
    }
    if (g) pixDestroy(grey), *grey = g;
    pixDestroy(&mask);
    return count;
}
