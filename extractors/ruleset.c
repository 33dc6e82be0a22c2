#include "extractors/ruleset.h"

#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

#include "pipeline/limits.h"
#include "pipeline/ms_error.h"

#define MAX_GROUPS 255
#define MAX_MACRO_DEPTH 8

typedef struct {
    char *name;
    char *pattern;
    char *file;
    int line, col; /* where the pattern value starts */
    gboolean used;
    gboolean builtin;
    gboolean marks; /* matches the placeholders of marked text */
} macro;

struct ms_ruleset {
    char *dir;
    ms_gazetteer *gaz;
    GPtrArray *rules;    /* ms_rule*, owned, in load order */
    GHashTable *fields;  /* field -> GPtrArray of ms_rule* (borrowed) */
    GHashTable *macros;  /* name -> macro*, owned */
    ms_deadlines *deadlines; /* rules/deadlines.conf, or NULL when the folder has none */
    ms_rule *names;      /* finds gazetteer names; owned, not in rules */
    ms_rule *demonyms;   /* finds gazetteer demonyms; owned, not in rules */
};

struct ms_matcher {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    GArray *warnings; /* ms_match_warning, since the last ms_matcher_take_warnings() */
};

/* The vocabularies of DOMAIN.md: a fixed value outside them is an error. */
static const char *const motion_types[] = {
    "pretermit", "dismiss", "terminate", "designate_country", "change_venue", "continuance",
    "reopen", "reconsider", "remand", "recalendar", "mpp", "opposition", "order", "other", NULL};
static const char *const filers[] = {"dhs", "respondent", "court", "unknown", NULL};
static const char *const roles[] = {"removal", "requested", "nationality", "feared", "background",
                                    "mpp_return", "negated", "impossible", "history",
                                    "denied", NULL};
static const char *const booleans[] = {"true", "false", NULL};
static const char *const proceedings[] = {"removal", "asylum_only", "withholding_only", "bond",
                                          NULL};
static const char *const scope_names[] = {"document", "title",   "page1",      "body",
                                          "exhibits", "caption", "certificate"};
G_STATIC_ASSERT(G_N_ELEMENTS(scope_names) == MS_SCOPE__COUNT);

typedef struct {
    const char *field;
    const char *const *vocabulary; /* NULL: any value (usually ${group}) */
} field_spec;

static const field_spec fields[] = {
    {"motion_type", motion_types}, {"filer", filers}, {"a_number", NULL},
    {"respondent", NULL},          {"country_role", roles}, {"not_country", NULL},
    {"clause_role", roles},
    {"court", NULL},               {"detained", booleans},
    {"judge", NULL},               {"hearing_date", NULL},  {"hearing_time", NULL},
    {"filed_date", NULL},          {"proceeding_type", proceedings}, {"authority", NULL},
};

static const field_spec *find_field(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(fields); i++)
        if (strcmp(fields[i].field, name) == 0) return &fields[i];
    return NULL;
}

static gboolean in_vocabulary(const char *const *vocab, const char *v)
{
    for (; *vocab; vocab++)
        if (strcmp(*vocab, v) == 0) return TRUE;
    return FALSE;
}

/* ---- diagnostics ---------------------------------------------------------- */

typedef struct {
    GString *diag;
    int errors;
    gboolean marks_used; /* the pattern being compiled used {{COUNTRY}} or {{DEMONYM}} */
} report;

static void diag_at(report *r, const char *sev, const char *file, int line, int col,
                    const char *src_line, const char *fmt, ...) G_GNUC_PRINTF(7, 8);

static void diag_at(report *r, const char *sev, const char *file, int line, int col,
                    const char *src_line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (col > 0)
        g_string_append_printf(r->diag, "%s:%d:%d: %s: %s\n", file, line, col, sev, msg);
    else
        g_string_append_printf(r->diag, "%s:%d: %s: %s\n", file, line, sev, msg);
    if (src_line && col > 0) {
        g_string_append_printf(r->diag, "  %s\n  ", src_line);
        for (int i = 1; i < col; i++) g_string_append_c(r->diag, src_line[i - 1] == '\t' ? '\t' : ' ');
        g_string_append(r->diag, "^\n");
    }
    if (strcmp(sev, "error") == 0) r->errors++;
    g_free(msg);
}

