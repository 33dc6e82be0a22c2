/* calendar — the feed: read the documents, build their events, reconcile
 * them with what this feed exported before, write the file (see calendar.h). */
#include "pipeline/calendar/calendar.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "pipeline/calendar/calendar_events.h"
#include "pipeline/base/ms_error.h"
#include "pipeline/sinks/sink_sqlite.h"

/* What the feed exported before, by UID. */
typedef struct {
    int sequence;
    char *dtstamp, *content;
    gboolean cancelled, seen;
} exported;

static void exported_free(gpointer p)
{
    exported *x = p;
    g_free(x->dtstamp);
    g_free(x->content);
    g_free(x);
}

typedef struct {
    const ms_calendar_options *opt;
    const char *feed;
    sqlite3 *db;
    GHashTable *before; /* uid -> exported */
    char now[20];       /* DTSTAMP of what changes in this export */
    ms_calendar_stats *st;
} export_ctx;

static gboolean db_fail(export_ctx *x, const char *what, GError **err)
{
    g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%s: %s: %s", x->opt->db, what, sqlite3_errmsg(x->db));
    return FALSE;
}

static gboolean load_before(export_ctx *x, GError **err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(x->db, "SELECT uid, sequence, dtstamp, content, cancelled FROM "
                           "calendar_events WHERE feed = ?1", -1, &st, NULL) != SQLITE_OK)
        return db_fail(x, "reading calendar_events", err);
    sqlite3_bind_text(st, 1, x->feed, -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW) {
        exported *e = g_new0(exported, 1);
        e->sequence = sqlite3_column_int(st, 1);
        e->dtstamp = g_strdup((const char *)sqlite3_column_text(st, 2));
        e->content = g_strdup((const char *)sqlite3_column_text(st, 3));
        e->cancelled = sqlite3_column_int(st, 4) != 0;
        g_hash_table_insert(x->before, g_strdup((const char *)sqlite3_column_text(st, 0)), e);
    }
    sqlite3_finalize(st);
    return TRUE;
}

/* Every ok document's events, in UID order. */
static gboolean load_events(export_ctx *x, const ms_courts *courts, GPtrArray *events,
                            GString *warnings, GError **err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(x->db, "SELECT record_json FROM documents WHERE status = 'ok' "
                           "ORDER BY sha256", -1, &st, NULL) != SQLITE_OK)
        return db_fail(x, "reading documents", err);
    JsonParser *p = json_parser_new();
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *json = (const char *)sqlite3_column_text(st, 0);
        if (!json || !json_parser_load_from_data(p, json, -1, NULL) ||
            !JSON_NODE_HOLDS_OBJECT(json_parser_get_root(p)))
            continue; /* not a record this program wrote: nothing to put in a calendar */
        x->st->documents++;
        ms_calendar_events_of(json_node_get_object(json_parser_get_root(p)), x->opt, courts,
                              events, &x->st->zoneless, warnings);
    }
    g_object_unref(p);
    sqlite3_finalize(st);
    return TRUE;
}

static gboolean save_row(export_ctx *x, const char *uid, const char *sha256, const char *kind,
                         int sequence, const char *content, gboolean cancelled, GError **err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(x->db, "INSERT INTO calendar_events (feed, uid, sha256, kind, sequence, "
                           "dtstamp, content, cancelled) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                           "ON CONFLICT (feed, uid) DO UPDATE SET sequence = ?5, dtstamp = ?6, "
                           "content = ?7, cancelled = ?8", -1, &st, NULL) != SQLITE_OK)
        return db_fail(x, "writing calendar_events", err);
    sqlite3_bind_text(st, 1, x->feed, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, uid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, sha256 ? sha256 : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 5, sequence);
    sqlite3_bind_text(st, 6, x->now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, content, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 8, cancelled);
    gboolean ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    return ok || db_fail(x, "writing calendar_events", err);
}

static void stamp(icalcomponent *ev, int sequence, const char *dtstamp)
{
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(icaltime_from_string(dtstamp)));
    icalcomponent_add_property(ev, icalproperty_new_sequence(sequence));
}

/* Give a current event its SEQUENCE and DTSTAMP: kept when the event is as
 * exported before, raised and renewed when it is new, changed or back. */
