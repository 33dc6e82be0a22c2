/* The calendar feed: written with libical, read back with libical's parser;
 * hearing times against GLib's own reading of the system's time zones; UIDs
 * and SEQUENCE across exports; cancellation; masking; the court table. */
#include <string.h>

#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <sqlite3.h>

#include "pipeline/calendar/calendar.h"
#include "pipeline/calendar/courts.h"
#include "pipeline/sinks/sink_sqlite.h"
#include "tests/testutil.h"

#define SHA_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define SHA_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
#define SHA_C "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"

/* A record as motionscan writes it, with the members the calendar reads. */
static JsonObject *record(const char *sha, const char *court, const char *due, gboolean detained,
                          const char *hearing, const char *time)
{
    char *json = g_strdup_printf(
        "{\"schema_version\":1,\"file\":\"in/RAMIREZ-%.4s.pdf\",\"sha256\":\"%s\",\"size\":10,"
        "\"format\":\"pdf\",\"status\":\"ok\",\"error\":null,\"filer\":\"dhs\","
        "\"motion_type\":\"pretermit\",\"removal_countries\":[{\"code\":\"HN\",\"name\":"
        "\"Honduras\"},{\"code\":\"UG\",\"name\":\"Uganda\"}],\"a_number\":\"212345678\","
        "\"respondent\":\"RAMIREZ TORRES, Yusmary\",\"court\":\"%s\",\"detained\":%s,"
        "\"filed_date\":\"2025-10-16\",\"filed_date_kind\":\"received_stamp\","
        "\"hearing_date\":\"%s\",\"hearing_time\":%s%s%s,\"response_due\":{\"date\":%s%s%s,"
        "\"basis\":\"10 days; counted from the court's RECEIVED/FILED stamp, 2025-10-16\"},"
        "\"pages\":[],\"evidence\":[],\"country_mentions\":[]}",
        sha, sha, court, detained ? "true" : "false", hearing, time ? "\"" : "",
        time ? time : "null", time ? "\"" : "", due ? "\"" : "", due ? due : "null",
        due ? "\"" : "");
    JsonNode *n = json_from_string(json, NULL);
    g_assert_nonnull(n);
    JsonObject *o = json_object_ref(json_node_get_object(n));
    json_node_unref(n);
    g_free(json);
    return o;
}

static char *new_db(JsonObject **recs, int n)
{
    char *dir = g_dir_make_tmp("ms-cal-XXXXXX", NULL);
    char *path = g_build_filename(dir, "r.db", NULL);
    ms_sqlite_options so = MS_SQLITE_OPTIONS_INIT;
    ms_sink *s = NULL;
    GError *err = NULL;
    g_assert_true(ms_sink_sqlite_open(path, &so, &s, &err));
    for (int i = 0; i < n; i++) g_assert_true(ms_sink_write(s, recs[i], &err));
    g_assert_true(ms_sink_close(s, &err));
    g_free(dir);
    return path;
}

