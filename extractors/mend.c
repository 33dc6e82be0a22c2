/* mend — see mend.h. */
#include "extractors/mend.h"

#include <string.h>

#include "extractors/fuzzy_context.h"

#define MEND_MIN 5
#define MEND_MAX 24

/* The cost of reading cue word `cue` as `w` (lower case, same length). */
static double cost(const ms_fuzzy *f, const char *w, const char *cue, gsize n, double limit)
{
    double c = 0;
    for (gsize i = 0; i < n && c <= limit; i++)
        c += ms_fuzzy_substitution(f, cue[i], w[i]);
    return c;
}

/* The one cue word `w` (lower case, n bytes) is a damaged reading of, or NULL. */
static const char *cue_for(const ms_fuzzy *f, const char *w, gsize n)
{
    double limit = n >= 7 ? 1.0 : ms_fuzzy_confusion_cost(f);
    const char *best = NULL;
    double best_cost = 99, other = 99;
    for (char *const *cue = ms_fuzzy_mend_words(f); cue && *cue; cue++) {
        if (strlen(*cue) != n) continue;
        double c = cost(f, w, *cue, n, limit + 1);
        if (c == 0) return NULL; /* a cue word as it is */
        if (c < best_cost)
            other = best_cost, best_cost = c, best = *cue;
        else if (c < other)
            other = c;
    }
    return best && best_cost <= limit && other - best_cost >= 1.0 ? best : NULL;
}

/* The cue word `w` is, exactly, or NULL. */
static const char *cue_exact(const ms_fuzzy *f, const char *w)
{
    for (char *const *cue = ms_fuzzy_mend_words(f); cue && *cue; cue++)
        if (strcmp(*cue, w) == 0) return *cue;
    return NULL;
}

/* Where the part of s[a, b) after its last hyphen starts ("Re-Calendar"). */
static gsize after_hyphen(const char *s, gsize a, gsize b)
{
    for (gsize i = a; i < b; i++)
        if (s[i] == '-') a = i + 1;
    return a;
}

/* Mostly capitals: "COUHTRY" mends to "COUNTRY". */
static gboolean mostly_upper(const char *s, gsize n)
{
    int up = 0, low = 0;
    for (gsize i = 0; i < n; i++)
        up += g_ascii_isupper(s[i]) != 0, low += g_ascii_islower(s[i]) != 0;
    return up > low;
}

/* Mend the word s[a, b) in `out` when it is a damaged cue word.  A capital
 * OCR read as a bracket ("[MMIGRATION") is the word's first character. */
static gboolean mend_word(const ms_fuzzy *f, const char *s, gsize a, gsize b, char *out)
{
    if (a > 0 && s[a - 1] == '[' && (a == 1 || g_ascii_isspace(s[a - 2]))) a--;
    gsize n = b - a, letters = 0;
    if (n < MEND_MIN || n > MEND_MAX) return FALSE;
    char w[MEND_MAX + 1];
    for (gsize i = 0; i < n; i++) {
        if ((guchar)s[a + i] >= 0x80) return FALSE;
        letters += g_ascii_isalpha(s[a + i]) != 0;
        w[i] = g_ascii_tolower(s[a + i]);
    }
    w[n] = 0;
    if (letters + 1 < n) return FALSE; /* one damaged character at most not a letter */
    const char *cue = cue_for(f, w, n);
    if (!cue) return FALSE;
    gboolean upper = mostly_upper(s + a, n);
    for (gsize i = 0; i < n; i++) {
        if (w[i] == cue[i]) continue;
        gboolean up =
            g_ascii_isupper(s[a + i]) || (!g_ascii_isalpha(s[a + i]) && (upper || i == 0));
        out[a + i] = up ? g_ascii_toupper(cue[i]) : cue[i];
    }
    return TRUE;
}

/* "desig nates": two words that OCR split and that together are a cue word,
 * exactly or through one letter of damage ("cow ntry"), are written as that
 * word and a space, at the same length. */
static gboolean mend_split(const ms_fuzzy *f, const char *s, const ms_word_span *a,
                           const ms_word_span *b, char *out)
{
    gsize from = after_hyphen(s, a->start, a->end); /* "Re-C alendar" */
    gsize n = (a->end - from) + (b->end - b->start);
    if (b->start != a->end + 1 || s[a->end] != ' ' || n < 7 || n > MEND_MAX) return FALSE;
    char w[MEND_MAX + 1], *p = w;
    for (gsize i = from; i < b->end; i++) {
        if (i == a->end) continue;
        if (!g_ascii_isalpha(s[i])) return FALSE;
        *p++ = g_ascii_tolower(s[i]);
    }
    *p = 0;
    const char *hit = cue_exact(f, w);
    if (!hit) hit = cue_for(f, w, n); /* "cow ntry": split and damaged */
    if (!hit) return FALSE;
    gsize k = from, j = 0;
    for (gsize i = from; i < b->end; i++) {
        if (i == a->end) continue;
        char c = s[i], want = hit[j++];
        out[k++] = g_ascii_tolower(c) == want ? c
                   : g_ascii_isupper(c)       ? g_ascii_toupper(want)
                                              : want;
    }
    out[k] = ' ';
    return TRUE;
}

/* "NO'TICE": a word with one mark of OCR inside it that is a cue word
 * without it is written as that word and a space. */
