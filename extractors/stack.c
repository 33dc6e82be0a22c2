/* stack — filing boundaries in a stapled stack (see stack.h). */
#include "extractors/stack.h"

#include <stdlib.h>
#include <string.h>

#include "extractors/anumber.h"
#include "extractors/caption.h"
#include "extractors/fuzzy.h"
#include "extractors/ocr_digits.h"

/* The cues of rules/stack.rules, as indexes. */
enum { CUE_CAPTION, CUE_TITLE, CUE_CERT, CUE_SIGNATURE, CUE_PAGENUM, CUE_EXHIBIT, CUE_PROPOSED,
       CUE_FAX_COVER, CUE_SEPARATOR, CUE_FAX_HEADER, N_CUES };
static const char *const cue_names[N_CUES] = {"caption",     "title",          "certificate",
                                              "signature",   "page_number",    "exhibit",
                                              "proposed_order", "fax_cover",   "separator",
                                              "fax_header"};

/* What speaks for a new filing on a page, and against it.  A page opens a
 * filing at START_AT or more: a caption with a new title, or a caption with a
 * new A-number, or a caption after a certificate of service, opens one; a
 * caption alone (a second page repeating it) does not.  An exhibit or a
 * proposed order outweighs any caption it repeats. */
#define W_CAPTION 3
#define W_NEW_ANUMBER 3
/* A new A-number on a page with no caption (a running header OCR misread
 * in two digits) is weaker. */
#define W_NEW_ANUMBER_BARE 2
/* Another respondent named in the caption, and no A-number of the filing
 * before on the page: as strong as a new A-number (it is the evidence when
 * OCR lost the A-numbers). */
#define W_NEW_RESPONDENT 3
#define W_NEW_RESPONDENT_BARE 2
#define W_NEW_TITLE 1
#define W_AFTER_CERTIFICATE 2
/* A signature block ending the page before, and no certificate: a caption
 * with it opens a filing even when OCR lost the title. */
#define W_AFTER_SIGNATURE 1
#define W_PAGE_ONE 2
#define W_AFTER_LAST_PAGE 1
#define W_AFTER_NON_FILING 2
/* A blank sheet is weaker: a duplex scan puts one inside a filing. */
#define W_AFTER_BLANK 1
/* The filing's own caption and title again, and no other A-number or
 * respondent: a page
 * that repeats them (or a copy of the same filing), never a new filing. */
#define W_SAME_TITLE -3
/* Exhibits and a proposed order close a filing: a captioned page after them
 * that is neither opens the next. */
#define W_AFTER_ATTACHMENT 1
#define W_PAGE_CONTINUED -4
#define W_EXHIBIT -6
#define W_PROPOSED_ORDER -6
#define START_AT 4
/* Fewer letters and digits than this (the fax header left out): blank.  A
 * last page with a signer's name alone ("Megan Kurtz 2") has more. */
#define BLANK_BELOW 6
/* A separator sheet carries little else. */
#define SEPARATOR_BELOW 80
/* Titles are compared on their first letters, by the OCR-weighted distance
 * of rules/fuzzy.conf: one OCR misread ("MOTLON") is the same title. */
#define TITLE_LETTERS 60
#define TITLE_SLACK_PER 8 /* a distance of 1 per this many letters, at least 1 */

typedef struct {
    gboolean cue[N_CUES];
    int num_k, num_n;  /* page numbering found ("Page k of n", "- k -": n = 0), k = 0: none */
    char *title;       /* the first title line, lower-cased letters only (at most TITLE_LETTERS), or NULL */
    GPtrArray *anums;  /* char*: the A-numbers on the page */
    char *who;         /* the respondent the caption names, as a comparison key (who_key), or NULL */
    int alnum;         /* letters and digits, the fax header left out */
    const char *kind;  /* NULL for a filing page, else the non-filing kind */
    const ms_barcode *barcode; /* a separator barcode on the page (borrowed), or NULL */
} page_info;

