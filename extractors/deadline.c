#include "extractors/deadline.h"

#include <stdio.h>
#include <string.h>

#include "pipeline/base/ms_error.h"

typedef struct {
    int days;
    char *basis;
} status_rule;

/* What the clock can start from, best first, and how the basis names it. */
static const char *const default_order[] = {"ecas", "received_stamp", "service", "signature", NULL};
static const char *const default_phrase[] = {
    "counted from the ECAS filing date", "counted from the court's RECEIVED/FILED stamp",
    "counted from the certificate of service's date (no court receipt date found)",
    "counted from the signature date (no court receipt or service date found)"};

struct ms_deadlines {
    char **motion_types;
    char **start_order;  /* a permutation of a subset of default_order */
    char *start_phrase[4]; /* by index in default_order */
    GArray *extra; /* guint32 julian days */
    status_rule by_status[3]; /* detained, non_detained, not_stated */
};

static const char *const status_groups[3] = {"detained", "non_detained", "not_stated"};

static gboolean parse_date(const char *s, GDate *d)
{
    int y, m, dd;
    g_date_clear(d, 1);
    if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &dd) != 3 ||
        !g_date_valid_dmy((GDateDay)dd, (GDateMonth)m, (GDateYear)y))
        return FALSE;
    g_date_set_dmy(d, (GDateDay)dd, (GDateMonth)m, (GDateYear)y);
    return TRUE;
}

static int kind_index(const char *kind)
{
    for (int i = 0; default_order[i]; i++)
        if (kind && strcmp(default_order[i], kind) == 0) return i;
    return -1;
}

/* [start]: order = ecas;received_stamp;service;signature, and a phrase per
 * kind.  The group is optional (an older policy file): the defaults apply. */
static gboolean load_start(GKeyFile *kf, const char *path, ms_deadlines *d, GString *diag)
{
    gboolean ok = TRUE;
    d->start_order = g_key_file_get_string_list(kf, "start", "order", NULL, NULL);
    if (!d->start_order) d->start_order = g_strdupv((char **)default_order);
    for (char **k = d->start_order; *k; k++) {
        g_strstrip(*k);
        if (kind_index(*k) >= 0) continue;
        g_string_append_printf(diag, "%s: error: [start] order: '%s' is not one of ecas, "
                               "received_stamp, service, signature\n", path, *k);
        ok = FALSE;
    }
    for (int i = 0; default_order[i]; i++) {
        char *v = g_key_file_get_string(kf, "start", default_order[i], NULL);
        d->start_phrase[i] = v ? v : g_strdup(default_phrase[i]);
    }
    return ok;
}

const char *const *ms_deadline_start_order(const ms_deadlines *d)
{
    return d ? (const char *const *)d->start_order : default_order;
}

gboolean ms_deadlines_load(const char *path, ms_deadlines **out, GString *diag, GError **err)
{
    GKeyFile *kf = g_key_file_new();
    GError *e = NULL;
    ms_deadlines *d = g_new0(ms_deadlines, 1);
    d->extra = g_array_new(FALSE, FALSE, sizeof(guint32));
    gboolean ok = g_key_file_load_from_file(kf, path, G_KEY_FILE_NONE, &e);
    if (ok) {
        d->motion_types = g_key_file_get_string_list(kf, "deadlines", "motion_types", NULL, &e);
        ok = d->motion_types != NULL;
    }
    for (int i = 0; ok && i < 3; i++) {
        d->by_status[i].days = g_key_file_get_integer(kf, status_groups[i], "days", &e);
        if (!e) d->by_status[i].basis = g_key_file_get_string(kf, status_groups[i], "basis", &e);
        ok = !e && d->by_status[i].days >= 0 && d->by_status[i].days <= 365;
        if (ok || e) continue;
        g_string_append_printf(diag, "%s: error: [%s] days must be 0-365\n", path, status_groups[i]);
    }
    if (ok) {
        char **extra = g_key_file_get_string_list(kf, "deadlines", "extra_holidays", NULL, NULL);
        for (char **x = extra; x && *x; x++) {
            GDate dt;
            char *v = g_strstrip(*x);
            if (!*v) continue;
            if (!parse_date(v, &dt)) {
                g_string_append_printf(diag, "%s: error: extra_holidays: '%s' is not YYYY-MM-DD\n",
                                       path, v);
                ok = FALSE;
                continue;
            }
            guint32 j = g_date_get_julian(&dt);
            g_array_append_val(d->extra, j);
        }
        g_strfreev(extra);
    }
    if (ok) ok = load_start(kf, path, d, diag);
    if (e) {
        g_string_append_printf(diag, "%s: error: %s\n", path, e->message);
        g_error_free(e);
    }
    g_key_file_free(kf);
    if (!ok) {
        g_set_error(err, MS_ERROR, MS_ERR_RULES, "the deadline policy %s has errors", path);
        ms_deadlines_free(d);
        return FALSE;
    }
    *out = d;
    return TRUE;
}

