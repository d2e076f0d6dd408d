/* SPDX-License-Identifier: MIT */
/*
 * interp.c - the machine: loading (validating and pre-decoding) a program, and the
 * interpreter that runs it with the kernel's semantics (RFC 9669 and kernel/bpf/core.c).
 *
 * Pre-decoded form. Each slot becomes a struct vm_insn of 16 bytes: the row of insn.def
 * (which is also the handler index), the registers, off and the immediate sign-extended to
 * 64 bits. Jumps and local calls keep the distance to their target in off (target - slot),
 * so a taken branch is pc += off; lddw keeps its resolved 64-bit constant in imm and its
 * second slot stays as a never-executed placeholder, so slot numbers (and so faults, traces
 * and line info) are the object's. One more slot past the end faults "fell off the end".
 *
 * Load-time validation makes the run loop trust the code: every slot decodes, every branch
 * and call lands on an instruction start inside the program, nothing writes r10, every lddw
 * of a map names a handle. What it cannot know (memory, helpers, depth, budget) is checked as
 * it runs.
 *
 * Dispatch is computed goto through a label table expanded from insn.def: a row without a
 * handler label does not compile. The budget counter doubles as the trace hook: with tracing
 * on, it is kept at zero so every instruction takes the slow "tick" path; with tracing off
 * the fast path is one decrement and one predictable branch per instruction.
 *
 * Semantics that surprise (each marked where handled): division by zero gives 0 and modulo
 * by zero leaves dst (zero-extended when 32-bit); signed INT_MIN / -1 gives INT_MIN and
 * INT_MIN % -1 gives 0 (the kernel special-cases -1 to avoid the trap); shift counts are
 * masked to the width; 32-bit ALU results are zero-extended; 32-bit atomics with fetch
 * zero-extend the old value; ld_abs/ld_ind outside the packet end the program with r0 = 0.
 */
#include "vm.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "map.h"
#include "mem.h"

#if !defined(__GNUC__)
#error "the interpreter needs computed goto (GCC or Clang)"
#endif
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "le16/le32 and the pseudo-register layout assume a little-endian host"
#endif

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* Handler indexes past the table's rows. */
enum {
	VM_OP_FALLOFF = ISA_OP_COUNT,
	/* ldxw that looks like a context field load (an aligned offset below VM_LOAD4_MAX):
	 * tries the load4 table first, then is an ordinary ldxw */
	VM_OP_LDXW_CTX,
	/* superinstructions: two slots in one dispatch (fuse()); the second slot keeps its
	 * own op for jumps into it, and p->orig has the first's for traces and a budget
	 * that has one instruction left */
	VM_OP_MOV_ADD, /* rX = rY; rX += imm */
#define FUSED_JCC(size)                                                                            \
	VM_OP_LDX##size##_JEQ, VM_OP_LDX##size##_JNE, VM_OP_LDX##size##_JGT,                       \
		VM_OP_LDX##size##_JGE, VM_OP_LDX##size##_JLT, VM_OP_LDX##size##_JLE
	FUSED_JCC(B),
	FUSED_JCC(H),
	FUSED_JCC(W),
#undef FUSED_JCC
	VM_OP_COUNT
};

struct vm_insn {
	uint16_t op; /* enum isa_op, or VM_OP_FALLOFF / VM_OP_LDXW_CTX */
	uint8_t dst, src;
	int32_t off;  /* memory offset; branches and local calls: target slot - this slot */
	uint64_t imm; /* imm sign-extended; lddw: the resolved 64-bit value */
};
_Static_assert(sizeof(struct vm_insn) == 16, "a decoded instruction is 16 bytes");

struct vm_prog {
	struct vm *vm;
	char *name;
	struct vm_insn *insns; /* n + 1: the last one is VM_OP_FALLOFF */
	struct isa_raw *raw;   /* a copy, for traces */
	size_t n;
	const struct obj *obj;
	const struct obj_origin *origin;
	uint16_t *orig; /* n: each slot's own op where fuse() replaced it, or NULL */
};

/* ---------------------------------------------------------------- the machine */

struct vm *vm_new(void)
{
	struct vm *vm = mem_alloc(sizeof(*vm));
	int r;

	if (!vm)
		return NULL;
	/* region 0: nothing, so NULL faults */
	if (vm_region_add(vm, "null", NULL, 0, 0, 0, 0) != 0)
		goto out_free;
	for (unsigned k = 0; k < VM_MAX_FRAMES; k++) {
		char name[32];

		snprintf(name, sizeof(name), "stack of frame %u", k);
		r = vm_region_add(vm, name, vm->stacks[k], VM_STACK_SIZE, VM_MEM_RW, 0, 0);
		if (r != (int)VM_REGION_STACK(k))
			goto out_free;
	}
	vm->budget = VM_BUDGET_DEFAULT;
	vm_load4_set(vm, 0, NULL);
	vm_helpers_kernel(vm);
	vm_seed_set(vm, 0);
	vm_task_set(vm, 0, 0, "ebpf-run");
	return vm;

out_free:
	vm_free(vm);
	return NULL;
}

void vm_free(struct vm *vm)
{
	if (!vm)
		return;
	buf_free(&vm->printk);
	mem_free(vm->maps);
	mem_free(vm->regions);
	mem_free(vm->region_names);
	mem_free(vm);
}

void vm_budget_set(struct vm *vm, uint64_t n)
{
	vm->budget = n ? n : VM_BUDGET_DEFAULT;
	if (vm->budget > INT64_MAX)
		vm->budget = INT64_MAX; /* the run loop counts down a signed 64-bit number */
}

uint64_t vm_executed(const struct vm *vm)
{
	return vm->executed;
}

void vm_trace_set(struct vm *vm, vm_trace_fn fn, void *arg)
{
	vm->trace = fn;
	vm->trace_arg = arg;
}

void vm_tail_call_set(struct vm *vm, vm_tail_call_fn fn, void *arg)
{
	vm->tail_call = fn;
	vm->tail_call_arg = arg;
}

const struct vm_fault *vm_fault_get(const struct vm *vm)
{
	return &vm->fault;
}

/* ---------------------------------------------------------------- loading */

