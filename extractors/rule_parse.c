/* rule_parse — rule files into sections and macros (see rule_parse.h). */
#include "extractors/rule_parse.h"

#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

/* The vocabularies of DOMAIN.md: a fixed value outside them is an error. */
static const char *const motion_types[] = {
    "pretermit", "dismiss", "terminate", "designate_country", "change_venue", "continuance",
    "reopen", "reconsider", "remand", "recalendar", "mpp", "opposition", "order", "other", NULL};
static const char *const filers[] = {"dhs", "respondent", "court", "unknown", NULL};
static const char *const roles[] = {"removal", "requested", "nationality", "feared", "background",
                                    "mpp_return", "negated", "impossible", "history",
                                    "denied", NULL};
/* The cues of rules/stack.rules (extractors/stack.c weighs them). */
static const char *const stack_cues[] = {"caption", "title", "certificate", "signature", "page_number", "exhibit",
                                         "proposed_order", "fax_cover", "separator", "fax_header",
                                         NULL};
/* What a barcode value means (rules/stack.rules, field stack_barcode). */
static const char *const stack_barcodes[] = {"separator", NULL};
static const char *const booleans[] = {"true", "false", NULL};
static const char *const proceedings[] = {"removal", "asylum_only", "withholding_only", "bond",
                                          NULL};
static const char *const scope_names[] = {"document", "title",   "page1",      "body",
                                          "exhibits", "caption", "certificate"};
G_STATIC_ASSERT(G_N_ELEMENTS(scope_names) == MS_SCOPE__COUNT);

static const field_spec fields[] = {
    {"motion_type", motion_types}, {"filer", filers}, {"a_number", NULL},
    {"respondent", NULL},          {"country_role", roles}, {"not_country", NULL},
    {"clause_role", roles},
    {"court", NULL},               {"detained", booleans},
    {"judge", NULL},               {"hearing_date", NULL},  {"hearing_time", NULL},
    {"filed_date", NULL},          {"proceeding_type", proceedings}, {"authority", NULL},
    {"received_date", NULL},       {"ecas_date", NULL},     {"service_date", NULL},
    {"signature_date", NULL},      {"stack_cue", stack_cues},
    {"stack_barcode", stack_barcodes},
};

const field_spec *ms_rule_field(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(fields); i++)
        if (strcmp(fields[i].field, name) == 0) return &fields[i];
    return NULL;
}

gboolean ms_rule_in_vocabulary(const char *const *vocab, const char *v)
{
    for (; *vocab; vocab++)
        if (strcmp(*vocab, v) == 0) return TRUE;
    return FALSE;
}

