/* pdf_internal — what the files of pipeline/pdf/ share (not a public API).
 *
 * pdf_write.c assembles the document with qpdf; pdf_text.c makes the font and
 * each page's invisible text; pdf_image.c makes the pages of an image input.
 * Object handles (qpdf_oh) belong to their qpdf_data and die with it
 * (qpdf_cleanup); GStrings returned are the caller's (g_string_free).
 */
#ifndef MS_PDF_INTERNAL_H
#define MS_PDF_INTERNAL_H

#include <qpdf/qpdf-c.h>

#include "pipeline/pdf/pdf_out.h"

/* The name the text layer's font has in a page's /Font resources. */
#define MS_PDF_FONT_NAME "/MsOcrF"

/* Tesseract's glyphless font as an indirect Type0 font object (Identity-H,
 * a ToUnicode map, every code drawn with glyph 1), or FALSE (err set) when
 * pdf.ttf cannot be read from `font_dir`. */
gboolean ms_pdf_font_new(qpdf_data q, const char *font_dir, qpdf_oh *font, GError **err);

/* The content of page `p`'s invisible text: `wd` x `hd` is the page as shown
 * before the OCR's turn, in points, and `cm` maps that frame (origin
 * bottom-left) to the page's user space.  Each word's baseline starts at its
 * box's corner, turned with the page's rotation, its font size the box's
 * height and its horizontal scaling fitted to the box's width (pdf_text.c
 * says how they are rounded).  Returns the stream's text. */
GString *ms_pdf_text_layer(const ms_pdf_page *p, double wd, double hd, const double cm[6]);

/* Page `index` of an image input as a new page dictionary (an indirect
 * object, not yet in the page tree): its image XObject /Im0 (passed through,
 * or Flate from the decoded pixels), a /MediaBox from the real resolution and
 * the content that draws it.  *wd, *hd get the page's size in points. */
gboolean ms_pdf_image_page(qpdf_data q, const ms_input *in, int index, const ms_limits *lim,
                           qpdf_oh *page, double *wd, double *hd, GError **err);

/* qpdf's last error as an MS_ERROR `code` naming `what`; TRUE when there
 * was one (the error is then consumed). */
gboolean ms_pdf_qpdf_failed(qpdf_data q, int code, const char *what, GError **err);

#endif
