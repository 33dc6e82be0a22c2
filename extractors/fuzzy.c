/* fuzzy — country names as OCR damaged them ("Colombra", "Turkcy",
 * "Democratic Republig of the Congo"), by a weighted edit distance.
 *
 * The tables are data, rules/fuzzy.conf: the substitutions OCR makes often
 * (e/c, a/o, i/l/1 ...) and the pairs read as one letter (rn/m, cl/d ...), at
 * a low cost; the cost of any other edit and of a space or hyphen; the trap
 * names never reached; the US places that win a tie.  A name of 6-9 letters
 * allows a cost of 1, 10-17 letters 1.5, longer 2; shorter names are never
 * matched this way.  The best country must beat every other by a cost of 1.
 */
#include "extractors/fuzzy.h"

#include <string.h>

struct ms_fuzzy {
    double confusion, other, space; /* the costs */
    GArray *letters;                /* char[2]: one letter read for another */
    GArray *pairs;                  /* char[3]: two letters, then the one they read as */
    char **never, **us_places;
    char **mend;        /* [mend] words: cue words a damaged word is read as (mend.c) */
    char **short_words; /* [mend] short: function words read with a mark for their first letter */
    char **glued;       /* [glued] words: short words OCR glues to a name (fuzzy_context.c) */
    guint8 *sub;        /* 256 x 256: a substitution's class, SUB_* (from `letters`) */
};

/* A substitution's class in ms_fuzzy.sub. */
enum { SUB_FREE, SUB_CONFUSION, SUB_OTHER };

void ms_fuzzy_free(ms_fuzzy *f)
{
    if (!f) return;
    g_array_free(f->letters, TRUE);
    g_array_free(f->pairs, TRUE);
    g_strfreev(f->never);
    g_strfreev(f->us_places);
    g_strfreev(f->mend);
    g_strfreev(f->glued);
    g_strfreev(f->short_words);
    g_free(f->sub);
    g_free(f);
}

/* "e/c;a/o" into `out`: each side `na` and `nb` bytes (a pair: 2 and 1, in
 * either order, stored two first).  FALSE on a malformed item. */
static gboolean parse_pairs(char **items, gsize na, gsize nb, GArray *out)
{
    for (char **it = items; it && *it; it++) {
        char **ab = g_strsplit(g_strstrip(*it), "/", -1);
        gboolean ok = g_strv_length(ab) == 2;
        if (ok && strlen(ab[0]) == nb && strlen(ab[1]) == na && na != nb) {
            char *t = ab[0];
            ab[0] = ab[1], ab[1] = t;
        }
        ok = ok && strlen(ab[0]) == na && strlen(ab[1]) == nb;
        if (ok) {
            char e[3] = {ab[0][0], na == 2 ? ab[0][1] : ab[1][0], na == 2 ? ab[1][0] : 0};
            g_array_append_vals(out, e, 1);
        }
        g_strfreev(ab);
        if (!ok) return FALSE;
    }
    return TRUE;
}

static double cost_key(GKeyFile *kf, const char *key, GError **e)
{
    return *e ? 0 : g_key_file_get_double(kf, "costs", key, e);
}

static gboolean parse(GKeyFile *kf, ms_fuzzy *f, GError **e)
{
    f->confusion = cost_key(kf, "confusion", e);
    f->other = cost_key(kf, "other", e);
    f->space = cost_key(kf, "space", e);
    const char *keys[2] = {"letters", "pairs"};
    for (int k = 0; k < 2 && !*e; k++) {
        char **items = g_key_file_get_string_list(kf, "confusions", keys[k], NULL, e);
        if (!*e && !parse_pairs(items, k ? 2 : 1, 1, k ? f->pairs : f->letters))
            g_set_error(e, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                        "[confusions] %s: each item must be %s", keys[k],
                        k ? "two letters and one, as rn/m" : "two single letters, as e/c");
        g_strfreev(items);
    }
    if (!*e) f->never = g_key_file_get_string_list(kf, "traps", "never", NULL, e);
    if (!*e) f->us_places = g_key_file_get_string_list(kf, "traps", "us_places", NULL, e);
    if (!*e) f->mend = g_key_file_get_string_list(kf, "mend", "words", NULL, e);
    if (!*e) f->glued = g_key_file_get_string_list(kf, "glued", "words", NULL, e);
    if (!*e) f->short_words = g_key_file_get_string_list(kf, "mend", "short", NULL, e);
    for (char **w = f->mend; !*e && w && *w; w++) {
        g_strstrip(*w);
        for (const char *c = *w; *c && !*e; c++)
            if (!g_ascii_islower(*c))
                g_set_error(e, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                            "[mend] words: '%s' must be lower-case letters", *w);
    }
    return !*e;
}

