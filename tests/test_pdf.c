/* pdf_out: the searchable PDF of an image and of a PDF, its text layer's
 * placement, images passed through, the page range, the PDF job on the
 * worker wire, the output names and a stapled stack's part jobs. */
#include <string.h>

#include <leptonica/allheaders.h>
#include <qpdf/qpdf-c.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/document/document.h"
#include "pipeline/document/document_pdf.h"
#include "pipeline/pdf/pdf_out.h"
#include "pipeline/worker/worker_wire.h"
#include "tests/testutil.h"

/* An image file's bytes: a page of w x h pixels at `res` dpi with a black bar. */
static GBytes *image_bytes(int w, int h, int depth, int res, int format)
{
    PIX *pix = pixCreate(w, h, depth);
    pixSetAll(pix);
    if (depth == 1) pixClearAll(pix);
    BOX *box = boxCreate(w / 4, h / 4, w / 2, h / 20);
    pixSetInRectArbitrary(pix, box, 0);
    if (depth == 1) pixSetInRect(pix, box);
    boxDestroy(&box);
    pixSetResolution(pix, res, res);
    l_uint8 *data = NULL;
    size_t len = 0;
    g_assert_cmpint(pixWriteMem(&data, &len, pix, format), ==, 0);
    pixDestroy(&pix);
    GBytes *b = g_bytes_new(data, len);
    lept_free(data);
    return b;
}

static qpdf_data read_pdf(GBytes *pdf)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    gsize len = 0;
    const char *data = g_bytes_get_data(pdf, &len);
    qpdf_read_memory(q, "out", data, len, "");
    g_assert_false(qpdf_has_error(q));
    return q;
}

/* The page's content streams, decoded and joined. */
static char *page_content(qpdf_data q, qpdf_oh page)
{
    unsigned char *buf = NULL;
    size_t len = 0;
    qpdf_oh_get_page_content_data(q, page, &buf, &len);
    char *s = g_strndup((const char *)buf, len);
    free(buf);
    return s;
}

static GBytes *write_job(GBytes *bytes, ms_format fmt, const ms_pdf_job *job, GError **err)
{
    ms_input in = {NULL, g_bytes_ref(bytes), "", fmt};
    ms_limits lim = MS_LIMITS_INIT;
    GBytes *out = ms_pdf_write(&in, NULL, &lim, ms_pdf_font_dir(NULL), job, err);
    ms_input_dispose(&in);
    return out;
}

/* A PNG page turned 90 degrees: Flate image, the page's size from its
 * resolution, /Rotate 90, and each word on its box, running upward. */
static void test_image_page_turned(void)
{
    GBytes *png = image_bytes(850, 1100, 1, 100, IFF_PNG);
    ms_pdf_job *job = ms_pdf_job_new(0, 0);
    job->title = g_strdup("DHS MOTION TO PRETERMIT");
    ms_pdf_page *p = ms_pdf_job_add_page(job, 0, 90, 850, 1100);
    const float hello[4] = {100, 200, 300, 240}, world[4] = {100, 300, 140, 500};
    ms_pdf_page_add_word(p, "Hello", hello);
    ms_pdf_page_add_word(p, "W\xc3\xb6rld", world);
    GError *err = NULL;
    GBytes *pdf = write_job(png, MS_FMT_PNG, job, &err);
    g_assert_no_error(err);
    qpdf_data q = read_pdf(pdf);
    g_assert_cmpint(qpdf_get_num_pages(q), ==, 1);
    qpdf_oh page = qpdf_get_page_n(q, 0);
    g_assert_cmpint(qpdf_oh_get_int_value(q, qpdf_oh_get_key(q, page, "/Rotate")), ==, 90);
    g_assert_cmpstr(qpdf_oh_unparse(q, qpdf_oh_get_key(q, page, "/MediaBox")), ==, "[ 0 0 612.000 792.000 ]");
    char *c = page_content(q, page);
    g_assert_nonnull(strstr(c, "3 Tr"));
    /* Hello: baseline at the box's right edge (300 px = 216 pt), starting at
     * its bottom (240 px = 172.8 pt from the top), running up; the size is
     * the box's width (144 pt), the scaling fits its height (28.8 pt). */
    g_assert_nonnull(strstr(c, "/MsOcrF 144 Tf 8 Tz 0 1 -1 0 216 619.2 Tm <00480065006C006C006F> Tj"));
    g_assert_nonnull(strstr(c, "<005700F60072006C0064> Tj")); /* UTF-16: U+00F6 */
    g_assert_nonnull(strstr(c, "/Im0 Do"));
    g_free(c);
    g_assert_cmpstr(qpdf_get_info_key(q, "/Title"), ==, "DHS MOTION TO PRETERMIT");
    g_assert_null(qpdf_get_info_key(q, "/Subject"));
    qpdf_cleanup(&q);
    g_bytes_unref(pdf);
    ms_pdf_job_free(job);
    g_bytes_unref(png);
}

