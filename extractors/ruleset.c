/* ruleset — rule files compiled once into an immutable set (see ruleset.h). */
#include "extractors/ruleset.h"

#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

#include "extractors/facts.h"
#include "extractors/mentions.h"
#include "extractors/ocr_digits.h"
#include "extractors/rule_parse.h"
#include "pipeline/base/limits.h"
#include "pipeline/base/ms_error.h"

#define MAX_GROUPS 255
#define MAX_MACRO_DEPTH 8

struct ms_matcher {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    GArray *warnings; /* ms_match_warning, since the last ms_matcher_take_warnings() */
};

static void macro_free(gpointer p)
{
    macro *m = p;
    g_free(m->name);
    g_free(m->pattern);
    g_free(m->file);
    g_free(m);
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
            ms_rule_diag(r, "error", file, line, col, src_line, "'{{' without a closing '}}'");
            return FALSE;
        }
        char *name = g_strndup(open + 2, close - open - 2);
        macro *m = g_hash_table_lookup(rs->macros, name);
        if (!m) {
            ms_rule_diag(r, "error", file, line, col, src_line, "unknown macro '%s'", name);
            g_free(name);
            return FALSE;
        }
        if (depth >= MAX_MACRO_DEPTH) {
            ms_rule_diag(r, "error", file, line, col, src_line,
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
            ms_rule_diag(r, "error", file, line, ecol, src_line, "%s (inside macro '%s')", msg, in_macro);
        else
            ms_rule_diag(r, "error", file, line, ecol, src_line, "%s", msg);
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
        ms_rule_diag(r, "error", s->file, s->pattern_line, 0, NULL, "more than %d groups", MAX_GROUPS);
        return;
    }
    group_numbers(rule->code, "target", rule->target_groups);
    const field_spec *fs = ms_rule_field(rule->field);
    const char *v = rule->value;
    if (v && g_str_has_prefix(v, "${") && g_str_has_suffix(v, "}")) {
        char *name = g_strndup(v + 2, strlen(v) - 3);
        if (!group_numbers(rule->code, name, rule->value_groups))
            ms_rule_diag(r, "error", s->file, s->line, 0, NULL,
                    "rule '%s': value ${%s} names no group of the pattern", rule->id, name);
        g_free(name);
        g_clear_pointer(&rule->value, g_free);
    } else if (fs && fs->vocabulary && (!v || !ms_rule_in_vocabulary(fs->vocabulary, v))) {
        GString *list = g_string_new(NULL);
        for (const char *const *w = fs->vocabulary; *w; w++)
            g_string_append_printf(list, "%s%s", list->len ? ", " : "", *w);
        ms_rule_diag(r, "error", s->file, s->line, 0, NULL, "rule '%s': value '%s' is not one of %s",
                rule->id, v ? v : "(none)", list->str);
        g_string_free(list, TRUE);
    } else if (fs && !fs->vocabulary && !v && strcmp(rule->field, "not_country") != 0) {
        ms_rule_diag(r, "error", s->file, s->line, 0, NULL,
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

/* The gazetteer (DIR/countries.tsv), the US states (DIR/us_states.tsv), the
 * fuzzy-name tables (DIR/fuzzy.conf), the macros they give and the deadline policy (DIR/deadlines.conf, optional).  FALSE when the gazetteer failed. */
static gboolean load_data(ms_ruleset *rs, const char *dir, report *r)
{
    char *gpath = g_build_filename(dir, "countries.tsv", NULL);
    gboolean gaz_ok = ms_gazetteer_load(gpath, &rs->gaz, r->diag, NULL);
    g_free(gpath);
    if (!gaz_ok) r->errors++;
    else {
        /* Rules see countries as placeholders (see ms_countries_mark): the
         * whole gazetteer inside every role pattern would pass PCRE2's size
         * limit and cost a scan of a thousand names per rule. */
        add_builtin_macro(rs, "COUNTRY", MS_MARK_NAME_RE, TRUE);
        add_builtin_macro(rs, "DEMONYM", MS_MARK_DEMONYM_RE, TRUE);
        add_builtin_macro(rs, "GAZETTEER_NAMES", ms_gazetteer_pattern(rs->gaz, TRUE), FALSE);
        add_builtin_macro(rs, "GAZETTEER_DEMONYMS", ms_gazetteer_pattern(rs->gaz, FALSE), FALSE);
        add_builtin_macro(rs, "DIGIT_LIKE", ms_ocr_digit_class(), FALSE);
        gsize n = 0;
        const ms_cite_form *forms = ms_cite_forms(&n);
        for (gsize i = 0; i < n; i++) add_builtin_macro(rs, forms[i].macro, forms[i].pattern, FALSE);
    }
    char *spath = g_build_filename(dir, "us_states.tsv", NULL);
    char *cpath = g_build_filename(dir, "courts.tsv", NULL);
    if (ms_us_states_load(spath, &rs->states, r->diag)) {
        add_builtin_macro(rs, "US_STATE", ms_us_states_pattern(rs->states), FALSE);
        ms_us_states_add_courts(rs->states, cpath);
    } else {
        r->errors++;
    }
    g_free(cpath);
    g_free(spath);
    char *fpath = g_build_filename(dir, "fuzzy.conf", NULL);
    if (!ms_fuzzy_load(fpath, &rs->fuzzy, r->diag)) r->errors++;
    g_free(fpath);
    char *dpath = g_build_filename(dir, "deadlines.conf", NULL);
    if (g_file_test(dpath, G_FILE_TEST_EXISTS) && !ms_deadlines_load(dpath, &rs->deadlines, r->diag, NULL))
        r->errors++;
    g_free(dpath);
    return gaz_ok;
}

/* The *.rules files of `dir`, in name order (an error when there are none). */
static GPtrArray *rule_files(const char *dir, report *r)
{
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    GError *derr = NULL;
    GDir *d = g_dir_open(dir, 0, &derr);
    if (!d) {
        g_string_append_printf(r->diag, "%s: error: %s\n", dir, derr->message);
        g_error_free(derr);
        r->errors++;
        return files;
    }
    const char *name;
    while ((name = g_dir_read_name(d)))
        if (g_str_has_suffix(name, ".rules")) g_ptr_array_add(files, g_build_filename(dir, name, NULL));
    g_dir_close(d);
    g_ptr_array_sort(files, by_name);
    if (!files->len) {
        g_string_append_printf(r->diag, "%s: error: no *.rules files\n", dir);
        r->errors++;
    }
    return files;
}

/* Compile the parsed rules, in order, into the ruleset and its field index;
 * a rule id used twice is an error. */
static void add_rules(ms_ruleset *rs, GArray *pending, report *r)
{
    GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < pending->len; i++) {
        section *s = &g_array_index(pending, section, i);
        const ms_rule *dup = g_hash_table_lookup(ids, s->rule->id);
        if (dup) {
            ms_rule_diag(r, "error", s->file, s->line, 0, NULL, "rule id '%s' is already used at %s:%d",
                         s->rule->id, dup->file, dup->line);
            continue;
        }
        compile_rule(rs, s, r);
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
}

static void warn_unused_macros(ms_ruleset *rs, report *r)
{
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, rs->macros);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        macro *m = v;
        if (!m->used && !m->builtin)
            ms_rule_diag(r, "warning", m->file, m->line, 0, NULL, "macro '%s' is never used", m->name);
    }
}

/* `text` NULL: the rules are the *.rules files of `dir`; otherwise `text`. */
static gboolean load(const char *dir, const char *text_name, const char *text, gsize text_len,
                     ms_ruleset **out, GString *diag, GError **err)
{
    report r = {diag, 0, FALSE};
    ms_ruleset *rs = g_new0(ms_ruleset, 1);
    rs->rules = g_ptr_array_new_with_free_func(ms_rule_free);
    rs->fields = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify)g_ptr_array_unref);
    rs->macros = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, macro_free);
    gboolean gaz_ok = load_data(rs, dir, &r);

    GPtrArray *files = text ? g_ptr_array_new_with_free_func(g_free) : rule_files(dir, &r);
    GArray *pending = g_array_new(FALSE, TRUE, sizeof(section));
    for (guint i = 0; i < files->len; i++) ms_rule_parse_file(rs, g_ptr_array_index(files, i), pending, &r);
    if (text) { /* the rules come from memory (ms_ruleset_load_text) */
        char *copy = g_strndup(text, text_len); /* g_strsplit needs the NUL */
        ms_rule_parse_text(rs, text_name, copy, text_len, pending, &r);
        g_free(copy);
    }
    g_ptr_array_free(files, TRUE);
    if (gaz_ok) add_rules(rs, pending, &r);
    for (guint i = 0; i < pending->len; i++) ms_rule_section_clear(&g_array_index(pending, section, i));
    g_array_free(pending, TRUE);

    if (gaz_ok) {
        rs->names = internal_rule(rs, "gazetteer.name", "{{GAZETTEER_NAMES}}", &r);
        rs->demonyms = internal_rule(rs, "gazetteer.demonym", "{{GAZETTEER_DEMONYMS}}", &r);
    }
    warn_unused_macros(rs, &r);
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
    ms_rule_free(rs->names);
    ms_rule_free(rs->demonyms);
    ms_gazetteer_free(rs->gaz);
    ms_us_states_free(rs->states);
    ms_fuzzy_free(rs->fuzzy);
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

