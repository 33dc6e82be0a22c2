/* sink_pg — records in PostgreSQL through libpq (the design is in sink_pg.h).
 *
 * Every value reaches SQL as a parameter of a statement prepared once per
 * connection; the only SQL built here is the program's own migration text.
 * A lost connection is noticed by libpq (PQstatus CONNECTION_BAD) and
 * reopened with backoff; a statement that fails on a live connection is a
 * record the database refuses, which is spooled too, so nothing is dropped.
 */
#include "pipeline/sinks/sink_pg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/document/record_json.h"

typedef struct {
    ms_sink base;
    PGconn *conn;
    char *url, *label; /* label: the URL without its password, for messages */
    char *spool, *command_line;
    gint64 run_id;     /* 0 until the runs row exists */
    gint64 next_try;   /* monotonic time before which the server is not tried again */
    int backoff_ms;
    int files, ok, failed, skipped;
    int spooled;       /* records this sink put in the spool */
    gboolean pending;  /* the spool holds records that wait for the server */
} pg_sink;

static const struct {
    int n;
    Oid types[3];
} params[MS_PG__STATEMENTS] = {
    /* 25 text, 20 int8 */
    [MS_PG_UPSERT_DOC] = {3, {25, 25, 20}}, [MS_PG_TOUCH_DOC] = {2, {25, 20}},
    [MS_PG_ADD_ERROR] = {3, {25, 25, 20}},  [MS_PG_DEL_PAGES] = {2, {25, 25}},
    [MS_PG_DEL_FIELDS] = {2, {25, 25}},     [MS_PG_DEL_EVIDENCE] = {2, {25, 25}},
    [MS_PG_DEL_MENTIONS] = {2, {25, 25}},   [MS_PG_ADD_PAGES] = {2, {25, 25}},
    [MS_PG_DEL_EXTRA_PARTS] = {2, {25, 25}},
    [MS_PG_ADD_FIELDS] = {2, {25, 25}},     [MS_PG_ADD_EVIDENCE] = {2, {25, 25}},
    [MS_PG_ADD_MENTIONS] = {2, {25, 25}},   [MS_PG_HAS_ERROR] = {1, {25}},
};

gboolean ms_db_is_postgres(const char *target)
{
    return target && (g_str_has_prefix(target, "postgresql://") ||
                      g_str_has_prefix(target, "postgres://"));
}

/* postgresql://user:secret@host/db -> postgresql://user:(hidden)@host/db */
char *ms_pg_redact_url(const char *url)
{
    const char *start = strstr(url, "://");
    if (!start) return g_strdup(url);
    start += 3;
    const char *at = strchr(start, '@'), *slash = strchr(start, '/');
    const char *colon = at ? memchr(start, ':', (size_t)(at - start)) : NULL;
    if (!at || (slash && slash < at) || !colon) return g_strdup(url);
    return g_strdup_printf("%.*s:(hidden)%s", (int)(colon - url), url, at);
}

static gboolean fail(pg_sink *s, const char *what, GError **err)
{
    char *why = g_strchomp(g_strdup(s->conn ? PQerrorMessage(s->conn) : "out of memory"));
    g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%s: %s: %s", s->label, what, why);
    g_free(why);
    return FALSE;
}

static gboolean command(pg_sink *s, const char *sql, const char *what, GError **err)
{
    PGresult *r = PQexec(s->conn, sql);
    gboolean ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    PQclear(r);
    return ok || fail(s, what, err);
}

/* The schema's version, 0 for a new database. */
static gboolean schema_version(pg_sink *s, int *v, GError **err)
{
    if (!command(s, "CREATE TABLE IF NOT EXISTS motionscan_schema (version INTEGER NOT NULL)",
                 "cannot create the schema table", err))
        return FALSE;
    PGresult *r = PQexec(s->conn, "SELECT max(version) FROM motionscan_schema");
    gboolean ok = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
    if (ok) *v = PQgetisnull(r, 0, 0) ? 0 : atoi(PQgetvalue(r, 0, 0));
    PQclear(r);
    return ok || fail(s, "cannot read the schema version", err);
}

