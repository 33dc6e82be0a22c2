/* fuzzy_context — see fuzzy_context.h.  The cue patterns run in raw byte mode
 * (G_REGEX_RAW): the 80 bytes before a word may cut a UTF-8 character, and OCR
 * text may hold invalid bytes. */
#include "extractors/fuzzy_context.h"

#include <string.h>

#include "extractors/fuzzy.h"

/* The text before a name that makes a country the expected next word. */
#define CUE_RE                                                                                     \
    "(?:\\b(?:remov(?:e|ed|al|ing)|deport(?:ed|ation)?|return(?:ed)?|sent|transferr?(?:ed)?|"      \
    "designat\\w*|citizens?|nationals?|natives?|agreements?|ACAs?|between|born\\s+in|fled|"        \
    "persecution\\s+in|fears?\\s+\\w+\\s+(?:in|to))\\s+(?:(?:the\\s+)?respondents?\\s+|him\\s+|"   \
    "her\\s+|them\\s+)?(?:from\\s+the\\s+United\\s+States\\s+)?"                                   \
    "(?:(?:to|of|o\xc2\xa3|[e0gq]f|with|in|"                                                       \
    "from)\\s+)?"                                                                                  \
    "(?:the\\s+)?|\\b(?:Nationality|Citizenship|Country\\s+of\\s+(?:Citizenship|Nationality|"      \
    "Removal))\\s*[:;-]?\\s*(?:is\\s+)?(?:the\\s+)?|\\bremov\\w*\\s+\\S+(?:\\s+\\S+)?\\s+to\\s+"   \
    "(?:the\\s+)?|\\bcountry\\s+of\\s+removal\\s+(?:and|or)\\s+(?:the\\s+)?|"                      \
    "\\b(?:in\\s*the\\s+alternative|alternatively)\\s*,?\\s+(?:to\\s+)?(?:the\\s+)?)$"
#define LIST_RE "^[\\s,;]*(?:(?:and|or|and/or)\\s+)?(?:the\\s+)?$"
#define MAX_WORDS 6

static GRegex *cue_re, *list_re;

static void compile_once(void)
{
    static gsize done;
    if (g_once_init_enter(&done)) {
        cue_re = g_regex_new(CUE_RE, G_REGEX_CASELESS | G_REGEX_OPTIMIZE | G_REGEX_RAW, 0, NULL);
        list_re = g_regex_new(LIST_RE, G_REGEX_CASELESS | G_REGEX_OPTIMIZE | G_REGEX_RAW, 0, NULL);
        g_once_init_leave(&done, 1);
    }
}

GArray *ms_word_spans(const char *s, gsize len)
{
    GArray *w = g_array_new(FALSE, FALSE, sizeof(ms_word_span));
    gsize i = 0;
    while (i < len) {
        while (i < len && g_ascii_isspace(s[i]))
            i++;
        gsize a = i;
        while (i < len && !g_ascii_isspace(s[i]))
            i++;
        gsize b = i;
        while (a < b && strchr("(\"'[", s[a]))
            a++;
        while (b > a && strchr(").,;:\"'!?]", s[b - 1]))
            b--;
        if (b > a) g_array_append_val(w, ((ms_word_span){a, b}));
    }
    return w;
}

/* Is a country expected right before s[at]? */
static gboolean expected_at(const char *s, gsize at, const GArray *spans)
{
    gsize from = at > 80 ? at - 80 : 0;
    char *before = g_strndup(s + from, at - from);
    gboolean yes = g_regex_match(cue_re, before, 0, NULL);
    for (guint k = 0; !yes && k < spans->len; k++) {
        const ms_span *sp = &g_array_index(spans, ms_span, k);
        if (sp->end > at || at - sp->end > 12) continue;
        char *gap = g_strndup(s + sp->end, at - sp->end);
        yes = g_regex_match(list_re, gap, 0, NULL);
        g_free(gap);
    }
    g_free(before);
    return yes;
}

/* Is a country named right after s[end], past list punctuation only
 * ("Usanda. Paraguay, Guatemala": a list that OCR damaged twice, the first
 * name and the comma after it), and is that name followed by a list
 * separator and another name?  Then s[..., end) is a list's first item. */
