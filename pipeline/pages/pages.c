#include "pipeline/pages/pages.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cairo.h>
#include <gio/gio.h>
#include <poppler.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/base/text.h"

/* Poppler is not thread-safe (rendering one document from several threads
 * crashes, and its global state is shared), so all Poppler calls take this. */
static GMutex poppler_lock;

struct ms_doc {
    ms_format format;
    GBytes *bytes; /* a reference to the input's bytes */
    PopplerDocument *pdf;
    int n_pages;
};

/* A one-page empty PDF (a catalog, a page tree, one page and their xref). */
static const char held_pdf[] =
    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n"
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n"
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>\nendobj\nxref\n0 4\n"
    "0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \n"
    "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n184\n%%EOF\n";
static PopplerDocument *held;

void ms_pages_hold(void)
{
    GBytes *b = g_bytes_new_static(held_pdf, sizeof held_pdf - 1);
    g_mutex_lock(&poppler_lock);
    if (!held) held = poppler_document_new_from_bytes(b, NULL, NULL);
    g_mutex_unlock(&poppler_lock);
    g_bytes_unref(b);
}

void ms_pages_release(void)
{
    g_mutex_lock(&poppler_lock);
    g_clear_object(&held);
    g_mutex_unlock(&poppler_lock);
}

static gboolean open_pdf(ms_doc *doc, const char *path, const char *password, GError **err)
{
    GError *perr = NULL;
    /* From a stream, not poppler_document_new_from_bytes(): with a wrong
     * password, poppler-glib 22.12 retries from bytes on a stream it has
     * already freed and crashes (new_from_data too); the stream path does not
     * retry.  Seen with qpdf's AES-128 files; tests/e2e_bad_inputs.py. */
    GInputStream *stream = g_memory_input_stream_new_from_bytes(doc->bytes);
    g_mutex_lock(&poppler_lock);
    doc->pdf = poppler_document_new_from_stream(stream, (goffset)g_bytes_get_size(doc->bytes),
                                                password, NULL, &perr);
    if (doc->pdf) doc->n_pages = poppler_document_get_n_pages(doc->pdf);
    g_mutex_unlock(&poppler_lock);
    g_object_unref(stream); /* the document keeps its own reference */
    if (doc->pdf) return TRUE;
    if (perr && perr->domain == POPPLER_ERROR && perr->code == POPPLER_ERROR_ENCRYPTED)
        g_set_error(err, MS_ERROR, MS_ERR_ENCRYPTED,
                    "%s: the PDF is encrypted and %s", path,
                    password ? "the password given does not open it"
                             : "needs a password (give it with --password)");
    else
        g_set_error(err, MS_ERROR, MS_ERR_CORRUPT_PDF, "%s: the PDF cannot be opened: %s", path,
                    perr ? perr->message : "unknown reason");
    g_clear_error(&perr);
    return FALSE;
}

static gboolean count_tiff_pages(ms_doc *doc, const char *path, GError **err)
{
    gsize len = 0;
    const void *data = g_bytes_get_data(doc->bytes, &len);
    FILE *fp = fmemopen((void *)data, len, "rb");
    l_int32 n = 0;
    int bad = !fp || tiffGetCount(fp, &n) != 0 || n <= 0;
    if (fp) fclose(fp);
    if (bad) {
        g_set_error(err, MS_ERROR, MS_ERR_CORRUPT_IMAGE, "%s: the TIFF file cannot be decoded",
                    path);
        return FALSE;
    }
    doc->n_pages = n;
    return TRUE;
}

