/*
 * fuzz: the entry points every harness in tests/fuzz defines, as libFuzzer calls them.  The same harness
 * source links either with libFuzzer (-Dfuzz=true) or with replay.c, which runs saved inputs through it
 * for `meson test`.
 */
#ifndef TRIN_FUZZ_H
#define TRIN_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Called once before the first input. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
/* Run one input; a crash, a sanitizer report or an abort is a finding.  Always returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
