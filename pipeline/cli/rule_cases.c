/* rule_cases — see rule_cases.h. */
#include "pipeline/cli/rule_cases.h"

#include <string.h>

#include "extractors/extract.h"
#include "pipeline/document/jpath.h"
#include "pipeline/document/record.h"

typedef struct {
    char *line; /* the check as written */
    int lineno;
} check;

typedef struct {
    char *name;
    int lineno;
    GString *text;
    GArray *checks; /* check */
} rcase;

typedef struct {
    const ms_ruleset *rs;
    ms_matcher *m;
    const char *dir;
    const char *file;
    GString *diag;
    ms_case_stats *st;
} runner;

static void check_clear(gpointer p)
{
    g_free(((check *)p)->line);
}

static void fail(runner *u, int lineno, const char *name, const char *fmt, ...) G_GNUC_PRINTF(4, 5);
static void fail(runner *u, int lineno, const char *name, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_string_append_printf(u->diag, "%s:%d: error: %s%s%s%s\n", u->file, lineno,
                           name ? "case '" : "", name ? name : "", name ? "': " : "", msg);
    g_free(msg);
    u->st->failed++;
}

/* Split "PATH == VALUE" at the operator outside brackets and strings. */
static gboolean split_check(const char *s, char **path, char **op, char **value)
{
    int depth = 0;
    gboolean in_str = FALSE;
    for (const char *p = s; *p; p++) {
        if (in_str) {
            if (*p == '\\' && p[1]) p++;
            else if (*p == '"') in_str = FALSE;
            continue;
        }
        if (*p == '"') in_str = TRUE;
        else if (*p == '[') depth++;
        else if (*p == ']') depth--;
        else if (depth == 0 && (p[0] == '=' || p[0] == '!') && p[1] == '=') {
            *path = g_strstrip(g_strndup(s, (gsize)(p - s)));
            *op = g_strndup(p, 2);
            *value = g_strstrip(g_strdup(p + 2));
            return **path && **value;
        }
    }
    return FALSE;
}

static char *node_text(JsonNode *n)
{
    return json_to_string(n, FALSE);
}

static void run_check(runner *u, const rcase *c, JsonNode *rec, const check *k)
{
    char *path = NULL, *op = NULL, *value = NULL, *err = NULL;
    JsonNode *want = NULL, *got = NULL;
    u->st->checks++;
    if (!split_check(k->line, &path, &op, &value)) {
        fail(u, k->lineno, c->name, "'%s': expected PATH == VALUE or PATH != VALUE", k->line);
        goto out;
    }
    GError *e = NULL;
    want = json_from_string(value, &e);
    if (!want) {
        fail(u, k->lineno, c->name, "'%s' is not a JSON value%s%s", value, e ? ": " : "",
             e ? e->message : "");
        g_clear_error(&e);
        goto out;
    }
    got = ms_jpath_eval(rec, path, &err);
    if (!got) {
        fail(u, k->lineno, c->name, "%s", err);
        goto out;
    }
    gboolean eq = json_node_equal(got, want);
    if (eq != (op[0] == '=')) {
        char *g = node_text(got), *w = node_text(want);
        fail(u, k->lineno, c->name, "%s: expected %s%s, got %s", path, op[0] == '!' ? "not " : "",
             w, g);
        g_free(g);
        g_free(w);
    }
out:
    if (want) json_node_unref(want);
    if (got) json_node_unref(got);
    g_free(path);
    g_free(op);
    g_free(value);
    g_free(err);
}

static void run_case(runner *u, rcase *c)
{
    if (!c->name) return;
    u->st->cases++;
    if (!c->text->len || !c->checks->len) {
        fail(u, c->lineno, c->name, "a case needs text ('>' lines) and at least one check");
        return;
    }
    ms_text *t = ms_text_from_plain(c->text->str);
    char *where = g_strdup_printf("%s:%d", u->file, c->lineno);
    ms_result *r = ms_result_new(where);
    r->format = "text";
    r->x = ms_extract(u->rs, u->m, t);
    JsonNode *rec = ms_record_build(r, u->dir);
    for (guint i = 0; i < c->checks->len; i++)
        run_check(u, c, rec, &g_array_index(c->checks, check, i));
    json_node_unref(rec);
    ms_result_free(r);
    ms_text_free(t);
    g_free(where);
}

static void case_reset(rcase *c, const char *name, int lineno)
{
    g_free(c->name);
    c->name = g_strdup(name);
    c->lineno = lineno;
    g_string_truncate(c->text, 0);
    g_array_set_size(c->checks, 0);
}

static void add_text(rcase *c, const char *line)
{
    if (strcmp(line, ">>>") == 0) {
        g_string_append_c(c->text, '\f');
        return;
    }
    line++;
    if (*line == ' ') line++;
    if (c->text->len && c->text->str[c->text->len - 1] != '\f') g_string_append_c(c->text, '\n');
    g_string_append(c->text, line);
}

static void run_file(runner *u, const char *data)
{
    rcase c = {NULL, 0, g_string_new(NULL), g_array_new(FALSE, TRUE, sizeof(check))};
    g_array_set_clear_func(c.checks, check_clear);
    char **lines = g_strsplit(data, "\n", -1);
    for (int i = 0; lines[i]; i++) {
        char *raw = lines[i];
        gsize n = strlen(raw);
        if (n && raw[n - 1] == '\r') raw[--n] = 0;
        char *s = g_strstrip(g_strdup(raw));
        if (!*s || *s == '#') {
        } else if (g_str_has_prefix(s, "[case ") && g_str_has_suffix(s, "]")) {
            run_case(u, &c);
            s[strlen(s) - 1] = 0;
            case_reset(&c, g_strstrip(s + 6), i + 1);
        } else if (!c.name) {
            fail(u, i + 1, NULL, "'%s' before the first [case NAME]", s);
        } else if (*s == '>') {
            add_text(&c, g_strchug(raw));
        } else {
            check k = {g_strdup(s), i + 1};
            g_array_append_val(c.checks, k);
        }
        g_free(s);
    }
    run_case(u, &c);
    g_strfreev(lines);
    g_free(c.name);
    g_string_free(c.text, TRUE);
    g_array_free(c.checks, TRUE);
}

static gint by_name(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int ms_rule_cases_run(const ms_ruleset *rs, ms_matcher *m, const char *dir, GString *diag,
                      ms_case_stats *stats)
{
    ms_case_stats st = {0};
    char *tdir = g_build_filename(dir, "tests", NULL);
    GDir *d = g_dir_open(tdir, 0, NULL);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (const char *n; d && (n = g_dir_read_name(d));)
        if (g_str_has_suffix(n, ".cases")) g_ptr_array_add(names, g_strdup(n));
    if (d) g_dir_close(d);
    g_ptr_array_sort(names, by_name);
    for (guint i = 0; i < names->len; i++) {
        char *path = g_build_filename(tdir, g_ptr_array_index(names, i), NULL);
        runner u = {rs, m, dir, path, diag, &st};
        char *data = NULL;
        GError *e = NULL;
        if (g_file_get_contents(path, &data, NULL, &e)) {
            st.files++;
            run_file(&u, data);
        } else {
            fail(&u, 0, NULL, "cannot read: %s", e->message);
            g_clear_error(&e);
        }
        g_free(data);
        g_free(path);
    }
    g_ptr_array_free(names, TRUE);
    g_free(tdir);
    if (stats) *stats = st;
    return st.failed;
}
