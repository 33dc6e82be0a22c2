/* The pages of an image input.  JPEG pages and CCITT fax TIFF pages (G4, G3
 * one- or two-dimensional, Modified Huffman) keep their compressed bytes: a PDF
 * reader decodes DCT and CCITT itself.  A TIFF page in several strips holds one
 * coded image per strip, which a PDF stream cannot join, so each strip becomes
 * its own image, drawn in its band of the page; strips stored least
 * significant bit first have their bits turned round (the same code, in the
 * order PDF reads).  Every other page is decoded (Leptonica) and written
 * losslessly with Flate.  The page's size comes from the image's own x and y
 * resolutions (fax standard mode is 204 x 98 dpi). */
#include "pipeline/pdf/pdf_internal.h"

#include <stdio.h>
#include <string.h>

#include <leptonica/allheaders.h>
#include <tiffio.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/pages/pages.h"

/* One image XObject: the whole page, or one strip of a TIFF page. */
typedef struct {
    int w, h;
    const char *filter; /* "/DCTDecode", "/CCITTFaxDecode" or "/FlateDecode" */
    char *colorspace;   /* a PDF object, owned */
    int bps;
    char *parms;        /* /DecodeParms and /Decode entries, owned, or NULL */
    guint8 *data;       /* owned (g_free) */
    gsize len;
} image;

/* A page's images, top to bottom, and its resolution. */
typedef struct {
    int w, h, xres, yres;
    image *im; /* n of them, owned */
    int n;
} page_images;

/* A CCITT page in more strips than this is decoded and written with Flate. */
#define MAX_STRIPS 1024

static void image_clear(image *im)
{
    g_free(im->colorspace), g_free(im->parms), g_free(im->data);
}

static void page_images_clear(page_images *pg)
{
    for (int i = 0; i < pg->n; i++) image_clear(&pg->im[i]);
    g_free(pg->im);
    pg->im = NULL, pg->n = 0;
}

/* A page of one image (JPEG or Flate). */
static image *one_image(page_images *pg)
{
    pg->im = g_new0(image, 1), pg->n = 1;
    return pg->im;
}

/* Resolutions outside the usual range are taken as 300 dpi, as pages.c does. */
static int sane_res(double r)
{
    return r >= MS_MIN_DPI && r <= 2400 ? (int)(r + 0.5) : 300;
}

