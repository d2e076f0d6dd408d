/* SPDX-License-Identifier: MIT */
/*
 * verify.c - the verifier proper: CFG checks, then a depth-first walk of every path with
 * abstract state (state.h), checking each instruction as the kernel's do_check() does.
 *
 * Theory of operation (the kernel's, kernel/bpf/verifier.c):
 *  1. CFG: every instruction decodes, jumps land inside the program and not in the middle of
 *     an lddw, the last instruction is an exit or a jump, every instruction is reachable.
 *     Back-edges are fine for privileged loads (the walk proves the loop ends) and refused
 *     for unprivileged ones.
 *  2. The walk. One current state runs instruction by instruction; a conditional jump whose
 *     outcome the bounds do not decide pushes the other branch with a copy of the state.
 *     A path ends at the main function's exit, where the return value and the references
 *     are checked, or when it is pruned. Every 1,000,001st instruction processed is an error
 *     (the kernel's complexity limit).
 *  3. Pruning. At prune points (the kernel's: jump targets, conditional jumps, calls of
 *     functions, the instruction after every call) a copy of the state is kept as a
 *     checkpoint. A later state at the same instruction that is within a finished checkpoint
 *     is safe without going further: every register live there and every stack slot
 *     describes a subset of the values the checkpoint allowed, where a scalar counts only
 *     when it is precise, that is when some check after the checkpoint used its value
 *     (prune.h: liveness, and precision marked by backtracking from each such check,
 *     mark_precise). Pruning carries the checkpoint's precise scalars over to the pruned
 *     path's own checkpoints (propagate_precision). A state equal to an unfinished
 *     checkpoint on its own path is an infinite loop.
 *  4. Callbacks (push_callback). A helper that calls a function of the program (bpf_loop,
 *     bpf_for_each_map_elem, bpf_find_vma, bpf_user_ringbuf_drain) pushes the callback's
 *     first run as a branch: a new frame above the caller with the arguments the helper
 *     passes, checked at its exit for an R0 in [0, 1], after which the state goes back to
 *     the calling instruction and runs it again, as a loop would: the call is a forced
 *     checkpoint, and a state there that is within an earlier one on the same path means
 *     the iterations converged. bpf_loop stops pushing after as many runs as its count
 *     can be. bpf_timer_set_callback's callback is a state of its own (frame 0, R0 = 0).
 * Differences from the kernel: precision is not followed through a callback's call or
 * return (backtracking gives up there and every scalar of the path becomes precise) and
 * callbacks widen the scalars they change after CB_EXACT_RUNS runs instead of the imprecise
 * ones (widen_after_callback), so programs with callbacks process more instructions than the
 * kernel's; no stack-slot liveness (a dead slot still counts); no BTF (no kfuncs, no
 * global-function signatures, BTF pointers are opaque); no speculative-execution checks.
 * Measured against this kernel (tests/check_verifier): "N instructions processed" equals
 * the kernel's "processed N insns" for 393 of the corpus's 399 accepted programs; the six
 * others call bpf_loop or bpf_for_each_map_elem (up to 6 times the kernel's) or tail-call
 * from a subprogram (one fewer). Unprivileged loads count every scalar as precise, as the
 * kernel does.
 */
#include "vsim.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../common/mem.h"
#include "bounds.h"
#include "ctx.h"
#include "prune.h"

#define INSN_LIMIT     1000000
#define MAX_VAR_OFF    (1 << 29)
#define MAX_PACKET_OFF 0xffff

/* env.prune bits: a prune point; a call whose callback comes back to it (forced checkpoint) */
#define PRUNE_POINT    1
#define PRUNE_CALLBACK 2

/* Callback runs walked exactly (see widen_after_callback): the first CB_EXACT_RUNS of any
 * callback, every one of a bpf_loop whose count is at most LOOP_EXACT_ITERS */
#define CB_EXACT_RUNS	 16
#define LOOP_EXACT_ITERS 1024

struct slist {
	struct vs_state *st;
	struct slist *next;
	uint32_t hit, miss;
};

struct pending {
	struct vs_state *st;
	int insn, prev;
};

struct env {
	const struct vsim_prog *p;
	const struct vsim_opts *o;
	struct vsim_result *r;
	struct isa_insn *in;   /* decoded, per slot */
	uint8_t *prune;	       /* per slot: PRUNE_* */
	uint8_t *bad;	       /* per slot: 1 register above r10, 2 reserved fields set */
	int *depth;	       /* per function start slot: deepest stack byte used */
	uint8_t *async_cb;     /* per function start slot: an async callback (its own root) */
	int *subprog_of;       /* per slot: first slot of its function */
	struct slist **sl;     /* per slot: checkpoints */
	uint8_t *alu_state;    /* per slot: unprivileged pointer ALU masking (SAN_*), 0: none */
	uint32_t *alu_limit;   /* per slot: its mask's room, the same on every path */
	struct vs_state **all; /* every checkpoint, for freeing */
	size_t nall, allcap;
	struct pending *stack;
	size_t nstack, stackcap;
	struct vs_state *cur;
	uint32_t id_gen;
	uint64_t insn_processed, jmps_processed, prev_insn_processed, prev_jmps_processed;
	int insn, prev_insn;
	int failed;
	int nomem;
	uint32_t cur_states, peak_states;
	int64_t nr_cpus;       /* nr_cpu_ids of the target */
	uint16_t *live;	       /* per slot: registers live before it (prune.h) */
	int precision;	       /* track precision (privileged); else every scalar is precise */
	struct vs_links links; /* linked scalars of conditional jumps (vs_hist.link) */
};

static const char *const type_names[VS_TYPE_COUNT] = {
	[VS_NOT_INIT] = "?",
	[VS_SCALAR] = "scalar",
	[VS_CTX] = "ctx",
	[VS_STACK] = "fp",
	[VS_PKT] = "pkt",
	[VS_PKT_META] = "pkt_meta",
	[VS_PKT_END] = "pkt_end",
	[VS_MAP_PTR] = "map_ptr",
	[VS_MAP_VALUE] = "map_value",
	[VS_RINGBUF_MEM] = "ringbuf_mem",
	[VS_SOCK] = "sock",
	[VS_SOCK_COMMON] = "sock_common",
	[VS_TCP_SOCK] = "tcp_sock",
	[VS_MEM] = "mem",
	[VS_FUNC] = "func",
	[VS_BTF_ID] = "ptr_",
	[VS_MAP_KEY] = "map_key",
};

const char *vsim_reg_type_name(int type)
{
	return type >= 0 && type < VS_TYPE_COUNT ? type_names[type] : "?";
}

static const char *tname(const struct vs_reg *r)
{
	static char buf[4][48];
	static int k;
	char *b = buf[k++ & 3];

	snprintf(b, sizeof(buf[0]), "%s%s", vsim_reg_type_name(r->type),
		 r->maybe_null ? "_or_null" : "");
	return b;
}

static const char *const alu_str[16] = {"+=",  "-=", "*=", "/=", "|=",	 "&=",	   "<<=", ">>=",
					"neg", "%=", "^=", "=",	 "s>>=", "endian", "?",	  "?"};

/* A tnum as the kernel's log prints it: a constant as a number (hex above 512), else
 * "(value; mask)". The kernel's printf gives 0x0 for a zero with '#'. */
static const char *tn_str(char *b, size_t len, struct tnum t)
{
	if (tnum_is_const(t)) {
		if (t.value <= 512)
			snprintf(b, len, "%llu", (unsigned long long)t.value);
		else
			snprintf(b, len, "0x%llx", (unsigned long long)t.value);
	} else {
		snprintf(b, len, "(0x%llx; 0x%llx)", (unsigned long long)t.value,
			 (unsigned long long)t.mask);
	}
	return b;
}

/* ---- errors ---- */

