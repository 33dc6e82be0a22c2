/* shard — which share of a batch this process reads.
 *
 * `motionscan run --shard K/N` keeps the inputs whose key hashes to K, with K
 * counted from 0 (0/4 .. 3/4), the way Kubernetes' JOB_COMPLETION_INDEX and a
 * Slurm array `--array=0-3` count.  The key of a file found in a folder is
 * its path relative to that folder (the input root), so hosts that mount the
 * filings at different places agree; the key of a file named on the command
 * line is its base name.  The hash is the first 8 bytes of the key's SHA-256
 * (GChecksum), big-endian, modulo N: stable across GLib versions and hosts.
 * Every key lands in exactly one of the N shards, whatever N.
 *
 * Where the index comes from, first match wins:
 *   1. the flag, --shard K/N;
 *   2. SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN (MIN is 0 when unset, so
 *      `--array=1-4` works as well as `--array=0-3`), of SLURM_ARRAY_TASK_COUNT;
 *   3. JOB_COMPLETION_INDEX of MOTIONSCAN_SHARD_COUNT (a Kubernetes Indexed
 *      Job sets the index; the manifest sets the count to its completions).
 *
 * Thread rules: none (plain values).  Ownership: nothing to free.
 */
#ifndef MS_SHARD_H
#define MS_SHARD_H

#include <glib.h>

typedef struct {
    int index; /* 0 .. count - 1 */
    int count; /* 0: no sharding, every input is kept */
} ms_shard;

#define MS_SHARD_NONE {0, 0}
/* More shards than this is a typing error, not a cluster. */
#define MS_SHARD_MAX_COUNT 1000000

/* Parse "K/N" (0 <= K < N).  Errors: MS_ERR_USAGE, naming `what` (the flag
 * or variable) and the text. */
gboolean ms_shard_parse(const char *text, const char *what, ms_shard *out, GError **err);

/* The shard from the flag (NULL when not given) or else the environment, as
 * above; out->count is 0 when neither gives one.  Errors: MS_ERR_USAGE. */
gboolean ms_shard_resolve(const char *flag, ms_shard *out, GError **err);

/* The shard a key belongs to, 0 .. count - 1. */
int ms_shard_of(const char *key, int count);

/* The key of `path`, found under the input root `root` (a folder given on
 * the command line, without trailing '/'), or named itself when root is
 * NULL.  Returns a pointer into `path`. */
const char *ms_shard_key(const char *root, const char *path);

/* Whether `s` keeps the input with this key (always, without sharding). */
gboolean ms_shard_keeps(const ms_shard *s, const char *key);

/* For the collect step: note the key of every path of `paths` from index
 * `first` on, found under `root` (NULL: named itself), in `keys` (path ->
 * key, both borrowed from `paths`), unless the path already has one. */
void ms_shard_note_keys(GHashTable *keys, GPtrArray *paths, guint first, const char *root);

/* "shard 2/4" for messages, into buf. */
const char *ms_shard_describe(const ms_shard *s, char *buf, gsize len);

#endif