static gboolean reconcile(export_ctx *x, ms_cal_event *e, GError **err)
{
    char *content = icalcomponent_as_ical_string_r(e->ev);
    exported *b = g_hash_table_lookup(x->before, e->uid);
    gboolean ok = TRUE;
    if (b) b->seen = TRUE;
    if (b && !b->cancelled && strcmp(b->content, content) == 0) {
        stamp(e->ev, b->sequence, b->dtstamp);
    } else {
        int seq = b ? b->sequence + 1 : 0;
        ok = save_row(x, e->uid, e->sha256, e->kind, seq, content, FALSE, err);
        stamp(e->ev, seq, x->now);
        x->st->changed++;
    }
    free(content);
    return ok;
}

/* An event exported before and not current: its last form, cancelled. */
static icalcomponent *cancelled_event(export_ctx *x, const char *uid, exported *b, GError **err)
{
    icalcomponent *ev = icalcomponent_new_from_string(b->content);
    if (!ev || icalcomponent_isa(ev) != ICAL_VEVENT_COMPONENT) {
        if (ev) icalcomponent_free(ev);
        return NULL; /* a row this program did not write: left out */
    }
    icalproperty *p;
    while ((p = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY)))
        icalcomponent_remove_property(ev, p), icalproperty_free(p);
    icalcomponent *a;
    while ((a = icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT)))
        icalcomponent_remove_component(ev, a), icalcomponent_free(a);
    icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CANCELLED));
    if (!b->cancelled) {
        sqlite3_stmt *st = NULL;
        gboolean ok = sqlite3_prepare_v2(x->db, "UPDATE calendar_events SET cancelled = 1, "
                                         "sequence = sequence + 1, dtstamp = ?3 WHERE feed = ?1 "
                                         "AND uid = ?2", -1, &st, NULL) == SQLITE_OK;
        if (ok) {
            sqlite3_bind_text(st, 1, x->feed, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 2, uid, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 3, x->now, -1, SQLITE_TRANSIENT);
            ok = sqlite3_step(st) == SQLITE_DONE;
        }
        sqlite3_finalize(st);
        if (!ok) {
            db_fail(x, "cancelling an event", err);
            icalcomponent_free(ev);
            return NULL;
        }
        b->sequence++;
        g_free(b->dtstamp);
        b->dtstamp = g_strdup(x->now);
        x->st->cancelled++;
    }
    stamp(ev, b->sequence, b->dtstamp);
    return ev;
}

static icalcomponent *new_vcalendar(const export_ctx *x)
{
    icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
    icalcomponent_add_property(cal, icalproperty_new_prodid("-//motionscan//calendar feed//EN"));
    icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
    char *name = g_strdup_printf("motionscan: %s", x->feed);
    icalcomponent_add_property(cal, icalproperty_new_name(name));
    icalproperty *calname = icalproperty_new_x(name);
    icalproperty_set_x_name(calname, "X-WR-CALNAME");
    icalcomponent_add_property(cal, calname);
    g_free(name);
    /* ask subscribed clients to fetch the feed again every hour (RFC 7986; Outlook's own) */
    icalproperty *ri = icalproperty_new_refreshinterval(icaldurationtype_from_string("PT1H"));
    icalproperty_add_parameter(ri, icalparameter_new_value(ICAL_VALUE_DURATION));
    icalcomponent_add_property(cal, ri);
    icalproperty *ttl = icalproperty_new_x("PT1H");
    icalproperty_set_x_name(ttl, "X-PUBLISHED-TTL");
    icalcomponent_add_property(cal, ttl);
    return cal;
}

static gint by_uid(gconstpointer a, gconstpointer b)
{
    const ms_cal_event *x = *(ms_cal_event *const *)a, *y = *(ms_cal_event *const *)b;
    return strcmp(x->uid, y->uid);
}