static gboolean jpeg_image(const ms_input *in, page_images *pg)
{
    gsize len = 0;
    const guint8 *data = g_bytes_get_data(in->bytes, &len);
    l_int32 w = 0, h = 0, spp = 0, ycck = 0, cmyk = 0, xr = 0, yr = 0;
    if (readHeaderMemJpeg(data, len, &w, &h, &spp, &ycck, &cmyk) != 0 || w <= 0 || h <= 0 ||
        (spp != 1 && spp != 3 && spp != 4))
        return FALSE;
    readResolutionMemJpeg(data, len, &xr, &yr);
    pg->w = w, pg->h = h, pg->xres = sane_res(xr), pg->yres = sane_res(yr ? yr : xr);
    image *im = one_image(pg);
    im->w = w, im->h = h;
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

/* The CCITT coding of a TIFF page as PDF's /K, with /EncodedByteAlign when
 * each coded row starts on a byte; FALSE for a coding PDF cannot read (G3
 * with uncompressed mode, or not CCITT at all). */
static gboolean ccitt_coding(TIFF *t, uint16_t comp, int *k, gboolean *byte_align)
{
    uint32_t g3 = 0;
    switch (comp) {
    case COMPRESSION_CCITTFAX4:
        *k = -1, *byte_align = FALSE;
        return TRUE;
    case COMPRESSION_CCITTFAX3:
        TIFFGetField(t, TIFFTAG_GROUP3OPTIONS, &g3);
        *k = (g3 & GROUP3OPT_2DENCODING) ? 1 : 0, *byte_align = (g3 & GROUP3OPT_FILLBITS) != 0;
        return !(g3 & GROUP3OPT_UNCOMPRESSED);
    case COMPRESSION_CCITTRLE:
        *k = 0, *byte_align = TRUE;
        return TRUE;
    default:
        return FALSE;
    }
}

/* Strip `s` of the current page, `rows` rows, as it is coded (its bits
 * turned round when stored least significant bit first). */
static gboolean ccitt_strip(TIFF *t, uint32_t s, uint32_t w, uint32_t rows, toff_t in_len, int k,
                            gboolean byte_align, gboolean lsb_first, gboolean black_is_1, image *im)
{
    tmsize_t raw = TIFFRawStripSize(t, s);
    if (raw <= 0 || (toff_t)raw > in_len) return FALSE;
    im->data = g_malloc((gsize)raw);
    im->len = (gsize)raw;
    if (TIFFReadRawStrip(t, s, im->data, raw) != raw) return FALSE;
    if (lsb_first) TIFFReverseBits(im->data, raw);
    im->w = (int)w, im->h = (int)rows;
    im->filter = "/CCITTFaxDecode";
    im->bps = 1;
    im->colorspace = g_strdup("/DeviceGray");
    im->parms = g_strdup_printf("/DecodeParms << /K %d /Columns %u /Rows %u%s%s >>", k, w, rows,
                                byte_align ? " /EncodedByteAlign true" : "",
                                black_is_1 ? " /BlackIs1 true" : "");
    return TRUE;
}

/* The page's strips as they are coded, when it is a one-bit CCITT page;
 * otherwise only its resolutions are filled and FALSE is returned. */
static gboolean ccitt_page(TIFF *t, toff_t in_len, page_images *pg)
{
    uint32_t w = 0, h = 0, rps = 0;
    uint16_t comp = 0, bps = 1, spp = 1, fill = FILLORDER_MSB2LSB, photo = PHOTOMETRIC_MINISWHITE;
    TIFFGetField(t, TIFFTAG_IMAGEWIDTH, &w), TIFFGetField(t, TIFFTAG_IMAGELENGTH, &h);
    TIFFGetField(t, TIFFTAG_COMPRESSION, &comp);
    TIFFGetFieldDefaulted(t, TIFFTAG_BITSPERSAMPLE, &bps);
    TIFFGetFieldDefaulted(t, TIFFTAG_SAMPLESPERPIXEL, &spp);
    TIFFGetFieldDefaulted(t, TIFFTAG_FILLORDER, &fill);
    TIFFGetFieldDefaulted(t, TIFFTAG_ROWSPERSTRIP, &rps);
    TIFFGetField(t, TIFFTAG_PHOTOMETRIC, &photo);
    double xr = tiff_res(t, TIFFTAG_XRESOLUTION), yr = tiff_res(t, TIFFTAG_YRESOLUTION);
    pg->xres = sane_res(xr), pg->yres = sane_res(yr ? yr : xr);
    int k;
    gboolean byte_align;
    if (!ccitt_coding(t, comp, &k, &byte_align) || bps != 1 || spp != 1 || TIFFIsTiled(t) || w == 0 ||
        h == 0 || w > 1000000 || h > 1000000 || rps == 0)
        return FALSE;
    uint32_t n = TIFFNumberOfStrips(t), rows = MIN(rps, h);
    if (n == 0 || n > MAX_STRIPS || (uint64_t)(n - 1) * rows >= h || (uint64_t)n * rows < h) return FALSE;
    pg->w = (int)w, pg->h = (int)h;
    pg->im = g_new0(image, n), pg->n = (int)n;
    for (uint32_t s = 0; s < n; s++)
        if (!ccitt_strip(t, s, w, MIN(rows, h - s * rows), in_len, k, byte_align, fill == FILLORDER_LSB2MSB,
                         photo == PHOTOMETRIC_MINISBLACK, &pg->im[s]))
            return FALSE;
    return TRUE;
}

/* Page `index` of a TIFF input passed through (ccitt_page); FALSE with the
 * page's resolutions filled, when it cannot be. */
static gboolean tiff_page(const ms_input *in, int index, page_images *pg)
{
    mem_tiff m = {g_bytes_get_data(in->bytes, NULL), g_bytes_get_size(in->bytes), 0};
    TIFFSetWarningHandler(NULL);
    TIFFSetErrorHandler(NULL);
    TIFF *t = TIFFClientOpen("input", "rm", &m, mt_read, mt_write, mt_seek, mt_close, mt_size, NULL, NULL);
    if (!t) return FALSE;
    gboolean ok = TIFFSetDirectory(t, (tdir_t)index) && ccitt_page(t, m.len, pg);
    TIFFClose(t);
    if (!ok) page_images_clear(pg);
    return ok;
}

/* Decode the page and keep its pixels with Flate.  Refused (page_too_large)
 * past the decode bound, since the PDF needs every pixel. */
static gboolean flate_image(const ms_input *in, int index, const ms_limits *lim, page_images *pg,
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
    if (in->format != MS_FMT_TIFF || pg->xres == 0) /* a TIFF's come from its tags */
        pg->xres = sane_res(pixGetXRes(pix)), pg->yres = sane_res(pixGetYRes(pix) ? pixGetYRes(pix) : pixGetXRes(pix));
    pixDestroy(&pix);
    image *im = one_image(pg);
    pg->w = im->w = cid->w, pg->h = im->h = cid->h, im->bps = cid->bps;
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

/* The content that draws the images, each in its band of the `wd` x `hd`
 * page, the first at the top; their names are /Im0, /Im1, ... */
static GString *draw_images(const page_images *pg, double wd, double hd)
{
    GString *draw = g_string_new(NULL);
    char b[3][G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(b[0], sizeof b[0], "%.3f", wd);
    int top = 0;
    for (int i = 0; i < pg->n; top += pg->im[i].h, i++) {
        double band = hd * pg->im[i].h / pg->h, y = hd * (pg->h - top - pg->im[i].h) / pg->h;
        g_ascii_formatd(b[1], sizeof b[1], "%.3f", band);
        g_ascii_formatd(b[2], sizeof b[2], "%.3f", y);
        g_string_append_printf(draw, "q %s 0 0 %s 0 %s cm /Im%d Do Q\n", b[0], b[1], b[2], i);
    }
    return draw;
}

gboolean ms_pdf_image_page(qpdf_data q, const ms_input *in, int index, const ms_limits *lim,
                           qpdf_oh *page, double *wd, double *hd, GError **err)
{
    page_images pg = {0};
    gboolean ok = in->format == MS_FMT_JPEG  ? jpeg_image(in, &pg)
                  : in->format == MS_FMT_TIFF ? tiff_page(in, index, &pg)
                                              : FALSE;
    if (!ok) {
        page_images_clear(&pg);
        if (!flate_image(in, index, lim, &pg, err)) {
            page_images_clear(&pg);
            return FALSE;
        }
    }
    *wd = pg.w * 72.0 / pg.xres, *hd = pg.h * 72.0 / pg.yres;
    char buf[2][G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(buf[0], sizeof buf[0], "%.3f", *wd);
    g_ascii_formatd(buf[1], sizeof buf[1], "%.3f", *hd);
    char *text = g_strdup_printf("<< /Type /Page /MediaBox [0 0 %s %s] /Resources << /XObject << >> >> >>",
                                 buf[0], buf[1]);
    qpdf_oh p = qpdf_oh_parse(q, text);
    g_free(text);
    qpdf_oh xobjects = qpdf_oh_get_key(q, qpdf_oh_get_key(q, p, "/Resources"), "/XObject");
    for (int i = 0; i < pg.n; i++) {
        char name[24];
        g_snprintf(name, sizeof name, "/Im%d", i);
        qpdf_oh_replace_key(q, xobjects, name, image_xobject(q, &pg.im[i]));
    }
    GString *draw = draw_images(&pg, *wd, *hd);
    qpdf_oh content = qpdf_oh_new_stream(q);
    qpdf_oh none = qpdf_oh_new_null(q);
    qpdf_oh_replace_stream_data(q, content, (const unsigned char *)draw->str, draw->len, none, none);
    g_string_free(draw, TRUE);
    qpdf_oh_replace_key(q, p, "/Contents", qpdf_make_indirect_object(q, content));
    *page = qpdf_make_indirect_object(q, p);
    page_images_clear(&pg);
    return !ms_pdf_qpdf_failed(q, MS_ERR_OUTPUT, "an image page", err);
}
