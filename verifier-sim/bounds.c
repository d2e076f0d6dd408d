/* SPDX-License-Identifier: MIT */
/*
 * bounds.c - scalar value tracking: the kernel's bounds sync, ALU transfer functions and
 * branch refinement over a tnum plus s64/u64/s32/u32 ranges.
 *
 * A 64-bit ALU op computes the 64-bit range from the 64-bit ranges and, independently, the
 * 32-bit range from the 32-bit ranges (so "r1 += 1" keeps a bounded low half when the
 * high half is unknown); a 32-bit op computes only the 32-bit range and zero-extends. After
 * every change vs_reg_sync() lets the five views (tnum, s64, u64, s32, u32) tighten each
 * other, as the kernel's reg_bounds_sync() does. Every range operation that could overflow
 * gives up (the full range) instead of wrapping.
 */
#include "bounds.h"

#include <string.h>

#define S64_MIN INT64_MIN
#define S64_MAX INT64_MAX
#define S32_MIN INT32_MIN
#define S32_MAX INT32_MAX

static inline int64_t smax64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}
static inline int64_t smin64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}
static inline uint64_t umax64(uint64_t a, uint64_t b)
{
	return a > b ? a : b;
}
static inline uint64_t umin64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

void vs_reg_unbound(struct vs_reg *r)
{
	r->smin = S64_MIN;
	r->smax = S64_MAX;
	r->umin = 0;
	r->umax = UINT64_MAX;
	r->s32min = S32_MIN;
	r->s32max = S32_MAX;
	r->u32min = 0;
	r->u32max = UINT32_MAX;
}

void vs_reg_unknown(struct vs_reg *r)
{
	memset(r, 0, sizeof(*r));
	r->type = VS_SCALAR;
	r->var = TNUM_UNKNOWN;
	vs_reg_unbound(r);
}

void vs_reg_const(struct vs_reg *r, uint64_t v)
{
	memset(r, 0, sizeof(*r));
	r->type = VS_SCALAR;
	vs_reg_known(r, v);
}

void vs_reg_known(struct vs_reg *r, uint64_t v)
{
	r->var = tnum_const(v);
	r->smin = r->smax = (int64_t)v;
	r->umin = r->umax = v;
	r->s32min = r->s32max = (int32_t)v;
	r->u32min = r->u32max = (uint32_t)v;
}

static void update32(struct vs_reg *r)
{
	struct tnum v = tnum_subreg(r->var);

	r->s32min =
		(int32_t)smax64(r->s32min, (int32_t)(uint32_t)(v.value | (v.mask & 0x80000000u)));
	r->s32max =
		(int32_t)smin64(r->s32max, (int32_t)(uint32_t)(v.value | (v.mask & 0x7fffffffu)));
	r->u32min = (uint32_t)umax64(r->u32min, (uint32_t)v.value);
	r->u32max = (uint32_t)umin64(r->u32max, (uint32_t)(v.value | v.mask));
}

static void update64(struct vs_reg *r)
{
	r->smin = smax64(r->smin, (int64_t)(r->var.value | (r->var.mask & (1ULL << 63))));
	r->smax = smin64(r->smax, (int64_t)(r->var.value | (r->var.mask & ~(1ULL << 63))));
	r->umin = umax64(r->umin, r->var.value);
	r->umax = umin64(r->umax, r->var.value | r->var.mask);
}

