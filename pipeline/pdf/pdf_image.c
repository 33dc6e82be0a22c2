/* The pages of an image input.  JPEG pages and single-strip CCITT G4 TIFF
 * pages keep their compressed bytes (a PDF reader decodes DCT and G4 itself);
 * every other page is decoded (Leptonica) and written losslessly with Flate.
 * A G4 TIFF in several strips holds one G4 image per strip, which PDF cannot
 * join, so it is re-encoded.  The page's size comes from the image's own x and
 * y resolutions (fax standard mode is 204 x 98 dpi). */
#include "pipeline/pdf/pdf_internal.h"

#include <stdio.h>
#include <string.h>

#include <leptonica/allheaders.h>
#include <tiffio.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/pages/pages.h"

typedef struct {
    int w, h, xres, yres;
    const char *filter; /* "/DCTDecode", "/CCITTFaxDecode" or "/FlateDecode" */
    char *colorspace;   /* a PDF object, owned */
    int bps;
    char *parms;        /* /DecodeParms and /Decode entries, owned, or NULL */
    guint8 *data;       /* owned (g_free) */
    gsize len;
} image;

static void image_clear(image *im)
{
    g_free(im->colorspace), g_free(im->parms), g_free(im->data);
}

/* Resolutions outside the usual range are taken as 300 dpi, as pages.c does. */
static int sane_res(double r)
{
    return r >= MS_MIN_DPI && r <= 2400 ? (int)(r + 0.5) : 300;
}

static gboolean jpeg_image(const ms_input *in, image *im)
{
    gsize len = 0;
    const guint8 *data = g_bytes_get_data(in->bytes, &len);
    l_int32 spp = 0, ycck = 0, cmyk = 0, xr = 0, yr = 0;
    if (readHeaderMemJpeg(data, len, &im->w, &im->h, &spp, &ycck, &cmyk) != 0 || im->w <= 0 ||
        im->h <= 0 || (spp != 1 && spp != 3 && spp != 4))
        return FALSE;
    readResolutionMemJpeg(data, len, &xr, &yr);
    im->xres = sane_res(xr), im->yres = sane_res(yr ? yr : xr);
    im->filter = "/DCTDecode";
    im->bps = 8;
    im->colorspace = g_strdup(spp == 1 ? "/DeviceGray" : spp == 3 ? "/DeviceRGB" : "/DeviceCMYK");
    /* Adobe's CMYK JPEGs are stored inverted */
    if (spp == 4) im->parms = g_strdup("/Decode [1 0 1 0 1 0 1 0]");
    im->data = g_memdup2(data, len);
    im->len = len;
    return TRUE;
}

/* libtiff reads the TIFF from memory. */
typedef struct {
    const guint8 *data;
    toff_t len, pos;
} mem_tiff;

static tmsize_t mt_read(thandle_t h, void *buf, tmsize_t n)
{
    mem_tiff *m = h;
    toff_t k = m->pos >= m->len ? 0 : MIN((toff_t)n, m->len - m->pos);
    memcpy(buf, m->data + m->pos, k);
    m->pos += k;
    return (tmsize_t)k;
}
static tmsize_t mt_write(thandle_t h, void *buf, tmsize_t n)
{
    (void)h, (void)buf, (void)n;
    return -1;
}
static toff_t mt_seek(thandle_t h, toff_t off, int whence)
{
    mem_tiff *m = h;
    toff_t base = whence == SEEK_CUR ? m->pos : whence == SEEK_END ? m->len : 0;
    m->pos = base + off;
    return m->pos;
}
static int mt_close(thandle_t h)
{
    (void)h;
    return 0;
}
static toff_t mt_size(thandle_t h)
{
    return ((mem_tiff *)h)->len;
}

/* The resolution in dots per inch from a TIFF's tags (0 when absent). */
static double tiff_res(TIFF *t, ttag_t tag)
{
    float r = 0;
    uint16_t unit = RESUNIT_INCH;
    if (!TIFFGetField(t, tag, &r)) return 0;
    TIFFGetFieldDefaulted(t, TIFFTAG_RESOLUTIONUNIT, &unit);
    return unit == RESUNIT_CENTIMETER ? r * 2.54 : unit == RESUNIT_NONE ? 0 : r;
}

/* The page's G4 bytes as they are, when it is one strip of MSB-first G4;
 * otherwise only its resolutions are filled and FALSE is returned. */
