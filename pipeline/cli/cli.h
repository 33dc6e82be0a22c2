/* cli — what the commands share: exit codes, the rule folder, the options
 * `run` and `watch` have in common (rules, rendering, limits, OCR, workers),
 * and one entry point per command (cmd_NAME.c).
 *
 * Ownership: engine_options owns its strings once parsed
 * (ms_cli_engine_clear() frees them); ms_cli_engine_context() borrows from the
 * options and the ruleset; ms_cli_load_rules() returns a ruleset freed with
 * ms_ruleset_free(); ms_cli_command_line_json() returns a string (g_free).
 */
#ifndef MS_CLI_H
#define MS_CLI_H

#include <glib.h>

#include "extractors/ruleset.h"
#include "pipeline/document/document.h"

#define EXIT_INPUT_FAILED 1
#define EXIT_USAGE 2

/* The rule folder: `given` (--rules or an argument), else $MOTIONSCAN_RULES,
 * else the bundled rules/. */
const char *ms_cli_rules_dir(const char *given);
/* Load the rules, printing the diagnostics (all of them when `verbose`,
 * otherwise only on failure) to stderr; NULL when they are invalid. */
ms_ruleset *ms_cli_load_rules(const char *dir, gboolean verbose);

/* The command line as a JSON array, for the database's runs table; the PDF
 * password and a database URL's password are hidden. */
char *ms_cli_command_line_json(int argc, char **argv);

typedef struct {
    char *rules, *password, *tessdata, *lang, *pdf;
    int jobs, dpi, max_pages, ocr_timeout_ms, doc_timeout_s, max_decode_mb, worker_mb;
    gint64 max_pixels;
    gboolean no_deskew, no_orient, bgnorm, one_reading, no_second_look, no_split, pdf_identity;
} engine_options;

void ms_cli_engine_defaults(engine_options *o);
/* Add the shared options to the context's main group, after those already
 * there (--help lists them in that order). */
void ms_cli_engine_add_entries(GOptionContext *oc, engine_options *o);
/* Print the bounds and return FALSE when an option is out of range (or the
 * --pdf folder cannot be made). */
gboolean ms_cli_engine_check(const engine_options *o, const char *cmd);
/* The context for the workers; it borrows from `o` and `rs`. */
ms_context ms_cli_engine_context(const engine_options *o, const ms_ruleset *rs);
void ms_cli_engine_clear(engine_options *o);

/* The commands: argv[0] is the command's name; each returns the exit status. */
int ms_cmd_run(int argc, char **argv);
int ms_cmd_watch(int argc, char **argv);
int ms_cmd_rules(int argc, char **argv);
int ms_cmd_audit(int argc, char **argv);
int ms_cmd_review(int argc, char **argv);
int ms_cmd_merge(int argc, char **argv);
int ms_cmd_calendar(int argc, char **argv); /* cmd_calendar.c */

#endif
