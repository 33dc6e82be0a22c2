/* stack — where the filings of a stapled stack begin and end.
 *
 * Firms scan the day's mail as one file and fax batches arrive as one TIFF:
 * one input, several filings.  ms_stack_find() reads the text already built
 * (no second OCR) page by page, finds the cues of rules/stack.rules (field
 * stack_cue: a caption block, a title, a certificate of service, page
 * numbers, an exhibit, a proposed order, a fax cover, a separator) and the
 * A-numbers (the a_number rules), and weighs them: a page opens a new filing
 * when the cues for a start outweigh those for a continuation (the weights and
 * the threshold are in stack.c).  Exhibits, a motion's proposed order and
 * pages that repeat the caption stay with their filing.  Blank pages,
 * separator sheets and fax cover sheets belong to no filing.  A page with a
 * barcode whose value a stack_barcode rule matches (PATCH T as Code 39 text,
 * say) is a separator sheet whatever its text, and the next filing page opens
 * a new filing with confidence 1.
 *
 * Ownership: ms_stack_find() returns a stack freed with ms_stack_free(); the
 * cue names are static strings; a non-filing page's barcode strings are
 * borrowed from the barcodes given to ms_stack_find() (they must outlive it).
 */
#ifndef MS_STACK_H
#define MS_STACK_H

#include <glib.h>

#include "extractors/ruleset.h"
#include "pipeline/base/text.h"

/* A boundary below this confidence is flagged for review. */
#define MS_STACK_REVIEW_BELOW 0.7

/* One filing of the stack: its pages and the boundary that opens it. */
typedef struct {
    int first, last;   /* 1-based, inclusive; non-filing pages at either end left out */
    int page;          /* the page the boundary was found on (= first) */
    double confidence; /* 0-1; 1 for the first filing */
    gboolean review;   /* confidence < MS_STACK_REVIEW_BELOW */
    GPtrArray *cues;   /* const char* (static): the cues that opened it */
} ms_stack_part;

/* A page that belongs to no filing. */
typedef struct {
    int page;         /* 1-based */
    const char *kind; /* "blank", "separator" or "fax_cover" (static) */
    /* a separator told by its barcode: the barcode (borrowed), else NULL */
    const char *symbology, *value;
} ms_stack_page;

typedef struct {
    GArray *parts;      /* ms_stack_part, in page order; never empty */
    GArray *non_filing; /* ms_stack_page, in page order */
} ms_stack;

/* The filings of `t`.  `barcodes` (ms_barcode of any pages, or NULL) are the
 * barcodes read on its pages.  A text with no filing page (every page blank)
 * is one part over all its pages. */
ms_stack *ms_stack_find(const ms_ruleset *rs, ms_matcher *m, const ms_text *t,
                        const GArray *barcodes);
/* One part over pages [1, n_pages] with no non-filing pages (--no-split). */
ms_stack *ms_stack_whole(int n_pages);
void ms_stack_free(ms_stack *s);

#endif
