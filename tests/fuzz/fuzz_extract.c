/* fuzz_extract — the extractors on arbitrary text: the path `run --text`
 * takes (text -> ms_text_from_plain -> ms_extract -> record JSON), with the
 * bundled rules loaded once.  The record must always serialise.
 */
#include <string.h>

#include <glib.h>

#include "extractors/extract.h"
#include "tests/fuzz/fuzz.h"
#include "pipeline/document/record.h"

/* A filing is a few pages; a long input only repeats the same work. */
#define FUZZ_MAX_INPUT 65536

static ms_ruleset *rules;
static ms_matcher *matcher;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    GString *diag = g_string_new(NULL);
    if (!ms_ruleset_load(MS_DEFAULT_RULES_DIR, &rules, diag, NULL)) {
        g_printerr("%s", diag->str);
        g_error("fuzz_extract: the bundled rules do not load");
    }
    g_string_free(diag, TRUE);
    matcher = ms_matcher_new();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT) return 0;
    if (!rules) LLVMFuzzerInitialize(NULL, NULL);
    char *s = g_strndup((const char *)data, size);
    ms_result *r = ms_result_new("fuzz.txt");
    r->format = "text";
    r->size = (gint64)size;
    ms_text *t = ms_text_from_plain(s);
    g_array_set_size(r->pages, t->pages->len);
    for (guint i = 0; i < t->pages->len; i++) {
        ms_page_result *pr = &g_array_index(r->pages, ms_page_result, i);
        pr->number = (int)i + 1, pr->source = "text", pr->dpi = 300, pr->conf = -1;
    }
    r->x = ms_extract(rules, matcher, t);
    ms_text_free(t);
    char *line = ms_record_to_line(r, MS_DEFAULT_RULES_DIR);
    g_assert(line && line[0] == '{' && strchr(line, '\n'));
    g_free(line);
    ms_result_free(r);
    g_free(s);
    return 0;
}
