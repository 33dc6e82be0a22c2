/* fuzz_text — the text normaliser on arbitrary bytes.
 *
 * The input is cut into words at NUL bytes, as if a page had produced them
 * (OCR and text layers give arbitrary, possibly invalid, UTF-8): each word is
 * normalised on its own, then all of them are built into a text
 * (ms_text_build: hyphenation, lines, pages, the byte-to-word map) and every
 * byte range of the result is located back onto the words.  The same bytes
 * also go through ms_text_from_plain, the --text path.
 */
#include <string.h>

#include <glib.h>

#include "tests/fuzz/fuzz.h"
#include "pipeline/base/text.h"

#define FUZZ_MAX_INPUT 65536

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    return 0;
}

static void check_text(ms_text *t)
{
    g_assert(t->map->len == t->str->len);
    for (guint i = 0; i < t->map->len; i++) {
        gint32 w = g_array_index(t->map, gint32, i);
        g_assert(w >= -1 && w < (gint32)t->words->len);
    }
    /* Locate a few ranges, including empty and whole-text ones. */
    gsize n = t->str->len;
    gsize cuts[][2] = {{0, n}, {0, n / 2}, {n / 3, n}, {n / 2, n / 2 + 1 > n ? n : n / 2 + 1}};
    for (gsize i = 0; i < G_N_ELEMENTS(cuts); i++) {
        int page = 0;
        float box[4], conf;
        if (ms_text_locate(t, cuts[i][0], cuts[i][1], &page, box, &conf)) g_assert(page >= 1);
        g_assert(ms_text_page_at(t, cuts[i][0]) >= 1);
    }
    g_assert(g_utf8_validate(t->str->str, (gssize)t->str->len, NULL));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT) return 0;
    /* Words from the NUL-separated pieces; a byte of each piece picks its line
     * and page so line and page breaks come up too. */
    GArray *words = g_array_new(FALSE, FALSE, sizeof(ms_word));
    int page = 1, line = 0;
    for (size_t i = 0; i < size;) {
        const uint8_t *end = memchr(data + i, 0, size - i);
        size_t n = end ? (size_t)(end - (data + i)) : size - i;
        char *s = g_strndup((const char *)data + i, n);
        char *norm = ms_text_normalize_word(s);
        g_assert(g_utf8_validate(norm, -1, NULL));
        ms_text_is_debris(norm);
        g_free(norm);
        if (n && (data[i] & 0x07) == 0) line++;
        if (n && data[i] == 0x0c && page < 50) page++;
        float x = (float)(i % 2000);
        ms_word w = {s, page, line, x, (float)line * 40, x + 90, (float)line * 40 + 30,
                     (float)(data[i < size ? i : 0] % 101)};
        g_array_append_val(words, w);
        i += n + 1;
    }
    ms_text *t = ms_text_build(words, page);
    check_text(t);
    ms_text_free(t);

    char *plain = g_strndup((const char *)data, size);
    t = ms_text_from_plain(plain);
    check_text(t);
    ms_text_free(t);
    g_free(plain);
    return 0;
}
