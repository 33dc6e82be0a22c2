/* record_reading — an OCR page's choice of reading and its second look, in
 * the record's pages[] (schema: $defs/page). */
#include <math.h>

#include "pipeline/ocr/ocr.h"
#include "pipeline/document/record.h"

/* to the nearest 1/8, as record.c prints confidences */
static double to_eighths(double v)
{
    return floor(v * 8 + 0.5) / 8;
}

static void add_look(JsonBuilder *b, const ms_look *l)
{
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "kind");
    json_builder_add_string_value(b, l->kind);
    json_builder_set_member_name(b, "box");
    json_builder_begin_array(b);
    for (int k = 0; k < 4; k++) json_builder_add_int_value(b, (gint64)lround(l->box[k]));
    json_builder_end_array(b);
    json_builder_set_member_name(b, "readings");
    json_builder_begin_object(b);
    for (int k = 0; k < 3; k++) {
        json_builder_set_member_name(b, ms_look_reading_names[k]);
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "text");
        if (l->text[k]) json_builder_add_string_value(b, l->text[k]);
        else json_builder_add_null_value(b);
        json_builder_set_member_name(b, "confidence");
        if (l->conf[k] < 0) json_builder_add_null_value(b);
        else json_builder_add_double_value(b, to_eighths(l->conf[k]));
        json_builder_end_object(b);
    }
    json_builder_end_object(b);
    json_builder_set_member_name(b, "kept");
    json_builder_add_string_value(b, ms_look_reading_names[l->kept]);
    json_builder_end_object(b);
}

void ms_record_add_reading(JsonBuilder *b, const ms_page_result *p)
{
    if (!p->reading) return;
    json_builder_set_member_name(b, "reading");
    json_builder_add_string_value(b, p->reading);
    json_builder_set_member_name(b, "reading_reason");
    json_builder_add_string_value(b, p->reading_reason ? p->reading_reason : "");
    json_builder_set_member_name(b, "second_look");
    json_builder_begin_array(b);
    for (guint i = 0; p->looks && i < p->looks->len; i++)
        add_look(b, &g_array_index(p->looks, ms_look, i));
    json_builder_end_array(b);
}
