/* watch_journal — the watch daemon's records, written exactly once; the
 * steps and the recovery are described in watch_journal.h. */
#include "pipeline/drivers/watch_journal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/document/record_json.h"
#include "pipeline/sinks/sink_pg.h"

const char *const ms_watch_dir_names[MS_WATCH__DIRS] = {"processing", "done", "failed", "journal"};

/* A commit not finished yet: only the oldest one has its journal/NAME. */
typedef struct {
    JsonObject *entry; /* claim, dest, record; the sizes once on disk */
    gboolean on_disk;  /* journal/NAME written */
    gboolean tried;    /* step 2 failed once (and was rolled back) */
    gboolean late;     /* not recorded by its own commit: logged when it is */
} waiting_entry;

static void waiting_entry_free(gpointer p)
{
    waiting_entry *we = p;
    json_object_unref(we->entry);
    g_free(we);
}

struct ms_journal {
    ms_journal_options opt;
    char *dir[MS_WATCH__DIRS];
    char *jsonl_path, *index_path;
    FILE *jsonl; /* borrowed from jsonl_sink, for its size and fsync */
    FILE *index;
    int csv_fd; /* read-only, for the CSV's size and fsync */
    ms_sink *jsonl_sink, *csv_sink, *db;
    GMutex lock;         /* guards known and reading */
    GHashTable *known;   /* sha256 -> "done/NAME" */
    GHashTable *reading; /* sha256 -> claim, being read by a worker */
    GQueue waiting;      /* waiting_entry*, not recorded yet (e.g. a full disk), oldest first */
};

void ms_watch_log(const char *fmt, ...)
{
    char *stamp = ms_utc_timestamp();
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s motionscan watch: %s\n", stamp, msg);
    fflush(stderr);
    g_free(msg);
    g_free(stamp);
}

static char *in_dir(ms_journal *jn, int d, const char *name)
{
    return g_build_filename(jn->dir[d], name, NULL);
}

gboolean ms_watch_io_error(GError **err, const char *what, const char *path)
{
    int e = errno;
    g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%s %s: %s", what, path, g_strerror(e));
    return FALSE;
}

static gboolean exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 || errno != ENOENT;
}

gboolean ms_watch_fsync_dir(const char *dir, GError **err)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return ms_watch_io_error(err, "cannot open", dir);
    gboolean ok = fsync(fd) == 0 || ms_watch_io_error(err, "cannot sync", dir);
    close(fd);
    return ok;
}

static gboolean fsync_fd(int fd, const char *path, GError **err)
{
    return fsync(fd) == 0 || ms_watch_io_error(err, "cannot sync", path);
}

static gint64 fd_size(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 ? (gint64)st.st_size : -1;
}

/* Cut `path` back to `size` bytes when it grew past it (and say so when `loud`). */
static gboolean cut_back(const char *path, gint64 size, gboolean loud, GError **err)
{
    struct stat st;
    if (!path || size < 0 || stat(path, &st) != 0 || st.st_size <= size) return TRUE;
    if (truncate(path, size) != 0) return ms_watch_io_error(err, "cannot repair", path);
    if (loud)
        ms_watch_log("%s: removed %lld bytes written after the last complete record", path,
                 (long long)(st.st_size - size));
    return TRUE;
}

/* Remove a torn last line (no newline at the end) left by a kill. */
static gboolean cut_torn_line(const char *path, GError **err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno == ENOENT || ms_watch_io_error(err, "cannot read", path);
    gint64 size = fd_size(fd), keep = size;
    char buf[4096];
    while (keep > 0) {
        gint64 from = MAX(0, keep - (gint64)sizeof buf);
        ssize_t n = pread(fd, buf, (size_t)(keep - from), from);
        if (n <= 0) break;
        gint64 i = n;
        while (i > 0 && buf[i - 1] != '\n')
            i--;
        if (i > 0) {
            keep = from + i;
            break;
        }
        keep = from;
    }
    close(fd);
    if (keep == size) return TRUE;
    if (truncate(path, keep) != 0) return ms_watch_io_error(err, "cannot repair", path);
    ms_watch_log("%s: removed a torn last line (%lld bytes)", path, (long long)(size - keep));
    return TRUE;
}

