/* evidence — where a value came from (see evidence.h). */
#include "extractors/evidence.h"

void ms_evidence_add(GArray *ev, const ms_text *t, const char *field, const char *value,
                     const ms_rule *rule, gsize start, gsize end)
{
    ms_evidence e = {g_strdup(field), g_strdup(value), rule, start, end,
                     g_strndup(t->str->str + start, end - start), 0, {0, 0, 0, 0}, -1, NULL};
    if (!ms_text_locate(t, start, end, &e.page, e.box, &e.conf)) e.page = 0;
    g_array_append_val(ev, e);
}

void ms_evidence_clear_all(GArray *ev)
{
    for (guint i = 0; i < ev->len; i++) {
        ms_evidence *e = &g_array_index(ev, ms_evidence, i);
        g_free(e->field);
        g_free(e->value);
        g_free(e->text);
        g_free(e->note);
    }
    g_array_free(ev, TRUE);
}
