/* record_part — a record's place in its file: the part of a stapled stack it
 * is, the boundary that opens it and the pages of the file that belong to no
 * filing (see record.h). */
#include "pipeline/document/record.h"

#include <math.h>

void ms_part_clear(gpointer p)
{
    ms_part *part = p;
    ms_extraction_free(part->x);
    if (part->cues) g_ptr_array_free(part->cues, TRUE);
    ms_pdf_outcome_clear(&part->pdf);
}

void ms_pdf_outcome_clear(ms_pdf_outcome *o)
{
    g_free(o->file), g_free(o->error_code), g_free(o->error);
    o->file = o->error_code = o->error = NULL;
}

const ms_pdf_outcome *ms_result_part_pdf(const ms_result *r, guint i)
{
    return i < r->parts->len ? &g_array_index(r->parts, ms_part, i).pdf : &r->pdf;
}

guint ms_result_part_count(const ms_result *r)
{
    return r->parts->len ? r->parts->len : 1;
}

void ms_result_part_pages(const ms_result *r, guint i, int *first, int *last)
{
    if (i < r->parts->len) {
        const ms_part *p = &g_array_index(r->parts, ms_part, i);
        *first = p->first, *last = p->last;
    } else { /* [0, 0] when no page was read (an error, a skipped file) */
        *first = r->pages->len ? 1 : 0, *last = (int)r->pages->len;
    }
}

const ms_extraction *ms_result_part_extraction(const ms_result *r, guint i)
{
    if (i < r->parts->len) return g_array_index(r->parts, ms_part, i).x;
    return r->x;
}

static void add_int(JsonBuilder *b, const char *name, gint64 v)
{
    json_builder_set_member_name(b, name);
    json_builder_add_int_value(b, v);
}

static void add_str(JsonBuilder *b, const char *name, const char *v)
{
    json_builder_set_member_name(b, name);
    json_builder_add_string_value(b, v);
}

/* "boundary": {page, cues, confidence, review}; for an unsplit file the
 * first page, cue "first_filing_page" (or "whole_file" with --no-split). */
static void add_boundary(JsonBuilder *b, const ms_result *r, guint i)
{
    const ms_part *p = i < r->parts->len ? &g_array_index(r->parts, ms_part, i) : NULL;
    json_builder_set_member_name(b, "boundary");
    json_builder_begin_object(b);
    add_int(b, "page", p ? p->boundary_page : 1);
    json_builder_set_member_name(b, "cues");
    json_builder_begin_array(b);
    if (p && p->cues)
        for (guint k = 0; k < p->cues->len; k++)
            json_builder_add_string_value(b, g_ptr_array_index(p->cues, k));
    else json_builder_add_string_value(b, r->stack_unsplit ? "whole_file" : "first_filing_page");
    json_builder_end_array(b);
    json_builder_set_member_name(b, "confidence");
    json_builder_add_double_value(b, p ? floor(p->confidence * 100 + 0.5) / 100 : 1.0);
    json_builder_set_member_name(b, "review");
    json_builder_add_boolean_value(b, p && p->review);
    json_builder_end_object(b);
}

void ms_record_add_part(JsonBuilder *b, const ms_result *r, guint i)
{
    int first = 1, last = 0;
    ms_result_part_pages(r, i, &first, &last);
    json_builder_set_member_name(b, "part");
    json_builder_begin_object(b);
    add_int(b, "index", i + 1);
    add_int(b, "count", ms_result_part_count(r));
    json_builder_set_member_name(b, "pages");
    json_builder_begin_array(b);
    json_builder_add_int_value(b, first);
    json_builder_add_int_value(b, last);
    json_builder_end_array(b);
    json_builder_end_object(b);
    add_boundary(b, r, i);
    json_builder_set_member_name(b, "non_filing_pages");
    json_builder_begin_array(b);
    for (guint k = 0; k < r->non_filing->len; k++) {
        const ms_stack_page *np = &g_array_index(r->non_filing, ms_stack_page, k);
        json_builder_begin_object(b);
        add_int(b, "page", np->page);
        add_str(b, "kind", np->kind);
        if (np->value) { /* a separator told by its barcode: the evidence */
            json_builder_set_member_name(b, "barcode");
            json_builder_begin_object(b);
            add_str(b, "symbology", np->symbology);
            add_str(b, "value", np->value);
            json_builder_end_object(b);
        }
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}
