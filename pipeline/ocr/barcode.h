/* barcode — the barcodes on a page image, read with zbar.
 *
 * Separator sheets in a scanned stack carry a barcode (PATCH T printed as
 * Code 39 or Code 128 text, or a QR code); extractors/stack.c decides which
 * values mean "separator" (rules/stack.rules, field stack_barcode).  zbar
 * is optional at build time (MS_HAVE_ZBAR): without it nothing is found and
 * ms_barcode_library() says so.  Only Code 39, Code 128 and QR codes are
 * looked for (zbar cannot read true Kodak patch codes, bars of two widths
 * with no data).
 *
 * Thread rules: each call makes its own zbar image scanner and image;
 * nothing is shared, so calls may run on several threads at once.  It runs
 * in the worker processes only (the page image is untrusted input).
 *
 * Ownership: the values appended to `out` are owned by it (a GArray of
 * ms_barcode whose clear func is ms_barcode_clear); `pix` stays the caller's.
 */
#ifndef MS_BARCODE_H
#define MS_BARCODE_H

#include <glib.h>
#include <leptonica/allheaders.h>

#include "pipeline/base/text.h"

/* "zbar 0.23.92" when barcodes are read (static), NULL when this build has no zbar. */
const char *ms_barcode_library(void);

/* Append the barcodes of `pix` (any depth; read at `dpi`, downscaled to about
 * 150 dpi first when it is 250 or more) to `out` as page `page`: at most
 * MS_MAX_BARCODES, values longer than MS_MAX_BARCODE_BYTES or not UTF-8 left
 * out.  Returns how many were added (0 without zbar). */
int ms_barcode_scan(PIX *pix, int dpi, int page, GArray *out);

#endif
