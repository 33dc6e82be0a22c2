/* caption — normalisers for values read from a filing's caption. */
#include "extractors/caption.h"

#include <string.h>

/* USPS codes for the states and territories that have immigration courts. */
static const struct {
    const char *name, *code;
} states[] = {
    {"ALABAMA", "AL"},        {"ALASKA", "AK"},         {"ARIZONA", "AZ"},
    {"ARKANSAS", "AR"},       {"CALIFORNIA", "CA"},     {"COLORADO", "CO"},
    {"CONNECTICUT", "CT"},    {"DELAWARE", "DE"},       {"DISTRICT OF COLUMBIA", "DC"},
    {"FLORIDA", "FL"},        {"GEORGIA", "GA"},        {"HAWAII", "HI"},
    {"IDAHO", "ID"},          {"ILLINOIS", "IL"},       {"INDIANA", "IN"},
    {"IOWA", "IA"},           {"KANSAS", "KS"},         {"KENTUCKY", "KY"},
    {"LOUISIANA", "LA"},      {"MAINE", "ME"},          {"MARYLAND", "MD"},
    {"MASSACHUSETTS", "MA"},  {"MICHIGAN", "MI"},       {"MINNESOTA", "MN"},
    {"MISSISSIPPI", "MS"},    {"MISSOURI", "MO"},       {"MONTANA", "MT"},
    {"NEBRASKA", "NE"},       {"NEVADA", "NV"},         {"NEW HAMPSHIRE", "NH"},
    {"NEW JERSEY", "NJ"},     {"NEW MEXICO", "NM"},     {"NEW YORK", "NY"},
    {"NORTH CAROLINA", "NC"}, {"NORTH DAKOTA", "ND"},   {"OHIO", "OH"},
    {"OKLAHOMA", "OK"},       {"OREGON", "OR"},         {"PENNSYLVANIA", "PA"},
    {"RHODE ISLAND", "RI"},   {"SOUTH CAROLINA", "SC"}, {"SOUTH DAKOTA", "SD"},
    {"TENNESSEE", "TN"},      {"TEXAS", "TX"},          {"UTAH", "UT"},
    {"VERMONT", "VT"},        {"VIRGINIA", "VA"},       {"WASHINGTON", "WA"},
    {"WEST VIRGINIA", "WV"},  {"WISCONSIN", "WI"},      {"WYOMING", "WY"},
    {"PUERTO RICO", "PR"},    {"GUAM", "GU"},           {"NORTHERN MARIANA ISLANDS", "MP"},
    {"VIRGIN ISLANDS", "VI"},
};

/* "SAN DIEGO" -> "San Diego"; "MCALLEN" stays "Mcallen" (good enough to
 * group by; the evidence keeps the words as written). */
static char *title_case(const char *s)
{
    GString *out = g_string_new(NULL);
    gboolean start = TRUE;
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        g_string_append_unichar(out, start ? g_unichar_toupper(c) : g_unichar_tolower(c));
        start = g_unichar_isspace(c) || c == '-' || c == '.';
    }
    return g_string_free(out, FALSE);
}

char *ms_court_normalize(const char *s, gsize len)
{
    char *raw = g_strndup(s, len);
    char *comma = strrchr(raw, ',');
    if (!comma) {
        g_free(raw);
        return NULL;
    }
    *comma = 0;
    char *city = g_strstrip(raw);
    char *state = g_strstrip(comma + 1);
    char *upper = g_utf8_strup(state, -1);
    GString *st = g_string_new(NULL); /* one space between words, no dots */
    for (const char *p = upper; *p; p++) {
        if (*p == '.') continue;
        if (g_ascii_isspace(*p)) {
            if (st->len && st->str[st->len - 1] != ' ') g_string_append_c(st, ' ');
        } else {
            g_string_append_c(st, *p);
        }
    }
    while (st->len && st->str[st->len - 1] == ' ') g_string_truncate(st, st->len - 1);
    const char *code = NULL;
    for (gsize i = 0; i < G_N_ELEMENTS(states) && !code; i++)
        if (strcmp(st->str, states[i].name) == 0 || strcmp(st->str, states[i].code) == 0)
            code = states[i].code;
    char *out = NULL;
    if (code && *city) {
        char *c = title_case(city);
        out = g_strdup_printf("%s, %s", c, code);
        g_free(c);
    }
    g_string_free(st, TRUE);
    g_free(upper);
    g_free(raw);
    return out;
}

char *ms_anumber_normalize(const char *s, gsize len)
{
    char digits[16];
    int n = 0, real = 0;
    for (gsize i = 0; i < len; i++) {
        char c = s[i], d;
        if (c >= '0' && c <= '9') d = c, real++;
        else if (c == 'O' || c == 'o') d = '0';
        else if (c == 'l' || c == 'I' || c == '|') d = '1';
        else if (strchr(" \t-.,;:", c)) continue;
        else if ((guchar)c == 0xC2 && (guchar)s[i + 1] == 0xB0) { /* OCR's degree sign */
            i++;
            continue;
        }
        else return NULL;
        if (n >= 9) return NULL;
        digits[n++] = d;
    }
    /* Most of it must be real digits: "lOl" is a word, not a number. */
    if ((n != 9 && n != 8) || real < n - 2) return NULL;
    char *out = g_malloc(10);
    if (n == 8) { /* old 8-digit numbers are padded with a leading 0 */
        out[0] = '0';
        memcpy(out + 1, digits, 8);
    } else {
        memcpy(out, digits, 9);
    }
    out[9] = 0;
    return out;
}
