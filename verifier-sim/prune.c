/* SPDX-License-Identifier: MIT */
/*
 * prune.c - register liveness and precision backtracking for state pruning (see prune.h for
 * the model and its invariant).
 *
 * Backtracking rules, instruction by instruction, newest first (the kernel's
 * backtrack_insn()); "followed" means in the struct vs_bt set:
 *   rD = rS, rD = K, lddw rD    rD's value is made here: stop following rD, follow rS
 *   rD op= rS, rD op= K         rD's value came from rD and rS: follow both
 *   rD = *(rS + off)            a fill of a spilled register: follow that slot instead;
 *                               any other load makes a value of its own (stop)
 *   *(rD + off) = rS / K        a spill into a followed slot: follow rS instead (or stop)
 *   if rD op rS / K             both sides, and every scalar linked to them, together
 *   helper call                 R0 is made here; R1-R5 cannot be followed past it
 *   call / exit of a function   R1-R5 pass from the callee to the caller, R0 back
 * Anything else that meets a followed value (atomics, a callback's call or return, a base
 * register that is followed) gives up: every scalar on the path becomes precise, which is
 * what pruning without precision tracking did.
 */
#include "prune.h"

#include <errno.h>
#include <string.h>

#include "../common/mem.h"

#define R(i)	 ((uint16_t)(1u << (i)))
#define R0_R5	 0x3f
#define R1_R5	 0x3e
#define ALL_REGS 0x7ff

/* ---- liveness ---- */

/* The argument registers a call reads: a helper's, as its prototype says (the checks read
 * no others); R1-R5 for anything else. */
static uint16_t call_args(const struct isa_insn *x)
{
	const struct isa_helper *h = x->src == 0 ? isa_helper_by_id(x->imm) : NULL;
	uint16_t use = 0;

	if (!h)
		return R1_R5;
	for (int a = 0; a < 5; a++)
		if (h->args[a] != ISA_ARG_DONTCARE)
			use |= R(a + 1);
	return use;
}

/* What instruction @x reads and what it surely writes. */
static void use_def(const struct isa_insn *x, uint16_t *use, uint16_t *def)
{
	int cls = ISA_CLASS(x->code), op = ISA_OPC(x->code), srcx = ISA_SRC_X(x->code);

	*use = R(10);
	*def = 0;
	switch (cls) {
	case ISA_CLASS_ALU:
	case ISA_CLASS_ALU64:
		if (op == 0xb0) { /* mov */
			*use |= srcx ? R(x->src & 15) : 0;
		} else {
			*use |= R(x->dst & 15);
			if (srcx && op != 0x80 && op != 0xd0) /* not neg, not bswap */
				*use |= R(x->src & 15);
		}
		*def = R(x->dst & 15);
		break;
	case ISA_CLASS_LDX:
		*use |= R(x->src & 15);
		*def = R(x->dst & 15);
		break;
	case ISA_CLASS_ST:
		*use |= R(x->dst & 15);
		break;
	case ISA_CLASS_STX:
		*use |= R(x->dst & 15) | R(x->src & 15) | R(0); /* R0: cmpxchg */
		break;
	case ISA_CLASS_LD:
		if (x->code == 0x18) {
			*def = R(x->dst & 15);
		} else { /* legacy packet loads: R6 is the context, R0-R5 are clobbered */
			*use |= R(6) | R(x->src & 15);
			*def = R0_R5;
		}
		break;
	default: /* JMP, JMP32 */
		if (x->code == 0x85) {
			*use |= call_args(x);
			*def = R0_R5;
		} else if (x->code == 0x95) {
			*use |= R(0);
		} else if (x->code == 0x05 || x->code == 0x06) {
			/* ja, gotol */
		} else if (op == 0x80 || op == 0x90) { /* callx and anything odd */
			*use = ALL_REGS;
		} else {
			*use |= R(x->dst & 15) | (srcx ? R(x->src & 15) : 0);
		}
	}
}

/* Successors of slot @i: up to two, -1 for none. */
static void succ(const struct isa_insn *x, size_t i, int64_t s[2])
{
	int cls = ISA_CLASS(x->code);

	s[0] = (int64_t)i + 1;
	s[1] = -1;
	if (x->code == 0x18)
		s[0] = (int64_t)i + 2;
	if (cls != ISA_CLASS_JMP && cls != ISA_CLASS_JMP32)
		return;
	if (x->code == 0x95)
		s[0] = -1;
	else if (x->code == 0x05)
		s[0] = (int64_t)i + 1 + x->off;
	else if (x->code == 0x06)
		s[0] = (int64_t)i + 1 + x->imm;
	else if (x->code != 0x85 && x->code != 0x8d)
		s[1] = (int64_t)i + 1 + x->off;
}

