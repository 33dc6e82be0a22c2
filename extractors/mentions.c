/* mentions — where a text names a country, and the marked text rules see. */
#include <string.h>

#include "extractors/mentions.h"

#include "extractors/fuzzy_context.h"

static gboolean overlaps(const GArray *spans, gsize a, gsize b)
{
    for (guint i = 0; i < spans->len; i++) {
        const ms_span *sp = &g_array_index(spans, ms_span, i);
        if (sp->start < b && sp->end > a) return TRUE;
    }
    return FALSE;
}

/* OCR damage the exact pass cannot see: a name read as two words ("Hond
 * uras") or with look-alike letters ("Guaternala").  Only capitalised words
 * that are not already mentions, and only names of five letters or more. */
static void find_damaged(const ms_gazetteer *gaz, const char *s, gsize len, GArray *spans)
{
    GArray *words = ms_word_spans(s, len);
    for (guint i = 0; i < words->len; i++) {
        const ms_word_span *w = &g_array_index(words, ms_word_span, i);
        if (!g_unichar_isupper(g_utf8_get_char(s + w->start))) continue;
        for (int n = 1; n <= 2 && i + n - 1 < words->len; n++) {
            const ms_word_span *last = &g_array_index(words, ms_word_span, i + n - 1);
            if (overlaps(spans, w->start, last->end)) break;
            /* "Hond uras": the two pieces joined without the space */
            GString *joined = g_string_new(NULL);
            for (int k = 0; k < n; k++) {
                const ms_word_span *p = &g_array_index(words, ms_word_span, i + k);
                g_string_append_len(joined, s + p->start, (gssize)(p->end - p->start));
            }
            gboolean dem = FALSE;
            const ms_country *c = ms_gazetteer_lookup_ocr(gaz, joined->str, joined->len, &dem);
            g_string_free(joined, TRUE);
            if (!c) continue;
            ms_span sp = {w->start, last->end, c, dem, FALSE};
            g_array_append_val(spans, sp);
            i += (guint)n - 1;
            break;
        }
    }
    g_array_free(words, TRUE);
}

static gint span_cmp(gconstpointer a, gconstpointer b)
{
    const ms_span *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    return x->demonym - y->demonym; /* a name before a demonym at the same place */
}

void ms_countries_find(const ms_ruleset *rs, ms_matcher *m, const char *s, gsize len, GArray *out)
{
    const ms_gazetteer *gaz = ms_ruleset_gazetteer(rs);
    GArray *hits = g_array_new(FALSE, FALSE, sizeof(ms_match));
    GArray *all = g_array_new(FALSE, FALSE, sizeof(ms_span));
    for (int dem = 0; dem < 2; dem++) {
        g_array_set_size(hits, 0);
        ms_rule_match_all(dem ? ms_ruleset_gazetteer_rule(rs, TRUE)
                              : ms_ruleset_gazetteer_rule(rs, FALSE),
                          m, s, 0, len, hits);
        for (guint i = 0; i < hits->len; i++) {
            const ms_match *h = &g_array_index(hits, ms_match, i);
            /* Names are capitalised: "turkey", "chad" and "china" in running
             * text are words. */
            if (!g_unichar_isupper(g_utf8_get_char(s + h->start))) continue;
            gboolean is_dem = FALSE;
            const ms_country *c =
                ms_gazetteer_lookup(gaz, s + h->start, h->end - h->start, &is_dem);
            if (!c) continue;
            ms_span sp = {h->start, h->end, c, is_dem, FALSE};
            g_array_append_val(all, sp);
        }
    }
    g_array_sort(all, span_cmp);
    find_damaged(gaz, s, len, all);
    g_array_sort(all, span_cmp);
    ms_countries_find_fuzzy(gaz, ms_ruleset_fuzzy(rs), s, len, all);
    g_array_sort(all, span_cmp);
    gsize last_end = 0;
    for (guint i = 0; i < all->len; i++) {
        const ms_span *sp = &g_array_index(all, ms_span, i);
        if (out->len && sp->start < last_end) continue; /* overlaps the previous mention */
        g_array_append_val(out, *sp);
        last_end = sp->end;
    }
    g_array_free(all, TRUE);
    g_array_free(hits, TRUE);
}

char *ms_countries_mark(const char *s, gsize len, const GArray *spans)
{
    char *out = g_strndup(s, len);
    for (guint i = 0; i < spans->len; i++) {
        const ms_span *sp = &g_array_index(spans, ms_span, i);
        out[sp->start] = sp->demonym ? '\x03' : '\x01';
        memset(out + sp->start + 1, sp->demonym ? '\x04' : '\x02', sp->end - sp->start - 1);
        /* a name glued to the next word ("Panamaas the alternative",
         * fuzzy_context.c): its last letter reads as the space between them */
        if (sp->end < len && sp->end - sp->start > 2 && g_ascii_isalpha(s[sp->end]))
            out[sp->end - 1] = ' ';
    }
    return out;
}