/* ---- rules and macros ----------------------------------------------------- */

static void rule_free(gpointer p)
{
    ms_rule *r = p;
    if (!r) return;
    g_free(r->id);
    g_free(r->field);
    g_free(r->value);
    g_free(r->file);
    pcre2_code_free(r->code);
    g_ptr_array_free(r->examples, TRUE);
    g_ptr_array_free(r->counters, TRUE);
    g_free(r);
}

static void macro_free(gpointer p)
{
    macro *m = p;
    g_free(m->name);
    g_free(m->pattern);
    g_free(m->file);
    g_free(m);
}

/* A section being parsed: a rule or a macro, with where its keys were. */
typedef struct {
    gboolean is_macro;
    char *name;
    char *file;
    int line;
    char *header_text;
    ms_rule *rule;
    char *pattern;
    int pattern_line, pattern_col;
    char *pattern_text; /* the whole source line, for carets */
    char *scope_text;
    int weight_line;
} section;

static void section_clear(section *s)
{
    g_free(s->name);
    g_free(s->file);
    g_free(s->header_text);
    g_free(s->pattern);
    g_free(s->pattern_text);
    g_free(s->scope_text);
    rule_free(s->rule);
    memset(s, 0, sizeof *s);
}

/* Expand {{NAME}} references.  `segs` records, for each piece of the output,
 * the source column it came from, so a PCRE2 error offset maps back to the
 * column the author wrote. */
typedef struct {
    gsize out_off;
    int src_col;
    const char *macro; /* non-NULL when the piece is a macro's expansion */
} segment;

static gboolean expand(ms_ruleset *rs, const char *src, int src_col0, int depth, GString *out,
                       GArray *segs, report *r, const char *file, int line, const char *src_line)
{
    const char *p = src;
    while (*p) {
        const char *open = strstr(p, "{{");
        if (segs) {
            segment sg = {out->len, src_col0 + (int)(p - src), NULL};
            g_array_append_val(segs, sg);
        }
        if (!open) {
            g_string_append(out, p);
            break;
        }
        g_string_append_len(out, p, open - p);
        const char *close = strstr(open + 2, "}}");
        int col = src_col0 + (int)(open - src);
        if (!close) {
            diag_at(r, "error", file, line, col, src_line, "'{{' without a closing '}}'");
            return FALSE;
        }
        char *name = g_strndup(open + 2, close - open - 2);
        macro *m = g_hash_table_lookup(rs->macros, name);
        if (!m) {
            diag_at(r, "error", file, line, col, src_line, "unknown macro '%s'", name);
            g_free(name);
            return FALSE;
        }
        if (depth >= MAX_MACRO_DEPTH) {
            diag_at(r, "error", file, line, col, src_line,
                    "macro '%s' nests deeper than %d levels (a macro that uses itself?)", name,
                    MAX_MACRO_DEPTH);
            g_free(name);
            return FALSE;
        }
        m->used = TRUE;
        if (m->marks) r->marks_used = TRUE;
        if (segs) {
            segment sg = {out->len, col, m->name};
            g_array_append_val(segs, sg);
        }
        g_string_append(out, "(?:");
        gboolean ok = expand(rs, m->pattern, m->col, depth + 1, out, NULL, r, m->file, m->line, NULL);
        g_string_append(out, ")");
        g_free(name);
        if (!ok) return FALSE;
        p = close + 2;
    }
    return TRUE;
}

