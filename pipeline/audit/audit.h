/* audit — the auditor's report: a static, self-contained HTML folder that
 * shows every extracted value beside the page it came from.
 *
 *   OUT/index.html          every document in a table, case first
 *                           (respondent, A-number, court, motion, countries,
 *                           filed, due with days left, detained), most
 *                           urgent first (audit_index.c), with filters (motion
 *                           type, country, status, due within 7 days,
 *                           detained, no deadline found, low confidence,
 *                           errors, flagged), sorting, and the flags at the
 *                           top; the filters can be set from the URL
 *                           fragment: index.html#type=pretermit&country=HN
 *   OUT/doc-SHA256.html     one page per document: each field's value, the
 *                           rule (id and file:line), the words, the page, the
 *                           OCR confidence, review controls; the countries
 *                           mentioned with their role; the page images with
 *                           the evidence boxes drawn over them
 *   OUT/img/SHA256-pN.png   page N, re-rendered from the source file at a
 *                           width that loads fast
 *
 * Names in OUT come from the sha256 (or the record's position when a record
 * has none), never from input paths.  Every string from a record is escaped
 * for HTML text and attributes; the script and style are the project's own
 * (pipeline/audit/), inlined, and a Content-Security-Policy allows only that
 * script (by its hash), so nothing from a document can run.  No page loads
 * anything from the network.
 *
 * The source file of each record (its `file`, relative paths taken from
 * opt->source_dir when set) is opened again to draw the pages.  When it is
 * gone, unreadable or changed (another sha256), the document page shows the
 * values without images and says why.
 *
 * Thread rules: single-threaded.  Ownership: records are JsonObject
 * references in a GPtrArray that frees them (json_object_unref).
 */
#ifndef MS_AUDIT_H
#define MS_AUDIT_H

#include <glib.h>
#include <json-glib/json-glib.h>

typedef struct {
    const char *out_dir;    /* created if missing; our files in it are replaced */
    double low_confidence;  /* a value or OCR page below this is flagged */
    int image_width;        /* page images are rendered this wide, in pixels */
    int max_image_pages;    /* per document; later pages get no image */
    const char *password;   /* for encrypted PDFs */
    const char *source_dir; /* relative record paths are found here; NULL: the current folder */
    const char *as_of;      /* YYYY-MM-DD the index counts days left from; NULL: today */
} ms_audit_options;

#define MS_AUDIT_OPTIONS_INIT                                                                      \
    {                                                                                              \
        NULL, 80.0, 900, 50, NULL, NULL, NULL                                                      \
    }

typedef struct {
    int documents, flagged, images, sources_missing;
} ms_audit_stats;

/* Whether `s` is a valid YYYY-MM-DD date (for --as-of). */
gboolean ms_audit_valid_day(const char *s);

/* A new array for records (frees them with json_object_unref). */
GPtrArray *ms_audit_records_new(void);

/* Append the records of a JSON Lines file (motionscan run --out).  Errors
 * name the file and line (MS_ERR_USAGE for a line that is not a record). */
gboolean ms_audit_load_jsonl(const char *path, GPtrArray *records, GError **err);

/* Append the records of a motionscan SQLite database: every document's
 * record_json, ordered by file, and the last run's errors that have no
 * document (a missing or unreadable file). */
gboolean ms_audit_load_db(const char *path, GPtrArray *records, GError **err);

/* Write the report.  Errors: MS_ERR_OUTPUT (naming the file). */
gboolean ms_audit_write(const ms_audit_options *opt, GPtrArray *records, ms_audit_stats *st,
                        GError **err);

#endif