/* Report a load error at slot @i (with its source line when known). */
static void __attribute__((format(printf, 4, 5)))
load_error(const struct vm_prog *p, struct diag *d, size_t i, const char *fmt, ...)
{
	const struct obj_line *l = NULL;
	struct diag_loc loc = {0};
	char msg[256];
	va_list ap;

	if (!d)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (p->obj && p->origin)
		l = obj_line_find(p->obj, p->origin[i].sec, (uint32_t)p->origin[i].off);
	if (l) {
		loc.file = obj_str(p->obj, l->file);
		loc.line = l->line;
		loc.col = l->col;
	}
	diag_error(d, l ? &loc : NULL, "prog '%s': insn %zu: %s", p->name, i, msg);
}

/* Does @op write its dst register (so dst = r10 must be refused)? */
static int writes_dst(const struct isa_opinfo *o)
{
	switch (o->shape) {
	case ISA_SH_ALU_IMM:
	case ISA_SH_ALU_REG:
	case ISA_SH_NEG:
	case ISA_SH_MOVSX:
	case ISA_SH_END:
	case ISA_SH_LDX:
	case ISA_SH_LDDW:
		return 1;
	default:
		return 0;
	}
}

/* Resolve an lddw with a pseudo source into @ins->imm. 0, or -EINVAL with a message. */
static int resolve_lddw(struct vm_prog *p, struct diag *d, size_t i, const struct isa_insn *in,
			struct vm_insn *ins)
{
	const struct vm *vm = p->vm;
	const struct vm_map_handle *h;
	uint32_t off;

	switch (in->op) {
	case ISA_LDDW:
		ins->imm = (uint64_t)in->imm64;
		return 0;
	case ISA_LDDW_MAP_FD:
	case ISA_LDDW_MAP_IDX:
	case ISA_LDDW_MAP_VALUE:
	case ISA_LDDW_MAP_IDX_VALUE:
		if (in->imm < 0 || (size_t)in->imm >= vm->nmaps) {
			load_error(p, d, i, "lddw names map %" PRId32 ", but the VM has %zu maps",
				   in->imm, vm->nmaps);
			return -EINVAL;
		}
		h = &vm->maps[in->imm];
		if (in->op == ISA_LDDW_MAP_FD || in->op == ISA_LDDW_MAP_IDX) {
			ins->imm = VM_ADDR(h->handle_region, 0);
			return 0;
		}
		/* the offset counts host arena bytes: value index * stride + offset in it */
		off = (uint32_t)((uint64_t)in->imm64 >> 32);
		ins->imm = h->arena_region > 0
				   ? vm_region_addr(vm, h->arena_region,
						    vm->regions[h->arena_region].host + off)
				   : 0;
		if (!ins->imm) {
			load_error(p, d, i,
				   "lddw of a value at offset %" PRIu32 " of %s, which "
				   "has no value there",
				   off, vm_region_name(vm, h->handle_region));
			return -EINVAL;
		}
		return 0;
	default:
		load_error(p, d, i, "lddw with pseudo source %u (%s) is not supported by ebpf-run",
			   in->src, isa_ops[in->op].llvm);
		return -EINVAL;
	}
}

/* Check a branch or call from slot @i to @target; store the distance in @ins->off. */
static int set_target(struct vm_prog *p, struct diag *d, size_t i, int64_t target,
		      const uint8_t *start, struct vm_insn *ins)
{
	const char *what = ins->op == ISA_CALL_LOCAL  ? "call"
			   : ins->op == ISA_LDDW_FUNC ? "function address"
						      : "jump";

	if (target < 0 || (uint64_t)target >= p->n) {
		load_error(p, d, i, "%s to slot %" PRId64 " is outside the program (%zu slots)",
			   what, target, p->n);
		return -EINVAL;
	}
	if (!start[target]) {
		load_error(p, d, i, "%s into the middle of the lddw at slot %" PRId64, what,
			   target - 1);
		return -EINVAL;
	}
	if (ins->op == ISA_LDDW_FUNC) {
		/* a callback's address: slot @target in the "code" region, which nothing may
		 * read or write (vm_callback finds the slot again) */
		if (!p->vm->code_region) {
			int r = vm_region_add(p->vm, "function code", NULL, 0, 0, 0, 0);

			if (r < 0) {
				load_error(p, d, i, "cannot map the code region: %s", strerror(-r));
				return r;
			}
			p->vm->code_region = r;
		}
		ins->imm = VM_ADDR(p->vm->code_region, target);
		return 0;
	}
	ins->off = (int32_t)(target - (int64_t)i);
	return 0;
}

/* The superinstruction for slots @a, @b (decoded, targets set), or 0. */
static uint16_t fused_op(const struct vm_insn *a, const struct vm_insn *b)
{
	static const uint16_t jcc[] = {ISA_JEQ64_IMM, ISA_JNE64_IMM, ISA_JGT64_IMM,
				       ISA_JGE64_IMM, ISA_JLT64_IMM, ISA_JLE64_IMM};
	unsigned size;

	if (a->op == ISA_MOV64_REG && b->op == ISA_ADD64_IMM && a->dst == b->dst)
		return VM_OP_MOV_ADD;
	/* a load and a test of the loaded register: the handler compares the value it
	 * loaded, not the register file's copy (a store and a reload later) */
	if (a->dst != b->dst)
		return 0;
	switch (a->op) {
	case ISA_LDXB:
		size = 0;
		break;
	case ISA_LDXH:
		size = 1;
		break;
	case ISA_LDXW:
		size = 2;
		break;
	default:
		return 0;
	}
	for (unsigned k = 0; k < sizeof(jcc) / sizeof(jcc[0]); k++)
		if (b->op == jcc[k])
			return (uint16_t)(VM_OP_LDXB_JEQ + size * 6 + k);
	return 0;
}

/* Fuse common pairs into superinstructions (see VM_OP_MOV_ADD). 0 or -ENOMEM. */
static int fuse(struct vm_prog *p, const uint8_t *start)
{
	for (size_t i = 0; i + 1 < p->n; i++) {
		uint16_t op;

		if (!start[i] || !start[i + 1] || !(op = fused_op(&p->insns[i], &p->insns[i + 1])))
			continue;
		if (!p->orig) {
			p->orig = mem_alloc(p->n * sizeof(*p->orig));
			if (!p->orig)
				return -ENOMEM;
		}
		p->orig[i] = p->insns[i].op;
		p->insns[i].op = op;
		i++; /* the second slot starts no pair */
	}
	return 0;
}

int vm_prog_load(struct vm *vm, const struct isa_raw *insns, size_t n, const char *name,
		 struct vm_prog **out, struct diag *d)
{
	struct vm_prog *p;
	uint8_t *start = NULL;
	int err = -ENOMEM;

