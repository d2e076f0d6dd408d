/* SPDX-License-Identifier: MIT */
/* str.h - small string utilities shared by the programs. */
#ifndef EBPF_STR_H
#define EBPF_STR_H

#include <stdint.h>

/*
 * str_to_u64 - @s as an unsigned number (decimal, 0x hex or 0 octal, as strtoull with base
 * 0), the whole string, at most @max; no minus sign. Returns 0 with *@out set, or -1
 * (*@out unchanged).
 */
int str_to_u64(const char *s, uint64_t max, uint64_t *out);

#endif