static pcre2_code *compile(ms_ruleset *rs, const char *src, const char *file, int line, int col,
                           const char *src_line, report *r)
{
    GString *exp = g_string_new(NULL);
    GArray *segs = g_array_new(FALSE, FALSE, sizeof(segment));
    pcre2_code *code = NULL;
    if (!expand(rs, src, col, 0, exp, segs, r, file, line, src_line)) goto out;
    int errcode;
    PCRE2_SIZE erroff;
    code = pcre2_compile((PCRE2_SPTR)exp->str, exp->len,
                         PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MULTILINE | PCRE2_DUPNAMES, &errcode,
                         &erroff, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        int ecol = col;
        const char *in_macro = NULL;
        for (guint i = 0; i < segs->len; i++) {
            segment *sg = &g_array_index(segs, segment, i);
            if (sg->out_off > erroff) break;
            in_macro = sg->macro;
            ecol = sg->macro ? sg->src_col : sg->src_col + (int)(erroff - sg->out_off);
        }
        if (in_macro)
            diag_at(r, "error", file, line, ecol, src_line, "%s (inside macro '%s')", msg, in_macro);
        else
            diag_at(r, "error", file, line, ecol, src_line, "%s", msg);
        goto out;
    }
    /* Without JIT it still works, slower.  MOTIONSCAN_NO_JIT=1 turns JIT off
     * for Valgrind, which cannot follow JIT-generated code (false reports). */
    if (!g_getenv("MOTIONSCAN_NO_JIT")) pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
out:
    g_string_free(exp, TRUE);
    g_array_free(segs, TRUE);
    return code;
}

/* Every group called `name` (PCRE2_DUPNAMES lets alternatives reuse a name),
 * written to out[] and ended with 0.  Returns how many. */
static int group_numbers(pcre2_code *code, const char *name, int out[MS_RULE_MAX_NAMED])
{
    PCRE2_SPTR first = NULL, last = NULL;
    uint32_t entry = 0;
    int n = 0;
    memset(out, 0, sizeof(int) * MS_RULE_MAX_NAMED);
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry);
    int rc = pcre2_substring_nametable_scan(code, (PCRE2_SPTR)name, &first, &last);
    if (rc < 0 || !first) return 0;
    for (PCRE2_SPTR e = first; e <= last && n < MS_RULE_MAX_NAMED - 1; e += entry)
        out[n++] = (e[0] << 8) | e[1];
    return n;
}

static void finish_section(ms_ruleset *rs, section *s, report *r)
{
    if (!s->name) return;
    if (s->is_macro) {
        if (!s->pattern) {
            diag_at(r, "error", s->file, s->line, 0, NULL, "macro '%s' has no pattern", s->name);
        } else if (g_hash_table_contains(rs->macros, s->name)) {
            diag_at(r, "error", s->file, s->line, 0, NULL, "macro '%s' is defined twice", s->name);
        } else {
            macro *m = g_new0(macro, 1);
            m->name = g_strdup(s->name);
            m->pattern = g_steal_pointer(&s->pattern);
            m->file = g_strdup(s->file);
            m->line = s->pattern_line;
            m->col = s->pattern_col;
            g_hash_table_insert(rs->macros, m->name, m);
        }
        section_clear(s);
        return;
    }
    /* Rules are compiled once every macro is known: keep the section. */
    ms_rule *rule = s->rule;
    if (!rule->field) diag_at(r, "error", s->file, s->line, 0, NULL, "rule '%s' has no field", s->name);
    if (!s->pattern) diag_at(r, "error", s->file, s->line, 0, NULL, "rule '%s' has no pattern", s->name);
}

/* Parse one file's text (`len` bytes, NUL-terminated) into `pending`
 * sections (rules) and macros; `path` names it in diagnostics. */
