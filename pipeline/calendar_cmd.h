/* calendar_cmd — `motionscan calendar --db FILE --out FILE.ics [options]`.
 * `rules_dir` is the default rules folder (its courts.tsv).  Returns the
 * exit status: 0 written, 2 usage or an error (said on stderr). */
#ifndef MS_CALENDAR_CMD_H
#define MS_CALENDAR_CMD_H

int ms_calendar_main(int argc, char **argv, const char *rules_dir);

#endif
