/* sink — where records go: the one entry to every sink (see sink.h). */
#include "pipeline/sinks/sink.h"

gboolean ms_sink_write(ms_sink *s, JsonObject *record, GError **err)
{
    return s->vt->write(s, record, err);
}

gboolean ms_sink_close(ms_sink *s, GError **err)
{
    return s ? s->vt->close(s, err) : TRUE;
}

gboolean ms_sink_close_all(ms_sink **sinks, gsize n, GError **err)
{
    gboolean ok = TRUE;
    for (gsize i = 0; i < n; i++) {
        GError *e = NULL;
        if (!ms_sink_close(sinks[i], &e)) {
            if (ok && err && !*err) g_propagate_error(err, e);
            else g_clear_error(&e);
            ok = FALSE;
        }
        sinks[i] = NULL;
    }
    return ok;
}
