/* countries — every country the document names, the role the text gives it,
 * and from those roles the record's removal_countries and nationality (the
 * steps are described at the top of countries.c).
 *
 * Ownership: the mentions are appended to the extraction's `mentions` array
 * and own their `text` (freed by ms_extraction_free()); country and rule
 * pointers borrow from the ruleset.
 */
#ifndef MS_COUNTRIES_H
#define MS_COUNTRIES_H

#include <glib.h>

#include "extractors/extract.h"
#include "extractors/gazetteer.h"
#include "extractors/ruleset.h"
#include "pipeline/base/text.h"

/* One country named in the document, and what the document says of it. */
typedef struct {
    const ms_country *country;
    gsize start, end;
    char *text;
    const char *role;    /* removal, nationality, feared, background, exhibit,
                            mpp_return, negated, impossible, history, denied,
                            not_country, respondent_quotes, mention */
    const ms_rule *rule; /* the rule that gave the role, or NULL */
    int weight;
    gboolean demonym;
    int page;
    float box[4];
    float conf;
    gboolean fuzzy; /* read by edit distance: the record shows read_as and match */
} ms_mention;

/* Find the mentions, give them roles and set x->mentions, x->removal_countries,
 * x->nationality and their evidence.  `marked` and `spans` come from
 * ms_countries_mark() and ms_countries_find() on the same text. */
void ms_countries_extract(const ms_ruleset *rs, ms_matcher *m, const ms_text *t,
                          const char *marked, const GArray *spans, ms_extraction *x);

#endif