static gboolean tiff_g4_image(const ms_input *in, int index, image *im)
{
    mem_tiff m = {g_bytes_get_data(in->bytes, NULL), g_bytes_get_size(in->bytes), 0};
    TIFFSetWarningHandler(NULL);
    TIFFSetErrorHandler(NULL);
    TIFF *t = TIFFClientOpen("input", "rm", &m, mt_read, mt_write, mt_seek, mt_close, mt_size, NULL, NULL);
    if (!t) return FALSE;
    gboolean ok = FALSE;
    uint32_t w = 0, h = 0;
    uint16_t comp = 0, bps = 1, spp = 1, fill = FILLORDER_MSB2LSB, photo = PHOTOMETRIC_MINISWHITE;
    if (TIFFSetDirectory(t, (tdir_t)index)) {
        TIFFGetField(t, TIFFTAG_IMAGEWIDTH, &w), TIFFGetField(t, TIFFTAG_IMAGELENGTH, &h);
        TIFFGetField(t, TIFFTAG_COMPRESSION, &comp);
        TIFFGetFieldDefaulted(t, TIFFTAG_BITSPERSAMPLE, &bps);
        TIFFGetFieldDefaulted(t, TIFFTAG_SAMPLESPERPIXEL, &spp);
        TIFFGetFieldDefaulted(t, TIFFTAG_FILLORDER, &fill);
        TIFFGetField(t, TIFFTAG_PHOTOMETRIC, &photo);
        double xr = tiff_res(t, TIFFTAG_XRESOLUTION), yr = tiff_res(t, TIFFTAG_YRESOLUTION);
        im->xres = sane_res(xr), im->yres = sane_res(yr ? yr : xr);
        tmsize_t raw = TIFFNumberOfStrips(t) == 1 ? TIFFRawStripSize(t, 0) : -1;
        ok = comp == COMPRESSION_CCITTFAX4 && bps == 1 && spp == 1 && fill == FILLORDER_MSB2LSB &&
             w > 0 && h > 0 && w <= 1000000 && h <= 1000000 && raw > 0 &&
             (toff_t)raw <= m.len;
        if (ok) {
            im->data = g_malloc((gsize)raw);
            ok = TIFFReadRawStrip(t, 0, im->data, raw) == raw;
            im->len = (gsize)raw;
        }
    }
    TIFFClose(t);
    if (!ok) return FALSE;
    im->w = (int)w, im->h = (int)h;
    im->filter = "/CCITTFaxDecode";
    im->bps = 1;
    im->colorspace = g_strdup("/DeviceGray");
    im->parms = g_strdup_printf("/DecodeParms << /K -1 /Columns %u /Rows %u%s >>", w, h,
                                photo == PHOTOMETRIC_MINISBLACK ? " /BlackIs1 true" : "");
    return TRUE;
}

/* Decode the page and keep its pixels with Flate.  Refused (page_too_large)
 * past the decode bound, since the PDF needs every pixel. */
static gboolean flate_image(const ms_input *in, int index, const ms_limits *lim, image *im,
                            GError **err)
{
    gsize len = 0;
    const l_uint8 *data = g_bytes_get_data(in->bytes, &len);
    int w, h;
    double bytes;
    if (!ms_image_header(in->bytes, in->format, index, &w, &h, &bytes, err)) return FALSE;
    if (lim->max_decode_bytes > 0 && bytes > (double)lim->max_decode_bytes) {
        g_set_error(err, MS_ERROR, MS_ERR_PAGE_TOO_LARGE,
                    "page %d: the image is %dx%d pixels, over the decode limit for the PDF", index + 1, w, h);
        return FALSE;
    }
    PIX *pix = in->format == MS_FMT_TIFF ? pixReadMemTiff(data, len, index) : pixReadMem(data, len);
    L_COMP_DATA *cid = NULL;
    if (!pix || pixGenerateCIData(pix, L_FLATE_ENCODE, 0, 0, &cid) != 0 || !cid) {
        pixDestroy(&pix);
        g_set_error(err, MS_ERROR, MS_ERR_CORRUPT_IMAGE, "page %d: the image cannot be encoded", index + 1);
        return FALSE;
    }
    if (in->format != MS_FMT_TIFF) im->xres = sane_res(pixGetXRes(pix)), im->yres = sane_res(pixGetYRes(pix) ? pixGetYRes(pix) : pixGetXRes(pix));
    pixDestroy(&pix);
    im->w = cid->w, im->h = cid->h, im->bps = cid->bps;
    im->filter = "/FlateDecode";
    if (cid->ncolors > 0 && cid->cmapdatahex)
        im->colorspace = g_strdup_printf("[/Indexed /DeviceRGB %d %s]", cid->ncolors - 1, cid->cmapdatahex);
    else
        im->colorspace = g_strdup(cid->spp == 3 ? "/DeviceRGB" : "/DeviceGray");
    /* Leptonica's 1-bit pixels are 1 for black; PDF's grey 1 is white */
    if (cid->bps == 1 && cid->ncolors == 0) im->parms = g_strdup("/Decode [1 0]");
    im->data = g_memdup2(cid->datacomp, cid->nbytescomp);
    im->len = cid->nbytescomp;
    l_CIDataDestroy(&cid);
    return TRUE;
}