static void parse_text(ms_ruleset *rs, const char *path, const char *data, gsize len,
                       GArray *pending, report *r)
{
    /* With a length, a NUL byte is invalid too (it would end the text early). */
    if (!g_utf8_validate(data, (gssize)len, NULL)) {
        diag_at(r, "error", path, 1, 0, NULL, "the file is not valid UTF-8");
        return;
    }
    char **lines = g_strsplit(data, "\n", -1);
    section cur = {0};
    for (int i = 0; lines[i]; i++) {
        int lineno = i + 1;
        char *raw = lines[i];
        g_strchomp(raw);
        const char *l = raw;
        while (*l == ' ' || *l == '\t') l++;
        if (!*l || *l == '#') continue;
        if (*l == '[') {
            if (cur.name) {
                gboolean is_macro = cur.is_macro;
                finish_section(rs, &cur, r);
                if (!is_macro) g_array_append_val(pending, cur);
                memset(&cur, 0, sizeof cur);
            }
            const char *end = strchr(l, ']');
            char *inner = end ? g_strndup(l + 1, end - l - 1) : NULL;
            char **parts = inner ? g_strsplit_set(inner, " \t", 2) : NULL;
            g_free(inner);
            if (!end || !parts[0] || !parts[1] || !*g_strstrip(parts[1]) ||
                (strcmp(parts[0], "rule") != 0 && strcmp(parts[0], "macro") != 0)) {
                diag_at(r, "error", path, lineno, (int)(l - raw) + 1, raw,
                        "expected '[rule ID]' or '[macro NAME]'");
                if (parts) g_strfreev(parts);
                continue;
            }
            cur.is_macro = strcmp(parts[0], "macro") == 0;
            cur.name = g_strdup(g_strstrip(parts[1]));
            cur.file = g_strdup(path);
            cur.line = lineno;
            cur.header_text = g_strdup(raw);
            if (!cur.is_macro) {
                cur.rule = g_new0(ms_rule, 1);
                cur.rule->id = g_strdup(cur.name);
                cur.rule->file = g_strdup(path);
                cur.rule->line = lineno;
                cur.rule->weight = 50;
                cur.rule->scope = MS_SCOPE_DOCUMENT;
                cur.rule->examples = g_ptr_array_new_with_free_func(g_free);
                cur.rule->counters = g_ptr_array_new_with_free_func(g_free);
            }
            g_strfreev(parts);
            continue;
        }
        const char *eq = strchr(l, '=');
        if (!eq) {
            diag_at(r, "error", path, lineno, (int)(l - raw) + 1, raw, "expected 'key = value'");
            continue;
        }
        if (!cur.name) {
            diag_at(r, "error", path, lineno, (int)(l - raw) + 1, raw,
                    "a key before any [rule ...] or [macro ...] section");
            continue;
        }
        char *key = g_strstrip(g_strndup(l, eq - l));
        const char *v = eq + 1;
        while (*v == ' ' || *v == '\t') v++;
        int vcol = (int)(v - raw) + 1;
        int kcol = (int)(l - raw) + 1;
        if (strcmp(key, "pattern") == 0) {
            if (cur.pattern) diag_at(r, "error", path, lineno, kcol, raw, "a second pattern");
            else {
                cur.pattern = g_strdup(v);
                cur.pattern_line = lineno;
                cur.pattern_col = vcol;
                cur.pattern_text = g_strdup(raw);
            }
        } else if (cur.is_macro) {
            diag_at(r, "error", path, lineno, kcol, raw, "a macro has only a pattern, not '%s'", key);
        } else if (strcmp(key, "field") == 0) {
            if (!find_field(v)) {
                GString *known = g_string_new(NULL);
                for (gsize f = 0; f < G_N_ELEMENTS(fields); f++)
                    g_string_append_printf(known, "%s%s", f ? ", " : "", fields[f].field);
                diag_at(r, "error", path, lineno, vcol, raw, "unknown field '%s' (known: %s)", v,
                        known->str);
                g_string_free(known, TRUE);
            }
            g_free(cur.rule->field);
            cur.rule->field = g_strdup(v);
        } else if (strcmp(key, "value") == 0) {
            g_free(cur.rule->value);
            cur.rule->value = g_strdup(v);
        } else if (strcmp(key, "scope") == 0) {
            int found = -1;
            for (int s = 0; s < MS_SCOPE__COUNT; s++)
                if (strcmp(scope_names[s], v) == 0) found = s;
            if (found < 0)
                diag_at(r, "error", path, lineno, vcol, raw,
                        "unknown scope '%s' (known: document, title, caption, page1, body, "
                        "certificate, exhibits)", v);
            else cur.rule->scope = (ms_scope)found;
        } else if (strcmp(key, "weight") == 0) {
            char *endp = NULL;
            long w = strtol(v, &endp, 10);
            if (!*v || *endp || w < 0 || w > 1000)
                diag_at(r, "error", path, lineno, vcol, raw, "weight must be a whole number 0-1000");
            else cur.rule->weight = (int)w;
        } else if (strcmp(key, "example") == 0) {
            g_ptr_array_add(cur.rule->examples, g_strcompress(v)); /* "\n" is a line break */
        } else if (strcmp(key, "counter") == 0) {
            g_ptr_array_add(cur.rule->counters, g_strcompress(v));
        } else {
            diag_at(r, "error", path, lineno, kcol, raw,
                    "unknown key '%s' (known: field, value, scope, weight, pattern, example, counter)",
                    key);
        }
        g_free(key);
    }
    if (cur.name) {
        gboolean is_macro = cur.is_macro;
        finish_section(rs, &cur, r);
        if (!is_macro) g_array_append_val(pending, cur);
    }
    g_strfreev(lines);
}