/* The substitution classes, once, from the letters read for each other. */
static void build_sub(ms_fuzzy *f)
{
    f->sub = g_malloc(256 * 256);
    for (int a = 0; a < 256; a++)
        for (int b = 0; b < 256; b++) {
            gboolean gap = (a == ' ' || a == '-') && (b == ' ' || b == '-');
            f->sub[a * 256 + b] = a == b || gap ? SUB_FREE : SUB_OTHER;
        }
    for (guint i = 0; i < f->letters->len; i++) {
        const guint8 *p = (const guint8 *)&g_array_index(f->letters, char, 2 * i);
        if (f->sub[p[0] * 256 + p[1]] == SUB_FREE)
            continue; /* a letter, a space or a hyphen for itself */
        f->sub[p[0] * 256 + p[1]] = f->sub[p[1] * 256 + p[0]] = SUB_CONFUSION;
    }
}

gboolean ms_fuzzy_load(const char *path, ms_fuzzy **out, GString *diag)
{
    ms_fuzzy *f = g_new0(ms_fuzzy, 1);
    f->letters = g_array_new(FALSE, FALSE, 2);
    f->pairs = g_array_new(FALSE, FALSE, 3);
    GKeyFile *kf = g_key_file_new();
    GError *e = NULL;
    gboolean ok = g_key_file_load_from_file(kf, path, G_KEY_FILE_NONE, &e) && parse(kf, f, &e);
    g_key_file_free(kf);
    if (ok) build_sub(f);
    *out = NULL;
    if (!ok) {
        g_string_append_printf(diag, "%s: error: %s\n", path, e->message);
        g_error_free(e);
        ms_fuzzy_free(f);
        return FALSE;
    }
    *out = f;
    return TRUE;
}

#define FUZZY_MAX 64

static double sub_cost(const ms_fuzzy *f, char a, char b)
{
    switch (f->sub[(guint8)a * 256 + (guint8)b]) {
    case SUB_FREE:
        return 0;
    case SUB_CONFUSION:
        return f->confusion;
    default:
        return f->other;
    }
}

static double indel_cost(const ms_fuzzy *f, char c)
{
    return c == ' ' || c == '-' ? f->space : f->other;
}

/* Two letters of one side read as one of the other ("rn" for "m"). */
static gboolean digraph(const ms_fuzzy *f, const char *two, char one)
{
    for (guint i = 0; i < f->pairs->len; i++) {
        const char *p = &g_array_index(f->pairs, char, 3 * i);
        if (two[0] == p[0] && two[1] == p[1] && one == p[2]) return TRUE;
    }
    return FALSE;
}

/* The weighted edit distance of a and b; past `cap` (a bound, or G_MAXDOUBLE)
 * it stops early and returns some value above it. */
static double distance(const ms_fuzzy *f, const char *a, const char *b, double cap)
{
    gsize n = strlen(a), m = strlen(b);
    if (n >= FUZZY_MAX || m >= FUZZY_MAX) return 99;
    double d[FUZZY_MAX][FUZZY_MAX];
    d[0][0] = 0;
    for (gsize i = 1; i <= n; i++)
        d[i][0] = d[i - 1][0] + indel_cost(f, a[i - 1]);
    for (gsize j = 1; j <= m; j++)
        d[0][j] = d[0][j - 1] + indel_cost(f, b[j - 1]);
    double last_min = 0; /* the row before's least cost */
    for (gsize i = 1; i <= n; i++) {
        double row_min = d[i][0];
        for (gsize j = 1; j <= m; j++) {
            double v = d[i - 1][j - 1] + sub_cost(f, a[i - 1], b[j - 1]);
            v = MIN(v, d[i - 1][j] + indel_cost(f, a[i - 1]));
            v = MIN(v, d[i][j - 1] + indel_cost(f, b[j - 1]));
            if (i >= 2 && digraph(f, a + i - 2, b[j - 1]))
                v = MIN(v, d[i - 2][j - 1] + f->confusion);
            if (j >= 2 && digraph(f, b + j - 2, a[i - 1]))
                v = MIN(v, d[i - 1][j - 2] + f->confusion);
            d[i][j] = v;
            row_min = MIN(row_min, v);
        }
        /* costs only grow along a path, and a path (a digraph skips at most
         * one row) passes through one of any two rows in a row */
        if (row_min > cap && last_min > cap) return row_min;
        last_min = row_min;
    }
    return d[n][m];
}

