# tests/fuzz.mk - fuzz targets. Each tests/fuzz_NAME.c defines LLVMFuzzerTestOneInput and is
# built twice:
#   tests/replay_NAME  always: with tests/replay-main.c, a plain program that make check runs
#                      over every file of tests/corpus/NAME (seeds and past crashes), under
#                      whatever sanitizers the build uses;
#   tests/fuzz_NAME    with --enable-fuzzing (CC=clang): the libFuzzer binary, e.g.
#                      tests/fuzz_elf -max_len=65536 tests/corpus/elf
# A crash the fuzzer finds is copied into tests/corpus/NAME, so it is replayed from then on.

EXTRA_DIST += tests/corpus/elf
check_PROGRAMS += tests/replay_elf
TESTS += tests/replay_elf
tests_replay_elf_SOURCES = tests/fuzz_elf.c tests/replay-main.c
tests_replay_elf_LDADD = $(CORE_LIBS)
if ENABLE_FUZZING
noinst_PROGRAMS += tests/fuzz_elf
tests_fuzz_elf_SOURCES = tests/fuzz_elf.c
tests_fuzz_elf_CFLAGS = $(AM_CFLAGS) -fsanitize=fuzzer
tests_fuzz_elf_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_elf_LDADD = $(CORE_LIBS)
endif

EXTRA_DIST += tests/corpus/asm
check_PROGRAMS += tests/replay_asm
TESTS += tests/replay_asm
tests_replay_asm_SOURCES = tests/fuzz_asm.c tests/replay-main.c
tests_replay_asm_LDADD = $(CORE_LIBS)
if ENABLE_FUZZING
noinst_PROGRAMS += tests/fuzz_asm
tests_fuzz_asm_SOURCES = tests/fuzz_asm.c
tests_fuzz_asm_CFLAGS = $(AM_CFLAGS) -fsanitize=fuzzer
tests_fuzz_asm_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_asm_LDADD = $(CORE_LIBS)
endif

EXTRA_DIST += tests/corpus/capture
check_PROGRAMS += tests/replay_capture
TESTS += tests/replay_capture
tests_replay_capture_SOURCES = tests/fuzz_capture.c tests/replay-main.c
tests_replay_capture_LDADD = $(VM_LIBS)
if ENABLE_FUZZING
noinst_PROGRAMS += tests/fuzz_capture
tests_fuzz_capture_SOURCES = tests/fuzz_capture.c
tests_fuzz_capture_CFLAGS = $(AM_CFLAGS) -fsanitize=fuzzer
tests_fuzz_capture_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_capture_LDADD = $(VM_LIBS)
endif

EXTRA_DIST += tests/corpus/vm
check_PROGRAMS += tests/replay_vm
TESTS += tests/replay_vm
tests_replay_vm_SOURCES = tests/fuzz_vm.c tests/replay-main.c
tests_replay_vm_LDADD = $(VM_LIBS)
if ENABLE_FUZZING
noinst_PROGRAMS += tests/fuzz_vm
tests_fuzz_vm_SOURCES = tests/fuzz_vm.c
tests_fuzz_vm_CFLAGS = $(AM_CFLAGS) -fsanitize=fuzzer
tests_fuzz_vm_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_vm_LDADD = $(VM_LIBS)
endif
