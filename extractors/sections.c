/* sections — the parts of a filing that rules can be scoped to: the caption
 * and the title on the first page with text, the body, the certificate of
 * service, and the exhibits (from the first page that opens with "EXHIBIT A",
 * "ATTACHMENT 1", "APPENDIX", "TAB").  Found from the layout of the lines,
 * not from rules, so that every rule file sees the same sections. */
#include "extractors/sections.h"

#include <string.h>

/* Words that make an upper-case line a title rather than caption text. */
static const char *const title_words[] = {
    "MOTION", "OPPOSITION", "ORDER", "NOTICE", "RESPONSE", "REPLY", "BRIEF", "DESIGNAT",
    "PROTOCOLS", "SUBMISSION", "REQUEST", "PETITION", "STATEMENT", "MEMORANDUM", "DECISION",
    "OPPOSE", "PRETERMIT", "RETURN TO", NULL};
/* Caption lines: upper case but never part of the title. */
static const char *const caption_words[] = {
    "DEPARTMENT OF JUSTICE", "EXECUTIVE OFFICE", "IMMIGRATION COURT", "IN THE MATTER",
    "PROCEEDINGS", "DETAINED", "FILE NO", "HEARING", "IMMIGRATION JUDGE:", "A-NUMBER", NULL};

static gboolean has_any(const char *upper, const char *const *words)
{
    for (; *words; words++)
        if (strstr(upper, *words)) return TRUE;
    return FALSE;
}

typedef enum { LINE_OTHER, LINE_UPPER, LINE_CAPTION, LINE_TITLE } line_kind;

/* "Department of Homeland Security's Motion to Pretermit": a short line in
 * title case (the long words capitalised, no closing period) that names a
 * title word is a title too. */
static gboolean title_case_title(const char *s, const char *e)
{
    if (e - s > 120 || e == s || e[-1] == '.' || e[-1] == ',') return FALSE;
    int long_words = 0, capitalised = 0;
    for (const char *p = s; p < e;) {
        while (p < e && !g_unichar_isalpha(g_utf8_get_char(p))) p = g_utf8_next_char(p);
        const char *w = p;
        int n = 0;
        while (p < e && g_unichar_isalpha(g_utf8_get_char(p))) p = g_utf8_next_char(p), n++;
        if (n < 4) continue;
        long_words++;
        if (g_unichar_isupper(g_utf8_get_char(w))) capitalised++;
    }
    if (long_words < 2 || capitalised * 10 < long_words * 9) return FALSE;
    for (const char *p = s; p < e; p++)
        if (*p == ':' || g_ascii_isdigit(*p)) return FALSE; /* "ECAS Submission Date: ..." */
    char *u = g_utf8_strup(s, e - s);
    gboolean named = FALSE;
    for (const char *const *w = title_words; *w && !named; w++)
        for (const char *at = strstr(u, *w); at && !named; at = strstr(at + 1, *w))
            named = at == u || !g_ascii_isalpha(at[-1]); /* a word, not "BORDER" */
    named = named && !has_any(u, caption_words);
    g_free(u);
    return named;
}

static line_kind classify_line(const ms_text *t, const ms_line *l)
{
    int letters = 0, upper = 0;
    const char *s = t->str->str + l->start, *e = t->str->str + l->end;
    for (const char *p = s; p < e; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (!g_unichar_isalpha(c)) continue;
        letters++;
        if (g_unichar_isupper(c)) upper++;
    }
    if (letters >= 4 && upper * 10 < letters * 8)
        return title_case_title(s, e) ? LINE_TITLE : LINE_OTHER;
    if (letters < 4) return LINE_OTHER;
    char *u = g_utf8_strup(s, e - s);
    line_kind k = has_any(u, title_words) ? LINE_TITLE
                  : has_any(u, caption_words) ? LINE_CAPTION : LINE_UPPER;
    /* "ORDER OF THE IMMIGRATION JUDGE" is a title; "IMMIGRATION JUDGE: X" is not. */
    if (k == LINE_TITLE && has_any(u, caption_words) && !strstr(u, "ORDER") && !strstr(u, "MOTION"))
        k = LINE_CAPTION;
    g_free(u);
    return k;
}

/* The first page with some text: a blank or nearly blank cover sheet is skipped. */
static int first_text_page(const ms_text *t)
{
    for (guint p = 0; p < t->pages->len; p++) {
        gsize s = g_array_index(t->pages, gsize, p);
        gsize e = p + 1 < t->pages->len ? g_array_index(t->pages, gsize, p + 1) : t->str->len;
        if (e - s >= 40) return (int)p + 1;
    }
    return 1;
}

/* A fax transmittal sheet before the filing ("FAX TRANSMITTAL", "TO: / FAX: /
 * PAGES:", a confidentiality notice) is not the filing's first page. */