static int cue_index(const char *value)
{
    for (int i = 0; i < N_CUES; i++)
        if (value && strcmp(value, cue_names[i]) == 0) return i;
    return -1;
}

static char *squeeze_lower(const char *s, gsize len)
{
    GString *o = g_string_new(NULL);
    for (gsize i = 0; i < len && o->len < TITLE_LETTERS; i++)
        if (g_ascii_isalpha(s[i])) g_string_append_c(o, g_ascii_tolower(s[i]));
    return g_string_free(o, FALSE);
}

/* A word of digits and OCR's look-alikes of them ("l2", "I"; and "i" for 1,
 * as a footer's "Page i of 3" is read) as a number, or -1. */
static int ocr_number(const char *w)
{
    int n = 0;
    for (const char *p = w; *p; p++) {
        int d = *p == 'i' ? 1 : ms_ocr_digit((guchar)*p);
        if (d < 0 || n > 999) return -1;
        n = n * 10 + d;
    }
    return *w ? n : -1;
}

/* "Page 2 of 4" gives 2 and 4, "- 3 -" and "Page 3" give 3 and 0; the first
 * two words that are numbers (OCR's look-alikes read as digits). */
static void page_numbers(const char *s, gsize len, page_info *pi)
{
    char *m = g_strndup(s, len);
    char **words = g_strsplit_set(m, " \t\n-", -1);
    int got = 0, nums[2] = {0, 0};
    for (char **w = words; *w && got < 2; w++) {
        int v = ocr_number(*w);
        if (v >= 0) nums[got++] = v;
    }
    pi->num_k = nums[0];
    pi->num_n = nums[1];
    g_strfreev(words);
    g_free(m);
}

static void note_cue(page_info *pi, int cue, const char *s, const ms_match *mt)
{
    if (cue == CUE_TITLE && !pi->title) pi->title = squeeze_lower(s + mt->start, mt->end - mt->start);
    if (cue == CUE_PAGENUM && !pi->cue[cue]) page_numbers(s + mt->start, mt->end - mt->start, pi);
    pi->cue[cue] = TRUE;
}

/* The cues on one page: `s` is the page's text, `len` bytes. */
static void find_cues(const ms_ruleset *rs, ms_matcher *m, const char *s, gsize len,
                      page_info *pi, GArray *hits)
{
    const GPtrArray *rules = ms_ruleset_for_field(rs, "stack_cue");
    for (guint i = 0; rules && i < rules->len; i++) {
        const ms_rule *r = g_ptr_array_index(rules, i);
        int cue = cue_index(r->value);
        if (cue < 0 || r->on_marked) continue;
        g_array_set_size(hits, 0);
        ms_rule_match_all(r, m, s, 0, len, hits);
        for (guint j = 0; j < hits->len; j++) {
            const ms_match *mt = &g_array_index(hits, ms_match, j);
            note_cue(pi, cue, s, mt);
        }
    }
}

/* The values the rules of `field` match on the page, in rule order, each
 * normalised by `norm` (a NULL result is dropped) and added to `out` (which
 * owns them) unless already there; at most `max` of them (0: all). */
static void field_values(const ms_ruleset *rs, ms_matcher *m, const char *field,
                         char *(*norm)(const char *, gsize), const char *s, gsize len, GArray *hits,
                         GPtrArray *out, guint max)
{
    const GPtrArray *rules = ms_ruleset_for_field(rs, field);
    for (guint i = 0; rules && i < rules->len && (!max || out->len < max); i++) {
        const ms_rule *r = g_ptr_array_index(rules, i);
        if (r->on_marked) continue;
        g_array_set_size(hits, 0);
        ms_rule_match_all(r, m, s, 0, len, hits);
        for (guint j = 0; j < hits->len && (!max || out->len < max); j++) {
            const ms_match *mt = &g_array_index(hits, ms_match, j);
            char *v = mt->vend > mt->vstart ? norm(s + mt->vstart, mt->vend - mt->vstart) : NULL;
            if (v && !g_ptr_array_find_with_equal_func(out, v, g_str_equal, NULL)) g_ptr_array_add(out, v);
            else g_free(v);
        }
    }
}