static void parse_file(ms_ruleset *rs, const char *path, GArray *pending, report *r)
{
    gchar *data = NULL;
    gsize len = 0;
    GError *io = NULL;
    if (!g_file_get_contents(path, &data, &len, &io)) {
        diag_at(r, "error", path, 0, 0, NULL, "%s", io->message);
        g_error_free(io);
        return;
    }
    parse_text(rs, path, data, len, pending, r);
    g_free(data);
}

/* Compile a parsed rule and check what needs the compiled pattern. */
static void compile_rule(ms_ruleset *rs, section *s, report *r)
{
    ms_rule *rule = s->rule;
    if (!rule->field || !s->pattern) return;
    r->marks_used = FALSE;
    rule->code = compile(rs, s->pattern, s->file, s->pattern_line, s->pattern_col,
                         s->pattern_text, r);
    rule->on_marked = r->marks_used;
    if (!rule->code) return;
    uint32_t ngroups = 0;
    pcre2_pattern_info(rule->code, PCRE2_INFO_CAPTURECOUNT, &ngroups);
    if (ngroups > MAX_GROUPS) {
        diag_at(r, "error", s->file, s->pattern_line, 0, NULL, "more than %d groups", MAX_GROUPS);
        return;
    }
    group_numbers(rule->code, "target", rule->target_groups);
    const field_spec *fs = find_field(rule->field);
    const char *v = rule->value;
    if (v && g_str_has_prefix(v, "${") && g_str_has_suffix(v, "}")) {
        char *name = g_strndup(v + 2, strlen(v) - 3);
        if (!group_numbers(rule->code, name, rule->value_groups))
            diag_at(r, "error", s->file, s->line, 0, NULL,
                    "rule '%s': value ${%s} names no group of the pattern", rule->id, name);
        g_free(name);
        g_clear_pointer(&rule->value, g_free);
    } else if (fs && fs->vocabulary && (!v || !in_vocabulary(fs->vocabulary, v))) {
        GString *list = g_string_new(NULL);
        for (const char *const *w = fs->vocabulary; *w; w++)
            g_string_append_printf(list, "%s%s", list->len ? ", " : "", *w);
        diag_at(r, "error", s->file, s->line, 0, NULL, "rule '%s': value '%s' is not one of %s",
                rule->id, v ? v : "(none)", list->str);
        g_string_free(list, TRUE);
    } else if (fs && !fs->vocabulary && !v && strcmp(rule->field, "not_country") != 0) {
        diag_at(r, "error", s->file, s->line, 0, NULL,
                "rule '%s': field %s needs value = ${group}", rule->id, rule->field);
    }
}

static void add_builtin_macro(ms_ruleset *rs, const char *name, const char *pattern,
                              gboolean marks)
{
    macro *m = g_new0(macro, 1);
    m->name = g_strdup(name);
    m->pattern = g_strdup(pattern);
    m->file = g_strdup(ms_gazetteer_path(rs->gaz));
    m->builtin = TRUE;
    m->marks = marks;
    g_hash_table_insert(rs->macros, m->name, m);
}

static ms_rule *internal_rule(ms_ruleset *rs, const char *id, const char *pattern, report *r)
{
    ms_rule *rule = g_new0(ms_rule, 1);
    rule->id = g_strdup(id);
    rule->field = g_strdup("mention");
    rule->file = g_strdup(ms_gazetteer_path(rs->gaz));
    rule->line = 1;
    rule->examples = g_ptr_array_new_with_free_func(g_free);
    rule->counters = g_ptr_array_new_with_free_func(g_free);
    rule->code = compile(rs, pattern, "(built-in)", 1, 1, NULL, r);
    return rule;
}

