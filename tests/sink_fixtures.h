/* sink_fixtures — the records and temporary files test_sinks.c (CSV) and
 * test_sqlite.c share.
 *
 * Ownership: the records are new objects (json_object_unref); a temporary
 * path is a new string that ms_test_remove_tmp() frees, with the file, its
 * -wal and -shm companions and its folder.
 */
#ifndef MS_SINK_FIXTURES_H
#define MS_SINK_FIXTURES_H

#include <glib.h>
#include <json-glib/json-glib.h>

#define SHA_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define SHA_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

/* An ok record with every field, and one whose optional members are missing. */
extern const char *const ms_test_base_json;
extern const char *const ms_test_missing_json;

JsonObject *ms_test_parse(const char *json);
/* A new copy of the ok record. */
JsonObject *ms_test_record(void);
JsonObject *ms_test_error_record(const char *file, const char *sha, const char *code);
/* A path `name` in a new temporary folder. */
char *ms_test_tmp_path(const char *name);
void ms_test_remove_tmp(char *path);

#endif
