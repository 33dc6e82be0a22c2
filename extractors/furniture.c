/* furniture — see furniture.h.  The patterns run in raw byte mode
 * (G_REGEX_RAW): OCR text may hold invalid bytes. */
#include "extractors/furniture.h"

#include <string.h>

#define MS_FURNITURE_LINES 3 /* lines looked at on each side of a break */
#define MS_FURNITURE_MAX 90  /* a longer line is text, not furniture */

/* "Page 2 of 4", "2 of 4", "- 2 -", "2", "Page 2"; a fax header ("NOV-05-2025
 * 07:39 ICE OCC MEMPHIS FAX NO. 629 937 6171 P. 02/04"); a running header
 * that ends in the A-number ("CASTRO DIAZ, Rajesh - A224-036-531"); a Bates
 * number ("DHS-000123", "DHS- 000123" with OCR's space after the hyphen). */
#define FURNITURE_RE                                                                               \
    "^\\s*(?:(?:-\\s*)?(?:Page\\s+)?\\d{1,3}(?:\\s*(?:of|/)\\s*\\d{1,3})?(?:\\s*-)?"               \
    "|.*\\bFAX\\b.*\\bP\\.?\\s*\\d{1,3}(?:\\s*/\\s*\\d{1,3})?"                                     \
    "|[^.:;]{0,50}\\bA[-#:]?\\s?\\d{2,3}[- ]?\\d{3}[- ]?\\d{3}"                                    \
    "|[A-Z]{2,6}(?:[-_]\\s?| )?\\d{4,8})\\s*$"

static GRegex *furniture_re;

static gboolean is_furniture(const char *s, gsize a, gsize b)
{
    static gsize done;
    if (g_once_init_enter(&done)) {
        furniture_re =
            g_regex_new(FURNITURE_RE, G_REGEX_CASELESS | G_REGEX_OPTIMIZE | G_REGEX_RAW, 0, NULL);
        g_once_init_leave(&done, 1);
    }
    if (b <= a || b - a > MS_FURNITURE_MAX) return FALSE;
    char *line = g_strndup(s + a, b - a);
    gboolean yes = furniture_re && g_regex_match(furniture_re, line, 0, NULL);
    g_free(line);
    return yes;
}

/* Where the furniture lines of the page whose last line ends at s[end]
 * start (end when there are none). */
static gsize furniture_before(const char *s, gsize end)
{
    gsize from = end, b = end;
    for (int n = 0; n < MS_FURNITURE_LINES; n++) {
        gsize a = b; /* the line s[a, b) */
        while (a > 0 && s[a - 1] != '\n')
            a--;
        if (!is_furniture(s, a, b)) break;
        from = a;
        if (a < 2 || s[a - 2] == '\n') break; /* the page's first line */
        b = a - 1;                            /* the line before ends at its '\n' */
    }
    return from;
}

/* Where the furniture lines at the start of the page at s[start] end, with
 * the newline after them (start when there are none). */
static gsize furniture_after(const char *s, gsize len, gsize start)
{
    gsize a = start, to = start;
    for (int n = 0; n < MS_FURNITURE_LINES && a < len; n++) {
        gsize b = a;
        while (b < len && s[b] != '\n')
            b++;
        if (!is_furniture(s, a, b)) break;
        to = b < len ? b + 1 : b;
        if (to >= len || s[to] == '\n') break; /* the page's last line */
        a = to;
    }
    return to;
}

char *ms_furniture_blank(const ms_text *t, const char *s)
{
    char *out = NULL;
    gsize len = t->str->len;
    for (guint p = 1; p < t->pages->len; p++) {
        gsize start = g_array_index(t->pages, gsize, p); /* after the "\n\n" of the break */
        if (start < 2 || start > len || s[start - 1] != '\n' || s[start - 2] != '\n') continue;
        gsize from = furniture_before(s, start - 2), to = furniture_after(s, len, start);
        if (from == start - 2 && to == start) continue; /* no furniture: the break stays */
        if (!out) out = g_strndup(s, len);
        memset(out + MIN(from, start - 2), ' ', to - MIN(from, start - 2));
    }
    return out;
}
