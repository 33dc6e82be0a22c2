/* sqlite_schema — the database's schema and its migrations, and opening a
 * connection that writes (see sink_sqlite.h: ms_sqlite_open). */
#include "pipeline/sinks/sink_sqlite.h"

#include <sqlite3.h>

#include "pipeline/base/ms_error.h"

/* The schema, one step per version: step i takes a database from version i to
 * i + 1.  Each step runs in one transaction with its version bump, so a failed
 * step leaves the previous version whole.  To change the schema, append a
 * step (ALTER TABLE, CREATE ...); never edit a step that has shipped. */
static const char *const migrations[] = {
    /* 0 -> 1 */
    "CREATE TABLE runs ("
    "  id INTEGER PRIMARY KEY,"
    "  started_at TEXT NOT NULL,"  /* UTC, 2026-01-31T09:15:02Z */
    "  finished_at TEXT,"          /* NULL: the run did not finish */
    "  version TEXT NOT NULL,"     /* of motionscan */
    "  options TEXT NOT NULL,"     /* the command line, a JSON array, secrets removed */
    "  files INTEGER NOT NULL DEFAULT 0,"
    "  ok INTEGER NOT NULL DEFAULT 0,"
    "  failed INTEGER NOT NULL DEFAULT 0,"
    "  skipped INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE documents ("
    "  sha256 TEXT PRIMARY KEY,"
    "  file TEXT NOT NULL,"        /* the path it was last processed under */
    "  size INTEGER NOT NULL,"
    "  format TEXT NOT NULL,"
    "  status TEXT NOT NULL CHECK (status IN ('ok', 'error')),"
    "  error_code TEXT,"
    "  error_message TEXT,"
    "  filer TEXT,"
    "  motion_type TEXT,"
    "  nationality_code TEXT,"
    "  a_number TEXT,"
    "  respondent TEXT,"
    "  court TEXT,"
    "  detained INTEGER CHECK (detained IN (0, 1)),"
    "  title TEXT,"
    "  record_json TEXT NOT NULL," /* the record, without timings_ms and pages[].ms */
    "  first_run_id INTEGER NOT NULL REFERENCES runs (id),"
    "  last_run_id INTEGER NOT NULL REFERENCES runs (id));"
    "CREATE INDEX documents_motion_type ON documents (motion_type);"
    "CREATE TABLE pages ("
    "  sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,"
    "  number INTEGER NOT NULL,"
    "  source TEXT NOT NULL,"      /* text, ocr, error */
    "  dpi INTEGER, width INTEGER, height INTEGER, words INTEGER,"
    "  ocr_confidence REAL,"
    "  skew_degrees REAL,"
    "  error_code TEXT, error_message TEXT,"
    "  PRIMARY KEY (sha256, number)) WITHOUT ROWID;"
    /* The key's columns come first: SQLite 3.40's integrity_check wrongly
     * reports "NULL value" in a WITHOUT ROWID table whose NOT NULL column
     * is declared between key columns. */
    "CREATE TABLE fields ("
    "  sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,"
    "  field TEXT NOT NULL,"
    "  position INTEGER NOT NULL," /* 1..n in the record's order */
    "  value TEXT NOT NULL,"
    "  PRIMARY KEY (sha256, field, position)) WITHOUT ROWID;"
    "CREATE INDEX fields_field_value ON fields (field, value);"
    "CREATE TABLE evidence ("
    "  sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,"
    "  idx INTEGER NOT NULL,"      /* 0-based: record_json -> '$.evidence[idx]' */
    "  field TEXT NOT NULL, value TEXT, text TEXT,"
    "  page INTEGER, x0 INTEGER, y0 INTEGER, x1 INTEGER, y1 INTEGER, dpi INTEGER,"
    "  confidence REAL, rule TEXT, rule_source TEXT,"
    "  PRIMARY KEY (sha256, idx)) WITHOUT ROWID;"
    "CREATE TABLE country_mentions ("
    "  sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,"
    "  idx INTEGER NOT NULL,"      /* 0-based: '$.country_mentions[idx]' */
    "  code TEXT NOT NULL, name TEXT, text TEXT, role TEXT NOT NULL,"
    "  page INTEGER, x0 INTEGER, y0 INTEGER, x1 INTEGER, y1 INTEGER, dpi INTEGER,"
    "  confidence REAL, rule TEXT, rule_source TEXT,"
    "  PRIMARY KEY (sha256, idx)) WITHOUT ROWID;"
    "CREATE TABLE errors ("
    "  run_id INTEGER NOT NULL REFERENCES runs (id),"
    "  file TEXT NOT NULL,"
    "  sha256 TEXT,"               /* NULL when the bytes could not be read */
    "  error_code TEXT NOT NULL,"
    "  error_message TEXT,"
    "  PRIMARY KEY (run_id, file));",
    /* 1 -> 2: auditors' verdicts (motionscan review import; pipeline/review.c).
     * Not keyed to documents: a report made from a records file may judge
     * documents this database does not hold.  One verdict per reviewer per
     * shown value: importing a file again replaces, never adds. */
    "CREATE TABLE reviews ("
    "  sha256 TEXT NOT NULL,"      /* the document */
    "  field TEXT NOT NULL,"       /* the record member: removal_countries, a_number, ... */
    "  value TEXT NOT NULL,"       /* the value the report showed; '' when it showed none */
    "  reviewer TEXT NOT NULL,"    /* '' when no name was given */
    "  verdict TEXT NOT NULL CHECK (verdict IN ('correct', 'wrong')),"
    "  correct_value TEXT,"        /* with wrong: the right value; NULL: none or not given */
    "  rule TEXT,"                 /* the rule that gave the value; NULL: none (a miss, a derived value) */
    "  rule_source TEXT,"          /* rules/countries.rules:259 */
    "  file TEXT,"                 /* the document's path, as the report showed it */
    "  reviewed_at TEXT NOT NULL," /* when the auditor gave the verdict, UTC */
    "  imported_at TEXT NOT NULL,"
    "  PRIMARY KEY (sha256, field, value, reviewer));"
    "CREATE INDEX reviews_rule ON reviews (rule);",
    /* 2 -> 3: what each calendar feed last exported (motionscan calendar;
     * pipeline/calendar/calendar.c), so a re-export keeps UIDs, raises SEQUENCE
     * only when an event changed, and cancels the events of filings that are gone. */
    "CREATE TABLE calendar_events ("
    "  feed TEXT NOT NULL,"         /* the feed's name (--feed; the .ics file's name) */
    "  uid TEXT NOT NULL,"          /* from sha256, part and kind */
    "  sha256 TEXT NOT NULL,"       /* the document; not a foreign key: it may be gone */
    "  kind TEXT NOT NULL,"         /* deadline, hearing, court_sets */
    "  sequence INTEGER NOT NULL,"  /* RFC 5545 SEQUENCE, raised on each change */
    "  dtstamp TEXT NOT NULL,"      /* UTC, 20260131T091502Z: when it last changed */
    "  content TEXT NOT NULL,"      /* the VEVENT as exported, less SEQUENCE and DTSTAMP */
    "  cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),"
    "  PRIMARY KEY (feed, uid));",
    /* 3 -> 4: stapled stacks (extractors/stack.c): one document row per
     * filing of a file, keyed by (sha256, part); a file that is one filing is
     * part 1 of 1, as every document of an older database becomes.  The
     * tables are rebuilt (SQLite cannot change a primary key), the key's
     * columns first (see step 0), and renamed into place. */
    "CREATE TABLE documents_v4 ("
    "  sha256 TEXT NOT NULL,"
    "  part INTEGER NOT NULL DEFAULT 1,"       /* 1..part_count, in page order */
    "  part_count INTEGER NOT NULL DEFAULT 1," /* filings the file holds */
    "  first_page INTEGER, last_page INTEGER," /* the part's pages in the file */
    "  file TEXT NOT NULL, size INTEGER NOT NULL, format TEXT NOT NULL,"
    "  status TEXT NOT NULL CHECK (status IN ('ok', 'error')),"
    "  error_code TEXT, error_message TEXT, filer TEXT, motion_type TEXT, nationality_code TEXT,"
    "  a_number TEXT, respondent TEXT, court TEXT, detained INTEGER CHECK (detained IN (0, 1)),"
    "  title TEXT, record_json TEXT NOT NULL,"
    "  first_run_id INTEGER NOT NULL REFERENCES runs (id),"
    "  last_run_id INTEGER NOT NULL REFERENCES runs (id),"
    "  PRIMARY KEY (sha256, part));"
    "INSERT INTO documents_v4 (sha256, part, part_count, first_page, last_page, file, size, format, status, error_code, error_message, filer, motion_type, nationality_code, a_number, respondent, court, detained, title, record_json, first_run_id, last_run_id)"
    "  SELECT sha256, 1, 1, 1, (SELECT count(*) FROM pages p WHERE p.sha256 = d.sha256), file, size, format, status, error_code, error_message, filer, motion_type, nationality_code, a_number, respondent, court, detained, title, record_json, first_run_id, last_run_id"
    "  FROM documents d;"
    "CREATE TABLE pages_v4 ("
    "  sha256 TEXT NOT NULL, part INTEGER NOT NULL, number INTEGER NOT NULL,"
    "  source TEXT NOT NULL, dpi INTEGER, width INTEGER, height INTEGER, words INTEGER,"
    "  ocr_confidence REAL, skew_degrees REAL, error_code TEXT, error_message TEXT,"
    "  PRIMARY KEY (sha256, part, number),"
    "  FOREIGN KEY (sha256, part) REFERENCES documents_v4 (sha256, part) ON DELETE CASCADE)"
    "  WITHOUT ROWID;"
    "INSERT INTO pages_v4 SELECT sha256, 1, number, source, dpi, width, height, words,"
    "  ocr_confidence, skew_degrees, error_code, error_message FROM pages;"
    "CREATE TABLE fields_v4 ("
    "  sha256 TEXT NOT NULL, part INTEGER NOT NULL, field TEXT NOT NULL, position INTEGER NOT NULL,"
    "  value TEXT NOT NULL,"
    "  PRIMARY KEY (sha256, part, field, position),"
    "  FOREIGN KEY (sha256, part) REFERENCES documents_v4 (sha256, part) ON DELETE CASCADE)"
    "  WITHOUT ROWID;"
    "INSERT INTO fields_v4 SELECT sha256, 1, field, position, value FROM fields;"
    "CREATE TABLE evidence_v4 ("
    "  sha256 TEXT NOT NULL, part INTEGER NOT NULL, idx INTEGER NOT NULL,"
    "  field TEXT NOT NULL, value TEXT, text TEXT, page INTEGER, x0 INTEGER, y0 INTEGER, x1 INTEGER, y1 INTEGER, dpi INTEGER, confidence REAL, rule TEXT, rule_source TEXT,"
    "  PRIMARY KEY (sha256, part, idx),"
    "  FOREIGN KEY (sha256, part) REFERENCES documents_v4 (sha256, part) ON DELETE CASCADE)"
    "  WITHOUT ROWID;"
    "INSERT INTO evidence_v4 SELECT sha256, 1, idx, field, value, text, page, x0, y0, x1, y1, dpi, confidence, rule, rule_source FROM evidence;"
    "CREATE TABLE country_mentions_v4 ("
    "  sha256 TEXT NOT NULL, part INTEGER NOT NULL, idx INTEGER NOT NULL,"
    "  code TEXT NOT NULL, name TEXT, text TEXT, role TEXT NOT NULL, page INTEGER, x0 INTEGER, y0 INTEGER, x1 INTEGER, y1 INTEGER, dpi INTEGER, confidence REAL, rule TEXT, rule_source TEXT,"
    "  PRIMARY KEY (sha256, part, idx),"
    "  FOREIGN KEY (sha256, part) REFERENCES documents_v4 (sha256, part) ON DELETE CASCADE)"
    "  WITHOUT ROWID;"
    "INSERT INTO country_mentions_v4 SELECT sha256, 1, idx, code, name, text, role, page, x0, y0, x1, y1, dpi, confidence, rule, rule_source"
    "  FROM country_mentions;"
    "DROP TABLE pages; DROP TABLE fields; DROP TABLE evidence; DROP TABLE country_mentions;"
    "DROP TABLE documents;"
    "ALTER TABLE documents_v4 RENAME TO documents;"
    "ALTER TABLE pages_v4 RENAME TO pages;"
    "ALTER TABLE fields_v4 RENAME TO fields;"
    "ALTER TABLE evidence_v4 RENAME TO evidence;"
    "ALTER TABLE country_mentions_v4 RENAME TO country_mentions;"
    "CREATE INDEX documents_motion_type ON documents (motion_type);"
    "CREATE INDEX fields_field_value ON fields (field, value);",
    /* 4 -> 5: append here */
};
G_STATIC_ASSERT(G_N_ELEMENTS(migrations) == MS_SQLITE_SCHEMA_VERSION);

