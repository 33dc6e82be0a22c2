/* ruleset — rule files compiled once into an immutable set of PCRE2 patterns.
 *
 * A rule file (rules/NAME.rules, documented in rules/README.md) is a list of
 * sections:
 *
 *   [macro NAME]            a named sub-pattern, used as {{NAME}}
 *   pattern = ...
 *
 *   [rule ID]
 *   field   = motion_type   what the rule sets (country_role, clause_role: a role)
 *   value   = pretermit     a fixed value, or ${group} for a named group
 *   scope   = title         where it looks: title, caption, page1, body,
 *                           certificate, exhibits, document
 *   weight  = 100           the stronger rule wins; equal weights: the earliest match
 *   pattern = \bMOTION\s+TO\s+PRETERMIT\b
 *   example = ...           text it must match (repeatable)
 *   counter = ...           text it must not match (repeatable)
 *
 * The gazetteer supplies the built-in macros {{COUNTRY}} and {{DEMONYM}}: a
 * rule that uses them is matched against the marked text (ms_countries_mark).
 * DIR/us_states.tsv supplies {{US_STATE}}, extractors/ocr_digits.c
 * {{DIGIT_LIKE}}.
 * Patterns are compiled caseless, UTF and UCP, then JIT-compiled.
 *
 * Thread rules: an ms_ruleset is immutable after loading and shared read-only
 * by all workers; each worker owns an ms_matcher (match data, JIT stack).
 * Ownership: ms_ruleset_load()/ms_ruleset_free(); ms_matcher_new()/_free().
 */
#ifndef MS_RULESET_H
#define MS_RULESET_H

#include <glib.h>

#include "extractors/deadline.h"
#include "extractors/fuzzy.h"
#include "extractors/gazetteer.h"
#include "extractors/us_states.h"

typedef enum {
    MS_SCOPE_DOCUMENT = 0,
    MS_SCOPE_TITLE,
    MS_SCOPE_PAGE1,
    MS_SCOPE_BODY,
    MS_SCOPE_EXHIBITS,
    MS_SCOPE_CAPTION,
    MS_SCOPE_CERTIFICATE,
    MS_SCOPE__COUNT
} ms_scope;

#define MS_RULE_MAX_NAMED 8

typedef struct ms_rule {
    char *id;
    char *field;
    char *value;      /* fixed value, or NULL when taken from value_group */
    int value_groups[MS_RULE_MAX_NAMED];  /* groups named by ${name} values; 0 ends */
    int target_groups[MS_RULE_MAX_NAMED]; /* groups named "target" (the name may repeat
                                              in alternatives); 0 ends */
    ms_scope scope;
    int weight;
    char *file; /* path of the rule file, as loaded */
    int line;   /* line of the [rule ...] header */
    void *code; /* pcre2_code* */
    gboolean on_marked; /* uses {{COUNTRY}}/{{DEMONYM}}: match the marked text */
    GPtrArray *examples, *counters; /* char*, owned */
} ms_rule;

typedef struct ms_ruleset ms_ruleset;
typedef struct ms_matcher ms_matcher;

/* One match of a rule: the whole match, the span the rule acts on (its
 * "target" group, or the whole match) and the value group's span. */
typedef struct {
    gsize start, end;
    gsize tstart, tend;
    gsize vstart, vend;
} ms_match;

/* Load every *.rules file in `dir` (in name order), the gazetteer
 * `dir`/countries.tsv, the US states `dir`/us_states.tsv, the fuzzy-name
 * tables `dir`/fuzzy.conf and, if present, the deadline policy `dir`/deadlines.conf.  Each problem is appended to `diag` as
 * "file:line:col: error: message" followed by the line and a caret.  Returns
 * FALSE (rules_invalid) when there is any error; warnings alone do not fail. */
