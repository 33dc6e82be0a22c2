#include "pipeline/calendar/calendar_events.h"

#include "pipeline/document/record_json.h"

#include <stdio.h>
#include <string.h>

/* ---- the record's values, as a person reads them --------------------------- */

/* "A 212-345-678", or masked "A XXX-XXX-678"; NULL when the record has none. */
static char *a_number_text(JsonObject *rec, gboolean mask)
{
    const char *a = ms_json_str(rec, "a_number");
    if (!a || strlen(a) != 9) return NULL;
    if (mask) return g_strdup_printf("A XXX-XXX-%.3s", a + 6);
    return g_strdup_printf("A %.3s-%.3s-%.3s", a, a + 3, a + 6);
}

/* "Honduras, Uganda" or NULL */
static char *countries_text(JsonObject *rec)
{
    JsonNode *n = json_object_get_member(rec, "removal_countries");
    if (!n || !JSON_NODE_HOLDS_ARRAY(n)) return NULL;
    JsonArray *a = json_node_get_array(n);
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < json_array_get_length(a); i++) {
        JsonNode *c = json_array_get_element(a, i);
        const char *name = JSON_NODE_HOLDS_OBJECT(c) ? ms_json_str(json_node_get_object(c), "name") : NULL;
        if (name) g_string_append_printf(s, "%s%s", s->len ? ", " : "", name);
    }
    return s->len ? g_string_free(s, FALSE) : (g_string_free(s, TRUE), NULL);
}

static const char *kind_text(const char *kind)
{
    static const char *const names[][2] = {
        {"ecas", "the ECAS filing date"}, {"received_stamp", "the court's RECEIVED/FILED stamp"},
        {"service", "the certificate of service"}, {"signature", "the signature date"}};
    for (gsize i = 0; kind && i < G_N_ELEMENTS(names); i++)
        if (strcmp(kind, names[i][0]) == 0) return names[i][1];
    return "no date found";
}

/* Text from a record as a calendar client can show it: valid UTF-8, control
 * characters (OCR debris) as spaces, line breaks kept.  libical escapes the
 * rest (commas, semicolons, backslashes). */
static char *clean_text(const char *s)
{
    char *t = g_utf8_make_valid(s, -1);
    for (char *p = t; *p; p++)
        if ((unsigned char)*p < 0x20 && *p != '\n') *p = ' ';
    return t;
}

/* What every event of a record says. */
typedef struct {
    char *who;         /* "RAMIREZ TORRES, Yusmary (A 212-345-678)", or less */
    char *motion;      /* "pretermit" */
    char *description; /* the lines below the summary */
} event_text;

static void event_text_init(event_text *t, JsonObject *rec, const ms_calendar_options *o)
{
    const char *name = o->no_names ? NULL : ms_json_str(rec, "respondent");
    char *anum = a_number_text(rec, o->mask_a_number);
    char *who = name && anum ? g_strdup_printf("%s (%s)", name, anum)
             : name       ? g_strdup(name)
             : anum       ? g_strdup(anum)
             : o->no_names ? g_strdup("respondent (name left out)")
                          : g_strdup("respondent not found");
    t->who = clean_text(who); /* it goes into the alarms' texts too */
    g_free(who);
    const char *mt = ms_json_str(rec, "motion_type");
    t->motion = g_strdelimit(g_strdup(mt ? mt : "motion"), "_", ' ');
    char *countries = countries_text(rec);
    JsonObject *due = ms_json_obj(rec, "response_due");
    const char *sha = ms_json_str(rec, "sha256");
    GString *d = g_string_new(NULL);
    if (name) g_string_append_printf(d, "Respondent: %s\n", name);
    g_string_append_printf(d, "A-number: %s\n", anum ? anum : "not found");
    g_string_append_printf(d, "Motion: %s (filed by %s)\n", t->motion,
                           ms_json_str(rec, "filer") ? ms_json_str(rec, "filer") : "unknown");
    g_string_append_printf(d, "Proposed countries: %s\n", countries ? countries : "none named");
    g_string_append_printf(d, "Court: %s\n", ms_json_str(rec, "court") ? ms_json_str(rec, "court") : "not found");
    if (ms_json_str(rec, "filed_date"))
        g_string_append_printf(d, "Filed: %s (from %s)\n", ms_json_str(rec, "filed_date"),
                               kind_text(ms_json_str(rec, "filed_date_kind")));
    if (due)
        g_string_append_printf(d, "Response due: %s\nBasis: %s\n",
                               ms_json_str(due, "date") ? ms_json_str(due, "date") : "set by the court",
                               ms_json_str(due, "basis") ? ms_json_str(due, "basis") : "");
    if (o->no_names) g_string_append_printf(d, "Document: %.12s", sha ? sha : "");
    else g_string_append_printf(d, "Source file: %s", ms_json_str(rec, "file") ? ms_json_str(rec, "file") : "");
    t->description = g_string_free(d, FALSE);
    g_free(countries);
    g_free(anum);
}

