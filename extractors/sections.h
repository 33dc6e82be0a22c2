/* sections — the parts of a filing that rules can be scoped to: the title,
 * the caption, page 1, the body, the certificate of service and the exhibits.
 *
 * Ownership: ms_sections is a plain struct of byte ranges, filled in place.
 */
#ifndef MS_SECTIONS_H
#define MS_SECTIONS_H

#include "extractors/ruleset.h"
#include "pipeline/base/text.h"

/* Byte ranges of the parts of the document rules can be scoped to. */
typedef struct {
    gsize start[MS_SCOPE__COUNT];
    gsize end[MS_SCOPE__COUNT];
} ms_sections;

/* Find the sections (title, page 1, body, exhibits) of a text. */
void ms_sections_find(const ms_text *t, ms_sections *s);

#endif