static void deduce32(struct vs_reg *r)
{
	/* The 64-bit range fixes the low half when the high half is one value. */
	if ((r->umin >> 32) == (r->umax >> 32)) {
		r->u32min = (uint32_t)umax64(r->u32min, (uint32_t)r->umin);
		r->u32max = (uint32_t)umin64(r->u32max, (uint32_t)r->umax);
		if ((int32_t)r->umin <= (int32_t)r->umax) {
			r->s32min = (int32_t)smax64(r->s32min, (int32_t)r->umin);
			r->s32max = (int32_t)smin64(r->s32max, (int32_t)r->umax);
		}
	}
	if (((uint64_t)r->smin >> 32) == ((uint64_t)r->smax >> 32)) {
		if ((uint32_t)r->smin <= (uint32_t)r->smax) {
			r->u32min = (uint32_t)umax64(r->u32min, (uint32_t)r->smin);
			r->u32max = (uint32_t)umin64(r->u32max, (uint32_t)r->smax);
		}
		if ((int32_t)r->smin <= (int32_t)r->smax) {
			r->s32min = (int32_t)smax64(r->s32min, (int32_t)r->smin);
			r->s32max = (int32_t)smin64(r->s32max, (int32_t)r->smax);
		}
	}
	/* Signed and unsigned 32-bit ranges agree when neither crosses its wrap point. */
	if ((int32_t)r->u32min <= (int32_t)r->u32max) {
		r->s32min = (int32_t)smax64(r->s32min, (int32_t)r->u32min);
		r->s32max = (int32_t)smin64(r->s32max, (int32_t)r->u32max);
	}
	if ((uint32_t)r->s32min <= (uint32_t)r->s32max) {
		r->u32min = (uint32_t)umax64(r->u32min, (uint32_t)r->s32min);
		r->u32max = (uint32_t)umin64(r->u32max, (uint32_t)r->s32max);
	}
}

static void deduce64(struct vs_reg *r)
{
	if ((int64_t)r->umin <= (int64_t)r->umax) {
		r->smin = smax64(r->smin, (int64_t)r->umin);
		r->smax = smin64(r->smax, (int64_t)r->umax);
	}
	if ((uint64_t)r->smin <= (uint64_t)r->smax) {
		r->umin = umax64(r->umin, (uint64_t)r->smin);
		r->umax = umin64(r->umax, (uint64_t)r->smax);
	}
}

static void deduce_mixed(struct vs_reg *r)
{
	/* The low half's range tightens the 64-bit range inside one 4 GiB block. */
	uint64_t nmin = (r->umin & ~0xffffffffULL) | r->u32min;
	uint64_t nmax = (r->umax & ~0xffffffffULL) | r->u32max;
	int64_t snmin, snmax;

	if ((r->umin >> 32) == (r->umax >> 32)) {
		r->umin = umax64(r->umin, nmin);
		r->umax = umin64(r->umax, nmax);
	}
	snmin = (int64_t)(((uint64_t)r->smin & ~0xffffffffULL) | r->u32min);
	snmax = (int64_t)(((uint64_t)r->smax & ~0xffffffffULL) | r->u32max);
	if (((uint64_t)r->smin >> 32) == ((uint64_t)r->smax >> 32)) {
		r->smin = smax64(r->smin, snmin);
		r->smax = smin64(r->smax, snmax);
	}
	/* A non-negative 32-bit value sign-extended: s64 inside [s32min, s32max]. */
	if (r->s32min >= 0 && r->smin >= S32_MIN && r->smax <= S32_MAX) {
		r->smin = smax64(r->smin, r->s32min);
		r->smax = smin64(r->smax, r->s32max);
		r->umin = umax64(r->umin, (uint64_t)r->s32min);
		r->umax = umin64(r->umax, (uint64_t)r->s32max);
	}
}

static void bound_offset(struct vs_reg *r)
{
	struct tnum v64 = tnum_intersect(r->var, tnum_range(r->umin, r->umax));
	struct tnum v32 = tnum_intersect(tnum_subreg(r->var), tnum_range(r->u32min, r->u32max));

	r->var = tnum_or(tnum_clear_subreg(v64), v32);
}

void vs_reg_sync(struct vs_reg *r)
{
	update32(r);
	update64(r);
	for (int i = 0; i < 2; i++) {
		deduce32(r);
		deduce64(r);
		deduce_mixed(r);
	}
	bound_offset(r);
	update32(r);
	update64(r);
}