/* A respondent's name as compared: the first word of the surname and of the
 * given names, lower-cased ("GARCIA LOPEZ, Maria Elena" and "GARCIA,
 * Maria" are both "garcia maria"), so that two forms of one name agree;
 * NULL when no letters are left. */
static char *who_key(const char *name)
{
    const char *comma = strchr(name, ',');
    GString *k = g_string_new(NULL);
    for (int part = 0; part < 2; part++) {
        const char *p = part ? (comma ? comma + 1 : "") : name;
        while (*p && !g_ascii_isalpha(*p)) p++;
        if (k->len && *p) g_string_append_c(k, ' ');
        /* digits too: OCR reads O as 0, and the distance weighs that little */
        for (; g_ascii_isalnum(*p) || *p == '-' || *p == '\''; p++)
            if (g_ascii_isalnum(*p)) g_string_append_c(k, g_ascii_tolower(*p));
    }
    return k->len ? g_string_free(k, FALSE) : (g_string_free(k, TRUE), NULL);
}

/* A respondent's name as the caption gives it, as a who_key. */
static char *who_of(const char *s, gsize len)
{
    char *name = ms_respondent_normalize(s, len);
    char *key = name ? who_key(name) : NULL;
    g_free(name);
    return key;
}

/* The first respondent the caption rules find on the page. */
static char *find_respondent(const ms_ruleset *rs, ms_matcher *m, const char *s, gsize len, GArray *hits)
{
    GPtrArray *one = g_ptr_array_new_with_free_func(g_free);
    field_values(rs, m, "respondent", who_of, s, len, hits, one, 1);
    char *who = one->len ? g_ptr_array_steal_index(one, 0) : NULL;
    g_ptr_array_free(one, TRUE);
    return who;
}

/* Letters and digits on the page, leaving out a first line the fax header
 * rule matches. */
static int count_alnum(const ms_ruleset *rs, ms_matcher *m, const char *s, gsize len,
                       GArray *hits)
{
    gsize from = 0;
    const GPtrArray *rules = ms_ruleset_for_field(rs, "stack_cue");
    for (guint i = 0; rules && i < rules->len; i++) {
        const ms_rule *r = g_ptr_array_index(rules, i);
        if (cue_index(r->value) != CUE_FAX_HEADER) continue;
        g_array_set_size(hits, 0);
        const char *nl = memchr(s, '\n', len);
        gsize first_end = nl ? (gsize)(nl - s) : len;
        ms_rule_match_all(r, m, s, 0, first_end, hits);
        if (hits->len) from = MAX(from, first_end);
    }
    int n = 0;
    for (gsize i = from; i < len; i++) n += g_ascii_isalnum(s[i]) || (guchar)s[i] >= 0xC0;
    return n;
}

/* The first barcode of page `page` whose whole value a stack_barcode rule
 * matches, or NULL. */
static const ms_barcode *separator_barcode(const ms_ruleset *rs, ms_matcher *m,
                                           const GArray *barcodes, int page, GArray *hits)
{
    const GPtrArray *rules = ms_ruleset_for_field(rs, "stack_barcode");
    for (guint i = 0; barcodes && rules && i < barcodes->len; i++) {
        const ms_barcode *b = &g_array_index(barcodes, ms_barcode, i);
        if (b->page != page || !b->value) continue;
        gsize len = strlen(b->value);
        for (guint k = 0; k < rules->len; k++) {
            const ms_rule *r = g_ptr_array_index(rules, k);
            g_array_set_size(hits, 0);
            ms_rule_match_all(r, m, b->value, 0, len, hits);
            if (hits->len && g_array_index(hits, ms_match, 0).start == 0 &&
                g_array_index(hits, ms_match, 0).end == len)
                return b;
        }
    }
    return NULL;
}

