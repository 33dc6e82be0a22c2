/* barcode — page images to barcodes with zbar (see barcode.h). */
#include "pipeline/ocr/barcode.h"

#include <string.h>

#include "pipeline/base/limits.h"

#ifdef MS_HAVE_ZBAR
#include <zbar.h>

const char *ms_barcode_library(void)
{
    static char name[48];
    static gsize once = 0;
    if (g_once_init_enter(&once)) {
        unsigned major = 0, minor = 0, patch = 0;
        zbar_version(&major, &minor, &patch);
        g_snprintf(name, sizeof name, "zbar %u.%u.%u", major, minor, patch);
        g_once_init_leave(&once, 1);
    }
    return name;
}

/* The grey image zbar reads (Y800: one byte per pixel, rows packed), about
 * 150 dpi: a separator's bars are wide, and a quarter of the pixels is a
 * quarter of the time. */
static guint8 *grey_bytes(PIX *pix, int dpi, int *w, int *h)
{
    PIX *g = pixConvertTo8(pix, 0);
    if (g && dpi >= 250) {
        PIX *half = pixScaleAreaMap2(g);
        pixDestroy(&g);
        g = half;
    }
    if (!g) return NULL;
    *w = pixGetWidth(g), *h = pixGetHeight(g);
    guint8 *bytes = g_malloc((gsize)*w * (gsize)*h);
    l_uint32 *data = pixGetData(g);
    int wpl = pixGetWpl(g);
    for (int y = 0; y < *h; y++) {
        l_uint32 *line = data + (gsize)y * wpl;
        for (int x = 0; x < *w; x++) bytes[(gsize)y * *w + x] = (guint8)GET_DATA_BYTE(line, x);
    }
    pixDestroy(&g);
    return bytes;
}

static zbar_image_scanner_t *scanner_new(void)
{
    zbar_image_scanner_t *s = zbar_image_scanner_create();
    zbar_image_scanner_set_config(s, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(s, ZBAR_CODE39, ZBAR_CFG_ENABLE, 1);
    zbar_image_scanner_set_config(s, ZBAR_CODE128, ZBAR_CFG_ENABLE, 1);
    zbar_image_scanner_set_config(s, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    /* every other row and column: bars run the height of the symbol */
    zbar_image_scanner_set_config(s, ZBAR_NONE, ZBAR_CFG_X_DENSITY, 2);
    zbar_image_scanner_set_config(s, ZBAR_NONE, ZBAR_CFG_Y_DENSITY, 2);
    return s;
}

/* Keep one symbol when it is within the bounds. */
static gboolean keep_symbol(const zbar_symbol_t *sym, int page, GArray *out)
{
    const char *type = ms_barcode_symbology(zbar_get_symbol_name(zbar_symbol_get_type(sym)));
    const char *data = zbar_symbol_get_data(sym);
    unsigned len = zbar_symbol_get_data_length(sym);
    if (!type || !data || !len || len > MS_MAX_BARCODE_BYTES || memchr(data, 0, len) ||
        !g_utf8_validate(data, len, NULL))
        return FALSE;
    ms_barcode b = {type, g_strndup(data, len), page};
    g_array_append_val(out, b);
    return TRUE;
}

int ms_barcode_scan(PIX *pix, int dpi, int page, GArray *out)
{
    int w = 0, h = 0;
    guint8 *bytes = pix ? grey_bytes(pix, dpi, &w, &h) : NULL;
    if (!bytes) return 0;
    zbar_image_scanner_t *s = scanner_new();
    zbar_image_t *img = zbar_image_create();
    zbar_image_set_format(img, zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(img, (unsigned)w, (unsigned)h);
    zbar_image_set_data(img, bytes, (unsigned long)w * (unsigned long)h, NULL);
    int added = 0;
    if (zbar_scan_image(s, img) > 0)
        for (const zbar_symbol_t *sym = zbar_image_first_symbol(img); sym && added < MS_MAX_BARCODES;
             sym = zbar_symbol_next(sym))
            added += keep_symbol(sym, page, out);
    zbar_image_destroy(img);
    zbar_image_scanner_destroy(s);
    g_free(bytes);
    return added;
}

#else /* no zbar in this build */

const char *ms_barcode_library(void)
{
    return NULL;
}

int ms_barcode_scan(PIX *pix, int dpi, int page, GArray *out)
{
    (void)pix, (void)dpi, (void)page, (void)out;
    return 0;
}

#endif