const ms_fuzzy *ms_ruleset_fuzzy(const ms_ruleset *rs)
{
    return rs->fuzzy;
}

const ms_us_states *ms_ruleset_us_states(const ms_ruleset *rs)
{
    return rs->states;
}

const ms_deadlines *ms_ruleset_deadlines(const ms_ruleset *rs)
{
    return rs->deadlines;
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

void ms_ruleset_match_field(const ms_ruleset *rs, ms_matcher *m, const char *field,
                            const char *text, const char *marked, const gsize *scope_start,
                            const gsize *scope_end, const ms_field_visitor *v)
{
    const GPtrArray *rules = ms_ruleset_for_field(rs, field);
    GArray *hits = g_array_new(FALSE, FALSE, sizeof(ms_match));
    for (guint i = 0; i < rules->len; i++) {
        const ms_rule *r = g_ptr_array_index(rules, i);
        gsize from = scope_start[r->scope], to = scope_end[r->scope];
        if (from >= to || (v->rule && !v->rule(r, v->user))) continue;
        g_array_set_size(hits, 0);
        ms_rule_match_all(r, m, r->on_marked ? marked : text, from, to, hits);
        for (guint j = 0; j < hits->len; j++) v->hit(r, &g_array_index(hits, ms_match, j), v->user);
    }
    g_array_free(hits, TRUE);
}