static void read_page(const ms_ruleset *rs, ms_matcher *m, const ms_text *t, guint p,
                      const GArray *barcodes, page_info *pi, GArray *hits)
{
    gsize start = g_array_index(t->pages, gsize, p);
    gsize end = p + 1 < t->pages->len ? g_array_index(t->pages, gsize, p + 1) : t->str->len;
    const char *s = t->str->str + start;
    gsize len = end - start;
    pi->anums = g_ptr_array_new_with_free_func(g_free);
    find_cues(rs, m, s, len, pi, hits);
    field_values(rs, m, "a_number", ms_anumber_normalize, s, len, hits, pi->anums, 0);
    pi->who = find_respondent(rs, m, s, len, hits);
    pi->alnum = count_alnum(rs, m, s, len, hits);
    pi->barcode = separator_barcode(rs, m, barcodes, (int)p + 1, hits);
    if (pi->barcode || (pi->cue[CUE_SEPARATOR] && pi->alnum < SEPARATOR_BELOW)) pi->kind = "separator";
    else if (pi->alnum < BLANK_BELOW) pi->kind = "blank";
    else if (pi->cue[CUE_FAX_COVER] && !pi->cue[CUE_CAPTION]) pi->kind = "fax_cover";
}

/* The filing being read: what its pages said so far. */
typedef struct {
    const ms_fuzzy *fuzzy; /* the rules' OCR-weighted distance, for titles */
    GPtrArray *anums; /* char* (borrowed from page_info) */
    const char *who;  /* the respondent its caption named first (borrowed), or NULL */
    const char *title;
    gboolean ended;        /* its last page had a certificate of service */
    gboolean signed_off;   /* its last page ended with a signature block */
    gboolean last_page;    /* its last page was "Page n of n" */
    const char *after_gap; /* the kind of a non-filing page after its last page, or NULL */
    gboolean attachments;  /* it has reached its exhibits or its proposed order */
    gboolean after_barcode; /* a separator barcode sheet follows its last page */
} current;

/* One A-number, or the same read with one digit OCR confuses (3/8, 1/7):
 * a misread digit on a page that repeats the caption is no new respondent. */
static gboolean same_anumber(const char *a, const char *b)
{
    if (strlen(a) != strlen(b)) return FALSE;
    int diff = 0;
    for (; *a && diff <= 1; a++, b++)
        if (*a != *b) diff += ms_ocr_digits_confusable(*a, *b) ? 1 : 2;
    return diff <= 1;
}

static gboolean shares_anumber(const GPtrArray *have, const GPtrArray *page)
{
    for (guint i = 0; i < page->len; i++)
        for (guint j = 0; j < have->len; j++)
            if (same_anumber(g_ptr_array_index(page, i), g_ptr_array_index(have, j))) return TRUE;
    return FALSE;
}

/* The same title, or the same respondent (keys of who_key), allowing OCR's
 * misreads: a distance of 1 per TITLE_SLACK_PER letters, at least 1. */
static gboolean same_read(const current *cur, const char *a, const char *b)
{
    if (strcmp(a, b) == 0) return TRUE;
    if (!cur->fuzzy) return FALSE;
    double slack = MAX(1.0, (double)MIN(strlen(a), strlen(b)) / TITLE_SLACK_PER);
    return ms_fuzzy_distance(cur->fuzzy, a, b) <= slack;
}

static void add(int *score, GPtrArray *cues, int weight, const char *cue)
{
    *score += weight;
    g_ptr_array_add(cues, (gpointer)cue);
}

