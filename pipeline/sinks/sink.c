/* sink — where records go: the one entry to every sink (see sink.h). */
#include "pipeline/sinks/sink.h"

#include <stdio_ext.h>
#include <sys/stat.h>
#include <unistd.h>

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

gint64 ms_sink_file_mark(FILE *f)
{
    struct stat st;
    return fflush(f) == 0 && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) ? (gint64)st.st_size
                                                                                : -1;
}

void ms_sink_file_undo(FILE *f, gint64 mark)
{
    __fpurge(f);
    if (mark >= 0 && ftruncate(fileno(f), (off_t)mark) == 0) lseek(fileno(f), (off_t)mark, SEEK_SET);
}