static gboolean migrate_locked(pg_sink *s, GError **err)
{
    int v = 0;
    if (!schema_version(s, &v, err)) return FALSE;
    if (v > MS_PG_SCHEMA_VERSION) {
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT,
                    "%s: the database has schema version %d, newer than this motionscan's %d; "
                    "use a newer motionscan or another database",
                    s->label, v, MS_PG_SCHEMA_VERSION);
        return FALSE;
    }
    for (; v < MS_PG_SCHEMA_VERSION; v++) {
        char *what = g_strdup_printf("cannot create schema version %d", v + 1);
        char *bump = g_strdup_printf("DELETE FROM motionscan_schema;"
                                     " INSERT INTO motionscan_schema VALUES (%d)", v + 1);
        gboolean ok = command(s, "BEGIN", what, err) &&
                      command(s, ms_pg_migrations[v], what, err) && command(s, bump, what, err) &&
                      command(s, "COMMIT", what, err);
        if (!ok) command(s, "ROLLBACK", "cannot roll back", NULL);
        g_free(bump);
        g_free(what);
        if (!ok) return FALSE;
    }
    return TRUE;
}

/* Bring the schema to the current version, one step per transaction, under
 * a session lock that every motionscan takes before it looks. */
static gboolean migrate(pg_sink *s, GError **err)
{
    char lock[96];
    g_snprintf(lock, sizeof lock, "SELECT pg_advisory_lock(%lld)", MS_PG_MIGRATION_LOCK);
    if (!command(s, lock, "cannot take the migration lock", err)) return FALSE;
    gboolean ok = migrate_locked(s, err);
    g_snprintf(lock, sizeof lock, "SELECT pg_advisory_unlock(%lld)", MS_PG_MIGRATION_LOCK);
    return command(s, lock, "cannot release the migration lock", ok ? err : NULL) && ok;
}

static gboolean prepare(pg_sink *s, GError **err)
{
    for (int i = 0; i < MS_PG__STATEMENTS; i++) {
        char name[16];
        g_snprintf(name, sizeof name, "ms%d", i);
        PGresult *r = PQprepare(s->conn, name, ms_pg_statements[i], params[i].n, params[i].types);
        gboolean ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
        if (!ok) return fail(s, "cannot prepare a statement", err);
    }
    return TRUE;
}

static gboolean start_run(pg_sink *s, GError **err)
{
    char *now = ms_utc_timestamp();
    const char *values[] = {now, MS_VERSION, s->command_line};
    PGresult *r = PQexecParams(s->conn,
                               "INSERT INTO runs (started_at, version, options)"
                               " VALUES ($1, $2, $3) RETURNING id",
                               3, NULL, values, NULL, NULL, 0);
    gboolean ok = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
    if (ok) s->run_id = g_ascii_strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    PQclear(r);
    g_free(now);
    return ok || fail(s, "cannot start a run", err);
}

/* One connection attempt with everything a fresh connection needs. */
static gboolean connect_once(pg_sink *s, GError **err)
{
    if (s->conn) PQfinish(s->conn);
    s->conn = PQconnectdb(s->url);
    if (PQstatus(s->conn) != CONNECTION_OK) return fail(s, "cannot connect", err);
    return command(s, "SET client_min_messages = warning", "cannot configure", err) &&
           migrate(s, err) && prepare(s, err) && (s->run_id || start_run(s, err));
}

/* Whether the connection is usable, reconnecting with backoff if it is not.
 * After a failed round the server is not tried again until the backoff has
 * passed, so a batch against a stopped server spools at full speed. */
static gboolean ensure(pg_sink *s, GError **err)
{
    if (s->conn && PQstatus(s->conn) == CONNECTION_OK) return TRUE;
    if (g_get_monotonic_time() < s->next_try)
        return fail(s, "the server was unreachable moments ago", err);
    int wait_ms = MS_PG_BACKOFF_FIRST_MS;
    for (int t = 1;; t++) {
        GError *e = NULL;
        if (connect_once(s, &e)) {
            s->backoff_ms = 0;
            return TRUE;
        }
        if (t == MS_PG_CONNECT_TRIES) {
            g_propagate_error(err, e);
            break;
        }
        g_clear_error(&e);
        g_usleep((gulong)wait_ms * 1000);
        wait_ms *= 2;
    }
    s->backoff_ms = s->backoff_ms ? MIN(s->backoff_ms * 2, MS_PG_BACKOFF_MAX_MS) : wait_ms;
    s->next_try = g_get_monotonic_time() + (gint64)s->backoff_ms * 1000;
    return FALSE;
}