int vs_reg_sane(const struct vs_reg *r)
{
	if (r->type != VS_SCALAR && r->type != VS_PKT && r->type != VS_MAP_VALUE &&
	    r->type != VS_PKT_META && r->type != VS_STACK && r->type != VS_MEM &&
	    r->type != VS_RINGBUF_MEM && r->type != VS_CTX)
		return 1;
	if (r->smin > r->smax || r->umin > r->umax || r->s32min > r->s32max ||
	    r->u32min > r->u32max)
		return 0;
	if (r->var.value & r->var.mask)
		return 0;
	/* The tnum must hold a value of the unsigned range. */
	if ((r->var.value | r->var.mask) < r->umin || r->var.value > r->umax)
		return 0;
	return 1;
}

void vs_reg_zext32(struct vs_reg *r)
{
	r->var = tnum_subreg(r->var);
	r->umin = r->u32min;
	r->umax = r->u32max;
	r->smin = r->u32min;
	r->smax = r->u32max;
	/* the s32 range may wrap; u32 decides the 64-bit value */
}

/* ---- ALU ---- */

/* A range pair of one width (64 or 32; 32-bit values held sign/zero-extended). */
struct rng {
	int64_t smin, smax;
	uint64_t umin, umax;
};

static struct rng rng_get(const struct vs_reg *r, int bits)
{
	if (bits == 64)
		return (struct rng){r->smin, r->smax, r->umin, r->umax};
	return (struct rng){r->s32min, r->s32max, r->u32min, r->u32max};
}

static void rng_unbound(struct rng *d, int bits)
{
	if (bits == 64) {
		*d = (struct rng){S64_MIN, S64_MAX, 0, UINT64_MAX};
	} else {
		*d = (struct rng){S32_MIN, S32_MAX, 0, UINT32_MAX};
	}
}

static void rng_put(struct vs_reg *r, const struct rng *g, int bits)
{
	if (bits == 64) {
		r->smin = g->smin;
		r->smax = g->smax;
		r->umin = g->umin;
		r->umax = g->umax;
	} else {
		r->s32min = (int32_t)g->smin;
		r->s32max = (int32_t)g->smax;
		r->u32min = (uint32_t)g->umin;
		r->u32max = (uint32_t)g->umax;
	}
}

static int s_fits(int64_t v, int bits)
{
	return bits == 64 || (v >= S32_MIN && v <= S32_MAX);
}
static int u_fits(uint64_t v, int bits)
{
	return bits == 64 || v <= UINT32_MAX;
}

static void rng_add(struct rng *d, const struct rng *s, int bits)
{
	int64_t a, b;
	uint64_t c, e;
	int so = (int)__builtin_add_overflow(d->smin, s->smin, &a) +
		 (int)__builtin_add_overflow(d->smax, s->smax, &b);
	int uo = (int)__builtin_add_overflow(d->umin, s->umin, &c) +
		 (int)__builtin_add_overflow(d->umax, s->umax, &e);
	struct rng u;

	rng_unbound(&u, bits);
	if (!so && s_fits(a, bits) && s_fits(b, bits)) {
		d->smin = a;
		d->smax = b;
	} else {
		d->smin = u.smin;
		d->smax = u.smax;
	}
	if (!uo && u_fits(c, bits) && u_fits(e, bits)) {
		d->umin = c;
		d->umax = e;
	} else {
		d->umin = u.umin;
		d->umax = u.umax;
	}
}

static void rng_sub(struct rng *d, const struct rng *s, int bits)
{
	int64_t a, b;
	struct rng u;
	int so = (int)__builtin_sub_overflow(d->smin, s->smax, &a) +
		 (int)__builtin_sub_overflow(d->smax, s->smin, &b);

	rng_unbound(&u, bits);
	if (!so && s_fits(a, bits) && s_fits(b, bits)) {
		d->smin = a;
		d->smax = b;
	} else {
		d->smin = u.smin;
		d->smax = u.smax;
	}
	if (d->umin < s->umax) {
		d->umin = u.umin;
		d->umax = u.umax;
	} else {
		d->umin -= s->umax;
		d->umax -= s->umin;
	}
}

