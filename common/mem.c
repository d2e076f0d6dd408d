/* SPDX-License-Identifier: MIT */
/* mem.c - allocation wrappers with a fault-injection countdown (see mem.h). */
#include "mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static unsigned long fail_countdown;

void mem_fail_nth(unsigned long n)
{
	fail_countdown = n;
}

static int should_fail(void)
{
	if (fail_countdown == 0)
		return 0;
	return --fail_countdown == 0;
}

void *mem_alloc(size_t n)
{
	if (should_fail())
		return NULL;
	return calloc(1, n ? n : 1);
}

void *mem_realloc(void *p, size_t n)
{
	if (should_fail())
		return NULL;
	return realloc(p, n ? n : 1);
}

void *mem_array(void *p, size_t *cap, size_t need, size_t elem)
{
	size_t ncap;
	void *np;

	if (need <= *cap)
		return p;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return NULL;
		ncap *= 2;
	}
	if (elem && ncap > SIZE_MAX / elem)
		return NULL;
	np = mem_realloc(p, ncap * elem);
	if (!np)
		return NULL;
	memset((char *)np + *cap * elem, 0, (ncap - *cap) * elem);
	*cap = ncap;
	return np;
}

char *mem_strndup(const char *s, size_t n)
{
	char *d = mem_alloc(n + 1);

	if (d)
		memcpy(d, s, n);
	return d;
}

char *mem_strdup(const char *s)
{
	return mem_strndup(s, strlen(s));
}

void mem_free(void *p)
{
	free(p);
}