/* SQLite's reason for the last failure on db, as this module's error. */
gboolean ms_sqlite_fail(sqlite3 *db, const char *path, const char *what, GError **err)
{
    g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%s: %s: %s", path, what,
                db ? sqlite3_errmsg(db) : "out of memory");
    return FALSE;
}

/* Run constant SQL (no values in it). */
gboolean ms_sqlite_exec(sqlite3 *db, const char *path, const char *sql, const char *what, GError **err)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK || ms_sqlite_fail(db, path, what, err);
}

static gboolean user_version(sqlite3 *db, const char *path, int *version, GError **err)
{
    sqlite3_stmt *st = NULL;
    gboolean ok = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
                  sqlite3_step(st) == SQLITE_ROW;
    if (ok) *version = sqlite3_column_int(st, 0);
    else ms_sqlite_fail(db, path, "cannot read the schema version", err);
    sqlite3_finalize(st);
    return ok;
}

static gboolean newer(const char *path, int v, GError **err)
{
    if (v <= MS_SQLITE_SCHEMA_VERSION) return FALSE;
    g_set_error(err, MS_ERROR, MS_ERR_OUTPUT,
                "%s: the database has schema version %d, newer than this motionscan's %d; "
                "use a newer motionscan or another database",
                path, v, MS_SQLITE_SCHEMA_VERSION);
    return TRUE;
}