static gboolean index_add(ms_journal *jn, const char *sha, const char *where, GError **err)
{
    if (fprintf(jn->index, "%s\t%s\n", sha, where) < 0 || fflush(jn->index) != 0)
        return ms_watch_io_error(err, "cannot write", jn->index_path);
    return fsync_fd(fileno(jn->index), jn->index_path, err);
}

static gint64 int_member(JsonObject *o, const char *name)
{
    JsonNode *n = ms_json_member(o, name);
    return n && JSON_NODE_HOLDS_VALUE(n) ? json_node_get_int(n) : -1;
}

static gboolean write_json_file(const char *path, JsonNode *node, gboolean pretty, GError **err)
{
    char *text = json_to_string(node, pretty);
    GError *e = NULL;
    gboolean ok = g_file_set_contents_full(
        path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0644, &e);
    if (!ok) {
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "cannot write %s: %s", path, e->message);
        g_error_free(e);
    }
    g_free(text);
    return ok;
}

/* A recorded content (not a duplicate, not empty): `where` it went. */
static void note_known(ms_journal *jn, JsonObject *rec, const char *where)
{
    const char *sha = ms_json_str(rec, "sha256");
    if (!sha || int_member(rec, "size") <= 0 || g_strcmp0(ms_json_str(rec, "status"), "skipped") == 0)
        return;
    g_mutex_lock(&jn->lock);
    g_hash_table_replace(jn->known, g_strdup(sha), g_strdup(where));
    g_mutex_unlock(&jn->lock);
}

/* Steps 2 to 4 of the journal (see watch_journal.h) for one entry.
 * `again`: the entry is being finished after a restart. */
static gboolean apply_entry(ms_journal *jn, JsonObject *entry, gboolean again, GError **err)
{
    const char *claim = ms_json_str(entry, "claim"), *dest = ms_json_str(entry, "dest");
    JsonObject *rec = json_object_get_object_member(entry, "record");
    const char *sha = ms_json_str(rec, "sha256"), *status = ms_json_str(rec, "status");
    gboolean failed = g_strcmp0(dest, "failed") == 0;
    gboolean ok = TRUE;
    if (sha && int_member(rec, "size") > 0 && g_strcmp0(status, "skipped") != 0) {
        char *where = g_build_filename(dest, claim, NULL);
        ok = index_add(jn, sha, where, err);
        note_known(jn, rec, where);
        g_free(where);
    }
    ok = ok && ms_sink_write(jn->jsonl_sink, rec, err) &&
         fsync_fd(fileno(jn->jsonl), jn->jsonl_path, err);
    if (ok && jn->csv_sink)
        ok = ms_sink_write(jn->csv_sink, rec, err) && fsync_fd(jn->csv_fd, jn->opt.csv, err);
    if (ok && jn->db &&
        !(again && g_strcmp0(status, "error") == 0 &&
          ms_sink_db_has_error(jn->db, ms_json_str(rec, "file"))))
        ok = ms_sink_write(jn->db, rec, err);
    if (ok && failed) {
        char *path =
            g_strconcat(jn->dir[MS_WATCH_FAILED], G_DIR_SEPARATOR_S, claim, ".error.json", NULL);
        JsonNode *n = json_node_init_object(json_node_alloc(), rec);
        ok = write_json_file(path, n, TRUE, err);
        json_node_unref(n);
        g_free(path);
    }
    if (ok) {
        char *from = in_dir(jn, MS_WATCH_PROCESSING, claim),
             *to = in_dir(jn, failed ? MS_WATCH_FAILED : MS_WATCH_DONE, claim);
        ok = (rename(from, to) == 0 || ms_watch_io_error(err, "cannot move the file to", to)) &&
             ms_watch_fsync_dir(jn->dir[failed ? MS_WATCH_FAILED : MS_WATCH_DONE], err);
        g_free(from);
        g_free(to);
    }
    if (ok) {
        char *entry_path = in_dir(jn, MS_WATCH_JOURNAL, claim);
        if (unlink(entry_path) != 0) ok = ms_watch_io_error(err, "cannot remove", entry_path);
        g_free(entry_path);
    }
    return ok;
}