	*out = NULL;
	/* slot distances must fit the 32-bit off field, and a program of 16M slots is already
	 * 16 times the kernel's limit */
	if (n > (1u << 24))
		return -E2BIG;
	p = mem_alloc(sizeof(*p));
	if (!p)
		return -ENOMEM;
	p->vm = vm;
	p->n = n;
	p->name = mem_strdup(name ? name : "prog");
	p->insns = mem_alloc((n + 1) * sizeof(*p->insns));
	p->raw = mem_alloc((n ? n : 1) * sizeof(*p->raw));
	start = mem_alloc(n ? n : 1);
	if (!p->name || !p->insns || !p->raw || !start)
		goto out_free;
	if (n)
		memcpy(p->raw, insns, n * sizeof(*insns));
	err = -EINVAL;
	if (n == 0) {
		if (d)
			diag_error(d, NULL, "prog '%s': no instructions", p->name);
		goto out_free;
	}

	/* Pass 1: decode, mark instruction starts. */
	for (size_t i = 0; i < n;) {
		struct isa_insn in;
		const char *why = "";
		int s = isa_insn_decode(insns + i, n - i, &in, &why);

		if (s < 0) {
			load_error(p, d, i, "invalid instruction (%02x %02x %04x %08x): %s",
				   insns[i].code, (unsigned)(insns[i].src << 4 | insns[i].dst),
				   (unsigned)(uint16_t)insns[i].off, (unsigned)insns[i].imm, why);
			goto out_free;
		}
		start[i] = 1;
		p->insns[i].op = in.op;
		p->insns[i].dst = in.dst;
		p->insns[i].src = in.src;
		p->insns[i].off = in.off;
		p->insns[i].imm = (uint64_t)(int64_t)in.imm;
		if (s == 2)
			p->insns[i + 1].op = ISA_INVALID; /* lddw's second half */
		i += (size_t)s;
	}
	p->insns[n].op = VM_OP_FALLOFF;

	/* Pass 2: targets, constants, register rules. */
	for (size_t i = 0; i < n; i++) {
		struct vm_insn *ins = &p->insns[i];
		const struct isa_opinfo *o = &isa_ops[ins->op];
		struct isa_insn in;

		if (!start[i])
			continue;
		isa_insn_decode(insns + i, n - i, &in, NULL);
		if (ins->dst == 10 && writes_dst(o)) {
			load_error(p, d, i, "r10 is the frame pointer and is read-only");
			goto out_free;
		}
		if (ins->src == 10 &&
		    (o->shape == ISA_SH_ATOMIC_FETCH || o->shape == ISA_SH_XCHG)) {
			load_error(p, d, i, "r10 is the frame pointer and is read-only");
			goto out_free;
		}
		if (ins->op == ISA_JA32) {
			if (set_target(p, d, i, (int64_t)i + 1 + in.imm, start, ins))
				goto out_free;
		} else if (ins->op == ISA_CALL_LOCAL) {
			if (set_target(p, d, i, (int64_t)i + 1 + in.imm, start, ins))
				goto out_free;
		} else if (isa_op_is_jump(ins->op)) {
			if (set_target(p, d, i, (int64_t)i + 1 + in.off, start, ins))
				goto out_free;
		} else if (ins->op == ISA_LDDW_FUNC) {
			if (set_target(p, d, i, (int64_t)i + 1 + in.imm, start, ins))
				goto out_free;
		} else if (o->shape == ISA_SH_LDDW) {
			if (resolve_lddw(p, d, i, &in, ins))
				goto out_free;
		} else if (ins->op == ISA_LDXW && ins->src != 10 && ins->off >= 0 &&
			   ins->off < (int32_t)VM_LOAD4_MAX && ins->off % 4 == 0) {
			ins->op = VM_OP_LDXW_CTX;
		}
	}
	err = fuse(p, start);
	if (err)
		goto out_free;
	mem_free(start);
	*out = p;
	return 0;

out_free:
	mem_free(start);
	vm_prog_free(p);
	return err;
}

void vm_prog_free(struct vm_prog *p)
{
	if (!p)
		return;
	mem_free(p->name);
	mem_free(p->insns);
	mem_free(p->raw);
	mem_free(p->orig);
	mem_free(p);
}

void vm_prog_source_set(struct vm_prog *p, const struct obj *o, const struct obj_origin *origin)
{
	p->obj = o;
	p->origin = o ? origin : NULL;
}

size_t vm_prog_len(const struct vm_prog *p)
{
	return p->n;
}

const char *vm_prog_name(const struct vm_prog *p)
{
	return p->name;
}

int vm_prog_insn(const struct vm_prog *p, size_t i, struct isa_insn *out)
{
	if (i >= p->n || p->insns[i].op == ISA_INVALID)
		return -EINVAL;
	return isa_insn_decode(p->raw + i, p->n - i, out, NULL);
}

/* ---------------------------------------------------------------- faults */

/* The source line of slot @i of @p, or NULL. */
static const struct obj_line *insn_line(const struct vm_prog *p, size_t i)
{
	if (!p || !p->obj || !p->origin || i >= p->n)
		return NULL;
	return obj_line_find(p->obj, p->origin[i].sec, (uint32_t)p->origin[i].off);
}

const struct obj_line *vm_prog_line(const struct vm_prog *p, size_t i, const struct obj **o)
{
	const struct obj_line *l = insn_line(p, i);

	if (l && o)
		*o = p->obj;
	return l;
}

int vm_fault_format(const struct vm *vm, char *buf, size_t len)
{
	const struct vm_fault *f = &vm->fault;
	const struct obj_line *l;

	if (f->kind == VM_FAULT_NONE)
		return snprintf(buf, len, "no fault");
	l = insn_line(f->prog, f->insn);
	if (l)
		return snprintf(buf, len, "prog '%s': insn %zu (%s:%u): %s", f->prog->name, f->insn,
				obj_str(f->prog->obj, l->file), l->line, f->msg);
	return snprintf(buf, len, "prog '%s': insn %zu: %s", f->prog ? f->prog->name : "?", f->insn,
			f->msg);
}