double ms_fuzzy_distance(const ms_fuzzy *f, const char *a, const char *b)
{
    return distance(f, a, b, G_MAXDOUBLE);
}

double ms_fuzzy_substitution(const ms_fuzzy *f, char a, char b)
{
    return sub_cost(f, a, b);
}

double ms_fuzzy_confusion_cost(const ms_fuzzy *f)
{
    return f->confusion;
}

char *const *ms_fuzzy_mend_words(const ms_fuzzy *f)
{
    return f->mend;
}

char *const *ms_fuzzy_mend_short_words(const ms_fuzzy *f)
{
    return f->short_words;
}

char *const *ms_fuzzy_glued_words(const ms_fuzzy *f)
{
    return f->glued;
}

static int letters(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += g_ascii_isalpha(*s) != 0;
    return n;
}

static double allowed(const char *key)
{
    int n = letters(key);
    return n < 6 ? -1 : n < 10 ? 1.0 : n < 18 ? 1.5 : 2.0;
}

/* Past this, a distance decides nothing: a match costs at most 2 (allowed)
 * and must beat every other country by 1, so all costs above 3 are alike. */
#define DECIDES 3.0

static gboolean listed(char **list, const char *key)
{
    for (; *list; list++)
        if (strcmp(*list, key) == 0) return TRUE;
    return FALSE;
}

gboolean ms_fuzzy_is_trap(const ms_fuzzy *f, const char *key)
{
    return f->never && listed(f->never, key);
}

typedef struct {
    const ms_fuzzy *f;
    const char *text;
    gsize len;
    const ms_country *best;
    double best_cost, other_cost; /* other: the best cost of any other country */
} search;

static void try_name(const char *key, const ms_country *c, gpointer user)
{
    search *s = user;
    gsize kl = strlen(key);
    if ((kl > s->len ? kl - s->len : s->len - kl) > 3) return;
    /* the first letter must be right or a confusion, unless OCR made it a
     * bracket or a bar ("[cuador") */
    if (key[0] != s->text[0] && g_ascii_isalpha(s->text[0]) &&
        sub_cost(s->f, key[0], s->text[0]) > s->f->confusion)
        return;
    if (listed(s->f->never, key)) return;
    double d = distance(s->f, s->text, key, DECIDES);
    if (d > allowed(key)) {
        if (c != s->best && d < s->other_cost) s->other_cost = d;
        return;
    }
    if (!s->best || d < s->best_cost) {
        if (s->best && s->best != c) s->other_cost = MIN(s->other_cost, s->best_cost);
        s->best = c, s->best_cost = d;
    } else if (c != s->best) {
        s->other_cost = MIN(s->other_cost, d);
    }
}

const ms_country *ms_gazetteer_lookup_fuzzy(const ms_gazetteer *g, const ms_fuzzy *f,
                                            const char *text, gsize len)
{
    char *down = g_ascii_strdown(text, (gssize)len);
    char **parts = g_strsplit_set(down, " \t\n", -1);
    char *key = g_strjoinv(" ", parts); /* one space between words, as keys have */
    g_strfreev(parts);
    g_free(down);
    search s = {f, key, strlen(key), NULL, 99, 99};
    if (letters(key) >= 6) ms_gazetteer_each_name(g, try_name, &s);
    const ms_country *out = s.best && s.other_cost - s.best_cost >= 1.0 ? s.best : NULL;
    for (char **p = f->us_places; out && *p; p++)
        if (distance(f, key, *p, DECIDES) <= s.best_cost) out = NULL;
    g_free(key);
    return out;
}