static void sql(const char *db, const char *stmt)
{
    sqlite3 *h = NULL;
    g_assert_cmpint(sqlite3_open(db, &h), ==, SQLITE_OK);
    g_assert_cmpint(sqlite3_exec(h, stmt, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close(h);
}

static char *courts_path(void)
{
    return g_build_filename(MS_TEST_RULES_DIR, "courts.tsv", NULL);
}

/* Export, then parse the file with libical: the VCALENDAR (caller frees). */
static icalcomponent *export(const char *db, const char *feed, gboolean mask, gboolean no_names,
                             ms_calendar_stats *st, char **text)
{
    char *out = g_strconcat(db, ".", feed, ".ics", NULL);
    char *courts = courts_path();
    ms_calendar_options o = {db, out, feed, courts, mask, no_names};
    GError *err = NULL;
    GString *warn = g_string_new(NULL);
    if (!ms_calendar_export(&o, st, warn, &err)) g_error("export: %s", err->message);
    g_string_free(warn, TRUE);
    char *t = NULL;
    g_assert_true(g_file_get_contents(out, &t, NULL, NULL));
    icalcomponent *cal = icalparser_parse_string(t);
    g_assert_nonnull(cal);
    g_assert_cmpint(icalcomponent_isa(cal), ==, ICAL_VCALENDAR_COMPONENT);
    /* libical's own checks: no X-LIC-ERROR anywhere */
    g_assert_cmpint(icalcomponent_count_errors(cal), ==, 0);
    if (text) *text = t;
    else g_free(t);
    g_free(courts);
    g_free(out);
    return cal;
}

static icalcomponent *event(icalcomponent *cal, const char *uid)
{
    for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
        if (strcmp(icalcomponent_get_uid(e), uid) == 0) return e;
    return NULL;
}

static int sequence(icalcomponent *e)
{
    return icalproperty_get_sequence(icalcomponent_get_first_property(e, ICAL_SEQUENCE_PROPERTY));
}

static const char *dtstamp(icalcomponent *e)
{
    return icaltime_as_ical_string(icalcomponent_get_dtstamp(e));
}

/* The hearing's instant, as libical reads it from the feed's own VTIMEZONE,
 * against GLib's reading of the system zone. */
static void check_instant(icalcomponent *cal, icalcomponent *ev, const char *zone, int y, int mo,
                          int d, int h, int mi)
{
    icalproperty *p = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    icalparameter *tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
    g_assert_nonnull(tzid);
    g_assert_cmpstr(icalparameter_get_tzid(tzid), ==, zone);
    icaltimezone *z = icalcomponent_get_timezone(cal, zone);
    g_assert_nonnull(z); /* the VTIMEZONE is in the file */
    struct icaltimetype t = icalproperty_get_dtstart(p);
    g_assert_cmpint(t.hour, ==, h);
    time_t got = icaltime_as_timet_with_zone(t, z);
    GTimeZone *gz = g_time_zone_new_identifier(zone);
    GDateTime *want = g_date_time_new(gz, y, mo, d, h, mi, 0);
    g_assert_cmpint((gint64)got, ==, g_date_time_to_unix(want));
    g_date_time_unref(want);
    g_time_zone_unref(gz);
}

static gint64 trigger_seconds(icalcomponent *alarm)
{
    icalproperty *p = icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY);
    return icaldurationtype_as_int(icalproperty_get_trigger(p).duration);
}

static void test_events(void)
{
    JsonObject *r[] = {
        record(SHA_A, "Houston, TX", "2025-10-27", FALSE, "2025-11-04", "13:00"),
        record(SHA_B, "Phoenix, AZ", NULL, TRUE, "2025-07-15", "08:30"),       /* no DST */
        record(SHA_C, "El Paso, TX", "2026-03-09", FALSE, "2026-03-10", "09:00"), /* Mountain, DST */
    };
    char *db = new_db(r, 3);
    ms_calendar_stats st;
    icalcomponent *cal = export(db, "team", FALSE, FALSE, &st, NULL);
    g_assert_cmpint(st.documents, ==, 3);
    g_assert_cmpint(st.events, ==, 6); /* 2 deadlines, 1 court-sets, 3 hearings */
    g_assert_cmpint(st.changed, ==, 6);
    /* the deadline: all day on response_due, alarms 7 and 2 days before */
    icalcomponent *dl = event(cal, SHA_A "-1-deadline@motionscan");
    g_assert_nonnull(dl);
    struct icaltimetype s = icalcomponent_get_dtstart(dl);
    g_assert_true(s.is_date);
    g_assert_cmpint(s.year * 10000 + s.month * 100 + s.day, ==, 20251027);
    gint64 trig[2] = {0, 0};
    int n = 0;
    for (icalcomponent *a = icalcomponent_get_first_component(dl, ICAL_VALARM_COMPONENT); a;
         a = icalcomponent_get_next_component(dl, ICAL_VALARM_COMPONENT))
        if (n < 2) trig[n++] = trigger_seconds(a);
    g_assert_cmpint(n, ==, 2);
    g_assert_cmpint(trig[0], ==, -7 * 86400);
    g_assert_cmpint(trig[1], ==, -2 * 86400);
    const char *desc = icalcomponent_get_description(dl);
    g_assert_nonnull(strstr(desc, "RAMIREZ TORRES, Yusmary"));
    g_assert_nonnull(strstr(desc, "Honduras, Uganda"));
    g_assert_nonnull(strstr(desc, "Houston, TX"));
    g_assert_nonnull(strstr(desc, "RECEIVED/FILED stamp, 2025-10-16"));
    g_assert_nonnull(strstr(desc, "in/RAMIREZ-aaaa.pdf"));
    g_assert_nonnull(strstr(icalcomponent_get_summary(dl), "pretermit"));
    /* detained: the court sets it, marked on the filing date */
    icalcomponent *cs = event(cal, SHA_B "-1-court_sets@motionscan");
    g_assert_nonnull(cs);
    g_assert_null(event(cal, SHA_B "-1-deadline@motionscan"));
    g_assert_nonnull(strstr(icalcomponent_get_summary(cs), "Deadline set by the court, check the order"));
    s = icalcomponent_get_dtstart(cs);
    g_assert_cmpint(s.year * 10000 + s.month * 100 + s.day, ==, 20251016);
    /* hearings at their courts' local times */
    check_instant(cal, event(cal, SHA_A "-1-hearing@motionscan"), "America/Chicago", 2025, 11, 4, 13, 0);
    check_instant(cal, event(cal, SHA_B "-1-hearing@motionscan"), "America/Phoenix", 2025, 7, 15, 8, 30);
    check_instant(cal, event(cal, SHA_C "-1-hearing@motionscan"), "America/Denver", 2026, 3, 10, 9, 0);
    icalcomponent_free(cal);
    for (int i = 0; i < 3; i++) json_object_unref(r[i]);
    g_free(db);
}

/* Re-export: same UIDs, same SEQUENCE and DTSTAMP, same bytes.  A changed
 * event gets SEQUENCE + 1; a gone document's events come back cancelled. */
static void test_updates_and_cancels(void)
{
    JsonObject *r[] = {record(SHA_A, "Houston, TX", "2025-10-27", FALSE, "2025-11-04", "13:00"),
                       record(SHA_B, "Newark, NJ", "2025-10-28", FALSE, "2025-12-01", NULL)};
    char *db = new_db(r, 2);
    ms_calendar_stats st;
    char *t1 = NULL, *t2 = NULL, *t3 = NULL;
    icalcomponent *c1 = export(db, "team", FALSE, FALSE, &st, &t1);
    icalcomponent *c2 = export(db, "team", FALSE, FALSE, &st, &t2);
    g_assert_cmpint(st.changed, ==, 0);
    g_assert_cmpstr(t1, ==, t2); /* nothing changed: the same file */
    const char *uid = SHA_A "-1-hearing@motionscan";
    g_assert_cmpint(sequence(event(c2, uid)), ==, 0);
    /* the hearing moves: same UID, SEQUENCE 1, new DTSTAMP later or equal */
    sql(db, "UPDATE documents SET record_json = json_set(record_json, '$.hearing_time', '15:30') "
            "WHERE sha256 = '" SHA_A "'");
    g_usleep(1100 * 1000); /* DTSTAMP has whole seconds */
    icalcomponent *c3 = export(db, "team", FALSE, FALSE, &st, &t3);
    g_assert_cmpint(st.changed, ==, 1);
    g_assert_cmpint(sequence(event(c3, uid)), ==, 1);
    g_assert_cmpstr(dtstamp(event(c3, SHA_B "-1-deadline@motionscan")), ==,
                    dtstamp(event(c1, SHA_B "-1-deadline@motionscan")));
    g_assert_true(strcmp(t3, t1) != 0);
    char *stamp1 = g_strdup(dtstamp(event(c1, uid)));
    g_assert_cmpstr(dtstamp(event(c3, uid)), >, stamp1);
    g_free(stamp1);
    /* the document is gone: its events are cancelled, once */
    sql(db, "DELETE FROM documents WHERE sha256 = '" SHA_B "'");
    icalcomponent *c4 = export(db, "team", FALSE, FALSE, &st, NULL);
    g_assert_cmpint(st.cancelled, ==, 2);
    icalcomponent *gone = event(c4, SHA_B "-1-deadline@motionscan");
    g_assert_nonnull(gone);
    g_assert_cmpint(icalcomponent_get_status(gone), ==, ICAL_STATUS_CANCELLED);
    g_assert_cmpint(sequence(gone), ==, 1);
    g_assert_null(icalcomponent_get_first_component(gone, ICAL_VALARM_COMPONENT));
    icalcomponent *c5 = export(db, "team", FALSE, FALSE, &st, NULL);
    g_assert_cmpint(st.cancelled, ==, 0); /* already cancelled: not again */
    g_assert_cmpint(sequence(event(c5, SHA_B "-1-deadline@motionscan")), ==, 1);
    /* another feed of the same database has its own history */
    icalcomponent *c6 = export(db, "other", FALSE, FALSE, &st, NULL);
    g_assert_null(event(c6, SHA_B "-1-deadline@motionscan"));
    g_assert_cmpint(sequence(event(c6, uid)), ==, 0);
    icalcomponent *cs[] = {c1, c2, c3, c4, c5, c6};
    for (gsize i = 0; i < G_N_ELEMENTS(cs); i++) icalcomponent_free(cs[i]);
    g_free(t1), g_free(t2), g_free(t3);
    for (int i = 0; i < 2; i++) json_object_unref(r[i]);
    g_free(db);
}

/* A feed for outsiders: the A-number's last 3 digits, no names, no paths. */
static void test_masking(void)
{
    JsonObject *r[] = {record(SHA_A, "Houston, TX", "2025-10-27", FALSE, "2025-11-04", "13:00")};
    char *db = new_db(r, 1);
    ms_calendar_stats st;
    char *full = NULL, *masked = NULL;
    icalcomponent *c1 = export(db, "team", FALSE, FALSE, &st, &full);
    icalcomponent *c2 = export(db, "shared", TRUE, TRUE, &st, &masked);
    g_assert_nonnull(strstr(full, "212-345-678"));
    g_assert_nonnull(strstr(full, "RAMIREZ"));
    char *unfolded = g_strdup(masked); /* names could straddle a folded line */
    GString *u = g_string_new(NULL);
    for (const char *p = unfolded; *p; p++) {
        if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ') p += 2;
        else g_string_append_c(u, *p);
    }
    g_assert_null(strstr(u->str, "212-345"));
    g_assert_null(strstr(u->str, "212345678"));
    g_assert_null(strstr(u->str, "RAMIREZ"));
    g_assert_null(strstr(u->str, "Yusmary"));
    g_assert_nonnull(strstr(u->str, "A XXX-XXX-678"));
    g_assert_nonnull(strstr(u->str, "Document: aaaaaaaaaaaa"));
    /* the same UIDs in both feeds: one filing, one event */
    g_assert_nonnull(event(c2, SHA_A "-1-deadline@motionscan"));
    g_string_free(u, TRUE);
    g_free(unfolded), g_free(full), g_free(masked);
    icalcomponent_free(c1), icalcomponent_free(c2);
    json_object_unref(r[0]);
    g_free(db);
}

/* A court the table lacks: its state's zone where the state has one, else
 * floating time and a warning. */
static void test_unknown_courts(void)
{
    char *path = courts_path();
    ms_courts *c = NULL;
    GError *err = NULL;
    g_assert_true(ms_courts_load(path, &c, &err));
    ms_court_match how;
    g_assert_cmpstr(ms_courts_zone(c, "El Paso, TX", &how), ==, "America/Denver");
    g_assert_cmpint(how, ==, MS_COURT_LISTED);
    g_assert_cmpstr(ms_courts_zone(c, "houston, tx", &how), ==, "America/Chicago");
    g_assert_cmpstr(ms_courts_zone(c, "Springfield, IL", &how), ==, "America/Chicago");
    g_assert_cmpint(how, ==, MS_COURT_STATE);
    g_assert_null(ms_courts_zone(c, "Amarillo, TX", &how)); /* Texas has two zones */
    g_assert_cmpint(how, ==, MS_COURT_UNKNOWN);
    ms_courts_free(c);

    JsonObject *r[] = {record(SHA_A, "Amarillo, TX", NULL, FALSE, "2025-11-04", "13:00")};
    char *db = new_db(r, 1);
    ms_calendar_stats st;
    icalcomponent *cal = export(db, "team", FALSE, FALSE, &st, NULL);
    g_assert_cmpint(st.zoneless, ==, 1);
    icalcomponent *h = event(cal, SHA_A "-1-hearing@motionscan");
    icalproperty *p = icalcomponent_get_first_property(h, ICAL_DTSTART_PROPERTY);
    g_assert_null(icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER));
    g_assert_false(icaltime_is_utc(icalproperty_get_dtstart(p))); /* floating: no Z, no TZID */
    g_assert_nonnull(strstr(icalcomponent_get_description(h), "Time zone: unknown"));
    g_assert_null(icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT));
    icalcomponent_free(cal);
    json_object_unref(r[0]);
    g_free(db);
    g_free(path);
}

