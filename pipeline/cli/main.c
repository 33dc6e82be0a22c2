/* motionscan — command line.
 *
 *   motionscan run [options] INPUT...    records for files and folders
 *   motionscan watch INBOX --out DIR     records for every file dropped in INBOX
 *   motionscan rules check [DIR]         compile the rules, report problems
 *   motionscan rules test [DIR]          run every rule's examples
 *   motionscan audit (--records FILE | --db FILE) --out DIR
 *                                        the auditor's HTML report
 *   motionscan review import FILE... --db FILE
 *   motionscan review stats --db FILE    verdicts in, accuracy out
 *   motionscan merge [--out F] [--csv F] [--db F|URL] INPUT...
 *                                        shard outputs into one
 *
 * stdout carries nothing but records; diagnostics go to stderr.
 * Exit status: 0 every input processed, 1 some input ended in an error
 * record, 2 the command itself could not run (usage, rules, output).
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <leptonica/allheaders.h>

#include "pipeline/cli/cli.h"
#include "pipeline/ocr/barcode.h"
#include "pipeline/ocr/ocr.h"
#include "pipeline/worker/spawner.h"
#include "pipeline/worker/worker_proc.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: motionscan run [options] INPUT...   one JSON record per file (see run --help)\n"
            "       motionscan watch INBOX --out DIR    record every file dropped in INBOX (see watch --help)\n"
            "       motionscan rules check [DIR]        compile the rules and report problems\n"
            "       motionscan rules test [DIR]         run every rule's examples\n"
            "       motionscan audit (--records FILE | --db FILE) --out DIR\n"
            "                                           the auditor's HTML report (see audit --help)\n"
            "       motionscan review import FILE... --db FILE\n"
            "       motionscan review stats --db FILE   auditors' verdicts in, accuracy out\n"
            "       motionscan merge [--out F] [--csv F] [--db F|URL] INPUT...  shard outputs into one\n"
            "       motionscan calendar --db FILE --out FILE.ics\n"
            "                                           deadlines and hearings as a calendar feed\n"
            "       motionscan --version | --help\n");
}

/* Leptonica reports problems on stderr by default; the pipeline reports them
 * in records instead. */
static void quiet_leptonica(void)
{
    setMsgSeverity(L_SEVERITY_NONE);
}

int main(int argc, char **argv)
{
    ms_ocr_configure_env(argc, argv);
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C"); /* Tesseract requires the C numeric locale */
    quiet_leptonica();
    /* a worker process (pipeline/worker/worker_proc.h), started by run or watch */
    if (argc == 2 && strcmp(argv[1], "__worker") == 0) return ms_worker_child_main();
    /* run and watch fork their workers from a copy of this process as it is
     * now, loaded and single-threaded (spawner.h); without it they exec. */
    if (argc >= 2 && (strcmp(argv[1], "run") == 0 || strcmp(argv[1], "watch") == 0))
        ms_spawner_start();
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        char *lept = getLeptonicaVersion(); /* "leptonica-1.82.0" */
        const char *zbar = ms_barcode_library();
        printf("motionscan %s (tesseract %s, %s, %s)\n", MS_VERSION, ms_ocr_engine_version(), lept,
               zbar ? zbar : "no barcodes: built without zbar");
        lept_free(lept);
        return 0;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "run") == 0) return ms_cmd_run(argc - 1, argv + 1);
    if (strcmp(argv[1], "rules") == 0) return ms_cmd_rules(argc - 1, argv + 1);
    if (strcmp(argv[1], "watch") == 0) return ms_cmd_watch(argc - 1, argv + 1);
    if (strcmp(argv[1], "audit") == 0) return ms_cmd_audit(argc - 1, argv + 1);
    if (strcmp(argv[1], "review") == 0) return ms_cmd_review(argc - 1, argv + 1);
    if (strcmp(argv[1], "merge") == 0) return ms_cmd_merge(argc - 1, argv + 1);
    if (strcmp(argv[1], "calendar") == 0) return ms_cmd_calendar(argc - 1, argv + 1);
    fprintf(stderr, "motionscan: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