static gint by_name(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* `text` NULL: the rules are the *.rules files of `dir`; otherwise `text`. */
static gboolean load(const char *dir, const char *text_name, const char *text, gsize text_len,
                     ms_ruleset **out, GString *diag, GError **err)
{
    report r = {diag, 0, FALSE};
    ms_ruleset *rs = g_new0(ms_ruleset, 1);
    rs->dir = g_strdup(dir);
    rs->rules = g_ptr_array_new_with_free_func(rule_free);
    rs->fields = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify)g_ptr_array_unref);
    rs->macros = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, macro_free);

    char *gpath = g_build_filename(dir, "countries.tsv", NULL);
    gboolean gaz_ok = ms_gazetteer_load(gpath, &rs->gaz, diag, NULL);
    g_free(gpath);
    if (!gaz_ok) r.errors++;
    else {
        /* Rules see countries as placeholders (see ms_countries_mark): the
         * whole gazetteer inside every role pattern would pass PCRE2's size
         * limit and cost a scan of a thousand names per rule. */
        add_builtin_macro(rs, "COUNTRY", MS_MARK_NAME_RE, TRUE);
        add_builtin_macro(rs, "DEMONYM", MS_MARK_DEMONYM_RE, TRUE);
        add_builtin_macro(rs, "GAZETTEER_NAMES", ms_gazetteer_pattern(rs->gaz, TRUE), FALSE);
        add_builtin_macro(rs, "GAZETTEER_DEMONYMS", ms_gazetteer_pattern(rs->gaz, FALSE), FALSE);
    }

    char *dpath = g_build_filename(dir, "deadlines.conf", NULL);
    if (g_file_test(dpath, G_FILE_TEST_EXISTS) && !ms_deadlines_load(dpath, &rs->deadlines, diag, NULL))
        r.errors++;
    g_free(dpath);

    GError *derr = NULL;
    GDir *d = text ? NULL : g_dir_open(dir, 0, &derr);
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    if (text) {
        /* the rules come from memory (ms_ruleset_load_text) */
    } else if (!d) {
        g_string_append_printf(diag, "%s: error: %s\n", dir, derr->message);
        g_error_free(derr);
        r.errors++;
    } else {
        const char *name;
        while ((name = g_dir_read_name(d)))
            if (g_str_has_suffix(name, ".rules")) g_ptr_array_add(files, g_build_filename(dir, name, NULL));
        g_dir_close(d);
        g_ptr_array_sort(files, by_name);
        if (!files->len) {
            g_string_append_printf(diag, "%s: error: no *.rules files\n", dir);
            r.errors++;
        }
    }

    GArray *pending = g_array_new(FALSE, TRUE, sizeof(section));
    for (guint i = 0; i < files->len; i++) parse_file(rs, g_ptr_array_index(files, i), pending, &r);
    if (text) {
        char *copy = g_strndup(text, text_len); /* g_strsplit needs the NUL */
        parse_text(rs, text_name, copy, text_len, pending, &r);
        g_free(copy);
    }
    g_ptr_array_free(files, TRUE);

    GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; gaz_ok && i < pending->len; i++) {
        section *s = &g_array_index(pending, section, i);
        const ms_rule *dup = g_hash_table_lookup(ids, s->rule->id);
        if (dup) {
            diag_at(&r, "error", s->file, s->line, 0, NULL, "rule id '%s' is already used at %s:%d",
                    s->rule->id, dup->file, dup->line);
            continue;
        }
        compile_rule(rs, s, &r);
        ms_rule *rule = g_steal_pointer(&s->rule);
        g_hash_table_insert(ids, rule->id, rule);
        g_ptr_array_add(rs->rules, rule);
        if (rule->field) {
            GPtrArray *list = g_hash_table_lookup(rs->fields, rule->field);
            if (!list) {
                list = g_ptr_array_new();
                g_hash_table_insert(rs->fields, rule->field, list);
            }
            g_ptr_array_add(list, rule);
        }
    }
    g_hash_table_destroy(ids);
    for (guint i = 0; i < pending->len; i++) section_clear(&g_array_index(pending, section, i));
    g_array_free(pending, TRUE);

    if (gaz_ok) {
        rs->names = internal_rule(rs, "gazetteer.name", "{{GAZETTEER_NAMES}}", &r);
        rs->demonyms = internal_rule(rs, "gazetteer.demonym", "{{GAZETTEER_DEMONYMS}}", &r);
    }

    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, rs->macros);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        macro *m = v;
        if (!m->used && !m->builtin)
            diag_at(&r, "warning", m->file, m->line, 0, NULL, "macro '%s' is never used", m->name);
    }

    if (r.errors) {
        g_set_error(err, MS_ERROR, MS_ERR_RULES, "%d error%s in the rules in %s", r.errors,
                    r.errors == 1 ? "" : "s", dir);
        ms_ruleset_free(rs);
        return FALSE;
    }
    *out = rs;
    return TRUE;
}

