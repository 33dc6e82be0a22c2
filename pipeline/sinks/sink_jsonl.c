/* sink_jsonl — records as JSON Lines. */
#include <errno.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/sinks/sink.h"

typedef struct {
    ms_sink base;
    FILE *out;
    gboolean owns;
} jsonl_sink;

static gboolean jsonl_write(ms_sink *base, JsonObject *record, GError **err)
{
    jsonl_sink *s = (jsonl_sink *)base;
    JsonNode *node = json_node_init_object(json_node_alloc(), record);
    gchar *text = json_to_string(node, FALSE);
    json_node_unref(node);
    gint64 mark = ms_sink_file_mark(s->out);
    gboolean ok = fputs(text, s->out) != EOF && fputc('\n', s->out) != EOF && fflush(s->out) == 0;
    g_free(text);
    if (!ok) {
        int e = errno;
        ms_sink_file_undo(s->out, mark);
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "cannot write the records: %s", g_strerror(e));
    }
    return ok;
}

static gboolean jsonl_close(ms_sink *base, GError **err)
{
    jsonl_sink *s = (jsonl_sink *)base;
    gboolean ok = fflush(s->out) == 0;
    if (s->owns && fclose(s->out) != 0) ok = FALSE;
    if (!ok)
        g_set_error(err, MS_ERROR, MS_ERR_OUTPUT, "cannot finish the records: %s",
                    g_strerror(errno));
    g_free(s);
    return ok;
}

static const ms_sink_vtable jsonl_vtable = {"jsonl", jsonl_write, jsonl_close};

ms_sink *ms_sink_jsonl_new(FILE *out, gboolean owns)
{
    jsonl_sink *s = g_new0(jsonl_sink, 1);
    s->base.vt = &jsonl_vtable;
    s->out = out;
    s->owns = owns;
    return &s->base;
}
