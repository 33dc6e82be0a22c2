/* record — the result of one input file, and its JSON form (the contract of
 * DOMAIN.md; field names and vocabularies are read by other tools).
 *
 * Ownership: ms_result_new()/ms_result_free(); the result owns its pages and
 * extraction.  JSON is built with json-glib, never by hand.
 */
#ifndef MS_RECORD_H
#define MS_RECORD_H

#include <glib.h>
#include <json-glib/json-glib.h>

#include "extractors/extract.h"
#include "extractors/stack.h"

#define MS_SCHEMA_VERSION 1

typedef struct {
    int number;         /* 1-based */
    const char *source; /* "text", "ocr", "text+ocr", "blank" or "error" */
    int dpi;            /* resolution boxes on this page are given at */
    int width, height;  /* page size in pixels at dpi */
    float conf;         /* mean OCR word confidence; -1 for a text layer */
    float skew;         /* degrees of skew removed before OCR */
    int rotation;       /* 0/90/180/270: clockwise turn applied before OCR */
    const char *reading;  /* OCR pages: "binarized" or "grey", the reading kept; else NULL */
    char *reading_reason; /* owned: why that reading */
    GArray *looks;        /* owned (g_array_unref): ms_look of the second look, or NULL */
    GArray *barcodes;     /* owned (g_array_unref): ms_barcode (pipeline/base/text.h) read on
                           * a scanned page with little text, or NULL when none was */
    int n_words;
    double seconds;
    const char *error_code; /* stable code when source is "error" */
    char *error;            /* why the page failed, when source is "error" */
} ms_page_result;

/* --pdf: the searchable PDF written (its path), or why none was (a stable
 * code and a message); all NULL without --pdf.  Owned strings. */
typedef struct {
    char *file, *error_code, *error;
} ms_pdf_outcome;

/* One filing of a stapled stack (extractors/stack.h): its pages, its own
 * fields (from those pages only) and the boundary that opens it. */
typedef struct {
    int first, last;    /* 1-based pages, inclusive */
    ms_extraction *x;   /* owned */
    int boundary_page;  /* where the boundary was found (= first) */
    double confidence;  /* of that boundary, 0-1 */
    gboolean review;    /* confidence below MS_STACK_REVIEW_BELOW */
    GPtrArray *cues;    /* owned array of static const char*: the boundary's cues */
    ms_pdf_outcome pdf; /* --pdf: this part's own PDF */
} ms_part;

typedef struct {
    char *path;
    char sha256[65];
    gint64 size;
    const char *format;
    char *error_code; /* NULL when the file was processed */
    char *error_message;
    gboolean stack_unsplit; /* --no-split: the file was read as one filing */
    gboolean skipped; /* known from an earlier run (--skip-known): hashed, not processed */
    GArray *pages;    /* ms_page_result */
    ms_extraction *x; /* NULL on error, and when the file was split (see parts) */
    /* Filled when the file holds several filings or pages that belong to no
     * filing (a fax cover, a separator, a blank sheet): one ms_part per
     * filing, each with its own extraction, and x is NULL.  Empty otherwise:
     * the file is one filing, part 1 of 1, with x. */
    GArray *parts;      /* ms_part */
    GArray *non_filing; /* ms_stack_page (extractors/stack.h): pages of no filing; their
                         * barcode strings are borrowed from pages[].barcodes */
    double t_read, t_pages, t_extract, t_total; /* seconds */
    /* --pdf: the file's one PDF when it is not split (parts empty); a split
     * file's PDFs are its parts' (ms_part.pdf) */
    ms_pdf_outcome pdf;
} ms_result;

/* Free what a page result owns (error, reading_reason, looks, barcodes); not the struct. */
void ms_page_result_clear(gpointer page);

ms_result *ms_result_new(const char *path);
void ms_result_free(ms_result *r);
/* Mark the result failed with err's stable code and message. */
void ms_result_fail(ms_result *r, const GError *err);

/* Free what a part owns (x, cues, pdf); not the struct (a GArray clear func). */
void ms_part_clear(gpointer part);
/* Free the outcome's strings; not the struct. */
void ms_pdf_outcome_clear(ms_pdf_outcome *o);
/* Part i's PDF outcome: its own, or the file's when it is not split. */
const ms_pdf_outcome *ms_result_part_pdf(const ms_result *r, guint i);

/* How many records the result gives: its parts, or 1. */
guint ms_result_part_count(const ms_result *r);
/* Part i's page range (1-based, inclusive); for an unsplit file [1, pages]
 * ([0, 0] when no page was read). */
void ms_result_part_pages(const ms_result *r, guint i, int *first, int *last);

/* Part i's record (i < ms_result_part_count(r)): its `part`, `boundary`,
 * fields, evidence and pages.  A single filing's record is today's with
 * part 1 of 1. */
JsonNode *ms_record_build_part(const ms_result *r, guint i, const char *rules_dir);
/* The record as a JSON object (the first part's).  `rules_dir` names the rule files in evidence
 * ("rules/motion.rules:12" rather than an absolute path). */
JsonNode *ms_record_build(const ms_result *r, const char *rules_dir);
/* The extraction of part i (NULL on error). */
const ms_extraction *ms_result_part_extraction(const ms_result *r, guint i);
/* The members part, boundary and non_filing_pages of part i's record
 * (record_part.c). */
void ms_record_add_part(JsonBuilder *b, const ms_result *r, guint i);
/* An OCR page's reading, reading_reason and second_look members (nothing for
 * other pages); record_reading.c. */
void ms_record_add_reading(JsonBuilder *b, const ms_page_result *p);
/* One line of JSON Lines, newline included. */
char *ms_record_to_line(const ms_result *r, const char *rules_dir);

#endif
