#include "extractors/gazetteer.h"

#include <string.h>

#include "pipeline/base/ms_error.h"

struct ms_gazetteer {
    char *path;
    GPtrArray *countries;   /* ms_country*, owned */
    GHashTable *by_key;     /* normalised alias -> ms_country* (names) */
    GHashTable *by_demonym; /* normalised demonym -> ms_country* */
    GHashTable *by_code;    /* code -> ms_country*: finds a code given twice */
    GHashTable *by_ocr;     /* OCR-folded key -> ms_country* (NULL: ambiguous) */
    GHashTable *ocr_demonym; /* OCR-folded keys that are demonyms */
    char *names_re, *demonyms_re;
};

static void country_free(gpointer p)
{
    ms_country *c = p;
    g_free(c->name);
    g_free(c);
}

/* Lower-case, one space for any run of white space, no space around '-'. */
static char *key_of(const char *s, gsize len)
{
    gchar *down = g_utf8_strdown(s, (gssize)len);
    GString *k = g_string_sized_new(strlen(down));
    gboolean space = FALSE;
    for (const char *p = down; *p; p++) {
        if (g_ascii_isspace(*p)) {
            space = TRUE;
            continue;
        }
        if (*p == '-') {
            space = FALSE;
            while (k->len && k->str[k->len - 1] == ' ') g_string_truncate(k, k->len - 1);
        } else if (space && k->len && k->str[k->len - 1] != '-') {
            g_string_append_c(k, ' ');
        }
        space = FALSE;
        g_string_append_c(k, *p);
    }
    g_free(down);
    return g_string_free(k, FALSE);
}

/* A plain name as a PCRE2 fragment: white space matches any run of white
 * space (names break across lines), hyphens may have space around them. */
/* OCR's look-alikes folded together: "rn" reads as "m", "vv" as "w", "cl" as "d",
 * 0/o, 1/l/I/|, 5/s; spaces and hyphens dropped. */
static char *ocr_fold(const char *key)
{
    GString *f = g_string_new(NULL);
    for (const char *p = key; *p; p++) {
        char c = g_ascii_tolower(*p);
        if (c == ' ' || c == '-') continue;
        if (c == 'r' && g_ascii_tolower(p[1]) == 'n') c = 'm', p++;
        else if (c == 'v' && g_ascii_tolower(p[1]) == 'v') c = 'w', p++;
        else if (c == 'c' && g_ascii_tolower(p[1]) == 'l') c = 'd', p++;
        else if (c == '0') c = 'o';
        else if (c == '1' || c == 'i' || c == '|') c = 'l';
        else if (c == '5') c = 's';
        g_string_append_c(f, c);
    }
    return g_string_free(f, FALSE);
}

static void add_ocr_keys(ms_gazetteer *g, GHashTable *from, gboolean demonyms)
{
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, from);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        char *f = ocr_fold(k);
        if (strlen(f) < 5) { /* "Chad", "Peru", "Mali": too easy to hit by accident */
            g_free(f);
            continue;
        }
        if (g_hash_table_contains(g->by_ocr, f) && g_hash_table_lookup(g->by_ocr, f) != v) {
            g_hash_table_replace(g->by_ocr, f, NULL); /* two countries fold alike */
            continue;
        }
        if (demonyms) g_hash_table_add(g->ocr_demonym, g_strdup(f));
        g_hash_table_replace(g->by_ocr, f, v);
    }
}

/* An alias as a pattern: white space as \s+, a hyphen with optional space
 * around it, every other run escaped by g_regex_escape_string (the same
 * metacharacters as PCRE2's: \ ^ $ . | ? * + ( ) [ ] { }). */
static void append_alias_re(GString *re, const char *alias)
{
    for (const char *p = alias; *p;) {
        if (g_ascii_isspace(*p)) {
            while (g_ascii_isspace(p[1])) p++;
            g_string_append(re, "\\s+");
            p++;
        } else if (*p == '-') {
            g_string_append(re, "\\s*-\\s*");
            p++;
        } else {
            gsize n = 0;
            while (p[n] && p[n] != '-' && !g_ascii_isspace(p[n])) n++;
            char *esc = g_regex_escape_string(p, (gint)n);
            g_string_append(re, esc);
            g_free(esc);
            p += n;
        }
    }
}