gboolean ms_ruleset_load(const char *dir, ms_ruleset **out, GString *diag, GError **err);
/* As ms_ruleset_load(), but the rules are `len` bytes of `text` (one rule
 * file's contents, called `name` in diagnostics) instead of the *.rules files
 * in `dir`; the gazetteer and deadline policy still come from `dir`.  For the
 * fuzzer and tests: the text need not be NUL-terminated. */
gboolean ms_ruleset_load_text(const char *dir, const char *name, const char *text, gsize len,
                              ms_ruleset **out, GString *diag, GError **err);
void ms_ruleset_free(ms_ruleset *rs);

const ms_gazetteer *ms_ruleset_gazetteer(const ms_ruleset *rs);
guint ms_ruleset_size(const ms_ruleset *rs);
const ms_rule *ms_ruleset_rule(const ms_ruleset *rs, guint i);
/* The rules that set `field`, in file order (a borrowed array of ms_rule*). */
const GPtrArray *ms_ruleset_for_field(const ms_ruleset *rs, const char *field);
/* The internal rules that find every gazetteer name (or demonym). */
const ms_rule *ms_ruleset_gazetteer_rule(const ms_ruleset *rs, gboolean demonyms);

/* The tables of OCR-tolerant names (DIR/fuzzy.conf). */
const ms_fuzzy *ms_ruleset_fuzzy(const ms_ruleset *rs);

/* The US states and territories (DIR/us_states.tsv). */
const ms_us_states *ms_ruleset_us_states(const ms_ruleset *rs);

/* The deadline policy (DIR/deadlines.conf), or NULL when the folder has none. */
const ms_deadlines *ms_ruleset_deadlines(const ms_ruleset *rs);

/* A bound a rule hit while matching: "match_limit" (PCRE2's match or depth
 * limit: the rule stopped early), "match_cap" (more matches than are kept),
 * "match_error" (any other PCRE2 error). */
typedef struct {
    const char *code;
    const ms_rule *rule;
    int pcre2_rc; /* the PCRE2 return code; 0 for match_cap */
} ms_match_warning;

/* Move the warnings recorded since the last call into `out` (GArray of
 * ms_match_warning; NULL discards them).  Each (code, rule) is kept once. */
void ms_matcher_take_warnings(ms_matcher *m, GArray *out);

ms_matcher *ms_matcher_new(void);
void ms_matcher_free(ms_matcher *m);

/* Append to `out` (GArray of ms_match) every non-overlapping match of `rule`
 * in subject[from, to) (the bytes before `from` are visible to lookbehinds).
 * At most MS_MAX_MATCHES_PER_RULE matches (MS_MAX_MENTIONS for the
 * gazetteer's rules).  Returns FALSE if PCRE2 stopped on a limit (the matches
 * found so far are kept).  A limit hit or a cap reached is also recorded in
 * the matcher (ms_matcher_take_warnings()), so it reaches the record. */
gboolean ms_rule_match_all(const ms_rule *rule, ms_matcher *m, const char *subject, gsize from,
                           gsize to, GArray *out);

/* What ms_ruleset_match_field() calls: `rule` (NULL: every rule) says
 * whether a rule is matched at all; `hit` gets each match of each rule. */
typedef struct {
    gboolean (*rule)(const ms_rule *rule, gpointer user);
    void (*hit)(const ms_rule *rule, const ms_match *hit, gpointer user);
    gpointer user;
} ms_field_visitor;

/* Match every rule that sets `field`, in file order, inside its scope:
 * scope_start[rule->scope] to scope_end[rule->scope] (an ms_sections' arrays),
 * in `text`, or in `marked` (ms_countries_mark) for a rule that uses
 * {{COUNTRY}} or {{DEMONYM}}.  Each rule's matches reach v->hit in text order.
 * Nothing is kept: the visitor copies what it needs. */
void ms_ruleset_match_field(const ms_ruleset *rs, ms_matcher *m, const char *field,
                            const char *text, const char *marked, const gsize *scope_start,
                            const gsize *scope_end, const ms_field_visitor *v);

#endif
