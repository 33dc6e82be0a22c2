/* us_states — the US states and territories (see us_states.h). */
#include "extractors/us_states.h"

#include <string.h>

struct ms_us_states {
    GHashTable *code_of; /* upper-case name or code -> code (owned keys and values) */
    GHashTable *court_of; /* upper-case city -> "City, ST" (owned keys and values) */
    char *pattern;
};

static void append_name_re(GString *re, const char *name)
{
    char **words = g_strsplit(name, " ", -1);
    for (char **w = words; *w; w++) {
        char *esc = g_regex_escape_string(*w, -1);
        g_string_append_printf(re, "%s%s", w == words ? "" : "\\s+", esc);
        g_free(esc);
    }
    g_strfreev(words);
}

/* One "CODE<TAB>Name" line into the table and the two halves of the pattern. */
static gboolean add_line(ms_us_states *s, char *line, GString *names, GString *codes)
{
    char **f = g_strsplit(line, "\t", -1);
    gboolean ok = g_strv_length(f) == 2 && strlen(f[0]) == 2 && g_ascii_isupper(f[0][0]) &&
                  g_ascii_isupper(f[0][1]) && *g_strstrip(f[1]);
    if (ok) {
        g_hash_table_replace(s->code_of, g_ascii_strup(f[1], -1), g_strdup(f[0]));
        g_hash_table_replace(s->code_of, g_strdup(f[0]), g_strdup(f[0]));
        if (names->len) g_string_append_c(names, '|');
        append_name_re(names, f[1]);
        g_string_append_printf(codes, "%s%s", codes->len ? "|" : "", f[0]);
    }
    g_strfreev(f);
    return ok;
}

gboolean ms_us_states_load(const char *path, ms_us_states **out, GString *diag)
{
    char *data = NULL;
    GError *e = NULL;
    *out = NULL;
    if (!g_file_get_contents(path, &data, NULL, &e)) {
        g_string_append_printf(diag, "%s: error: %s\n", path, e->message);
        g_error_free(e);
        return FALSE;
    }
    ms_us_states *s = g_new0(ms_us_states, 1);
    s->code_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    s->court_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    GString *names = g_string_new(NULL), *codes = g_string_new(NULL);
    char **lines = g_strsplit(data, "\n", -1);
    int errors = 0;
    for (int i = 0; lines[i]; i++) {
        char *l = lines[i];
        if (!*g_strchomp(l) || l[0] == '#') continue;
        if (!add_line(s, l, names, codes)) {
            g_string_append_printf(diag, "%s:%d: error: expected CODE<TAB>Name (a two-letter "
                                   "code in capitals)\n", path, i + 1);
            errors++;
        }
    }
    if (!codes->len && !errors) {
        g_string_append_printf(diag, "%s: error: no states\n", path);
        errors++;
    }
    s->pattern = g_strdup_printf("%s|(?-i:%s)", names->str, codes->str);
    g_strfreev(lines);
    g_string_free(names, TRUE);
    g_string_free(codes, TRUE);
    g_free(data);
    if (errors) {
        ms_us_states_free(s);
        return FALSE;
    }
    *out = s;
    return TRUE;
}

void ms_us_states_free(ms_us_states *s)
{
    if (!s) return;
    g_hash_table_destroy(s->code_of);
    g_hash_table_destroy(s->court_of);
    g_free(s->pattern);
    g_free(s);
}

/* `key` in `table`, compared in capitals. */
static const char *lookup_upper(GHashTable *table, const char *key)
{
    char *up = g_ascii_strup(key, -1);
    const char *v = g_hash_table_lookup(table, up);
    g_free(up);
    return v;
}

const char *ms_us_states_code(const ms_us_states *s, const char *name_or_code)
{
    return s ? lookup_upper(s->code_of, name_or_code) : NULL;
}

const char *ms_us_states_pattern(const ms_us_states *s)
{
    return s->pattern;
}

void ms_us_states_add_courts(ms_us_states *s, const char *path)
{
    char *data = NULL;
    if (!g_file_get_contents(path, &data, NULL, NULL)) return;
    char **lines = g_strsplit(data, "\n", -1);
    for (char **l = lines; *l; l++) {
        char *tab = strchr(*l, '\t'), *comma = NULL;
        if (**l == '#' || !tab) continue;
        *tab = 0;
        comma = strrchr(*l, ',');
        char *st = comma ? g_strstrip(g_strdup(comma + 1)) : NULL;
        gboolean known = st && ms_us_states_code(s, st);
        g_free(st);
        if (!known) continue;
        char *city = g_ascii_strup(*l, comma - *l);
        if (!g_hash_table_contains(s->court_of, city))
            g_hash_table_insert(s->court_of, city, g_strdup(*l));
        else
            g_free(city);
    }
    g_strfreev(lines);
    g_free(data);
}

const char *ms_us_states_court(const ms_us_states *s, const char *city)
{
    return s ? lookup_upper(s->court_of, city) : NULL;
}