gboolean ms_doc_open(const ms_input *in, const ms_limits *lim, const char *password, ms_doc **out,
                     GError **err)
{
    ms_doc *doc = g_new0(ms_doc, 1);
    doc->format = in->format;
    doc->bytes = g_bytes_ref(in->bytes);
    gboolean ok;
    switch (in->format) {
    case MS_FMT_PDF: ok = open_pdf(doc, in->path, password, err); break;
    case MS_FMT_TIFF: ok = count_tiff_pages(doc, in->path, err); break;
    case MS_FMT_PNG:
    case MS_FMT_JPEG: doc->n_pages = 1, ok = TRUE; break;
    default:
        g_set_error(err, MS_ERROR, MS_ERR_UNSUPPORTED, "%s: unsupported format", in->path);
        ok = FALSE;
    }
    if (ok && doc->n_pages <= 0) {
        g_set_error(err, MS_ERROR, MS_ERR_NO_PAGES, "%s: the document has no pages", in->path);
        ok = FALSE;
    }
    if (ok && lim->max_pages > 0 && doc->n_pages > lim->max_pages) {
        g_set_error(err, MS_ERROR, MS_ERR_TOO_MANY_PAGES,
                    "%s: %d pages exceeds the limit of %d pages (raise it with --max-pages)",
                    in->path, doc->n_pages, lim->max_pages);
        ok = FALSE;
    }
    if (!ok) {
        ms_doc_free(doc);
        return FALSE;
    }
    *out = doc;
    return TRUE;
}

void ms_doc_free(ms_doc *doc)
{
    if (!doc) return;
    if (doc->pdf) {
        g_mutex_lock(&poppler_lock);
        g_object_unref(doc->pdf);
        g_mutex_unlock(&poppler_lock);
    }
    g_bytes_unref(doc->bytes);
    g_free(doc);
}

int ms_doc_page_count(const ms_doc *doc)
{
    return doc->n_pages;
}

gboolean ms_doc_is_pdf(const ms_doc *doc)
{
    return doc->pdf != NULL;
}

void ms_doc_page_size(ms_doc *doc, int index, int dpi, int *w, int *h)
{
    *w = *h = 0;
    if (!doc->pdf) return;
    g_mutex_lock(&poppler_lock);
    PopplerPage *page = poppler_document_get_page(doc->pdf, index);
    if (page) {
        double wpt = 0, hpt = 0;
        poppler_page_get_size(page, &wpt, &hpt);
        double fw = ceil(wpt * dpi / 72.0), fh = ceil(hpt * dpi / 72.0);
        /* checked before converting: a huge or NaN box is undefined as an int */
        if (isfinite(fw) && isfinite(fh) && fw >= 0 && fh >= 0 && fw <= G_MAXINT && fh <= G_MAXINT)
            *w = (int)fw, *h = (int)fh;
        g_object_unref(page);
    }
    g_mutex_unlock(&poppler_lock);
}

double ms_doc_image_share(ms_doc *doc, int index)
{
    if (!doc->pdf) return 1.0;
    double share = 0;
    g_mutex_lock(&poppler_lock);
    PopplerPage *page = poppler_document_get_page(doc->pdf, index);
    if (page) {
        double wpt = 0, hpt = 0;
        poppler_page_get_size(page, &wpt, &hpt);
        /* the images' places on the page; their pixels are not decoded */
        GList *maps = poppler_page_get_image_mapping(page);
        double area = 0;
        for (GList *l = maps; l; l = l->next) {
            const PopplerImageMapping *m = l->data;
            double x0 = CLAMP(MIN(m->area.x1, m->area.x2), 0, wpt);
            double x1 = CLAMP(MAX(m->area.x1, m->area.x2), 0, wpt);
            double y0 = CLAMP(MIN(m->area.y1, m->area.y2), 0, hpt);
            double y1 = CLAMP(MAX(m->area.y1, m->area.y2), 0, hpt);
            area += (x1 - x0) * (y1 - y0);
        }
        poppler_page_free_image_mapping(maps);
        if (wpt > 0 && hpt > 0) share = MIN(1.0, area / (wpt * hpt));
        g_object_unref(page);
    }
    g_mutex_unlock(&poppler_lock);
    return share;
}