static gboolean fax_cover(const ms_text *t, int page)
{
    gsize s = g_array_index(t->pages, gsize, page - 1);
    gsize e = (guint)page < t->pages->len ? g_array_index(t->pages, gsize, page) : t->str->len;
    char *u = g_ascii_strup(t->str->str + s, (gssize)(e - s));
    gboolean sheet = strstr(u, "FAX TRANSMITTAL") || strstr(u, "FAX COVER") ||
                     strstr(u, "FACSIMILE TRANSMITTAL") || strstr(u, "FACSIMILE COVER") ||
                     (strstr(u, "TO:") && strstr(u, "FROM:") && strstr(u, "PAGES"));
    gboolean notice = strstr(u, "CONFIDENTIAL") || strstr(u, "PAGES:") || strstr(u, "PAGES (");
    g_free(u);
    return sheet && notice;
}

static void find_title(const ms_text *t, int page, ms_sections *s)
{
    s->start[MS_SCOPE_TITLE] = s->end[MS_SCOPE_TITLE] = 0;
    const ms_line *lines = (const ms_line *)t->lines->data;
    guint n = t->lines->len;
    for (guint i = 0; i < n; i++) {
        if (lines[i].page != page || classify_line(t, &lines[i]) != LINE_TITLE) continue;
        guint first = i, last = i;
        while (first > 0 && i - first < 2 && lines[first - 1].page == page &&
               classify_line(t, &lines[first - 1]) == LINE_UPPER)
            first--;
        while (last + 1 < n && last - i < 4 && lines[last + 1].page == page) {
            line_kind k = classify_line(t, &lines[last + 1]);
            if (k != LINE_UPPER && k != LINE_TITLE) break;
            last++;
        }
        s->start[MS_SCOPE_TITLE] = lines[first].start;
        s->end[MS_SCOPE_TITLE] = lines[last].end;
        return;
    }
}

/* An exhibit starts a page: "EXHIBIT A", "ATTACHMENT 2", "TAB C" in its first lines. */
static gboolean page_starts_exhibit(const ms_text *t, int page)
{
    int seen = 0;
    for (guint i = 0; i < t->lines->len && seen < 3; i++) {
        const ms_line *l = &g_array_index(t->lines, ms_line, i);
        if (l->page != page) continue;
        seen++;
        gsize len = l->end - l->start;
        if (len > 40) continue;
        char *u = g_ascii_strup(t->str->str + l->start, (gssize)len);
        char *p = g_strstrip(u);
        gboolean hit = FALSE;
        for (const char *const *w = (const char *const[]){"EXHIBIT ", "ATTACHMENT ", "APPENDIX ", "TAB ", NULL}; *w; w++)
            if (g_str_has_prefix(p, *w)) hit = TRUE;
        g_free(u);
        if (hit) return TRUE;
    }
    return FALSE;
}

/* "CERTIFICATE OF SERVICE" heading to the end of its page. */
static void find_certificate(const ms_text *t, ms_sections *s)
{
    for (guint i = 0; i < t->lines->len; i++) {
        const ms_line *l = &g_array_index(t->lines, ms_line, i);
        char *u = g_ascii_strup(t->str->str + l->start, (gssize)(l->end - l->start));
        gboolean hit = strstr(u, "CERTIFICATE OF SERVICE") != NULL && l->end - l->start < 60;
        g_free(u);
        if (!hit) continue;
        s->start[MS_SCOPE_CERTIFICATE] = l->start;
        s->end[MS_SCOPE_CERTIFICATE] = (guint)l->page < t->pages->len
                                           ? g_array_index(t->pages, gsize, l->page)
                                           : t->str->len;
        return;
    }
}

void ms_sections_find(const ms_text *t, ms_sections *s)
{
    gsize len = t->str->len;
    guint np = t->pages->len;
    memset(s, 0, sizeof *s);
    s->end[MS_SCOPE_DOCUMENT] = len;
    int p1 = first_text_page(t);
    while ((guint)p1 < np && fax_cover(t, p1)) p1++;
    if (np) {
        s->start[MS_SCOPE_PAGE1] = g_array_index(t->pages, gsize, p1 - 1);
        s->end[MS_SCOPE_PAGE1] = (guint)p1 < np ? g_array_index(t->pages, gsize, p1) : len;
    }
    find_title(t, p1, s);
    /* The caption: page 1 above the title (all of page 1 when there is none). */
    s->start[MS_SCOPE_CAPTION] = s->start[MS_SCOPE_PAGE1];
    s->end[MS_SCOPE_CAPTION] = s->end[MS_SCOPE_TITLE] > s->start[MS_SCOPE_TITLE]
                                   ? s->start[MS_SCOPE_TITLE]
                                   : s->end[MS_SCOPE_PAGE1];
    find_certificate(t, s);
    gsize ex = len;
    for (guint p = (guint)p1 + 1; p <= np; p++)
        if (page_starts_exhibit(t, (int)p)) {
            ex = g_array_index(t->pages, gsize, p - 1);
            break;
        }
    s->start[MS_SCOPE_BODY] = 0;
    s->end[MS_SCOPE_BODY] = ex;
    s->start[MS_SCOPE_EXHIBITS] = ex;
    s->end[MS_SCOPE_EXHIBITS] = len;
}

