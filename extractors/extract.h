/* extract — from normalised text to the record's fields, with evidence.
 *
 * Fields set by rules (motion_type, filer, a_number, respondent) take the
 * match of the strongest rule (highest weight; on a tie, the earliest match).
 * Countries are found with the gazetteer and given a role by the
 * country_role rules (see countries.c).
 *
 * Thread rules: the ruleset is shared read-only; the matcher is the calling
 * worker's.  Ownership: ms_extract() returns a result freed with
 * ms_extraction_free(); country pointers borrow from the ruleset's gazetteer.
 */
#ifndef MS_EXTRACT_H
#define MS_EXTRACT_H

#include <glib.h>

#include "extractors/gazetteer.h"
#include "extractors/ruleset.h"
#include "pipeline/text.h"

/* Where a value came from. */
typedef struct {
    char *field;
    char *value;
    const ms_rule *rule; /* NULL for values not set by a rule */
    gsize start, end;    /* byte range in the text */
    char *text;          /* the matched words */
    int page;            /* 0 when the range maps to no word */
    float box[4];
    float conf; /* mean OCR confidence of the words, -1 for a text layer */
    char *note; /* why this value won (the A-number's vote), or NULL; owned */
} ms_evidence;

/* One country named in the document, and what the document says of it. */
typedef struct {
    const ms_country *country;
    gsize start, end;
    char *text;
    const char *role;    /* removal, nationality, feared, background, exhibit,
                            mpp_return, negated, not_country, respondent_quotes,
                            mention */
    const ms_rule *rule; /* the rule that gave the role, or NULL */
    int weight;
    gboolean demonym;
    int page;
    float box[4];
    float conf;
    gboolean fuzzy; /* read by edit distance: the record shows read_as and match */
} ms_mention;

/* Byte ranges of the parts of the document rules can be scoped to. */
typedef struct {
    gsize start[MS_SCOPE__COUNT];
    gsize end[MS_SCOPE__COUNT];
} ms_sections;

/* Something the extraction could not do in full: a rule stopped on a PCRE2
 * limit, or had more matches than are kept (see ms_match_warning). */
typedef struct {
    const char *code; /* match_limit, match_cap, match_error (static) */
    char *message;    /* for a person; owned */
    const ms_rule *rule;
} ms_warning;

typedef struct {
    char *filer;       /* vocabulary of DOMAIN.md; "unknown" when no rule fired */
    char *motion_type; /* "other" when no rule fired */
    char *a_number;    /* 9 digits, or NULL */
    char *respondent;  /* as written in the caption, or NULL */
    char *court;       /* "City, ST", or NULL */
    int detained;      /* 1 detained, 0 not, -1 not stated */
    char *judge;
    char *hearing_date, *hearing_time; /* YYYY-MM-DD, HH:MM */
    char *filed_date;                  /* YYYY-MM-DD: the signature or service date */
    char *proceeding_type;             /* removal, asylum_only, withholding_only, bond */
    GPtrArray *a_numbers;   /* char*: every A-number, in order (a family files several) */
    GPtrArray *authorities; /* char*: every citation, normalised, in order */
    gboolean has_deadline;  /* a response deadline applies (see deadline.h) */
    char *response_due;     /* YYYY-MM-DD, or NULL when the court sets it */
    char *response_basis;
    char *title;       /* the title as found, or NULL */
    GPtrArray *removal_countries; /* const ms_country*, in the document's order */
    const ms_country *nationality;
    GArray *evidence; /* ms_evidence */
    GArray *mentions; /* ms_mention */
    GArray *warnings; /* ms_warning */
    ms_sections sections;
} ms_extraction;

ms_extraction *ms_extract(const ms_ruleset *rs, ms_matcher *m, const ms_text *t);
void ms_extraction_free(ms_extraction *x);

/* Find the sections (title, page 1, body, exhibits) of a text. */
void ms_sections_find(const ms_text *t, ms_sections *s);

/* anumber.c: normalise an A-number as written ("A 212-345-678", "A# 21234567",
 * OCR's O/Q/D for 0, l/I/|/]/! for 1, S for 5, B for 8, Z for 2) to 9 digits;
 * NULL when it is not one or its length is uncertain.  ms_anumber_vote():
 * the filing's A-number by a vote of every occurrence (NULL on a tie), its
 * evidence added to `evidence` with a note; the result is freed with g_free. */
char *ms_anumber_normalize(const char *s, gsize len);
char *ms_anumber_vote(const ms_ruleset *rs, ms_matcher *m, const ms_text *t, const char *marked,
                      const ms_sections *sec, GArray *evidence);

/* facts.c: "October 21, 2025", "10/21/2025", "21st day of October, 2025" ->
 * "2025-10-21"; "1:00 p.m." -> "13:00"; citations to one form each:
 * "INA § 208(a)(2)(A)", "8 U.S.C. § 1158(a)(2)(A)", "8 C.F.R. § 1240.11(h)",
 * "Matter of X, 29 I&N Dec. 291 (BIA 2025)" (OCR's "$" for "§" and "CER."
 * for "C.F.R." mended).  NULL when the text is not one. */
char *ms_date_normalize(const char *s, gsize len);
char *ms_time_normalize(const char *s, gsize len);
char *ms_authority_normalize(const char *s, gsize len);

/* caption.c: "ATLANTA, GEORGIA" -> "Atlanta, GA"; NULL when the state is
 * not a US state or territory. */
char *ms_court_normalize(const char *s, gsize len);
/* caption.c: "Carlos MENDOZA LOPEZ" -> "MENDOZA LOPEZ, Carlos"; other forms
 * are trimmed of trailing punctuation.  NULL when nothing is left. */
char *ms_respondent_normalize(const char *s, gsize len);

/* Free an array of ms_evidence and what its entries own. */
void ms_evidence_clear_all(GArray *ev);

/* Add evidence for [start, end) of the text. */
void ms_evidence_add(GArray *ev, const ms_text *t, const char *field, const char *value,
                     const ms_rule *rule, gsize start, gsize end);

/* countries.c: country mentions, their roles, removal_countries, nationality. */
void ms_countries_extract(const ms_ruleset *rs, ms_matcher *m, const ms_text *t,
                          const char *marked, const GArray *spans, ms_extraction *x);

#endif