/* Split Poppler's page text into words; each character has a rectangle in
 * the layout array (in points, origin top-left). */
static int words_from_layout(const char *text, const PopplerRectangle *rects, guint n_rects,
                             int page_no, double scale, GArray *words)
{
    int line = 0, alnum = 0;
    guint ci = 0;
    GString *cur = g_string_new(NULL);
    ms_word w = {0};
    for (const char *p = text; *p; p = g_utf8_next_char(p), ci++) {
        gunichar c = g_utf8_get_char(p);
        gboolean space = g_unichar_isspace(c);
        if (space && cur->len) {
            w.text = g_strdup(cur->str);
            g_array_append_val(words, w);
            g_string_truncate(cur, 0);
        }
        if (c == '\n') line++;
        if (space) continue;
        if (g_unichar_isalnum(c)) alnum++;
        float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (ci < n_rects) {
            x0 = (float)(rects[ci].x1 * scale), y0 = (float)(rects[ci].y1 * scale);
            x1 = (float)(rects[ci].x2 * scale), y1 = (float)(rects[ci].y2 * scale);
        }
        if (!cur->len) {
            w = (ms_word){NULL, page_no, line, x0, y0, x1, y1, -1.0f};
        } else {
            w.x0 = MIN(w.x0, x0), w.y0 = MIN(w.y0, y0);
            w.x1 = MAX(w.x1, x1), w.y1 = MAX(w.y1, y1);
        }
        g_string_append_unichar(cur, c);
    }
    if (cur->len) {
        w.text = g_strdup(cur->str);
        g_array_append_val(words, w);
    }
    g_string_free(cur, TRUE);
    return alnum;
}

int ms_doc_text_layer(ms_doc *doc, int index, int dpi, GArray *words)
{
    if (!doc->pdf) return 0;
    int alnum = 0;
    g_mutex_lock(&poppler_lock);
    PopplerPage *page = poppler_document_get_page(doc->pdf, index);
    if (page) {
        char *text = poppler_page_get_text(page);
        PopplerRectangle *rects = NULL;
        guint n = 0;
        if (text && *text && poppler_page_get_text_layout(page, &rects, &n))
            alnum = words_from_layout(text, rects, n, index + 1, dpi / 72.0, words);
        g_free(rects);
        g_free(text);
        g_object_unref(page);
    }
    g_mutex_unlock(&poppler_lock);
    return alnum;
}

/* Rows of a cairo RGB24 surface into rows [y0, y0 + rows) of an 8-bit PIX. */
static void grey_rows_from_surface(cairo_surface_t *s, PIX *pix, int y0, int rows)
{
    int w = cairo_image_surface_get_width(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char *data = cairo_image_surface_get_data(s);
    l_uint32 *pd = pixGetData(pix);
    l_int32 wpl = pixGetWpl(pix);
    for (int y = 0; y < rows; y++) {
        const uint32_t *row = (const uint32_t *)(data + (size_t)y * stride);
        l_uint32 *line = pd + (size_t)(y0 + y) * wpl;
        for (int x = 0; x < w; x++) {
            uint32_t px = row[x];
            unsigned r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;
            SET_DATA_BYTE(line, x, (r * 299 + g * 587 + b * 114) / 1000);
        }
    }
}

/* Render the page into `pix` (w x h, 8-bit) at `scale`.  Cairo needs 4 bytes
 * a pixel, the grey page 1: a page up to MS_RENDER_BAND_PIXELS is drawn in one
 * go; a larger one in horizontal bands of about that size, so the colour
 * surface never holds more than a band (each band replays the page, so this is
 * kept for large pages). */
static gboolean render_into(PopplerPage *page, double scale, PIX *pix)
{
    int w = pixGetWidth(pix), h = pixGetHeight(pix);
    int band = (int)MIN((gint64)h, MAX((gint64)64, MS_RENDER_BAND_PIXELS / w));
    cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, band);
    if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surf);
        return FALSE;
    }
    for (int y0 = 0; y0 < h; y0 += band) {
        int rows = MIN(band, h - y0);
        cairo_t *cr = cairo_create(surf);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_translate(cr, 0, -y0);
        cairo_scale(cr, scale, scale);
        poppler_page_render_for_printing(page, cr);
        cairo_destroy(cr);
        cairo_surface_flush(surf);
        grey_rows_from_surface(surf, pix, y0, rows);
    }
    cairo_surface_destroy(surf);
    return TRUE;
}

