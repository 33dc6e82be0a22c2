/* facts — normalisers for dates, times and legal citations. */
#include "extractors/facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};

static int month_of(const char *word)
{
    for (int i = 0; i < 12; i++)
        if (g_ascii_strncasecmp(word, months[i], 3) == 0) return i + 1;
    return 0;
}

/* Split into runs of letters and runs of digits; everything else separates. */
static GPtrArray *tokens(const char *s, gsize len)
{
    GPtrArray *t = g_ptr_array_new_with_free_func(g_free);
    gsize i = 0;
    while (i < len) {
        if (!g_ascii_isalnum(s[i])) {
            i++;
            continue;
        }
        gsize j = i;
        gboolean digit = g_ascii_isdigit(s[i]);
        while (j < len && (digit ? g_ascii_isdigit(s[j]) : g_ascii_isalpha(s[j]))) j++;
        g_ptr_array_add(t, g_strndup(s + i, j - i));
        i = j;
    }
    return t;
}

char *ms_date_normalize(const char *s, gsize len)
{
    char *str = g_strndup(s, len);
    int y = 0, m = 0, d = 0;
    if (sscanf(str, "%4d%*1[-/.]%2d%*1[-/.]%2d", &y, &m, &d) == 3 && y > 999) {
        /* ISO 2025-10-21; a stamp's 2025.10.21 */
    } else if (sscanf(str, "%d%*1[-/.]%d%*1[-/.]%d", &m, &d, &y) == 3) {
        /* US 10/21/2025; a stamp's 10-21-2025, 10.21.25 */
        if (y >= 0 && y < 100) y += 2000;
    } else { /* October 21, 2025 / 21 October 2025 / 14th day of October, 2025 */
        y = m = d = 0;
        GPtrArray *t = tokens(str, len);
        for (guint i = 0; i < t->len; i++) {
            const char *w = g_ptr_array_index(t, i);
            if (!g_ascii_isdigit(w[0])) {
                if (!m) m = month_of(w);
            } else if (strlen(w) == 4) {
                y = atoi(w);
            } else if (!d) {
                d = atoi(w);
            } else if (!y && strlen(w) == 2) { /* a stamp's "OCT 16 25" */
                y = 2000 + atoi(w);
            }
        }
        g_ptr_array_free(t, TRUE);
    }
    g_free(str);
    if (y < 1900 || y > 2200 || !g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
        return NULL;
    return g_strdup_printf("%04d-%02d-%02d", y, m, d);
}

char *ms_time_normalize(const char *s, gsize len)
{
    int h = 0, min = 0;
    char *lower = g_ascii_strdown(s, (gssize)len);
    if (sscanf(lower, "%d:%d", &h, &min) < 1) sscanf(lower, "%d", &h);
    gboolean pm = strchr(lower, 'p') != NULL, am = strchr(lower, 'a') != NULL;
    g_free(lower);
    if (pm && h < 12) h += 12;
    if (am && h == 12) h = 0;
    if (h < 0 || h > 23 || min < 0 || min > 59) return NULL;
    return g_strdup_printf("%02d:%02d", h, min);
}

/* One space for any run of white space. */
static char *squeeze(const char *s, gsize len)
{
    GString *o = g_string_new(NULL);
    for (gsize i = 0; i < len; i++) {
        if (g_ascii_isspace(s[i])) {
            if (o->len && o->str[o->len - 1] != ' ') g_string_append_c(o, ' ');
        } else {
            g_string_append_c(o, s[i]);
        }
    }
    while (o->len && o->str[o->len - 1] == ' ') g_string_truncate(o, o->len - 1);
    return g_string_free(o, FALSE);
}

/* The section after the title and the section sign: "208(a)(2)(A)",
 * "1240.11(h)"; OCR's "}" for ")" mended, trailing punctuation dropped. */
static char *section_part(const char *p)
{
    while (*p && !g_ascii_isdigit(*p)) p++;
    GString *o = g_string_new(NULL);
    for (; *p; p++) {
        char c = *p == '}' || *p == '\\' ? ')' : *p; /* OCR's "}" or "\" for ")" */
        if (c == ' ') continue;
        g_string_append_c(o, c);
    }
    while (o->len && strchr(".,;:", o->str[o->len - 1])) g_string_truncate(o, o->len - 1);
    return g_string_free(o, FALSE);
}

static const ms_cite_form cite_forms[] = {
    {"USC", "U.S.C.", "U\\.?\\s?S\\.?\\s?C\\.?\\s*A?\\.?"},
    {"CFR", "C.F.R.", "(?:C\\.?\\s?F\\.?\\s?R|CER)\\.?"}, /* OCR's "CER.", "C.F R." */
    {"I_AND_N", "I&N", "[I1l|]\\s?&\\s?N"},                /* OCR's 1 or l for the I */
};

const ms_cite_form *ms_cite_forms(gsize *n)
{
    *n = G_N_ELEMENTS(cite_forms);
    return cite_forms;
}

/* Form i of cite_forms, compiled once (never freed): the codes anchored at
 * the start, I&N between the volume and "Dec". */
static const GRegex *cite_form_re(gsize i)
{
    static GRegex *re[G_N_ELEMENTS(cite_forms)];
    if (g_once_init_enter(&re[i])) {
        char *src = i == 2 ? g_strdup_printf("(?<=\\d )(?:%s)(?= Dec)", cite_forms[i].pattern)
                           : g_strdup_printf("^(?:%s)", cite_forms[i].pattern);
        GRegex *r = g_regex_new(src, G_REGEX_CASELESS, 0, NULL); /* no JIT: Valgrind */
        g_free(src);
        g_once_init_leave(&re[i], r);
    }
    return re[i];
}

/* "29 1&N Dec." -> "29 I&N Dec.", "A. G." -> "A.G." */
static char *mend_decision(const char *c)
{
    char *o = g_regex_replace_literal(cite_form_re(2), c, -1, 0, cite_forms[2].canonical, 0, NULL);
    char *p;
    while ((p = strstr(o, "A. G."))) memmove(p + 2, p + 3, strlen(p + 3) + 1);
    return o;
}

char *ms_authority_normalize(const char *s, gsize len)
{
    char *c = squeeze(s, len);
    char *out = NULL;
    if (g_str_has_prefix(c, "Matter of") || g_str_has_prefix(c, "matter of")) {
        out = mend_decision(c);
    } else if (g_ascii_strncasecmp(c, "INA", 3) == 0) {
        char *sec = section_part(c + 3);
        out = *sec ? g_strdup_printf("INA § %s", sec) : NULL;
        g_free(sec);
    } else if (g_ascii_isdigit(c[0])) {
        int title = atoi(c);
        const char *p = c;
        while (g_ascii_isdigit(*p)) p++;
        while (*p == ' ') p++;
        const char *code = NULL; /* "U.S.C.", or "C.F.R." for its OCR forms */
        for (gsize i = 0; i < 2 && !code; i++)
            if (g_regex_match(cite_form_re(i), p, 0, NULL)) code = cite_forms[i].canonical;
        /* skip the code's name to the section */
        while (*p && !g_ascii_isdigit(*p)) p++;
        char *sec = section_part(p);
        out = *sec && code ? g_strdup_printf("%d %s § %s", title, code, sec) : NULL;
        g_free(sec);
    }
    g_free(c);
    return out;
}
