/* SPDX-License-Identifier: MIT */
/*
 * tnum.c - tracked numbers (see tnum.h). Each operation is exact on constants and keeps the
 * invariant value & mask == 0; the comments say why the carries come out right.
 */
#include "tnum.h"

#include <stdio.h>

struct tnum tnum_const(uint64_t v)
{
	return (struct tnum){v, 0};
}

struct tnum tnum_range(uint64_t min, uint64_t max)
{
	uint64_t chi = min ^ max, delta;
	unsigned bits;

	if (min > max)
		return TNUM_UNKNOWN;
	/* Bits above the highest differing bit are common to the whole range. */
	bits = chi ? 64 - (unsigned)__builtin_clzll(chi) : 0;
	if (bits > 63)
		return TNUM_UNKNOWN;
	delta = (1ULL << bits) - 1;
	return (struct tnum){min & ~delta, delta};
}

struct tnum tnum_add(struct tnum a, struct tnum b)
{
	uint64_t sm = a.mask + b.mask, sv = a.value + b.value;
	uint64_t sigma = sm + sv, chi = sigma ^ sv;
	/* chi: bits where an unknown carry could land. */
	uint64_t mu = chi | a.mask | b.mask;

	return (struct tnum){sv & ~mu, mu};
}

struct tnum tnum_sub(struct tnum a, struct tnum b)
{
	uint64_t dv = a.value - b.value;
	uint64_t alpha = dv + a.mask, beta = dv - b.mask;
	uint64_t chi = alpha ^ beta, mu = chi | a.mask | b.mask;

	return (struct tnum){dv & ~mu, mu};
}

struct tnum tnum_and(struct tnum a, struct tnum b)
{
	uint64_t alpha = a.value | a.mask, beta = b.value | b.mask, v = a.value & b.value;

	return (struct tnum){v, alpha & beta & ~v};
}

struct tnum tnum_or(struct tnum a, struct tnum b)
{
	uint64_t v = a.value | b.value, mu = a.mask | b.mask;

	return (struct tnum){v, mu & ~v};
}

struct tnum tnum_xor(struct tnum a, struct tnum b)
{
	uint64_t v = a.value ^ b.value, mu = a.mask | b.mask;

	return (struct tnum){v & ~mu, mu};
}

/* Long multiplication: known bits of a times b add exactly, unknown ones add their mask. */
struct tnum tnum_mul(struct tnum a, struct tnum b)
{
	struct tnum acc_v = tnum_const(a.value * b.value), acc_m = tnum_const(0);

	while (a.value || a.mask) {
		if (a.value & 1)
			acc_m = tnum_add(acc_m, (struct tnum){0, b.mask});
		else if (a.mask & 1)
			acc_m = tnum_add(acc_m, (struct tnum){0, b.value | b.mask});
		a = tnum_rshift(a, 1);
		b = tnum_lshift(b, 1);
	}
	return tnum_add(acc_v, acc_m);
}

struct tnum tnum_lshift(struct tnum a, unsigned shift)
{
	shift &= 63;
	return (struct tnum){a.value << shift, a.mask << shift};
}

struct tnum tnum_rshift(struct tnum a, unsigned shift)
{
	shift &= 63;
	return (struct tnum){a.value >> shift, a.mask >> shift};
}

struct tnum tnum_arshift(struct tnum a, unsigned shift, unsigned bits)
{
	if (bits == 32)
		return (struct tnum){(uint32_t)((int32_t)a.value >> (shift & 31)),
				     (uint32_t)((int32_t)a.mask >> (shift & 31))};
	return (struct tnum){(uint64_t)((int64_t)a.value >> (shift & 63)),
			     (uint64_t)((int64_t)a.mask >> (shift & 63))};
}

struct tnum tnum_intersect(struct tnum a, struct tnum b)
{
	uint64_t v = a.value | b.value, mu = a.mask & b.mask;

	return (struct tnum){v & ~mu, mu};
}

struct tnum tnum_cast(struct tnum a, unsigned bytes)
{
	uint64_t keep = bytes >= 8 ? UINT64_MAX : (1ULL << (bytes * 8)) - 1;

	return (struct tnum){a.value & keep, a.mask & keep};
}

bool tnum_in(struct tnum a, struct tnum b)
{
	if (b.mask & ~a.mask)
		return false;
	b.value &= ~a.mask;
	return a.value == b.value;
}

bool tnum_is_const(struct tnum a)
{
	return !a.mask;
}

bool tnum_is_unknown(struct tnum a)
{
	return a.mask == UINT64_MAX;
}

struct tnum tnum_subreg(struct tnum a)
{
	return tnum_cast(a, 4);
}

struct tnum tnum_clear_subreg(struct tnum a)
{
	return tnum_lshift(tnum_rshift(a, 32), 32);
}

struct tnum tnum_with_subreg(struct tnum reg, struct tnum subreg)
{
	return tnum_or(tnum_clear_subreg(reg), tnum_subreg(subreg));
}

int tnum_sprint(char *buf, unsigned long len, struct tnum a)
{
	/* the kernel's vsnprintf prints 0 with '#' as 0x0, unlike glibc's */
	return snprintf(buf, len, "(0x%llx; 0x%llx)", (unsigned long long)a.value,
			(unsigned long long)a.mask);
}
