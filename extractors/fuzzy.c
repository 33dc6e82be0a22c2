/* fuzzy — country names as OCR damaged them ("Colombra", "Turkcy",
 * "Democratic Republig of the Congo"), by a weighted edit distance.
 *
 * A substitution OCR makes often (e/c, a/o, i/l/1, o/0, r/i, c/g, u/n, h/b,
 * s/5) costs 0.5, as does a pair read as one letter (rn/m, cl/d, vv/w,
 * li/h, ri/n, in/m); any other edit costs 1, a space or hyphen gained or
 * lost 0.3.  A name of 6-9 letters allows a cost of 1, 10-17 letters 1.5,
 * longer 2; shorter names are never matched this way.  The best country must
 * beat every other by a cost of 1, the short members of the trap pairs are
 * never reached, and a text at least as close to a US place is not a country.
 */
#include "extractors/fuzzy.h"

#include <string.h>

static const char *const confusions[] = {"ec", "ao", "il", "l1", "i1", "o0", "ri", "cg", "un",
                                         "hb", "s5", "ce", "oa", "li", "1l", "1i", "0o", "ir",
                                         "gc", "nu", "bh", "5s", NULL};
static const char *const digraphs[][2] = {{"rn", "m"}, {"cl", "d"}, {"vv", "w"},
                                          {"li", "h"}, {"ri", "n"}, {"in", "m"}};
/* Trap pairs: their short members differ from each other by too little. */
static const char *const never[] = {"niger", "nigeria", "guinea", "sudan", "congo", "dominica",
                                    NULL};
static const char *const us_places[] = {"columbia", "georgia", "jamaica", "lebanon", "peru",
                                        "panama city", "new mexico", "carolina", NULL};

#define FUZZY_MAX 64

static double sub_cost(char a, char b)
{
    if (a == b) return 0;
    if ((a == ' ' || a == '-') && (b == ' ' || b == '-')) return 0;
    for (const char *const *p = confusions; *p; p++)
        if ((*p)[0] == a && (*p)[1] == b) return 0.5;
    return 1;
}

static double indel_cost(char c)
{
    return c == ' ' || c == '-' ? 0.3 : 1;
}

/* Two letters of one side read as one of the other ("rn" for "m"). */
static gboolean digraph(const char *two, char one)
{
    for (gsize i = 0; i < G_N_ELEMENTS(digraphs); i++)
        if (strncmp(two, digraphs[i][0], 2) == 0 && digraphs[i][1][0] == one) return TRUE;
    return FALSE;
}

static double distance(const char *a, const char *b)
{
    gsize n = strlen(a), m = strlen(b);
    if (n >= FUZZY_MAX || m >= FUZZY_MAX) return 99;
    double d[FUZZY_MAX][FUZZY_MAX];
    d[0][0] = 0;
    for (gsize i = 1; i <= n; i++) d[i][0] = d[i - 1][0] + indel_cost(a[i - 1]);
    for (gsize j = 1; j <= m; j++) d[0][j] = d[0][j - 1] + indel_cost(b[j - 1]);
    for (gsize i = 1; i <= n; i++)
        for (gsize j = 1; j <= m; j++) {
            double v = d[i - 1][j - 1] + sub_cost(a[i - 1], b[j - 1]);
            v = MIN(v, d[i - 1][j] + indel_cost(a[i - 1]));
            v = MIN(v, d[i][j - 1] + indel_cost(b[j - 1]));
            if (i >= 2 && digraph(a + i - 2, b[j - 1])) v = MIN(v, d[i - 2][j - 1] + 0.5);
            if (j >= 2 && digraph(b + j - 2, a[i - 1])) v = MIN(v, d[i - 1][j - 2] + 0.5);
            d[i][j] = v;
        }
    return d[n][m];
}

static int letters(const char *s)
{
    int n = 0;
    for (; *s; s++) n += g_ascii_isalpha(*s) != 0;
    return n;
}

static double allowed(const char *key)
{
    int n = letters(key);
    return n < 6 ? -1 : n < 10 ? 1.0 : n < 18 ? 1.5 : 2.0;
}

static gboolean listed(const char *const *list, const char *key)
{
    for (; *list; list++)
        if (strcmp(*list, key) == 0) return TRUE;
    return FALSE;
}

typedef struct {
    const char *text;
    gsize len;
    const ms_country *best;
    double best_cost, other_cost; /* other: the best cost of any other country */
} search;

static void try_name(const char *key, const ms_country *c, gpointer user)
{
    search *s = user;
    gsize kl = strlen(key);
    if (listed(never, key) || (kl > s->len ? kl - s->len : s->len - kl) > 3) return;
    if (key[0] != s->text[0] && sub_cost(key[0], s->text[0]) > 0.5) return;
    double d = distance(s->text, key);
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

const ms_country *ms_gazetteer_lookup_fuzzy(const ms_gazetteer *g, const char *text, gsize len)
{
    char *down = g_ascii_strdown(text, (gssize)len);
    char **parts = g_strsplit_set(down, " \t\n", -1);
    char *key = g_strjoinv(" ", parts); /* one space between words, as keys have */
    g_strfreev(parts);
    g_free(down);
    search s = {key, strlen(key), NULL, 99, 99};
    if (letters(key) >= 6) ms_gazetteer_each_name(g, try_name, &s);
    const ms_country *out = s.best && s.other_cost - s.best_cost >= 1.0 ? s.best : NULL;
    for (const char *const *p = us_places; out && *p; p++)
        if (distance(key, *p) <= s.best_cost) out = NULL;
    g_free(key);
    return out;
}