static PIX *render_pdf_page(ms_doc *doc, int index, int dpi, const ms_limits *lim, int *dpi_out,
                            GError **err)
{
    PIX *pix = NULL;
    g_mutex_lock(&poppler_lock);
    PopplerPage *page = poppler_document_get_page(doc->pdf, index);
    double wpt = 0, hpt = 0;
    if (page) poppler_page_get_size(page, &wpt, &hpt);
    if (!page || !isfinite(wpt) || !isfinite(hpt) || wpt <= 0 || hpt <= 0) {
        g_set_error(err, MS_ERROR, MS_ERR_RENDER, "page %d: the page has no usable size",
                    index + 1);
        goto out;
    }
    double scale = dpi / 72.0;
    double px = wpt * scale * hpt * scale;
    if (lim->max_pixels > 0 && px > (double)lim->max_pixels)
        scale *= sqrt((double)lim->max_pixels / px); /* downscale to fit the bound */
    double fw = ceil(wpt * scale), fh = ceil(hpt * scale);
    /* bounded before the conversion, which is undefined past INT_MAX or for NaN;
     * a box so large that it fits --max-pixels only below 1 dpi is too large */
    gboolean fits = isfinite(fw) && isfinite(fh) && fw >= 1 && fh >= 1 && fw <= 32767 &&
                    fh <= 32767 && lround(scale * 72.0) >= 1;
    int w = fits ? (int)fw : 0, h = fits ? (int)fh : 0;
    if (!fits) {
        g_set_error(err, MS_ERROR, MS_ERR_PAGE_TOO_LARGE,
                    "page %d: %.0fx%.0f points cannot be rendered at %d dpi", index + 1, wpt, hpt,
                    dpi);
        goto out;
    }
    pix = pixCreate(w, h, 8);
    if (!pix || !render_into(page, scale, pix)) {
        g_set_error(err, MS_ERROR, MS_ERR_RENDER, "page %d: cannot allocate a %dx%d image",
                    index + 1, w, h);
        pixDestroy(&pix);
        goto out;
    }
    *dpi_out = (int)lround(scale * 72.0);
    pixSetResolution(pix, *dpi_out, *dpi_out);
out:
    if (page) g_object_unref(page);
    g_mutex_unlock(&poppler_lock);
    return pix;
}

/* Images carry their own resolution; absent or absurd values are taken as
 * 300 dpi, the usual scanner setting. */
static int image_dpi(PIX *pix)
{
    int res = pixGetXRes(pix);
    return res >= MS_MIN_DPI && res <= 2400 ? res : 300;
}

gboolean ms_image_header(GBytes *bytes, ms_format format, int index, int *w, int *h,
                         double *decoded_bytes, GError **err)
{
    gsize len = 0;
    const l_uint8 *data = g_bytes_get_data(bytes, &len);
    l_int32 bps = 0, spp = 0, res = 0, cmap = 0, fmt = 0;
    *w = *h = 0;
    int head = format == MS_FMT_TIFF
                   ? readHeaderMemTiff(data, len, index, w, h, &bps, &spp, &res, &cmap, &fmt)
                   : pixReadHeaderMem(data, len, &fmt, w, h, &bps, &spp, &cmap);
    if (head != 0 || *w <= 0 || *h <= 0) {
        g_set_error(err, MS_ERROR, MS_ERR_CORRUPT_IMAGE, "page %d: the image cannot be decoded",
                    index + 1);
        return FALSE;
    }
    *decoded_bytes = (double)*w * *h * MAX(1, bps) * MAX(1, spp) / 8.0;
    return TRUE;
}