static gboolean list_follows(const char *s, gsize end, const GArray *spans)
{
    for (guint k = 0; k < spans->len; k++) {
        const ms_span *sp = &g_array_index(spans, ms_span, k);
        if (sp->start < end || sp->start - end > 3) continue;
        for (gsize i = end; i < sp->start; i++)
            if (!g_ascii_isspace(s[i]) && !strchr(",.;", s[i])) return FALSE;
        if (k + 1 >= spans->len) return FALSE;
        const ms_span *next = &g_array_index(spans, ms_span, k + 1);
        if (next->start < sp->end || next->start - sp->end > 8) return FALSE;
        char *gap = g_strndup(s + sp->end, next->start - sp->end);
        gboolean yes = g_regex_match(list_re, gap, 0, NULL);
        g_free(gap);
        return yes;
    }
    return FALSE;
}

/* The span that starts or lies inside [a, b), and whether one ends at b only. */
static gboolean blocked(const GArray *spans, gsize a, gsize b)
{
    for (guint k = 0; k < spans->len; k++) {
        const ms_span *sp = &g_array_index(spans, ms_span, k);
        if (sp->start >= b || sp->end <= a) continue;
        if (sp->start > a && sp->end == b) continue; /* "... of the Congo": the tail may be one */
        return TRUE;
    }
    return FALSE;
}

/* A capital that OCR read as a bracket or a bar ("[cuador", "|ndia"): the
 * word then starts at that character, else at `start`. */
static gsize damaged_capital(const char *s, gsize start)
{
    if (start > 0 && strchr("[|(", s[start - 1]) && g_ascii_islower(s[start]) &&
        (start == 1 || g_ascii_isspace(s[start - 2])))
        return start - 1;
    return start;
}

/* A capital whose small letter has the same shape, which OCR reads in lower
 * case at times ("a citizen of venezuela"). */
static gboolean capital_like(char c)
{
    return g_ascii_isupper(c) || (c && strchr("cosuvwxz", c));
}

/* A name OCR glued to the short word after it ("Panamaas the alternative"):
 * the country whose exact name is s[0, *name_len) when s ends in one of
 * fuzzy.conf's [glued] words and what stands before it is a name of 5
 * letters or more, never a trap name (Niger, Guinea, ...), or NULL. */
static const ms_country *glued_name(const ms_gazetteer *g, const ms_fuzzy *f, const char *s,
                                    gsize len, gsize *name_len)
{
    for (char *const *t = ms_fuzzy_glued_words(f); t && *t; t++) {
        gsize k = strlen(*t);
        if (len < k + 5 || g_ascii_strncasecmp(s + len - k, *t, k) != 0) continue;
        char *key = g_ascii_strdown(s, (gssize)(len - k));
        gboolean demonym = FALSE, trap = ms_fuzzy_is_trap(f, key);
        g_free(key);
        const ms_country *c = trap ? NULL : ms_gazetteer_lookup(g, s, len - k, &demonym);
        if (c && !demonym) {
            *name_len = len - k;
            return c;
        }
    }
    return NULL;
}

void ms_countries_find_fuzzy(const ms_gazetteer *g, const ms_fuzzy *f, const char *s, gsize len,
                             GArray *spans)
{
    compile_once();
    GArray *words = ms_word_spans(s, len);
    GArray *found = g_array_new(FALSE, FALSE, sizeof(ms_span));
    for (guint i = 0; i < words->len; i++) {
        const ms_word_span *w = &g_array_index(words, ms_word_span, i);
        gsize at = damaged_capital(s, w->start);
        if (!capital_like(s[at]) && at == w->start) continue;
        /* after a cue, 1-6 words; before a list, the one word */
        guint most = 0;
        if (expected_at(s, at, spans))
            most = MIN(MAX_WORDS, words->len - i);
        else if (list_follows(s, w->end, spans))
            most = 1;
        for (guint n = most; n >= 1; n--) {
            const ms_word_span *last = &g_array_index(words, ms_word_span, i + n - 1);
            if (blocked(spans, at, last->end)) continue;
            gsize end = last->end, glued = 0;
            const ms_country *c = ms_gazetteer_lookup_fuzzy(g, f, s + at, end - at);
            if (!c && n == 1 && (c = glued_name(g, f, s + at, end - at, &glued))) end = at + glued;
            if (!c) continue;
            g_array_append_val(found, ((ms_span){at, end, c, FALSE, TRUE}));
            i += n - 1;
            break;
        }
    }
    g_array_append_vals(spans, found->data, found->len);
    g_array_free(found, TRUE);
    g_array_free(words, TRUE);
}
