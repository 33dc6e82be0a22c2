#include "pipeline/calendar/courts.h"

#include <string.h>

#include "pipeline/base/ms_error.h"

struct ms_courts {
    GHashTable *zones; /* case-folded court or state code -> zone */
};

static gboolean zone_exists(const char *zone)
{
    GTimeZone *tz = g_time_zone_new_identifier(zone);
    if (tz) g_time_zone_unref(tz);
    return tz != NULL;
}

/* One data line; FALSE with err set when it is malformed. */
static gboolean add_line(ms_courts *c, const char *path, int lineno, const char *line,
                         GError **err)
{
    char **col = g_strsplit(line, "\t", 3);
    gboolean ok = col[0] && col[1] && *g_strstrip(col[0]) && *g_strstrip(col[1]);
    if (!ok)
        g_set_error(err, MS_ERROR, MS_ERR_RULES, "%s:%d: want COURT<TAB>ZONE<TAB>NAME", path, lineno);
    else if (!(ok = zone_exists(col[1])))
        g_set_error(err, MS_ERROR, MS_ERR_RULES, "%s:%d: '%s' is not a time zone this system knows",
                    path, lineno, col[1]);
    if (ok) {
        char *key = g_utf8_casefold(col[0], -1);
        if (!(ok = !g_hash_table_contains(c->zones, key)))
            g_set_error(err, MS_ERROR, MS_ERR_RULES, "%s:%d: '%s' is listed twice", path, lineno,
                        col[0]);
        if (ok) g_hash_table_insert(c->zones, key, g_strdup(col[1]));
        else g_free(key);
    }
    g_strfreev(col);
    return ok;
}

gboolean ms_courts_load(const char *path, ms_courts **out, GError **err)
{
    char *text = NULL;
    GError *e = NULL;
    if (!g_file_get_contents(path, &text, NULL, &e)) {
        g_set_error(err, MS_ERROR, MS_ERR_RULES, "%s: %s", path, e->message);
        g_error_free(e);
        return FALSE;
    }
    ms_courts *c = g_new0(ms_courts, 1);
    c->zones = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    char **lines = g_strsplit(text, "\n", -1);
    gboolean ok = TRUE, header = TRUE;
    for (int i = 0; ok && lines[i]; i++) {
        char *l = g_strchomp(lines[i]);
        if (!*l || *l == '#') continue;
        if (header && g_str_has_prefix(l, "court\t")) { /* the column names */
            header = FALSE;
            continue;
        }
        ok = add_line(c, path, i + 1, l, err);
    }
    g_strfreev(lines);
    g_free(text);
    if (!ok) {
        ms_courts_free(c);
        return FALSE;
    }
    *out = c;
    return TRUE;
}

void ms_courts_free(ms_courts *c)
{
    if (!c) return;
    g_hash_table_destroy(c->zones);
    g_free(c);
}

const char *ms_courts_zone(const ms_courts *c, const char *court, ms_court_match *how)
{
    ms_court_match m = MS_COURT_UNKNOWN;
    const char *zone = NULL;
    if (c && court) {
        char *key = g_utf8_casefold(court, -1);
        zone = g_hash_table_lookup(c->zones, key);
        const char *comma = strrchr(key, ',');
        if (zone) m = MS_COURT_LISTED;
        else if (comma && (zone = g_hash_table_lookup(c->zones, g_strstrip((char *)comma + 1))))
            m = MS_COURT_STATE;
        g_free(key);
    }
    if (how) *how = m;
    return zone;
}