int vs_live_compute(const struct isa_insn *in, size_t n, uint16_t *live)
{
	uint16_t *use = mem_alloc(n * sizeof(*use) + 1), *def = mem_alloc(n * sizeof(*def) + 1);
	int changed = 1;

	if (!use || !def) {
		mem_free(use);
		mem_free(def);
		return -ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		use_def(&in[i], &use[i], &def[i]);
		live[i] = use[i];
	}
	while (changed) {
		changed = 0;
		for (size_t i = n; i-- > 0;) {
			int64_t s[2];
			uint16_t out = 0, v;

			succ(&in[i], i, s);
			for (int k = 0; k < 2; k++)
				if (s[k] >= 0 && (size_t)s[k] < n)
					out |= live[s[k]];
			v = use[i] | (out & (uint16_t)~def[i]);
			if (v != live[i]) {
				live[i] = v;
				changed = 1;
			}
		}
	}
	mem_free(use);
	mem_free(def);
	return 0;
}

/* ---- precision ---- */

/* Follow all of @l when any of it is followed. */
static void bt_sync(struct vs_bt *bt, const struct vs_bt *l)
{
	int hit = 0;

	for (int f = 0; f < VS_MAX_FRAMES; f++)
		hit |= (bt->regs[f] & l->regs[f]) || (bt->slots[f] & l->slots[f]);
	if (!hit)
		return;
	for (int f = 0; f < VS_MAX_FRAMES; f++) {
		bt->regs[f] |= l->regs[f];
		bt->slots[f] |= l->slots[f];
	}
}

/* Frames above @f hold nothing followed (they do not exist before @f's instruction). */
static int bt_above_empty(const struct vs_bt *bt, int f)
{
	for (int k = f + 1; k < VS_MAX_FRAMES; k++)
		if (bt->regs[k] || bt->slots[k])
			return 0;
	return 1;
}

static int bt_empty(const struct vs_bt *bt)
{
	return bt_above_empty(bt, -1);
}

/* A call or an exit: what passes between frame @f and the callee frame @f + 1. 0, or -1 to
 * give up. */
static int bt_call(const struct isa_insn *x, const struct vs_hist *h, struct vs_bt *bt)
{
	int f = h->frame;
	uint16_t *caller = &bt->regs[f];

	if (x->code == 0x95) {
		/* a function's exit in frame f: the caller (f - 1) gets R0, loses R1-R5 */
		if (f == 0 || (h->flags & VS_HIST_OPAQUE) || !bt_above_empty(bt, f))
			return -1;
		caller = &bt->regs[f - 1];
		if (*caller & R1_R5)
			return -1;
		if (*caller & R(0))
			bt->regs[f] |= R(0);
		*caller &= (uint16_t)~R(0);
		return 0;
	}
	if (h->flags & VS_HIST_OPAQUE)
		return -1;
	if (x->src == ISA_PSEUDO_CALL) {
		/* the callee's R1-R5 are the caller's; nothing else of it exists yet */
		if (f + 1 >= VS_MAX_FRAMES || !bt_above_empty(bt, f + 1) ||
		    (bt->regs[f + 1] & (uint16_t)~R1_R5) || bt->slots[f + 1])
			return -1;
		*caller |= bt->regs[f + 1];
		bt->regs[f + 1] = 0;
		return 0;
	}
	/* a helper makes R0 and clobbers R1-R5 */
	if ((*caller & R1_R5) || !bt_above_empty(bt, f))
		return -1;
	*caller &= (uint16_t)~R(0);
	return 0;
}

/* One instruction, backwards. 0, or -1 to give up. */
static int bt_insn(const struct isa_insn *in, const struct vs_links *links, const struct vs_hist *h,
		   struct vs_bt *bt)
{
	const struct isa_insn *x = &in[h->insn];
	int cls = ISA_CLASS(x->code), op = ISA_OPC(x->code), srcx = ISA_SRC_X(x->code);
	uint16_t *regs = &bt->regs[h->frame], dst = R(x->dst & 15), src = R(x->src & 15);
	uint64_t slot = h->sframe >= 0 ? 1ull << h->spi : 0;
	uint64_t *slots = h->sframe >= 0 ? &bt->slots[h->sframe] : NULL;

