/* anumber — the A-number: read with OCR's confusions inside the digits only,
 * and chosen by a vote of every occurrence in the filing.
 *
 * ms_anumber_normalize() turns what a pattern matched into 9 digits: O, Q, D
 * for 0; l, I, L, |, ], ! for 1; S for 5; B for 8; Z or ? for 2 (at most two such
 * letters, the rest real digits).  Separators OCR breaks ("A 285- 253- 87")
 * make the length uncertain: 8 digits are an old number (padded with a
 * leading 0) only when written as one run or as 2-3-3; otherwise NULL,
 * because a 9-digit number that lost a digit would be read wrong.
 *
 * ms_anumber_vote(): every match of every a_number rule (caption, cover page,
 * headers, certificate) votes for its value with its rule's weight; where two
 * matches overlap only the heavier votes.  The heaviest value wins; a tie
 * between different values is a conflict and gives NULL (null rather than a
 * guess), unless the tied values are readings of one number: then each
 * digit is voted on (digit_vote).  The winner's evidence carries a note with
 * the votes.
 */
#include "extractors/anumber.h"

#include "extractors/evidence.h"
#include "extractors/ocr_digits.h"

#include <string.h>

/* The digit a character stands for, or -1; *real says it was a digit. */
static int digit_of(const char *s, gsize len, gsize *i, gboolean *real, gboolean *skip)
{
    char c = s[*i];
    *real = FALSE, *skip = FALSE;
    if (c >= '0' && c <= '9') {
        *real = TRUE;
        return c - '0';
    }
    int d = ms_ocr_digit((guchar)c);
    if (d >= 0) return d;
    if (strchr(" \t-.,;:~", c)) {
        *skip = TRUE;
        return -1;
    }
    if ((guchar)c == 0xC2 && *i + 1 < len && (guchar)s[*i + 1] == 0xB0) { /* OCR's degree sign */
        (*i)++;
        *skip = TRUE;
    }
    return -1;
}

char *ms_anumber_normalize(const char *s, gsize len)
{
    char digits[16];
    int n = 0, real = 0, groups[12], ng = 0;
    gboolean in_group = FALSE;
    for (gsize i = 0; i < len; i++) {
        gboolean is_real, skip;
        int d = digit_of(s, len, &i, &is_real, &skip);
        if (skip) {
            in_group = FALSE;
            continue;
        }
        if (d < 0 || n >= 9) return NULL;
        if (!in_group) {
            if (ng == (int)G_N_ELEMENTS(groups)) return NULL;
            groups[ng++] = 0;
            in_group = TRUE;
        }
        groups[ng - 1]++;
        digits[n++] = (char)('0' + d);
        real += is_real;
    }
    /* Most of it must be real digits: "lOl" is a word, not a number. */
    if ((n != 9 && n != 8) || real < n - 2) return NULL;
    /* 8 digits are certain only as one run or as 2-3-3 ("A 93-456-789"). */
    if (n == 8 && !(ng == 1 || (ng == 3 && groups[0] == 2 && groups[1] == 3 && groups[2] == 3)))
        return NULL;
    char *out = g_malloc(10);
    if (n == 8) { /* old 8-digit numbers are padded with a leading 0 */
        out[0] = '0';
        memcpy(out + 1, digits, 8);
    } else {
        memcpy(out, digits, 9);
    }
    out[9] = 0;
    return out;
}

typedef struct {
    ms_match m;
    const ms_rule *rule;
    char *value; /* NULL: not a readable A-number */
} occurrence;

static void occurrence_clear(gpointer p)
{
    g_free(((occurrence *)p)->value);
}

static gint by_start(gconstpointer a, gconstpointer b)
{
    const occurrence *x = a, *y = b;
    if (x->m.start != y->m.start) return x->m.start < y->m.start ? -1 : 1;
    return y->rule->weight - x->rule->weight;
}

static void add_occurrence(const ms_rule *r, const ms_match *h, gpointer all)
{
    occurrence o = {*h, r, NULL};
    g_array_append_val((GArray *)all, o);
}

/* Every match of every a_number rule, in text order; of overlapping matches
 * only the heaviest is kept. */
static GArray *occurrences(const ms_ruleset *rs, ms_matcher *m, const ms_text *t,
                           const char *marked, const ms_sections *sec)
{
    GArray *all = g_array_new(FALSE, TRUE, sizeof(occurrence));
    g_array_set_clear_func(all, occurrence_clear);
    ms_field_visitor v = {NULL, add_occurrence, all};
    ms_ruleset_match_field(rs, m, "a_number", t->str->str, marked, sec->start, sec->end, &v);
    g_array_sort(all, by_start);
    GArray *kept = g_array_new(FALSE, TRUE, sizeof(occurrence));
    g_array_set_clear_func(kept, occurrence_clear);
    for (guint j = 0; j < all->len; j++) {
        occurrence o = g_array_index(all, occurrence, j);
        occurrence *last = kept->len ? &g_array_index(kept, occurrence, kept->len - 1) : NULL;
        if (last && o.m.start < last->m.end) {
            if (o.rule->weight <= last->rule->weight) continue;
            *last = o;
        } else {
            g_array_append_val(kept, o);
        }
    }
    g_array_set_clear_func(all, NULL);
    g_array_free(all, TRUE);
    for (guint j = 0; j < kept->len; j++) {
        occurrence *o = &g_array_index(kept, occurrence, j);
        if (o->m.vend > o->m.vstart)
            o->value = ms_anumber_normalize(t->str->str + o->m.vstart, o->m.vend - o->m.vstart);
    }
    return kept;
}

/* The word confidence OCR gave an occurrence, as a weight factor: 1 where
 * the text carries none (a text layer, a transcript). */
