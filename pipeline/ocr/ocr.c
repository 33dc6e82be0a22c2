#include "pipeline/ocr/ocr.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/ocr/ocr_internal.h"

void ms_ocr_configure_env(int argc, char **argv)
{
    (void)argc;
    if (getenv("OMP_THREAD_LIMIT")) return;
    setenv("OMP_THREAD_LIMIT", "1", 1);
    execv("/proc/self/exe", argv);
    /* exec failed: carry on; OCR is slower but correct. */
}

const char *ms_ocr_engine_version(void)
{
    return TessVersion();
}

gboolean ms_ocr_new(const ms_ocr_options *opt, ms_ocr **out, GError **err)
{
    TessBaseAPI *api = TessBaseAPICreate();
    if (!api || TessBaseAPIInit3(api, opt->tessdata, opt->lang ? opt->lang : "eng") != 0) {
        g_set_error(err, MS_ERROR, MS_ERR_OCR_INIT,
                    "Tesseract cannot load language '%s' from %s (is tesseract-ocr-%s installed?)",
                    opt->lang ? opt->lang : "eng", opt->tessdata ? opt->tessdata : "its default path",
                    opt->lang ? opt->lang : "eng");
        if (api) TessBaseAPIDelete(api);
        return FALSE;
    }
    /* The library never prints: Tesseract's diagnostics go nowhere. */
    TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    TessBaseAPISetPageSegMode(api, PSM_AUTO);
    /* No test for white-on-black lines: 13% less CPU at equal text on 20
     * scanned pages (README); filings have no inverted text. */
    TessBaseAPISetVariable(api, "invert_threshold", "0");
    ms_ocr *o = g_new0(ms_ocr, 1);
    o->api = api;
    o->opt = *opt;
    *out = o;
    return TRUE;
}

void ms_ocr_free(ms_ocr *ocr)
{
    if (!ocr) return;
    TessBaseAPIEnd(ocr->api);
    TessBaseAPIDelete(ocr->api);
    g_free(ocr);
}

/* Grey (or 1-bit) with no colour map.  A 1-bit image stays 1-bit. */
static PIX *to_grey(PIX *pix)
{
    PIX *p = pixRemoveColormap(pix, REMOVE_CMAP_BASED_ON_SRC);
    if (!p) return NULL;
    int d = pixGetDepth(p);
    PIX *g;
    if (d == 1 || d == 8)
        g = pixClone(p);
    else if (d == 32)
        g = pixConvertRGBToLuminance(p);
    else
        g = pixConvertTo8(p, FALSE);
    pixDestroy(&p);
    return g;
}

/* The Otsu threshold of a grey page: where its histogram splits into ink and
 * paper, so dark and light scans both work. */
static l_int32 otsu_threshold(PIX *g)
{
    l_int32 thresh = 160;
    pixSplitDistributionFgBg(g, 0.1f, 2, &thresh, NULL, NULL, NULL);
    return thresh;
}

/* Clockwise quarter turns that make the text upright, from Leptonica's two
 * orientation confidences; 0 when neither is strong (at least 6) and at least
 * twice the other.  -1 when the page is clearly upright already. */
static int orient_decision(float up, float left)
{
    float au = fabsf(up), al = fabsf(left);
    if (al > au && al >= 6.0f && al >= 2.0f * au) return left > 0 ? 1 : 3;
    if (au >= al && au >= 6.0f && au >= 2.0f * al) return up > 0 ? -1 : 2;
    return 0;
}

/* Pages fed sideways or upside down: Leptonica's text orientation test
 * (ascenders and descenders of roman text, on a 1-bit copy).  On the upright
 * samples "up" scores 22-30 and "left" at most 6; a page with too little text
 * scores near 0 and is left as it is.  At 250 dpi and more it first looks at
 * a half-size copy (about 20 ms a page); when that is not conclusive (noisy
 * scans weaken the signal at half size: 7 against 6 where full size gives 15
 * against 2) it looks again at full size. */
