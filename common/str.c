/* SPDX-License-Identifier: MIT */
/* str.c - small string utilities (see str.h). */
#include "str.h"

#include <errno.h>
#include <stdlib.h>

int str_to_u64(const char *s, uint64_t max, uint64_t *out)
{
	unsigned long long x;
	char *end;

	/* strtoull would take "-1" as its negation: refuse a minus sign */
	if (!*s || *s == '-')
		return -1;
	errno = 0;
	x = strtoull(s, &end, 0);
	if (errno || *end || x > max)
		return -1;
	*out = x;
	return 0;
}