static void rng_mul(struct rng *d, const struct rng *s, int bits)
{
	struct rng u;
	uint64_t a, b;
	int64_t p[4];
	int o = 0;

	rng_unbound(&u, bits);
	if (__builtin_mul_overflow(d->umin, s->umin, &a) ||
	    __builtin_mul_overflow(d->umax, s->umax, &b) || !u_fits(b, bits)) {
		d->umin = u.umin;
		d->umax = u.umax;
	} else {
		d->umin = a;
		d->umax = b;
	}
	o |= __builtin_mul_overflow(d->smin, s->smin, &p[0]);
	o |= __builtin_mul_overflow(d->smin, s->smax, &p[1]);
	o |= __builtin_mul_overflow(d->smax, s->smin, &p[2]);
	o |= __builtin_mul_overflow(d->smax, s->smax, &p[3]);
	if (o) {
		d->smin = u.smin;
		d->smax = u.smax;
		return;
	}
	d->smin = d->smax = p[0];
	for (int i = 1; i < 4; i++) {
		d->smin = smin64(d->smin, p[i]);
		d->smax = smax64(d->smax, p[i]);
	}
	if (!s_fits(d->smin, bits) || !s_fits(d->smax, bits)) {
		d->smin = u.smin;
		d->smax = u.smax;
	}
}

/* and/or/xor: the unsigned range from the tnum, the signed one only for non-negatives. */
static void rng_bitwise(struct rng *d, const struct rng *s, struct tnum res, int op, int bits)
{
	struct rng u;
	uint64_t lo = res.value, hi = res.value | res.mask;
	int nonneg = d->smin >= 0 && s->smin >= 0;

	rng_unbound(&u, bits);
	if (bits == 32) {
		lo = (uint32_t)lo;
		hi = (uint32_t)hi;
	}
	if (op == VS_OP_AND) {
		d->umin = lo;
		d->umax = umin64(d->umax, s->umax);
	} else if (op == VS_OP_OR) {
		d->umin = umax64(d->umin, s->umin);
		d->umax = hi;
	} else {
		d->umin = lo;
		d->umax = hi;
	}
	if (nonneg && (int64_t)d->umax >= 0 && s_fits((int64_t)d->umax, bits)) {
		d->smin = (int64_t)d->umin;
		d->smax = (int64_t)d->umax;
	} else {
		d->smin = u.smin;
		d->smax = u.smax;
	}
}

/*
 * vs_scalar_alu - dst = dst op src on scalars, @bits 64 or 32, as the kernel's
 * adjust_scalar_min_max_vals(). Shifts by a non-constant or out-of-range amount and
 * div/mod by non-constants give an unknown value.
 */