/* How strongly page `pi` opens a new filing after `cur`; the cues go to `cues`. */
static int start_score(const page_info *pi, const current *cur, GPtrArray *cues)
{
    int s = 0;
    if (pi->cue[CUE_CAPTION]) add(&s, cues, W_CAPTION, "caption");
    if (pi->anums->len && cur->anums->len && !shares_anumber(cur->anums, pi->anums))
        add(&s, cues, pi->cue[CUE_CAPTION] ? W_NEW_ANUMBER : W_NEW_ANUMBER_BARE, "new_a_number");
    gboolean new_who = pi->who && cur->who && !same_read(cur, pi->who, cur->who) &&
                       !(pi->anums->len && cur->anums->len && shares_anumber(cur->anums, pi->anums));
    if (new_who) add(&s, cues, pi->cue[CUE_CAPTION] ? W_NEW_RESPONDENT : W_NEW_RESPONDENT_BARE, "new_respondent");
    if (pi->title && (!cur->title || !same_read(cur, pi->title, cur->title)))
        add(&s, cues, W_NEW_TITLE, "new_title");
    else if (pi->title && pi->cue[CUE_CAPTION] && !new_who &&
             (!pi->anums->len || !cur->anums->len || shares_anumber(cur->anums, pi->anums)))
        add(&s, cues, W_SAME_TITLE, "same_title");
    if (cur->ended) add(&s, cues, W_AFTER_CERTIFICATE, "after_certificate");
    else if (cur->signed_off) add(&s, cues, W_AFTER_SIGNATURE, "after_signature");
    if (pi->num_k == 1) add(&s, cues, W_PAGE_ONE, "page_1");
    if (pi->num_k > 1) add(&s, cues, W_PAGE_CONTINUED, "page_continued");
    if (cur->last_page) add(&s, cues, W_AFTER_LAST_PAGE, "after_last_page");
    if (cur->after_gap && strcmp(cur->after_gap, "blank") == 0)
        add(&s, cues, W_AFTER_BLANK, "after_blank_page");
    else if (cur->after_gap)
        add(&s, cues, W_AFTER_NON_FILING, "after_non_filing_page");
    if (cur->attachments && !pi->cue[CUE_EXHIBIT] && !pi->cue[CUE_PROPOSED])
        add(&s, cues, W_AFTER_ATTACHMENT, "after_attachments");
    if (pi->cue[CUE_EXHIBIT]) add(&s, cues, W_EXHIBIT, "exhibit");
    if (pi->cue[CUE_PROPOSED]) add(&s, cues, W_PROPOSED_ORDER, "proposed_order");
    return s;
}

/* The page joins the filing: what it says is carried on. */
static void absorb(current *cur, const page_info *pi)
{
    for (guint i = 0; i < pi->anums->len; i++)
        if (!g_ptr_array_find_with_equal_func(cur->anums, g_ptr_array_index(pi->anums, i),
                                              g_str_equal, NULL))
            g_ptr_array_add(cur->anums, g_ptr_array_index(pi->anums, i));
    /* An exhibit's or a proposed order's title is not the filing's: the
     * judge's order after a proposed order has the same words. */
    if (!cur->title && pi->title && !pi->cue[CUE_EXHIBIT] && !pi->cue[CUE_PROPOSED])
        cur->title = pi->title;
    if (!cur->who && !pi->cue[CUE_EXHIBIT]) cur->who = pi->who;
    cur->ended = pi->cue[CUE_CERT];
    cur->signed_off = pi->cue[CUE_SIGNATURE];
    cur->last_page = pi->num_k > 0 && pi->num_k == pi->num_n;
    cur->after_gap = NULL;
    cur->after_barcode = FALSE;
    cur->attachments = cur->attachments || pi->cue[CUE_EXHIBIT] || pi->cue[CUE_PROPOSED];
}

