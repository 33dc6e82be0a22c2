/* dates — the dates a filing carries that the response clock could start
 * from, and the one it starts from (see dates.c).
 *
 * Ownership: the candidates array belongs to the extraction and is freed by
 * ms_extraction_free() through ms_date_candidates_free(), which frees each
 * entry's date and evidence strings.
 */
#ifndef MS_DATES_H
#define MS_DATES_H

#include <glib.h>

#include "extractors/evidence.h"
#include "extractors/extract.h"

typedef struct {
    const char *kind; /* "ecas", "received_stamp", "service", "signature" (static) */
    char *date;       /* YYYY-MM-DD */
    ms_evidence ev;   /* where it was read (field: the rule's, e.g. "received_date") */
} ms_date_candidate;

/* Set x->date_candidates, x->filed_date and x->filed_kind (with filed_date's
 * evidence in x->evidence).  Needs x->sections and x->evidence. */
void ms_dates_extract(const ms_ruleset *rs, ms_matcher *m, const ms_text *t, const char *marked,
                      ms_extraction *x);
void ms_date_candidates_free(GArray *candidates);

#endif