/* Text from OCR with commas, semicolons, quotes, a backslash, line breaks
 * and a control character comes back as it was (the control character as a
 * space), in both fields and in the summary. */
static void test_awkward_text(void)
{
    JsonObject *r = record(SHA_A, "Houston, TX", "2025-10-27", FALSE, "2025-11-04", "13:00");
    json_object_set_string_member(r, "respondent", "O'NEIL; \"DOE\", Jane\\x\x01\nY");
    char *db = new_db(&r, 1);
    ms_calendar_stats st;
    char *text = NULL;
    icalcomponent *cal = export(db, "team", FALSE, FALSE, &st, &text);
    icalcomponent *dl = event(cal, SHA_A "-1-deadline@motionscan");
    g_assert_nonnull(strstr(icalcomponent_get_summary(dl), "O'NEIL; \"DOE\", Jane\\x \nY (A 212"));
    g_assert_nonnull(strstr(icalcomponent_get_description(dl), "Respondent: O'NEIL; \"DOE\", Jane\\x \nY\n"));
    g_assert_null(strchr(text, '\x01'));
    icalcomponent_free(cal);
    g_free(text);
    json_object_unref(r);
    g_free(db);
}

/* A bad court table is refused with its line; a missing database is said. */
static void test_bad_inputs(void)
{
    char *dir = g_dir_make_tmp("ms-cal-XXXXXX", NULL);
    char *tsv = g_build_filename(dir, "courts.tsv", NULL);
    const struct { const char *text, *message; } cases[] = {
        {"court\tzone\tname\nHouston, TX\tAmerica/Houston\tx\n", "courts.tsv:2: 'America/Houston'"},
        {"Houston, TX\tAmerica/Chicago\tx\nhouston, tx\tAmerica/Chicago\ty\n", "courts.tsv:2: 'houston, tx' is listed twice"},
        {"# c\nHouston, TX\n", "courts.tsv:2: want COURT<TAB>ZONE<TAB>NAME"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_assert_true(g_file_set_contents(tsv, cases[i].text, -1, NULL));
        ms_courts *c = NULL;
        GError *err = NULL;
        g_assert_false(ms_courts_load(tsv, &c, &err));
        if (!strstr(err->message, cases[i].message)) g_error("got '%s'", err->message);
        g_error_free(err);
    }
    char *db = g_build_filename(dir, "none.db", NULL), *out = g_build_filename(dir, "x.ics", NULL);
    char *courts = courts_path();
    ms_calendar_options o = {db, out, NULL, courts, FALSE, FALSE};
    ms_calendar_stats st;
    GError *err = NULL;
    g_assert_false(ms_calendar_export(&o, &st, NULL, &err));
    g_assert_nonnull(strstr(err->message, "no such database"));
    g_assert_false(g_file_test(db, G_FILE_TEST_EXISTS)); /* not created */
    g_assert_false(g_file_test(out, G_FILE_TEST_EXISTS));
    g_error_free(err);
    g_free(db), g_free(out), g_free(courts), g_free(tsv), g_free(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/calendar/events", test_events);
    g_test_add_func("/calendar/updates-and-cancels", test_updates_and_cancels);
    g_test_add_func("/calendar/masking", test_masking);
    g_test_add_func("/calendar/unknown-courts", test_unknown_courts);
    g_test_add_func("/calendar/awkward-text", test_awkward_text);
    g_test_add_func("/calendar/bad-inputs", test_bad_inputs);
    return g_test_run();
}
