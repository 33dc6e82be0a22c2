/* rule_test — every rule's examples and counter-examples (see rule_test.h). */
#include "extractors/rule_test.h"

#include <string.h>

#include "extractors/mentions.h"

int ms_ruleset_test(const ms_ruleset *rs, ms_matcher *m, GString *diag, int *n_checked)
{
    int failures = 0, checked = 0;
    GArray *hits = g_array_new(FALSE, FALSE, sizeof(ms_match));
    for (guint i = 0; i < ms_ruleset_size(rs); i++) {
        const ms_rule *rule = ms_ruleset_rule(rs, i);
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
