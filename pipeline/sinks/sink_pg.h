/* sink_pg — records in a PostgreSQL database that many writers share.
 *
 * `--db postgresql://...` (or postgres://) in run, watch and merge selects
 * this sink; any other --db value is a SQLite file (pipeline/sinks/sink_sqlite.h).
 * The tables and their meaning are SQLite's, step for step: the schema's
 * version lives in the table motionscan_schema, and each migration step runs
 * once, in its own transaction, under pg_advisory_lock, so shards and daemons
 * that start together do not race to create it.  A database from a newer
 * motionscan is refused.
 *
 * Each record is one transaction.  Documents are upserted by sha256 with
 * INSERT ... ON CONFLICT: the row is locked by the first writer, so two
 * shards or daemons storing the same content never duplicate or lose it; an
 * unchanged record only moves last_run_id, and an error never replaces a
 * document read ok, as in SQLite.  The rows of a record (pages, fields,
 * evidence, country mentions) are taken from its JSON by the server.
 *
 * When the server cannot be reached, the sink retries with backoff; a record
 * it still cannot store is appended to the spool file (JSON Lines, fsynced),
 * said on stderr, and stored first at the next write that reaches the server,
 * at close, or at the next start with the same spool.  A record is never
 * dropped.  The first connection must succeed (after retries): the schema
 * has to be checked before anything is written.
 *
 * Thread rules: one thread (the batch's writer, the watch recorder).
 * Ownership: the sink is released with ms_sink_close(); it copies its options.
 */
#ifndef MS_SINK_PG_H
#define MS_SINK_PG_H

#include "pipeline/sinks/sink.h"
#include "pipeline/sinks/sink_sqlite.h"

/* Same version numbers as SQLite: the same steps. */
#define MS_PG_SCHEMA_VERSION MS_SQLITE_SCHEMA_VERSION
/* Tries per connection attempt, the first wait between them, and the
 * longest wait before the server is tried again after it was found down. */
#define MS_PG_CONNECT_TRIES 4
#define MS_PG_BACKOFF_FIRST_MS 100
#define MS_PG_BACKOFF_MAX_MS 5000
/* pg_advisory_lock key for migrations: "motionsc" in ASCII. */
#define MS_PG_MIGRATION_LOCK 0x6d6f74696f6e7363LL

typedef struct {
    const char *command_line; /* runs.options, secrets removed */
    const char *spool;        /* the spool file; NULL: MS_PG_DEFAULT_SPOOL */
} ms_pg_options;

#define MS_PG_DEFAULT_SPOOL "motionscan-pg-spool.jsonl"

/* Whether `target` names a PostgreSQL database (postgresql:// or postgres://). */
gboolean ms_db_is_postgres(const char *target);

/* Connect (retrying), migrate, store what the spool holds, start a run.
 * Errors: MS_ERR_OUTPUT, naming the URL without its password. */
gboolean ms_sink_pg_open(const char *url, const ms_pg_options *opt, ms_sink **out, GError **err);

/* The database sink for --db: PostgreSQL for a URL (spooling to `spool`),
 * else SQLite at the path with `opt`. */
gboolean ms_sink_db_open(const char *target, const ms_sqlite_options *opt, const char *spool,
                         ms_sink **out, GError **err);

/* Whether the database's errors table holds `file` (either store); FALSE
 * when unknown.  See ms_sink_sqlite_has_error. */
gboolean ms_sink_db_has_error(const ms_sink *s, const char *file);

/* `url` with the password of its user part shown as (hidden), for messages
 * and the runs table: postgresql://ms:(hidden)@host/db.  g_free it. */
char *ms_pg_redact_url(const char *url);

/* The spool path for a run whose records go to `out` (NULL: stdout):
 * OUT.pg-spool.jsonl beside it, or MS_PG_DEFAULT_SPOOL here.  g_free it. */
char *ms_pg_spool_for(const char *out);

/* The SQL (sink_pg_sql.c): migration step i takes version i to i + 1. */
extern const char *const ms_pg_migrations[]; /* MS_PG_SCHEMA_VERSION steps */
typedef enum {
    MS_PG_UPSERT_DOC, /* $1 sha256, $2 record_json, $3 run id: RETURNING a row if written */
    MS_PG_TOUCH_DOC,  /* $1 sha256, $2 run id */
    MS_PG_ADD_ERROR,  /* $1 sha256 or NULL, $2 record_json, $3 run id */
    MS_PG_DEL_EXTRA_PARTS, /* $1 sha256, $2 record_json (its part), for these five */
    MS_PG_DEL_PAGES,
    MS_PG_DEL_FIELDS,
    MS_PG_DEL_EVIDENCE,
    MS_PG_DEL_MENTIONS,
    MS_PG_ADD_PAGES, /* $1 sha256, $2 record_json, for these four */
    MS_PG_ADD_FIELDS,
    MS_PG_ADD_EVIDENCE,
    MS_PG_ADD_MENTIONS,
    MS_PG_HAS_ERROR, /* $1 file */
    MS_PG__STATEMENTS
} ms_pg_statement;
extern const char *const ms_pg_statements[MS_PG__STATEMENTS];

#endif
