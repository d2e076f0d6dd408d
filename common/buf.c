/* SPDX-License-Identifier: MIT */
/* buf.c - growable byte buffer (see buf.h). */
#include "buf.h"
#include "mem.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int buf_reserve(struct buf *b, size_t n)
{
	void *p;

	if (n > SIZE_MAX - b->len)
		return -ENOMEM;
	p = mem_array(b->data, &b->cap, b->len + n, 1);
	if (!p)
		return -ENOMEM;
	b->data = p;
	return 0;
}

int buf_append(struct buf *b, const void *p, size_t n)
{
	if (n == 0)
		return 0;
	if (buf_reserve(b, n))
		return -ENOMEM;
	if (p)
		memcpy(b->data + b->len, p, n);
	else
		memset(b->data + b->len, 0, n);
	b->len += n;
	return 0;
}

int buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -EINVAL;
	if (buf_reserve(b, (size_t)n + 1))
		return -ENOMEM;
	va_start(ap, fmt);
	vsnprintf((char *)b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void buf_free(struct buf *b)
{
	mem_free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int buf_read_file(struct buf *b, FILE *f)
{
	size_t n;

	do {
		if (buf_reserve(b, 65536 + 1)) /* + 1: the final NUL always fits */
			return -ENOMEM;
		n = fread(b->data + b->len, 1, 65536, f);
		b->len += n;
	} while (n == 65536);
	if (ferror(f))
		return -EIO;
	b->data[b->len] = '\0';
	return 0;
}

char *buf_read_path(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = {0};
	int err;

	if (!f)
		return NULL;
	err = buf_read_file(&b, f);
	fclose(f);
	if (err) {
		buf_free(&b);
		errno = err == -ENOMEM ? ENOMEM : EIO;
		return NULL;
	}
	*len = b.len;
	return (char *)b.data;
}