/* The calendar: the zones the events use, the events, then the cancelled. */
static gboolean build(export_ctx *x, GPtrArray *events, icalcomponent *cal, GError **err)
{
    GTree *zones = g_tree_new((GCompareFunc)strcmp);
    for (guint i = 0; i < events->len; i++) {
        ms_cal_event *e = g_ptr_array_index(events, i);
        if (e->zone) g_tree_insert(zones, e->zone, e->zone);
    }
    for (GTreeNode *n = g_tree_node_first(zones); n; n = g_tree_node_next(n)) {
        icalcomponent *vtz = ms_calendar_vtimezone(g_tree_node_key(n));
        if (vtz) icalcomponent_add_component(cal, vtz);
    }
    g_tree_destroy(zones);
    gboolean ok = TRUE;
    for (guint i = 0; ok && i < events->len; i++) {
        ms_cal_event *e = g_ptr_array_index(events, i);
        ok = reconcile(x, e, err);
        icalcomponent_add_component(cal, e->ev);
        e->ev = NULL;
        x->st->events++;
    }
    GList *uids = g_list_sort(g_hash_table_get_keys(x->before), (GCompareFunc)strcmp);
    for (GList *l = uids; ok && l; l = l->next) {
        exported *b = g_hash_table_lookup(x->before, l->data);
        if (b->seen) continue;
        icalcomponent *ev = cancelled_event(x, l->data, b, err);
        if (err && *err) ok = FALSE;
        if (!ev) continue;
        icalcomponent_add_component(cal, ev);
        x->st->events++;
    }
    g_list_free(uids);
    return ok;
}

/* libical 3.0 folds a content line whose length lands on the fold width
 * between the CR and the LF of its own line end ("...\r" "\r\n " "\n"),
 * which leaves a bare LF in the feed.  Such a fold folds nothing: drop it. */
static void mend_folds(char *text)
{
    char *w = text;
    for (const char *r = text; *r;) {
        if (strncmp(r, "\r\r\n \n", 5) == 0) {
            memcpy(w, "\r\n", 2), w += 2, r += 5;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
}

static gboolean write_file(const char *path, icalcomponent *cal, GError **err)
{
    char *text = icalcomponent_as_ical_string_r(cal);
    mend_folds(text);
    GError *e = NULL;
    /* a new file renamed over the old: a client never reads half a feed */
    gboolean ok = g_file_set_contents(path, text, -1, &e);
    if (!ok) {
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%s: cannot write the calendar: %s", path,
                    e->message);
        g_error_free(e);
    }
    free(text);
    return ok;
}

gboolean ms_calendar_export(const ms_calendar_options *opt, ms_calendar_stats *st,
                            GString *warnings, GError **err)
{
    memset(st, 0, sizeof *st);
    if (!g_file_test(opt->db, G_FILE_TEST_IS_REGULAR)) {
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "%s: no such database (make it with "
                    "motionscan run --db)", opt->db);
        return FALSE;
    }
    ms_courts *courts = NULL;
    if (!ms_courts_load(opt->courts, &courts, err)) return FALSE;
    char *base = g_path_get_basename(opt->out);
    export_ctx x = {opt, opt->feed ? opt->feed : base, NULL,
                    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, exported_free), "", st};
    GDateTime *now = g_date_time_new_now_utc();
    char *now_s = g_date_time_format(now, "%Y%m%dT%H%M%SZ");
    g_strlcpy(x.now, now_s, sizeof x.now);
    GPtrArray *events = ms_cal_events_new();
    icalcomponent *cal = NULL;
    gboolean ok = ms_sqlite_open(opt->db, &x.db, err);
    if (ok && sqlite3_exec(x.db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        ok = db_fail(&x, "starting a transaction", err);
    ok = ok && load_before(&x, err) && load_events(&x, courts, events, warnings, err);
    if (ok) {
        g_ptr_array_sort(events, by_uid);
        cal = new_vcalendar(&x);
        ok = build(&x, events, cal, err) && write_file(opt->out, cal, err);
    }
    if (ok && sqlite3_exec(x.db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        ok = db_fail(&x, "committing", err);
    if (!ok && x.db) sqlite3_exec(x.db, "ROLLBACK", NULL, NULL, NULL);
    if (cal) icalcomponent_free(cal);
    g_ptr_array_unref(events);
    sqlite3_close(x.db);
    g_hash_table_destroy(x.before);
    g_free(now_s);
    g_date_time_unref(now);
    g_free(base);
    ms_courts_free(courts);
    icaltimezone_free_builtin_timezones();
    return ok;
}
