/* SPDX-License-Identifier: MIT */
/*
 * tnum.h - tracked numbers: the verifier's abstract value for the bits of a scalar.
 *
 * A tnum is (value, mask): a bit set in mask is unknown, a bit clear in mask is known and
 * equals the same bit of value. Invariant: value & mask == 0. The operations over-approximate
 * the concrete ones: every concrete result of concrete inputs the tnums describe is described
 * by the result (the kernel's kernel/bpf/tnum.c, re-derived).
 */
#ifndef EBPF_VSIM_TNUM_H
#define EBPF_VSIM_TNUM_H

#include <stdbool.h>
#include <stdint.h>

struct tnum {
	uint64_t value, mask;
};

#define TNUM_UNKNOWN ((struct tnum){0, UINT64_MAX})

struct tnum tnum_const(uint64_t v);
/* The tightest tnum holding every value of [min, max] (unsigned). */
struct tnum tnum_range(uint64_t min, uint64_t max);
struct tnum tnum_add(struct tnum a, struct tnum b);
struct tnum tnum_sub(struct tnum a, struct tnum b);
struct tnum tnum_and(struct tnum a, struct tnum b);
struct tnum tnum_or(struct tnum a, struct tnum b);
struct tnum tnum_xor(struct tnum a, struct tnum b);
struct tnum tnum_mul(struct tnum a, struct tnum b);
struct tnum tnum_lshift(struct tnum a, unsigned shift);
struct tnum tnum_rshift(struct tnum a, unsigned shift);
/* Arithmetic shift of a @bits-wide (32 or 64) value. */
struct tnum tnum_arshift(struct tnum a, unsigned shift, unsigned bits);
/* Values described by both a and b (a and b must share at least one value). */
struct tnum tnum_intersect(struct tnum a, struct tnum b);
/* Keep the low @bytes bytes (1, 2, 4, 8). */
struct tnum tnum_cast(struct tnum a, unsigned bytes);
/* Is every value of b also a value of a? */
bool tnum_in(struct tnum a, struct tnum b);
bool tnum_is_const(struct tnum a);
bool tnum_is_unknown(struct tnum a);
/* Low 32 bits, high 32 bits cleared; high 32 bits kept, low cleared; low 32 replaced. */
struct tnum tnum_subreg(struct tnum a);
struct tnum tnum_clear_subreg(struct tnum a);
struct tnum tnum_with_subreg(struct tnum reg, struct tnum subreg);
/* Kernel-style text: a constant as decimal, else "(0x..; 0x..)". Returns snprintf's count. */
int tnum_sprint(char *buf, unsigned long len, struct tnum a);

#endif