/* Bring the schema to MS_SQLITE_SCHEMA_VERSION, one step per transaction.
 * The version is read inside the transaction, so two runs opening a new
 * database at once do not both create it. */
static gboolean migrate(sqlite3 *db, const char *path, GError **err)
{
    for (;;) {
        int v = 0;
        if (!ms_sqlite_exec(db, path, "BEGIN IMMEDIATE", "cannot lock the database", err)) return FALSE;
        if (!user_version(db, path, &v, err) || newer(path, v, err)) goto fail;
        if (v == MS_SQLITE_SCHEMA_VERSION) return ms_sqlite_exec(db, path, "COMMIT", "cannot commit", err);
        /* A pragma takes no parameters; v is the program's own step number. */
        char *bump = g_strdup_printf("PRAGMA user_version = %d", v + 1);
        char *what = g_strdup_printf("cannot create schema version %d", v + 1);
        gboolean ok = ms_sqlite_exec(db, path, migrations[v], what, err) && ms_sqlite_exec(db, path, bump, what, err) &&
                      ms_sqlite_exec(db, path, "COMMIT", what, err);
        g_free(bump);
        g_free(what);
        if (!ok) goto fail;
    }
fail:
    if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return FALSE;
}

/* Open or create the database, configure the connection and migrate the
 * schema: what every connection that writes needs. */
static gboolean open_db(sqlite3 **out, const char *path, GError **err)
{
    if (sqlite3_open_v2(path, out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK)
        return ms_sqlite_fail(*out, path, "cannot open the database", err);
    sqlite3 *db = *out;
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, MS_SQLITE_BUSY_MS);
    /* A newer program's database is not touched, not even its journal mode. */
    int v = 0;
    if (!user_version(db, path, &v, err) || newer(path, v, err)) return FALSE;
    /* WAL lets readers query while a run writes; NORMAL is durable in WAL
     * mode but for the last transactions before a power cut. */
    return ms_sqlite_exec(db, path, "PRAGMA journal_mode = WAL", "cannot use WAL", err) &&
           ms_sqlite_exec(db, path, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON", "cannot configure", err) &&
           migrate(db, path, err);
}

gboolean ms_sqlite_open(const char *path, sqlite3 **out, GError **err)
{
    sqlite3 *db = NULL;
    *out = NULL;
    if (!open_db(&db, path, err)) {
        sqlite3_close(db);
        return FALSE;
    }
    *out = db;
    return TRUE;
}