static gint longer_first(gconstpointer a, gconstpointer b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    glong lx = g_utf8_strlen(x, -1), ly = g_utf8_strlen(y, -1);
    if (lx != ly) return lx > ly ? -1 : 1;
    return strcmp(x, y);
}

static char *build_re(GPtrArray *aliases)
{
    g_ptr_array_sort(aliases, longer_first);
    /* A name starts with a capital: the lookahead lets "the republic of
     * Honduras" still find "Honduras" (PCRE2's \p{Lu} ignores caseless mode). */
    GString *re = g_string_new("(?<![\\p{L}\\p{N}])(?=\\p{Lu})(?:");
    for (guint i = 0; i < aliases->len; i++) {
        if (i) g_string_append_c(re, '|');
        append_alias_re(re, g_ptr_array_index(aliases, i));
    }
    g_string_append(re, ")(?![\\p{L}\\p{N}])");
    return g_string_free(re, FALSE);
}

static gboolean add_key(ms_gazetteer *g, GHashTable *table, const char *alias, ms_country *c,
                        GPtrArray *all, int line, GString *diag)
{
    char *alias_trim = g_strstrip(g_strdup(alias));
    if (!*alias_trim) {
        g_free(alias_trim);
        return TRUE;
    }
    char *key = key_of(alias_trim, strlen(alias_trim));
    ms_country *prev = g_hash_table_lookup(g->by_key, key);
    if (!prev) prev = g_hash_table_lookup(g->by_demonym, key);
    if (prev && prev != c) {
        g_string_append_printf(diag, "%s:%d: error: '%s' is already a name of %s (line %d)\n",
                               g->path, line, alias_trim, prev->code, prev->line);
        g_free(key);
        g_free(alias_trim);
        return FALSE;
    }
    if (prev) { /* the same country lists a form twice: harmless */
        g_free(key);
        g_free(alias_trim);
        return TRUE;
    }
    g_hash_table_insert(table, key, c);
    g_ptr_array_add(all, alias_trim);
    return TRUE;
}

static gboolean parse_line(ms_gazetteer *g, char *line, int lineno, GPtrArray *names,
                           GPtrArray *demonyms, GString *diag)
{
    char **cols = g_strsplit(line, "\t", -1);
    gboolean ok = TRUE;
    guint n = g_strv_length(cols);
    if (n < 2 || n > 4) {
        g_string_append_printf(diag, "%s:%d: error: expected 2 to 4 TAB-separated columns, got %u\n",
                               g->path, lineno, n);
        ok = FALSE;
        goto out;
    }
    const char *code = g_strstrip(cols[0]);
    if (strlen(code) != 2 || !g_ascii_isupper(code[0]) || !g_ascii_isupper(code[1])) {
        g_string_append_printf(diag, "%s:%d: error: '%s' is not an ISO 3166-1 alpha-2 code\n",
                               g->path, lineno, code);
        ok = FALSE;
        goto out;
    }
    if (g_hash_table_contains(g->by_code, code)) {
        g_string_append_printf(diag, "%s:%d: error: code %s appears twice\n", g->path, lineno, code);
        ok = FALSE;
        goto out;
    }
    ms_country *c = g_new0(ms_country, 1);
    memcpy(c->code, code, 2);
    c->name = g_strdup(g_strstrip(cols[1]));
    c->line = lineno;
    g_ptr_array_add(g->countries, c);
    g_hash_table_insert(g->by_code, c->code, c);
    ok = add_key(g, g->by_key, c->name, c, names, lineno, diag);
    if (n > 2) {
        char **al = g_strsplit(cols[2], "|", -1);
        for (char **a = al; *a; a++) ok &= add_key(g, g->by_key, *a, c, names, lineno, diag);
        g_strfreev(al);
    }
    if (n > 3) {
        char **dm = g_strsplit(cols[3], "|", -1);
        for (char **d = dm; *d; d++) ok &= add_key(g, g->by_demonym, *d, c, demonyms, lineno, diag);
        g_strfreev(dm);
    }
out:
    g_strfreev(cols);
    return ok;
}

