/* fuzz — the libFuzzer entry points, shared by the fuzz targets (built with
 * -fsanitize=fuzzer when MS_FUZZ=ON) and by replay.c, which feeds files to the
 * same function in the normal build so every seed and every crash found stays
 * a regression test (ctest -L fuzz).  Ownership: the input is libFuzzer's,
 * borrowed for the call; a target frees everything it makes before it returns. */
#ifndef MS_FUZZ_H
#define MS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