/* The processing path in messages becomes the file's final place. */
static void retarget(ms_result *r, const char *from, const char *to)
{
    g_free(r->path);
    r->path = g_strdup(to);
    if (r->error_message) {
        GString *s = g_string_new(r->error_message);
        g_string_replace(s, from, to, 0);
        g_free(r->error_message);
        r->error_message = g_string_free(s, FALSE);
    }
    for (guint i = 0; i < r->pages->len; i++) {
        ms_page_result *p = &g_array_index(r->pages, ms_page_result, i);
        if (!p->error) continue;
        GString *s = g_string_new(p->error);
        g_string_replace(s, from, to, 0);
        g_free(p->error);
        p->error = g_string_free(s, FALSE);
    }
}

/* Bytes recorded before (by another file): the result becomes a duplicate. */
static void make_duplicate(ms_result *r)
{
    r->skipped = TRUE;
    g_clear_pointer(&r->error_code, g_free);
    g_clear_pointer(&r->error_message, g_free);
    g_array_set_size(r->pages, 0);
    g_clear_pointer(&r->x, ms_extraction_free);
}

static gint cmp_entry_size(gconstpointer a, gconstpointer b)
{
    gint64 x = int_member(*(JsonObject *const *)a, "jsonl_size");
    gint64 y = int_member(*(JsonObject *const *)b, "jsonl_size");
    return x < y ? -1 : x > y;
}

/* The journal entries whose file is still in processing/ (to finish once the
 * sinks are open); the files are cut back to the sizes the first recorded.
 * Entries of finished files, and unreadable ones, are removed. */
static gboolean read_journal(ms_journal *jn, GPtrArray *pending, GError **err)
{
    GDir *d = g_dir_open(jn->dir[MS_WATCH_JOURNAL], 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        char *path = in_dir(jn, MS_WATCH_JOURNAL, name);
        JsonParser *p = json_parser_new();
        JsonNode *root = json_parser_load_from_file(p, path, NULL) ? json_parser_get_root(p) : NULL;
        JsonObject *e = root && JSON_NODE_HOLDS_OBJECT(root) ? json_node_get_object(root) : NULL;
        const char *claim = ms_json_str(e, "claim");
        char *proc = claim ? in_dir(jn, MS_WATCH_PROCESSING, claim) : NULL;
        /* a name other than its claim: a temporary file the journal's rename never
         * replaced, so nothing of it was written; the file is read again */
        if (e && claim && strcmp(claim, name) == 0 && json_object_has_member(e, "record") &&
            exists(proc)) {
            g_ptr_array_add(pending, json_object_ref(e));
        } else {
            if (!e || !claim) ms_watch_log("%s: not a journal entry; removed", path);
            unlink(path);
        }
        g_free(proc);
        g_object_unref(p);
        g_free(path);
    }
    if (d) g_dir_close(d);
    g_ptr_array_sort(pending, cmp_entry_size);
    if (pending->len == 0) return TRUE;
    JsonObject *first = g_ptr_array_index(pending, 0);
    return cut_back(jn->jsonl_path, int_member(first, "jsonl_size"), TRUE, err) &&
           cut_back(jn->index_path, int_member(first, "index_size"), TRUE, err) &&
           cut_back(jn->opt.csv, int_member(first, "csv_size"), TRUE, err);
}