void vm_fault_report(const struct vm *vm, struct diag *d, const char *context)
{
	const struct vm_fault *f = &vm->fault;
	const struct obj_line *l;
	struct diag_loc loc = {0};

	if (f->kind == VM_FAULT_NONE)
		return;
	l = insn_line(f->prog, f->insn);
	if (l) {
		loc.file = obj_str(f->prog->obj, l->file);
		loc.line = l->line;
		loc.col = l->col;
	}
	diag_error(d, l ? &loc : NULL, "%s%sprog '%s': insn %zu: %s", context ? context : "",
		   context ? ": " : "", f->prog ? f->prog->name : "?", f->insn, f->msg);
}

/* ---------------------------------------------------------------- the interpreter */

/* Fast-path translation: @var = host address of @size bytes at @addr, or a jump to the
 * memory fault. The slow path handles map arenas (per-slot checks) and the messages. */
#define XLATE(var, addr, size, lim, write)                                                         \
	do {                                                                                       \
		uint64_t a_ = (addr), ri_ = a_ >> 32;                                              \
		if (likely(ri_ < nrg && (uint64_t)(uint32_t)a_ + (size) <= rg[ri_].lim))           \
			var = rg[ri_].host + (uint32_t)a_;                                         \
		else if (!(ri_ < nrg &&                                                            \
			   (var = vm_region_slot_ptr(&rg[ri_], (uint32_t)a_, (size), (write)))) && \
			 !(var = vm_mem_slow(vm, a_, (size), (write))))                            \
			goto fault;                                                                \
	} while (0)

/* Loads give 64 bits: zero-extended (LOAD) or sign-extended (LOADS) on the fast path; the
 * slow path does the whole load, so that a hooked region (the context) can answer with a
 * 64-bit value (a packet pointer field). Stores likewise hand the value to the slow path. */
#define LOADX(T, addr, sx)                                                                         \
	({                                                                                         \
		uint64_t a_ = (addr), ri_ = a_ >> 32, w_;                                          \
		T v_;                                                                              \
		const uint8_t *h_;                                                                 \
		if (likely(ri_ < nrg && (uint64_t)(uint32_t)a_ + sizeof(T) <= rg[ri_].rlim)) {     \
			memcpy(&v_, rg[ri_].host + (uint32_t)a_, sizeof(T));                       \
			w_ = (sx) ? (uint64_t)(int64_t)v_ : (uint64_t)v_;                          \
		} else if (ri_ < nrg &&                                                            \
			   (h_ = vm_region_slot_ptr(&rg[ri_], (uint32_t)a_, sizeof(T), 0))) {      \
			/* a map value */                                                          \
			memcpy(&v_, h_, sizeof(T));                                                \
			w_ = (sx) ? (uint64_t)(int64_t)v_ : (uint64_t)v_;                          \
		} else if (sizeof(T) == 4 && !(sx) && a_ - l4base < VM_LOAD4_MAX && !(a_ & 3) &&   \
			   (w_ = l4[(a_ - l4base) >> 2]) != VM_LOAD4_SLOW) {                       \
			/* a context field from the load4 table (vm_load4_set) */                  \
		} else {                                                                           \
			/* its own variable: w_ stays in a register on the paths above */          \
			uint64_t s_;                                                               \
			if (vm_mem_load(vm, a_, sizeof(T), (sx), &s_))                             \
				goto fault;                                                        \
			w_ = s_;                                                                   \
		}                                                                                  \
		w_;                                                                                \
	})
#define LOAD(T, addr)  LOADX(T, addr, 0)
#define LOADS(T, addr) LOADX(T, addr, 1)
#define STORE(T, addr, val)                                                                        \
	do {                                                                                       \
		uint64_t a_ = (addr), ri_ = a_ >> 32;                                              \
		T v_ = (T)(val);                                                                   \
		uint8_t *h_;                                                                       \
		if (likely(ri_ < nrg && (uint64_t)(uint32_t)a_ + sizeof(T) <= rg[ri_].wlim))       \
			memcpy(rg[ri_].host + (uint32_t)a_, &v_, sizeof(T));                       \
		else if (ri_ < nrg &&                                                              \
			 (h_ = vm_region_slot_ptr(&rg[ri_], (uint32_t)a_, sizeof(T), 1)))          \
			memcpy(h_, &v_, sizeof(T)); /* a map value */                              \
		else if (vm_mem_store(vm, a_, sizeof(T), (uint64_t)v_))                            \
			goto fault;                                                                \
	} while (0)

#define DST	    r[pc->dst]
#define SRC	    r[pc->src]
#define IMM	    (pc->imm)
#define MADDR(base) ((base) + (uint64_t)(int64_t)pc->off)

/* Dispatch the instruction at pc (after counting it against the budget). */
#define NEXT()                                                                                     \
	do {                                                                                       \
		if (unlikely(--left < 0))                                                          \
			goto tick;                                                                 \
		goto *labels[pc->op];                                                              \
	} while (0)
#define STEP()                                                                                     \
	do {                                                                                       \
		pc++;                                                                              \
		NEXT();                                                                            \
	} while (0)
#define BRANCH(cond)                                                                               \
	do {                                                                                       \
		pc += (cond) ? pc->off : 1;                                                        \
		NEXT();                                                                            \
	} while (0)

/* Handlers for rows that share a pattern. */
#define ALU64(name, expr_imm, expr_reg)                                                            \
	op_##name##64_IMM : DST = (expr_imm);                                                      \
	STEP();                                                                                    \
	op_##name##64_REG : DST = (expr_reg);                                                      \
	STEP();
#define ALU32(name, expr_imm, expr_reg)                                                            \
	op_##name##32_IMM : DST = (uint32_t)(expr_imm);                                            \
	STEP();                                                                                    \
	op_##name##32_REG : DST = (uint32_t)(expr_reg);                                            \
	STEP();
#define JMP(name, T, CMP)                                                                          \
	op_##name##64_IMM : BRANCH((T##64_t)DST CMP(T##64_t) IMM);                                 \
	op_##name##64_REG : BRANCH((T##64_t)DST CMP(T##64_t) SRC);                                 \
	op_##name##32_IMM : BRANCH((T##32_t)DST CMP(T##32_t) IMM);                                 \
	op_##name##32_REG : BRANCH((T##32_t)DST CMP(T##32_t) SRC);
