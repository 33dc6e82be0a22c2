/* extract — from normalised text to the record's fields, with evidence.
 *
 * Fields set by rules (motion_type, filer, a_number, respondent) take the
 * match of the strongest rule (highest weight; on a tie, the earliest match).
 * Countries are found with the gazetteer and given a role by the
 * country_role rules (see countries.c).
 *
 * Thread rules: the ruleset is shared read-only; the matcher is the calling
 * worker's.  Ownership: ms_extract() returns a result freed with
 * ms_extraction_free(), which frees every string and array it holds (the
 * evidence entries, see evidence.h; the mentions, see countries.h); country
 * and rule pointers borrow from the ruleset.
 */
#ifndef MS_EXTRACT_H
#define MS_EXTRACT_H

#include <glib.h>

#include "extractors/gazetteer.h"
#include "extractors/ruleset.h"
#include "extractors/sections.h"
#include "pipeline/base/text.h"

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
    char *filed_date;                  /* YYYY-MM-DD: the best of date_candidates */
    const char *filed_kind;            /* its kind (static), or NULL */
    GArray *date_candidates;           /* ms_date_candidate (dates.h): every date found, by kind */
    char *proceeding_type;             /* removal, asylum_only, withholding_only, bond */
    GPtrArray *a_numbers;   /* char*: every A-number, in order (a family files several) */
    GPtrArray *authorities; /* char*: every citation, normalised, in order */
    gboolean has_deadline;  /* a response deadline applies (see deadline.h) */
    char *response_due;     /* YYYY-MM-DD, or NULL when the court sets it */
    char *response_basis;
    char *title;       /* the title as found, or NULL */
    GPtrArray *removal_countries; /* const ms_country*, in the document's order */
    const ms_country *nationality;
    GArray *evidence; /* ms_evidence (evidence.h) */
    GArray *mentions; /* ms_mention (countries.h) */
    GArray *warnings; /* ms_warning */
    ms_sections sections;
} ms_extraction;

ms_extraction *ms_extract(const ms_ruleset *rs, ms_matcher *m, const ms_text *t);
void ms_extraction_free(ms_extraction *x);

/* Every value of a many-valued field, each once, in the text's order, with
 * one evidence entry per value appended to `evidence`.  Returns the values
 * (char*, freed with the array). */
GPtrArray *ms_collect_field(const ms_ruleset *rs, ms_matcher *m, const ms_text *t,
                            const char *marked, const ms_sections *sec, const char *field,
                            GArray *evidence);

#endif
