/* ocr_layout — reading order across Tesseract's blocks.
 *
 * Tesseract's page layout analysis sometimes cuts a paragraph into blocks: the
 * end of a line ("national,") becomes a block of its own, read after the
 * whole paragraph, and "Respondent, a Chinese / States without inspection. /
 * national," comes out.  Two lines of different blocks that stand on one row
 * (their boxes overlap by 60% of the taller one) with no more than
 * MS_LAYOUT_GAP line heights between them are one line: its words in x order,
 * at the place of the line read first.  In a monospaced face a word space is
 * about a line height wide, so the gap may also be up to MS_LAYOUT_WORD_GAPS
 * times the lines' own word space (their median gap between words), up to
 * MS_LAYOUT_MAX_GAP line heights.  A real column gutter (the caption's ")"
 * column, two-column pages) is wider and is left alone.
 */
#include <string.h>

#include "pipeline/ocr/ocr_internal.h"

#define MS_LAYOUT_GAP 0.8
#define MS_LAYOUT_WORD_GAPS 1.6
#define MS_LAYOUT_MAX_GAP 1.4

typedef struct {
    int block;
    float x0, y0, x1, y1;
    float word_gap; /* the median gap between its words; 0 when one word */
    int root;       /* the line this one joined (itself when none) */
} row;

static int find_root(row *rows, int i)
{
    while (rows[i].root != i) i = rows[i].root;
    return i;
}

/* Do lines a and b stand on one row, side by side, a word gap apart? */
static gboolean same_row(const row *a, const row *b)
{
    float ha = a->y1 - a->y0, hb = b->y1 - b->y0, h = MIN(ha, hb);
    float overlap = MIN(a->y1, b->y1) - MAX(a->y0, b->y0);
    if (h <= 0 || overlap < 0.6f * MAX(ha, hb)) return FALSE;
    float gap = a->x1 <= b->x0 ? b->x0 - a->x1 : b->x1 <= a->x0 ? a->x0 - b->x1 : -1;
    float spaced = MIN(MS_LAYOUT_WORD_GAPS * MAX(a->word_gap, b->word_gap), MS_LAYOUT_MAX_GAP * h);
    return gap >= 0 && gap <= MAX(MS_LAYOUT_GAP * h, spaced);
}

static int by_float(gconstpointer pa, gconstpointer pb)
{
    float a = *(const float *)pa, b = *(const float *)pb;
    return a < b ? -1 : a > b;
}

/* Each line's median gap between consecutive words (Tesseract gives a line's
 * words in reading order). */
static void word_gaps(const ms_reading *r, row *rows, int n)
{
    GArray **gaps = g_new0(GArray *, MAX(n, 1));
    for (guint i = 1; i < r->words->len; i++) {
        const ms_word *a = &g_array_index(r->words, ms_word, i - 1);
        const ms_word *b = &g_array_index(r->words, ms_word, i);
        if (a->line != b->line || b->x0 <= a->x1) continue;
        if (!gaps[b->line]) gaps[b->line] = g_array_new(FALSE, FALSE, sizeof(float));
        float g = b->x0 - a->x1;
        g_array_append_val(gaps[b->line], g);
    }
    for (int l = 0; l < n; l++) {
        if (!gaps[l]) continue;
        g_array_sort(gaps[l], by_float);
        rows[l].word_gap = g_array_index(gaps[l], float, gaps[l]->len / 2);
        g_array_free(gaps[l], TRUE);
    }
    g_free(gaps);
}

static row *rows_of(const ms_reading *r, int *n_out)
{
    int n = 0;
    for (guint i = 0; i < r->words->len; i++)
        n = MAX(n, g_array_index(r->words, ms_word, i).line + 1);
    row *rows = g_new0(row, MAX(n, 1));
    for (int i = 0; i < n; i++) rows[i] = (row){-1, 1e9f, 1e9f, -1e9f, -1e9f, 0, i};
    for (guint i = 0; i < r->words->len; i++) {
        const ms_word *w = &g_array_index(r->words, ms_word, i);
        row *l = &rows[w->line];
        l->block = g_array_index(r->blocks, int, i);
        l->x0 = MIN(l->x0, w->x0), l->y0 = MIN(l->y0, w->y0);
        l->x1 = MAX(l->x1, w->x1), l->y1 = MAX(l->y1, w->y1);
    }
    word_gaps(r, rows, n);
    *n_out = n;
    return rows;
}

typedef struct {
    int group; /* the rank of the word's joined line */
    float x0;
    guint index;
} order_key;

static int by_key(gconstpointer pa, gconstpointer pb)
{
    const order_key *a = pa, *b = pb;
    if (a->group != b->group) return a->group < b->group ? -1 : 1;
    if (a->x0 != b->x0) return a->x0 < b->x0 ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Reorder the words by their joined line, then x; renumber the lines. */
static void reorder(ms_reading *r, row *rows, int n)
{
    int *rank = g_new(int, MAX(n, 1));
    int next = 0;
    for (int i = 0; i < n; i++) rank[i] = find_root(rows, i) == i ? next++ : -1;
    guint len = r->words->len;
    order_key *keys = g_new(order_key, MAX(len, 1));
    for (guint i = 0; i < len; i++) {
        const ms_word *w = &g_array_index(r->words, ms_word, i);
        keys[i] = (order_key){rank[find_root(rows, w->line)], w->x0, i};
    }
    qsort(keys, len, sizeof *keys, by_key);
    GArray *words = g_array_sized_new(FALSE, FALSE, sizeof(ms_word), len);
    GArray *blocks = g_array_sized_new(FALSE, FALSE, sizeof(int), len);
    g_array_set_clear_func(words, ms_word_clear);
    for (guint i = 0; i < len; i++) {
        ms_word w = g_array_index(r->words, ms_word, keys[i].index);
        w.line = keys[i].group;
        g_array_append_val(words, w);
        g_array_append_val(blocks, g_array_index(r->blocks, int, keys[i].index));
    }
    g_array_set_clear_func(r->words, NULL); /* the words moved */
    g_array_unref(r->words);
    g_array_unref(r->blocks);
    r->words = words, r->blocks = blocks;
    g_free(keys);
    g_free(rank);
}

void ms_layout_rebuild(ms_reading *r)
{
    int n = 0;
    row *rows = rows_of(r, &n);
    gboolean joined = FALSE;
    for (int i = 1; i < n; i++)
        for (int j = 0; j < i && rows[i].root == i; j++) {
            int rj = find_root(rows, j);
            if (rows[j].block >= 0 && rows[j].block != rows[i].block && rows[i].block >= 0 &&
                same_row(&rows[j], &rows[i])) {
                rows[i].root = rj;
                /* the joined line grows: the next fragment is measured against all of it */
                rows[rj].x0 = MIN(rows[rj].x0, rows[i].x0), rows[rj].x1 = MAX(rows[rj].x1, rows[i].x1);
                joined = TRUE;
            }
        }
    if (joined) reorder(r, rows, n);
    g_free(rows);
}
