/* SPDX-License-Identifier: MIT */
/*
 * testutil.h - what every Check suite needs: where things are, files, commands, temp dirs,
 * and the kernel-test policy (skip with exit 77 and a reason; under EBPF_REQUIRE_KERNEL=1 a
 * skip becomes a failure, exit 99).
 */
#ifndef EBPF_TESTUTIL_H
#define EBPF_TESTUTIL_H

#include <stddef.h>

/* Source tree, build tree, shared data (../shared or $EBPF_SHARED). Never NULL. */
const char *tu_srcdir(void);
const char *tu_builddir(void);
const char *tu_shared(void);
/* "$builddir/ebpf-as" etc. into a static buffer per call site: copy if you keep it. */
const char *tu_tool(const char *name);

/* Read a whole file, NUL-terminated; NULL if it cannot be read. Free with free(). */
char *tu_read_file(const char *path, size_t *len);
int tu_write_file(const char *path, const void *data, size_t len);

/* Run a shell command; stdout and stderr together into *out (malloc'ed, may be NULL).
 * Returns the exit status (0-255), or -1 when it could not run or died by a signal. */
int tu_run(const char *cmd, char **out);
/* printf-style variant of tu_run. */
int tu_runf(char **out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A fresh temporary directory (static buffer per call); tu_rmrf removes one. */
char *tu_mkdtemp(void);
void tu_rmrf(const char *dir);

/*
 * tu_list - the files of @dir whose names end in @suffix, as "dir/name", sorted; *@count of
 * them. Exits the suite with a skip (exit 77) naming the folder when it cannot be read. Free
 * with tu_list_free.
 */
char **tu_list(const char *dir, const char *suffix, int *count);
void tu_list_free(char **names, int count);
/* tu_conformance_files - tu_list of the shared bpf_conformance suite's @sub folder ("tests",
 * "negative"), *.data files. */
char **tu_conformance_files(const char *sub, int *count);

/* Is this command on PATH? */
int tu_have(const char *cmd);

/* The LLVM 19 tools the comparison tests use, or NULL when absent (from configure's
 * LLVM_MC / LLVM_OBJDUMP / CLANG_BPF, falling back to PATH). */
const char *tu_llvm_mc(void);
const char *tu_llvm_objdump(void);
const char *tu_clang(void);

/*
 * tu_skip - a whole suite cannot run here: print the reason and exit 77, or, when
 * EBPF_REQUIRE_KERNEL=1 is set and @kernel is true, print it as a failure and exit 99.
 */
void tu_skip(int kernel, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));
/*
 * tu_unpriv_lock - an exclusive lock held by a suite while kernel.unprivileged_bpf_disabled
 * may be 0 (check_verifier's unprivileged loads) and by one that counts on bpf() failing
 * for users (check_load's EPERM test), so that `make -j check` never runs the two at once.
 * Returns the descriptor to give tu_unpriv_unlock, or -1 when no lock could be had (go on).
 */
int tu_unpriv_lock(void);
void tu_unpriv_unlock(int fd);
/*
 * tu_require_bpf - a kernel suite can only run as root with a working bpf(): otherwise skip
 * it (tu_skip with kernel set), saying "@why_root: run as root" or why BPF_MAP_CREATE failed.
 * In tu-kernel.c: suites that call it link libloader.a after libtestutil.a.
 */
void tu_require_bpf(const char *why_root);
/* Is the kernel required (EBPF_REQUIRE_KERNEL=1)? */
int tu_kernel_required(void);

#endif
