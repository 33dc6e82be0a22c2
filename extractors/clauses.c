/* clauses — see clauses.h. */
#include "extractors/clauses.h"

#include <string.h>

/* Words a period follows without ending the sentence. */
static const char *const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "no", "nos", "v", "vs", "dec", "cir", "sec", "secs", "st", "inc",
    "corp", "jr", "sr", "fed", "reg", "stat", "art", "al", "e.g", "i.e", "id", "cf", "gen", "gov",
    "rep", "hon", "p", "pp", "para", "ex", "supp", "ct", "app", "f", "u.s", "u.s.c", "c.f.r",
    "i.n.a", "ina", "viz", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept",
    "oct", "nov", "ave", "blvd", "rd", "ste", NULL};

static gboolean is_abbreviation(const char *s, gsize from, gsize dot)
{
    gsize a = dot;
    while (a > from && (g_ascii_isalpha(s[a - 1]) || s[a - 1] == '.')) a--;
    gsize n = dot - a;
    if (n == 0) return FALSE;
    if (n == 1 || memchr(s + a, '.', n)) return TRUE; /* an initial, "U.S", "C.F.R" */
    char *w = g_ascii_strdown(s + a, (gssize)n);
    gboolean found = FALSE;
    for (const char *const *p = abbreviations; *p && !found; p++) found = strcmp(w, *p) == 0;
    g_free(w);
    return found;
}

/* A line in capitals (a heading or title): at least four letters, 80% capitals. */
static gboolean heading_line(const char *s, gsize a, gsize b)
{
    int letters = 0, upper = 0;
    for (gsize i = a; i < b; i++) {
        if (!g_ascii_isalpha(s[i])) continue;
        letters++;
        upper += g_ascii_isupper(s[i]) != 0;
    }
    return letters >= 4 && upper * 10 >= letters * 8;
}

static gsize line_end(const char *s, gsize i, gsize to)
{
    while (i < to && s[i] != '\n' && s[i] != '\f') i++;
    return i;
}

/* Does a sentence end at the '.', '?' or '!' at i? */
static gboolean sentence_end(const char *s, gsize from, gsize to, gsize i)
{
    if (i + 1 >= to || !g_ascii_isspace(s[i + 1])) return FALSE;
    gsize j = i + 1;
    while (j < to && g_ascii_isspace(s[j])) j++;
    if (j >= to) return TRUE;
    gboolean opener = g_ascii_isupper(s[j]) || g_ascii_isdigit(s[j]) || strchr("\"'(", s[j]) ||
                      ((guchar)s[j] >= 0xC0); /* an accented capital or a curly quote */
    return opener && (s[i] != '.' || !is_abbreviation(s, from, i));
}

static void cut(GArray *out, gsize *start, gsize end)
{
    if (end > *start) g_array_append_val(out, ((ms_clause){*start, end}));
    *start = end;
}

/* Is s[a, b) nothing but country names and list words? */
static gboolean only_names(const char *s, gsize a, gsize b, const GArray *names)
{
    gboolean any = FALSE;
    gsize i = a;
    while (i < b) {
        if (g_ascii_isspace(s[i]) || strchr(",.;:", s[i])) {
            i++;
            continue;
        }
        gboolean name = FALSE;
        for (guint k = 0; names && k < names->len; k++) {
            const ms_clause *n = &g_array_index(names, ms_clause, k);
            if (n->start == i && n->end <= b) {
                i = n->end, name = any = TRUE;
                break;
            }
        }
        if (name) continue;
        gsize w = i;
        while (i < b && !g_ascii_isspace(s[i]) && !strchr(",.;:", s[i])) i++;
        if (!((i - w == 3 && g_ascii_strncasecmp(s + w, "and", 3) == 0) ||
              (i - w == 2 && g_ascii_strncasecmp(s + w, "or", 2) == 0) ||
              (i - w == 6 && g_ascii_strncasecmp(s + w, "and/or", 6) == 0)))
            return FALSE;
    }
    return any;
}

GArray *ms_clauses_split(const char *s, gsize from, gsize to, const GArray *names)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(ms_clause));
    gsize start = from;
    gboolean head = heading_line(s, from, line_end(s, from, to));
    for (gsize i = from; i < to; i++) {
        char c = s[i];
        if (c == ';' || ((c == '.' || c == '?' || c == '!') && sentence_end(s, from, to, i))) {
            cut(out, &start, i + 1);
        } else if (c == '\n' || c == '\f') {
            gsize na = i + 1, nb = line_end(s, na, to);
            gboolean next_head = heading_line(s, na, nb);
            gboolean blank = na < to && (s[na] == '\n' || s[na] == '\f');
            if (head || next_head || blank) cut(out, &start, i + 1);
            head = next_head;
        }
    }
    cut(out, &start, to);
    /* "agreements. Paraguay, Uganda, Honduras.": the list joins the clause before */
    guint w = 0;
    for (guint k = 0; k < out->len; k++) {
        ms_clause c = g_array_index(out, ms_clause, k);
        if (w > 0 && only_names(s, c.start, c.end, names)) {
            g_array_index(out, ms_clause, w - 1).end = c.end;
            continue;
        }
        g_array_index(out, ms_clause, w++) = c;
    }
    g_array_set_size(out, w);
    return out;
}

int ms_clause_at(const GArray *clauses, gsize off)
{
    guint lo = 0, hi = clauses->len;
    while (lo < hi) {
        guint mid = (lo + hi) / 2;
        const ms_clause *c = &g_array_index(clauses, ms_clause, mid);
        if (off < c->start) hi = mid;
        else if (off >= c->end) lo = mid + 1;
        else return (int)mid;
    }
    return -1;
}
