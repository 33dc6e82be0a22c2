/* document_pdf — --pdf: the searchable PDF of a document once its pages are
 * read (pdf_out.h), asked of a worker process and renamed into place.
 *
 * A failure never costs the record: it says why in its `pdf` member.
 * Ownership: ms_document_pdf_job() returns a job that ms_document_pdf()
 * takes (and frees).
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

/* Write the job as ctx->pdf_dir/NAME.pdf: a temporary file in that folder,
 * filled by w's worker process from the descriptor `fd` of the input
 * (document `id`), or here from `in` when there are no worker processes (the
 * unit tests), then renamed over NAME.pdf.  The title is the record's; the
 * result's pdf_file or pdf_error_code and pdf_error are set. */
void ms_document_pdf(const ms_context *ctx, ms_worker *w, ms_result *r, ms_pdf_job *job,
                     const ms_input *in, int fd, guint64 id);

#endif