/* A JPEG's bytes are the image stream's, as they are. */
static void test_jpeg_passthrough(void)
{
    GBytes *jpg = image_bytes(640, 480, 8, 200, IFF_JFIF_JPEG);
    ms_pdf_job *job = ms_pdf_job_new(0, 0);
    GError *err = NULL;
    GBytes *pdf = write_job(jpg, MS_FMT_JPEG, job, &err);
    g_assert_no_error(err);
    qpdf_data q = read_pdf(pdf);
    qpdf_oh page = qpdf_get_page_n(q, 0);
    g_assert_cmpstr(qpdf_oh_unparse(q, qpdf_oh_get_key(q, page, "/MediaBox")), ==, "[ 0 0 230.400 172.800 ]");
    qpdf_oh im = qpdf_oh_get_key(q, qpdf_oh_get_key(q, qpdf_oh_get_key(q, page, "/Resources"), "/XObject"), "/Im0");
    unsigned char *buf = NULL;
    size_t len = 0;
    QPDF_BOOL filtered = QPDF_FALSE;
    qpdf_oh_get_stream_data(q, im, qpdf_dl_none, &filtered, &buf, &len);
    gsize jlen = 0;
    const void *jdata = g_bytes_get_data(jpg, &jlen);
    g_assert_cmpuint(len, ==, jlen);
    g_assert_true(memcmp(buf, jdata, len) == 0);
    free(buf);
    g_assert_true(qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, im), "/Filter"), "/DCTDecode"));
    qpdf_cleanup(&q);
    g_bytes_unref(pdf);
    ms_pdf_job_free(job);
    g_bytes_unref(jpg);
}

static GBytes *sample(const char *name)
{
    char *path = g_build_filename(MS_TEST_SAMPLES_DIR, name, NULL);
    gchar *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    g_free(path);
    return g_bytes_new_take(data, len);
}

/* A PDF's page range: page 2 of the born-digital sample alone, with a text
 * layer after its own content, which is wrapped in q ... Q. */
static void test_pdf_range(void)
{
    GBytes *in = sample("02-pretermit-incomplete-i589-born-digital.pdf");
    ms_pdf_job *job = ms_pdf_job_new(1, 1);
    job->subject = g_strdup("A-number 212345678");
    const float box[4] = {300, 300, 600, 350};
    ms_pdf_page_add_word(ms_pdf_job_add_page(job, 1, 0, 2550, 3300), "Stamp", box);
    GError *err = NULL;
    GBytes *pdf = write_job(in, MS_FMT_PDF, job, &err);
    g_assert_no_error(err);
    qpdf_data q = read_pdf(pdf);
    g_assert_cmpint(qpdf_get_num_pages(q), ==, 1);
    qpdf_oh contents = qpdf_oh_get_key(q, qpdf_get_page_n(q, 0), "/Contents");
    g_assert_true(qpdf_oh_is_array(q, contents));
    g_assert_cmpint(qpdf_oh_get_array_n_items(q, contents), >=, 3);
    char *c = page_content(q, qpdf_get_page_n(q, 0));
    g_assert_true(g_str_has_prefix(c, "q\n"));
    /* 300 px at 300 dpi is 72 pt; the box's bottom, 350 px, is 84 pt from the top */
    g_assert_nonnull(strstr(c, "Q\nq\n1 0 0 1 0 0 cm\nBT\n3 Tr\n/MsOcrF 12 Tf"));
    g_assert_nonnull(strstr(c, "72 708 Tm <005300740061006D0070> Tj"));
    g_free(c);
    g_assert_cmpstr(qpdf_get_info_key(q, "/Subject"), ==, "A-number 212345678");
    qpdf_cleanup(&q);
    g_bytes_unref(pdf);
    ms_pdf_job_free(job);
    /* past the document's pages: an error, not a short PDF */
    job = ms_pdf_job_new(0, 5);
    g_assert_null(write_job(in, MS_FMT_PDF, job, &err));
    g_assert_error(err, MS_ERROR, MS_ERR_CORRUPT_PDF);
    g_clear_error(&err);
    ms_pdf_job_free(job);
    g_bytes_unref(in);
}

