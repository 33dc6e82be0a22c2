#include "pipeline/base/ms_error.h"

G_DEFINE_QUARK(motionscan-error-quark, ms_error)

static const char *const names[] = {
#define MS_X_NAME(e, name, desc) [e] = name,
    MS_ERROR_TABLE(MS_X_NAME)
#undef MS_X_NAME
};


const char *ms_error_name(int code)
{
    if (code < 0 || code >= MS_ERR__COUNT) return names[MS_ERR_INTERNAL];
    return names[code];
}

const char *ms_error_name_of(const GError *err)
{
    if (err && err->domain == MS_ERROR) return ms_error_name(err->code);
    return names[MS_ERR_INTERNAL];
}