void vs_scalar_alu(struct vs_reg *dst, const struct vs_reg *src, int op, int bits)
{
	struct vs_reg r = *dst;
	struct tnum dv = bits == 64 ? dst->var : tnum_subreg(dst->var);
	struct tnum sv = bits == 64 ? src->var : tnum_subreg(src->var);
	int sconst = tnum_is_const(sv);
	uint64_t sval = sv.value;
	struct rng d64 = rng_get(dst, 64), s64 = rng_get(src, 64);
	struct rng d32 = rng_get(dst, 32), s32 = rng_get(src, 32);
	struct tnum res;

	r.id = 0;
	switch (op) {
	case VS_OP_ADD:
		res = tnum_add(dv, sv);
		if (bits == 64)
			rng_add(&d64, &s64, 64);
		rng_add(&d32, &s32, 32);
		break;
	case VS_OP_SUB:
		res = tnum_sub(dv, sv);
		if (bits == 64)
			rng_sub(&d64, &s64, 64);
		rng_sub(&d32, &s32, 32);
		break;
	case VS_OP_MUL:
		res = tnum_mul(dv, sv);
		if (bits == 64)
			rng_mul(&d64, &s64, 64);
		rng_mul(&d32, &s32, 32);
		break;
	case VS_OP_AND:
	case VS_OP_OR:
	case VS_OP_XOR:
		res = op == VS_OP_AND  ? tnum_and(dv, sv)
		      : op == VS_OP_OR ? tnum_or(dv, sv)
				       : tnum_xor(dv, sv);
		if (bits == 64)
			rng_bitwise(&d64, &s64, res, op, 64);
		rng_bitwise(&d32, &s32, tnum_subreg(res), op, 32);
		break;
	case VS_OP_LSH:
	case VS_OP_RSH:
	case VS_OP_ARSH:
		if (!sconst || sval >= (uint64_t)bits) {
			vs_reg_unknown(dst);
			if (bits == 32)
				vs_reg_zext32(dst), vs_reg_sync(dst);
			return;
		}
		if (op == VS_OP_LSH)
			res = tnum_lshift(dv, (unsigned)sval);
		else if (op == VS_OP_RSH)
			res = tnum_rshift(dv, (unsigned)sval);
		else
			res = tnum_arshift(dv, (unsigned)sval, (unsigned)bits);
		rng_unbound(&d64, 64);
		rng_unbound(&d32, 32);
		if (op == VS_OP_ARSH && bits == 64) {
			d64.smin = dst->smin >> sval;
			d64.smax = dst->smax >> sval;
		} else if (op == VS_OP_ARSH) {
			d32.smin = dst->s32min >> sval;
			d32.smax = dst->s32max >> sval;
		} else if (op == VS_OP_RSH && bits == 64) {
			d64.umin = dst->umin >> sval;
			d64.umax = dst->umax >> sval;
		} else if (op == VS_OP_RSH) {
			d32.umin = dst->u32min >> sval;
			d32.umax = dst->u32max >> sval;
		} else if (bits == 64) {
			if (!(dst->umax >> (63 - sval) >> 1)) {
				d64.umin = dst->umin << sval;
				d64.umax = dst->umax << sval;
			}
		} else if (!((uint64_t)dst->u32max << sval >> 32)) {
			d32.umin = (uint64_t)dst->u32min << sval;
			d32.umax = (uint64_t)dst->u32max << sval;
		}
		break;
	default: /* div, mod, and anything else: unknown */
		vs_reg_unknown(dst);
		if (bits == 32) {
			vs_reg_zext32(dst);
			vs_reg_sync(dst);
		}
		return;
	}
	if (bits == 64) {
		r.var = res;
		rng_put(&r, &d64, 64);
		rng_put(&r, &d32, 32);
	} else {
		r.var = tnum_subreg(res);
		rng_put(&r, &d32, 32);
		vs_reg_zext32(&r);
	}
	vs_reg_sync(&r);
	*dst = r;
}

/* ---- branches ---- */

/*
 * vs_branch_taken - for "if a op b" on scalars (@bits 64 or 32): 1 always taken, 0 never,
 * -1 unknown. As the kernel's is_scalar_branch_taken().
 */