void ms_rule_diag(report *r, const char *sev, const char *file, int line, int col,
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

void ms_rule_free(gpointer p)
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

void ms_rule_section_clear(section *s)
{
    g_free(s->name);
    g_free(s->file);
    g_free(s->header_text);
    g_free(s->pattern);
    g_free(s->pattern_text);
    g_free(s->scope_text);
    ms_rule_free(s->rule);
    memset(s, 0, sizeof *s);
}

static void finish_section(ms_ruleset *rs, section *s, report *r)
{
    if (!s->name) return;
    if (s->is_macro) {
        if (!s->pattern) {
            ms_rule_diag(r, "error", s->file, s->line, 0, NULL, "macro '%s' has no pattern", s->name);
        } else if (g_hash_table_contains(rs->macros, s->name)) {
            ms_rule_diag(r, "error", s->file, s->line, 0, NULL, "macro '%s' is defined twice", s->name);
        } else {
            macro *m = g_new0(macro, 1);
            m->name = g_strdup(s->name);
            m->pattern = g_steal_pointer(&s->pattern);
            m->file = g_strdup(s->file);
            m->line = s->pattern_line;
            m->col = s->pattern_col;
            g_hash_table_insert(rs->macros, m->name, m);
        }
        ms_rule_section_clear(s);
        return;
    }
    /* Rules are compiled once every macro is known: keep the section. */
    ms_rule *rule = s->rule;
    if (!rule->field) ms_rule_diag(r, "error", s->file, s->line, 0, NULL, "rule '%s' has no field", s->name);
    if (!s->pattern) ms_rule_diag(r, "error", s->file, s->line, 0, NULL, "rule '%s' has no pattern", s->name);
}

/* A "[rule ID]" or "[macro NAME]" line: the section before it is finished
 * (a rule goes to `pending`) and `cur` starts the new one. */
static void parse_header(ms_ruleset *rs, section *cur, const char *path, int lineno,
                         const char *raw, const char *l, GArray *pending, report *r)
{
    if (cur->name) {
        gboolean is_macro = cur->is_macro;
        finish_section(rs, cur, r);
        if (!is_macro) g_array_append_val(pending, *cur);
        memset(cur, 0, sizeof *cur);
    }
    const char *end = strchr(l, ']');
    char *inner = end ? g_strndup(l + 1, end - l - 1) : NULL;
    char **parts = inner ? g_strsplit_set(inner, " \t", 2) : NULL;
    g_free(inner);
    if (!end || !parts[0] || !parts[1] || !*g_strstrip(parts[1]) ||
        (strcmp(parts[0], "rule") != 0 && strcmp(parts[0], "macro") != 0)) {
        ms_rule_diag(r, "error", path, lineno, (int)(l - raw) + 1, raw,
                     "expected '[rule ID]' or '[macro NAME]'");
        if (parts) g_strfreev(parts);
        return;
    }
    cur->is_macro = strcmp(parts[0], "macro") == 0;
    cur->name = g_strdup(g_strstrip(parts[1]));
    cur->file = g_strdup(path);
    cur->line = lineno;
    cur->header_text = g_strdup(raw);
    if (!cur->is_macro) {
        cur->rule = g_new0(ms_rule, 1);
        cur->rule->id = g_strdup(cur->name);
        cur->rule->file = g_strdup(path);
        cur->rule->line = lineno;
        cur->rule->weight = 50;
        cur->rule->scope = MS_SCOPE_DOCUMENT;
        cur->rule->examples = g_ptr_array_new_with_free_func(g_free);
        cur->rule->counters = g_ptr_array_new_with_free_func(g_free);
    }
    g_strfreev(parts);
}

/* Where a key's line is, for diagnostics. */
typedef struct {
    const char *path, *raw;
    int lineno, kcol, vcol;
} key_at;

static void set_field(section *cur, const char *v, const key_at *at, report *r)
{
    if (!ms_rule_field(v)) {
        GString *known = g_string_new(NULL);
        for (gsize f = 0; f < G_N_ELEMENTS(fields); f++)
            g_string_append_printf(known, "%s%s", f ? ", " : "", fields[f].field);
        ms_rule_diag(r, "error", at->path, at->lineno, at->vcol, at->raw,
                     "unknown field '%s' (known: %s)", v, known->str);
        g_string_free(known, TRUE);
    }
    g_free(cur->rule->field);
    cur->rule->field = g_strdup(v);
}

static void set_scope(section *cur, const char *v, const key_at *at, report *r)
{
    int found = -1;
    for (int s = 0; s < MS_SCOPE__COUNT; s++)
        if (strcmp(scope_names[s], v) == 0) found = s;
    if (found < 0)
        ms_rule_diag(r, "error", at->path, at->lineno, at->vcol, at->raw,
                     "unknown scope '%s' (known: document, title, caption, page1, body, "
                     "certificate, exhibits)", v);
    else cur->rule->scope = (ms_scope)found;
}

static void set_weight(section *cur, const char *v, const key_at *at, report *r)
{
    char *endp = NULL;
    long w = strtol(v, &endp, 10);
    if (!*v || *endp || w < 0 || w > 1000)
        ms_rule_diag(r, "error", at->path, at->lineno, at->vcol, at->raw,
                     "weight must be a whole number 0-1000");
    else cur->rule->weight = (int)w;
}

/* One "key = value" line of the section `cur`. */
static void parse_key(section *cur, const char *key, const char *v, const key_at *at, report *r)
{
    if (strcmp(key, "pattern") == 0) {
        if (cur->pattern) ms_rule_diag(r, "error", at->path, at->lineno, at->kcol, at->raw, "a second pattern");
        else {
            cur->pattern = g_strdup(v);
            cur->pattern_line = at->lineno;
            cur->pattern_col = at->vcol;
            cur->pattern_text = g_strdup(at->raw);
        }
    } else if (cur->is_macro) {
        ms_rule_diag(r, "error", at->path, at->lineno, at->kcol, at->raw,
                     "a macro has only a pattern, not '%s'", key);
    } else if (strcmp(key, "field") == 0) {
        set_field(cur, v, at, r);
    } else if (strcmp(key, "value") == 0) {
        g_free(cur->rule->value);
        cur->rule->value = g_strdup(v);
    } else if (strcmp(key, "scope") == 0) {
        set_scope(cur, v, at, r);
    } else if (strcmp(key, "weight") == 0) {
        set_weight(cur, v, at, r);
    } else if (strcmp(key, "example") == 0) {
        g_ptr_array_add(cur->rule->examples, g_strcompress(v)); /* "\n" is a line break */
    } else if (strcmp(key, "counter") == 0) {
        g_ptr_array_add(cur->rule->counters, g_strcompress(v));
    } else {
        ms_rule_diag(r, "error", at->path, at->lineno, at->kcol, at->raw,
                     "unknown key '%s' (known: field, value, scope, weight, pattern, example, counter)",
                     key);
    }
}

/* A line that is neither blank, a comment nor a header. */
static void parse_line(section *cur, const char *path, int lineno, const char *raw,
                       const char *l, report *r)
{
    const char *eq = strchr(l, '=');
    if (!eq) {
        ms_rule_diag(r, "error", path, lineno, (int)(l - raw) + 1, raw, "expected 'key = value'");
        return;
    }
    if (!cur->name) {
        ms_rule_diag(r, "error", path, lineno, (int)(l - raw) + 1, raw,
                     "a key before any [rule ...] or [macro ...] section");
        return;
    }
    char *key = g_strstrip(g_strndup(l, eq - l));
    const char *v = eq + 1;
    while (*v == ' ' || *v == '\t') v++;
    key_at at = {path, raw, lineno, (int)(l - raw) + 1, (int)(v - raw) + 1};
    parse_key(cur, key, v, &at, r);
    g_free(key);
}

void ms_rule_parse_text(ms_ruleset *rs, const char *path, const char *data, gsize len,
                        GArray *pending, report *r)
{
    /* With a length, a NUL byte is invalid too (it would end the text early). */
    if (!g_utf8_validate(data, (gssize)len, NULL)) {
        ms_rule_diag(r, "error", path, 1, 0, NULL, "the file is not valid UTF-8");
        return;
    }
    char **lines = g_strsplit(data, "\n", -1);
    section cur = {0};
    for (int i = 0; lines[i]; i++) {
        char *raw = lines[i];
        g_strchomp(raw);
        const char *l = raw;
        while (*l == ' ' || *l == '\t') l++;
        if (!*l || *l == '#') continue;
        if (*l == '[') parse_header(rs, &cur, path, i + 1, raw, l, pending, r);
        else parse_line(&cur, path, i + 1, raw, l, r);
    }
    if (cur.name) {
        gboolean is_macro = cur.is_macro;
        finish_section(rs, &cur, r);
        if (!is_macro) g_array_append_val(pending, cur);
    }
    g_strfreev(lines);
}

void ms_rule_parse_file(ms_ruleset *rs, const char *path, GArray *pending, report *r)
{
    gchar *data = NULL;
    gsize len = 0;
    GError *io = NULL;
    if (!g_file_get_contents(path, &data, &len, &io)) {
        ms_rule_diag(r, "error", path, 0, 0, NULL, "%s", io->message);
        g_error_free(io);
        return;
    }
    ms_rule_parse_text(rs, path, data, len, pending, r);
    g_free(data);
}