/* A job crosses the wire as it is; values out of range are refused. */
static void test_wire_job(void)
{
    ms_pdf_job *job = ms_pdf_job_new(2, 4);
    job->title = g_strdup("ORDER");
    const float box[4] = {1, 2, 3, 4};
    ms_pdf_page_add_word(ms_pdf_job_add_page(job, 3, 270, 100, 200), "A-123", box);
    GVariant *v = g_variant_ref_sink(ms_wire_pdf_job_to(job));
    ms_pdf_job *back = ms_wire_pdf_job_from(v);
    g_variant_unref(v);
    g_assert_nonnull(back);
    g_assert_cmpint(back->first, ==, 2);
    g_assert_cmpint(back->last, ==, 4);
    g_assert_cmpstr(back->title, ==, "ORDER");
    g_assert_null(back->subject);
    g_assert_cmpuint(back->pages->len, ==, 1);
    const ms_pdf_page *p = &g_array_index(back->pages, ms_pdf_page, 0);
    g_assert_cmpint(p->index, ==, 3);
    g_assert_cmpint(p->rotation, ==, 270);
    g_assert_cmpint(p->height, ==, 200);
    g_assert_cmpstr(g_array_index(p->words, ms_pdf_word, 0).text, ==, "A-123");
    g_assert_cmpfloat(g_array_index(p->words, ms_pdf_word, 0).box[3], ==, 4);
    ms_pdf_job_free(back);
    g_array_index(job->pages, ms_pdf_page, 0).rotation = 45;
    v = g_variant_ref_sink(ms_wire_pdf_job_to(job));
    g_assert_null(ms_wire_pdf_job_from(v));
    g_variant_unref(v);
    g_array_index(job->pages, ms_pdf_page, 0).rotation = 0;
    g_array_index(job->pages, ms_pdf_page, 0).index = 5; /* outside [first, last] */
    v = g_variant_ref_sink(ms_wire_pdf_job_to(job));
    g_assert_null(ms_wire_pdf_job_from(v));
    g_variant_unref(v);
    ms_pdf_job_free(job);
}

/* NAME.pdf after the last component; shared names get ~HASH8. */
static void test_output_path(void)
{
    GHashTable *shared = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_add(shared, (gpointer) "scan.pdf");
    char *a = ms_output_path("out", shared, "a/scan.pdf", ".pdf");
    char *b = ms_output_path("out", shared, "b/scan.pdf", ".pdf");
    char *c = ms_output_path("out", shared, "../../x.tif", ".pdf");
    g_assert_true(g_str_has_prefix(a, "out/scan.pdf~") && g_str_has_suffix(a, ".pdf"));
    g_assert_cmpuint(strlen(a), ==, strlen("out/scan.pdf~12345678.pdf"));
    g_assert_cmpstr(a, !=, b);
    g_assert_cmpstr(c, ==, "out/x.tif.pdf");
    g_free(a), g_free(b), g_free(c);
    g_assert_null(ms_output_path("out", NULL, "..", ".pdf"));
    g_hash_table_destroy(shared);
}

/* A part's job: its pages' words only, no title; its names sort in order. */
static void test_part_job(void)
{
    ms_pdf_job *job = ms_pdf_job_new(0, 5);
    job->title = g_strdup("WHOLE FILE");
    const float box[4] = {1, 2, 3, 4};
    for (int i = 0; i < 6; i += 2) ms_pdf_page_add_word(ms_pdf_job_add_page(job, i, 90, 10, 20), "w", box);
    ms_pdf_job *part = ms_pdf_job_slice(job, 2, 3);
    ms_pdf_job_free(job);
    g_assert_cmpint(part->first, ==, 2);
    g_assert_cmpint(part->last, ==, 3);
    g_assert_null(part->title);
    g_assert_cmpuint(part->pages->len, ==, 1);
    const ms_pdf_page *p = &g_array_index(part->pages, ms_pdf_page, 0);
    g_assert_cmpint(p->index, ==, 2);
    g_assert_cmpint(p->rotation, ==, 90);
    g_assert_cmpstr(g_array_index(p->words, ms_pdf_word, 0).text, ==, "w");
    ms_pdf_job_free(part);
    const struct { guint i, n; const char *want; } names[] = {
        {0, 1, ".pdf"}, {1, 3, "-part2of3.pdf"}, {1, 12, "-part02of12.pdf"}, {11, 12, "-part12of12.pdf"}};
    for (gsize k = 0; k < G_N_ELEMENTS(names); k++) {
        char *got = ms_document_pdf_suffix(names[k].i, names[k].n);
        g_assert_cmpstr(got, ==, names[k].want);
        g_free(got);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pdf/image_page_turned", test_image_page_turned);
    g_test_add_func("/pdf/jpeg_passthrough", test_jpeg_passthrough);
    g_test_add_func("/pdf/pdf_range", test_pdf_range);
    g_test_add_func("/pdf/wire_job", test_wire_job);
    g_test_add_func("/pdf/output_path", test_output_path);
    g_test_add_func("/pdf/part_job", test_part_job);
    return g_test_run();
}