int vs_branch_taken(const struct vs_reg *a, const struct vs_reg *b, int op, int bits)
{
	struct tnum ta = bits == 64 ? a->var : tnum_subreg(a->var);
	struct tnum tb = bits == 64 ? b->var : tnum_subreg(b->var);
	struct rng x = rng_get(a, bits), y = rng_get(b, bits);

	switch (op) {
	case VS_JEQ:
		if (tnum_is_const(ta) && tnum_is_const(tb))
			return ta.value == tb.value;
		if (x.umin > y.umax || x.umax < y.umin || x.smin > y.smax || x.smax < y.smin)
			return 0;
		if ((ta.value ^ tb.value) & ~(ta.mask | tb.mask))
			return 0;
		return -1;
	case VS_JNE: {
		int r = vs_branch_taken(a, b, VS_JEQ, bits);
		return r < 0 ? -1 : !r;
	}
	case VS_JSET:
		if (ta.value & tb.value)
			return 1;
		if (!((ta.value | ta.mask) & (tb.value | tb.mask)))
			return 0;
		return -1;
	case VS_JGT:
		if (x.umin > y.umax)
			return 1;
		if (x.umax <= y.umin)
			return 0;
		return -1;
	case VS_JGE:
		if (x.umin >= y.umax)
			return 1;
		if (x.umax < y.umin)
			return 0;
		return -1;
	case VS_JLT:
		if (x.umax < y.umin)
			return 1;
		if (x.umin >= y.umax)
			return 0;
		return -1;
	case VS_JLE:
		if (x.umax <= y.umin)
			return 1;
		if (x.umin > y.umax)
			return 0;
		return -1;
	case VS_JSGT:
		if (x.smin > y.smax)
			return 1;
		if (x.smax <= y.smin)
			return 0;
		return -1;
	case VS_JSGE:
		if (x.smin >= y.smax)
			return 1;
		if (x.smax < y.smin)
			return 0;
		return -1;
	case VS_JSLT:
		if (x.smax < y.smin)
			return 1;
		if (x.smin >= y.smax)
			return 0;
		return -1;
	case VS_JSLE:
		if (x.smax <= y.smin)
			return 1;
		if (x.smin > y.smax)
			return 0;
		return -1;
	}
	return -1;
}

/* The condition that holds on the other branch. */
int vs_branch_negate(int op)
{
	switch (op) {
	case VS_JEQ:
		return VS_JNE;
	case VS_JNE:
		return VS_JEQ;
	case VS_JGT:
		return VS_JLE;
	case VS_JGE:
		return VS_JLT;
	case VS_JLT:
		return VS_JGE;
	case VS_JLE:
		return VS_JGT;
	case VS_JSGT:
		return VS_JSLE;
	case VS_JSGE:
		return VS_JSLT;
	case VS_JSLT:
		return VS_JSGE;
	case VS_JSLE:
		return VS_JSGT;
	case VS_JSET:
		return VS_JNSET;
	case VS_JNSET:
		return VS_JSET;
	}
	return op;
}

/* The condition with operands swapped: a < b is b > a. */
static int flip(int op)
{
	switch (op) {
	case VS_JGT:
		return VS_JLT;
	case VS_JGE:
		return VS_JLE;
	case VS_JLT:
		return VS_JGT;
	case VS_JLE:
		return VS_JGE;
	case VS_JSGT:
		return VS_JSLT;
	case VS_JSGE:
		return VS_JSLE;
	case VS_JSLT:
		return VS_JSGT;
	case VS_JSLE:
		return VS_JSGE;
	}
	return op;
}