gboolean ms_ruleset_load(const char *dir, ms_ruleset **out, GString *diag, GError **err)
{
    return load(dir, NULL, NULL, 0, out, diag, err);
}

gboolean ms_ruleset_load_text(const char *dir, const char *name, const char *text, gsize len,
                              ms_ruleset **out, GString *diag, GError **err)
{
    return load(dir, name, text, len, out, diag, err);
}

void ms_ruleset_free(ms_ruleset *rs)
{
    if (!rs) return;
    g_hash_table_destroy(rs->fields);
    g_ptr_array_free(rs->rules, TRUE);
    g_hash_table_destroy(rs->macros);
    ms_deadlines_free(rs->deadlines);
    rule_free(rs->names);
    rule_free(rs->demonyms);
    ms_gazetteer_free(rs->gaz);
    g_free(rs->dir);
    g_free(rs);
}

const ms_gazetteer *ms_ruleset_gazetteer(const ms_ruleset *rs)
{
    return rs->gaz;
}

guint ms_ruleset_size(const ms_ruleset *rs)
{
    return rs->rules->len;
}

const ms_rule *ms_ruleset_rule(const ms_ruleset *rs, guint i)
{
    return g_ptr_array_index(rs->rules, i);
}

const GPtrArray *ms_ruleset_for_field(const ms_ruleset *rs, const char *field)
{
    static GPtrArray *empty; /* never written to */
    GPtrArray *l = g_hash_table_lookup(rs->fields, field);
    if (l) return l;
    if (g_once_init_enter(&empty)) g_once_init_leave(&empty, g_ptr_array_new());
    return empty;
}

const ms_rule *ms_ruleset_gazetteer_rule(const ms_ruleset *rs, gboolean demonyms)
{
    return demonyms ? rs->demonyms : rs->names;
}

const ms_deadlines *ms_ruleset_deadlines(const ms_ruleset *rs)
{
    return rs->deadlines;
}

const char *ms_ruleset_dir(const ms_ruleset *rs)
{
    return rs->dir;
}

/* ---- matching ------------------------------------------------------------- */

ms_matcher *ms_matcher_new(void)
{
    ms_matcher *m = g_new0(ms_matcher, 1);
    m->md = pcre2_match_data_create(MAX_GROUPS + 1, NULL);
    m->mctx = pcre2_match_context_create(NULL);
    m->jit = pcre2_jit_stack_create(32 * 1024, 2 * 1024 * 1024, NULL);
    pcre2_jit_stack_assign(m->mctx, NULL, m->jit);
    pcre2_set_match_limit(m->mctx, MS_PCRE2_MATCH_LIMIT);
    pcre2_set_depth_limit(m->mctx, MS_PCRE2_DEPTH_LIMIT);
    m->warnings = g_array_new(FALSE, FALSE, sizeof(ms_match_warning));
    return m;
}

void ms_matcher_free(ms_matcher *m)
{
    if (!m) return;
    pcre2_match_data_free(m->md);
    pcre2_match_context_free(m->mctx);
    pcre2_jit_stack_free(m->jit);
    g_array_free(m->warnings, TRUE);
    g_free(m);
}

