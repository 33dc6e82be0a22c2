/* document_pdf — --pdf: the searchable PDF of a document once its pages are
 * read (pdf_out.h), asked of a worker process and renamed into place.
 *
 * A failure never costs the record: it says why in its `pdf` member.
 * Ownership: ms_document_pdf_job() returns a job that ms_document_pdf()
 * takes (and frees); ms_document_pdf_suffix() returns a new string.
 */
#ifndef MS_DOCUMENT_PDF_H
#define MS_DOCUMENT_PDF_H

#include "pipeline/document/document.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/pdf/pdf_out.h"

/* The job for pages [first, last] of `r`: each OCRed page with its turn,
 * its size and its OCR words (`words[i]`: page i's ms_word; text-layer words,
 * confidence -1, are on the page already and are left out). */
ms_pdf_job *ms_document_pdf_job(const ms_result *r, GArray *const *words, int first, int last);

/* Write the searchable PDFs of `r` from `job` (taken, and freed): a file
 * that is not split gives ctx->pdf_dir/NAME.pdf with every page in the job's
 * range and r->pdf set; a split file gives one PDF per part, holding that
 * part's pages only, named NAME plus ms_document_pdf_suffix(), each part's
 * pdf set (its title is its filing's; a part that fails loses its PDF only).
 * Non-filing pages (a fax cover, a separator) are in no part's PDF.  NAME
 * and the same-named-inputs suffix are ms_output_path()'s.  Each PDF is a
 * temporary file in that folder, filled by w's worker process from the
 * descriptor `fd` of the input (document `id`), or here from `in` when
 * there are no worker processes (the unit tests), then renamed into place. */
void ms_document_pdf(const ms_context *ctx, ms_worker *w, ms_result *r, ms_pdf_job *job,
                     const ms_input *in, int fd, guint64 id);

/* The name's ending for part `index` (0-based) of `count`: ".pdf" for a
 * single filing, "-part2of3.pdf" for a stack's, the index zero-padded to
 * the count's width ("-part02of12.pdf") so that names sort in order.
 * Returns a new string (g_free). */
char *ms_document_pdf_suffix(guint index, guint count);

#endif