static PIX *orient_grey(PIX *g, int dpi, int *rotation)
{
    PIX *bin = pixGetDepth(g) == 1 ? pixClone(g) : pixConvertTo1(g, otsu_threshold(g));
    if (!bin) return g;
    int quads = 0;
    for (int pass = dpi >= 250 ? 0 : 1; pass < 2 && quads == 0; pass++) {
        PIX *look = pass == 0 ? pixReduceRankBinary2(bin, 1, NULL) : pixClone(bin);
        l_float32 up = 0, left = 0;
        if (look && pixOrientDetect(look, &up, &left, 0, 0) == 0) quads = orient_decision(up, left);
        pixDestroy(&look);
    }
    pixDestroy(&bin);
    if (quads <= 0) return g;
    PIX *r = pixRotateOrth(g, quads);
    if (!r) return g;
    pixDestroy(&g);
    *rotation = quads * 90;
    return r;
}

static PIX *deskew_grey(PIX *g, float *skew_degrees)
{
    PIX *bin = pixGetDepth(g) == 1 ? pixClone(g) : pixConvertTo1(g, 160);
    l_float32 angle = 0, conf = 0;
    int failed = !bin || pixFindSkew(bin, &angle, &conf) != 0;
    pixDestroy(&bin);
    /* Below half a degree Tesseract copes and rotating only blurs; a skew the
     * estimator is not sure of (conf < 2.5, Leptonica's own bar) is left. */
    if (failed || conf < 2.5f || fabsf(angle) < 0.5f) return g;
    PIX *r = pixRotate(g, (l_float32)(angle * M_PI / 180.0), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE,
                       0, 0);
    if (!r) return g;
    pixDestroy(&g);
    *skew_degrees = angle;
    return r;
}

/* Threshold a grey page at its Otsu split (after background normalisation
 * when asked: uneven light and shadows flattened to a white paper), then drop
 * specks: connected components no larger than about 3x3 pixels at 300 dpi in
 * both directions.  Hyphens and dots of i survive (wider or taller). */
static PIX *binarize_despeckle(PIX *g, int dpi, gboolean bgnorm)
{
    PIX *b;
    if (pixGetDepth(g) == 1) {
        b = pixClone(g);
    } else if (bgnorm) {
        PIX *n = pixBackgroundNormSimple(g, NULL, NULL);
        b = n ? pixConvertTo1(n, otsu_threshold(n)) : pixConvertTo1(g, otsu_threshold(g));
        pixDestroy(&n);
    } else {
        b = pixConvertTo1(g, otsu_threshold(g));
    }
    if (!b) return NULL;
    int speck = MAX(1, (dpi * 3 + 150) / 300);
    PIX *clean = pixSelectBySize(b, speck, speck, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GT, NULL);
    pixDestroy(&b);
    return clean;
}

/* Fax standard mode (204 x 98 dpi) and other non-square pixels: stretch the
 * coarser axis to the finer one.  A grey page under MS_OCR_UPSAMPLE_BELOW
 * dpi (a 150-dpi scan of a page, not a photo stated at 72 dpi) is also
 * brought to MS_OCR_UPSAMPLE_TO (see ocr.h).
 * On a grey copy (linear interpolation), so strokes stay smooth. */
static PIX *resample(PIX *g, int dpi, gboolean upsample, ms_prep_info *info)
{
    info->sx = info->sy = 1;
    info->dpi = dpi;
    int xr = pixGetXRes(g), yr = pixGetYRes(g);
    if (xr < 50 || yr < 50 || xr > 2400 || yr > 2400) xr = yr = dpi; /* not stated */
    int to = MAX(xr, yr);
    /* a stated resolution is believed for this only when the page it gives
     * is of paper size: a phone photo stated at 72 dpi would be 26 in wide */
    double inches = (double)MIN(pixGetWidth(g), pixGetHeight(g)) / to;
    if (upsample && pixGetDepth(g) == 8 && to < MS_OCR_UPSAMPLE_BELOW && inches <= MS_OCR_PAPER_INCHES)
        to = MS_OCR_UPSAMPLE_TO;
    float fx = (float)to / (float)xr, fy = (float)to / (float)yr;
    if (fabsf(fx - 1.0f) * 50 <= 1.0f && fabsf(fy - 1.0f) * 50 <= 1.0f)
        return g; /* square (within 2%) and fine enough */
    PIX *g8 = pixGetDepth(g) == 8 ? pixClone(g) : pixConvertTo8(g, FALSE);
    PIX *s = g8 ? pixScale(g8, fx, fy) : NULL;
    pixDestroy(&g8);
    if (!s) return g;
    pixDestroy(&g);
    info->sx = fx, info->sy = fy, info->dpi = to;
    pixSetResolution(s, to, to);
    return s;
}

