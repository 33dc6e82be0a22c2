/* rule_parse — the rule engine's inside: reading rule files into sections
 * and macros, and the diagnostics both reading and compiling report.
 * Private to extractors/ruleset.c and extractors/rule_parse.c; the API is
 * ruleset.h.
 *
 * Ownership: a section owns its strings and its rule until the rule is
 * stolen from it (ruleset.c moves compiled rules into the ruleset);
 * ms_rule_section_clear() frees what is left.  Macros are owned by the
 * ruleset's `macros` table.
 */
#ifndef MS_RULE_PARSE_H
#define MS_RULE_PARSE_H

#include <glib.h>

#include "extractors/deadline.h"
#include "extractors/gazetteer.h"
#include "extractors/ruleset.h"

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
    ms_gazetteer *gaz;
    GPtrArray *rules;    /* ms_rule*, owned, in load order */
    GHashTable *fields;  /* field -> GPtrArray of ms_rule* (borrowed) */
    GHashTable *macros;  /* name -> macro*, owned */
    ms_us_states *states; /* rules/us_states.tsv */
    ms_fuzzy *fuzzy;      /* rules/fuzzy.conf */
    ms_deadlines *deadlines; /* rules/deadlines.conf, or NULL when the folder has none */
    ms_rule *names;      /* finds gazetteer names; owned, not in rules */
    ms_rule *demonyms;   /* finds gazetteer demonyms; owned, not in rules */
};

typedef struct {
    GString *diag;
    int errors;
    gboolean marks_used; /* the pattern being compiled used {{COUNTRY}} or {{DEMONYM}} */
} report;

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

/* The value rules for a field: NULL vocabulary means any value. */
typedef struct {
    const char *field;
    const char *const *vocabulary; /* NULL: any value (usually ${group}) */
} field_spec;

/* The field called `name`, or NULL when rules cannot set it. */
const field_spec *ms_rule_field(const char *name);
gboolean ms_rule_in_vocabulary(const char *const *vocab, const char *v);

/* Append "file:line:col: SEV: message" (and the line with a caret when col > 0)
 * to r->diag; an "error" counts in r->errors. */
void ms_rule_diag(report *r, const char *sev, const char *file, int line, int col,
                  const char *src_line, const char *fmt, ...) G_GNUC_PRINTF(7, 8);

void ms_rule_free(gpointer p);
void ms_rule_section_clear(section *s);

/* Parse one file's text (`len` bytes, NUL-terminated) into `pending`
 * sections (rules) and rs->macros; `path` names it in diagnostics. */
void ms_rule_parse_text(ms_ruleset *rs, const char *path, const char *data, gsize len,
                        GArray *pending, report *r);
/* The same for the file at `path`. */
void ms_rule_parse_file(ms_ruleset *rs, const char *path, GArray *pending, report *r);

#endif