/* Run prepared statement `which`; *rows gets the rows it returned. */
static gboolean run(pg_sink *s, int which, const char *const *values, int *rows, GError **err)
{
    char name[16];
    g_snprintf(name, sizeof name, "ms%d", which);
    PGresult *r = PQexecPrepared(s->conn, name, params[which].n, values, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(r);
    gboolean ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
    if (rows) *rows = ok && st == PGRES_TUPLES_OK ? PQntuples(r) : 0;
    PQclear(r);
    return ok || fail(s, "cannot store the record", err);
}

/* The document's rows from its JSON, after the old ones are gone. */
static gboolean replace_rows(pg_sink *s, const char *sha, const char *json, GError **err)
{
    const char *v[] = {sha, json};
    gboolean ok = TRUE;
    for (int d = MS_PG_DEL_EXTRA_PARTS; ok && d <= MS_PG_DEL_MENTIONS; d++) ok = run(s, d, v, NULL, err);
    for (int a = MS_PG_ADD_PAGES; ok && a <= MS_PG_ADD_MENTIONS; a++) ok = run(s, a, v, NULL, err);
    return ok;
}

/* The body of one record's transaction (the same steps as SQLite's). */
static gboolean store_body(pg_sink *s, JsonObject *rec, const char *status, GError **err)
{
    const char *sha = ms_json_str(rec, "sha256");
    char run_id[24];
    g_snprintf(run_id, sizeof run_id, "%" G_GINT64_FORMAT, s->run_id);
    const char *touch[] = {sha, run_id};
    if (strcmp(status, "skipped") == 0) return !sha || run(s, MS_PG_TOUCH_DOC, touch, NULL, err);
    char *json = ms_sqlite_stable_json(rec);
    const char *v[] = {sha, json, run_id};
    int written = 0;
    gboolean ok = (strcmp(status, "error") != 0 || run(s, MS_PG_ADD_ERROR, v, NULL, err)) &&
                  (!sha || run(s, MS_PG_UPSERT_DOC, v, &written, err));
    if (ok && sha)
        ok = written ? replace_rows(s, sha, json, err) : run(s, MS_PG_TOUCH_DOC, touch, NULL, err);
    g_free(json);
    return ok;
}

/* Store one record in its own transaction, connecting first if needed. */
static gboolean store(pg_sink *s, JsonObject *rec, GError **err)
{
    if (!ensure(s, err)) return FALSE;
    const char *status = ms_json_str(rec, "status") ? ms_json_str(rec, "status") : "error";
    gboolean ok = command(s, "BEGIN", "cannot start a transaction", err) &&
                  store_body(s, rec, status, err) && command(s, "COMMIT", "cannot commit", err);
    if (!ok && PQstatus(s->conn) == CONNECTION_OK)
        command(s, "ROLLBACK", "cannot roll back", NULL);
    return ok;
}

/* ---- the spool: records kept while the server cannot take them ---- */

static gboolean spool_fail(pg_sink *s, const char *what, GError **err)
{
    g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%s: %s: %s", s->spool, what, g_strerror(errno));
    return FALSE;
}

/* Append one line, fsynced, so a record the server did not take survives a
 * crash of this process too. */
static gboolean spool_line(pg_sink *s, const char *line, GError **err)
{
    FILE *f = fopen(s->spool, "a");
    if (!f) return spool_fail(s, "cannot open the spool", err);
    gboolean ok = fputs(line, f) >= 0 && fputc('\n', f) != EOF && fflush(f) == 0 &&
                  fsync(fileno(f)) == 0;
    if (fclose(f) != 0) ok = FALSE;
    return ok || spool_fail(s, "cannot write the spool", err);
}

static gboolean spool_record(pg_sink *s, JsonObject *rec, const GError *why, GError **err)
{
    JsonNode *n = json_node_init_object(json_node_alloc(), rec);
    char *line = json_to_string(n, FALSE);
    json_node_unref(n);
    gboolean ok = spool_line(s, line, err);
    g_free(line);
    if (ok) {
        s->spooled++;
        fprintf(stderr, "motionscan: %s: not stored in %s yet (%s); kept in %s, stored at the next try\n",
                ms_json_str(rec, "file") ? ms_json_str(rec, "file") : "(no file)", s->label,
                why ? why->message : "earlier records wait", s->spool);
    }
    return ok;
}

/* One spooled line into the database.  *offline is set when the server is
 * gone (the rest waits); a line it refuses on a live connection stays too,
 * said on stderr, and is tried again at the next start. */
static gboolean replay_line(pg_sink *s, const char *line, JsonParser *parser, gboolean *offline)
{
    GError *e = NULL;
    if (!json_parser_load_from_data(parser, line, -1, &e) ||
        !JSON_NODE_HOLDS_OBJECT(json_parser_get_root(parser))) {
        fprintf(stderr, "motionscan: %s: a line is not a record (%s); kept\n", s->spool,
                e ? e->message : "not an object");
        g_clear_error(&e);
        return FALSE;
    }
    JsonObject *rec = json_node_get_object(json_parser_get_root(parser));
    if (store(s, rec, &e)) return TRUE;
    *offline = !s->conn || PQstatus(s->conn) != CONNECTION_OK;
    if (!*offline)
        fprintf(stderr, "motionscan: %s: the database refused a kept record (%s); it stays in %s\n",
                ms_json_str(rec, "file") ? ms_json_str(rec, "file") : "(no file)", e->message,
                s->spool);
    g_clear_error(&e);
    return FALSE;
}

/* Store the spool's records in order; what is not stored is written back.
 * *left gets the records still kept.  Errors: only the spool file's. */
static gboolean spool_replay(pg_sink *s, int *left, GError **err)
{
    s->pending = FALSE;
    char *text = NULL;
    *left = 0;
    if (!g_file_get_contents(s->spool, &text, NULL, NULL)) return TRUE; /* no spool */
    char **lines = g_strsplit(text, "\n", -1);
    GString *keep = g_string_new(NULL);
    JsonParser *parser = json_parser_new();
    gboolean offline = FALSE;
    int stored = 0;
    for (int i = 0; lines[i]; i++) {
        if (!*lines[i]) continue;
        if (!offline && replay_line(s, lines[i], parser, &offline)) {
            stored++;
            continue;
        }
        g_string_append_printf(keep, "%s\n", lines[i]);
        (*left)++;
    }
    g_object_unref(parser);
    s->pending = offline;
    gboolean ok = TRUE;
    GError *e = NULL;
    if (!keep->len) ok = unlink(s->spool) == 0 || spool_fail(s, "cannot remove the spool", err);
    else if (!g_file_set_contents(s->spool, keep->str, (gssize)keep->len, &e))
        ok = spool_fail(s, e->message, err), g_clear_error(&e);
    if (stored)
        fprintf(stderr, "motionscan: %s: %d kept record%s stored in %s; %d still kept\n", s->spool,
                stored, stored == 1 ? "" : "s", s->label, *left);
    g_string_free(keep, TRUE);
    g_strfreev(lines);
    g_free(text);
    return ok;
}

/* ---- the sink ---- */

static const ms_sink_vtable pg_vtable;

static gboolean pg_write(ms_sink *base, JsonObject *rec, GError **err)
{
    pg_sink *s = (pg_sink *)base;
    const char *status = ms_json_str(rec, "status") ? ms_json_str(rec, "status") : "error";
    s->files++;
    if (strcmp(status, "ok") == 0) s->ok++;
    else if (strcmp(status, "skipped") == 0) s->skipped++;
    else s->failed++;
    int left = 0;
    GError *e = NULL;
    if (s->pending && ensure(s, &e) && !spool_replay(s, &left, err)) return FALSE;
    /* Behind records that wait for the server, this one waits too: the
     * order stays the run's.  One the server refuses does not hold up the rest. */
    if (!s->pending) g_clear_error(&e);
    if (!s->pending && store(s, rec, &e)) return TRUE;
    if (!s->conn || PQstatus(s->conn) != CONNECTION_OK) s->pending = TRUE;
    gboolean ok = spool_record(s, rec, e, err);
    g_clear_error(&e);
    return ok;
}

static gboolean end_run(pg_sink *s, GError **err)
{
    char *now = ms_utc_timestamp(), id[24], counts[4][16];
    g_snprintf(id, sizeof id, "%" G_GINT64_FORMAT, s->run_id);
    int n[4] = {s->files, s->ok, s->failed, s->skipped};
    for (int i = 0; i < 4; i++) g_snprintf(counts[i], sizeof counts[i], "%d", n[i]);
    const char *v[] = {id, now, counts[0], counts[1], counts[2], counts[3]};
    PGresult *r = PQexecParams(s->conn,
                               "UPDATE runs SET finished_at = $2, files = $3, ok = $4,"
                               " failed = $5, skipped = $6 WHERE id = $1::bigint",
                               6, NULL, v, NULL, NULL, 0);
    gboolean ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    g_free(now);
    return ok || fail(s, "cannot finish the run", err);
}

static void sink_free(pg_sink *s)
{
    if (s->conn) PQfinish(s->conn);
    g_free(s->url);
    g_free(s->label);
    g_free(s->spool);
    g_free(s->command_line);
    g_free(s);
}

/* The spool is tried once more; what it still holds is said, not lost. */
static gboolean pg_close(ms_sink *base, GError **err)
{
    pg_sink *s = (pg_sink *)base;
    int left = 0;
    s->next_try = 0;
    gboolean ok = TRUE;
    if (g_file_test(s->spool, G_FILE_TEST_EXISTS) && ensure(s, NULL))
        ok = spool_replay(s, &left, err);
    else if (g_file_test(s->spool, G_FILE_TEST_EXISTS))
        left = -1;
    if (left)
        fprintf(stderr, "motionscan: %s could not take every record; they are kept in %s and "
                        "stored at the next start with the same --db and output\n",
                s->label, s->spool);
    if (ok && s->run_id && s->conn && PQstatus(s->conn) == CONNECTION_OK) ok = end_run(s, err);
    sink_free(s);
    return ok;
}

static const ms_sink_vtable pg_vtable = {"postgresql", pg_write, pg_close};

gboolean ms_sink_pg_open(const char *url, const ms_pg_options *opt, ms_sink **out, GError **err)
{
    *out = NULL;
    pg_sink *s = g_new0(pg_sink, 1);
    s->base.vt = &pg_vtable;
    s->url = g_strdup(url);
    s->label = ms_pg_redact_url(url);
    s->spool = g_strdup(opt && opt->spool ? opt->spool : MS_PG_DEFAULT_SPOOL);
    s->command_line = g_strdup(opt && opt->command_line ? opt->command_line : "");
    int left = 0;
    s->pending = g_file_test(s->spool, G_FILE_TEST_EXISTS);
    if (!ensure(s, err) || !spool_replay(s, &left, err)) {
        sink_free(s);
        return FALSE;
    }
    *out = &s->base;
    return TRUE;
}

gboolean ms_sink_db_open(const char *target, const ms_sqlite_options *opt, const char *spool,
                         ms_sink **out, GError **err)
{
    if (!ms_db_is_postgres(target)) return ms_sink_sqlite_open(target, opt, out, err);
    ms_pg_options po = {opt ? opt->command_line : NULL, spool};
    return ms_sink_pg_open(target, &po, out, err);
}

gboolean ms_sink_db_has_error(const ms_sink *base, const char *file)
{
    if (!base || base->vt != &pg_vtable) return ms_sink_sqlite_has_error(base, file);
    pg_sink *s = (pg_sink *)base;
    int rows = 0;
    const char *v[] = {file};
    return file && ensure(s, NULL) && run(s, MS_PG_HAS_ERROR, v, &rows, NULL) && rows > 0;
}

char *ms_pg_spool_for(const char *out)
{
    return out ? g_strconcat(out, ".pg-spool.jsonl", NULL) : g_strdup(MS_PG_DEFAULT_SPOOL);
}