static float conf_factor(const ms_text *t, const occurrence *o, float *conf)
{
    int page = 0;
    float box[4];
    *conf = -1;
    if (!ms_text_locate(t, o->m.vstart, o->m.vend, &page, box, conf) || *conf < 0) return 1.0f;
    return MAX(*conf, 1.0f) / 100.0f;
}

static int hamming9(const char *a, const char *b)
{
    int d = 0;
    for (int i = 0; i < 9; i++)
        d += a[i] != b[i];
    return d;
}

/* When the whole values tie: the readings of one number (each at most
 * MS_ANUMBER_VOTE_SPREAD digits from the first) vote digit by digit, each with its
 * rule's weight times its word confidence.  A position whose best digit has
 * under twice the weight of the next gives NULL, and so does a heaviest
 * reading under MS_ANUMBER_LONE_CONF.  *from is the heaviest reading. */
static char *digit_vote(const ms_text *t, const GArray *occ, GString *why, const occurrence **from)
{
    float w[9][10] = {{0}}, heaviest = -1, heaviest_conf = -1;
    const occurrence *first = NULL;
    *from = NULL;
    for (guint j = 0; j < occ->len; j++) {
        const occurrence *o = &g_array_index(occ, occurrence, j);
        if (!o->value) continue;
        if (first && hamming9(first->value, o->value) > MS_ANUMBER_VOTE_SPREAD) return NULL;
        first = first ? first : o;
        float conf, f = o->rule->weight * conf_factor(t, o, &conf);
        for (int i = 0; i < 9; i++)
            w[i][o->value[i] - '0'] += f;
        if (f > heaviest) heaviest = f, heaviest_conf = conf, *from = o;
        g_string_append_printf(why, "%s%s (weight %.0f)", why->len ? ", " : "", o->value, f);
    }
    if (!*from || (heaviest_conf >= 0 && heaviest_conf < MS_ANUMBER_LONE_CONF)) return NULL;
    char out[10] = {0};
    for (int i = 0; i < 9; i++) {
        int top = 0;
        float next = 0;
        for (int d = 1; d < 10; d++)
            if (w[i][d] > w[i][top]) top = d;
        for (int d = 0; d < 10; d++)
            if (d != top && w[i][d] > next) next = w[i][d];
        if (w[i][top] < 2 * next) return NULL;
        out[i] = (char)('0' + top);
    }
    return g_strdup(out);
}

/* The tie's way out: the digit vote's value and its evidence, or NULL. */
static char *tie_winner(const ms_text *t, const GArray *occ, GArray *evidence)
{
    GString *why = g_string_new(NULL);
    const occurrence *from = NULL;
    char *value = digit_vote(t, occ, why, &from);
    if (value) {
        ms_evidence_add(evidence, t, "a_number", value, from->rule, from->m.vstart, from->m.vend);
        ms_evidence *e = &g_array_index(evidence, ms_evidence, evidence->len - 1);
        e->note = g_strdup_printf("read digit by digit: the readings %s tied as whole numbers; "
                                  "each digit taken by weighted agreement",
                                  why->str);
    }
    g_string_free(why, TRUE);
    return value;
}

char *ms_anumber_vote(const ms_ruleset *rs, ms_matcher *m, const ms_text *t, const char *marked,
                      const ms_sections *sec, GArray *evidence)
{
    GArray *occ = occurrences(rs, m, t, marked, sec);
    GHashTable *score = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *count = g_hash_table_new(g_str_hash, g_str_equal);
    const char *best = NULL, *second = NULL;
    for (guint j = 0; j < occ->len; j++) {
        const occurrence *o = &g_array_index(occ, occurrence, j);
        if (!o->value) continue;
        int s = GPOINTER_TO_INT(g_hash_table_lookup(score, o->value)) + o->rule->weight;
        g_hash_table_insert(score, o->value, GINT_TO_POINTER(s));
        g_hash_table_insert(
            count, o->value,
            GINT_TO_POINTER(GPOINTER_TO_INT(g_hash_table_lookup(count, o->value)) + 1));
    }
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, score);
    int top = 0, next = 0;
    while (g_hash_table_iter_next(&it, &k, &v)) {
        int s = GPOINTER_TO_INT(v);
        if (s > top)
            next = top, second = best, top = s, best = k;
        else if (s > next)
            next = s, second = k;
    }
    char *winner = NULL;
    GString *note = g_string_new(NULL);
    g_hash_table_iter_init(&it, score);
    while (g_hash_table_iter_next(&it, &k, &v))
        g_string_append_printf(note, "%s%s: %d occurrence(s), weight %d", note->len ? "; " : "",
                               (char *)k, GPOINTER_TO_INT(g_hash_table_lookup(count, k)),
                               GPOINTER_TO_INT(v));
    if (best && next < top) {
        for (guint j = 0; j < occ->len; j++) {
            const occurrence *o = &g_array_index(occ, occurrence, j);
            if (!o->value || strcmp(o->value, best) != 0) continue;
            winner = g_strdup(best);
            ms_evidence_add(evidence, t, "a_number", best, o->rule, o->m.vstart, o->m.vend);
            ms_evidence *e = &g_array_index(evidence, ms_evidence, evidence->len - 1);
            e->note = g_strdup_printf("won the vote of the filing's A-numbers (%s)%s", note->str,
                                      second ? "" : ": no other reading");
            break;
        }
    }
    if (best && second && next == top) winner = tie_winner(t, occ, evidence);
    g_string_free(note, TRUE);
    g_hash_table_destroy(count);
    g_hash_table_destroy(score);
    g_array_free(occ, TRUE);
    return winner;
}