	if (h->frame >= VS_MAX_FRAMES)
		return -1;
	switch (cls) {
	case ISA_CLASS_ALU:
	case ISA_CLASS_ALU64:
		if (!(*regs & dst))
			return 0;
		if (op == 0xb0) {
			*regs &= (uint16_t)~dst;
			*regs |= srcx ? src : 0;
		} else if (srcx && op != 0x80 && op != 0xd0) {
			*regs |= src;
		}
		return 0;
	case ISA_CLASS_LDX:
		if (!(*regs & dst))
			return 0;
		*regs &= (uint16_t)~dst;
		if (slots)
			*slots |= slot;
		return 0;
	case ISA_CLASS_ST:
	case ISA_CLASS_STX:
		if (*regs & dst) /* a followed scalar as an address: pointer subtraction */
			return -1;
		if (cls == ISA_CLASS_STX && ISA_MODE(x->code) == 0xc0)
			return (*regs & (src | R(0))) || (slots && (*slots & slot)) ? -1 : 0;
		if (!slots || !(*slots & slot))
			return 0;
		*slots &= ~slot;
		*regs |= cls == ISA_CLASS_STX ? src : 0;
		return 0;
	case ISA_CLASS_LD:
		if (x->code == 0x18) {
			*regs &= (uint16_t)~dst;
			return 0;
		}
		if (*regs & R1_R5)
			return -1;
		*regs &= (uint16_t)~R(0);
		return 0;
	}
	/* JMP, JMP32 */
	if (x->code == 0x85 || x->code == 0x95)
		return bt_call(x, h, bt);
	if (x->code == 0x05 || x->code == 0x06)
		return 0;
	if (h->flags & VS_HIST_OPAQUE)
		return -1;
	if (h->link && h->link <= links->n)
		bt_sync(bt, &links->set[h->link - 1]);
	if (srcx && (*regs & (dst | src)))
		*regs |= dst | src;
	if (h->link && h->link <= links->n)
		bt_sync(bt, &links->set[h->link - 1]);
	return 0;
}

/* Mark what @bt follows in checkpoint @st; drop what is not a scalar there or is already
 * precise (its marks went up the chain when it was marked). 0, or -1 to give up. */
static int bt_mark_state(struct vs_state *st, struct vs_bt *bt)
{
	for (int f = 0; f < VS_MAX_FRAMES; f++) {
		struct vs_frame *fr;

		if (f > st->curframe) {
			if (bt->regs[f] || bt->slots[f])
				return -1;
			continue;
		}
		fr = st->frame[f];
		for (int i = 0; i < 11; i++) {
			struct vs_reg *r = &fr->regs[i];

			if (!(bt->regs[f] & R(i)))
				continue;
			if (r->type == VS_NOT_INIT)
				return -1;
			if (r->type != VS_SCALAR || r->precise)
				bt->regs[f] &= (uint16_t)~R(i);
			else
				r->precise = 1;
		}
		/* only the followed slots (most often none: the loop was most of the cost) */
		for (uint64_t m = bt->slots[f]; m; m &= m - 1) {
			int i = __builtin_ctzll(m);
			struct vs_slot *s = &fr->slots[i];

			if (i >= fr->nslots || s->type[0] != VS_SLOT_SPILL)
				return -1;
			if (s->spill.type != VS_SCALAR || s->spill.precise)
				bt->slots[f] &= ~(1ull << i);
			else
				s->spill.precise = 1;
		}
	}
	return 0;
}

void vs_mark_all_precise(struct vs_state *st)
{
	for (st = st->parent; st; st = st->parent)
		for (int f = 0; f <= st->curframe; f++) {
			struct vs_frame *fr = st->frame[f];

			for (int i = 0; i < 11; i++)
				if (fr->regs[i].type == VS_SCALAR)
					fr->regs[i].precise = 1;
			for (int i = 0; i < fr->nslots; i++)
				if (fr->slots[i].type[0] == VS_SLOT_SPILL &&
				    fr->slots[i].spill.type == VS_SCALAR)
					fr->slots[i].spill.precise = 1;
		}
}

int vs_bt_backtrack(const struct isa_insn *in, const struct vs_links *links, struct vs_state *st,
		    int skip_last, struct vs_bt *bt)
{
	struct vs_state *start = st;

	for (;;) {
		uint32_t i = st->nhist;

		if (st == start && skip_last && i)
			i--;
		while (i-- > 0) {
			if (bt_empty(bt))
				return 0;
			if (bt_insn(in, links, &st->hist[i], bt))
				goto give_up;
		}
		if (bt_empty(bt) || !st->parent)
			return 0;
		st = st->parent;
		if (bt_mark_state(st, bt))
			goto give_up;
	}
give_up:
	vs_mark_all_precise(start);
	return 1;
}
