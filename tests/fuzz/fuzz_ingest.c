/* fuzz_ingest — ingest on arbitrary bytes: sniff the type, open the document
 * from memory (Poppler for PDF, Leptonica for TIFF/PNG/JPEG), then for every
 * page read the text layer and render or decode it, as document.c does.
 *
 * Sizes are bounded as the pipeline bounds them, only tighter so each input
 * stays cheap: at most 4 pages, 72 dpi, 4 megapixels per page.
 */
#include <string.h>

#include <glib.h>
#include <leptonica/allheaders.h>

#include "tests/fuzz/fuzz.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/pages/pages.h"
#include "pipeline/base/text.h"

#define FUZZ_MAX_INPUT (1024 * 1024)

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    setMsgSeverity(L_SEVERITY_NONE); /* as main() does */
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT) return 0;
    setMsgSeverity(L_SEVERITY_NONE);
    ms_limits lim = MS_LIMITS_INIT;
    lim.max_pages = 4;
    lim.max_pixels = 4 * 1000 * 1000;
    ms_input in = {0};
    in.path = g_strdup("fuzz-input");
    in.bytes = g_bytes_new(data, size);
    in.format = ms_format_sniff(data, size);
    ms_doc *doc = NULL;
    if (in.format != MS_FMT_UNKNOWN && ms_doc_open(&in, &lim, NULL, &doc, NULL)) {
        int n = ms_doc_page_count(doc);
        g_assert(n >= 1 && n <= lim.max_pages);
        GArray *words = g_array_new(FALSE, FALSE, sizeof(ms_word));
        g_array_set_clear_func(words, ms_word_clear);
        for (int i = 0; i < n; i++) {
            int w = 0, h = 0, dpi = 0;
            ms_doc_text_layer(doc, i, 72, words);
            ms_doc_page_size(doc, i, 72, &w, &h);
            GError *err = NULL;
            PIX *pix = ms_doc_render_page(doc, i, 72, &lim, &dpi, &err);
            if (pix) {
                g_assert((double)pixGetWidth(pix) * pixGetHeight(pix) <= 1.01 * lim.max_pixels);
                pixDestroy(&pix);
            } else {
                g_assert(err != NULL);
            }
            g_clear_error(&err);
        }
        ms_text_free(ms_text_build(words, n));
        ms_doc_free(doc);
    }
    ms_input_dispose(&in);
    return 0;
}