#define ATOMIC(bits, name, OPR)                                                                    \
	op_ATOMIC##bits##_##name : op_ATOMIC##bits##_FETCH_##name:                                 \
	{                                                                                          \
		uint8_t *h;                                                                        \
		uint##bits##_t old, val;                                                           \
		XLATE(h, MADDR(DST), bits / 8, wlim, 2);                                           \
		memcpy(&old, h, sizeof(old));                                                      \
		val = old OPR(uint##bits##_t) SRC;                                                 \
		memcpy(h, &val, sizeof(val));                                                      \
		if (pc->op == ISA_ATOMIC##bits##_FETCH_##name)                                     \
			SRC = old; /* 32-bit: zero-extended */                                     \
		STEP();                                                                            \
	}

/*
 * Run @p from slot @start in frame @depth0 with @r1, @r2 and (callbacks) r3..r5 from
 * @args[2..4], all 0 without @args. The top run (depth0 0)
 * starts the fault record and the budget; a callback's run (vm_callback) continues the
 * budget its caller left in vm->call_left and returns at the exit of its first frame.
 */
static int run(struct vm *vm, const struct vm_prog *p, size_t start, unsigned depth0, uint64_t r1,
	       uint64_t r2, const uint64_t *args, uint64_t *r0)
{
	static const void *const labels[VM_OP_COUNT] = {
		[ISA_INVALID] = &&op_INVALID,
#define INSN(id, opc, key, kv, shape, classic, llvm) [ISA_##id] = &&op_##id,
#include "insn.def"
#undef INSN
		[VM_OP_FALLOFF] = &&op_FALLOFF,
		[VM_OP_LDXW_CTX] = &&op_LDXW_CTX,
		[VM_OP_MOV_ADD] = &&op_MOV_ADD,
#define FUSED_LABELS(size)                                                                         \
	[VM_OP_LDX##size##_JEQ] = &&op_LDX##size##_JEQ,                                            \
	[VM_OP_LDX##size##_JNE] = &&op_LDX##size##_JNE,                                            \
	[VM_OP_LDX##size##_JGT] = &&op_LDX##size##_JGT,                                            \
	[VM_OP_LDX##size##_JGE] = &&op_LDX##size##_JGE,                                            \
	[VM_OP_LDX##size##_JLT] = &&op_LDX##size##_JLT,                                            \
	[VM_OP_LDX##size##_JLE] = &&op_LDX##size##_JLE
		FUSED_LABELS(B),
		FUSED_LABELS(H),
		FUSED_LABELS(W),
#undef FUSED_LABELS
	};
	/* Every entry is set: a row of insn.def without a handler label fails to compile,
	 * and one without an entry here would leave a NULL the assert below cannot see, so
	 * the table is written only by the expansion above. */
	_Static_assert(sizeof(labels) / sizeof(labels[0]) == VM_OP_COUNT, "a handler per row");

	const struct vm_prog *cur = p;
	const struct vm_insn *pc = p->insns + start;
	const struct vm_region *rg = vm->regions;
	uint64_t nrg = vm->nregions;
	const uint64_t l4base = vm->load4_base, *l4 = vm->load4;
	uint64_t r[ISA_NREGS];
	/* signed: one decrement and a sign test per instruction (vm_budget_set keeps the
	 * budget below 2^63) */
	int64_t left = vm->trace ? 0 : (int64_t)vm->budget;
	uint64_t traced = 0;
	unsigned depth = depth0, tail_calls = 0;
	int rc;

	if (depth0) {
		left = vm->call_left;
		traced = vm->call_traced;
	} else {
		/* field by field: a memset of the whole record (message included) costs more
		 * than a short program's run */
		vm->fault.kind = VM_FAULT_NONE;
		vm->fault.prog = NULL;
		vm->fault.insn = 0;
		vm->fault.addr = 0;
		vm->fault.size = 0;
		vm->fault.write = 0;
		vm->fault.region = -1;
		vm->fault.located = 0;
		vm->fault.msg[0] = '\0';
	}
	/* register by register (an initializer compiles to rep stos, slow to start); what
	 * the program did not get reads as 0 */
	r[0] = 0;
	r[1] = r1;
	r[2] = r2;
	r[3] = args ? args[2] : 0;
	r[4] = args ? args[3] : 0;
	r[5] = args ? args[4] : 0;
	r[6] = r[7] = r[8] = r[9] = 0;
	r[10] = VM_ADDR(VM_REGION_STACK(depth0), VM_STACK_SIZE);
	_Static_assert(ISA_NREGS == 11, "every register set above");
	NEXT();

	/* ---- ALU64 ---- */
	ALU64(ADD, DST + IMM, DST + SRC)
	ALU64(SUB, DST - IMM, DST - SRC)
	ALU64(MUL, DST * IMM, DST * SRC)
	ALU64(OR, DST | IMM, DST | SRC)
	ALU64(AND, DST & IMM, DST & SRC)
	ALU64(XOR, DST ^ IMM, DST ^ SRC)
	/* shift counts are masked to 6 bits, as the kernel's interpreter and JITs do */
	ALU64(LSH, DST << (IMM & 63), DST << (SRC & 63))
	ALU64(RSH, DST >> (IMM & 63), DST >> (SRC & 63))
	ALU64(ARSH, (uint64_t)((int64_t)DST >> (IMM & 63)), (uint64_t)((int64_t)DST >> (SRC & 63)))
	/* unsigned division by zero gives 0; modulo by zero leaves dst. The immediate is
	 * sign-extended to 64 bits first (div by imm -1 divides by 2^64 - 1). */
	ALU64(DIV, IMM ? DST / IMM : 0, SRC ? DST / SRC : 0)
	ALU64(MOD, IMM ? DST % IMM : DST, SRC ? DST % SRC : DST)
op_SDIV64_IMM:
op_SDIV64_REG : {
	int64_t s = (int64_t)(pc->op == ISA_SDIV64_IMM ? IMM : SRC);

	/* by 0: 0; by -1: negation, which leaves INT64_MIN as it is (no trap) */
	if (s == 0)
		DST = 0;
	else if (s == -1)
		DST = -DST;
	else
		DST = (uint64_t)((int64_t)DST / s);
	STEP();
}
op_SMOD64_IMM:
op_SMOD64_REG : {
	int64_t s = (int64_t)(pc->op == ISA_SMOD64_IMM ? IMM : SRC);

	/* by 0: dst unchanged; by -1: 0 (INT64_MIN % -1 traps in C); sign of the dividend */
	if (s == -1)
		DST = 0;
	else if (s != 0)
		DST = (uint64_t)((int64_t)DST % s);
	STEP();
}
op_MOV64_IMM:
	DST = IMM;
	STEP();
op_MOV64_REG:
	DST = SRC;
	STEP();
op_NEG64:
	DST = -DST;
	STEP();
op_MOVSX8_64:
	DST = (uint64_t)(int64_t)(int8_t)SRC;
	STEP();
op_MOVSX16_64:
	DST = (uint64_t)(int64_t)(int16_t)SRC;
	STEP();
op_MOVSX32_64:
	DST = (uint64_t)(int64_t)(int32_t)SRC;
	STEP();

	/* ---- ALU32: operate on the low halves, zero-extend the result ---- */
	ALU32(ADD, (uint32_t)DST + (uint32_t)IMM, (uint32_t)DST + (uint32_t)SRC)
	ALU32(SUB, (uint32_t)DST - (uint32_t)IMM, (uint32_t)DST - (uint32_t)SRC)
	ALU32(MUL, (uint32_t)DST * (uint32_t)IMM, (uint32_t)DST * (uint32_t)SRC)
	ALU32(OR, DST | IMM, DST | SRC)
	ALU32(AND, DST & IMM, DST & SRC)
	ALU32(XOR, DST ^ IMM, DST ^ SRC)
	ALU32(LSH, (uint32_t)DST << (IMM & 31), (uint32_t)DST << (SRC & 31))
	ALU32(RSH, (uint32_t)DST >> (IMM & 31), (uint32_t)DST >> (SRC & 31))
	ALU32(ARSH, (int32_t)DST >> (IMM & 31), (int32_t)DST >> (SRC & 31))
	/* by zero: 0 and dst's low half (zero-extended), as for 64 bits */
	ALU32(DIV, (uint32_t)IMM ? (uint32_t)DST / (uint32_t)IMM : 0,
	      (uint32_t)SRC ? (uint32_t)DST / (uint32_t)SRC : 0)
	ALU32(MOD, (uint32_t)IMM ? (uint32_t)DST % (uint32_t)IMM : (uint32_t)DST,
	      (uint32_t)SRC ? (uint32_t)DST % (uint32_t)SRC : (uint32_t)DST)
op_SDIV32_IMM:
op_SDIV32_REG : {
	int32_t s = (int32_t)(pc->op == ISA_SDIV32_IMM ? IMM : SRC);

	if (s == 0)
		DST = 0;
	else if (s == -1)
		DST = (uint32_t)(0u - (uint32_t)DST); /* INT32_MIN stays INT32_MIN */
	else
		DST = (uint32_t)((int32_t)DST / s);
	STEP();
}
op_SMOD32_IMM:
op_SMOD32_REG : {
	int32_t s = (int32_t)(pc->op == ISA_SMOD32_IMM ? IMM : SRC);

	if (s == 0)
		DST = (uint32_t)DST;
	else if (s == -1)
		DST = 0;
	else
		DST = (uint32_t)((int32_t)DST % s);
	STEP();
}
op_MOV32_IMM:
	DST = (uint32_t)IMM;
	STEP();
op_MOV32_REG:
	DST = (uint32_t)SRC;
	STEP();
op_NEG32:
	DST = (uint32_t)(0u - (uint32_t)DST);
	STEP();
op_MOVSX8_32:
	DST = (uint32_t)(int32_t)(int8_t)SRC;
	STEP();
op_MOVSX16_32:
	DST = (uint32_t)(int32_t)(int16_t)SRC;
	STEP();

	/* ---- byte order (little-endian host: "le" only truncates) ---- */
op_LE16:
	DST = (uint16_t)DST;
	STEP();
op_LE32:
	DST = (uint32_t)DST;
	STEP();
op_LE64:
	STEP();
op_BE16:
op_BSWAP16:
	DST = __builtin_bswap16((uint16_t)DST);
	STEP();
op_BE32:
op_BSWAP32:
	DST = __builtin_bswap32((uint32_t)DST);
	STEP();
op_BE64:
op_BSWAP64:
	DST = __builtin_bswap64(DST);
	STEP();

	/* ---- jumps ---- */
	JMP(JEQ, uint, ==)
	JMP(JNE, uint, !=)
	JMP(JGT, uint, >)
	JMP(JGE, uint, >=)
	JMP(JLT, uint, <)
	JMP(JLE, uint, <=)
	JMP(JSGT, int, >)
	JMP(JSGE, int, >=)
	JMP(JSLT, int, <)
	JMP(JSLE, int, <=)
op_JSET64_IMM:
	BRANCH(DST & IMM);
op_JSET64_REG:
	BRANCH(DST & SRC);
op_JSET32_IMM:
	BRANCH((uint32_t)(DST & IMM));
op_JSET32_REG:
	BRANCH((uint32_t)(DST & SRC));
op_JA:
op_JA32:
	pc += pc->off;
	NEXT();

	/* ---- loads and stores ---- */
op_LDXB:
	DST = LOAD(uint8_t, MADDR(SRC));
	STEP();
op_LDXH:
	DST = LOAD(uint16_t, MADDR(SRC));
	STEP();
	/* ---- superinstructions (fuse()): two slots, two budget units; with fewer than two
	 * left (or tracing, which keeps none), the first slot's own handler runs alone ---- */
#define UNFUSED_IF_LAST()                                                                          \
	do {                                                                                       \
		if (unlikely(left < 1))                                                            \
			goto *labels[cur->orig[pc - cur->insns]];                                  \
	} while (0)
op_MOV_ADD:
	UNFUSED_IF_LAST();
	DST = SRC + pc[1].imm;
	left--;
	pc += 2;
	NEXT();
#define LDX_JCC(size, T, name, CMP)                                                                \
	op_LDX##size##_##name : UNFUSED_IF_LAST();                                                 \
	{                                                                                          \
		uint64_t v = LOAD(T, MADDR(SRC)); /* the jump's register too (fused_op) */         \
		DST = v;                                                                           \
		left--;                                                                            \
		pc++;                                                                              \
		BRANCH(v CMP IMM);                                                                 \
	}
#define LDX_JCCS(size, T)                                                                          \
	LDX_JCC(size, T, JEQ, ==)                                                                  \
	LDX_JCC(size, T, JNE, !=)                                                                  \
	LDX_JCC(size, T, JGT, >)                                                                   \
	LDX_JCC(size, T, JGE, >=)                                                                  \
	LDX_JCC(size, T, JLT, <)                                                                   \
	LDX_JCC(size, T, JLE, <=)
	LDX_JCCS(B, uint8_t)
	LDX_JCCS(H, uint16_t)
	LDX_JCCS(W, uint32_t)
#undef LDX_JCCS
#undef LDX_JCC
#undef UNFUSED_IF_LAST

op_LDXW_CTX : {
	uint64_t a_ = MADDR(SRC) - l4base, w_;

	if (likely(a_ < VM_LOAD4_MAX && !(a_ & 3) && (w_ = l4[a_ >> 2]) != VM_LOAD4_SLOW)) {
		DST = w_;
		STEP();
	}
}
	/* fall through: an ordinary ldxw */
op_LDXW:
	DST = LOAD(uint32_t, MADDR(SRC));
	STEP();
op_LDXDW:
	DST = LOAD(uint64_t, MADDR(SRC));
	STEP();
op_LDXSB:
	DST = LOADS(int8_t, MADDR(SRC));
	STEP();
op_LDXSH:
	DST = LOADS(int16_t, MADDR(SRC));
	STEP();
op_LDXSW:
	DST = LOADS(int32_t, MADDR(SRC));
	STEP();
op_STB:
	STORE(uint8_t, MADDR(DST), IMM);
	STEP();
op_STH:
	STORE(uint16_t, MADDR(DST), IMM);
	STEP();
op_STW:
	STORE(uint32_t, MADDR(DST), IMM);
	STEP();
op_STDW:
	STORE(uint64_t, MADDR(DST), IMM); /* the immediate sign-extended */
	STEP();
op_STXB:
	STORE(uint8_t, MADDR(DST), SRC);
	STEP();
op_STXH:
	STORE(uint16_t, MADDR(DST), SRC);
	STEP();
op_STXW:
	STORE(uint32_t, MADDR(DST), SRC);
	STEP();
op_STXDW:
	STORE(uint64_t, MADDR(DST), SRC);
	STEP();

	/* ---- atomics (one thread: plain read-modify-write) ---- */
	ATOMIC(64, ADD, +)
	ATOMIC(64, OR, |)
	ATOMIC(64, AND, &)
	ATOMIC(64, XOR, ^)
	ATOMIC(32, ADD, +)
	ATOMIC(32, OR, |)
	ATOMIC(32, AND, &)
	ATOMIC(32, XOR, ^)
op_ATOMIC64_XCHG : {
	uint8_t *h;
	uint64_t old;

	XLATE(h, MADDR(DST), 8, wlim, 2);
	memcpy(&old, h, 8);
	memcpy(h, &SRC, 8);
	SRC = old;
	STEP();
}
op_ATOMIC32_XCHG : {
	uint8_t *h;
	uint32_t old, val = (uint32_t)SRC;

	XLATE(h, MADDR(DST), 4, wlim, 2);
	memcpy(&old, h, 4);
	memcpy(h, &val, 4);
	SRC = old;
	STEP();
}
op_ATOMIC64_CMPXCHG : {
	uint8_t *h;
	uint64_t old;

	XLATE(h, MADDR(DST), 8, wlim, 2);
	memcpy(&old, h, 8);
	if (old == r[0])
		memcpy(h, &SRC, 8);
	r[0] = old;
	STEP();
}
op_ATOMIC32_CMPXCHG : {
	uint8_t *h;
	uint32_t old, val = (uint32_t)SRC;

	XLATE(h, MADDR(DST), 4, wlim, 2);
	memcpy(&old, h, 4);
	if (old == (uint32_t)r[0])
		memcpy(h, &val, 4);
	r[0] = old; /* zero-extended, whether or not it matched */
	STEP();
}

	/* ---- 64-bit constants: resolved at load; skip the second slot ---- */
op_LDDW:
op_LDDW_MAP_FD:
op_LDDW_MAP_VALUE:
op_LDDW_BTF_ID:
op_LDDW_FUNC:
op_LDDW_MAP_IDX:
op_LDDW_MAP_IDX_VALUE:
	DST = IMM;
	pc += 2;
	NEXT();

	/* ---- legacy packet loads: network order; outside the packet the program ends
	 * with r0 = 0, as the kernel's ld_abs code does ---- */
op_LDABSB:
op_LDABSH:
op_LDABSW:
op_LDINDB:
op_LDINDH:
op_LDINDW : {
	const struct isa_opinfo *o = &isa_ops[pc->op];
	uint32_t size = (uint32_t)isa_code_width(o->code);
	const struct vm_region *pk;
	int64_t off = (int32_t)(uint32_t)IMM;
	const uint8_t *h;

	if (o->shape == ISA_SH_LDIND)
		off = (int32_t)((uint32_t)SRC + (uint32_t)IMM);
	if (vm->hooks.ldabs) {
		/* the context's rules: negative SKF_NET_OFF/SKF_LL_OFF offsets, types
		 * without ld_abs */
		rc = vm->hooks.ldabs(vm, (int32_t)off, size, &r[0]);
		if (rc < 0)
			goto fault;
		if (rc > 0) {
			r[0] = 0;
			goto done;
		}
		STEP();
	}
	if (!vm->pkt_region) {
		vm_fault_set(vm, VM_FAULT_NO_PACKET, "%s needs a packet, and this run has none",
			     o->classic);
		goto fault;
	}
	pk = &rg[vm->pkt_region];
	if (off < 0 || (uint64_t)off + size > pk->len) {
		r[0] = 0;
		goto done;
	}
	h = pk->host + off;
	r[0] = size == 1 ? h[0]
	       : size == 2
		       ? (uint32_t)(h[0] << 8 | h[1])
		       : (uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 | (uint32_t)h[2] << 8 | h[3];
	STEP();
}

	/* ---- calls ---- */
op_CALL : {
	uint64_t id;
	vm_helper_fn fn;

	id = (uint32_t)pc->imm;
	if (0) {
	op_CALLX:
		id = DST;
	}
	fn = id < VM_HELPER_MAX ? vm->helpers[id] : NULL;
	if (fn == vm_helper_map_lookup) {
		/* bpf_map_lookup_elem's common case without the call: r1 a map handle with
		 * values, r2 a key in a flat region; anything else takes the helper */
		const struct vm_map_handle *h = vm_map_handle_find(vm, r[1]);
		uint64_t ka = r[2], kri = ka >> 32;

		if (h && h->arena_region > 0 && kri < nrg &&
		    (uint64_t)(uint32_t)ka + ((struct vm_map *)h->map)->key_size <= rg[kri].rlim) {
			long slot = vm_map_lookup_slot(h->map, rg[kri].host + (uint32_t)ka);

			r[0] = slot < 0 ? 0 : vm_arena_slot_addr(vm, h, slot);
			STEP();
		}
	}
	if (!fn) {
		const struct isa_helper *hp =
			id < VM_HELPER_MAX && !vm->conformance ? isa_helper_by_id((int)id) : NULL;

		if (hp && vm->helper_scope && (vm->helper_denied[id / 64] >> (id % 64) & 1))
			vm_fault_set(vm, VM_FAULT_HELPER,
				     "helper %" PRIu64 " (%s) is not allowed in %s programs", id,
				     hp->name, vm->helper_scope);
		else if (pc->op == ISA_CALLX && !hp)
			vm_fault_set(vm, VM_FAULT_HELPER,
				     "callx to %" PRIu64 " (r%u), which is no helper of ebpf-run",
				     id, pc->dst);
		else if (hp)
			vm_fault_set(vm, VM_FAULT_HELPER,
				     "helper %" PRIu64 " (%s) is not "
				     "available in ebpf-run",
				     id, hp->name);
		else
			vm_fault_set(vm, VM_FAULT_HELPER, "helper %" PRIu64 " is unknown", id);
		goto fault;
	}
	vm->fault.prog = cur; /* helpers that fail leave the location to us */
	vm->call_prog = cur;  /* and a callback's run starts from here */
	vm->call_depth = depth;
	vm->call_left = left;
	vm->call_traced = traced;
	rc = fn(vm, &r[1], &r[0]);
	left = vm->call_left; /* what callbacks ran counts */
	traced = vm->call_traced;
	/* a helper may have mapped regions (the table may have moved) */
	rg = vm->regions;
	nrg = vm->nregions;
	if (likely(rc == VM_HELPER_OK))
		STEP();
	if (rc == VM_HELPER_STOP)
		goto done;
	if (rc == VM_HELPER_TAIL_CALL && vm->tail_prog) {
		/* the callee replaces the caller in this frame: same stack, same depth */
		if (++tail_calls > VM_MAX_TAIL_CALLS) {
			STEP();
		}
		cur = vm->tail_prog;
		vm->tail_prog = NULL;
		pc = cur->insns;
		NEXT();
	}
	if (vm->fault.kind == VM_FAULT_NONE)
		vm_fault_set(vm, VM_FAULT_HELPER_ARG, "helper %" PRIu64 " failed", id);
	goto fault;
}
op_CALL_KFUNC:
	vm_fault_set(vm, VM_FAULT_KFUNC,
		     "kfunc calls (btf id %" PRId32 ") are not available "
		     "in ebpf-run",
		     (int32_t)pc->imm);
	goto fault;
op_CALL_LOCAL:
	if (depth + 1 >= VM_MAX_FRAMES) {
		vm_fault_set(vm, VM_FAULT_DEPTH,
			     "call depth limit: %u frames are the most the "
			     "kernel allows (MAX_CALL_FRAMES)",
			     VM_MAX_FRAMES);
		goto fault;
	}
	vm->frames[depth].ret = pc + 1;
	vm->frames[depth].prog = cur;
	memcpy(vm->frames[depth].saved, &r[6], sizeof(vm->frames[depth].saved));
	depth++;
	r[10] = VM_ADDR(VM_REGION_STACK(depth), VM_STACK_SIZE);
	pc += pc->off;
	NEXT();
op_EXIT:
	if (depth == depth0)
		goto done;
	depth--;
	memcpy(&r[6], vm->frames[depth].saved, sizeof(vm->frames[depth].saved));
	r[10] = VM_ADDR(VM_REGION_STACK(depth), VM_STACK_SIZE);
	pc = vm->frames[depth].ret;
	cur = vm->frames[depth].prog;
	NEXT();

op_INVALID:
	/* load refuses jumps into lddw's second half; reaching one is a bug here */
	vm_fault_set(vm, VM_FAULT_FALLOFF, "executed the second half of an lddw");
	goto fault;
op_FALLOFF:
	/* the sentinel is no instruction: it does not count, and is not traced */
	if (!vm->trace)
		left++;
	else
		left = 0;
	vm_fault_set(vm, VM_FAULT_FALLOFF, "ran past the last instruction without exit");
	goto fault;

tick:
	/* Budget exhausted, or tracing (left is kept at 0 then). */
	if (pc->op == VM_OP_FALLOFF)
		goto op_FALLOFF;
	if (!vm->trace || traced >= vm->budget) {
		vm_fault_set(vm, VM_FAULT_BUDGET,
			     "instruction budget exhausted (%" PRIu64 " instructions executed)",
			     vm->budget);
		left = 0;
		goto fault;
	}
	traced++;
	left = 0;
	vm->trace(vm->trace_arg, cur, (size_t)(pc - cur->insns), r, depth);
	goto *labels[pc->op];

fault:
	if (!vm->fault.located) {
		vm->fault.prog = cur;
		vm->fault.insn = (size_t)(pc - cur->insns);
		vm->fault.located = 1;
	}
	rc = -EFAULT;
	goto out;
done:
	*r0 = r[0];
	rc = 0;
out:
	vm->executed = vm->trace ? traced : vm->budget - (uint64_t)left;
	vm->call_left = left;
	vm->call_traced = traced;
	return rc;
}

int vm_prog_run(struct vm *vm, const struct vm_prog *p, uint64_t r1, uint64_t r2, uint64_t *r0)
{
	return run(vm, p, 0, 0, r1, r2, NULL, r0);
}

int vm_callback(struct vm *vm, uint64_t fn, const uint64_t args[5], uint64_t *r0)
{
	const struct vm_prog *p = vm->call_prog;
	uint64_t slot = (uint32_t)fn;
	unsigned depth = vm->call_depth + 1;

	if (!p || !vm->code_region || fn >> 32 != (uint64_t)vm->code_region || slot >= p->n) {
		vm_fault_set(vm, VM_FAULT_HELPER_ARG,
			     "callback 0x%" PRIx64 " is no function of the program", fn);
		return -EFAULT;
	}
	if (depth >= VM_MAX_FRAMES) {
		vm_fault_set(vm, VM_FAULT_DEPTH,
			     "call depth limit: %u frames are the most the kernel allows "
			     "(MAX_CALL_FRAMES), callbacks included",
			     VM_MAX_FRAMES);
		return -EFAULT;
	}
	return run(vm, p, (size_t)slot, depth, args[0], args[1], args, r0);
}