static void event_text_clear(event_text *t)
{
    g_free(t->who);
    g_free(t->motion);
    g_free(t->description);
}

/* ---- events ------------------------------------------------------------------ */

static void cal_event_free(gpointer p)
{
    ms_cal_event *e = p;
    g_free(e->uid);
    g_free(e->sha256);
    g_free(e->zone);
    if (e->ev) icalcomponent_free(e->ev); /* NULL once a calendar holds it */
    g_free(e);
}

GPtrArray *ms_cal_events_new(void)
{
    return g_ptr_array_new_with_free_func(cal_event_free);
}

/* "2025-10-21" (and "13:00") as a DATE, or a floating DATE-TIME. */
static gboolean parse_when(const char *date, const char *time, struct icaltimetype *out)
{
    int y, m, d, h = 0, min = 0;
    if (!date || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
        !g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
        return FALSE;
    if (time && (sscanf(time, "%2d:%2d", &h, &min) != 2 || h > 23 || min > 59)) time = NULL;
    *out = time ? icaltime_null_time() : icaltime_null_date();
    out->year = y, out->month = m, out->day = d;
    if (time) out->hour = h, out->minute = min;
    return TRUE;
}

static ms_cal_event *new_event(JsonObject *rec, const char *kind, const char *summary_in,
                               const char *description_in)
{
    char *summary = clean_text(summary_in), *description = clean_text(description_in);
    ms_cal_event *e = g_new0(ms_cal_event, 1);
    e->kind = kind;
    e->sha256 = g_strdup(ms_json_str(rec, "sha256"));
    /* one event per filing: a stapled stack's part is in the UID (1 for a
     * file that is one filing, so older feeds keep their UIDs) */
    double part = 1;
    if (!ms_json_num(ms_json_obj(rec, "part"), "index", &part) || part < 1 || part > 1e6) part = 1;
    e->uid = g_strdup_printf("%s-%.0f-%s@motionscan", e->sha256, part, kind);
    e->ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_property(e->ev, icalproperty_new_uid(e->uid));
    icalcomponent_add_property(e->ev, icalproperty_new_summary(summary));
    icalcomponent_add_property(e->ev, icalproperty_new_description(description));
    icalcomponent_add_property(e->ev, icalproperty_new_categories("motionscan"));
    icalcomponent_add_property(e->ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
    g_free(summary);
    g_free(description);
    return e;
}

/* An all-day event: DTSTART;VALUE=DATE and DTEND the next day, free time. */
static void set_all_day(icalcomponent *ev, struct icaltimetype day)
{
    struct icaltimetype end = day;
    icaltime_adjust(&end, 1, 0, 0, 0);
    icalcomponent_add_property(ev, icalproperty_new_dtstart(day));
    icalcomponent_add_property(ev, icalproperty_new_dtend(end));
    icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
}

static void add_alarm(icalcomponent *ev, const char *before, const char *text)
{
    icalcomponent *a = icalcomponent_new(ICAL_VALARM_COMPONENT);
    struct icaltriggertype tr;
    memset(&tr, 0, sizeof tr);
    tr.time = icaltime_null_time();
    tr.duration = icaldurationtype_from_string(before);
    icalcomponent_add_property(a, icalproperty_new_action(ICAL_ACTION_DISPLAY));
    icalcomponent_add_property(a, icalproperty_new_trigger(tr));
    icalcomponent_add_property(a, icalproperty_new_description(text));
    icalcomponent_add_component(ev, a);
}

static void add_deadline(JsonObject *rec, const event_text *t, GPtrArray *out)
{
    JsonObject *due = ms_json_obj(rec, "response_due");
    struct icaltimetype day;
    if (!due) return;
    if (parse_when(ms_json_str(due, "date"), NULL, &day)) {
        char *summary = g_strdup_printf("Response due: %s motion - %s", t->motion, t->who);
        ms_cal_event *e = new_event(rec, "deadline", summary, t->description);
        set_all_day(e->ev, day);
        char *in7 = g_strdup_printf("In 7 days: %s", summary);
        char *in2 = g_strdup_printf("In 2 days: %s", summary);
        add_alarm(e->ev, "-P7D", in7);
        add_alarm(e->ev, "-P2D", in2);
        g_free(in7), g_free(in2), g_free(summary);
        g_ptr_array_add(out, e);
    } else if (!ms_json_str(due, "date") && parse_when(ms_json_str(rec, "filed_date"), NULL, &day)) {
        /* detained: the judge sets the date; mark the filing day to look it up */
        char *summary = g_strdup_printf("Deadline set by the court, check the order: %s motion - %s",
                                        t->motion, t->who);
        ms_cal_event *e = new_event(rec, "court_sets", summary, t->description);
        set_all_day(e->ev, day);
        g_free(summary);
        g_ptr_array_add(out, e);
    }
}

static void add_hearing(JsonObject *rec, const event_text *t, const ms_courts *courts,
                        int *zoneless, GString *warnings, GPtrArray *out)
{
    struct icaltimetype start;
    if (!parse_when(ms_json_str(rec, "hearing_date"), ms_json_str(rec, "hearing_time"), &start)) return;
    const char *court = ms_json_str(rec, "court");
    ms_court_match how = MS_COURT_UNKNOWN;
    const char *zone = start.is_date ? NULL : ms_courts_zone(courts, court, &how);
    GString *d = g_string_new(t->description);
    if (!start.is_date && how == MS_COURT_STATE)
        g_string_append_printf(d, "\nTime zone: %s, the zone of the court's state (the court "
                               "is not in the court table)", zone);
    if (!start.is_date && !zone) {
        g_string_append(d, "\nTime zone: unknown; the time is the court's local time as the "
                           "filing gives it");
        (*zoneless)++;
        if (warnings)
            g_string_append_printf(warnings, "%s: hearing at court '%s' with no known time zone: "
                                   "written in floating time\n", ms_json_str(rec, "file"),
                                   court ? court : "(none)");
    }
    char *summary = g_strdup_printf("Hearing: %s - %s", t->who, court ? court : "court not found");
    ms_cal_event *e = new_event(rec, "hearing", summary, d->str);
    if (court) {
        char *where = g_strdup_printf("Immigration Court, %s", court), *clean = clean_text(where);
        icalcomponent_add_property(e->ev, icalproperty_new_location(clean));
        g_free(clean);
        g_free(where);
    }
    if (start.is_date) {
        set_all_day(e->ev, start);
    } else {
        struct icaltimetype end = start;
        icaltime_adjust(&end, 0, 1, 0, 0);
        icalproperty *ps = icalproperty_new_dtstart(start), *pe = icalproperty_new_dtend(end);
        if (zone) {
            icalproperty_add_parameter(ps, icalparameter_new_tzid(zone));
            icalproperty_add_parameter(pe, icalparameter_new_tzid(zone));
            e->zone = g_strdup(zone);
        }
        icalcomponent_add_property(e->ev, ps);
        icalcomponent_add_property(e->ev, pe);
    }
    g_free(summary);
    g_string_free(d, TRUE);
    g_ptr_array_add(out, e);
}

void ms_calendar_events_of(JsonObject *rec, const ms_calendar_options *opt,
                           const ms_courts *courts, GPtrArray *out, int *zoneless,
                           GString *warnings)
{
    if (!ms_json_str(rec, "sha256") || g_strcmp0(ms_json_str(rec, "status"), "ok") != 0) return;
    event_text t;
    event_text_init(&t, rec, opt);
    add_deadline(rec, &t, out);
    add_hearing(rec, &t, courts, zoneless, warnings, out);
    event_text_clear(&t);
}

/* ---- time zones ----------------------------------------------------------------- */

/* An observance still in force after 2010: no end, an end after 2010, or a
 * start after it. */
static gboolean in_force(icalcomponent *obs)
{
    icalproperty *dt = icalcomponent_get_first_property(obs, ICAL_DTSTART_PROPERTY);
    if (dt && icalproperty_get_dtstart(dt).year >= 2010) return TRUE;
    icalproperty *rr = icalcomponent_get_first_property(obs, ICAL_RRULE_PROPERTY);
    if (!rr) return FALSE;
    struct icalrecurrencetype r = icalproperty_get_rrule(rr);
    return icaltime_is_null_time(r.until) && r.count == 0 ? TRUE : r.until.year >= 2010;
}

icalcomponent *ms_calendar_vtimezone(const char *zone)
{
    icaltimezone *z = icaltimezone_get_builtin_timezone(zone);
    icalcomponent *src = z ? icaltimezone_get_component(z) : NULL;
    if (!src) return NULL;
    icalcomponent *vtz = icalcomponent_new(ICAL_VTIMEZONE_COMPONENT);
    icalcomponent_add_property(vtz, icalproperty_new_tzid(zone));
    icalcomponent *latest = NULL;
    int kept = 0, latest_year = -1;
    for (icalcomponent *c = icalcomponent_get_first_component(src, ICAL_ANY_COMPONENT); c;
         c = icalcomponent_get_next_component(src, ICAL_ANY_COMPONENT)) {
        icalcomponent_kind k = icalcomponent_isa(c);
        if (k != ICAL_XSTANDARD_COMPONENT && k != ICAL_XDAYLIGHT_COMPONENT) continue;
        icalproperty *dt = icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY);
        int year = dt ? icalproperty_get_dtstart(dt).year : 0;
        if (year >= latest_year) latest = c, latest_year = year;
        if (!in_force(c)) continue;
        icalcomponent_add_component(vtz, icalcomponent_new_clone(c));
        kept++;
    }
    /* a zone without daylight time keeps its last observance (Phoenix since 1968) */
    if (!kept && latest) icalcomponent_add_component(vtz, icalcomponent_new_clone(latest));
    return vtz;
}
