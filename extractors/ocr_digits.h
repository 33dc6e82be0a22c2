/* ocr_digits — the characters OCR reads in place of digits, kept in one
 * table: O, o, Q, D for 0; l, I, L, |, ], ! for 1; S, s for 5; B for 8; Z, z, ?
 * for 2.  The A-number's pattern (the rules' built-in {{DIGIT_LIKE}}), its
 * normaliser (anumber.c) and the OCR's second look at the A-number's words
 * (pipeline/ocr/ocr_look.c) all read it here.
 *
 * Ownership: nothing is allocated; the class string is static.
 */
#ifndef MS_OCR_DIGITS_H
#define MS_OCR_DIGITS_H

#include <glib.h>

/* The digit `c` is (an ASCII digit) or stands for (a look-alike), or -1. */
int ms_ocr_digit(gunichar c);

/* A PCRE2 character class, brackets included, of the ASCII digits and every
 * look-alike: "[0-9OoQD...]". */
const char *ms_ocr_digit_class(void);

/* The digits `a` and `b` are one of the pairs a damaged scan reads for each
 * other (3/8, 1/7, 0/6 ...; never neighbours such as 8/9). */
gboolean ms_ocr_digits_confusable(char a, char b);

#endif
