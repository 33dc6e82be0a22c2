/* The clean-up before OCR, on synthetic pages (no Tesseract needed). */
#include <math.h>

#include "pipeline/ocr.h"

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
    PIX *b = ms_ocr_prepare(p, 300, FALSE, &skew);
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
    PIX *b = ms_ocr_prepare(p, 300, TRUE, &skew);
    g_assert_cmpfloat(fabsf(fabsf(skew) - 2.0f), <, 0.25f);
    pixDestroy(&b);
    /* Without deskew, nothing is rotated. */
    b = ms_ocr_prepare(p, 300, FALSE, &skew);
    g_assert_cmpfloat(skew, ==, 0.0f);
    pixDestroy(&b);
    pixDestroy(&p);

    /* A straight page is left alone. */
    p = page_with_lines(0);
    b = ms_ocr_prepare(p, 300, TRUE, &skew);
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
    PIX *b = ms_ocr_prepare(rgb, 300, FALSE, &skew);
    g_assert_cmpint(pixGetDepth(b), ==, 1);
    g_assert_cmpint(black_in(b, 20, 20, 100, 20), ==, 2000);
    pixDestroy(&b);
    pixDestroy(&rgb);

    PIX *one = pixCreate(300, 300, 1);
    pixSetPixel(one, 10, 10, 1);
    pixRasterop(one, 50, 50, 40, 10, PIX_SET, NULL, 0, 0);
    b = ms_ocr_prepare(one, 200, FALSE, &skew);
    g_assert_cmpint(black_in(b, 5, 5, 10, 10), ==, 0);
    g_assert_cmpint(black_in(b, 50, 50, 40, 10), ==, 400);
    pixDestroy(&b);
    pixDestroy(&one);
}

int main(int argc, char **argv)
{
    setMsgSeverity(L_SEVERITY_NONE);
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/ocr/despeckle-keeps-text", test_despeckle_keeps_text);
    g_test_add_func("/ocr/deskew", test_deskew);
    g_test_add_func("/ocr/colour-and-one-bit", test_colour_and_one_bit_inputs);
    return g_test_run();
}