static void open_part(ms_stack *st, current *cur, int page, int score, GPtrArray *cues)
{
    ms_stack_part part = {.first = page, .last = page, .page = page, .cues = cues};
    part.confidence = score >= G_MAXINT / 2 ? 1.0 : MIN(1.0, 0.6 + 0.1 * (score - START_AT));
    part.review = part.confidence < MS_STACK_REVIEW_BELOW;
    g_array_append_val(st->parts, part);
    g_ptr_array_set_size(cur->anums, 0);
    cur->title = NULL;
    cur->who = NULL;
    cur->attachments = FALSE;
}

static void place_page(ms_stack *st, current *cur, const page_info *pi, int page)
{
    if (pi->kind) {
        ms_stack_page np = {page, pi->kind, pi->barcode ? pi->barcode->symbology : NULL,
                            pi->barcode ? pi->barcode->value : NULL};
        g_array_append_val(st->non_filing, np);
        cur->after_gap = pi->kind;
        cur->after_barcode = cur->after_barcode || pi->barcode;
        return;
    }
    GPtrArray *cues = g_ptr_array_new();
    if (!st->parts->len) {
        g_ptr_array_add(cues, "first_filing_page");
        open_part(st, cur, page, G_MAXINT, cues);
    } else {
        int score = start_score(pi, cur, cues);
        /* a separator sheet's barcode is put there to split: it always does */
        if (cur->after_barcode) {
            g_ptr_array_add(cues, "after_separator_barcode");
            score = G_MAXINT;
        }
        if (score >= START_AT) open_part(st, cur, page, score, cues);
        else g_ptr_array_free(cues, TRUE);
    }
    g_array_index(st->parts, ms_stack_part, st->parts->len - 1).last = page;
    absorb(cur, pi);
}

static void clear_part(gpointer p)
{
    ms_stack_part *part = p;
    if (part->cues) g_ptr_array_free(part->cues, TRUE);
}

static ms_stack *stack_new(void)
{
    ms_stack *st = g_new0(ms_stack, 1);
    st->parts = g_array_new(FALSE, TRUE, sizeof(ms_stack_part));
    g_array_set_clear_func(st->parts, clear_part);
    st->non_filing = g_array_new(FALSE, TRUE, sizeof(ms_stack_page));
    return st;
}

ms_stack *ms_stack_whole(int n_pages)
{
    ms_stack *st = stack_new();
    GPtrArray *cues = g_ptr_array_new();
    g_ptr_array_add(cues, "whole_file");
    ms_stack_part part = {.first = 1, .last = MAX(n_pages, 1), .page = 1, .confidence = 1,
                          .cues = cues};
    g_array_append_val(st->parts, part);
    return st;
}

ms_stack *ms_stack_find(const ms_ruleset *rs, ms_matcher *m, const ms_text *t,
                        const GArray *barcodes)
{
    guint n = t->pages->len;
    page_info *pages = g_new0(page_info, MAX(n, 1));
    GArray *hits = g_array_new(FALSE, FALSE, sizeof(ms_match));
    for (guint p = 0; p < n; p++) read_page(rs, m, t, p, barcodes, &pages[p], hits);
    ms_stack *st = stack_new();
    current cur = {.fuzzy = ms_ruleset_fuzzy(rs), .anums = g_ptr_array_new()};
    for (guint p = 0; p < n; p++) place_page(st, &cur, &pages[p], (int)p + 1);
    if (!st->parts->len) { /* nothing but blank pages: the file is one part */
        ms_stack_free(st);
        st = ms_stack_whole((int)n);
    }
    g_ptr_array_free(cur.anums, TRUE);
    for (guint p = 0; p < n; p++) {
        g_ptr_array_free(pages[p].anums, TRUE);
        g_free(pages[p].title);
        g_free(pages[p].who);
    }
    g_free(pages);
    g_array_free(hits, TRUE);
    return st;
}

void ms_stack_free(ms_stack *s)
{
    if (!s) return;
    g_array_free(s->parts, TRUE);
    g_array_free(s->non_filing, TRUE);
    g_free(s);
}
