/* caption — normalisers for values read from a filing's caption. */
#include "extractors/caption.h"

#include <string.h>

/* "SAN DIEGO" -> "San Diego"; "MCALLEN" stays "Mcallen" (good enough to
 * group by; the evidence keeps the words as written). */
static char *title_case(const char *s)
{
    GString *out = g_string_new(NULL);
    gboolean start = TRUE;
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        g_string_append_unichar(out, start ? g_unichar_toupper(c) : g_unichar_tolower(c));
        start = g_unichar_isspace(c) || c == '-' || c == '.';
    }
    return g_string_free(out, FALSE);
}

char *ms_court_normalize(const ms_us_states *states, const char *s, gsize len)
{
    char *raw = g_strndup(s, len);
    char *comma = strrchr(raw, ',');
    if (!comma) comma = strrchr(raw, ';'); /* OCR's ";" for "," */
    if (!comma) { /* a city alone: the court of that city, if the table has one */
        const char *court = ms_us_states_court(states, g_strstrip(raw));
        g_free(raw);
        return g_strdup(court);
    }
    *comma = 0;
    char *city = g_strstrip(raw);
    char *state = g_strstrip(comma + 1);
    char *upper = g_utf8_strup(state, -1);
    GString *st = g_string_new(NULL); /* one space between words, no dots */
    for (const char *p = upper; *p; p++) {
        if (*p == '.') continue;
        if (g_ascii_isspace(*p)) {
            if (st->len && st->str[st->len - 1] != ' ') g_string_append_c(st, ' ');
        } else {
            g_string_append_c(st, *p);
        }
    }
    while (st->len && st->str[st->len - 1] == ' ') g_string_truncate(st, st->len - 1);
    const char *code = ms_us_states_code(states, st->str);
    char *out = NULL;
    if (code && *city) {
        char *c = title_case(city);
        out = g_strdup_printf("%s, %s", c, code);
        g_free(c);
    }
    g_string_free(st, TRUE);
    g_free(upper);
    g_free(raw);
    return out;
}

/* "RODRIGUEZ SOSA, SANDRA MILENA" -> "RODRIGUEZ SOSA, Sandra Milena": given
 * names in capitals are written as names. */
static char *title_case_given(char *v)
{
    char *comma = strchr(v, ',');
    if (!comma) return v;
    char *up = g_utf8_strup(comma, -1);
    gboolean caps = strcmp(up, comma) == 0;
    g_free(up);
    if (!caps) return v;
    GString *out = g_string_new_len(v, comma - v);
    gboolean start = TRUE;
    for (const char *p = comma; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        gboolean letter = g_unichar_isalpha(c);
        g_string_append_unichar(out, letter && !start ? g_unichar_tolower(c) : c);
        start = !letter && c != '\'';
    }
    g_free(v);
    return g_string_free(out, FALSE);
}

/* Where the surname starts in a name all in capitals, given names first:
 * the last word, or the word before a particle ("WILMER VASQUEZ DE LEON");
 * two surnames cannot be told from two given names ("AISSATOU MENDOZA
 * LOPEZ" gives "LOPEZ"), which is why the rules weigh this form lowest. */
static guint caps_surname(char **w, guint n)
{
    static const char *const particles[] = {"DE", "DEL", "LA", "LAS", "LOS", "DA", "DAS", "DO",
                                            "DOS", "VAN", "VON", "DI", "Y", NULL};
    for (guint i = 1; i + 1 < n; i++)
        if (g_strv_contains(particles, w[i])) return i - 1 > 0 ? i - 1 : i;
    return n - 1;
}

/* "Carlos MENDOZA LOPEZ" -> "MENDOZA LOPEZ, Carlos": given names first, the
 * surname in capitals.  A name already "SURNAME, Given" (or any other form)
 * is only trimmed. */
char *ms_respondent_normalize(const char *s, gsize len)
{
    char *v = g_strstrip(g_strndup(s, len));
    while (*v && strchr(",;:)-.", v[strlen(v) - 1])) v[strlen(v) - 1] = 0;
    g_strstrip(v);
    if (!*v) {
        g_free(v);
        return NULL;
    }
    char **w = g_regex_split_simple("[ \\t\\n]+", v, G_REGEX_RAW, 0);
    guint n = g_strv_length(w), first_caps = n;
    for (guint i = n; i > 0; i--) {
        char *up = g_utf8_strup(w[i - 1], -1);
        gboolean caps = strcmp(up, w[i - 1]) == 0 && g_utf8_strlen(w[i - 1], -1) >= 2;
        g_free(up);
        if (!caps) break;
        first_caps = i - 1;
    }
    if (!strchr(v, ',') && first_caps == 0 && n >= 2) /* "GRACE OKAFOR": see caps_surname() */
        first_caps = caps_surname(w, n);
    if (!strchr(v, ',') && first_caps > 0 && first_caps < n) {
        char *sur = g_strjoinv(" ", w + first_caps);
        char *tmp = w[first_caps];
        w[first_caps] = NULL;
        char *given = g_strjoinv(" ", w);
        w[first_caps] = tmp;
        g_free(v);
        v = g_strdup_printf("%s, %s", sur, given);
        g_free(sur);
        g_free(given);
    }
    g_strfreev(w);
    return title_case_given(v);
}
