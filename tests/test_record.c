/* record: the JSON contract of a record, ok and error. */
#include <string.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/document/record.h"
#include "tests/testutil.h"

static JsonObject *build(const ms_result *r, JsonNode **root)
{
    char *line = ms_record_to_line(r, MS_TEST_RULES_DIR);
    g_assert_true(g_str_has_suffix(line, "\n"));
    g_assert_true(strchr(line, '\n') == line + strlen(line) - 1); /* exactly one line */
    *root = json_from_string(line, NULL);
    g_free(line);
    g_assert_nonnull(*root);
    return json_node_get_object(*root);
}

static void test_error_record(void)
{
    ms_result *r = ms_result_new("in/x.pdf");
    GError *err = g_error_new(MS_ERROR, MS_ERR_ENCRYPTED, "in/x.pdf: the PDF is encrypted");
    ms_result_fail(r, err);
    g_error_free(err);
    JsonNode *root;
    JsonObject *o = build(r, &root);
    g_assert_cmpstr(json_object_get_string_member(o, "file"), ==, "in/x.pdf");
    g_assert_cmpstr(json_object_get_string_member(o, "status"), ==, "error");
    JsonObject *e = json_object_get_object_member(o, "error");
    g_assert_cmpstr(json_object_get_string_member(e, "code"), ==, "encrypted");
    g_assert_nonnull(strstr(json_object_get_string_member(e, "message"), "in/x.pdf"));
    g_assert_true(json_object_get_null_member(o, "motion_type"));
    g_assert_true(json_object_get_null_member(o, "sha256"));
    g_assert_cmpuint(json_array_get_length(json_object_get_array_member(o, "removal_countries")), ==, 0);
    g_assert_cmpint(json_object_get_int_member(o, "schema_version"), ==, MS_SCHEMA_VERSION);
    json_node_unref(root);
    ms_result_free(r);
}

static void test_ok_record(void)
{
    ms_text *t = ms_test_text("DHS MOTION TO PRETERMIT\nFile No.: A 212-345-678\nThe respondent, "
                              "a \"native\" and citizen of Cuba, should be removed to Honduras.");
    ms_matcher *m = ms_matcher_new();
    ms_result *r = ms_result_new("a.pdf");
    ms_page_result p = {.number = 1, .source = "text", .dpi = 300, .width = 2550, .height = 3300,
                        .conf = -1, .n_words = 10, .seconds = 0.5};
    g_array_append_val(r->pages, p);
    r->x = ms_extract(ms_test_rules(), m, t);
    JsonNode *root;
    JsonObject *o = build(r, &root);
    g_assert_cmpstr(json_object_get_string_member(o, "status"), ==, "ok");
    g_assert_true(json_object_get_null_member(o, "error"));
    g_assert_cmpstr(json_object_get_string_member(o, "motion_type"), ==, "pretermit");
    g_assert_cmpstr(json_object_get_string_member(o, "a_number"), ==, "212345678");
    JsonArray *rc = json_object_get_array_member(o, "removal_countries");
    g_assert_cmpuint(json_array_get_length(rc), ==, 1);
    JsonObject *hn = json_array_get_object_element(rc, 0);
    g_assert_cmpstr(json_object_get_string_member(hn, "code"), ==, "HN");
    g_assert_cmpstr(json_object_get_string_member(hn, "name"), ==, "Honduras");
    JsonObject *nat = json_object_get_object_member(o, "nationality");
    g_assert_cmpstr(json_object_get_string_member(nat, "code"), ==, "CU");
    JsonArray *ev = json_object_get_array_member(o, "evidence");
    g_assert_cmpuint(json_array_get_length(ev), >=, 4);
    for (guint i = 0; i < json_array_get_length(ev); i++) {
        JsonObject *e = json_array_get_object_element(ev, i);
        g_assert_cmpint(json_object_get_int_member(e, "page"), ==, 1);
        g_assert_cmpint(json_object_get_int_member(e, "dpi"), ==, 300);
        g_assert_cmpuint(json_array_get_length(json_object_get_array_member(e, "bbox")), ==, 4);
        g_assert_true(json_object_get_null_member(e, "confidence")); /* text layer */
        const char *src = json_object_get_string_member(e, "rule_source");
        g_assert_true(g_str_has_prefix(src, "rules/"));
        g_assert_nonnull(strchr(src, ':'));
    }
    JsonObject *page = json_array_get_object_element(json_object_get_array_member(o, "pages"), 0);
    g_assert_cmpstr(json_object_get_string_member(page, "source"), ==, "text");
    g_assert_true(json_object_get_null_member(page, "ocr_confidence"));
    g_assert_cmpint(json_object_get_int_member(page, "ms"), ==, 500);
    json_node_unref(root);
    ms_result_free(r);
    ms_text_free(t);
    ms_matcher_free(m);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/record/error", test_error_record);
    g_test_add_func("/record/ok", test_ok_record);
    return g_test_run();
}
