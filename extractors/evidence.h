/* evidence — where a value came from: the field, the value, the rule, the
 * byte range of the text and, through the text's map, the page, box and OCR
 * confidence of those words.
 *
 * Ownership: an ms_evidence owns field, value, text and note (g_free); the rule
 * is borrowed from the ruleset.  ms_evidence_add() copies what it is given;
 * ms_evidence_clear_all() frees the entries and the array.
 */
#ifndef MS_EVIDENCE_H
#define MS_EVIDENCE_H

#include <glib.h>

#include "extractors/ruleset.h"
#include "pipeline/base/text.h"

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

/* Add evidence for [start, end) of the text to `ev` (GArray of ms_evidence). */
void ms_evidence_add(GArray *ev, const ms_text *t, const char *field, const char *value,
                     const ms_rule *rule, gsize start, gsize end);

/* Free an array of ms_evidence and what its entries own. */
void ms_evidence_clear_all(GArray *ev);

#endif
