/* ocr_read — one page read by Tesseract, once or twice, and the better
 * reading kept (see ocr.h for the rule and its thresholds). */
#include <string.h>

#include "pipeline/base/ms_error.h"
#include "pipeline/ocr/ocr_internal.h"

static int alnum_count(const char *s)
{
    int n = 0;
    for (const char *p = s; *p; p = g_utf8_next_char(p))
        if (g_unichar_isalnum(g_utf8_get_char(p))) n++;
    return n;
}

void ms_ocr_reading_stats(const GArray *words, ms_reading_stats *st)
{
    memset(st, 0, sizeof *st);
    double sum = 0;
    for (guint i = 0; i < words->len; i++) {
        const ms_word *w = &g_array_index(words, ms_word, i);
        float c = MAX(w->conf, 0.0f);
        sum += c;
        if (c < MS_READING_LOW_CONF) st->n_low++;
        st->score += c / 100.0 * alnum_count(w->text);
    }
    st->n_words = (int)words->len;
    st->mean_conf = words->len ? sum / words->len : 0;
}

/* Fewer words than the page's ink holds: one per MS_READING_INK_PER_WORD
 * foreground pixels at 300 dpi, scaled by the square of the resolution. */
static gboolean few_words_for_ink(const ms_reading_stats *st, double ink, int dpi)
{
    double per_word = MS_READING_INK_PER_WORD * ((double)dpi / 300.0) * ((double)dpi / 300.0);
    return st->n_words * per_word < ink;
}

/* Why the reading's words are read poorly, or NULL when they are read well. */
static const char *poor_confidence(const ms_reading_stats *st)
{
    if (st->n_words == 0) return "no words";
    if (st->mean_conf < MS_READING_POOR_CONF) return "low mean confidence";
    if (st->n_low >= MS_READING_POOR_LOW_SHARE * st->n_words) return "many low-confidence words";
    return NULL;
}

gboolean ms_ocr_reading_poor(const ms_reading_stats *st, double ink, int dpi, GString *why)
{
    const char *reason = poor_confidence(st);
    if (!reason && few_words_for_ink(st, ink, dpi)) reason = "few words for the ink";
    if (reason && why) g_string_append(why, reason);
    return reason != NULL;
}

int ms_ocr_reading_better(const ms_reading_stats *a, const ms_reading_stats *b)
{
    return b->score > a->score ? 1 : 0;
}

static void collect_words(TessBaseAPI *api, ms_reading *r)
{
    TessResultIterator *ri = TessBaseAPIGetIterator(api);
    if (!ri) return;
    int line = -1, block = -1;
    const TessPageIterator *pi = TessResultIteratorGetPageIteratorConst(ri);
    do {
        if (TessPageIteratorIsAtBeginningOf(pi, RIL_BLOCK)) block++;
        if (TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE)) line++;
        char *txt = TessResultIteratorGetUTF8Text(ri, RIL_WORD);
        if (!txt) continue;
        int l, t, rt, b;
        if (*txt && TessPageIteratorBoundingBox(pi, RIL_WORD, &l, &t, &rt, &b)) {
            ms_word wd = {g_strdup(txt), 0, MAX(line, 0), (float)l, (float)t, (float)rt, (float)b,
                          TessResultIteratorConfidence(ri, RIL_WORD)};
            int bl = MAX(block, 0);
            g_array_append_val(r->words, wd);
            g_array_append_val(r->blocks, bl);
        }
        TessDeleteText(txt);
    } while (TessResultIteratorNext(ri, RIL_WORD));
    TessResultIteratorDelete(ri);
}

gboolean ms_reading_run(TessBaseAPI *api, PIX *img, int dpi, int deadline_ms, const char *name,
                        ms_reading *out)
{
    return ms_reading_run_as(api, img, dpi, deadline_ms, PSM_AUTO, name, out);
}

gboolean ms_reading_run_as(TessBaseAPI *api, PIX *img, int dpi, int deadline_ms, TessPageSegMode psm,
                           const char *name, ms_reading *out)
{
    memset(out, 0, sizeof *out);
    out->name = name;
    out->words = g_array_new(FALSE, FALSE, sizeof(ms_word));
    g_array_set_clear_func(out->words, ms_word_clear);
    out->blocks = g_array_new(FALSE, FALSE, sizeof(int));
    TessBaseAPISetPageSegMode(api, psm);
    TessBaseAPISetImage2(api, img);
    TessBaseAPISetSourceResolution(api, dpi);
    ETEXT_DESC *mon = TessMonitorCreate();
    if (deadline_ms > 0) TessMonitorSetDeadlineMSecs(mon, deadline_ms);
    int rc = TessBaseAPIRecognize(api, mon);
    TessMonitorDelete(mon);
    if (rc == 0) collect_words(api, out);
    TessBaseAPIClear(api);
    ms_ocr_reading_stats(out->words, &out->st);
    return rc == 0;
}