void ms_deadlines_free(ms_deadlines *d)
{
    if (!d) return;
    g_strfreev(d->motion_types);
    g_strfreev(d->start_order);
    for (int i = 0; i < 4; i++) g_free(d->start_phrase[i]);
    g_array_free(d->extra, TRUE);
    for (int i = 0; i < 3; i++) g_free(d->by_status[i].basis);
    g_free(d);
}

/* The n-th (1-based; -1 = last) `wd` of month m in year y. */
static GDateDay nth_weekday(GDateYear y, GDateMonth m, GDateWeekday wd, int n)
{
    GDate d;
    g_date_clear(&d, 1);
    if (n > 0) {
        g_date_set_dmy(&d, 1, m, y);
        while (g_date_get_weekday(&d) != wd) g_date_add_days(&d, 1);
        g_date_add_days(&d, (guint)(7 * (n - 1)));
    } else {
        g_date_set_dmy(&d, g_date_get_days_in_month(m, y), m, y);
        while (g_date_get_weekday(&d) != wd) g_date_subtract_days(&d, 1);
    }
    return g_date_get_day(&d);
}

/* The holiday itself (not yet moved off a weekend). */
static gboolean is_holiday_proper(GDateYear y, GDateMonth m, GDateDay d)
{
    switch (m) {
    case G_DATE_JANUARY: return d == 1 || d == nth_weekday(y, m, G_DATE_MONDAY, 3);
    case G_DATE_FEBRUARY: return d == nth_weekday(y, m, G_DATE_MONDAY, 3);
    case G_DATE_MAY: return d == nth_weekday(y, m, G_DATE_MONDAY, -1);
    case G_DATE_JUNE: return d == 19 && y >= 2021;
    case G_DATE_JULY: return d == 4;
    case G_DATE_SEPTEMBER: return d == nth_weekday(y, m, G_DATE_MONDAY, 1);
    case G_DATE_OCTOBER: return d == nth_weekday(y, m, G_DATE_MONDAY, 2);
    case G_DATE_NOVEMBER: return d == 11 || d == nth_weekday(y, m, G_DATE_THURSDAY, 4);
    case G_DATE_DECEMBER: return d == 25;
    default: return FALSE;
    }
}

static gboolean holiday_on(const GDate *date, int offset)
{
    GDate d = *date;
    if (offset > 0) g_date_add_days(&d, (guint)offset);
    if (offset < 0) g_date_subtract_days(&d, (guint)-offset);
    return is_holiday_proper(g_date_get_year(&d), g_date_get_month(&d), g_date_get_day(&d));
}

gboolean ms_is_federal_holiday(const GDate *date)
{
    GDateWeekday wd = g_date_get_weekday(date);
    if (wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY) return FALSE; /* not observed there */
    if (holiday_on(date, 0)) return TRUE;
    if (wd == G_DATE_FRIDAY && holiday_on(date, 1)) return TRUE;  /* Saturday's, observed */
    if (wd == G_DATE_MONDAY && holiday_on(date, -1)) return TRUE; /* Sunday's, observed */
    return FALSE;
}

static gboolean is_closed(const ms_deadlines *d, const GDate *date)
{
    GDateWeekday wd = g_date_get_weekday(date);
    if (wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY || ms_is_federal_holiday(date)) return TRUE;
    guint32 j = g_date_get_julian(date);
    for (guint i = 0; d && i < d->extra->len; i++)
        if (g_array_index(d->extra, guint32, i) == j) return TRUE;
    return FALSE;
}

/* "...; counted from the court's RECEIVED/FILED stamp, 2025-10-16" */
static char *with_start(const ms_deadlines *d, const char *basis, const char *kind,
                        const char *filed)
{
    int k = kind_index(kind);
    if (k < 0) return g_strdup_printf("%s; counted from %s", basis, filed);
    return g_strdup_printf("%s; %s, %s", basis, d->start_phrase[k], filed);
}

gboolean ms_deadline_compute(const ms_deadlines *d, const char *motion_type, const char *filed,
                             const char *start_kind, int detained, char **due, char **basis)
{
    *due = *basis = NULL;
    GDate date;
    if (!d || !motion_type || !parse_date(filed, &date) ||
        !g_strv_contains((const char *const *)d->motion_types, motion_type))
        return FALSE;
    const status_rule *r = &d->by_status[detained > 0 ? 0 : detained == 0 ? 1 : 2];
    char *head = with_start(d, r->basis, start_kind, filed);
    if (r->days == 0) {
        *basis = head;
        return TRUE;
    }
    g_date_add_days(&date, (guint)r->days);
    int moved = 0;
    while (is_closed(d, &date)) g_date_add_days(&date, 1), moved++;
    char buf[16];
    g_date_strftime(buf, sizeof buf, "%Y-%m-%d", &date);
    *due = g_strdup(buf);
    *basis = moved ? g_strdup_printf("%s; moved %d day%s past a weekend or holiday", head, moved,
                                     moved == 1 ? "" : "s")
                   : g_strdup(head);
    g_free(head);
    return TRUE;
}