/* An image page, bounded before it is decoded: the header gives its size.
 * Up to max_pixels it is decoded as it is.  A larger JPEG is decoded at 1/2,
 * 1/4 or 1/8 scale by libjpeg itself; any other larger image is decoded only
 * if its decoded bytes stay under max_decode_bytes, then scaled down to fit
 * max_pixels (1-bit pages to grey, which keeps thin strokes); beyond that the
 * page is refused with page_too_large. */
static PIX *decode_image(ms_doc *doc, int index, const ms_limits *lim, int *dpi_out, GError **err)
{
    gsize len = 0;
    const l_uint8 *data = g_bytes_get_data(doc->bytes, &len);
    int w, h;
    double bytes;
    if (!ms_image_header(doc->bytes, doc->format, index, &w, &h, &bytes, err)) return NULL;
    double px = (double)w * h;
    gboolean over = lim->max_pixels > 0 && px > (double)lim->max_pixels;
    int reduction = 1;
    if (over && doc->format == MS_FMT_JPEG)
        while (reduction < 8 && px / ((double)reduction * reduction) > (double)lim->max_pixels)
            reduction *= 2;
    /* a JPEG decoded at 1/2, 1/4 or 1/8 scale is bounded at that size */
    bytes /= (double)reduction * reduction;
    if (over && lim->max_decode_bytes > 0 && bytes > (double)lim->max_decode_bytes) {
        g_set_error(err, MS_ERROR, MS_ERR_PAGE_TOO_LARGE,
                    "page %d: the image is %dx%d pixels (%.0f MB decoded), over the limits of "
                    "%" G_GINT64_FORMAT " pixels and %" G_GINT64_FORMAT " MB",
                    index + 1, w, h, bytes / 1e6, (gint64)lim->max_pixels,
                    (gint64)(lim->max_decode_bytes / 1000000));
        return NULL;
    }
    PIX *pix = doc->format == MS_FMT_TIFF   ? pixReadMemTiff(data, len, index)
               : doc->format == MS_FMT_JPEG ? pixReadMemJpeg(data, len, 0, reduction, NULL, 0)
                                            : pixReadMem(data, len);
    if (!pix) {
        g_set_error(err, MS_ERROR, MS_ERR_CORRUPT_IMAGE, "page %d: the image cannot be decoded",
                    index + 1);
        return NULL;
    }
    int dpi = image_dpi(pix);
    if (reduction > 1) { /* libjpeg scaled it; the resolution tag did not follow */
        dpi = MAX(1, dpi / reduction);
        pixSetResolution(pix, dpi, dpi);
    }
    px = (double)pixGetWidth(pix) * pixGetHeight(pix);
    if (lim->max_pixels > 0 && px > (double)lim->max_pixels) {
        float f = (float)sqrt((double)lim->max_pixels / px);
        PIX *small = pixGetDepth(pix) == 1 ? pixScaleToGray(pix, f) : pixScale(pix, f, f);
        pixDestroy(&pix);
        if (!small) {
            g_set_error(err, MS_ERROR, MS_ERR_PAGE_TOO_LARGE,
                        "page %d: the image is too large to downscale", index + 1);
            return NULL;
        }
        pix = small;
        dpi = (int)lround(dpi * f);
    }
    *dpi_out = dpi;
    return pix;
}

PIX *ms_doc_render_page(ms_doc *doc, int index, int dpi, const ms_limits *lim, int *dpi_out,
                        GError **err)
{
    if (doc->pdf) return render_pdf_page(doc, index, dpi, lim, dpi_out, err);
    return decode_image(doc, index, lim, dpi_out, err);
}
