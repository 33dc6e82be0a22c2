/* gazetteer — every ISO 3166-1 country with its names and demonyms.
 *
 * Loaded from rules/countries.tsv (data, not code).  It gives the rule engine
 * two macros, {{COUNTRY}} (every name and alias) and {{DEMONYM}}, and maps any
 * text those macros matched back to its country.
 *
 * Ownership: ms_gazetteer_load() / ms_gazetteer_free(); ms_country pointers
 * stay valid for the gazetteer's life.  Immutable after loading: safe to share
 * read-only between threads.
 */
#ifndef MS_GAZETTEER_H
#define MS_GAZETTEER_H

#include <glib.h>

typedef struct {
    char code[3]; /* ISO 3166-1 alpha-2 */
    char *name;   /* short English name, as records print it */
    int line;     /* line in the .tsv */
} ms_country;

typedef struct ms_gazetteer ms_gazetteer;

/* Load a gazetteer file.  Problems are reported as "file:line: error: ..."
 * lines appended to `diag`; returns FALSE (err: rules_invalid) if any. */
gboolean ms_gazetteer_load(const char *path, ms_gazetteer **out, GString *diag, GError **err);
void ms_gazetteer_free(ms_gazetteer *g);

/* PCRE2 source for the alternation of every name (names = TRUE) or every
 * demonym (FALSE), longest first, as a non-capturing group with word bounds. */
const char *ms_gazetteer_pattern(const ms_gazetteer *g, gboolean names);

/* The country a matched name or demonym belongs to, or NULL.  Matching
 * ignores case, accents' absence is not folded (list both forms), runs of
 * white space count as one space and spaces around hyphens are ignored. */
const ms_country *ms_gazetteer_lookup(const ms_gazetteer *g, const char *text, gsize len,
                                      gboolean *is_demonym);

/* The country a damaged word (or two words joined) stands for, comparing
 * with OCR's look-alikes folded ("Guaternala", "H0nduras", "Hond"+"uras");
 * names under five letters are never matched this way.  NULL if none, or if
 * two countries fold to the same key. */
const ms_country *ms_gazetteer_lookup_ocr(const ms_gazetteer *g, const char *text, gsize len,
                                          gboolean *is_demonym);

/* Call fn for every name (not demonym) of every country, as its lower-case
 * key ("democratic republic of the congo"); the key is borrowed. */
typedef void (*ms_gazetteer_name_fn)(const char *key, const ms_country *c, gpointer user);
void ms_gazetteer_each_name(const ms_gazetteer *g, ms_gazetteer_name_fn fn, gpointer user);

guint ms_gazetteer_size(const ms_gazetteer *g);
const char *ms_gazetteer_path(const ms_gazetteer *g);

#endif
