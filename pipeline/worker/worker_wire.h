/* worker_wire — the messages between motionscan and its worker processes.
 *
 * A frame is a 4-byte length (host order: both ends are the same binary)
 * followed by a serialised GVariant of a fixed type.  A request carries the
 * input as a file descriptor (SCM_RIGHTS) on its first byte.  The parent
 * treats every reply as untrusted: GVariant reads any serialised data safely,
 * lengths are bounded (MS_WIRE_MAX_FRAME) and every value is checked before
 * use (ms_wire_page_from).
 *
 * Ownership: ms_wire_send() sinks a floating GVariant and unrefs it;
 * ms_wire_recv() returns a new GVariant (g_variant_unref) and, when asked, a
 * received descriptor that the caller closes.
 */
#ifndef MS_WORKER_WIRE_H
#define MS_WORKER_WIRE_H

#include <glib.h>
#include <sys/uio.h>

#include "pipeline/document/record.h"
#include "pipeline/pdf/pdf_out.h"

#define MS_WIRE_MAX_FRAME (64u * 1024 * 1024)

/* The first message to a worker: its configuration.
 * (dpi, max_pixels, max_decode_bytes, max_pages, max_file_bytes, tessdata ('' = default),
 *  lang, deskew, orient, bgnorm, ocr_deadline_ms, memory limit bytes (0 = none), password,
 *  second_reading, second_look) */
#define MS_WIRE_INIT "(ixxixssbbbixsbb)"
/* A request: (document id, page (-1: open only), format, ms left for the document (0: none),
 * the path, for messages) + the input's descriptor. */
#define MS_WIRE_REQUEST "(tiyis)"
/* The reply to a page: (source, dpi, width, height, conf, skew, rotation, words,
 * seconds, error code name ('' if none), message, the words' texts (each ended by
 * a NUL), the words' numbers (line, x0, y0, x1, y1, conf: one fixed-size tuple per
 * word, read in place), reading kept ('' if none), reading_reason, the second
 * look's boxes (kind, x0, y0, x1, y1, the three texts, their confidences, the
 * index kept), the barcodes (symbology, value; at most MS_MAX_BARCODES)). */
#define MS_WIRE_LOOK "(sddddsssdddi)"
#define MS_WIRE_WORD "(iddddd)"
#define MS_WIRE_PAGE "(siiiddiidssaya" MS_WIRE_WORD "ssa" MS_WIRE_LOOK "a(ss))"
/* The reply to an open: (pages, or -1; error code name ('' if none); message;
 * the pages read with the open (index, MS_WIRE_PAGE), in order: the document's
 * leading run of text-layer pages, so a born-digital document costs one round
 * trip, see MS_WIRE_OPEN_PAGES). */
#define MS_WIRE_OPENED "(issa(i" MS_WIRE_PAGE "))"
/* At most this many pages, and this many bytes of them, come with an open; the
 * pages after them are asked for one at a time (and spread over the workers). */
#define MS_WIRE_OPEN_PAGES 64
#define MS_WIRE_OPEN_BYTES (16u * 1024 * 1024)

/* A request whose page is MS_WIRE_PAGE_PDF asks for the searchable PDF of the
 * document (pdf_out.h): a MS_WIRE_PDF_JOB frame follows it, and the worker
 * answers with MS_WIRE_PDF_DONE, (the file's bytes, or -1; error code name ('' if
 * none); message), then that many bytes in MS_WIRE_PDF_CHUNK frames of at most
 * MS_WIRE_PDF_CHUNK_BYTES each.  The job: (title, subject ('' = none), first,
 * last, pages (index, rotation, width, height, words (text, x0, y0, x1, y1))). */
#define MS_WIRE_PAGE_PDF (-2)
#define MS_WIRE_PDF_JOB "(ssiia(iiiia(sdddd)))"
#define MS_WIRE_PDF_DONE "(xss)"
#define MS_WIRE_PDF_CHUNK "ay"
#define MS_WIRE_PDF_CHUNK_BYTES (8u * 1024 * 1024)

/* Send one frame (and `pass_fd` if >= 0).  FALSE with errno set on failure. */
gboolean ms_wire_send(int sock, GVariant *msg, int pass_fd);

/* Send the `n` iovecs whole, `pass_fd` (if >= 0) riding on their first bytes
 * as SCM_RIGHTS; the iovecs are consumed (advanced) as they go.  FALSE with
 * errno set on failure.  The spawner's replies use it too (spawner.c). */
gboolean ms_wire_send_iov(int sock, struct iovec *iov, int n, int pass_fd);

/* Receive one frame of `type`.  `deadline_us` (monotonic; 0 = none) bounds the
 * wait; past it returns NULL with *timed_out TRUE.  NULL on end of stream or a
 * malformed frame.  A descriptor that came with it goes to *fd_out (or is
 * closed when fd_out is NULL). */
GVariant *ms_wire_recv(int sock, const char *type, gint64 deadline_us, int *fd_out,
                       gboolean *timed_out);

/* A page result and its words as a MS_WIRE_PAGE message (floating). */
GVariant *ms_wire_page_to(const ms_page_result *pr, const GArray *words);
/* Back from a message: fills *pr (pr->error owned) and appends to `words`
 * (ms_word).  FALSE when a value is out of range (nothing is kept). */
gboolean ms_wire_page_from(GVariant *msg, int page_no, ms_page_result *pr, GArray *words);

/* A PDF job as a MS_WIRE_PDF_JOB message (floating), and back (in the
 * worker): NULL when a value is out of range (ms_pdf_job_free). */
GVariant *ms_wire_pdf_job_to(const ms_pdf_job *job);
ms_pdf_job *ms_wire_pdf_job_from(GVariant *msg);

#endif