static int verr(struct env *e, int insn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int verr(struct env *e, int insn, const char *fmt, ...)
{
	va_list ap;

	if (e->failed)
		return -EACCES;
	e->failed = 1;
	e->r->insn = insn;
	va_start(ap, fmt);
	vsnprintf(e->r->msg, sizeof(e->r->msg), fmt, ap);
	va_end(ap);
	if (e->o->log_level)
		buf_printf(&e->r->log, "%s\n", e->r->msg);
	return -EACCES;
}

static void vmsg2(struct env *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void vmsg2(struct env *e, const char *fmt, ...)
{
	va_list ap;

	memcpy(e->r->msg2, e->r->msg, sizeof(e->r->msg2));
	va_start(ap, fmt);
	vsnprintf(e->r->msg, sizeof(e->r->msg), fmt, ap);
	va_end(ap);
	if (e->o->log_level)
		buf_printf(&e->r->log, "%s\n", e->r->msg);
}

static void vnote(struct env *e, int insn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void vnote(struct env *e, int insn, const char *fmt, ...)
{
	va_list ap;

	if (e->r->note[0])
		return;
	e->r->note_insn = insn;
	va_start(ap, fmt);
	vsnprintf(e->r->note, sizeof(e->r->note), fmt, ap);
	va_end(ap);
}

/* ---- state ---- */

static struct vs_frame *cur_frame(struct env *e)
{
	return e->cur->frame[e->cur->curframe];
}

static struct vs_reg *reg(struct env *e, int regno)
{
	return &cur_frame(e)->regs[regno];
}

static void reg_not_init(struct vs_reg *r)
{
	memset(r, 0, sizeof(*r));
	r->type = VS_NOT_INIT;
}

static void frame_copy(struct vs_frame *dst, const struct vs_frame *src)
{
	size_t n = offsetof(struct vs_frame, slots) + (size_t)src->nslots * sizeof(src->slots[0]);

	memcpy(dst, src, n);
}

static void state_free(struct vs_state *s)
{
	if (!s)
		return;
	for (int i = 0; i < VS_MAX_FRAMES; i++)
		mem_free(s->frame[i]);
	mem_free(s->hist);
	mem_free(s);
}

/* A copy of @src; @compact: a checkpoint, never written again, so its frames hold only the
 * stack slots in use (a 25,000-checkpoint loop then costs megabytes, not gigabytes). */
static struct vs_state *state_copy(struct env *e, const struct vs_state *src, int compact)
{
	struct vs_state *s = mem_alloc(sizeof(*s));

	if (!s)
		goto out_nomem;
	memcpy(s, src, offsetof(struct vs_state, frame));
	s->curframe = src->curframe;
	s->nrefs = src->nrefs;
	s->cb_unroll = src->cb_unroll;
	memcpy(s->refs, src->refs, sizeof(src->refs[0]) * (size_t)src->nrefs);
	s->parent = src->parent;
	s->branches = src->branches;
	s->insn = src->insn;
	if (src->nhist) {
		s->hist = mem_alloc(src->nhist * sizeof(*s->hist));
		if (!s->hist) {
			state_free(s);
			goto out_nomem;
		}
		memcpy(s->hist, src->hist, src->nhist * sizeof(*s->hist));
		s->nhist = s->histcap = src->nhist;
	}
	for (int i = 0; i <= src->curframe; i++) {
		/* not zeroed: frame_copy writes all that is in use, and stack_grow clears each
		 * slot it adds (a working frame is 6 KiB: zeroing it made deep call chains
		 * slower to verify than in the kernel) */
		s->frame[i] = mem_realloc(NULL, compact ? offsetof(struct vs_frame, slots) +
								  (size_t)src->frame[i]->nslots *
									  sizeof(struct vs_slot)
							: sizeof(struct vs_frame));
		if (!s->frame[i]) {
			state_free(s);
			goto out_nomem;
		}
		frame_copy(s->frame[i], src->frame[i]);
	}
	return s;
out_nomem:
	e->nomem = 1;
	return NULL;
}

/* Every register and spilled register of the current state, for id-wide updates. */
#define FOR_EACH_REG(e, rp, body)                                                                  \
	do {                                                                                       \
		for (int fi_ = 0; fi_ <= (e)->cur->curframe; fi_++) {                              \
			struct vs_frame *f_ = (e)->cur->frame[fi_];                                \
			for (int ri_ = 0; ri_ < 11; ri_++) {                                       \
				struct vs_reg *rp = &f_->regs[ri_];                                \
				body;                                                              \
			}                                                                          \
			for (int si_ = 0; si_ < f_->nslots; si_++) {                               \
				if (f_->slots[si_].type[0] != VS_SLOT_SPILL)                       \
					continue;                                                  \
				struct vs_reg *rp = &f_->slots[si_].spill;                         \
				body;                                                              \
			}                                                                          \
		}                                                                                  \
	} while (0)

/*
 * ---- precision (prune.h) ----
 *
 * Every instruction a privileged walk runs is recorded in its state's history (hist_push),
 * with the spill it writes or reads (hist_stack), the linked scalars a conditional jump
 * refines (hist_link), or a mark that precision cannot be followed through it
 * (VS_HIST_OPAQUE). A check that uses a scalar's value calls mark_precise() (or
 * mark_slot_precise()) before it: the backtracker marks where the value came from in every
 * checkpoint of the path. Unprivileged walks keep no history: the kernel counts every scalar
 * of theirs as precise.
 */
static int hist_push(struct env *e)
{
	struct vs_state *st = e->cur;
	void *p;

	if (!e->precision)
		return 0;
	p = mem_array(st->hist, &st->histcap, st->nhist + 1, sizeof(*st->hist));
	if (!p) {
		e->nomem = 1;
		return -ENOMEM;
	}
	st->hist = p;
	st->hist[st->nhist++] = (struct vs_hist){
		.insn = e->insn, .frame = (uint8_t)st->curframe, .sframe = -1, .spi = -1};
	return 0;
}

/* The current instruction's record, or NULL without precision tracking. */
static struct vs_hist *hist_last(struct env *e)
{
	return e->precision && e->cur->nhist ? &e->cur->hist[e->cur->nhist - 1] : NULL;
}

static void hist_stack(struct env *e, int frameno, int spi)
{
	struct vs_hist *h = hist_last(e);

	if (h) {
		h->sframe = (int8_t)frameno;
		h->spi = (int8_t)spi;
	}
}

static void hist_opaque(struct env *e)
{
	struct vs_hist *h = hist_last(e);

	if (h)
		h->flags |= VS_HIST_OPAQUE;
}

static void bt_run(struct env *e, struct vs_bt *bt)
{
	if (e->precision)
		vs_bt_backtrack(e->in, &e->links, e->cur, 1, bt);
}

/* The check being made uses scalar @regno's value: mark_chain_precision(). */
static void mark_precise(struct env *e, int regno)
{
	struct vs_bt bt;

	if (regno < 0 || regno > 10 || reg(e, regno)->type != VS_SCALAR)
		return;
	memset(&bt, 0, sizeof(bt));
	bt.regs[e->cur->curframe] = (uint16_t)(1u << regno);
	bt_run(e, &bt);
}

/* The same for the scalar spilled at slot @spi of frame @frameno. */
static void mark_slot_precise(struct env *e, int frameno, int spi)
{
	struct vs_bt bt;

	memset(&bt, 0, sizeof(bt));
	bt.slots[frameno] = 1ull << spi;
	bt_run(e, &bt);
}

/* ---- register access ---- */

static int is_ptr(const struct vs_reg *r)
{
	return r->type != VS_NOT_INIT && r->type != VS_SCALAR;
}

static int check_read(struct env *e, int regno)
{
	if (regno > 10)
		return verr(e, e->insn, "R%d is invalid", regno);
	if (reg(e, regno)->type == VS_NOT_INIT) {
		verr(e, e->insn, "R%d !read_ok", regno);
		vnote(e, e->insn, "R%d is read before anything was written to it on this path",
		      regno);
		return -EACCES;
	}
	return 0;
}

static int check_write(struct env *e, int regno)
{
	if (regno > 10)
		return verr(e, e->insn, "R%d is invalid", regno);
	if (regno == 10)
		return verr(e, e->insn, "frame pointer is read only");
	return 0;
}

static int ptr_leak(struct env *e, int regno)
{
	return e->o->unpriv && is_ptr(reg(e, regno));
}

/* ---- stack ---- */

static void stack_grow(struct vs_frame *f, int nslots)
{
	while (f->nslots < nslots) {
		memset(&f->slots[f->nslots], 0, sizeof(f->slots[0]));
		f->nslots++;
	}
}

/* byte at fp-relative offset off (negative) */
static uint8_t *stack_byte(struct vs_frame *f, int off, struct vs_slot **slot)
{
	int spi = (-off - 1) / 8, b = 7 - ((-off - 1) % 8);

	stack_grow(f, spi + 1);
	*slot = &f->slots[spi];
	return &f->slots[spi].type[b];
}

static void slot_scrub_spill(struct vs_slot *s)
{
	if (s->type[0] == VS_SLOT_SPILL || s->type[7] == VS_SLOT_SPILL) {
		for (int i = 0; i < 8; i++)
			s->type[i] = VS_SLOT_MISC;
		memset(&s->spill, 0, sizeof(s->spill));
	}
}

static int stack_bounds(struct env *e, int regno, int off, int size, const char *what)
{
	const struct vs_reg *r = reg(e, regno);

	if (!tnum_is_const(r->var)) {
		char tb[64];

		if (r->smin + off >= -VS_STACK_SIZE && (int64_t)r->smax + off + size <= 0 &&
		    r->smin > -VS_STACK_SIZE * 2)
			return 1; /* variable but inside */
		tnum_sprint(tb, sizeof(tb), r->var);
		return verr(e, e->insn,
			    "invalid variable-offset%s stack R%d var_off=%s off=%d size=%d", what,
			    regno, tb, off, size);
	}
	int64_t lo = (int64_t)r->var.value + off;

	if (lo < -VS_STACK_SIZE || lo >= 0 || lo + size > 0) {
		verr(e, e->insn, "invalid%s stack R%d off=%d size=%d", what, regno, off, size);
		vnote(e, e->insn, "the stack frame is the %d bytes below r10: offsets -%d..-1",
		      VS_STACK_SIZE, VS_STACK_SIZE);
		return -EACCES;
	}
	return 0;
}

static int stack_frameno(struct env *e, const struct vs_reg *r)
{
	return r->frameno <= e->cur->curframe ? r->frameno : e->cur->curframe;
}

static struct vs_frame *stack_frame_of(struct env *e, const struct vs_reg *r)
{
	return e->cur->frame[stack_frameno(e, r)];
}

/*
 * Unprivileged reads stay within the stack the frame has allocated so far, the slots
 * written (or read by root) down to the lowest (check_stack_slot_within_bounds); below it a
 * read is refused before its bytes are looked at. @off: the constant offset from the
 * frame pointer (pointer and instruction offsets), printed as the kernel does without the
 * pointer's own.
 */
static int stack_read_allocated(struct env *e, int regno, int off, int size, int printed_off)
{
	const struct vs_reg *r = reg(e, regno);

	if (!e->o->unpriv || off >= -stack_frame_of(e, r)->nslots * 8)
		return 0;
	verr(e, e->insn, "invalid read from stack R%d off=%d size=%d", regno, printed_off, size);
	vnote(e, e->insn, "stack bytes at r10%+d are read before anything below r10%+d is written",
	      off, -stack_frame_of(e, r)->nslots * 8);
	return -EACCES;
}

static int stack_write(struct env *e, int regno, int off, int size, int value_regno,
		       const struct vs_reg *imm)
{
	struct vs_reg *ptr = reg(e, regno);
	struct vs_frame *f = stack_frame_of(e, ptr);
	const struct vs_reg *val = value_regno >= 0 ? reg(e, value_regno) : imm;
	int var = !tnum_is_const(ptr->var);
	int err = stack_bounds(e, regno, off, size, " write to"), zero;
	struct vs_slot *s;

	if (err < 0)
		return err;
	if (var) {
		/* every byte the access may touch becomes misc */
		for (int64_t o = ptr->smin + off; o < ptr->smax + off + size; o++) {
			uint8_t *b = stack_byte(f, (int)o, &s);
			slot_scrub_spill(s);
			if (*b != VS_SLOT_INVALID || !e->o->unpriv)
				*b = VS_SLOT_MISC;
		}
		return 0;
	}
	off += (int)ptr->var.value;
	zero = val && val->type == VS_SCALAR && tnum_is_const(val->var) && val->var.value == 0;
	if (size == 8 && val && (is_ptr(val) || val->type == VS_SCALAR)) {
		int spi = (-off - 1) / 8;

		stack_grow(f, spi + 1);
		s = &f->slots[spi];
		hist_stack(e, stack_frameno(e, ptr), spi);
		if (zero && value_regno < 0) {
			memset(s->type, VS_SLOT_ZERO, 8);
			memset(&s->spill, 0, sizeof(s->spill));
			return 0;
		}
		s->spill = *val;
		memset(s->type, VS_SLOT_SPILL, 8);
		return 0;
	}
	if (val && is_ptr(val))
		return verr(e, e->insn, "invalid size of register spill");
	/* zero bytes keep no link to the register that wrote them: its value counts now */
	if (zero)
		mark_precise(e, value_regno);
	for (int i = 0; i < size; i++) {
		uint8_t *b = stack_byte(f, off + i, &s);

		if (s->type[0] == VS_SLOT_SPILL && is_ptr(&s->spill) && e->o->unpriv)
			return verr(e, e->insn, "attempt to corrupt spilled pointer on stack");
		slot_scrub_spill(s);
		*b = zero ? VS_SLOT_ZERO : VS_SLOT_MISC;
	}
	return 0;
}

static int stack_read(struct env *e, int regno, int off, int size, int value_regno)
{
	struct vs_reg *ptr = reg(e, regno);
	struct vs_frame *f = stack_frame_of(e, ptr);
	int err = stack_bounds(e, regno, off, size, " read from");
	struct vs_reg out;
	struct vs_slot *s;
	int zero = 1;

	if (err < 0)
		return err;
	if (err == 1) { /* variable offset */
		if (e->o->unpriv)
			return verr(e, e->insn, "R%d variable stack access prohibited for !root",
				    regno);
		vs_reg_unknown(&out);
		goto out;
	}
	if ((err = stack_read_allocated(e, regno, off + (int)ptr->var.value, size, off)))
		return err;
	off += (int)ptr->var.value;
	s = &f->slots[0];
	{
		int spi = (-off - 1) / 8;

		if (spi < f->nslots && f->slots[spi].type[0] == VS_SLOT_SPILL && size == 8 &&
		    (-off) % 8 == 0) {
			/* an atomic's read: the spilled value is used as a number */
			if (value_regno < 0 && e->o->unpriv && is_ptr(&f->slots[spi].spill))
				return verr(e, e->insn, "leaking pointer from stack off %d", off);
			out = f->slots[spi].spill;
			hist_stack(e, stack_frameno(e, ptr), spi);
			goto out;
		}
		if (spi < f->nslots && f->slots[spi].type[0] == VS_SLOT_SPILL) {
			s = &f->slots[spi];
			if (is_ptr(&s->spill))
				return verr(e, e->insn, "invalid size of register fill");
			if ((-off) % 8 == 0) {
				/* the low bytes of a spilled scalar (little-endian) */
				hist_stack(e, stack_frameno(e, ptr), spi);
				out = s->spill;
				out.id = 0;
				if (tnum_is_const(out.var)) {
					vs_reg_const(&out,
						     out.var.value & ((1ull << (size * 8)) - 1));
					goto out;
				}
			} else {
				vs_reg_unknown(&out);
			}
			goto narrow;
		}
	}
	for (int i = 0; i < size; i++) {
		uint8_t *b = stack_byte(f, off + i, &s);

		if (*b == VS_SLOT_INVALID) {
			if (e->o->unpriv) {
				verr(e, e->insn, "invalid read from stack off %d+%d size %d", off,
				     i, size);
				vnote(e, e->insn,
				      "stack bytes at r10%+d are read before they are written",
				      off + i);
				return -EACCES;
			}
			zero = 0;
		} else if (*b != VS_SLOT_ZERO) {
			zero = 0;
		}
	}
	if (zero)
		vs_reg_const(&out, 0);
	else
		vs_reg_unknown(&out);
narrow:
	if (size < 8 && out.type == VS_SCALAR && !tnum_is_const(out.var)) {
		out.var = tnum_cast(out.var, (unsigned)size);
		vs_reg_unbound(&out);
		vs_reg_sync(&out);
	}
	if (size < 8 && out.type == VS_SCALAR && tnum_is_const(out.var))
		vs_reg_const(&out, out.var.value & ((1ull << (size * 8)) - 1));
out:
	if (value_regno >= 0)
		*reg(e, value_regno) = out;
	return 0;
}

/* ---- memory access ---- */

static void mark_loaded(struct vs_reg *r, int size)
{
	vs_reg_unknown(r);
	if (size < 8) {
		r->var = tnum_cast(TNUM_UNKNOWN, (unsigned)size);
		vs_reg_sync(r);
	}
}

/* The size field of __check_mem_access()'s message for @what ("map value": "value_size="). */
static const char *region_size_name(const char *what)
{
	if (!strcmp(what, "map value"))
		return "value_size=";
	if (!strcmp(what, "map key"))
		return "key_size=";
	return "mem_size=";
}

static int region_access(struct env *e, int regno, int off, int size, uint32_t mem_size,
			 const char *fmt_name)
{
	const struct vs_reg *r = reg(e, regno);

	if (r->smin < 0 && (r->smin == INT64_MIN || r->smin + off < 0)) {
		verr(e, e->insn,
		     "R%d min value is negative, either use unsigned index or do a if (index >=0) "
		     "check.",
		     regno);
		vnote(e, e->insn, "R%d's variable offset may be negative: smin=%lld", regno,
		      (long long)r->smin);
		return -EACCES;
	}
	if (r->smin + off < 0 || r->smin + off + size > (int64_t)mem_size || size <= 0) {
		verr(e, e->insn, "invalid access to %s, %s%u off=%lld size=%d", fmt_name,
		     region_size_name(fmt_name), mem_size, (long long)(r->smin + off), size);
		vmsg2(e, "R%d min value is outside of the allowed memory range", regno);
		vnote(e, e->insn, "the access covers bytes %lld..%lld of a %u-byte object",
		      (long long)(r->smin + off), (long long)(r->smin + off + size - 1), mem_size);
		return -EACCES;
	}
	if (r->umax >= MAX_VAR_OFF) {
		verr(e, e->insn,
		     "R%d unbounded memory access, make sure to bounds check any such access",
		     regno);
		vnote(e, e->insn, "compare R%d's offset with a constant before the access", regno);
		return -EACCES;
	}
	if ((int64_t)r->umax + off + size > (int64_t)mem_size) {
		verr(e, e->insn, "invalid access to %s, %s%u off=%lld size=%d", fmt_name,
		     region_size_name(fmt_name), mem_size, (long long)(r->umax + (uint64_t)off),
		     size);
		vmsg2(e, "R%d max value is outside of the allowed memory range", regno);
		vnote(e, e->insn, "R%d's offset can be as large as %llu", regno,
		      (unsigned long long)r->umax);
		return -EACCES;
	}
	return 0;
}

static int may_access_pkt(struct env *e, int write)
{
	switch (e->p->prog_type) {
	case VS_PT_XDP:
	case VS_PT_SCHED_CLS:
	case VS_PT_SCHED_ACT:
	case VS_PT_LWT_XMIT:
	case VS_PT_SK_SKB:
		return 1;
	case VS_PT_CGROUP_SKB:
	case VS_PT_LWT_IN:
	case VS_PT_LWT_OUT:
		return !write;
	}
	return 0;
}

/*
 * check_ptr_alignment() when alignment is strict: always for the stack, for atomics
 * (strict_alignment_once) whatever the pointer. Elsewhere x86-64 allows unaligned access.
 */
static int check_align(struct env *e, const struct vs_reg *r, int off, int size)
{
	struct tnum t = tnum_add(r->var, tnum_const((uint64_t)(int64_t)(r->off + off)));
	const char *desc = r->type == VS_MAP_VALUE ? "value "
			   : r->type == VS_CTX	   ? "context "
			   : r->type == VS_STACK   ? "stack "
						   : "";
	char tb[64];

	if (size == 1 || !((t.value | t.mask) & (uint64_t)(size - 1)))
		return 0;
	tn_str(tb, sizeof(tb), r->var);
	if (r->type == VS_PKT || r->type == VS_PKT_META)
		return verr(e, e->insn, "misaligned packet access off 0+%s+%d+%d size %d", tb,
			    r->off, off, size);
	return verr(e, e->insn, "misaligned %saccess off %s+%d+%d size %d", desc, tb, r->off, off,
		    size);
}

/* check_mem_access: @value_regno is loaded into (read) or stored from (write); -1: none. */
static int mem_access_strict(struct env *e, int regno, int off, int size, int write,
			     int value_regno, const struct vs_reg *imm, int strict);

static int mem_access(struct env *e, int regno, int off, int size, int write, int value_regno,
		      const struct vs_reg *imm)
{
	return mem_access_strict(e, regno, off, size, write, value_regno, imm, 0);
}

static int mem_access_strict(struct env *e, int regno, int off, int size, int write,
			     int value_regno, const struct vs_reg *imm, int strict)
{
	struct vs_reg *r = reg(e, regno);
	int err;

	if (strict && (err = check_align(e, r, off, size)))
		return err;

	off += r->off;
	switch (r->maybe_null ? -1 : r->type) {
	case VS_STACK:
		if (tnum_is_const(r->var) && ((int64_t)r->var.value + off) % size) {
			char tb[32];

			snprintf(tb, sizeof(tb), "%lld", (long long)r->var.value);
			return verr(e, e->insn, "misaligned stack access off %s+%d+%d size %d", tb,
				    r->off, off - r->off, size);
		}
		if (write)
			return stack_write(e, regno, off, size, value_regno, imm);
		return stack_read(e, regno, off, size, value_regno);
	case VS_MAP_VALUE: {
		const struct vsim_map *m = &e->p->maps[r->map];

		if (write && m->rdonly)
			return verr(e, e->insn,
				    "write into map forbidden, value_size=%u off=%d size=%d",
				    m->value_size, off, size);
		if (write && value_regno >= 0 && ptr_leak(e, value_regno))
			return verr(e, e->insn, "R%d leaks addr into map", value_regno);
		err = region_access(e, regno, off, size, m->value_size, "map value");
		if (err)
			return err;
		if (!write && value_regno >= 0)
			mark_loaded(reg(e, value_regno), size);
		return 0;
	}
	case VS_MAP_KEY:
		/* a callback's key: the map's own, never written through */
		if (write) {
			verr(e, e->insn, "write to change key R%d not allowed", regno);
			vnote(e, e->insn,
			      "the key a callback gets is the map's: copy it to the "
			      "stack to change it");
			return -EACCES;
		}
		err = region_access(e, regno, off, size, e->p->maps[r->map].key_size, "map key");
		if (err)
			return err;
		if (value_regno >= 0)
			mark_loaded(reg(e, value_regno), size);
		return 0;
	case VS_RINGBUF_MEM:
	case VS_MEM:
		if (write && value_regno >= 0 && ptr_leak(e, value_regno))
			return verr(e, e->insn, "R%d leaks addr into mem", value_regno);
		err = region_access(e, regno, off, size, r->mem_size, "memory");
		if (err)
			return err;
		if (!write && value_regno >= 0)
			mark_loaded(reg(e, value_regno), size);
		return 0;
	case VS_CTX: {
		struct vs_ctx_field f;

		if (write && value_regno >= 0 && ptr_leak(e, value_regno))
			return verr(e, e->insn, "R%d leaks addr into ctx", value_regno);
		if (r->off || !tnum_is_const(r->var) || r->var.value) {
			if (!tnum_is_const(r->var)) {
				char tb[64];

				snprintf(tb, sizeof(tb), "(0x%llx; 0x%llx)",
					 (unsigned long long)r->var.value,
					 (unsigned long long)r->var.mask);
				return verr(e, e->insn, "variable ctx access var_off=%s disallowed",
					    tb);
			}
			verr(e, e->insn, "dereference of modified ctx ptr R%d off=%d disallowed",
			     regno, r->off + (int)r->var.value);
			vnote(e, e->insn,
			      "load context fields through the unmodified context pointer with a "
			      "constant offset instead");
			return -EACCES;
		}
		if (!vs_ctx_access(e->p->prog_type, e->p->expected_attach_type, off, size, write,
				   &f)) {
			verr(e, e->insn, "invalid bpf_context access off=%d size=%d", off, size);
			vnote(e, e->insn, "%s context does not allow a %d-byte %s at offset %d",
			      isa_progtype_by_id(e->p->prog_type)
				      ? isa_progtype_by_id(e->p->prog_type)->name
				      : "this",
			      size, write ? "write" : "read", off);
			return -EACCES;
		}
		if ((f.type == VS_PKT || f.type == VS_PKT_META) && !may_access_pkt(e, 0))
			f.type = VS_SCALAR;
		if (!write && value_regno >= 0) {
			struct vs_reg *d = reg(e, value_regno);

			if (f.type == VS_SCALAR) {
				mark_loaded(d, size);
			} else {
				memset(d, 0, sizeof(*d));
				d->type = (uint8_t)f.type;
				d->maybe_null = (uint8_t)f.maybe_null;
				vs_reg_const(d, 0);
				d->type = (uint8_t)f.type;
				d->maybe_null = (uint8_t)f.maybe_null;
				if (f.maybe_null)
					d->id = ++e->id_gen;
			}
		}
		return 0;
	}
	case VS_PKT:
	case VS_PKT_META:
		if (!may_access_pkt(e, write)) {
			if (write)
				return verr(e, e->insn, "cannot write into packet");
			return verr(e, e->insn, "R%d invalid mem access '%s'", regno, tname(r));
		}
		if (write && value_regno >= 0 && ptr_leak(e, value_regno))
			return verr(e, e->insn, "R%d leaks addr into packet", value_regno);
		if (r->smin < 0) {
			return verr(
				e, e->insn,
				"R%d min value is negative, either use unsigned index or do a if "
				"(index >=0) check.",
				regno);
		}
		if (off < 0 || size <= 0 || off + size > r->range) {
			verr(e, e->insn,
			     "invalid access to packet, off=%d size=%d, R%d(id=%u,off=%d,r=%d)",
			     off, size, regno, r->id, off, r->range);
			vmsg2(e, "R%d offset is outside of the packet", regno);
			if (r->range == 0)
				vnote(e, e->insn,
				      "no bounds check covers R%d: compare R%d + %d with data_end "
				      "(ctx->data_end) and access the packet only on the branch "
				      "where "
				      "it is not greater",
				      regno, regno, off + size);
			else
				vnote(e, e->insn,
				      "the checks so far prove %d bytes of the packet from R%d's "
				      "base, "
				      "the access needs %d",
				      r->range, regno, off + size);
			return -EACCES;
		}
		if (!write && value_regno >= 0)
			mark_loaded(reg(e, value_regno), size);
		return 0;
	case VS_MAP_PTR:
		if (write || e->o->unpriv)
			return verr(e, e->insn, "R%d invalid mem access '%s'", regno, tname(r));
		if (value_regno >= 0)
			mark_loaded(reg(e, value_regno), size);
		return 0;
	case VS_SOCK:
	case VS_SOCK_COMMON:
	case VS_TCP_SOCK:
		if (write || off < 0 || off + size > 96)
			return verr(e, e->insn, "R%d invalid %s access off=%d size=%d", regno,
				    tname(r), off, size);
		if (value_regno >= 0)
			mark_loaded(reg(e, value_regno), size);
		return 0;
	default:
		verr(e, e->insn, "R%d invalid mem access '%s'", regno, tname(r));
		if (r->maybe_null)
			vnote(e, e->insn,
			      "R%d may be NULL here (it comes from a helper that can fail); "
			      "compare "
			      "it with 0 and access it only on the branch where it is not",
			      regno);
		else if (r->type == VS_SCALAR)
			vnote(e, e->insn, "R%d holds a number, not a pointer", regno);
		return -EACCES;
	}
}

/* ---- ALU ---- */

/* check_reg_sane_offset(): offsets past +-2^29 are refused before any arithmetic. */
static int sane_offset(struct env *e, const struct vs_reg *r, int type)
{
	int known = tnum_is_const(r->var);
	int64_t val = (int64_t)r->var.value;

	if (known && (val >= MAX_VAR_OFF || val <= -MAX_VAR_OFF)) {
		verr(e, e->insn, "math between %s pointer and %lld is not allowed",
		     vsim_reg_type_name(type), (long long)val);
		return 0;
	}
	if (r->off >= MAX_VAR_OFF || r->off <= -MAX_VAR_OFF) {
		verr(e, e->insn, "%s pointer offset %d is not allowed", vsim_reg_type_name(type),
		     r->off);
		return 0;
	}
	if (r->smin == INT64_MIN) {
		verr(e, e->insn,
		     "math between %s pointer and register with unbounded min value is not allowed",
		     vsim_reg_type_name(type));
		return 0;
	}
	if (r->smin >= MAX_VAR_OFF || r->smin <= -MAX_VAR_OFF) {
		verr(e, e->insn, "value %lld makes %s pointer be out of bounds", (long long)r->smin,
		     vsim_reg_type_name(type));
		return 0;
	}
	return 1;
}

/*
 * Spectre v1 for unprivileged programs (the kernel's sanitize_ptr_alu). A pointer moved by
 * a register is masked at run time to the room it has in its object, so the register's
 * sign must be known and the pointer must be one whose room is known (stack or map value).
 * The mask is one per instruction: every path through it must need the same one (its
 * direction and the room the move took), else "different maps, paths or scalars".
 * Immediates need no mask. Not modelled: the speculative path the kernel also walks with
 * the unmoved pointer.
 */
enum { SAN_SRC = 1, SAN_DST = 2, SAN_NEG = 4, SAN_IMM = 8 }; /* the kernel's BPF_ALU_* */

struct sanitize {
	int active, left; /* a mask is needed; it masks towards lower addresses */
	uint8_t state;	  /* SAN_* */
	int64_t limit;	  /* the pointer's room before the operation */
};

static const char san_prohibited[] = "pointer arithmetic with it prohibited for !root";

/* retrieve_ptr_limit: the room @r has towards lower (@left) or higher addresses into *@out.
 * 0; -1 for a pointer without a known room; 1 when it has none left. */
static int ptr_room(const struct env *e, const struct vs_reg *r, int left, int64_t *out)
{
	int64_t max;

	if (r->type == VS_STACK) {
		max = VS_STACK_SIZE + left;
		*out = -((int64_t)r->var.value + r->off);
	} else if (r->type == VS_MAP_VALUE) {
		max = e->p->maps[r->map].value_size;
		*out = (left ? r->smin : (int64_t)r->umax) + r->off;
	} else {
		return -1;
	}
	return (uint64_t)*out >= (uint64_t)max;
}

/* Before the operation: @off_regno holds @sc (-1: an immediate), @ptr_regno @ptr. */
static int sanitize_ptr(struct env *e, int dst, int ptr_regno, int off_regno,
			const struct vs_reg *ptr, const struct vs_reg *sc, int op,
			struct sanitize *san)
{
	int off_neg = sc->smin < 0, room;

	memset(san, 0, sizeof(*san));
	if (!e->o->unpriv || off_regno < 0 || (op != VS_OP_ADD && op != VS_OP_SUB))
		return 0;
	if (!tnum_is_const(sc->var) && (sc->smin < 0) != (sc->smax < 0)) {
		verr(e, e->insn, "R%d has unknown scalar with mixed signed bounds, %s", off_regno,
		     san_prohibited);
		vnote(e, e->insn,
		      "unprivileged pointer arithmetic needs R%d's sign known: check "
		      "it against 0 first",
		      off_regno);
		return -EACCES;
	}
	san->left = (op == VS_OP_ADD) == off_neg;
	room = ptr_room(e, ptr, san->left, &san->limit);
	if (room < 0) {
		verr(e, e->insn, "R%d has pointer with unsupported alu operation, %s", ptr_regno,
		     san_prohibited);
		vnote(e, e->insn,
		      "unprivileged programs move only stack and map value "
		      "pointers by a register");
		return -EACCES;
	}
	if (room)
		return verr(e, e->insn, "R%d tried to %s beyond pointer bounds, %s", dst,
			    op == VS_OP_ADD ? "add" : "sub", san_prohibited);
	san->active = 1;
	san->state = (uint8_t)((off_neg ? SAN_NEG : 0) | (tnum_is_const(sc->var) ? SAN_IMM : 0) |
			       (ptr_regno == dst ? SAN_SRC : SAN_DST));
	return 0;
}

/*
 * After it, @dst holding the result: unprivileged pointers stay inside their object
 * (sanitize_check_bounds: stack pointers at a constant offset in the frame, map value
 * pointers within the value), then the mask of @san is committed for the instruction.
 */
static int sanitize_result(struct env *e, int dst, int op, const struct sanitize *san)
{
	const struct vs_reg *d = reg(e, dst);
	int off = d->off + (int)d->var.value;
	int64_t limit;

	if (!e->o->unpriv)
		return 0;
	if (d->type == VS_STACK && !tnum_is_const(d->var)) {
		char tb[64];

		tnum_sprint(tb, sizeof(tb), d->var);
		return verr(e, e->insn,
			    "R%d variable stack access prohibited for !root, var_off=%s off=%d",
			    dst, tb, off);
	}
	if (d->type == VS_STACK && (off >= 0 || off < -VS_STACK_SIZE))
		return verr(e, e->insn,
			    "R%d stack pointer arithmetic goes out of range, prohibited for !root; "
			    "off=%d",
			    dst, off);
	if (d->type == VS_MAP_VALUE &&
	    region_access(e, dst, d->off, 1, e->p->maps[d->map].value_size, "map value")) {
		vmsg2(e,
		      "R%d pointer arithmetic of map value goes out of range, prohibited for "
		      "!root",
		      dst);
		return -EACCES;
	}
	if (!san->active)
		return 0;
	if (ptr_room(e, d, san->left, &limit))
		return verr(e, e->insn, "R%d tried to %s beyond pointer bounds, %s", dst,
			    op == VS_OP_ADD ? "add" : "sub", san_prohibited);
	limit = san->limit > limit ? san->limit - limit : limit - san->limit;
	if (e->alu_state[e->insn] &&
	    (e->alu_state[e->insn] != san->state || e->alu_limit[e->insn] != (uint32_t)limit)) {
		verr(e, e->insn, "R%d tried to %s from different maps, paths or scalars, %s", dst,
		     op == VS_OP_ADD ? "add" : "sub", san_prohibited);
		vnote(e, e->insn,
		      "another path reached this instruction with an offset of other "
		      "bounds: the run-time mask cannot fit both");
		return -EACCES;
	}
	e->alu_state[e->insn] = san->state;
	e->alu_limit[e->insn] = (uint32_t)limit;
	return 0;
}

/* @off_regno: the register holding @sc, or -1 for an immediate; @ptr_regno: @ptr's. */
static int ptr_arith(struct env *e, int dst, int ptr_regno, int off_regno, const struct vs_reg *ptr,
		     const struct vs_reg *sc, int op, int is64)
{
	struct vs_reg *d = reg(e, dst), res = *ptr;
	struct sanitize san;

	mark_precise(e, off_regno); /* the offset decides the pointer's bounds */
	if (!is64) {
		if (op == VS_OP_SUB && !e->o->unpriv) {
			vs_reg_unknown(d);
			return 0;
		}
		return verr(e, e->insn, "R%d 32-bit pointer arithmetic prohibited", dst);
	}
	if (ptr->maybe_null) {
		verr(e, e->insn, "R%d pointer arithmetic on %s prohibited, null-check it first",
		     dst, tname(ptr));
		vnote(e, e->insn, "compare R%d with 0 before doing arithmetic on it", dst);
		return -EACCES;
	}
	switch (ptr->type) {
	case VS_CTX:
	case VS_MAP_VALUE:
	case VS_MAP_KEY:
	case VS_STACK:
	case VS_PKT:
	case VS_PKT_META:
	case VS_MEM:
	case VS_RINGBUF_MEM:
	case VS_FUNC:
	case VS_BTF_ID:
		break;
	default:
		/* a map pointer may take + 0, nothing else */
		if (ptr->type == VS_MAP_PTR && tnum_is_const(sc->var) && sc->var.value == 0 &&
		    op == VS_OP_ADD)
			break;
		return verr(e, e->insn, "R%d pointer arithmetic on %s prohibited", dst, tname(ptr));
	}
	if (!sane_offset(e, sc, ptr->type) || !sane_offset(e, ptr, ptr->type))
		return -EACCES;
	if (sanitize_ptr(e, dst, ptr_regno, off_regno, ptr, sc, op, &san))
		return -EACCES;
	if (op != VS_OP_ADD && op != VS_OP_SUB) {
		if (op == VS_OP_AND || op == VS_OP_OR || op == VS_OP_XOR)
			return verr(e, e->insn, "R%d bitwise operator %s on pointer prohibited",
				    dst, alu_str[op]);
		return verr(e, e->insn, "R%d pointer arithmetic with %s operator prohibited", dst,
			    alu_str[op]);
	}
	if (op == VS_OP_SUB && ptr->type == VS_STACK)
		return verr(e, e->insn, "R%d subtraction from stack pointer prohibited", dst);
	int known = tnum_is_const(sc->var);
	int64_t k = (int64_t)sc->var.value;

	if (known) {
		int64_t no = (int64_t)ptr->off + (op == VS_OP_ADD ? k : -k);

		if (no == (int32_t)no) {
			res.off = (int32_t)no;
			if (!sane_offset(e, &res, res.type))
				return -EACCES;
			*d = res;
			return sanitize_result(e, dst, op, &san);
		}
	}
	/* variable offset: bounds of the pointer's variable part */
	{
		struct vs_reg v = *ptr;

		v.type = VS_SCALAR;
		vs_scalar_alu(&v, sc, op, 64);
		res.var = v.var;
		res.smin = v.smin, res.smax = v.smax, res.umin = v.umin, res.umax = v.umax;
		res.s32min = v.s32min, res.s32max = v.s32max;
		res.u32min = v.u32min, res.u32max = v.u32max;
		if (res.type == VS_PKT || res.type == VS_PKT_META) {
			if (res.umax > MAX_PACKET_OFF ||
			    (int64_t)res.umax + res.off > MAX_PACKET_OFF)
				return verr(e, e->insn,
					    "value %llu makes pkt pointer be out of bounds",
					    (unsigned long long)sc->umax);
			res.id = ++e->id_gen;
			res.range = 0;
		}
	}
	if (!sane_offset(e, &res, res.type))
		return -EACCES;
	*d = res;
	return sanitize_result(e, dst, op, &san);
}

static int check_alu(struct env *e, const struct isa_insn *in)
{
	int cls = ISA_CLASS(in->code), is64 = cls == ISA_CLASS_ALU64, op = ISA_OPC(in->code) >> 4;
	int srcx = ISA_SRC_X(in->code) && op != VS_OP_NEG && op != VS_OP_END;
	struct vs_reg *d, srcv;
	int err;

	if (op == VS_OP_END || op == VS_OP_NEG) {
		if ((err = check_read(e, in->dst)) || (err = check_write(e, in->dst)))
			return err;
		d = reg(e, in->dst);
		if (is_ptr(d)) {
			if (e->o->unpriv)
				return verr(e, e->insn, "R%d pointer arithmetic prohibited",
					    in->dst);
			vs_reg_unknown(d);
			return 0;
		}
		if (op == VS_OP_NEG) {
			struct vs_reg z, s = *d;

			vs_reg_const(&z, 0);
			vs_scalar_alu(&z, &s, VS_OP_SUB, is64 ? 64 : 32);
			*d = z;
		} else {
			int w = in->imm;
			int le = cls == ISA_CLASS_ALU && !ISA_SRC_X(in->code);

			if (tnum_is_const(d->var) && (w == 16 || w == 32 || w == 64)) {
				/* a constant swaps exactly (the host is little-endian) */
				uint64_t v = d->var.value;

				if (le)
					v = w == 64 ? v : v & ((1ull << w) - 1);
				else
					v = w == 16   ? __builtin_bswap16((uint16_t)v)
					    : w == 32 ? __builtin_bswap32((uint32_t)v)
						      : __builtin_bswap64(v);
				vs_reg_const(d, v);
			} else if (le && w == 64) {
				/* to-le on a little-endian host: nothing */
			} else if (le) {
				d->var = tnum_cast(d->var, (unsigned)w / 8);
				vs_reg_unbound(d);
				d->id = 0;
				vs_reg_sync(d);
			} else {
				vs_reg_unknown(d);
				if (w < 64) {
					d->var = tnum_cast(d->var, (unsigned)w / 8);
					vs_reg_sync(d);
				}
			}
		}
		return 0;
	}
	if (srcx) {
		if ((err = check_read(e, in->src)))
			return err;
		srcv = *reg(e, in->src);
	} else {
		vs_reg_const(&srcv, (uint64_t)(int64_t)in->imm);
		if (!is64)
			vs_reg_const(&srcv, (uint32_t)in->imm);
	}
	if (op == VS_OP_MOV) {
		if ((err = check_write(e, in->dst)))
			return err;
		d = reg(e, in->dst);
		if (!srcx) {
			*d = srcv;
			return 0;
		}
		if (in->off) { /* movsx */
			int bits = in->off;

			if (is_ptr(&srcv) && e->o->unpriv)
				return verr(e, e->insn, "R%d sign-extension part of pointer",
					    in->src);
			vs_reg_unknown(d);
			if (is_ptr(&srcv)) {
				if (!is64) {
					vs_reg_zext32(d);
					vs_reg_sync(d);
				}
				return 0;
			}
			if (tnum_is_const(srcv.var)) {
				uint64_t v = srcv.var.value;
				int64_t sv = bits == 8	  ? (int8_t)v
					     : bits == 16 ? (int16_t)v
							  : (int32_t)v;

				vs_reg_const(d, is64 ? (uint64_t)sv : (uint32_t)sv);
			} else if (!is64) {
				vs_reg_zext32(d);
				vs_reg_sync(d);
			}
			return 0;
		}
		if (is64) {
			if (srcv.type == VS_SCALAR && !srcv.id && !tnum_is_const(srcv.var))
				reg(e, in->src)->id = srcv.id = ++e->id_gen;
			*d = srcv;
			return 0;
		}
		if (is_ptr(&srcv)) {
			if (e->o->unpriv)
				return verr(e, e->insn, "R%d partial copy of pointer", in->src);
			vs_reg_unknown(d);
			vs_reg_zext32(d);
			vs_reg_sync(d);
			return 0;
		}
		*d = srcv;
		d->id = 0;
		d->off = 0;
		d->var = tnum_subreg(d->var);
		vs_reg_zext32(d);
		vs_reg_sync(d);
		return 0;
	}
	if ((err = check_read(e, in->dst)))
		return err;
	if (!srcx && (op == VS_OP_DIV || op == VS_OP_MOD) && in->imm == 0)
		return verr(e, e->insn, "div by zero");
	if (!srcx && (op == VS_OP_LSH || op == VS_OP_RSH || op == VS_OP_ARSH) &&
	    (in->imm < 0 || in->imm >= (is64 ? 64 : 32)))
		return verr(e, e->insn, "invalid shift %d", in->imm);
	if ((err = check_write(e, in->dst)))
		return err;
	d = reg(e, in->dst);
	if (is_ptr(d) && is_ptr(&srcv)) {
		if (op == VS_OP_SUB && !e->o->unpriv) {
			vs_reg_unknown(d);
			return 0;
		}
		return verr(e, e->insn, "R%d pointer %s pointer prohibited", in->dst, alu_str[op]);
	}
	if (is_ptr(d))
		return ptr_arith(e, in->dst, in->dst, srcx ? in->src : -1, d, &srcv, op, is64);
	if (is_ptr(&srcv)) {
		struct vs_reg sc = *d;

		if (op == VS_OP_SUB && is64)
			return verr(e, e->insn, "R%d tried to subtract pointer from scalar",
				    in->dst);
		return ptr_arith(e, in->dst, in->src, in->dst, &srcv, &sc, op, is64);
	}
	{
		/* rX += K keeps rX linked to its copies, K apart (the kernel's
		 * BPF_ADD_CONST): a later bounds check on one refines the others */
		uint32_t id = d->id;
		int64_t delta = (int64_t)d->off + (op == VS_OP_SUB ? -(int64_t)in->imm : in->imm);
		int link = id && is64 && !srcx && (op == VS_OP_ADD || op == VS_OP_SUB) &&
			   delta == (int32_t)delta && in->imm != INT32_MIN;

		vs_scalar_alu(d, &srcv, op, is64 ? 64 : 32);
		d->off = 0;
		if (link) {
			d->id = id;
			d->off = (int32_t)delta;
		}
	}
	return 0;
}

/* ---- loads and stores ---- */

static int check_ldst(struct env *e, const struct isa_insn *in)
{
	int cls = ISA_CLASS(in->code), size = isa_code_width(in->code), err;
	int mode = ISA_MODE(in->code);

	if (cls == ISA_CLASS_LDX) {
		if ((err = check_read(e, in->src)) || (err = check_write(e, in->dst)))
			return err;
		err = mem_access(e, in->src, in->off, size, 0, in->dst, NULL);
		if (err)
			return err;
		if (mode == 0x80) { /* ldsx */
			struct vs_reg *d = reg(e, in->dst);

			if (d->type == VS_SCALAR) {
				vs_reg_unknown(d);
				int64_t lo = size == 1	 ? INT8_MIN
					     : size == 2 ? INT16_MIN
							 : INT32_MIN;
				d->smin = lo;
				d->smax = -lo - 1;
				vs_reg_sync(d);
			}
		}
		return 0;
	}
	if (cls == ISA_CLASS_STX && mode == 0xc0) {
		/* atomics */
		int fetch = in->imm & 1, op = in->imm & ~1;
		struct vs_reg *dp;

		if ((err = check_read(e, in->src)) || (err = check_read(e, in->dst)))
			return err;
		if (op == 0xf0 && (err = check_read(e, 0)))
			return err;
		if (size != 4 && size != 8)
			return verr(e, e->insn, "invalid atomic operand size");
		if (ptr_leak(e, in->src))
			return verr(e, e->insn, "R%d leaks addr into mem", in->src);
		if (op == 0xf0 && ptr_leak(e, 0))
			return verr(e, e->insn, "R0 leaks addr into mem");
		dp = reg(e, in->dst);
		if (!dp->maybe_null &&
		    (dp->type == VS_CTX || dp->type == VS_PKT || dp->type == VS_PKT_META ||
		     dp->type == VS_SOCK || dp->type == VS_SOCK_COMMON || dp->type == VS_TCP_SOCK))
			return verr(e, e->insn, "BPF_ATOMIC stores into R%d %s is not allowed",
				    in->dst, tname(dp));
		{
			int target =
				fetch || op == 0xf0 || op == 0xe0 ? (op == 0xf0 ? 0 : in->src) : -1;
			struct vs_reg tmp;

			/* The kernel claims the register the old value goes to first (it becomes
			 * unknown even when it is the address register), then checks a read and
			 * a write of the memory; the memory holds unknown data afterwards. */
			if (target >= 0) {
				if ((err = check_write(e, target)))
					return err;
				vs_reg_unknown(reg(e, target));
			}
			err = mem_access_strict(e, in->dst, in->off, size, 0, -1, NULL, 1);
			if (err)
				return err;
			dp = reg(e, in->dst);
			if (dp->type == VS_STACK) {
				err = stack_read(e, in->dst, in->off + dp->off, size, -1);
				if (err)
					return err;
			}
			err = mem_access(e, in->dst, in->off, size, 1, -1, NULL);
			if (err)
				return err;
			if (target >= 0) {
				mark_loaded(&tmp, size);
				*reg(e, target) = tmp;
			}
		}
		return 0;
	}
	if (cls == ISA_CLASS_STX) {
		if ((err = check_read(e, in->src)) || (err = check_read(e, in->dst)))
			return err;
		return mem_access(e, in->dst, in->off, size, 1, in->src, NULL);
	}
	/* ST */
	{
		struct vs_reg imm;

		if ((err = check_read(e, in->dst)))
			return err;
		vs_reg_const(&imm, (uint64_t)(int64_t)in->imm);
		return mem_access(e, in->dst, in->off, size, 1, -1, &imm);
	}
}

/* ---- frames and callbacks ---- */

static int push_branch(struct env *e, int insn, struct vs_state **out);
static int pending_push(struct env *e, struct vs_state *st, int insn);
static void log_state(struct env *e);

/* init_func_state(): frame @frameno of a chain, running the function at @subprog. */
static void frame_init(struct vs_frame *f, int frameno, int subprog, int callsite)
{
	for (int i = 0; i < 11; i++)
		reg_not_init(&f->regs[i]);
	vs_reg_const(&f->regs[10], 0);
	f->regs[10].type = VS_STACK;
	f->regs[10].frameno = (uint8_t)frameno;
	f->callsite = callsite;
	f->subprog = subprog;
}

/* setup_func_entry(): a frame for the function at @target above @st's current one, called
 * from the instruction being checked. NULL after an error (reported) or -ENOMEM (nomem). */
static struct vs_frame *frame_push(struct env *e, struct vs_state *st, int target)
{
	int cf = st->curframe;
	struct vs_frame *f;

	if (cf + 1 >= VS_MAX_FRAMES) {
		verr(e, e->insn, "the call stack of %d frames is too deep", cf + 2);
		return NULL;
	}
	/* the header zeroed, the 6 KiB of slots not: stack_grow clears each one it adds */
	f = mem_realloc(NULL, sizeof(*f));
	if (!f) {
		e->nomem = 1;
		return NULL;
	}
	memset(f, 0, offsetof(struct vs_frame, slots));
	frame_init(f, cf + 1, target, e->insn);
	st->frame[cf + 1] = f;
	st->curframe = cf + 1;
	return f;
}

/* Helpers that call a function of the program, and how (is_sync_callback_calling_function,
 * is_async_callback_calling_function). */
static int callback_kind(int helper)
{
	switch (helper) {
	case 164: /* for_each_map_elem */
	case 180: /* find_vma */
	case 181: /* loop */
	case 209: /* user_ringbuf_drain */
		return VS_CB_SYNC;
	case 170: /* timer_set_callback */
		return VS_CB_ASYNC;
	}
	return VS_CB_NONE;
}

/* Map types whose ops walk their elements for bpf_for_each_map_elem: hash, array, their
 * per-CPU and LRU variants. */
static int map_has_for_each(uint32_t type)
{
	return type == 1 || type == 2 || type == 5 || type == 6 || type == 9 || type == 10;
}

static void reg_known_ptr(struct vs_reg *r, int type, int map)
{
	vs_reg_const(r, 0);
	r->type = (uint8_t)type;
	r->map = map;
}

/* R1-R3 of a callback that gets the map @map, a key and its value. */
static void callback_map_args(struct env *e, int map, struct vs_reg *callee)
{
	if (map < 0 || (size_t)map >= e->p->nmaps) {
		/* not a map value (the kernel refuses that argument; we check timers loosely) */
		for (int i = 1; i <= 3; i++)
			reg_known_ptr(&callee[i], VS_BTF_ID, 0);
		return;
	}
	reg_known_ptr(&callee[1], VS_MAP_PTR, map);
	reg_known_ptr(&callee[2], VS_MAP_KEY, map);
	reg_known_ptr(&callee[3], VS_MAP_VALUE, map);
}

/*
 * The callback's arguments from the helper's, @caller (the set_*_callback_state functions):
 *   bpf_loop(nr, cb, ctx, flags)              cb(u64 index, void *ctx)
 *   bpf_for_each_map_elem(map, cb, ctx, f)    cb(map, key, value, ctx)
 *   bpf_timer_set_callback(timer, cb)         cb(map, key, value)
 *   bpf_find_vma(task, addr, cb, ctx, f)      cb(task, vma, ctx)
 *   bpf_user_ringbuf_drain(map, cb, ctx, f)   cb(dynptr, ctx)
 * The index is any scalar (the kernel does not bound it by the count). The ctx argument
 * is the caller's register as it is (a pointer into the caller's stack, or 0). @callee's
 * registers are all unset before.
 */
static int callback_args(struct env *e, int helper, const struct vs_reg *caller,
			 struct vs_reg *callee)
{
	switch (helper) {
	case 181:
		vs_reg_unknown(&callee[1]);
		callee[2] = caller[3];
		return 0;
	case 164:
		if (!map_has_for_each(e->p->maps[caller[1].map].type))
			return verr(e, e->insn, "callback function not allowed for map");
		callback_map_args(e, caller[1].map, callee);
		callee[1] = caller[1];
		callee[4] = caller[3];
		return 0;
	case 170:
		callback_map_args(e, caller[1].type == VS_MAP_VALUE ? caller[1].map : -1, callee);
		return 0;
	case 180:
		callee[1] = caller[1];
		reg_known_ptr(&callee[2], VS_BTF_ID, 0); /* struct vm_area_struct */
		callee[3] = caller[4];
		return 0;
	case 209:
		reg_known_ptr(&callee[1], VS_BTF_ID, 0); /* the kernel's dynptr */
		callee[2] = caller[3];
		return 0;
	}
	return 0;
}

/*
 * push_callback_call(): the helper being checked calls the function at @target. A
 * synchronous callback's run is a branch explored after the rest of the caller's path: a
 * new frame whose exit (callback_return) leads back to this call, which then runs again.
 * bpf_loop pushes no further run once its count (R1's umax) is used up. An asynchronous
 * callback starts a state of its own with the callback in frame 0.
 */
static int push_callback(struct env *e, int helper, int target)
{
	struct vs_frame *caller = cur_frame(e), *callee;
	struct vs_state *st;
	int err;

	if (callback_kind(helper) == VS_CB_ASYNC) {
		st = mem_alloc(sizeof(*st));
		callee = st ? mem_alloc(sizeof(*callee)) : NULL;
		if (!callee) {
			mem_free(st);
			e->nomem = 1;
			return -ENOMEM;
		}
		st->frame[0] = callee;
		frame_init(callee, 0, target, -1);
		callee->cb = VS_CB_ASYNC;
		e->async_cb[target] = 1;
		if ((err = callback_args(e, helper, caller->regs, callee->regs)) ||
		    (err = pending_push(e, st, target))) {
			state_free(st);
			return err;
		}
		return 0;
	}
	if (helper == 181 && caller->cb_depth >= reg(e, 1)->umax) {
		caller->cb_depth = 0; /* every iteration seen: only the exit remains */
		return 0;
	}
	if ((err = push_branch(e, target, &st)))
		return err;
	callee = frame_push(e, st, target);
	if (!callee)
		return e->nomem ? -ENOMEM : -EACCES;
	if ((err = callback_args(e, helper, caller->regs, callee->regs)))
		return err;
	callee->cb = VS_CB_SYNC;
	st->cb_unroll++;
	st->frame[st->curframe - 1]->cb_depth++;
	caller->cb_depth = 0;
	return 0;
}

/* ---- helpers ---- */

struct call_meta {
	int map;	  /* map index from a CONST_MAP_PTR argument, or -1 */
	int64_t mem_size; /* ringbuf_reserve size */
	uint32_t release_ref;
	int release_regno;
	int key_const; /* array lookup: key known and in range */
	int callback;  /* PTR_TO_FUNC argument: the function's first insn, or -1 */
};

static int helper_mem(struct env *e, int regno, int64_t size, int write_only, int zero_ok)
{
	struct vs_reg *r = reg(e, regno);
	int err;

	if (size == 0 && zero_ok)
		return 0;
	switch (r->maybe_null ? -1 : r->type) {
	case VS_STACK: {
		struct vs_frame *f = stack_frame_of(e, r);
		int off, var = !tnum_is_const(r->var);

		err = stack_bounds(e, regno, r->off, (int)size,
				   write_only ? " write to" : " read from");
		if (err < 0)
			return err;
		if (var) {
			if (e->o->unpriv)
				return verr(e, e->insn,
					    "R%d variable stack access prohibited for !root",
					    regno);
			for (int64_t o = r->smin + r->off; o < r->smax + r->off + size; o++) {
				struct vs_slot *s;
				uint8_t *b = stack_byte(f, (int)o, &s);

				if (write_only) {
					slot_scrub_spill(s);
					*b = VS_SLOT_MISC;
				}
			}
			return 0;
		}
		off = r->off + (int)r->var.value;
		if (!write_only && (err = stack_read_allocated(e, regno, off, (int)size, r->off)))
			return err;
		for (int i = 0; i < size; i++) {
			struct vs_slot *s;
			uint8_t *b = stack_byte(f, off + i, &s);

			if (write_only) {
				/* the helper's bytes are written one by one after the call */
				if (s->type[0] == VS_SLOT_SPILL && is_ptr(&s->spill) &&
				    e->o->unpriv)
					return verr(e, e->insn,
						    "attempt to corrupt spilled pointer on stack");
				slot_scrub_spill(s);
				*b = VS_SLOT_MISC;
				continue;
			}
			if (*b == VS_SLOT_INVALID && e->o->unpriv) {
				verr(e, e->insn, "invalid read from stack R%d off %d+%d size %lld",
				     regno, off, i, (long long)size);
				vnote(e, e->insn,
				      "the helper reads stack bytes at r10%+d that were "
				      "never written",
				      off + i);
				return -EACCES;
			}
			if (*b == VS_SLOT_SPILL && is_ptr(&s->spill) && e->o->unpriv)
				return verr(e, e->insn,
					    "invalid read from stack R%d off %d+%d size %lld",
					    regno, off, i, (long long)size);
		}
		return 0;
	}
	case VS_MAP_KEY:
		if (write_only)
			return verr(e, e->insn, "R%d cannot write into %s", regno, tname(r));
		/* fall through */
	case VS_PKT:
	case VS_PKT_META:
	case VS_MAP_VALUE:
	case VS_MEM:
	case VS_RINGBUF_MEM:
		if (size > INT32_MAX)
			return verr(e, e->insn, "R%d unbounded memory access", regno);
		return mem_access(e, regno, 0, (int)size, write_only, -1, NULL);
	default:
		return -2; /* wrong type: the caller says what was expected */
	}
}

static const char *const mem_expected =
	"fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_";

static int type_mismatch(struct env *e, int regno, const char *expected)
{
	verr(e, e->insn, "R%d type=%s expected=%s", regno, tname(reg(e, regno)), expected);
	if (reg(e, regno)->maybe_null)
		vnote(e, e->insn, "R%d may be NULL; compare it with 0 before passing it", regno);
	return -EACCES;
}

static int check_size_arg(struct env *e, int regno, int zero_ok, int64_t *out)
{
	struct vs_reg *r = reg(e, regno);

	if (r->type != VS_SCALAR)
		return type_mismatch(e, regno, "scalar");
	if (r->smin < 0) {
		verr(e, e->insn, "R%d min value is negative, either use unsigned or 'var &= const'",
		     regno);
		return -EACCES;
	}
	if (r->umin == 0 && !zero_ok && r->umax == 0)
		return verr(e, e->insn, "invalid zero-sized read");
	if (r->umax >= MAX_VAR_OFF) {
		verr(e, e->insn,
		     "R%d unbounded memory access, use 'var &= const' or 'if (var < const)'",
		     regno);
		return -EACCES;
	}
	*out = (int64_t)r->umax;
	return 0;
}

static int release_ref(struct env *e, uint32_t id)
{
	int found = 0;

	for (int i = 0; i < e->cur->nrefs; i++) {
		if (e->cur->refs[i].id == id) {
			e->cur->refs[i] = e->cur->refs[--e->cur->nrefs];
			found = 1;
			break;
		}
	}
	if (!found)
		return -1;
	FOR_EACH_REG(e, rp, {
		if (rp->ref_obj_id == id) {
			if (e->o->unpriv)
				reg_not_init(rp);
			else
				vs_reg_unknown(rp);
		}
	});
	return 0;
}

static int map_func_compatible(struct env *e, int map, int id)
{
	const struct vsim_map *m = &e->p->maps[map];
	int ok = 1;

	switch (m->type) {
	case 3: /* prog_array */
		ok = id == 12;
		break;
	case 27: /* ringbuf */
		ok = id == 130 || id == 131 || id == 134 || id == 198;
		break;
	case 4: /* perf_event_array */
		ok = id == 25 || id == 22 || id == 55 || id == 111 || id == 121;
		break;
	case 31: /* user_ringbuf */
		ok = id == 209;
		break;
	}
	if (id == 164 && !map_has_for_each(m->type))
		return 0; /* push_callback says so first, as the kernel does */
	switch (id) {
	case 12:
		if (m->type != 3)
			return verr(e, e->insn, "expected prog array map for tail call");
		break;
	case 27:
	case 67:
		ok = ok && (id == 67 || m->type == 7);
		break;
	case 130:
	case 131:
	case 134:
		ok = ok && m->type == 27;
		break;
	case 25:
		ok = ok && m->type == 4;
		break;
	case 209:
		ok = ok && m->type == 31;
		break;
	case 51:
		ok = ok && (m->type == 14 || m->type == 25 || m->type == 16 || m->type == 17);
		break;
	}
	if (!ok) {
		const struct isa_helper *h = isa_helper_by_id(id);

		verr(e, e->insn, "cannot pass map_type %u into func %s#%d", m->type,
		     h ? h->name : "?", id);
		return -EINVAL;
	}
	return 0;
}

/* bpf_helper_changes_pkt_data(): after these calls every packet pointer is stale. */
static int changes_pkt_data(int id)
{
	switch (id) {
	case 9:
	case 10:
	case 11:
	case 13:
	case 18:
	case 19:
	case 31:
	case 38:
	case 39:
	case 43:
	case 44:
	case 50:
	case 54:
	case 63:
	case 65:
	case 73:
	case 74:
	case 75:
	case 76:
	case 90:
	case 91:
	case 143:
		return 1;
	}
	return 0;
}

/*
 * get_constant_map_key(): is the @sz-byte key at stack pointer @r a constant below
 * @max_entries? It is when its bytes are zero (within one slot), or when it is a spilled
 * constant of exactly its size (8 bytes: narrower spills are not modelled); that constant is
 * then relied on, so it becomes precise.
 */
static int const_map_key(struct env *e, const struct vs_reg *r, uint32_t sz, uint32_t max_entries)
{
	struct vs_frame *f = stack_frame_of(e, r);
	int off = r->off + (int)r->var.value, spi = (-off - 1) / 8, zero = 0;
	struct vs_slot *s;

	if (!tnum_is_const(r->var) || off >= 0 || spi >= f->nslots || !max_entries)
		return 0;
	for (int o = off; o < -spi * 8 && *stack_byte(f, o, &s) == VS_SLOT_ZERO; o++)
		zero++;
	if (zero >= (int)sz)
		return 1;
	s = &f->slots[spi];
	if (sz != 8 || (-off) % 8 || s->type[0] != VS_SLOT_SPILL || s->spill.type != VS_SCALAR ||
	    !tnum_is_const(s->spill.var))
		return 0;
	mark_slot_precise(e, stack_frameno(e, r), spi);
	return s->spill.var.value < max_entries;
}

static int check_helper(struct env *e, const struct isa_insn *in)
{
	const struct isa_helper *h = isa_helper_by_id(in->imm);
	struct call_meta meta = {.map = -1, .release_regno = -1, .callback = -1};
	int64_t str_size = 0;
	int64_t last_size = 0;
	int err;

	if (in->imm == 0)
		return verr(e, e->insn, "program of this type cannot use helper bpf_unspec#0");
	if (!h)
		return verr(e, e->insn, "invalid func unknown#%d", in->imm);
	if (!vs_helper_allowed(e->p->prog_type, h->id) ||
	    (e->o->unpriv && vs_helper_needs_priv(h->id))) {
		verr(e, e->insn, "program of this type cannot use helper %s#%d", h->name, h->id);
		if (vs_helper_allowed(e->p->prog_type, h->id))
			vnote(e, e->insn,
			      "%s needs CAP_BPF or CAP_PERFMON: unprivileged programs "
			      "cannot call it",
			      h->name);
		else
			vnote(e, e->insn, "%s is not available to %s programs", h->name,
			      isa_progtype_by_id(e->p->prog_type)
				      ? isa_progtype_by_id(e->p->prog_type)->name
				      : "these");
		return -EINVAL;
	}
	if (h->gpl_only && !e->p->gpl) {
		verr(e, e->insn,
		     "cannot call GPL-restricted function from non-GPL compatible program");
		vnote(e, e->insn, "%s is GPL-only: declare a GPL-compatible license", h->name);
		return -EINVAL;
	}
	for (int a = 0; a < 5; a++) {
		int regno = a + 1, kind = h->args[a];
		struct vs_reg *r = reg(e, regno);

		if (kind == ISA_ARG_DONTCARE)
			continue;
		if ((err = check_read(e, regno)))
			return err;
		/* a scalar where a pointer, a size or a constant goes (NULL, a size, an
		 * allocation size) is checked by value; so is bpf_loop's count, which bounds
		 * the callback runs walked */
		if (kind != ISA_ARG_ANYTHING || h->id == 181)
			mark_precise(e, regno);
		switch (kind) {
		case ISA_ARG_ANYTHING:
			if (ptr_leak(e, regno))
				return verr(e, e->insn, "R%d leaks addr into helper function",
					    regno);
			break;
		case ISA_ARG_CONST_MAP_PTR:
			if (r->type != VS_MAP_PTR)
				return type_mismatch(e, regno, "map_ptr");
			meta.map = r->map;
			if ((err = map_func_compatible(e, meta.map, h->id)))
				return err;
			break;
		case ISA_ARG_PTR_TO_MAP_KEY:
		case ISA_ARG_PTR_TO_MAP_VALUE:
		case ISA_ARG_PTR_TO_UNINIT_MAP_VALUE:
		case ISA_ARG_PTR_TO_MAP_VALUE_OR_NULL: {
			uint32_t sz;

			if (kind == ISA_ARG_PTR_TO_MAP_VALUE_OR_NULL && r->type == VS_SCALAR &&
			    tnum_is_const(r->var) && r->var.value == 0)
				break;
			if (meta.map < 0)
				return verr(e, e->insn, "invalid map_ptr to access map->%s",
					    kind == ISA_ARG_PTR_TO_MAP_KEY ? "key" : "value");
			sz = kind == ISA_ARG_PTR_TO_MAP_KEY ? e->p->maps[meta.map].key_size
							    : e->p->maps[meta.map].value_size;
			err = helper_mem(e, regno, sz, kind == ISA_ARG_PTR_TO_UNINIT_MAP_VALUE, 0);
			if (err == -2)
				return type_mismatch(e, regno, mem_expected);
			if (err)
				return err;
			/* a constant key on the stack: array lookups of it cannot fail */
			if (kind == ISA_ARG_PTR_TO_MAP_KEY && r->type == VS_STACK)
				meta.key_const =
					const_map_key(e, r, sz, e->p->maps[meta.map].max_entries);
			break;
		}
		case ISA_ARG_PTR_TO_MEM:
		case ISA_ARG_PTR_TO_MEM_OR_NULL:
		case ISA_ARG_PTR_TO_UNINIT_MEM:
		case ISA_ARG_PTR_TO_FIXED_SIZE_MEM:
		case ISA_ARG_PTR_TO_LONG:
		case ISA_ARG_PTR_TO_INT: {
			int next = a + 1 < 5 ? h->args[a + 1] : ISA_ARG_DONTCARE;
			int zero_ok = next == ISA_ARG_CONST_SIZE_OR_ZERO;
			int64_t sz = kind == ISA_ARG_PTR_TO_LONG  ? 8
				     : kind == ISA_ARG_PTR_TO_INT ? 4
								  : 0;

			if (kind == ISA_ARG_PTR_TO_MEM_OR_NULL && r->type == VS_SCALAR &&
			    tnum_is_const(r->var) && r->var.value == 0)
				break;
			if (next == ISA_ARG_CONST_SIZE || next == ISA_ARG_CONST_SIZE_OR_ZERO) {
				if ((err = check_read(e, regno + 1)))
					return err;
				if ((err = check_size_arg(e, regno + 1, zero_ok, &sz)))
					return err;
				if (r->type == VS_SCALAR && tnum_is_const(r->var) &&
				    r->var.value == 0 && zero_ok && sz == 0)
					break;
			}
			if (kind == ISA_ARG_PTR_TO_FIXED_SIZE_MEM && !sz)
				sz = 1;
			str_size = sz;
			err = helper_mem(e, regno, sz,
					 kind == ISA_ARG_PTR_TO_UNINIT_MEM ||
						 kind == ISA_ARG_PTR_TO_LONG ||
						 kind == ISA_ARG_PTR_TO_INT,
					 zero_ok);
			if (err == -2)
				return type_mismatch(e, regno, mem_expected);
			if (err)
				return err;
			last_size = sz;
			break;
		}
		case ISA_ARG_CONST_SIZE:
		case ISA_ARG_CONST_SIZE_OR_ZERO:
			(void)last_size;
			break; /* checked with its pointer */
		case ISA_ARG_CONST_ALLOC_SIZE_OR_ZERO:
			if (r->type != VS_SCALAR)
				return type_mismatch(e, regno, "scalar");
			if (!tnum_is_const(r->var))
				return verr(e, e->insn, "R%d is not a known constant'", regno);
			meta.mem_size = (int64_t)r->var.value;
			break;
		case ISA_ARG_PTR_TO_CTX:
		case ISA_ARG_PTR_TO_CTX_OR_NULL:
			if (kind == ISA_ARG_PTR_TO_CTX_OR_NULL && r->type == VS_SCALAR &&
			    tnum_is_const(r->var) && r->var.value == 0)
				break;
			if (r->type != VS_CTX || r->maybe_null)
				return type_mismatch(e, regno, "ctx");
			if (r->off || !tnum_is_const(r->var) || r->var.value)
				return verr(e, e->insn,
					    "dereference of modified ctx ptr R%d off=%d disallowed",
					    regno, r->off);
			break;
		case ISA_ARG_PTR_TO_STACK:
		case ISA_ARG_PTR_TO_STACK_OR_NULL:
			if (kind == ISA_ARG_PTR_TO_STACK_OR_NULL && r->type == VS_SCALAR &&
			    tnum_is_const(r->var) && r->var.value == 0)
				break;
			if (r->type != VS_STACK)
				return type_mismatch(e, regno, "fp");
			break;
		case ISA_ARG_PTR_TO_RINGBUF_MEM:
			if (r->type != VS_RINGBUF_MEM || r->maybe_null)
				return type_mismatch(e, regno, "ringbuf_mem");
			if (r->off || !tnum_is_const(r->var) || r->var.value)
				return verr(e, e->insn,
					    "R%d must have zero offset when passed to release func",
					    regno);
			meta.release_ref = r->ref_obj_id;
			meta.release_regno = regno;
			break;
		case ISA_ARG_PTR_TO_SOCKET:
		case ISA_ARG_PTR_TO_SOCK_COMMON:
		case ISA_ARG_PTR_TO_BTF_ID_SOCK_COMMON:
			if ((r->type != VS_SOCK && r->type != VS_SOCK_COMMON &&
			     r->type != VS_TCP_SOCK) ||
			    r->maybe_null)
				return type_mismatch(e, regno,
						     kind == ISA_ARG_PTR_TO_SOCKET ? "sock"
										   : "sock_common");
			if (h->id == 86) {
				if (!r->ref_obj_id)
					return verr(e, e->insn,
						    "R%d must be referenced when passed to release "
						    "function",
						    regno);
				meta.release_ref = r->ref_obj_id;
				meta.release_regno = regno;
			}
			break;
		case ISA_ARG_PTR_TO_FUNC:
			if (r->type != VS_FUNC)
				return type_mismatch(e, regno, "func");
			/* check_func_arg_reg_off(): the function's own address, no offset */
			if (r->off < 0)
				return verr(e, e->insn,
					    "negative offset func ptr R%d off=%d disallowed", regno,
					    r->off);
			if (r->off)
				return verr(
					e, e->insn,
					"dereference of modified func ptr R%d off=%d disallowed",
					regno, r->off);
			if (!tnum_is_const(r->var) || r->var.value) {
				char tb[64];

				tnum_sprint(tb, sizeof(tb), r->var);
				return verr(e, e->insn,
					    "variable func access var_off=%s disallowed", tb);
			}
			meta.callback = r->map;
			break;
		default:
			/* kinds that need BTF (dynptr, timers, kptrs, spin locks): any pointer */
			if (!is_ptr(r) &&
			    !(r->type == VS_SCALAR && tnum_is_const(r->var) && r->var.value == 0))
				return type_mismatch(e, regno, "ptr_");
			break;
		}
	}
	if (h->id == 12 && e->cur->nrefs) {
		verr(e, e->insn, "tail_call would lead to reference leak");
		return -EINVAL;
	}
	if (h->id == 12 && cur_frame(e)->cb != VS_CB_NONE) {
		/* the kernel takes a tail call as a way out of the program and trips on the
		 * callback frame (EFAULT); from a function the callback calls, it is fine */
		verr(e, e->insn, "verifier bug: callback unexpected regs 1");
		vnote(e, e->insn,
		      "a callback cannot tail-call; a function it calls can (or return and "
		      "tail-call after the helper)");
		return -EINVAL;
	}
	if (meta.release_regno >= 0 && meta.release_ref) {
		if (release_ref(e, meta.release_ref))
			return verr(e, e->insn,
				    "R%d must be referenced when passed to release function",
				    meta.release_regno);
	}
	if (meta.callback >= 0 && callback_kind(h->id) != VS_CB_NONE) {
		hist_opaque(e); /* the callback's runs are not followed back */
		if ((err = push_callback(e, h->id, meta.callback)))
			return err;
	}
	/* caller-saved registers */
	for (int i = 1; i <= 5; i++)
		reg_not_init(reg(e, i));
	if (changes_pkt_data(h->id)) {
		FOR_EACH_REG(e, rp, {
			if (rp->type == VS_PKT || rp->type == VS_PKT_META ||
			    rp->type == VS_PKT_END) {
				if (e->o->unpriv)
					reg_not_init(rp);
				else
					vs_reg_unknown(rp);
			}
		});
	}
	{
		struct vs_reg *r0 = reg(e, 0);

		switch (h->ret) {
		case ISA_ARG_RET_VOID:
			reg_not_init(r0);
			break;
		case ISA_ARG_RET_PTR_TO_MAP_VALUE_OR_NULL:
		case ISA_ARG_RET_PTR_TO_MAP_VALUE:
			if (meta.map < 0) {
				vs_reg_unknown(r0);
				break;
			}
			vs_reg_const(r0, 0);
			r0->type = VS_MAP_VALUE;
			r0->map = meta.map;
			{
				uint32_t t = e->p->maps[meta.map].type;
				int array = t == 2 || t == 6;

				if (h->ret == ISA_ARG_RET_PTR_TO_MAP_VALUE_OR_NULL &&
				    !(array && meta.key_const)) {
					r0->maybe_null = 1;
					r0->id = ++e->id_gen;
				}
				if (t == 15 || t == 18) { /* sockmap lookups give sockets */
					r0->type = VS_SOCK;
					r0->ref_obj_id = r0->id;
				}
			}
			break;
		case ISA_ARG_RET_PTR_TO_SOCKET_OR_NULL:
		case ISA_ARG_RET_PTR_TO_TCP_SOCK_OR_NULL:
		case ISA_ARG_RET_PTR_TO_SOCK_COMMON_OR_NULL:
			vs_reg_const(r0, 0);
			r0->type = h->ret == ISA_ARG_RET_PTR_TO_SOCKET_OR_NULL	   ? VS_SOCK
				   : h->ret == ISA_ARG_RET_PTR_TO_TCP_SOCK_OR_NULL ? VS_TCP_SOCK
										   : VS_SOCK_COMMON;
			r0->maybe_null = 1;
			r0->id = ++e->id_gen;
			if (h->id == 84 || h->id == 85 || h->id == 99)
				r0->ref_obj_id = r0->id;
			break;
		case ISA_ARG_RET_PTR_TO_RINGBUF_MEM_OR_NULL:
			vs_reg_const(r0, 0);
			r0->type = VS_RINGBUF_MEM;
			r0->maybe_null = 1;
			r0->id = ++e->id_gen;
			r0->ref_obj_id = r0->id;
			r0->mem_size = (uint32_t)meta.mem_size;
			break;
		case ISA_ARG_RET_INTEGER:
			vs_reg_unknown(r0);
			/* do_refine_retval_range(): helpers with known result ranges */
			if (h->id == 8) { /* get_smp_processor_id: [0, nr_cpu_ids - 1] */
				r0->umin = 0;
				r0->umax = (uint64_t)e->nr_cpus - 1;
				r0->smin = 0;
				r0->smax = e->nr_cpus - 1;
				vs_reg_sync(r0);
			} else if (h->id == 67 || h->id == 141 || h->id == 45 || h->id == 115 ||
				   h->id == 114) {
				/* stacks and strings: -MAX_ERRNO up to the buffer size */
				r0->smin = -4095;
				r0->smax = str_size;
				r0->s32min = -4095;
				r0->s32max = (int32_t)str_size;
				vs_reg_sync(r0);
			}
			break;
		default:
			vs_reg_const(r0, 0);
			r0->type = VS_BTF_ID;
			r0->maybe_null = h->ret == ISA_ARG_RET_PTR_TO_BTF_ID_OR_NULL ||
					 h->ret == ISA_ARG_RET_PTR_TO_MEM_OR_BTF_ID_OR_NULL ||
					 h->ret == ISA_ARG_RET_PTR_TO_DYNPTR_MEM_OR_NULL;
			if (r0->maybe_null)
				r0->id = ++e->id_gen;
			break;
		}
		if (r0->ref_obj_id) {
			/* the kernel numbers the reference after the register's id */
			r0->ref_obj_id = r0->id = ++e->id_gen;
			if (e->cur->nrefs >= VS_MAX_REFS)
				return verr(e, e->insn, "too many references");
			e->cur->refs[e->cur->nrefs++] = (struct vs_ref){r0->ref_obj_id, e->insn};
		}
	}
	return 0;
}

/* ---- bpf-to-bpf calls and exit ---- */

static int check_pseudo_call(struct env *e, const struct isa_insn *in, int *next)
{
	int target = e->insn + in->imm + 1, cf = e->cur->curframe;
	struct vs_frame *callee = frame_push(e, e->cur, target);

	if (!callee)
		return e->nomem ? -ENOMEM : -EACCES;
	for (int i = 1; i <= 5; i++)
		callee->regs[i] = e->cur->frame[cf]->regs[i];
	*next = target;
	return 0;
}

/* verbose_invalid_scalar(): R0 must be a scalar in [@lo, @hi] at @where ("At program
 * exit"); @who says in the note whose rule that is. */
static int ret_range_check(struct env *e, const char *where, const char *who, int64_t lo,
			   int64_t hi)
{
	const struct vs_reg *r0 = reg(e, 0);
	char b[128];
	int n = 0;

	mark_precise(e, 0);
	if (r0->smin >= lo && r0->smax <= hi)
		return 0;
	b[0] = 0;
	if (r0->smin > INT64_MIN)
		n += snprintf(b + n, sizeof(b) - (size_t)n, " smin=%lld", (long long)r0->smin);
	if (r0->smax < INT64_MAX)
		n += snprintf(b + n, sizeof(b) - (size_t)n, " smax=%lld", (long long)r0->smax);
	if (!n)
		snprintf(b, sizeof(b), " unknown scalar value");
	verr(e, e->insn, "%s the register R0 has%s should have been in [%lld, %lld]", where, b,
	     (long long)lo, (long long)hi);
	vnote(e, e->insn, "%s must return a value in [%lld, %lld]", who, (long long)lo,
	      (long long)hi);
	return -EINVAL;
}

/* The exit of frame 0: of the program, or of an async callback (its own state). */
static int check_exit_main(struct env *e)
{
	int async = cur_frame(e)->cb == VS_CB_ASYNC;
	struct vs_reg *r0 = reg(e, 0);
	const char *where = async ? "At async callback return" : "At program exit";
	int64_t lo = 0, hi = 0;

	if (e->cur->nrefs) {
		verr(e, e->insn, "Unreleased reference id=%u alloc_insn=%d", e->cur->refs[0].id,
		     e->cur->refs[0].insn);
		vmsg2(e, "BPF_EXIT instruction in main prog would lead to reference leak");
		vnote(e, e->cur->refs[0].insn,
		      "the reference acquired here is neither released nor submitted on the path "
		      "to this exit");
		return -EINVAL;
	}
	if (check_read(e, 0)) {
		e->r->note[0] = 0;
		vnote(e, e->insn, "R0 holds the return value: set it before exit on every path");
		return -EACCES;
	}
	if (ptr_leak(e, 0))
		return verr(e, e->insn, "R0 leaks addr as return value");
	if (!async && !vs_ret_range(e->p->prog_type, e->p->expected_attach_type, &lo, &hi))
		return 0;
	if (r0->type != VS_SCALAR)
		return verr(e, e->insn, "%s the register R0 is not a known value (%s)", where,
			    tname(r0));
	return ret_range_check(e, where, async ? "a timer callback" : "this program type", lo, hi);
}

static int scalars_same(const struct vs_reg *a, const struct vs_reg *b)
{
	return a->var.value == b->var.value && a->var.mask == b->var.mask && a->smin == b->smin &&
	       a->smax == b->smax && a->umin == b->umin && a->umax == b->umax &&
	       a->s32min == b->s32min && a->s32max == b->s32max && a->u32min == b->u32min &&
	       a->u32max == b->u32max;
}

static void widen_reg(const struct vs_reg *old, struct vs_reg *cur)
{
	if (old->type == VS_SCALAR && cur->type == VS_SCALAR && !scalars_same(old, cur))
		vs_reg_unknown(cur);
}

/*
 * widen_imprecise_scalars() after a callback came back to its call: every scalar that
 * differs from the previous visit of the call on this path (find_prev_entry) becomes
 * unknown, so that a counter the callback keeps does not make each iteration a new state.
 * The kernel widens only the scalars no check depended on (imprecise ones) and walks the
 * others exactly, run after run. We do not follow precision through callbacks (prune.h),
 * so we walk exactly the first CB_EXACT_RUNS runs (a counter that indexes a buffer fails
 * where the kernel's does) and every run of a bpf_loop of at most LOOP_EXACT_ITERS
 * iterations, and widen after that:
 * a callback whose precise scalars change forever would hit the kernel's instruction
 * limit, where we may give another error or accept.
 */
static void widen_after_callback(struct env *e, int callsite)
{
	struct vs_frame *caller = cur_frame(e);
	const struct vs_state *old = NULL;

	if (caller->cb_depth <= CB_EXACT_RUNS ||
	    (e->in[callsite].imm == 181 && caller->regs[1].umax <= LOOP_EXACT_ITERS))
		return;
	for (struct slist *sl = e->sl[callsite]; sl && !old; sl = sl->next) {
		int same = sl->st->branches > 0 && sl->st->curframe == e->cur->curframe;

		for (int f = 0; same && f <= e->cur->curframe; f++)
			same = sl->st->frame[f]->callsite == e->cur->frame[f]->callsite;
		if (same)
			old = sl->st;
	}
	for (int f = 0; old && f <= old->curframe; f++) {
		const struct vs_frame *of = old->frame[f];
		struct vs_frame *cf = e->cur->frame[f];

		for (int i = 0; i < 11; i++)
			widen_reg(&of->regs[i], &cf->regs[i]);
		for (int i = 0; i < of->nslots && i < cf->nslots; i++)
			if (of->slots[i].type[0] == VS_SLOT_SPILL &&
			    cf->slots[i].type[0] == VS_SLOT_SPILL)
				widen_reg(&of->slots[i].spill, &cf->slots[i].spill);
	}
}

/*
 * A synchronous callback's exit (prepare_func_exit): R0 is a scalar in [0, 1]; the caller
 * gets nothing back and its registers are as they were at the call, which runs again.
 */
static int callback_return(struct env *e, int *next)
{
	int cf = e->cur->curframe;
	struct vs_frame *callee = e->cur->frame[cf];
	const struct vs_reg *r0 = &callee->regs[0];

	if (r0->type == VS_STACK)
		return verr(e, e->insn, "cannot return stack pointer to the caller");
	if (r0->type != VS_SCALAR) {
		verr(e, e->insn, "R0 not a scalar value");
		vnote(e, e->insn,
		      r0->type == VS_NOT_INIT
			      ? "a callback returns 0 (go on) or 1 (stop) in R0: set it before exit"
			      : "a callback returns 0 (go on) or 1 (stop) in R0, not a pointer");
		return -EACCES;
	}
	if (ret_range_check(e, "At callback return", "a callback", 0, 1))
		return -EINVAL;
	hist_opaque(e);
	*next = callee->callsite;
	if (e->o->log_level) {
		buf_printf(&e->r->log, "returning from callee:\n");
		log_state(e);
	}
	mem_free(callee);
	e->cur->frame[cf] = NULL;
	e->cur->curframe = cf - 1;
	widen_after_callback(e, *next);
	if (e->o->log_level) {
		buf_printf(&e->r->log, "to caller at %d:\n", *next);
		log_state(e);
	}
	return 0;
}

static int check_exit_sub(struct env *e, int *next)
{
	int cf = e->cur->curframe;
	struct vs_frame *callee = e->cur->frame[cf], *caller = e->cur->frame[cf - 1];
	struct vs_reg r0;

	if (callee->cb == VS_CB_SYNC)
		return callback_return(e, next);
	if (check_read(e, 0))
		return -EACCES;
	r0 = callee->regs[0];
	if (r0.type == VS_STACK && r0.frameno == cf)
		return verr(e, e->insn, "cannot return stack pointer to the caller");
	caller->regs[0] = r0;
	for (int i = 1; i <= 5; i++)
		reg_not_init(&caller->regs[i]);
	*next = callee->callsite + 1;
	mem_free(callee);
	e->cur->frame[cf] = NULL;
	e->cur->curframe = cf - 1;
	return 0;
}

/* ---- branches ---- */

static void mark_ptr_or_null(struct env *e, struct vs_state *st, uint32_t id, int is_null)
{
	struct vs_state *save = e->cur;

	e->cur = st;
	FOR_EACH_REG(e, rp, {
		if (rp->maybe_null && rp->id == id) {
			if (is_null) {
				vs_reg_const(rp, 0);
			} else {
				rp->maybe_null = 0;
				if (rp->type != VS_SOCK && rp->type != VS_RINGBUF_MEM &&
				    rp->type != VS_SOCK_COMMON && rp->type != VS_TCP_SOCK)
					rp->id = 0;
			}
		}
	});
	if (is_null) {
		/* a NULL reference needs no release */
		for (int i = 0; i < st->nrefs; i++)
			if (st->refs[i].id == id)
				st->refs[i--] = st->refs[--st->nrefs];
	}
	e->cur = save;
}

static void find_good_pkt(struct env *e, struct vs_state *st, const struct vs_reg *dst,
			  int right_open)
{
	struct vs_state *save = e->cur;
	int nr;

	if (dst->off < 0 || (dst->off == 0 && right_open))
		return;
	if (dst->umax > MAX_PACKET_OFF || (int64_t)dst->umax + dst->off > MAX_PACKET_OFF)
		return;
	nr = dst->off + (right_open ? 1 : 0);
	e->cur = st;
	FOR_EACH_REG(e, rp, {
		if (rp->type == dst->type && rp->id == dst->id && rp->range < nr)
			rp->range = nr;
	});
	e->cur = save;
}

/* Packet pointer comparisons: which branch proves a range. */
static void pkt_compare(struct env *e, struct vs_state *taken, struct vs_state *other,
			const struct vs_reg *d, const struct vs_reg *s, int op)
{
	int dp = d->type == VS_PKT || d->type == VS_PKT_META;
	int sp = s->type == VS_PKT || s->type == VS_PKT_META;
	int de = d->type == VS_PKT_END || (d->type == VS_PKT && s->type == VS_PKT_META);
	int se = s->type == VS_PKT_END || (s->type == VS_PKT && d->type == VS_PKT_META);

	if (d->type == VS_PKT && s->type == VS_PKT_META)
		dp = 0;
	if (s->type == VS_PKT && d->type == VS_PKT_META)
		sp = 0;
	switch (op) {
	case VS_JGT:
		if (dp && se)
			find_good_pkt(e, other, d, 0);
		else if (de && sp)
			find_good_pkt(e, taken, s, 1);
		break;
	case VS_JLT:
		if (dp && se)
			find_good_pkt(e, taken, d, 1);
		else if (de && sp)
			find_good_pkt(e, other, s, 0);
		break;
	case VS_JGE:
		if (dp && se)
			find_good_pkt(e, other, d, 1);
		else if (de && sp)
			find_good_pkt(e, taken, s, 0);
		break;
	case VS_JLE:
		if (dp && se)
			find_good_pkt(e, taken, d, 0);
		else if (de && sp)
			find_good_pkt(e, other, s, 1);
		break;
	}
}

static void propagate_scalar_id(struct vs_state *st, struct env *e, const struct vs_reg *known)
{
	struct vs_state *save = e->cur;

	if (!known->id || known->type != VS_SCALAR)
		return;
	e->cur = st;
	FOR_EACH_REG(e, rp, {
		if (rp->type == VS_SCALAR && rp->id == known->id && rp != known) {
			int32_t off = rp->off;
			int64_t delta = (int64_t)off - known->off;

			*rp = *known;
			if (delta) {
				struct vs_reg k;

				vs_reg_const(&k, (uint64_t)delta);
				vs_scalar_alu(rp, &k, VS_OP_ADD, 64);
			}
			rp->id = known->id;
			rp->off = off;
		}
	});
	e->cur = save;
}

static int push_branch(struct env *e, int insn, struct vs_state **out);

static int is_pkt_any(const struct vs_reg *r)
{
	return r->type == VS_PKT || r->type == VS_PKT_META || r->type == VS_PKT_END;
}

/* Pointers that are never NULL, so that a comparison with 0 is decided (the kernel's
 * reg_not_null: not the context, the stack or packet pointers). */
static int reg_not_null(const struct vs_reg *r)
{
	if (r->maybe_null)
		return 0;
	switch (r->type) {
	case VS_MAP_VALUE:
	case VS_MAP_KEY:
	case VS_MAP_PTR:
	case VS_SOCK:
	case VS_SOCK_COMMON:
	case VS_TCP_SOCK:
	case VS_MEM:
	case VS_RINGBUF_MEM:
	case VS_BTF_ID:
		return 1;
	}
	return 0;
}

/*
 * A conditional jump on scalar @d (and @s, a register, or NULL) is about to refine every
 * scalar linked to them by id (propagate_scalar_id): record that set for the backtracker,
 * which follows all of them together (the kernel's linked_regs).
 */
static void hist_link(struct env *e, const struct vs_reg *d, const struct vs_reg *s)
{
	struct vs_hist *h = hist_last(e);
	struct vs_bt l;
	int others = 0;
	void *p;

	if (!h || ((!d->id) && (!s || !s->id)))
		return;
	memset(&l, 0, sizeof(l));
	for (int f = 0; f <= e->cur->curframe; f++) {
		struct vs_frame *fr = e->cur->frame[f];

		for (int i = 0; i < 11 + fr->nslots; i++) {
			const struct vs_reg *r = i < 11 ? &fr->regs[i] : &fr->slots[i - 11].spill;

			if (i >= 11 && fr->slots[i - 11].type[0] != VS_SLOT_SPILL)
				continue;
			if (r->type != VS_SCALAR || !r->id ||
			    (r->id != d->id && !(s && s->type == VS_SCALAR && r->id == s->id)))
				continue;
			if (i < 11)
				l.regs[f] |= (uint16_t)(1u << i);
			else
				l.slots[f] |= 1ull << (i - 11);
			others |= r != d && r != s;
		}
	}
	if (!others)
		return;
	p = mem_array(e->links.set, &e->links.cap, e->links.n + 1, sizeof(*e->links.set));
	if (!p) {
		h->flags |= VS_HIST_OPAQUE; /* cannot say which: give up there */
		return;
	}
	e->links.set = p;
	e->links.set[e->links.n++] = l;
	h->link = (uint32_t)e->links.n;
}

static int check_cond_jmp(struct env *e, const struct isa_insn *in, int *next)
{
	int is64 = ISA_CLASS(in->code) == ISA_CLASS_JMP, op = ISA_OPC(in->code) >> 4;
	int srcx = ISA_SRC_X(in->code), target = e->insn + in->off + 1, taken, err;
	struct vs_reg *d, s, *sp = NULL;
	struct vs_state *other;

	if ((err = check_read(e, in->dst)))
		return err;
	if (srcx) {
		if ((err = check_read(e, in->src)))
			return err;
		sp = reg(e, in->src);
		s = *sp;
	} else {
		vs_reg_const(&s, is64 ? (uint64_t)(int64_t)in->imm : (uint32_t)in->imm);
	}
	d = reg(e, in->dst);
	/* unprivileged: packet pointers compare with each other, nothing else with a pointer
	 * on the right; on the left, see below */
	if (e->o->unpriv && srcx && is_ptr(&s) && !(is_pkt_any(d) && is_pkt_any(&s)))
		return verr(e, e->insn, "R%d pointer comparison prohibited", in->src);
	/* decide */
	if (d->type == VS_SCALAR && s.type == VS_SCALAR) {
		taken = vs_branch_taken(d, &s, op, is64 ? 64 : 32);
	} else if (reg_not_null(d) && s.type == VS_SCALAR && tnum_is_const(s.var) &&
		   (is64 ? s.var.value : (uint32_t)s.var.value) == 0 &&
		   (op == VS_JEQ || op == VS_JNE)) {
		taken = op == VS_JNE; /* a non-NULL pointer is never 0 */
	} else {
		taken = -1;
	}
	/* unprivileged: a pointer on the left only in a comparison decided above, a NULL
	 * check, or a packet range check */
	if (e->o->unpriv && taken < 0 && is_ptr(d) &&
	    !(d->maybe_null && !srcx && in->imm == 0 && is64 && (op == VS_JEQ || op == VS_JNE)) &&
	    !(srcx && is_pkt_any(d) && is_pkt_any(&s)))
		return verr(e, e->insn, "R%d pointer comparison prohibited", in->dst);
	e->jmps_processed++;
	if (taken >= 0) {
		/* one way only: that depends on the scalars' values */
		mark_precise(e, in->dst);
		if (srcx)
			mark_precise(e, in->src);
		*next = taken ? target : e->insn + 1;
		return 0;
	}
	/* both ways: the pushed state takes the jump */
	if (d->type == VS_SCALAR && s.type == VS_SCALAR)
		hist_link(e, d, sp);
	if ((err = push_branch(e, target, &other)))
		return err;
	{
		struct vs_state *save = e->cur;
		struct vs_reg *od, *os = NULL;
		int dead_taken = 0, dead_fall = 0;

		e->cur = other;
		od = reg(e, in->dst);
		if (srcx)
			os = reg(e, in->src);
		e->cur = save;
		if (d->type == VS_SCALAR && s.type == VS_SCALAR) {
			struct vs_reg ts = s, fs = s;

			if (vs_branch_refine(od, srcx ? os : &ts, op, is64 ? 64 : 32))
				dead_taken = 1;
			if (vs_branch_refine(d, srcx ? sp : &fs, vs_branch_negate(op),
					     is64 ? 64 : 32))
				dead_fall = 1;
			if (!dead_taken) {
				propagate_scalar_id(other, e, od);
				if (srcx)
					propagate_scalar_id(other, e, os);
			}
			if (!dead_fall) {
				propagate_scalar_id(e->cur, e, d);
				if (srcx)
					propagate_scalar_id(e->cur, e, sp);
			}
		} else if (d->maybe_null && !srcx && in->imm == 0 && is64 &&
			   (op == VS_JEQ || op == VS_JNE)) {
			uint32_t id = d->id;

			mark_ptr_or_null(e, other, id, op == VS_JEQ);
			mark_ptr_or_null(e, e->cur, id, op != VS_JEQ);
		} else if (srcx && is64 && is_ptr(d) && is_ptr(&s)) {
			pkt_compare(e, other, e->cur, d, &s, op);
		}
		if (dead_taken && dead_fall) {
			/* impossible both ways: follow the fall-through only */
			dead_taken = 1;
		}
		if (dead_taken || dead_fall) {
			/* a branch is impossible because of the scalars' values */
			mark_precise(e, in->dst);
			if (srcx)
				mark_precise(e, in->src);
		}
		if (dead_taken) {
			/* drop the pushed state */
			e->nstack--;
			if (other->parent)
				other->parent->branches--;
			state_free(other);
		}
		if (dead_fall) {
			/* the fall-through is impossible: continue with the taken branch */
			struct pending p = e->stack[--e->nstack];

			if (e->cur->parent)
				e->cur->parent->branches--;
			state_free(e->cur);
			e->cur = p.st;
			*next = p.insn;
			return 0;
		}
	}
	*next = e->insn + 1;
	return 0;
}

/* Queue @st to be walked from @insn later; on failure the caller still owns @st. */
static int pending_push(struct env *e, struct vs_state *st, int insn)
{
	void *p = mem_array(e->stack, &e->stackcap, e->nstack + 1, sizeof(*e->stack));

	if (!p) {
		e->nomem = 1;
		return -ENOMEM;
	}
	e->stack = p;
	e->stack[e->nstack++] = (struct pending){st, insn, e->insn};
	if (st->parent)
		st->parent->branches++;
	return 0;
}

static int push_branch(struct env *e, int insn, struct vs_state **out)
{
	struct vs_state *s = state_copy(e, e->cur, 0);

	if (!s)
		return -ENOMEM;
	if (pending_push(e, s, insn)) {
		state_free(s);
		return -ENOMEM;
	}
	*out = s;
	return 0;
}

/* ---- pruning ---- */

struct idmap {
	uint32_t old[64], cur[64];
	int n;
};

static int id_match(struct idmap *m, uint32_t o, uint32_t c)
{
	if (!o && !c)
		return 1;
	if (!o || !c)
		return 0;
	for (int i = 0; i < m->n; i++) {
		if (m->old[i] == o)
			return m->cur[i] == c;
		if (m->cur[i] == c)
			return 0;
	}
	if (m->n >= 64)
		return 0;
	m->old[m->n] = o;
	m->cur[m->n++] = c;
	return 1;
}

static int range_within(const struct vs_reg *o, const struct vs_reg *c)
{
	return o->smin <= c->smin && o->smax >= c->smax && o->umin <= c->umin &&
	       o->umax >= c->umax && o->s32min <= c->s32min && o->s32max >= c->s32max &&
	       o->u32min <= c->u32min && o->u32max >= c->u32max && tnum_in(o->var, c->var);
}

/* @exact: compare every scalar, precise or not (states still being explored) */
static int regsafe(const struct vs_reg *o, const struct vs_reg *c, struct idmap *m, int exact)
{
	if (o->type == VS_NOT_INIT)
		return 1;
	if (o->type != c->type || o->maybe_null != c->maybe_null)
		return 0;
	if (o->type == VS_SCALAR && !o->precise && !exact)
		return 1; /* no check after the checkpoint depended on its value */
	if (o->type == VS_SCALAR)
		return range_within(o, c) &&
		       (!o->id || (id_match(m, o->id, c->id) && o->off == c->off));
	/* a packet pointer is safe when at least the old range is proven */
	if ((o->type == VS_PKT || o->type == VS_PKT_META) && o->range > c->range)
		return 0;
	return o->off == c->off && o->map == c->map && o->frameno == c->frameno &&
	       o->mem_size == c->mem_size && range_within(o, c) && id_match(m, o->id, c->id) &&
	       id_match(m, o->ref_obj_id, c->ref_obj_id);
}

static int stacksafe(const struct vs_frame *o, const struct vs_frame *c, struct idmap *m,
		     int unpriv, int exact)
{
	for (int s = 0; s < o->nslots; s++) {
		for (int b = 0; b < 8; b++) {
			uint8_t ot = o->slots[s].type[b];
			uint8_t ct = s < c->nslots ? c->slots[s].type[b] : VS_SLOT_INVALID;

			if (ot == VS_SLOT_INVALID)
				continue;
			if (ot == VS_SLOT_MISC && !unpriv)
				continue;
			if (ot == VS_SLOT_MISC) {
				if (ct == VS_SLOT_MISC || ct == VS_SLOT_ZERO)
					continue;
				if (ct == VS_SLOT_SPILL && c->slots[s].spill.type == VS_SCALAR)
					continue;
				return 0;
			}
			if (ot == VS_SLOT_ZERO && ct == VS_SLOT_ZERO)
				continue;
			if (ot != ct)
				return 0;
		}
		if (o->slots[s].type[0] == VS_SLOT_SPILL &&
		    !regsafe(&o->slots[s].spill, &c->slots[s].spill, m, exact))
			return 0;
	}
	return 1;
}

/*
 * Registers of frame @f of @st that a path from @st may still read: at the checkpoint's
 * instruction for the current frame; for a caller, where it goes on after the callee
 * returns (after the call, where R0-R5 are written anew; a callback's caller runs the
 * calling instruction again).
 */
static uint16_t live_regs(const struct env *e, const struct vs_state *st, int f)
{
	const struct vs_frame *callee;

	if (f == st->curframe)
		return e->live[st->insn];
	callee = st->frame[f + 1];
	if (callee->callsite < 0 || (size_t)callee->callsite + 1 >= e->p->ninsns)
		return 0x7ff;
	if (callee->cb == VS_CB_SYNC)
		return e->live[callee->callsite];
	return e->live[callee->callsite + 1] & 0x7c0;
}

/*
 * Is @c within @o? @exact (@o is still being explored, so its precision marks and the
 * liveness it may rely on are not final): every register and every scalar counts. Otherwise
 * registers dead at the instruction do not, nor do imprecise scalars when precision is
 * tracked (the kernel's NOT_EXACT; unprivileged, every scalar is precise).
 */
static int states_equal(struct env *e, const struct vs_state *o, const struct vs_state *c,
			int exact)
{
	struct idmap m = {.n = 0};
	int all = exact || !e->precision; /* every scalar counts */

	if (o->curframe != c->curframe || o->nrefs != c->nrefs)
		return 0;
	for (int f = 0; f <= o->curframe; f++) {
		const struct vs_frame *of = o->frame[f], *cf = c->frame[f];
		uint16_t live = exact ? 0x7ff : live_regs(e, o, f);

		if (of->callsite != cf->callsite)
			return 0;
		for (int i = 0; i < 11; i++)
			if ((live & (1u << i)) && !regsafe(&of->regs[i], &cf->regs[i], &m, all))
				return 0;
		if (!stacksafe(of, cf, &m, e->o->unpriv, all))
			return 0;
	}
	for (int i = 0; i < o->nrefs; i++)
		if (!id_match(&m, o->refs[i].id, c->refs[i].id))
			return 0;
	return 1;
}

/*
 * The current state was pruned against finished checkpoint @o: what made that safe (the
 * live precise scalars of @o) must be precise in the current state's checkpoints too, since
 * a later state within one of them relies on @o's walk (propagate_precision()).
 */
static void propagate_precision(struct env *e, const struct vs_state *o)
{
	struct vs_bt bt;

	if (!e->precision)
		return;
	memset(&bt, 0, sizeof(bt));
	for (int f = 0; f <= o->curframe; f++) {
		const struct vs_frame *of = o->frame[f];
		uint16_t live = live_regs(e, o, f);

		for (int i = 0; i < 11; i++)
			if ((live & (1u << i)) && of->regs[i].type == VS_SCALAR &&
			    of->regs[i].precise)
				bt.regs[f] |= (uint16_t)(1u << i);
		for (int i = 0; i < of->nslots; i++)
			if (of->slots[i].type[0] == VS_SLOT_SPILL &&
			    of->slots[i].spill.type == VS_SCALAR && of->slots[i].spill.precise)
				bt.slots[f] |= 1ull << i;
	}
	vs_bt_backtrack(e->in, &e->links, e->cur, 0, &bt);
}

static int regs_identical(const struct vs_state *o, const struct vs_state *c)
{
	if (o->curframe != c->curframe)
		return 0;
	for (int f = 0; f <= o->curframe; f++)
		for (int i = 0; i < 11; i++) {
			const struct vs_reg *a = &o->frame[f]->regs[i], *b = &c->frame[f]->regs[i];

			if (a->type != b->type || a->var.value != b->var.value ||
			    a->var.mask != b->var.mask || a->smin != b->smin ||
			    a->smax != b->smax || a->umin != b->umin || a->umax != b->umax ||
			    a->off != b->off || a->range != b->range ||
			    a->maybe_null != b->maybe_null)
				return 0;
		}
	return 1;
}

/*
 * Returns 1: pruned; 0: go on; <0 error. A callback's call always gets a checkpoint, and
 * there a state within an unfinished checkpoint is pruned rather than an infinite loop:
 * the callback's iterations have converged (the kernel's calls_callback() case).
 */
static int is_state_visited(struct env *e, int insn)
{
	int cbcall = e->prune[insn] & PRUNE_CALLBACK, add = cbcall;
	struct slist **pp = &e->sl[insn];

	if (e->jmps_processed - e->prev_jmps_processed >= 2 &&
	    e->insn_processed - e->prev_insn_processed >= 8)
		add = 1;
	while (*pp) {
		struct slist *sl = *pp;

		if (sl->st->branches > 0) {
			if (cbcall) {
				if (states_equal(e, sl->st, e->cur, 1)) {
					/* within a checkpoint whose marks are not final: every
					 * scalar of this path counts as precise */
					if (e->precision)
						vs_mark_all_precise(e->cur);
					sl->hit++;
					return 1;
				}
			} else if (sl->st->cb_unroll == e->cur->cb_unroll &&
				   regs_identical(sl->st, e->cur) &&
				   states_equal(e, sl->st, e->cur, 1)) {
				verr(e, insn, "infinite loop detected at insn %d", insn);
				vnote(e, insn,
				      "the loop comes back here with the same state, so it never "
				      "ends");
				return -EINVAL;
			}
			if (!cbcall && e->jmps_processed - e->prev_jmps_processed < 20 &&
			    e->insn_processed - e->prev_insn_processed < 100)
				add = 0;
		} else if (states_equal(e, sl->st, e->cur, 0)) {
			propagate_precision(e, sl->st);
			sl->hit++;
			return 1;
		}
		/* Misses count only when a new state will be added, so the checkpoints of
		 * a loop's first iterations survive; a state that keeps missing is dropped
		 * from the list (its memory stays: later states may name it as parent). */
		if (add)
			sl->miss++;
		if (sl->miss > sl->hit * 3 + 3) {
			*pp = sl->next;
			mem_free(sl);
			e->cur_states--;
			continue;
		}
		pp = &sl->next;
	}
	if (!add)
		return 0;
	{
		struct vs_state *node = state_copy(e, e->cur, 1);
		struct slist *sl = mem_alloc(sizeof(*sl));
		void *p = mem_array(e->all, &e->allcap, e->nall + 1, sizeof(*e->all));

		if (!node || !sl || !p) {
			state_free(node);
			mem_free(sl);
			if (p)
				e->all = p;
			e->nomem = 1;
			return -ENOMEM;
		}
		e->all = p;
		e->all[e->nall++] = node;
		node->branches = 1;
		node->insn = insn;
		e->cur->parent = node;
		e->cur->nhist = 0; /* the node holds the history up to here */
		sl->st = node;
		sl->next = e->sl[insn];
		e->sl[insn] = sl;
		e->prev_jmps_processed = e->jmps_processed;
		e->prev_insn_processed = e->insn_processed;
		e->r->total_states++;
		if (++e->cur_states > e->peak_states)
			e->peak_states = e->cur_states;
	}
	return 0;
}

static void path_end(struct env *e)
{
	for (struct vs_state *n = e->cur->parent; n; n = n->parent)
		if (--n->branches > 0)
			break;
}

/* ---- log ---- */

static void log_reg(struct buf *b, int i, const struct vs_reg *r)
{
	if (r->type == VS_NOT_INIT)
		return;
	buf_printf(b, " R%d=", i);
	if (r->type == VS_SCALAR && tnum_is_const(r->var)) {
		buf_printf(b, "%lld", (long long)r->var.value);
		return;
	}
	buf_printf(b, "%s(", tname(r));
	if (r->type == VS_STACK)
		buf_printf(b, "%d", r->off);
	else if (r->off)
		buf_printf(b, "off=%d", r->off);
	if (r->id)
		buf_printf(b, "%sid=%u", r->off ? "," : "", r->id);
	if (r->type == VS_PKT || r->type == VS_PKT_META)
		buf_printf(b, ",r=%d", r->range);
	if (r->type == VS_SCALAR || !tnum_is_const(r->var)) {
		if (r->smin != INT64_MIN)
			buf_printf(b, ",smin=%lld", (long long)r->smin);
		if (r->smax != INT64_MAX)
			buf_printf(b, ",smax=%lld", (long long)r->smax);
		if (r->umin)
			buf_printf(b, ",umin=%llu", (unsigned long long)r->umin);
		if (r->umax != UINT64_MAX)
			buf_printf(b, ",umax=%llu", (unsigned long long)r->umax);
		if (!tnum_is_unknown(r->var))
			buf_printf(b, ",var_off=(%#llx; %#llx)", (unsigned long long)r->var.value,
				   (unsigned long long)r->var.mask);
	}
	buf_printf(b, ")");
}

static void log_state(struct env *e)
{
	struct vs_frame *f = cur_frame(e);

	for (int i = 0; i < 11; i++)
		log_reg(&e->r->log, i, &f->regs[i]);
	for (int s = 0; s < f->nslots; s++) {
		const struct vs_slot *sl = &f->slots[s];

		if (sl->type[0] == VS_SLOT_SPILL) {
			buf_printf(&e->r->log, " fp%d=", -(s + 1) * 8);
			struct buf tmp = {0};
			log_reg(&tmp, 0, &sl->spill);
			if (tmp.len > 4)
				buf_append(&e->r->log, tmp.data + 4, tmp.len - 4);
			buf_free(&tmp);
		} else {
			char t[9];
			int any = 0;

			for (int b = 0; b < 8; b++) {
				t[7 - b] = "?mz"[sl->type[b] < 3 ? sl->type[b] : 0];
				any |= sl->type[b] != VS_SLOT_INVALID;
			}
			t[8] = 0;
			if (any)
				buf_printf(&e->r->log, " fp%d=%s", -(s + 1) * 8, t);
		}
	}
	buf_printf(&e->r->log, "\n");
}

/* ---- CFG ---- */

static int code_known(uint8_t code)
{
	for (int i = 1; i < ISA_OP_COUNT; i++)
		if (isa_ops[i].code == code)
			return 1;
	return 0;
}

/* The kernel's complaint about an instruction with fields its opcode does not use. */
static const char *reserved_msg(uint8_t code)
{
	switch (ISA_CLASS(code)) {
	case ISA_CLASS_ALU:
	case ISA_CLASS_ALU64:
		switch (ISA_OPC(code)) {
		case 0xb0:
			return "BPF_MOV uses reserved fields";
		case 0x80:
			return "BPF_NEG uses reserved fields";
		case 0xd0:
			return "BPF_END uses reserved fields";
		}
		return "BPF_ALU uses reserved fields";
	case ISA_CLASS_LDX:
		return "BPF_LDX uses reserved fields";
	case ISA_CLASS_STX:
		return ISA_MODE(code) == 0xc0 ? "BPF_ATOMIC uses reserved fields"
					      : "BPF_STX uses reserved fields";
	case ISA_CLASS_ST:
		return "BPF_ST uses reserved fields";
	case ISA_CLASS_LD:
		return "BPF_LD_[ABS|IND] uses reserved fields";
	}
	if (code == 0x85)
		return "BPF_CALL uses reserved fields";
	if (code == 0x95)
		return "BPF_EXIT uses reserved fields";
	if (ISA_OPC(code) == 0x00)
		return "BPF_JA uses reserved fields";
	return "BPF_JMP/JMP32 uses reserved fields";
}

/* resolve_pseudo_ldimm64(): what an lddw may name, checked before anything else. */
static int lddw_check(struct env *e, const struct isa_insn *in, const struct isa_raw *raw)
{
	int32_t hi = raw[1].imm;

	switch (in->src) {
	case 0:
	case ISA_PSEUDO_FUNC:
		return 0;
	case ISA_PSEUDO_BTF_ID:
		if (hi)
			return verr(e, e->insn, "invalid module BTF object FD specified.");
		return verr(e, e->insn, "pseudo btf_id %d in ldimm64 isn't KIND_VAR or KIND_FUNC",
			    in->imm);
	case ISA_PSEUDO_MAP_FD:
	case ISA_PSEUDO_MAP_IDX:
		if (hi)
			return verr(e, e->insn, "unrecognized bpf_ld_imm64 insn");
		break;
	case ISA_PSEUDO_MAP_VALUE:
	case ISA_PSEUDO_MAP_IDX_VALUE:
		break;
	default:
		return verr(e, e->insn, "unrecognized bpf_ld_imm64 insn");
	}
	if (in->src == ISA_PSEUDO_MAP_IDX || in->src == ISA_PSEUDO_MAP_IDX_VALUE)
		return verr(e, e->insn, "fd_idx without fd_array is invalid");
	if (in->imm < 0 || (size_t)in->imm >= e->p->nmaps)
		return verr(e, e->insn, "fd %d is not pointing to valid bpf_map", in->imm);
	if (in->src == ISA_PSEUDO_MAP_VALUE && (uint32_t)hi >= e->p->maps[in->imm].value_size)
		return verr(e, e->insn, "invalid access to map value pointer, value_size=%u off=%u",
			    e->p->maps[in->imm].value_size, (uint32_t)hi);
	return 0;
}

/* A jump's target slot from the raw instruction, or INT64_MIN for non-jumps. */
static int64_t raw_jump_target(const struct isa_raw *r, size_t i)
{
	uint8_t cls = ISA_CLASS(r->code);

	if ((cls != ISA_CLASS_JMP && cls != ISA_CLASS_JMP32) || r->code == 0x85 ||
	    r->code == 0x95 || r->code == 0x8d)
		return INT64_MIN;
	if (r->code == 0x06) /* gotol */
		return (int64_t)i + r->imm + 1;
	return (int64_t)i + r->off + 1;
}

static int check_abnormal_return(struct env *e)
{
	static const char fix[] = "give every function `.type NAME, @function` so the object "
				  "carries BTF func info for each (clang -g does)";
	const struct isa_raw *raw = e->p->insns;
	size_t n = e->p->ninsns;

	for (size_t s = 1; s < n; s++) {
		int ld_abs = -1, tail = -1;

		if (e->subprog_of[s] != (int)s)
			continue;
		for (size_t i = s; i < n && e->subprog_of[i] == (int)s; i++) {
			uint8_t m = raw[i].code & 0xe0, cls = ISA_CLASS(raw[i].code);

			if (ld_abs < 0 && cls == ISA_CLASS_LD &&
			    (m == 0x20 || m == 0x40)) /* abs, ind */
				ld_abs = (int)i;
			if (tail < 0 && raw[i].code == 0x85 && raw[i].src == 0 && raw[i].imm == 12)
				tail = (int)i;
		}
		if (ld_abs >= 0) {
			verr(e, ld_abs, "LD_ABS is not allowed in subprogs without BTF");
			vnote(e, ld_abs, "%s", fix);
			return -EINVAL;
		}
		if (tail >= 0) {
			verr(e, tail, "tail_call is not allowed in subprogs without BTF");
			vnote(e, tail, "%s", fix);
			return -EINVAL;
		}
	}
	return 0;
}

/*
 * The checks before the walk, in the kernel's order: call targets (add_subprog), jumps
 * staying inside their function and functions ending in exit or a jump (check_subprogs),
 * opcodes and lddw sources (resolve_pseudo_ldimm64), then a depth-first walk (check_cfg)
 * that refuses jumps into the middle of an lddw and, for unprivileged loads, back-edges,
 * and last reachability.
 */
static int check_cfg(struct env *e)
{
	const struct isa_raw *raw = e->p->insns;
	size_t n = e->p->ninsns;
	uint8_t *state = NULL, *second = NULL;
	int *work = NULL, *edge = NULL, nw = 0, err = 0;

	if (n == 0)
		return verr(e, -1, "empty program");
	if (n > INSN_LIMIT)
		return verr(e, -1, "BPF program is too large. Processed %d insn", INSN_LIMIT + 1);
	state = mem_alloc(n);
	second = mem_alloc(n);
	work = mem_alloc(n * sizeof(int) + sizeof(int));
	edge = mem_alloc(n * sizeof(int));
	if (!state || !second || !work || !edge) {
		err = -ENOMEM;
		e->nomem = 1;
		goto out;
	}
	/* 1. functions: the targets of calls and of lddw of a function */
	for (size_t i = 0; i < n; i++)
		e->subprog_of[i] = -1;
	e->subprog_of[0] = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t t;

		if (!((raw[i].code == 0x85 &&
		       (raw[i].src == ISA_PSEUDO_CALL || raw[i].src == ISA_PSEUDO_KFUNC_CALL)) ||
		      (raw[i].code == 0x18 && raw[i].src == ISA_PSEUDO_FUNC)))
			continue;
		if (e->o->unpriv) {
			verr(e, (int)i,
			     "loading/calling other bpf or kernel functions are allowed for "
			     "CAP_BPF "
			     "and CAP_SYS_ADMIN");
			vnote(e, (int)i,
			      "an unprivileged program is one function: no calls, "
			      "callbacks or kfuncs");
			err = -EPERM;
			goto out;
		}
		if (raw[i].src == ISA_PSEUDO_KFUNC_CALL)
			continue;
		t = (int64_t)i + raw[i].imm + 1;
		if (t < 0 || t >= (int64_t)n) {
			err = verr(e, (int)i, "call to invalid destination");
			goto out;
		}
		e->subprog_of[t] = (int)t;
	}
	{
		int cur = 0;

		for (size_t i = 0; i < n; i++) {
			if (e->subprog_of[i] == (int)i)
				cur = (int)i;
			e->subprog_of[i] = cur;
		}
	}
	/* 2. jumps stay in their function; a function ends in exit or goto */
	for (size_t i = 0; i < n; i++) {
		int64_t t = raw_jump_target(&raw[i], i);
		int last = i + 1 == n || e->subprog_of[i + 1] != e->subprog_of[i];

		if (t != INT64_MIN &&
		    (t < 0 || t >= (int64_t)n || e->subprog_of[t] != e->subprog_of[i])) {
			err = verr(e, (int)i, "jump out of range from insn %zu to %lld", i,
				   (long long)t);
			goto out;
		}
		if (last && raw[i].code != 0x95 && raw[i].code != 0x05 && raw[i].code != 0x06) {
			err = verr(e, (int)i, "last insn is not an exit or jmp");
			goto out;
		}
	}
	/* 2b. without BTF func info (check_btf_info: check_abnormal_return), no subprogram
	 * may leave through LD_ABS/LD_IND or a tail call; per subprogram in order, LD_ABS first */
	if (e->p->no_func_info) {
		err = check_abnormal_return(e);
		if (err)
			goto out;
	}
	/* 3. opcodes and lddw */
	for (size_t i = 0; i < n; i++) {
		const char *why = NULL;
		int k;

		if (raw[i].code == 0x8d || !code_known(raw[i].code)) {
			err = verr(e, (int)i, "unknown opcode %02x", raw[i].code);
			goto out;
		}
		if (raw[i].code != 0x18 && (raw[i].dst > 10 || raw[i].src > 10)) {
			/* reported when the walk reaches it, as the kernel does */
			e->bad[i] = 1;
			e->in[i].code = raw[i].code;
			e->in[i].dst = raw[i].dst;
			e->in[i].src = raw[i].src;
			continue;
		}
		k = isa_insn_decode(raw + i, n - i, &e->in[i], &why);
		if (k < 0 && raw[i].code != 0x18) {
			/* fields the opcode does not use: also the walk's to report */
			e->bad[i] = 2;
			e->in[i].code = raw[i].code;
			e->in[i].off = raw[i].off;
			e->in[i].imm = raw[i].imm;
			continue;
		}
		if (k < 0) {
			err = verr(e, (int)i, "invalid bpf_ld_imm64 insn");
			goto out;
		}
		if (k == 2) {
			e->insn = (int)i;
			if ((err = lddw_check(e, &e->in[i], raw + i)))
				goto out;
			second[i + 1] = 1;
			memset(&e->in[i + 1], 0, sizeof(e->in[i + 1]));
			i++;
		}
	}
	/* 4. reachability (depth first, as check_cfg), back-edges for unprivileged loads */
	work[nw++] = 0;
	state[0] = 1;
	while (nw) {
		int t = work[nw - 1], succ[2], ns = 0, pushed = 0;
		const struct isa_insn *in = &e->in[t];
		int cls = ISA_CLASS(in->code);

		if (in->code == 0x95) {
			ns = 0;
		} else if (cls == ISA_CLASS_JMP || cls == ISA_CLASS_JMP32) {
			if (in->code == 0x85 || in->code == 0x8d) {
				succ[ns++] = t + 1;
				if (in->code == 0x85 && in->src == ISA_PSEUDO_CALL)
					succ[ns++] = t + in->imm + 1;
			} else if (ISA_OPC(in->code) == 0x00) {
				succ[ns++] = (int)raw_jump_target(&raw[t], (size_t)t);
			} else {
				succ[ns++] = t + 1;
				succ[ns++] = (int)raw_jump_target(&raw[t], (size_t)t);
			}
		} else {
			succ[ns++] = t + (in->code == 0x18 && !e->bad[t] ? 2 : 1);
			if (in->code == 0x18 && in->src == ISA_PSEUDO_FUNC)
				succ[ns++] = t + in->imm + 1;
		}
		for (int k = edge[t]; k < ns; k++) {
			int w = succ[k];

			edge[t] = k + 1;
			if (w < 0 || w >= (int)n)
				continue;
			if (second[w]) {
				err = verr(e, t, "jump into the middle of ldimm64 insn %d", w - 1);
				goto out;
			}
			if (state[w] == 0) {
				state[w] = 1;
				work[nw++] = w;
				pushed = 1;
				break;
			}
			if (state[w] == 1 && e->o->unpriv && in->code != 0x85) {
				err = verr(e, t, "back-edge from insn %d to %d", t, w);
				goto out;
			}
		}
		if (!pushed) {
			state[t] = 2;
			nw--;
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (!second[i] && !state[i]) {
			err = verr(e, (int)i, "unreachable insn %zu", i);
			vnote(e, (int)i,
			      "no path from the program's start reaches this instruction");
			goto out;
		}
	}
	/* 5. prune points, the kernel's: jump targets, conditional jumps and calls of
	 * functions themselves, and the instruction after every call */
	for (size_t i = 0; i < n; i++) {
		int64_t t = raw_jump_target(&raw[i], i);

		if (second[i] || t == INT64_MIN || second[t])
			continue;
		e->prune[t] = PRUNE_POINT;
		if (ISA_OPC(raw[i].code) != 0x00)
			e->prune[i] = PRUNE_POINT;
	}
	for (size_t i = 0; i < n; i++) {
		int k;

		if (raw[i].code != 0x85 || second[i])
			continue;
		if (i + 1 < n)
			e->prune[i + 1] = PRUNE_POINT;
		/* a callback's call is where its iterations meet (see is_state_visited) */
		k = raw[i].src == 0 ? callback_kind(raw[i].imm) : VS_CB_NONE;
		if (k != VS_CB_NONE)
			e->prune[i] |= PRUNE_POINT | (k == VS_CB_SYNC ? PRUNE_CALLBACK : 0);
	}
out:
	e->insn = 0; /* the walk starts at the top */
	mem_free(state);
	mem_free(second);
	mem_free(work);
	mem_free(edge);
	return err;
}

/* ---- the walk ---- */

static int check_ld_imm(struct env *e, const struct isa_insn *in)
{
	struct vs_reg *d;
	int err;

	if ((err = check_write(e, in->dst)))
		return err;
	d = reg(e, in->dst);
	switch (in->src) {
	case 0:
		vs_reg_const(d, (uint64_t)in->imm64);
		return 0;
	case ISA_PSEUDO_MAP_FD:
	case ISA_PSEUDO_MAP_IDX:
	case ISA_PSEUDO_MAP_VALUE:
	case ISA_PSEUDO_MAP_IDX_VALUE: {
		int m = in->imm;

		if (m < 0 || (size_t)m >= e->p->nmaps)
			return verr(e, e->insn, "fd %d is not pointing to valid bpf_map", m);
		vs_reg_const(d, 0);
		d->map = m;
		if (in->src == ISA_PSEUDO_MAP_VALUE || in->src == ISA_PSEUDO_MAP_IDX_VALUE) {
			uint32_t off = (uint32_t)((uint64_t)in->imm64 >> 32);

			if (off >= e->p->maps[m].value_size)
				return verr(
					e, e->insn,
					"invalid access to map value pointer, value_size=%u off=%u",
					e->p->maps[m].value_size, off);
			d->type = VS_MAP_VALUE;
			d->off = (int32_t)off;
		} else {
			d->type = VS_MAP_PTR;
		}
		return 0;
	}
	case ISA_PSEUDO_FUNC:
		if (e->p->no_func_info) {
			verr(e, e->insn, "missing btf func_info");
			vnote(e, e->insn,
			      "a callback needs BTF func info: give every function `.type NAME, "
			      "@function` (clang -g does)");
			return -EINVAL;
		}
		vs_reg_const(d, 0);
		d->type = VS_FUNC;
		d->map = e->insn + in->imm + 1;
		return 0;
	}
	return verr(e, e->insn, "invalid bpf_ld_imm64 insn");
}

static int check_ld_abs(struct env *e, const struct isa_insn *in)
{
	int t = e->p->prog_type, err;

	if (t != VS_PT_SOCKET_FILTER && t != VS_PT_SCHED_CLS && t != VS_PT_SCHED_ACT &&
	    t != VS_PT_CGROUP_SKB && t != VS_PT_LWT_IN && t != VS_PT_LWT_OUT && t != VS_PT_LWT_XMIT)
		return verr(e, e->insn,
			    "BPF_LD_[ABS|IND] instructions not allowed for this program type");
	if ((err = check_read(e, 6)))
		return err;
	if (ISA_MODE(in->code) == 0x40 && (err = check_read(e, in->src)))
		return err;
	if (reg(e, 6)->type != VS_CTX)
		return verr(e, e->insn, "at the time of BPF_LD_ABS|IND R6 != pointer to skb");
	if (e->cur->nrefs)
		return verr(e, e->insn, "BPF_LD_[ABS|IND] cannot be mixed with socket references");
	for (int i = 1; i <= 5; i++)
		reg_not_init(reg(e, i));
	mark_loaded(reg(e, 0), isa_code_width(in->code));
	return 0;
}

static int do_check(struct env *e)
{
	int next, err;

	for (;;) {
		const struct isa_insn *in;
		int cls;

		if (e->insn < 0 || (size_t)e->insn >= e->p->ninsns)
			return verr(e, e->prev_insn, "jump out of range from insn %d to %d",
				    e->prev_insn, e->insn);
		if (++e->insn_processed > INSN_LIMIT) {
			verr(e, e->insn, "BPF program is too large. Processed %d insn",
			     INSN_LIMIT + 1);
			vnote(e, e->insn,
			      "the walk of every path passed the kernel's limit of %d "
			      "instructions: a "
			      "loop without a provable bound, or too many paths",
			      INSN_LIMIT);
			return -E2BIG;
		}
		if (e->prune[e->insn]) {
			err = is_state_visited(e, e->insn);
			if (err < 0)
				return err;
			if (err == 1)
				goto path_done;
		}
		if ((err = hist_push(e)))
			return err;
		in = &e->in[e->insn];
		cls = ISA_CLASS(in->code);
		if (e->bad[e->insn] == 1)
			return verr(e, e->insn, "R%d is invalid", in->dst > 10 ? in->dst : in->src);
		if (e->bad[e->insn] == 2)
			return verr(e, e->insn, "%s", reserved_msg(in->code));
		next = e->insn + 1;
		if (e->o->log_level >= 1) {
			char t[96];

			isa_insn_print(in, ISA_SYNTAX_LLVM, 0, t, sizeof(t));
			buf_printf(&e->r->log, "%d: (%02x) %s\n", e->insn, in->code, t);
		}
		switch (cls) {
		case ISA_CLASS_ALU:
		case ISA_CLASS_ALU64:
			err = check_alu(e, in);
			break;
		case ISA_CLASS_LDX:
		case ISA_CLASS_ST:
		case ISA_CLASS_STX:
			err = check_ldst(e, in);
			break;
		case ISA_CLASS_LD:
			if (in->code == 0x18) {
				err = check_ld_imm(e, in);
				next = e->insn + 2;
			} else {
				err = check_ld_abs(e, in);
			}
			break;
		default: /* JMP, JMP32 */
			if (in->code == 0x85) {
				e->jmps_processed++;
				if (in->src == ISA_PSEUDO_CALL)
					err = check_pseudo_call(e, in, &next);
				else if (in->src == ISA_PSEUDO_KFUNC_CALL)
					err = verr(e, e->insn,
						   "kernel function calls are not supported in "
						   "this sim");
				else
					err = check_helper(e, in);
				if (!err && in->src == 0 && in->imm == 12) {
					/* tail call: on success the program never comes back */
				}
			} else if (in->code == 0x8d) {
				err = verr(e, e->insn, "callx is not supported");
			} else if (in->code == 0x95) {
				e->jmps_processed++;
				if (e->cur->curframe > 0) {
					err = check_exit_sub(e, &next);
				} else {
					err = check_exit_main(e);
					if (!err)
						goto path_done;
				}
			} else if (ISA_OPC(in->code) == 0x00) {
				e->jmps_processed++;
				next = e->insn + (in->code == 0x06 ? in->imm : in->off) + 1;
				err = 0;
			} else {
				err = check_cond_jmp(e, in, &next);
			}
			break;
		}
		if (err)
			return err;
		for (int f = 0; f <= e->cur->curframe; f++) {
			const struct vs_frame *fr = e->cur->frame[f];

			if (fr->nslots * 8 > e->depth[fr->subprog])
				e->depth[fr->subprog] = fr->nslots * 8;
		}
		if (e->o->log_level >= 2) {
			buf_printf(&e->r->log, "%d:", next);
			log_state(e);
		}
		e->prev_insn = e->insn;
		e->insn = next;
		continue;
	path_done:
		path_end(e);
		state_free(e->cur);
		e->cur = NULL;
		if (!e->nstack)
			return 0;
		{
			struct pending p = e->stack[--e->nstack];

			e->cur = p.st;
			e->insn = p.insn;
			e->prev_insn = p.prev;
			if (e->o->log_level >= 2)
				buf_printf(&e->r->log, "from %d to %d:\n", p.prev, p.insn);
		}
	}
}

/*
 * check_max_stack_depth: the frames of a call chain share one 512-byte budget; each frame
 * counts its deepest use rounded up to 16 bytes (round_up_stack_depth() for a JIT, which
 * this kernel always has). A synchronous callback counts as a call from the function that
 * loads its address; an asynchronous one is a chain of its own.
 */
static int stack_round(int depth)
{
	return (depth + 15) & ~15;
}

static int priv_stack(const struct env *e)
{
	int t = e->p->prog_type;

	return t == VS_PT_KPROBE || t == VS_PT_TRACEPOINT || t == VS_PT_PERF_EVENT ||
	       t == VS_PT_RAW_TRACEPOINT || t == VS_PT_RAW_TRACEPOINT_WRITABLE;
}

static int stack_depth_walk(struct env *e, int sub, int acc, int frames)
{
	if (frames >= VS_MAX_FRAMES)
		return 0;
	for (size_t i = (size_t)sub; i < e->p->ninsns && e->subprog_of[i] == sub; i++) {
		const struct isa_insn *in = &e->in[i];
		int callee, d, err;

		if (!(in->code == 0x85 && in->src == ISA_PSEUDO_CALL) &&
		    !(in->code == 0x18 && in->src == ISA_PSEUDO_FUNC))
			continue;
		if (e->bad[i])
			continue;
		callee = (int)i + in->imm + 1;
		if (callee < 0 || (size_t)callee >= e->p->ninsns || callee == sub ||
		    (in->code == 0x18 && e->async_cb[callee]))
			continue;
		d = e->depth[callee];
		/* tracing programs on x86-64: a function using 64 bytes or more gets a
		 * private stack of its own (the kernel's PRIV_STACK_ADAPTIVE) */
		d = priv_stack(e) && d >= 64 ? acc : acc + stack_round(d);
		if (d > VS_STACK_SIZE) {
			verr(e, (int)i, "combined stack size of %d calls is %d. Too large",
			     frames + 1, d);
			vnote(e, (int)i,
			      "the stack frames of the functions on this call chain add up to more "
			      "than %d bytes",
			      VS_STACK_SIZE);
			return -EACCES;
		}
		if ((err = stack_depth_walk(e, callee, d, frames + 1)))
			return err;
	}
	return 0;
}

/* The kernel's nr_cpu_ids here: the possible CPUs ("0-7" gives 8). */
static int64_t host_cpus_read(void)
{
	FILE *f = fopen("/sys/devices/system/cpu/possible", "r");
	unsigned lo = 0, hi = 0;
	long n;

	if (f) {
		int k = fscanf(f, "%u-%u", &lo, &hi);

		fclose(f);
		if (k == 2 && hi >= lo)
			return (int64_t)hi + 1;
		if (k == 1)
			return (int64_t)lo + 1;
	}
	n = sysconf(_SC_NPROCESSORS_CONF);
	return n > 0 ? n : 1;
}

/* The possible CPUs, read once: it does not change while we run, and reading it costs more
 * than verifying a small program. */
static int64_t host_cpus(void)
{
	static int64_t n;

	if (!n)
		n = host_cpus_read();
	return n;
}

void vsim_result_fini(struct vsim_result *r)
{
	buf_free(&r->log);
}

int vsim_prog_check(const struct vsim_prog *p, const struct vsim_opts *opts, struct vsim_result *r)
{
	struct vsim_opts defo = {0};
	struct env e = {.p = p, .o = opts ? opts : &defo, .r = r};
	size_t n = p->ninsns ? p->ninsns : 1;
	int err;

	memset(r, 0, sizeof(*r));
	e.nr_cpus = e.o->nr_cpus > 0 ? e.o->nr_cpus : host_cpus();
	r->insn = -1;
	r->note_insn = -1;
	e.in = mem_alloc(n * sizeof(*e.in));
	e.prune = mem_alloc(n);
	e.bad = mem_alloc(n);
	e.depth = mem_alloc(n * sizeof(int));
	e.async_cb = mem_alloc(n);
	e.subprog_of = mem_alloc(n * sizeof(int));
	e.sl = mem_alloc(n * sizeof(*e.sl));
	e.alu_state = mem_alloc(n);
	e.alu_limit = mem_alloc(n * sizeof(*e.alu_limit));
	e.live = mem_alloc(n * sizeof(*e.live));
	e.precision = !e.o->unpriv;
	if (!e.in || !e.prune || !e.bad || !e.depth || !e.async_cb || !e.subprog_of || !e.sl ||
	    !e.alu_state || !e.alu_limit || !e.live) {
		err = -ENOMEM;
		goto out;
	}
	err = check_cfg(&e);
	if (!err)
		err = vs_live_compute(e.in, p->ninsns, e.live);
	if (!err) {
		e.cur = mem_alloc(sizeof(*e.cur));
		if (!e.cur || !(e.cur->frame[0] = mem_alloc(sizeof(struct vs_frame)))) {
			err = -ENOMEM;
			goto out;
		}
		frame_init(e.cur->frame[0], 0, 0, -1);
		vs_reg_const(&e.cur->frame[0]->regs[1], 0);
		e.cur->frame[0]->regs[1].type = VS_CTX;
		if (e.o->log_level)
			buf_printf(&r->log, "0: R1=ctx() R10=fp0\n");
		err = do_check(&e);
		/* the chains from the program's start, then from each async callback */
		for (size_t i = 0; i < p->ninsns && !err && !e.failed; i++) {
			int d = e.depth[i];

			if (i == 0 || e.async_cb[i])
				err = stack_depth_walk(
					&e, (int)i, priv_stack(&e) && d >= 64 ? 0 : stack_round(d),
					1);
		}
	}
	if (e.nomem)
		err = -ENOMEM;
	r->insns_processed = e.insn_processed > INSN_LIMIT + 1 ? INSN_LIMIT + 1 : e.insn_processed;
	r->peak_states = e.peak_states;
	if (err == -ENOMEM && !e.failed)
		goto out;
	r->accepted = !e.failed;
	if (e.o->log_level)
		buf_printf(&r->log,
			   "processed %llu insns (limit %d) max_states_per_insn %u total_states %u "
			   "peak_states %u mark_read 0\n",
			   (unsigned long long)r->insns_processed, INSN_LIMIT,
			   r->max_states_per_insn, r->total_states, r->peak_states);
	err = 0;
out:
	state_free(e.cur);
	for (size_t i = 0; i < e.nstack; i++)
		state_free(e.stack[i].st);
	mem_free(e.stack);
	for (size_t i = 0; e.sl && i < n; i++) {
		struct slist *s = e.sl[i];

		while (s) {
			struct slist *nx = s->next;

			mem_free(s);
			s = nx;
		}
	}
	for (size_t i = 0; i < e.nall; i++)
		state_free(e.all[i]);
	mem_free(e.all);
	mem_free(e.in);
	mem_free(e.prune);
	mem_free(e.alu_state);
	mem_free(e.alu_limit);
	mem_free(e.bad);
	mem_free(e.depth);
	mem_free(e.async_cb);
	mem_free(e.subprog_of);
	mem_free(e.sl);
	mem_free(e.live);
	mem_free(e.links.set);
	return err;
}
