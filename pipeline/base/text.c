#include "pipeline/base/text.h"

#include <string.h>

void ms_word_clear(gpointer p)
{
    ms_word *w = p;
    g_free(w->text);
    w->text = NULL;
}

const char *ms_barcode_symbology(const char *name)
{
    static const char *const names[] = {"CODE-39", "CODE-128", "QR-Code", NULL};
    for (const char *const *k = names; name && *k; k++)
        if (strcmp(name, *k) == 0) return *k;
    return NULL;
}

void ms_barcode_clear(gpointer p)
{
    ms_barcode *b = p;
    g_free(b->value);
    b->value = NULL;
}

/* Characters that OCR and typesetting vary and the rules should not see. */
static gunichar fold_char(gunichar c)
{
    switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4: case 0x0060:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return '-';
    case 0x00AD: /* soft hyphen: dropped */
        return 0;
    default:
        return c;
    }
}

char *ms_text_normalize_word(const char *s)
{
    if (!g_utf8_validate(s, -1, NULL)) {
        /* Invalid UTF-8 never reaches the rules: replace bad bytes. */
        gchar *fixed = g_utf8_make_valid(s, -1);
        char *r = ms_text_normalize_word(fixed);
        g_free(fixed);
        return r;
    }
    gchar *nfkc = g_utf8_normalize(s, -1, G_NORMALIZE_NFKC);
    if (!nfkc) return g_strdup("");
    GString *out = g_string_sized_new(strlen(nfkc));
    for (const gchar *p = nfkc; *p; p = g_utf8_next_char(p)) {
        gunichar c = fold_char(g_utf8_get_char(p));
        if (c == 0) continue;
        if (g_unichar_isspace(c)) c = ' ';
        g_string_append_unichar(out, c);
    }
    g_free(nfkc);
    /* A quote or hyphen stuck to the front of a word is OCR debris or a
     * bullet ("'Honduras", "-order"); the word is what the rules look for. */
    gsize lead = 0;
    while (lead < out->len && strchr("'\"-", out->str[lead])) lead++;
    gboolean quoted = lead && out->str[0] != '-' && out->str[out->len - 1] == out->str[0];
    if (lead && !quoted && lead < out->len && g_unichar_isalpha(g_utf8_get_char(out->str + lead)))
        g_string_erase(out, 0, (gssize)lead);
    return g_string_free(out, FALSE);
}

gboolean ms_text_is_debris(const char *w)
{
    for (const char *p = w; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isalnum(c) || (c < 128 && strchr("&$%#@/", (int)c)) || c == 0xA7 /* § */)
            return FALSE;
    }
    return TRUE;
}

static void append(ms_text *t, const char *s, gsize n, gint32 word)
{
    g_string_append_len(t->str, s, (gssize)n);
    for (gsize i = 0; i < n; i++) g_array_append_val(t->map, word);
}

static void open_line(ms_text *t, int page)
{
    ms_line l = {t->str->len, t->str->len, page};
    g_array_append_val(t->lines, l);
}

static void close_line(ms_text *t)
{
    if (t->lines->len) g_array_index(t->lines, ms_line, t->lines->len - 1).end = t->str->len;
}

/* "Hon-" at a line end followed by "duras": a hyphenated word.  Returns 1 to
 * drop the hyphen ("Honduras"), 2 to keep it ("Guinea-" + "Bissau"), 0 when
 * the hyphen is not a line-end hyphenation. */
static int hyphen_join(const char *a, const char *b)
{
    gsize la = strlen(a);
    if (la < 2 || a[la - 1] != '-') return 0;
    const gchar *prev = g_utf8_find_prev_char(a, a + la - 1);
    if (!prev || !g_unichar_isalpha(g_utf8_get_char(prev))) return 0;
    gunichar first = g_utf8_get_char(b);
    if (g_unichar_islower(first)) return 1;
    if (g_unichar_isupper(first)) return 2;
    return 0;
}