void ms_reading_dispose(ms_reading *r)
{
    if (r->words) g_array_unref(r->words);
    if (r->blocks) g_array_unref(r->blocks);
    memset(r, 0, sizeof *r);
}

static void describe(GString *s, const ms_reading *r)
{
    g_string_append_printf(s, "%s score %.0f (conf %.0f, %d words, %d low)", r->name, r->st.score,
                           r->st.mean_conf, r->st.n_words, r->st.n_low);
}

/* Read the page a second time from the grey image when the first reading is
 * poor; `a` ends as the reading kept and `why` says why. */
static void second_reading(TessBaseAPI *api, PIX *grey, int dpi, int deadline_ms, double ink,
                           ms_reading *a, GString *why)
{
    GString *poor = g_string_new(NULL);
    if (!ms_ocr_reading_poor(&a->st, ink, dpi, poor)) {
        describe(why, a);
        g_string_append(why, ": not poor, one reading");
        g_string_free(poor, TRUE);
        return;
    }
    ms_reading b;
    gboolean ok = ms_reading_run(api, grey, dpi, deadline_ms, "grey", &b);
    int pick = ok ? ms_ocr_reading_better(&a->st, &b.st) : 0;
    const ms_reading *won = pick ? &b : a, *lost = pick ? a : &b;
    describe(why, won);
    if (ok) {
        g_string_append(why, pick ? " > " : " >= ");
        describe(why, lost);
    } else {
        g_string_append(why, "; the grey reading failed or passed the deadline");
    }
    g_string_append_printf(why, " (%s poor: %s)", a->name, poor->str);
    if (pick) {
        ms_reading t = *a;
        *a = b, b = t;
    }
    ms_reading_dispose(&b);
    g_string_free(poor, TRUE);
}

/* A reading kept after the grey one whose words are read well (not poor by
 * confidence) but too few for the page's ink: Tesseract's layout analysis
 * lost part of the page (on a phone photo's keystoned lines it drops the
 * right half of the text).  Read the grey page again as one block of text,
 * with no layout analysis, and keep it when its score is higher by
 * MS_READING_BLOCK_GAIN (on low-confidence copies and fax pages it reads
 * more noise for about the same score, and is not tried there). */
static void one_block(TessBaseAPI *api, PIX *grey, int dpi, int deadline_ms, double ink,
                      ms_reading *r, GString *why)
{
    if (poor_confidence(&r->st) || !few_words_for_ink(&r->st, ink, dpi)) return;
    ms_reading b;
    gboolean ok = ms_reading_run_as(api, grey, dpi, deadline_ms, PSM_SINGLE_BLOCK, "grey", &b);
    int pick = ok && b.st.score > r->st.score * (1.0 + MS_READING_BLOCK_GAIN);
    g_string_append(why, "; few words for the ink, the grey page read as one block: ");
    if (!ok) g_string_append(why, "failed or passed the deadline");
    else describe(why, &b), g_string_append(why, pick ? " kept" : " not better");
    if (pick) {
        ms_reading t = *r;
        *r = b, b = t;
    }
    if (ok) ms_reading_dispose(&b);
}

/* A reading so poor that the orientation may be wrong: the test turned a
 * phone photo that was upright, or missed a page fed upside down.  Read the
 * grey page again as given (when it was turned) or turned by 180 degrees
 * (when it was not), and keep the better score.  On a turn kept, *g and
 * *clean are the turned images and prep->extra_quads says by how much. */
static void other_turn(TessBaseAPI *api, PIX **g, PIX **clean, int dpi, int deadline_ms,
                       ms_prep_info *prep, ms_reading *r, GString *why)
{
    if (r->st.mean_conf >= MS_READING_TURN_CONF || r->st.n_words < MS_READING_TURN_WORDS) return;
    int quads = prep->rotation ? (4 - prep->rotation / 90) % 4 : 2;
    PIX *tg = pixRotateOrth(*g, quads);
    ms_reading b;
    gboolean ok = tg && ms_reading_run(api, tg, dpi, deadline_ms, "grey", &b);
    int pick = ok ? ms_ocr_reading_better(&r->st, &b.st) : 0;
    g_string_append_printf(why, "; very poor, read %s: ",
                           prep->rotation ? "as given (not turned)" : "turned by 180");
    if (!ok) g_string_append(why, "failed or passed the deadline");
    else describe(why, &b), g_string_append(why, pick ? " kept" : " not better");
    if (pick) {
        ms_reading t = *r;
        *r = b, b = t;
        PIX *tc = pixRotateOrth(*clean, quads);
        pixDestroy(g), pixDestroy(clean);
        *g = tg, *clean = tc, tg = NULL;
        prep->extra_quads = quads;
    }
    if (ok) ms_reading_dispose(&b);
    pixDestroy(&tg);
}

