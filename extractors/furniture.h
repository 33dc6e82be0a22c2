/* furniture — the page furniture around a page break ("Page 1 of 2", a
 * bare page number, a fax header line, a running header that ends in the
 * A-number), so that a sentence that runs on from one page to the next is
 * one clause for the country roles ("... with which the United / Page 1 of
 * 2 / CASTRO DIAZ, Rajesh - A224-036-531 / States has an Asylum Cooperative
 * Agreement ...").
 *
 * Only the lines next to a page break (the blank line between two pages of
 * ms_text) are looked at: up to
 * three at the end of a page and three at the start of the next, each of
 * them furniture, nearest the break first.  Those lines, and the break
 * itself, become spaces, so the copy has the same length and every offset
 * still points into the text as read.  A break with no furniture beside it
 * is left as it is.
 *
 * Ownership: ms_furniture_blank() returns a new string (g_free) or NULL
 * when the text has no such furniture.
 */
#ifndef MS_FURNITURE_H
#define MS_FURNITURE_H

#include "pipeline/base/text.h"

/* A copy of s, NUL-terminated, with the furniture beside each page break of
 * t blanked, or NULL when there is none.  s is t's text or a copy of it of
 * the same length (the mended text). */
char *ms_furniture_blank(const ms_text *t, const char *s);

#endif
