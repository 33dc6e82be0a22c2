/* sink_fixtures — the records and temporary files the sink tests share. */
#include "tests/sink_fixtures.h"

#include <string.h>

#include <glib/gstdio.h>

/* An ok record: two proposed countries, evidence with and without a page,
 * an OCR page, a text page and a second OCR page with the lowest confidence. */
const char *const ms_test_base_json =
    "{\"schema_version\":1,\"file\":\"in/a.pdf\",\"sha256\":\"" SHA_A "\",\"size\":100,"
    "\"format\":\"pdf\",\"status\":\"ok\",\"error\":null,\"filer\":\"dhs\","
    "\"motion_type\":\"pretermit\",\"removal_countries\":[{\"code\":\"EC\",\"name\":\"Ecuador\"},"
    "{\"code\":\"UG\",\"name\":\"Uganda\"}],\"nationality\":{\"code\":\"VE\",\"name\":\"Venezuela\"},"
    "\"a_number\":\"212345678\",\"respondent\":\"RAMIREZ TORRES, Yusmary\","
    "\"court\":\"Houston, TX\",\"detained\":true,\"title\":\"DHS MOTION TO PRETERMIT\","
    "\"evidence\":[{\"field\":\"motion_type\",\"value\":\"pretermit\",\"text\":\"MOTION TO "
    "PRETERMIT\",\"page\":1,\"bbox\":[1,2,3,4],\"dpi\":300,\"confidence\":91.5,\"rule\":"
    "\"motion.pretermit.title\",\"rule_source\":\"rules/motion.rules:32\"},{\"field\":"
    "\"removal_countries\",\"value\":\"EC\",\"text\":\"Ecuador\",\"page\":null,\"confidence\":null,"
    "\"rule\":null,\"rule_source\":null}],"
    "\"country_mentions\":[{\"code\":\"EC\",\"name\":\"Ecuador\",\"text\":\"Ecuador\",\"role\":"
    "\"removal\",\"page\":2,\"bbox\":[5,6,7,8],\"dpi\":300,\"confidence\":88.0,\"rule\":\"r\","
    "\"rule_source\":\"rules/countries.rules:1\"}],"
    "\"pages\":[{\"number\":1,\"source\":\"ocr\",\"dpi\":300,\"width\":2550,\"height\":3300,"
    "\"words\":200,\"ocr_confidence\":91.375,\"skew_degrees\":0.5,\"ms\":1200},"
    "{\"number\":2,\"source\":\"text\",\"dpi\":300,\"width\":2550,\"height\":3300,\"words\":100,"
    "\"ocr_confidence\":null,\"skew_degrees\":0.0,\"ms\":3},"
    "{\"number\":3,\"source\":\"ocr\",\"dpi\":300,\"width\":2550,\"height\":3300,\"words\":90,"
    "\"ocr_confidence\":78.25,\"skew_degrees\":-1.0,\"ms\":900}],"
    "\"timings_ms\":{\"read\":1,\"pages\":2103,\"extract\":2,\"total\":2106}}";

/* A missing file: no sha256, no pages. */
const char *const ms_test_missing_json =
    "{\"schema_version\":1,\"file\":\"in/missing.pdf\",\"sha256\":null,\"size\":0,"
    "\"format\":\"unknown\",\"status\":\"error\",\"error\":{\"code\":\"not_found\",\"message\":"
    "\"in/missing.pdf: No such file or directory\"},\"filer\":null,\"motion_type\":null,"
    "\"removal_countries\":[],\"nationality\":null,\"a_number\":null,\"respondent\":null,"
    "\"court\":null,\"detained\":null,\"title\":null,\"evidence\":[],\"country_mentions\":[],"
    "\"pages\":[],\"timings_ms\":{\"read\":0,\"pages\":0,\"extract\":0,\"total\":0}}";

JsonObject *ms_test_parse(const char *json)
{
    GError *err = NULL;
    JsonNode *n = json_from_string(json, &err);
    g_assert_no_error(err);
    JsonObject *o = json_object_ref(json_node_get_object(n));
    json_node_unref(n);
    return o;
}

JsonObject *ms_test_record(void)
{
    return ms_test_parse(ms_test_base_json);
}

/* The same file content read again, with changes. */
JsonObject *ms_test_error_record(const char *file, const char *sha, const char *code)
{
    JsonObject *o = ms_test_parse(ms_test_missing_json);
    json_object_set_string_member(o, "file", file);
    if (sha) json_object_set_string_member(o, "sha256", sha);
    json_object_set_string_member(json_object_get_object_member(o, "error"), "code", code);
    return o;
}

char *ms_test_tmp_path(const char *name)
{
    char *dir = g_dir_make_tmp("ms-sinks-XXXXXX", NULL);
    g_assert_nonnull(dir);
    char *p = g_build_filename(dir, name, NULL);
    g_free(dir);
    return p;
}

void ms_test_remove_tmp(char *path)
{
    char *dir = g_path_get_dirname(path);
    const char *suffixes[] = {"", "-wal", "-shm"};
    for (gsize i = 0; i < G_N_ELEMENTS(suffixes); i++) {
        char *p = g_strconcat(path, suffixes[i], NULL);
        g_remove(p);
        g_free(p);
    }
    g_rmdir(dir);
    g_free(dir);
    g_free(path);
}