static gboolean mend_inner(const ms_fuzzy *f, const char *s, const ms_word_span *w, char *out)
{
    gsize n = w->end - w->start, mark = 0;
    if (n < 6 || n > MEND_MAX) return FALSE;
    char word[MEND_MAX + 1], *p = word;
    for (gsize i = w->start; i < w->end; i++) {
        if (strchr("'`.,", s[i]) && i > w->start && i + 1 < w->end && !mark)
            mark = i;
        else if (g_ascii_isalpha(s[i]))
            *p++ = g_ascii_tolower(s[i]);
        else
            return FALSE;
    }
    *p = 0;
    if (!mark || (mark + 2 == w->end && g_ascii_tolower(s[mark + 1]) == 's'))
        return FALSE; /* a possessive, "RESPONDENT'S" */
    if (!cue_exact(f, word)) return FALSE;
    memmove(out + mark, s + mark + 1, w->end - mark - 1);
    out[w->end - 1] = ' ';
    return TRUE;
}

/* "Re-Caleridar": a word (after its last hyphen) that is a cue word with one
 * letter read as two of OCR's pairs ("ri" for "n", "rn" for "m") is written
 * as that word and a space. */
static gboolean mend_pair(const ms_fuzzy *f, const char *s, const ms_word_span *w, char *out)
{
    gsize from = after_hyphen(s, w->start, w->end);
    gsize n = w->end - from;
    if (n < 8 || n > MEND_MAX) return FALSE;
    char word[MEND_MAX + 1];
    for (gsize i = 0; i < n; i++) {
        if (!g_ascii_isalpha(s[from + i])) return FALSE;
        word[i] = g_ascii_tolower(s[from + i]);
    }
    word[n] = 0;
    const char *hit = NULL;
    double limit = ms_fuzzy_confusion_cost(f);
    for (char *const *cue = ms_fuzzy_mend_words(f); cue && *cue; cue++) {
        if (strlen(*cue) + 1 != n || ms_fuzzy_distance(f, word, *cue) > limit) continue;
        if (hit) return FALSE; /* two cue words as close */
        hit = *cue;
    }
    if (!hit) return FALSE;
    gboolean upper = mostly_upper(s + from, n);
    for (gsize i = 0; i + 1 < n; i++)
        out[from + i] =
            upper || (i == 0 && g_ascii_isupper(s[from])) ? g_ascii_toupper(hit[i]) : hit[i];
    out[from + n - 1] = ' ';
    return TRUE;
}

/* Words that never end a clause ("shall. be removed", "the country to' which"):
 * OCR punctuation right after one of them is read as a space. */
static gboolean mend_stray(const char *s, gsize len, const ms_word_span *w, char *out)
{
    static const char *const glue[] = {"shall", "should", "will", "must", "be", "which",
                                       "the",   "to",     "of",   "as",   NULL};
    gsize n = w->end - w->start, e = w->end;
    while (e < len && strchr(".,'`", s[e]))
        e++;
    if (e == w->end || e - w->end > 2 || (e < len && !g_ascii_isspace(s[e]))) return FALSE;
    for (int i = 0; glue[i]; i++) {
        if (strlen(glue[i]) != n || strncmp(s + w->start, glue[i], n) != 0) continue;
        memset(out + w->end, ' ', e - w->end);
        return TRUE;
    }
    return FALSE;
}

/* "(o the Agreement", "Mexico 1s a country": a short function word whose
 * first letter OCR read as a mark is written as that word, when the rest is
 * exactly the rest of one word of the [mend] short list and of no other: "("
 * for a "t", "1", "!", "|" for an "i", "[" for either. */
static gboolean mend_short(const ms_fuzzy *f, const char *s, gsize len, const ms_word_span *w,
                           char *out)
{
    gsize a = w->start;
    if (a > 0 && strchr("([|", s[a - 1]) && (a == 1 || g_ascii_isspace(s[a - 2]))) a--;
    gsize n = w->end - a;
    if (n < 2 || n > 4 || !strchr("([|1!", s[a]) ||
        (w->end < len && !g_ascii_isspace(s[w->end]) && !strchr(".,;:", s[w->end])))
        return FALSE;
    /* the letters each mark stands for: "(" a t, the bars and the 1 an i */
    const char *stands = s[a] == '(' ? "t" : s[a] == '[' ? "it" : "i";
    const char *hit = NULL;
    for (char *const *sw = ms_fuzzy_mend_short_words(f); sw && *sw; sw++) {
        if (strlen(*sw) != n || !strchr(stands, (*sw)[0]) ||
            strncmp(*sw + 1, s + a + 1, n - 1) != 0)
            continue;
        if (hit) return FALSE; /* two words fit */
        hit = *sw;
    }
    if (!hit) return FALSE;
    out[a] = hit[0];
    return TRUE;
}

char *ms_mend_cues(const ms_fuzzy *f, const char *s, gsize len, int *n_mended)
{
    int n = 0;
    char *out = NULL;
    if (f && ms_fuzzy_mend_words(f)) {
        out = g_strndup(s, len);
        GArray *words = ms_word_spans(s, len);
        for (guint i = 0; i < words->len; i++) {
            const ms_word_span *w = &g_array_index(words, ms_word_span, i);
            if (i + 1 < words->len && mend_split(f, s, w, w + 1, out)) {
                n++, i++;
                continue;
            }
            if (mend_inner(f, s, w, out) || mend_pair(f, s, w, out)) {
                n++;
                continue;
            }
            if (mend_short(f, s, len, w, out)) {
                n++;
                continue;
            }
            n += mend_word(f, s, w->start, w->end, out);
            n += mend_stray(s, len, w, out);
        }
        g_array_free(words, TRUE);
    }
    if (n_mended) *n_mended = n;
    if (n == 0) g_clear_pointer(&out, g_free);
    return out;
}