PIX *ms_ocr_prepare_grey(PIX *pix, int dpi, const ms_ocr_options *opt, ms_prep_info *info)
{
    memset(info, 0, sizeof *info);
    PIX *g = to_grey(pix);
    if (g) g = resample(g, dpi, opt->upsample, info);
    if (g) dpi = info->dpi;
    if (g && opt->orient) g = orient_grey(g, dpi, &info->rotation);
    if (g && opt->deskew) g = deskew_grey(g, &info->skew_degrees);
    return g;
}

PIX *ms_ocr_binarize(PIX *g, int dpi, const ms_ocr_options *opt, ms_prep_info *info)
{
    PIX *b = binarize_despeckle(g, dpi, opt->bgnorm);
    if (!b) return NULL;
    l_int32 ink = 0;
    pixCountPixels(b, &ink, NULL);
    info->ink = (double)ink / ((double)pixGetWidth(b) * pixGetHeight(b));
    info->blank = info->ink < MS_BLANK_INK;
    return b;
}

PIX *ms_ocr_prepare(PIX *pix, int dpi, const ms_ocr_options *opt, ms_prep_info *info)
{
    PIX *g = ms_ocr_prepare_grey(pix, dpi, opt, info);
    if (!g) return NULL;
    PIX *b = ms_ocr_binarize(g, info->dpi, opt, info);
    pixDestroy(&g);
    return b;
}

/* Undo the deskew: rotate the box's corners by the inverse of the deskew
 * about the centre and take their bounds. */
static void unrotate_box(float box[4], float degrees, int w, int h)
{
    if (degrees == 0) return;
    double t = degrees * M_PI / 180.0, c = cos(t), s = sin(t);
    double cx = w / 2.0, cy = h / 2.0;
    double xs[2] = {box[0], box[2]}, ys[2] = {box[1], box[3]};
    float out[4] = {1e9f, 1e9f, -1e9f, -1e9f};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            double x = xs[i] - cx, y = ys[j] - cy;
            float ox = (float)(cx + x * c + y * s), oy = (float)(cy - x * s + y * c);
            out[0] = MIN(out[0], ox), out[1] = MIN(out[1], oy);
            out[2] = MAX(out[2], ox), out[3] = MAX(out[3], oy);
        }
    memcpy(box, out, sizeof out);
}

/* A box on the prepared image (w x h) turned clockwise by `quads` quarters,
 * back onto the prepared image. */
static void unturn_box(float box[4], int quads, int w, int h)
{
    float x0 = box[0], y0 = box[1], x1 = box[2], y1 = box[3];
    switch (quads) {
    case 1: /* (x, y) -> (h - y, x) */
        box[0] = y0, box[2] = y1, box[1] = (float)h - x1, box[3] = (float)h - x0;
        break;
    case 2:
        box[0] = (float)w - x1, box[2] = (float)w - x0, box[1] = (float)h - y1, box[3] = (float)h - y0;
        break;
    case 3: /* (x, y) -> (y, w - x) */
        box[0] = (float)w - y1, box[2] = (float)w - y0, box[1] = x0, box[3] = x1;
        break;
    default: break;
    }
}

void ms_ocr_unmap_box(float box[4], const ms_prep_info *info, int w, int h)
{
    unturn_box(box, info->extra_quads, w, h);
    unrotate_box(box, info->skew_degrees, w, h);
    float x0 = box[0], y0 = box[1], x1 = box[2], y1 = box[3];
    /* The page as given was W x H; the prepared image is w x h. */
    switch (info->rotation) {
    case 90: /* (x, y) -> (H - y, x), H = w */
        box[0] = y0, box[2] = y1, box[1] = (float)w - x1, box[3] = (float)w - x0;
        break;
    case 180:
        box[0] = (float)w - x1, box[2] = (float)w - x0;
        box[1] = (float)h - y1, box[3] = (float)h - y0;
        break;
    case 270: /* (x, y) -> (y, W - x), W = h */
        box[0] = (float)h - y1, box[2] = (float)h - y0, box[1] = x0, box[3] = x1;
        break;
    default: break;
    }
    float sx = info->sx > 0 ? info->sx : 1, sy = info->sy > 0 ? info->sy : 1;
    box[0] /= sx, box[2] /= sx, box[1] /= sy, box[3] /= sy;
}