static qpdf_oh image_xobject(qpdf_data q, const image *im)
{
    char *dict = g_strdup_printf("<< /Type /XObject /Subtype /Image /Width %d /Height %d "
                                 "/ColorSpace %s /BitsPerComponent %d %s >>",
                                 im->w, im->h, im->colorspace, im->bps, im->parms ? im->parms : "");
    qpdf_oh d = qpdf_oh_parse(q, dict);
    g_free(dict);
    qpdf_oh s = qpdf_oh_new_stream(q);
    /* the data is already encoded: it is stored as it is, with its filter */
    qpdf_oh parms = qpdf_oh_get_key(q, d, "/DecodeParms");
    qpdf_oh_replace_stream_data(q, s, im->data, im->len, qpdf_oh_new_name(q, im->filter), parms);
    qpdf_oh sd = qpdf_oh_get_dict(q, s);
    qpdf_oh_begin_dict_key_iter(q, d);
    while (qpdf_oh_dict_more_keys(q)) {
        const char *k = qpdf_oh_dict_next_key(q);
        if (strcmp(k, "/DecodeParms") != 0) qpdf_oh_replace_key(q, sd, k, qpdf_oh_get_key(q, d, k));
    }
    return qpdf_make_indirect_object(q, s);
}

gboolean ms_pdf_image_page(qpdf_data q, const ms_input *in, int index, const ms_limits *lim,
                           qpdf_oh *page, double *wd, double *hd, GError **err)
{
    image im = {0};
    gboolean ok = in->format == MS_FMT_JPEG  ? jpeg_image(in, &im)
                  : in->format == MS_FMT_TIFF ? tiff_g4_image(in, index, &im)
                                              : FALSE;
    if (!ok) {
        int xr = im.xres, yr = im.yres;
        image_clear(&im);
        memset(&im, 0, sizeof im);
        im.xres = xr, im.yres = yr;
        if (!flate_image(in, index, lim, &im, err)) {
            image_clear(&im);
            return FALSE;
        }
    }
    *wd = im.w * 72.0 / im.xres, *hd = im.h * 72.0 / im.yres;
    char buf[2][G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(buf[0], sizeof buf[0], "%.3f", *wd);
    g_ascii_formatd(buf[1], sizeof buf[1], "%.3f", *hd);
    char *text = g_strdup_printf("<< /Type /Page /MediaBox [0 0 %s %s] /Resources << /XObject << >> >> >>",
                                 buf[0], buf[1]);
    qpdf_oh p = qpdf_oh_parse(q, text);
    g_free(text);
    qpdf_oh res = qpdf_oh_get_key(q, p, "/Resources");
    qpdf_oh_replace_key(q, qpdf_oh_get_key(q, res, "/XObject"), "/Im0", image_xobject(q, &im));
    char *draw = g_strdup_printf("q %s 0 0 %s 0 0 cm /Im0 Do Q\n", buf[0], buf[1]);
    qpdf_oh content = qpdf_oh_new_stream(q);
    qpdf_oh none = qpdf_oh_new_null(q);
    qpdf_oh_replace_stream_data(q, content, (const unsigned char *)draw, strlen(draw), none, none);
    g_free(draw);
    qpdf_oh_replace_key(q, p, "/Contents", qpdf_make_indirect_object(q, content));
    *page = qpdf_make_indirect_object(q, p);
    image_clear(&im);
    return !ms_pdf_qpdf_failed(q, MS_ERR_OUTPUT, "an image page", err);
}
