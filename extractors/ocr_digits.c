/* ocr_digits — OCR's look-alikes of the digits (see ocr_digits.h). */
#include "extractors/ocr_digits.h"

#include <string.h>

static const struct {
    char digit;
    const char *like;
} lookalikes[] = {
    {'0', "OoQD"}, {'1', "lIL|]!"}, {'5', "Ss"}, {'8', "B"}, {'2', "Zz?"},
};

int ms_ocr_digit(gunichar c)
{
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c == 0 || c > 127) return -1;
    for (gsize i = 0; i < G_N_ELEMENTS(lookalikes); i++)
        if (strchr(lookalikes[i].like, (int)c)) return lookalikes[i].digit - '0';
    return -1;
}

const char *ms_ocr_digit_class(void)
{
    static char *cls; /* built once, never freed */
    if (g_once_init_enter(&cls)) {
        GString *s = g_string_new("[0-9");
        for (gsize i = 0; i < G_N_ELEMENTS(lookalikes); i++)
            for (const char *p = lookalikes[i].like; *p; p++) {
                if (strchr("]\\^-", *p)) g_string_append_c(s, '\\');
                g_string_append_c(s, *p);
            }
        g_string_append_c(s, ']');
        g_once_init_leave(&cls, g_string_free(s, FALSE));
    }
    return cls;
}

/* Digit pairs a damaged scan reads for each other.  Neighbours (5/6, 8/9)
 * are left out: a family's A-numbers often run on by one. */
static const char *const confusable[] = {"06", "08", "09", "14", "17", "27", "35", "38", "49", "58", "68"};

gboolean ms_ocr_digits_confusable(char a, char b)
{
    for (gsize i = 0; i < G_N_ELEMENTS(confusable); i++)
        if ((confusable[i][0] == a && confusable[i][1] == b) ||
            (confusable[i][0] == b && confusable[i][1] == a))
            return TRUE;
    return FALSE;
}