/* Words from the prepared image onto the page as given, numbered for it. */
static void emit_words(ms_reading *r, const ms_prep_info *prep, int w, int h, int page_no,
                       GArray *words)
{
    for (guint i = 0; i < r->words->len; i++) {
        ms_word *wd = &g_array_index(r->words, ms_word, i);
        float box[4] = {wd->x0, wd->y0, wd->x1, wd->y1};
        ms_ocr_unmap_box(box, prep, w, h);
        wd->x0 = box[0], wd->y0 = box[1], wd->x1 = box[2], wd->y1 = box[3];
        wd->page = page_no;
        g_array_append_val(words, *wd);
        wd->text = NULL; /* moved */
    }
}

static void unmap_looks(GArray *looks, guint from, const ms_prep_info *prep, int w, int h)
{
    for (guint i = from; looks && i < looks->len; i++)
        ms_ocr_unmap_box(g_array_index(looks, ms_look, i).box, prep, w, h);
}

gboolean ms_ocr_page(ms_ocr *ocr, PIX *pix, int dpi, int page_no, int deadline_ms, GArray *words,
                     ms_ocr_page_info *info, GError **err)
{
    memset(info, 0, sizeof *info);
    ms_prep_info prep;
    PIX *g = ms_ocr_prepare_grey(pix, dpi, &ocr->opt, &prep);
    dpi = g ? prep.dpi : dpi; /* resampled: fax pixels squared, low resolutions raised */
    PIX *clean = g ? ms_ocr_binarize(g, dpi, &ocr->opt, &prep) : NULL;
    if (!clean) {
        pixDestroy(&g);
        g_set_error(err, MS_ERROR, MS_ERR_OCR, "page %d: image clean-up failed", page_no);
        return FALSE;
    }
    info->skew_degrees = prep.skew_degrees;
    info->rotation = prep.rotation;
    gboolean ok = TRUE;
    if (prep.blank) { /* nothing to read: no engine time spent */
        info->blank = TRUE;
        goto out;
    }
    if (deadline_ms <= 0) deadline_ms = ocr->opt.deadline_ms;
    gint64 t0 = g_get_monotonic_time();
    int streaks = ms_ocr_remove_streaks(clean, &g, dpi);
    ms_reading r;
    ok = ms_reading_run(ocr->api, clean, dpi, deadline_ms, "binarized", &r);
    if (!ok) {
        g_set_error(err, MS_ERROR, MS_ERR_OCR,
                    "page %d: recognition failed or passed its deadline of %d ms", page_no,
                    deadline_ms);
        ms_reading_dispose(&r);
        goto out;
    }
    int w = pixGetWidth(clean), h = pixGetHeight(clean);
    double ink = prep.ink * w * h;
    int left = deadline_ms > 0 ? deadline_ms - (int)((g_get_monotonic_time() - t0) / 1000) : 0;
    GString *why = g_string_new(NULL);
    if (ocr->opt.second_reading && (deadline_ms <= 0 || left > 0)) {
        gboolean two = ms_ocr_reading_poor(&r.st, ink, dpi, NULL);
        second_reading(ocr->api, g, dpi, MAX(left, 0), ink, &r, why);
        left = deadline_ms > 0 ? deadline_ms - (int)((g_get_monotonic_time() - t0) / 1000) : 0;
        if (two && (deadline_ms <= 0 || left > 0)) one_block(ocr->api, g, dpi, MAX(left, 0), ink, &r, why);
    } else
        describe(why, &r), g_string_append(why, ": one reading");
    left = deadline_ms > 0 ? deadline_ms - (int)((g_get_monotonic_time() - t0) / 1000) : 0;
    if (ocr->opt.reorient && ocr->opt.second_reading && (deadline_ms <= 0 || left > 0))
        other_turn(ocr->api, &g, &clean, dpi, MAX(left, 0), &prep, &r, why);
    if (streaks) g_string_append_printf(why, "; %d vertical streak%s taken off", streaks,
                                        streaks > 1 ? "s" : "");
    info->rotation = (prep.rotation + 90 * prep.extra_quads) % 360;
    info->reading = r.name;
    info->reading_reason = g_string_free(why, FALSE);
    ms_layout_rebuild(&r);
    if (ocr->opt.second_look) {
        info->looks = g_array_new(FALSE, TRUE, sizeof(ms_look));
        g_array_set_clear_func(info->looks, ms_look_clear);
        ms_look_again(ocr->api, g, dpi, &r, info->looks);
        unmap_looks(info->looks, 0, &prep, w, h);
    }
    ms_ocr_reading_stats(r.words, &r.st);
    info->n_words = r.st.n_words;
    info->mean_conf = (float)r.st.mean_conf;
    emit_words(&r, &prep, w, h, page_no, words);
    ms_reading_dispose(&r);
out:
    pixDestroy(&clean);
    pixDestroy(&g);
    return ok;
}