static void refine(struct rng *x, struct rng *y, int op, int bits)
{
	struct rng u;

	rng_unbound(&u, bits);
	switch (op) {
	case VS_JEQ:
		x->umin = y->umin = umax64(x->umin, y->umin);
		x->umax = y->umax = umin64(x->umax, y->umax);
		x->smin = y->smin = smax64(x->smin, y->smin);
		x->smax = y->smax = smin64(x->smax, y->smax);
		break;
	case VS_JNE:
		/* only a constant on one side at a range end helps */
		if (y->umin == y->umax) {
			if (x->umin == y->umin)
				x->umin++;
			else if (x->umax == y->umin)
				x->umax--;
			if (x->smin == (int64_t)y->umin && x->smin < u.smax)
				x->smin++;
			else if (x->smax == (int64_t)y->umin && x->smax > u.smin)
				x->smax--;
		}
		if (x->umin == x->umax) {
			if (y->umin == x->umin)
				y->umin++;
			else if (y->umax == x->umin)
				y->umax--;
			if (y->smin == (int64_t)x->umin && y->smin < u.smax)
				y->smin++;
			else if (y->smax == (int64_t)x->umin && y->smax > u.smin)
				y->smax--;
		}
		break;
	case VS_JLE:
		x->umax = umin64(x->umax, y->umax);
		y->umin = umax64(y->umin, x->umin);
		break;
	case VS_JLT:
		if (y->umax == 0 || x->umin == u.umax) {
			x->umin = 1, x->umax = 0; /* impossible */
			break;
		}
		x->umax = umin64(x->umax, y->umax - 1);
		y->umin = umax64(y->umin, x->umin + 1);
		break;
	case VS_JSLE:
		x->smax = smin64(x->smax, y->smax);
		y->smin = smax64(y->smin, x->smin);
		break;
	case VS_JSLT:
		if (y->smax == u.smin || x->smin == u.smax) {
			x->smin = 1, x->smax = 0;
			break;
		}
		x->smax = smin64(x->smax, y->smax - 1);
		y->smin = smax64(y->smin, x->smin + 1);
		break;
	case VS_JGE:
	case VS_JGT:
	case VS_JSGE:
	case VS_JSGT:
		refine(y, x, flip(op), bits);
		break;
	}
}

static void put_rng_checked(struct vs_reg *r, const struct rng *g, int bits)
{
	if (bits == 64) {
		rng_put(r, g, 64);
	} else {
		/* 32-bit bounds live in 32-bit fields: an "impossible" range must stay so. */
		if (g->smin > g->smax || g->umin > g->umax) {
			r->s32min = 1, r->s32max = 0;
			return;
		}
		rng_put(r, g, 32);
	}
}

/*
 * vs_branch_refine - make a and b satisfy "a op b" (@bits wide), as the kernel's
 * regs_refine_cond_op(). Returns 0, or -1 when no value satisfies it (a dead branch).
 */
int vs_branch_refine(struct vs_reg *a, struct vs_reg *b, int op, int bits)
{
	struct rng x = rng_get(a, bits), y = rng_get(b, bits);

	if (op == VS_JSET || op == VS_JNSET) {
		struct tnum tb = bits == 64 ? b->var : tnum_subreg(b->var);

		if (!tnum_is_const(tb))
			return 0;
		if (op == VS_JSET) {
			if (tb.value && !(tb.value & (tb.value - 1)))
				a->var = tnum_or(a->var, tnum_const(tb.value));
		} else {
			a->var = tnum_and(a->var, tnum_const(~tb.value));
		}
		vs_reg_sync(a);
		return vs_reg_sane(a) ? 0 : -1;
	}
	if (op == VS_JEQ) {
		struct tnum t;

		if (bits == 64) {
			t = tnum_intersect(a->var, b->var);
			if ((a->var.value ^ b->var.value) & ~(a->var.mask | b->var.mask))
				return -1;
			a->var = b->var = t;
		} else {
			struct tnum sa = tnum_subreg(a->var), sb = tnum_subreg(b->var);

			if ((sa.value ^ sb.value) & ~(sa.mask | sb.mask))
				return -1;
			t = tnum_intersect(sa, sb);
			a->var = tnum_with_subreg(a->var, t);
			b->var = tnum_with_subreg(b->var, t);
		}
	}
	refine(&x, &y, op, bits);
	put_rng_checked(a, &x, bits);
	put_rng_checked(b, &y, bits);
	if (x.smin > x.smax || x.umin > x.umax || y.smin > y.smax || y.umin > y.umax)
		return -1;
	vs_reg_sync(a);
	vs_reg_sync(b);
	if (!vs_reg_sane(a) || !vs_reg_sane(b))
		return -1;
	return 0;
}
