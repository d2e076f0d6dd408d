/* SPDX-License-Identifier: MIT */
/*
 * mem.h - allocation for every library, with one hook for tests: mem_fail_nth(n) makes the
 * n-th allocation from now fail (returns NULL), so error paths can be walked one by one.
 */
#ifndef EBPF_MEM_H
#define EBPF_MEM_H

#include <stddef.h>

void *mem_alloc(size_t n); /* zeroed; NULL on failure */
void *mem_realloc(void *p, size_t n);
void *mem_array(void *p, size_t *cap, size_t need, size_t elem); /* grow p to hold need elems */
char *mem_strdup(const char *s);
char *mem_strndup(const char *s, size_t n);
void mem_free(void *p);

/* Fail the n-th allocation from now (1 = the next one); 0 turns the hook off. */
void mem_fail_nth(unsigned long n);

#endif
