/* audit_html — the HTML of the audit report (internal to the audit modules).
 *
 * audit.c reads the records, works out the flags and renders the page
 * images; audit_html.c writes index.html and the frame all pages share,
 * audit_doc.c one page per document.
 * Every string taken from a record goes through ms_html_escape() (text and
 * double-quoted attribute contexts alike).  The script and the style sheet
 * come from the program's resources (pipeline/audit/) and are inlined; the
 * Content-Security-Policy admits the script by its SHA-256.
 *
 * Ownership: the functions returning char* return a string freed with g_free.
 */
#ifndef MS_AUDIT_HTML_H
#define MS_AUDIT_HTML_H

#include <glib.h>
#include <json-glib/json-glib.h>

#include "pipeline/audit/audit.h"
#include "pipeline/document/record_json.h"

typedef struct {
    char *src; /* "img/SHA-pN.png", NULL when the page has no image */
    int width, height;
} audit_image;

/* One document of the report, as audit.c prepared it. */
typedef struct {
    JsonObject *rec;  /* borrowed from the records array */
    const char *file; /* the record's file, "(no file)" if it has none */
    const char *sha;  /* 64 lowercase hex digits, or NULL */
    char *page;       /* "doc-SHA.html" or "doc-nINDEX.html" */
    GPtrArray *flags; /* char*: what an auditor should look at, in words */
    gboolean low;     /* a value or OCR page below the threshold */
    gboolean failed;  /* an error record, or a page that failed */
    double min_ocr;   /* the lowest OCR page confidence; < 0 when no page was OCRed */
    char *image_note; /* why the pages have no images, or NULL */
    GArray *images;   /* audit_image, one per page of the record */
} audit_doc;

/* HTML-escape `s` (& < > " ') onto `out`; invalid UTF-8 is repaired and
 * control characters other than tab and newline dropped.  NULL appends nothing. */
void ms_html_escape(GString *out, const char *s);

/* A value as the report shows it: strings as they are, numbers and booleans
 * printed, a country as its code, response_due as its date; NULL for null. */
char *ms_json_value_text(JsonNode *n);

/* The page frame: <!doctype> to an open <body data-page="KIND" (the caller
 * adds attributes and closes the tag), with the policy, style and script. */
gboolean ms_html_open_page(GString *h, const char *title, const char *page_kind, GError **err);
void ms_html_close_page(GString *h);
/* name="escaped value" (nothing when value is NULL). */
void ms_html_attr(GString *h, const char *name, const char *value);
/* <td class="cls" data-sort="sort">escaped text</td>; NULLs leave parts out. */
void ms_html_cell(GString *h, const char *cls, const char *sort, const char *text);
/* The record's status; "error" when it has none. */
const char *ms_audit_doc_status(const audit_doc *d);

/* audit_index.c: a strict YYYY-MM-DD (the --as-of date, a response_due date). */
gboolean ms_audit_parse_day(const char *s, GDate *out);
char *ms_audit_index_html(audit_doc **docs, guint n, const ms_audit_options *opt, GError **err);
char *ms_audit_doc_html(const audit_doc *d, const ms_audit_options *opt, GError **err);

#endif