static gboolean load_index(ms_journal *jn, GError **err)
{
    char *text = NULL;
    gsize len = 0;
    GError *e = NULL;
    if (!g_file_get_contents(jn->index_path, &text, &len, &e)) {
        gboolean missing = g_error_matches(e, G_FILE_ERROR, G_FILE_ERROR_NOENT);
        if (!missing)
            g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "cannot read %s: %s", jn->index_path,
                        e->message);
        g_error_free(e);
        return missing;
    }
    char **lines = g_strsplit(text, "\n", -1);
    for (char **l = lines; *l; l++) {
        char *tab = strchr(*l, '\t');
        if (!tab || tab - *l != 64) continue;
        g_hash_table_replace(jn->known, g_strndup(*l, 64), g_strdup(tab + 1));
    }
    g_strfreev(lines);
    g_free(text);
    return TRUE;
}

/* known.tsv, records.jsonl and the CSV, for appending. */
static gboolean open_files(ms_journal *jn, GError **err)
{
    const ms_journal_options *o = &jn->opt;
    jn->index = fopen(jn->index_path, "a");
    if (!jn->index) return ms_watch_io_error(err, "cannot open", jn->index_path);
    jn->jsonl = fopen(jn->jsonl_path, "a");
    if (!jn->jsonl) return ms_watch_io_error(err, "cannot open", jn->jsonl_path);
    jn->jsonl_sink = ms_sink_jsonl_new(jn->jsonl, TRUE);
    if (o->csv) {
        if (!ms_sink_csv_open_append(o->csv, &jn->csv_sink, err)) return FALSE;
        jn->csv_fd = open(o->csv, O_RDONLY | O_CLOEXEC);
        if (jn->csv_fd < 0) return ms_watch_io_error(err, "cannot open", o->csv);
    }
    return TRUE;
}

static gboolean open_sinks(ms_journal *jn, GError **err)
{
    const ms_journal_options *o = &jn->opt;
    if (!open_files(jn, err)) return FALSE;
    ms_sqlite_options so = MS_SQLITE_OPTIONS_INIT;
    so.command_line = o->command_line;
    char *spool = g_build_filename(o->out_dir, "pg-spool.jsonl", NULL);
    gboolean ok = !o->db || ms_sink_db_open(o->db, &so, spool, &jn->db, err);
    g_free(spool);
    return ok;
}

/* Close the sinks (the database too when `db`), keeping the first error. */
static gboolean close_sinks(ms_journal *jn, gboolean db, GError **err)
{
    ms_sink *sinks[] = {jn->jsonl_sink, jn->csv_sink, db ? jn->db : NULL};
    gboolean ok = ms_sink_close_all(sinks, G_N_ELEMENTS(sinks), err);
    jn->jsonl_sink = jn->csv_sink = NULL;
    if (db) jn->db = NULL;
    jn->jsonl = NULL;
    if (jn->index && fclose(jn->index) != 0 && ok)
        ok = ms_watch_io_error(err, "cannot close", jn->index_path);
    jn->index = NULL;
    if (jn->csv_fd >= 0) close(jn->csv_fd);
    jn->csv_fd = -1;
    return ok;
}

/* Step 1: the sizes the files have now, then journal/NAME. */
static gboolean write_entry(ms_journal *jn, JsonObject *entry, GError **err)
{
    json_object_set_int_member(entry, "jsonl_size", fd_size(fileno(jn->jsonl)));
    json_object_set_int_member(entry, "index_size", fd_size(fileno(jn->index)));
    json_object_set_int_member(entry, "csv_size", jn->csv_sink ? fd_size(jn->csv_fd) : -1);
    JsonNode *node = json_node_init_object(json_node_alloc(), entry);
    char *path = in_dir(jn, MS_WATCH_JOURNAL, ms_json_str(entry, "claim"));
    gboolean ok = write_json_file(path, node, FALSE, err) &&
                  ms_watch_fsync_dir(jn->dir[MS_WATCH_JOURNAL], err);
    g_free(path);
    json_node_unref(node);
    return ok;
}

