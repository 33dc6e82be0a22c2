/* The clean-up before OCR, on synthetic pages (no Tesseract needed). */
#include <math.h>

#include "pipeline/ocr/ocr.h"

/* The clean-up with deskew on or off, orientation off (these pages are bars,
 * not text). */
static PIX *prepare(PIX *p, int dpi, gboolean deskew, float *skew)
{
    ms_ocr_options o = MS_OCR_OPTIONS_INIT;
    o.deskew = deskew;
    o.orient = FALSE;
    ms_prep_info info;
    PIX *b = ms_ocr_prepare(p, dpi, &o, &info);
    *skew = info.skew_degrees;
    return b;
}

/* A white 8-bit page with dark "text lines" (bars), optionally rotated. */
static PIX *page_with_lines(float degrees)
{
    PIX *p = pixCreate(1200, 1200, 8);
    pixSetAllArbitrary(p, 235); /* a paper tone, not pure white */
    for (int y = 200; y < 1000; y += 60) pixRasterop(p, 150, y, 900, 18, PIX_CLR, NULL, 0, 0);
    if (degrees == 0) return p;
    PIX *r = pixRotate(p, (float)(degrees * M_PI / 180.0), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
    pixDestroy(&p);
    return r;
}

static l_int32 black_in(PIX *b, int x, int y, int w, int h)
{
    BOX *box = boxCreate(x, y, w, h);
    PIX *c = pixClipRectangle(b, box, NULL);
    l_int32 n = 0;
    pixCountPixels(c, &n, NULL);
    pixDestroy(&c);
    boxDestroy(&box);
    return n;
}

static void test_despeckle_keeps_text(void)
{
    PIX *p = page_with_lines(0);
    pixSetPixel(p, 50, 50, 0); /* a one-pixel speck */
    pixRasterop(p, 60, 60, 2, 2, PIX_CLR, NULL, 0, 0);  /* a 2x2 speck */
    pixRasterop(p, 40, 120, 12, 3, PIX_CLR, NULL, 0, 0); /* a hyphen: wide, thin */
    float skew = 99;
    PIX *b = prepare(p, 300, FALSE, &skew);
    g_assert_nonnull(b);
    g_assert_cmpint(pixGetDepth(b), ==, 1);
    g_assert_cmpfloat(skew, ==, 0.0f);
    g_assert_cmpint(black_in(b, 45, 45, 20, 20), ==, 0);      /* specks gone */
    g_assert_cmpint(black_in(b, 40, 120, 12, 3), ==, 36);     /* hyphen kept */
    g_assert_cmpint(black_in(b, 150, 200, 900, 18), ==, 900 * 18); /* text kept */
    g_assert_cmpint(black_in(b, 150, 230, 900, 20), ==, 0);  /* paper is white */
    pixDestroy(&b);
    pixDestroy(&p);
}

static void test_deskew(void)
{
    PIX *p = page_with_lines(2.0f);
    float skew = 0;
    PIX *b = prepare(p, 300, TRUE, &skew);
    g_assert_cmpfloat(fabsf(fabsf(skew) - 2.0f), <, 0.25f);
    pixDestroy(&b);
    /* Without deskew, nothing is rotated. */
    b = prepare(p, 300, FALSE, &skew);
    g_assert_cmpfloat(skew, ==, 0.0f);
    pixDestroy(&b);
    pixDestroy(&p);

    /* A straight page is left alone. */
    p = page_with_lines(0);
    b = prepare(p, 300, TRUE, &skew);
    g_assert_cmpfloat(skew, ==, 0.0f);
    pixDestroy(&b);
    pixDestroy(&p);
}

static void test_colour_and_one_bit_inputs(void)
{
    PIX *rgb = pixCreate(300, 300, 32);
    pixSetAllArbitrary(rgb, 0xf0f0f000);
    pixRasterop(rgb, 20, 20, 100, 20, PIX_CLR, NULL, 0, 0);
    float skew;
    PIX *b = prepare(rgb, 300, FALSE, &skew);
    g_assert_cmpint(pixGetDepth(b), ==, 1);
    g_assert_cmpint(black_in(b, 20, 20, 100, 20), ==, 2000);
    pixDestroy(&b);
    pixDestroy(&rgb);

    PIX *one = pixCreate(300, 300, 1);
    pixSetPixel(one, 10, 10, 1);
    pixRasterop(one, 50, 50, 40, 10, PIX_SET, NULL, 0, 0);
    b = prepare(one, 200, FALSE, &skew);
    g_assert_cmpint(black_in(b, 5, 5, 10, 10), ==, 0);
    g_assert_cmpint(black_in(b, 50, 50, 40, 10), ==, 400);
    pixDestroy(&b);
    pixDestroy(&one);
}

/* A blank page (paper tone and a few specks) is blank; one short word is not. */
static void test_blank(void)
{
    ms_ocr_options o = MS_OCR_OPTIONS_INIT;
    PIX *p = pixCreate(2550, 3300, 8);
    pixSetAllArbitrary(p, 240);
    for (int x = 100; x < 2500; x += 150) pixSetPixel(p, x, x, 0);
    ms_prep_info info;
    PIX *b = ms_ocr_prepare(p, 300, &o, &info);
    g_assert_true(info.blank);
    g_assert_cmpfloat(info.ink, <, MS_BLANK_INK);
    pixDestroy(&b);
    /* "Yes" at 12 pt, 300 dpi: three strokes of 30 x 40 pixels are enough ink */
    for (int i = 0; i < 3; i++) pixRasterop(p, 1000 + i * 45, 1000, 30, 40, PIX_CLR, NULL, 0, 0);
    b = ms_ocr_prepare(p, 300, &o, &info);
    g_assert_false(info.blank);
    pixDestroy(&b);
    pixDestroy(&p);
}

/* Boxes found on a page turned upright map back to the page as given: turn a
 * page with one black box by a quarter turns with Leptonica, then map the
 * box's place in the upright page back. */
static void test_unmap_box(void)
{
    const int W = 300, H = 500;
    PIX *page = pixCreate(W, H, 1);
    pixRasterop(page, 40, 100, 60, 20, PIX_SET, NULL, 0, 0); /* x 40-100, y 100-120 */
    for (int q = 1; q < 4; q++) {
        PIX *given = pixRotateOrth(page, q); /* the page as scanned: turned q quarters clockwise */
        /* motionscan turns it back by (4 - q) quarters: upright again */
        ms_prep_info info = {.rotation = ((4 - q) % 4) * 90};
        float box[4] = {40, 100, 100, 120}; /* where the box is in the upright page */
        ms_ocr_unmap_box(box, &info, W, H);
        BOXA *found = pixConnComp(given, NULL, 8);
        g_assert_cmpint(boxaGetCount(found), ==, 1);
        l_int32 x, y, w, h;
        boxaGetBoxGeometry(found, 0, &x, &y, &w, &h);
        g_assert_cmpfloat(box[0], ==, (float)x);
        g_assert_cmpfloat(box[1], ==, (float)y);
        g_assert_cmpfloat(box[2], ==, (float)(x + w));
        g_assert_cmpfloat(box[3], ==, (float)(y + h));
        boxaDestroy(&found);
        pixDestroy(&given);
    }
    /* a very poor reading read again turned by q more quarters (ocr_read.c):
     * the box found on the turned image lands on the image before the turn */
    for (int q = 1; q < 4; q++) {
        PIX *turned = pixRotateOrth(page, q);
        BOXA *found = pixConnComp(turned, NULL, 8);
        l_int32 x, y, w, h;
        boxaGetBoxGeometry(found, 0, &x, &y, &w, &h);
        float box[4] = {(float)x, (float)y, (float)(x + w), (float)(y + h)};
        ms_prep_info info = {.extra_quads = q};
        ms_ocr_unmap_box(box, &info, W, H);
        g_assert_cmpfloat(box[0], ==, 40);
        g_assert_cmpfloat(box[1], ==, 100);
        g_assert_cmpfloat(box[2], ==, 100);
        g_assert_cmpfloat(box[3], ==, 120);
        boxaDestroy(&found);
        pixDestroy(&turned);
    }
    pixDestroy(&page);
}

/* A real page (a sample scan) turned by each quarter is detected and turned
 * back; upright it is left alone. */
static void test_orientation(void)
{
    char *path = g_build_filename(MS_TEST_SAMPLES_DIR, "04-designate-uganda-alternative-atlanta.png", NULL);
    PIX *page = pixRead(path);
    g_assert_nonnull(page);
    ms_ocr_options o = MS_OCR_OPTIONS_INIT;
    for (int q = 0; q < 4; q++) {
        PIX *given = pixRotateOrth(page, q);
        ms_prep_info info;
        PIX *b = ms_ocr_prepare(given, 200, &o, &info);
        g_assert_cmpint(info.rotation, ==, ((4 - q) % 4) * 90);
        g_assert_cmpint(pixGetWidth(b), ==, pixGetWidth(page));
        pixDestroy(&b);
        pixDestroy(&given);
    }
    o.orient = FALSE;
    PIX *down = pixRotateOrth(page, 2);
    ms_prep_info info;
    PIX *b = ms_ocr_prepare(down, 200, &o, &info);
    g_assert_cmpint(info.rotation, ==, 0);
    pixDestroy(&b);
    pixDestroy(&down);
    pixDestroy(&page);
    g_free(path);
}

int main(int argc, char **argv)
{
    setMsgSeverity(L_SEVERITY_NONE);
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/ocr/despeckle-keeps-text", test_despeckle_keeps_text);
    g_test_add_func("/ocr/deskew", test_deskew);
    g_test_add_func("/ocr/colour-and-one-bit", test_colour_and_one_bit_inputs);
    g_test_add_func("/ocr/blank", test_blank);
    g_test_add_func("/ocr/unmap-box", test_unmap_box);
    g_test_add_func("/ocr/orientation", test_orientation);
    return g_test_run();
}