gboolean ms_gazetteer_load(const char *path, ms_gazetteer **out, GString *diag, GError **err)
{
    gchar *data = NULL;
    GError *io = NULL;
    if (!g_file_get_contents(path, &data, NULL, &io)) {
        g_string_append_printf(diag, "%s: error: %s\n", path, io->message);
        g_set_error(err, MS_ERROR, MS_ERR_RULES, "cannot read the gazetteer %s", path);
        g_error_free(io);
        return FALSE;
    }
    ms_gazetteer *g = g_new0(ms_gazetteer, 1);
    g->path = g_strdup(path);
    g->countries = g_ptr_array_new_with_free_func(country_free);
    g->by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g->by_demonym = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g->by_code = g_hash_table_new(g_str_hash, g_str_equal);
    g->by_ocr = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g->ocr_demonym = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *demonyms = g_ptr_array_new_with_free_func(g_free);

    gboolean ok = g_utf8_validate(data, -1, NULL);
    if (!ok) g_string_append_printf(diag, "%s: error: the file is not valid UTF-8\n", path);
    char **lines = g_strsplit(data, "\n", -1);
    for (int i = 0; ok && lines[i]; i++) {
        char *l = lines[i];
        g_strchomp(l);
        if (!*l || *l == '#') continue;
        ok &= parse_line(g, l, i + 1, names, demonyms, diag);
    }
    g_strfreev(lines);
    g_free(data);
    if (ok && g->countries->len == 0) {
        g_string_append_printf(diag, "%s: error: no countries\n", path);
        ok = FALSE;
    }
    if (ok) {
        add_ocr_keys(g, g->by_key, FALSE);
        add_ocr_keys(g, g->by_demonym, TRUE);
        g->names_re = build_re(names);
        g->demonyms_re = demonyms->len ? build_re(demonyms) : g_strdup("(*FAIL)");
    }
    g_ptr_array_free(names, TRUE);
    g_ptr_array_free(demonyms, TRUE);
    if (!ok) {
        g_set_error(err, MS_ERROR, MS_ERR_RULES, "the gazetteer %s has errors", path);
        ms_gazetteer_free(g);
        return FALSE;
    }
    *out = g;
    return TRUE;
}

void ms_gazetteer_free(ms_gazetteer *g)
{
    if (!g) return;
    g_hash_table_destroy(g->by_key);
    g_hash_table_destroy(g->by_demonym);
    g_hash_table_destroy(g->by_code);
    g_hash_table_destroy(g->by_ocr);
    g_hash_table_destroy(g->ocr_demonym);
    g_ptr_array_free(g->countries, TRUE);
    g_free(g->names_re);
    g_free(g->demonyms_re);
    g_free(g->path);
    g_free(g);
}

const char *ms_gazetteer_pattern(const ms_gazetteer *g, gboolean names)
{
    return names ? g->names_re : g->demonyms_re;
}

const ms_country *ms_gazetteer_lookup(const ms_gazetteer *g, const char *text, gsize len,
                                      gboolean *is_demonym)
{
    char *key = key_of(text, len);
    const ms_country *c = g_hash_table_lookup(g->by_key, key);
    gboolean dem = FALSE;
    if (!c) {
        c = g_hash_table_lookup(g->by_demonym, key);
        dem = c != NULL;
    }
    g_free(key);
    if (is_demonym) *is_demonym = dem;
    return c;
}

const ms_country *ms_gazetteer_lookup_ocr(const ms_gazetteer *g, const char *text, gsize len,
                                          gboolean *is_demonym)
{
    char *key = key_of(text, len);
    char *f = ocr_fold(key);
    const ms_country *c = g_hash_table_lookup(g->by_ocr, f);
    if (is_demonym) *is_demonym = c && g_hash_table_contains(g->ocr_demonym, f);
    g_free(f);
    g_free(key);
    return c;
}

guint ms_gazetteer_size(const ms_gazetteer *g)
{
    return g->countries->len;
}

const char *ms_gazetteer_path(const ms_gazetteer *g)
{
    return g->path;
}

void ms_gazetteer_each_name(const ms_gazetteer *g, ms_gazetteer_name_fn fn, gpointer user)
{
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, g->by_key);
    while (g_hash_table_iter_next(&it, &k, &v)) fn(k, v, user);
}