/* After a failed step 2: no half-written line stays.  The files are closed
 * (dropping what their buffers held), cut back to the sizes the entry noted
 * and reopened by the next try; the database rolled its transaction back. */
static void roll_back(ms_journal *jn, JsonObject *entry, gboolean loud)
{
    close_sinks(jn, FALSE, NULL);
    GError *e = NULL;
    if (!cut_back(jn->jsonl_path, int_member(entry, "jsonl_size"), loud, &e) ||
        !cut_back(jn->index_path, int_member(entry, "index_size"), loud, &e) ||
        !cut_back(jn->opt.csv, int_member(entry, "csv_size"), loud, &e)) {
        ms_watch_log("%s (tried again with the next record)", e->message);
        g_error_free(e);
    }
}

/* Record the waiting entries, oldest first, until one fails. */
static gboolean flush_waiting(ms_journal *jn, GError **err)
{
    waiting_entry *we;
    while ((we = g_queue_peek_head(&jn->waiting))) {
        const char *claim = ms_json_str(we->entry, "claim");
        char *proc = in_dir(jn, MS_WATCH_PROCESSING, claim);
        gboolean moved = we->tried && !exists(proc); /* failed after step 3 */
        g_free(proc);
        if (!jn->jsonl_sink && !open_files(jn, err)) {
            close_sinks(jn, FALSE, NULL); /* what did open, for the next try */
            return FALSE;
        }
        if (!we->on_disk && !(we->on_disk = write_entry(jn, we->entry, err))) return FALSE;
        if (moved) {
            char *path = in_dir(jn, MS_WATCH_JOURNAL, claim);
            gboolean gone = unlink(path) == 0 || ms_watch_io_error(err, "cannot remove", path);
            g_free(path);
            if (!gone) return FALSE;
        } else if (!apply_entry(jn, we->entry, we->tried, err)) {
            proc = in_dir(jn, MS_WATCH_PROCESSING, claim);
            if (exists(proc)) roll_back(jn, we->entry, !we->tried); /* else the record is whole */
            we->tried = TRUE;
            g_free(proc);
            return FALSE;
        }
        if (we->late)
            ms_watch_log("%s -> %s/%s: recorded, after waiting", claim,
                         ms_json_str(we->entry, "dest"), claim);
        waiting_entry_free(g_queue_pop_head(&jn->waiting));
    }
    return TRUE;
}

static gboolean waiting_error(ms_journal *jn, GError **err)
{
    guint n = g_queue_get_length(&jn->waiting) - 1;
    g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%u earlier file%s wait%s to be recorded", n,
                n == 1 ? "" : "s", n == 1 ? "s" : "");
    return FALSE;
}

gboolean ms_journal_seen(ms_journal *jn, const char *sha256, const char *claim, char **dup_of)
{
    g_mutex_lock(&jn->lock);
    const char *where = g_hash_table_lookup(jn->known, sha256);
    const char *reader = where ? NULL : g_hash_table_lookup(jn->reading, sha256);
    if (where)
        *dup_of = g_strdup(where);
    else if (reader)
        *dup_of = g_strdup_printf("processing/%s (being read)", reader);
    else
        g_hash_table_insert(jn->reading, g_strdup(sha256), g_strdup(claim));
    g_mutex_unlock(&jn->lock);
    return where || reader;
}

