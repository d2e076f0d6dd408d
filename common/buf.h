/* SPDX-License-Identifier: MIT */
/* buf.h - a growable byte buffer. Invariant: len <= cap; data is NULL only when cap is 0. */
#ifndef EBPF_BUF_H
#define EBPF_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct buf {
	uint8_t *data;
	size_t len, cap;
};

/* Make room for n more bytes. Returns 0 or -ENOMEM. */
int buf_reserve(struct buf *b, size_t n);
/* Append n bytes (p may be NULL: append zeros). Returns 0 or -ENOMEM. */
int buf_append(struct buf *b, const void *p, size_t n);
/* Append a printf-formatted string without its NUL. Returns 0 or -ENOMEM. */
int buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/*
 * buf_read_file - append all of @f (to its end) to @b, followed by a NUL that is not counted
 * in len, so text read this way is a C string. Returns 0, -ENOMEM, or -EIO when reading
 * failed (errno says why).
 */
int buf_read_file(struct buf *b, FILE *f);
/* buf_read_path - the whole file at @path as a NUL-terminated string (free() it), its
 * length in *@len; NULL with errno set when it cannot be opened or read. */
char *buf_read_path(const char *path, size_t *len);
void buf_free(struct buf *b);

#endif