ms_text *ms_text_build(GArray *words, int n_pages)
{
    ms_text *t = g_new0(ms_text, 1);
    t->str = g_string_new(NULL);
    t->map = g_array_new(FALSE, FALSE, sizeof(gint32));
    t->words = words;
    t->lines = g_array_new(FALSE, FALSE, sizeof(ms_line));
    t->pages = g_array_new(FALSE, FALSE, sizeof(gsize));

    for (guint i = 0; i < words->len; i++) {
        ms_word *w = &g_array_index(words, ms_word, i);
        char *norm = ms_text_normalize_word(w->text);
        g_free(w->text);
        w->text = ms_text_is_debris(norm) ? (g_free(norm), g_strdup("")) : norm;
    }

    int page = 0, line = -1;
    int pending_join = 0; /* previous word ended with a line-end hyphen */
    for (guint i = 0; i < words->len; i++) {
        ms_word *w = &g_array_index(words, ms_word, i);
        if (!w->text[0]) continue;
        gboolean new_page = w->page != page, new_line = new_page || w->line != line;
        if (new_page) {
            close_line(t);
            while (page < w->page) {
                if (t->str->len && !pending_join) append(t, "\n\n", 2, -1);
                gsize off = t->str->len;
                g_array_append_val(t->pages, off);
                page++;
            }
            open_line(t, page);
        } else if (new_line) {
            close_line(t);
            if (!pending_join) append(t, "\n", 1, -1);
            open_line(t, page);
        } else if (t->str->len && !pending_join) {
            append(t, " ", 1, -1);
        }
        line = w->line;
        pending_join = 0;

        const char *s = w->text;
        gsize n = strlen(s);
        /* Look ahead: is this the last word of its line, hyphenated into the
         * first word of the next line (or page)?  Debris emptied above on
         * the same line (a speck after "Domi-") is passed over. */
        guint k = i + 1;
        for (; k < words->len; k++) {
            const ms_word *x = &g_array_index(words, ms_word, k);
            if (x->text[0] || x->page != w->page || x->line != w->line) break;
        }
        if (k < words->len) {
            const ms_word *next = &g_array_index(words, ms_word, k);
            if (next->page != w->page || next->line != w->line) {
                int j = hyphen_join(s, next->text);
                if (j == 1) n--;
                pending_join = j != 0;
            }
        }
        append(t, s, n, (gint32)i);
    }
    close_line(t);
    while (page < n_pages) {
        gsize off = t->str->len;
        g_array_append_val(t->pages, off);
        page++;
    }
    return t;
}

void ms_text_free(ms_text *t)
{
    if (!t) return;
    g_string_free(t->str, TRUE);
    g_array_free(t->map, TRUE);
    g_array_set_clear_func(t->words, ms_word_clear);
    g_array_free(t->words, TRUE);
    g_array_free(t->lines, TRUE);
    g_array_free(t->pages, TRUE);
    g_free(t);
}

gboolean ms_text_locate(const ms_text *t, gsize start, gsize end, int *page, float box[4],
                        float *conf)
{
    if (end > t->str->len) end = t->str->len;
    int pg = 0;
    gint32 last = -2;
    double csum = 0;
    int cn = 0, n = 0;
    for (gsize i = start; i < end; i++) {
        gint32 wi = g_array_index(t->map, gint32, i);
        if (wi < 0 || wi == last) continue;
        last = wi;
        const ms_word *w = &g_array_index(t->words, ms_word, wi);
        if (!pg) {
            pg = w->page;
            box[0] = w->x0, box[1] = w->y0, box[2] = w->x1, box[3] = w->y1;
        }
        if (w->page != pg) continue;
        box[0] = MIN(box[0], w->x0), box[1] = MIN(box[1], w->y0);
        box[2] = MAX(box[2], w->x1), box[3] = MAX(box[3], w->y1);
        if (w->conf >= 0) csum += w->conf, cn++;
        n++;
    }
    if (!n) return FALSE;
    *page = pg;
    *conf = cn ? (float)(csum / cn) : -1.0f;
    return TRUE;
}

int ms_text_page_at(const ms_text *t, gsize off)
{
    int page = 1;
    for (guint i = 0; i < t->pages->len; i++)
        if (g_array_index(t->pages, gsize, i) <= off) page = (int)i + 1;
    return page;
}

ms_text *ms_text_from_plain(const char *s)
{
    GArray *words = g_array_new(FALSE, FALSE, sizeof(ms_word));
    char **pages = g_strsplit(s, "\f", -1);
    int np = 0;
    for (int p = 0; pages[p]; p++, np++) {
        char **lines = g_strsplit(pages[p], "\n", -1);
        for (int l = 0; lines[l]; l++) {
            char **ws = g_strsplit_set(lines[l], " ", -1);
            int col = 0;
            for (int i = 0; ws[i]; i++) {
                if (!*ws[i]) continue;
                ms_word w = {g_strdup(ws[i]), p + 1, l, 100.0f * col, 50.0f * l,
                             100.0f * col + 90, 50.0f * l + 40, -1.0f};
                g_array_append_val(words, w);
                col++;
            }
            g_strfreev(ws);
        }
        g_strfreev(lines);
    }
    g_strfreev(pages);
    return ms_text_build(words, np);
}