gboolean ms_journal_commit(ms_journal *jn, const char *claim, ms_result *r, char **dup_of,
                           char **where, GError **err)
{
    g_mutex_lock(&jn->lock);
    if (*r->sha256 && r->size > 0) { /* empty files are not duplicates of each other */
        const char *known = g_hash_table_lookup(jn->known, r->sha256);
        if (known && !r->skipped) { /* e.g. two copies of one unreadable file */
            g_free(*dup_of);
            *dup_of = g_strdup(known);
            make_duplicate(r);
        }
        const char *reader = g_hash_table_lookup(jn->reading, r->sha256);
        if (reader && strcmp(reader, claim) == 0) g_hash_table_remove(jn->reading, r->sha256);
    }
    g_mutex_unlock(&jn->lock);

    int d = r->skipped || !r->error_code ? MS_WATCH_DONE : MS_WATCH_FAILED;
    char *proc = in_dir(jn, MS_WATCH_PROCESSING, claim), *final = in_dir(jn, d, claim);
    retarget(r, proc, final);
    JsonNode *rec = ms_record_build(r, jn->opt.rules_dir);
    waiting_entry *we = g_new0(waiting_entry, 1);
    we->entry = json_object_new();
    json_object_set_string_member(we->entry, "claim", claim);
    json_object_set_string_member(we->entry, "dest", ms_watch_dir_names[d]);
    json_object_set_object_member(we->entry, "record",
                                  json_object_ref(json_node_get_object(rec)));
    *where = g_build_filename(ms_watch_dir_names[d], claim, NULL);
    note_known(jn, json_node_get_object(rec), *where);
    gboolean first = g_queue_is_empty(&jn->waiting);
    g_queue_push_tail(&jn->waiting, we);
    gboolean ok = first ? flush_waiting(jn, err) : waiting_error(jn, err);
    if (!ok) we->late = TRUE; /* still queued (when ok it was recorded and freed) */
    json_node_unref(rec);
    g_free(proc);
    g_free(final);
    return ok;
}

gboolean ms_journal_retry(ms_journal *jn, GError **err)
{
    return flush_waiting(jn, err);
}

guint ms_journal_waiting(ms_journal *jn)
{
    return g_queue_get_length(&jn->waiting);
}

/* Finish the entries read_journal() found. */
static gboolean finish(ms_journal *jn, GPtrArray *pending, GError **err)
{
    for (guint i = 0; i < pending->len; i++) {
        JsonObject *e = g_ptr_array_index(pending, i);
        if (!apply_entry(jn, e, TRUE, err)) return FALSE;
        ms_watch_log("%s -> %s/%s: recorded after a restart", ms_json_str(e, "claim"),
                     ms_json_str(e, "dest"), ms_json_str(e, "claim"));
    }
    return TRUE;
}

gboolean ms_journal_open(const ms_journal_options *opt, ms_journal **out, GError **err)
{
    ms_journal *jn = g_new0(ms_journal, 1);
    jn->opt = *opt;
    jn->csv_fd = -1;
    g_mutex_init(&jn->lock);
    jn->known = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    jn->reading = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (int d = 0; d < MS_WATCH__DIRS; d++)
        jn->dir[d] = g_build_filename(opt->out_dir, ms_watch_dir_names[d], NULL);
    jn->jsonl_path = g_build_filename(opt->out_dir, "records.jsonl", NULL);
    jn->index_path = g_build_filename(opt->out_dir, "known.tsv", NULL);
    GPtrArray *pending = g_ptr_array_new_with_free_func((GDestroyNotify)json_object_unref);
    gboolean ok = read_journal(jn, pending, err) && cut_torn_line(jn->jsonl_path, err) &&
                  cut_torn_line(jn->index_path, err) && load_index(jn, err) &&
                  open_sinks(jn, err) && finish(jn, pending, err);
    g_ptr_array_unref(pending);
    if (!ok) {
        ms_journal_close(jn, NULL);
        jn = NULL;
    }
    *out = jn;
    return ok;
}

gboolean ms_journal_close(ms_journal *jn, GError **err)
{
    if (!jn) return TRUE;
    gboolean ok = close_sinks(jn, TRUE, err);
    for (int d = 0; d < MS_WATCH__DIRS; d++)
        g_free(jn->dir[d]);
    g_free(jn->jsonl_path);
    g_free(jn->index_path);
    g_queue_clear_full(&jn->waiting, waiting_entry_free);
    g_hash_table_destroy(jn->known);
    g_hash_table_destroy(jn->reading);
    g_mutex_clear(&jn->lock);
    g_free(jn);
    return ok;
}