/* The first of `groups` that took part in the match, or 0. */
static int first_set(const int *groups, const PCRE2_SIZE *ov, int rc)
{
    for (int i = 0; i < MS_RULE_MAX_NAMED && groups[i]; i++)
        if (groups[i] < rc && ov[2 * groups[i]] != PCRE2_UNSET) return groups[i];
    return 0;
}

static void warn(ms_matcher *m, const char *code, const ms_rule *rule, int rc)
{
    for (guint i = 0; i < m->warnings->len; i++) {
        const ms_match_warning *w = &g_array_index(m->warnings, ms_match_warning, i);
        if (w->rule == rule && strcmp(w->code, code) == 0) return;
    }
    ms_match_warning w = {code, rule, rc};
    g_array_append_val(m->warnings, w);
}

void ms_matcher_take_warnings(ms_matcher *m, GArray *out)
{
    if (out) g_array_append_vals(out, m->warnings->data, m->warnings->len);
    g_array_set_size(m->warnings, 0);
}

gboolean ms_rule_match_all(const ms_rule *rule, ms_matcher *m, const char *subject, gsize from,
                           gsize to, GArray *out)
{
    if (!rule->code) return TRUE;
    PCRE2_SIZE off = from;
    int found = 0;
    int cap = rule->field && strcmp(rule->field, "mention") == 0 ? MS_MAX_MENTIONS
                                                                  : MS_MAX_MATCHES_PER_RULE;
    while (off <= to) {
        int rc = pcre2_match(rule->code, (PCRE2_SPTR)subject, to, off, 0, m->md, m->mctx);
        if (rc == PCRE2_ERROR_NOMATCH) return TRUE;
        if (rc < 0) { /* a limit, or a bad offset: stop this rule, and say so */
            gboolean limit = rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
                             rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
            warn(m, limit ? "match_limit" : "match_error", rule, rc);
            return FALSE;
        }
        if (found == cap) { /* one more match than are kept */
            warn(m, "match_cap", rule, 0);
            return TRUE;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
        ms_match mt = {ov[0], ov[1], ov[0], ov[1], 0, 0};
        int g = first_set(rule->target_groups, ov, rc);
        if (g) mt.tstart = ov[2 * g], mt.tend = ov[2 * g + 1];
        g = first_set(rule->value_groups, ov, rc);
        if (g) mt.vstart = ov[2 * g], mt.vend = ov[2 * g + 1];
        g_array_append_val(out, mt);
        found++;
        if (ov[1] > off) off = ov[1];
        else { /* empty match: step one character */
            off++;
            while (off < to && (subject[off] & 0xC0) == 0x80) off++;
        }
    }
    return TRUE;
}

int ms_ruleset_test(const ms_ruleset *rs, ms_matcher *m, GString *diag, int *n_checked)
{
    int failures = 0, checked = 0;
    GArray *hits = g_array_new(FALSE, FALSE, sizeof(ms_match));
    for (guint i = 0; i < rs->rules->len; i++) {
        const ms_rule *rule = g_ptr_array_index(rs->rules, i);
        for (int kind = 0; kind < 2; kind++) {
            GPtrArray *list = kind == 0 ? rule->examples : rule->counters;
            for (guint j = 0; j < list->len; j++) {
                const char *ex = g_ptr_array_index(list, j);
                char *subject = g_strdup(ex);
                if (rule->on_marked) {
                    GArray *spans = g_array_new(FALSE, FALSE, sizeof(ms_span));
                    ms_countries_find(rs, m, ex, strlen(ex), spans);
                    g_free(subject);
                    subject = ms_countries_mark(ex, strlen(ex), spans);
                    g_array_free(spans, TRUE);
                }
                g_array_set_size(hits, 0);
                ms_rule_match_all(rule, m, subject, 0, strlen(subject), hits);
                g_free(subject);
                gboolean matched = hits->len > 0;
                checked++;
                if (matched != (kind == 0)) {
                    failures++;
                    g_string_append_printf(diag, "%s:%d: error: rule '%s' %s: \"%s\"\n",
                                           rule->file, rule->line, rule->id,
                                           kind == 0 ? "does not match its example"
                                                     : "matches its counter-example",
                                           ex);
                }
            }
        }
    }
    g_array_free(hits, TRUE);
    if (n_checked) *n_checked = checked;
    return failures;
}
