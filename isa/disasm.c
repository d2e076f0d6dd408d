/* SPDX-License-Identifier: MIT */
/*
 * disasm.c - print one instruction in either syntax.
 *
 * LLVM syntax is what `llvm-objdump -d --mcpu=v4` (LLVM 19) prints with ISA_PRINT_HEX and what
 * `llvm-mc -show-encoding` prints without it, so either output re-assembles with llvm-mc and
 * with ebpf-as. Where LLVM has no spelling (pseudo sources of lddw, pc-relative local calls,
 * kfunc calls, an ld_ind immediate), we print forms of our own that ebpf-as reads back:
 *   r1 = map_fd(3) ll   r1 = map_value(3, 8) ll   r1 = btf_id(7) ll   r1 = func(+4) ll
 *   r1 = map_idx(0) ll  r1 = map_idx_value(0, 8) ll   call pc+4   call kfunc 5
 *   r0 = *(u16 *)skb[r1 + 4]
 * Classic syntax is the bpf_conformance dialect, always with '%' on registers.
 */
#include "isa.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

struct out {
	char *buf;
	size_t len, pos;
};

__attribute__((format(printf, 2, 3))) static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *dst = o->pos < o->len ? o->buf + o->pos : NULL;
	size_t room = o->pos < o->len ? o->len - o->pos : 0;

	va_start(ap, fmt);
	n = vsnprintf(dst, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->pos += (size_t)n;
}

/* A signed number: hex as llvm-objdump 19 prints it (-0x8), or decimal. */
static void num(struct out *o, int64_t v, unsigned flags)
{
	if (!(flags & ISA_PRINT_HEX))
		put(o, "%" PRId64, v);
	else if (v < 0)
		put(o, "-0x%" PRIx64, (uint64_t)0 - (uint64_t)v);
	else
		put(o, "0x%" PRIx64, (uint64_t)v);
}

/* A jump or call displacement, always signed: +0x3, -0x2, +3. */
static void disp(struct out *o, int64_t v, unsigned flags)
{
	if (v >= 0)
		put(o, "+");
	num(o, v, flags);
}

/* "(r1 + 0x4)" for LLVM, "[%r1+4]" for classic. */
static void memref(struct out *o, int reg, int off, enum isa_syntax syn, unsigned flags)
{
	if (syn == ISA_SYNTAX_LLVM) {
		put(o, "r%d %c ", reg, off < 0 ? '-' : '+');
		num(o, off < 0 ? -(int64_t)off : off, flags);
	} else {
		put(o, "[%%r%d%c", reg, off < 0 ? '-' : '+');
		num(o, off < 0 ? -(int64_t)off : off, flags);
		put(o, "]");
	}
}

static const char *size_name(uint8_t code)
{
	switch (ISA_SIZE(code)) {
	case ISA_SIZE_W:
		return "u32";
	case ISA_SIZE_H:
		return "u16";
	case ISA_SIZE_B:
		return "u8";
	default:
		return "u64";
	}
}

/* The value of lddw: a constant or a pseudo source, the same in both syntaxes. */
static void print_lddw_value(struct out *o, const struct isa_insn *in, unsigned flags)
{
	uint32_t lo = (uint32_t)in->imm64, hi = (uint32_t)((uint64_t)in->imm64 >> 32);

	switch (in->src) {
	case 0:
		num(o, in->imm64, flags);
		break;
	case ISA_PSEUDO_MAP_VALUE:
	case ISA_PSEUDO_MAP_IDX_VALUE:
		put(o, "%s(", isa_ops[in->op].llvm);
		num(o, lo, flags);
		put(o, ", ");
		num(o, hi, flags);
		put(o, ")");
		break;
	case ISA_PSEUDO_FUNC:
		put(o, "func(");
		disp(o, (int32_t)lo, flags);
		put(o, ")");
		break;
	default:
		put(o, "%s(", isa_ops[in->op].llvm);
		num(o, lo, flags);
		put(o, ")");
		break;
	}
}

static void print_call(struct out *o, const struct isa_insn *in, enum isa_syntax syn,
		       unsigned flags)
{
	const struct isa_helper *h;

	switch (in->op) {
	case ISA_CALL_LOCAL:
		if (syn == ISA_SYNTAX_LLVM) {
			put(o, "call pc");
			disp(o, in->imm, flags);
		} else {
			put(o, "call local ");
			disp(o, in->imm, flags);
		}
		return;
	case ISA_CALL_KFUNC:
		put(o, "call kfunc ");
		num(o, in->imm, flags);
		return;
	default:
		h = (flags & ISA_PRINT_HELPER_NAMES) ? isa_helper_by_id(in->imm) : NULL;
		if (h) {
			put(o, "call %s", h->name);
		} else {
			put(o, "call ");
			num(o, in->imm, flags);
		}
	}
}

static void print_llvm(struct out *o, const struct isa_insn *in, unsigned flags)
{
	const struct isa_opinfo *op = &isa_ops[in->op];
	char r = isa_op_is_32bit((enum isa_op)in->op) ? 'w' : 'r';
	/* v4 spells zero-extending loads and narrow stores on w registers */
	char rm = (ISA_SIZE(in->code) == ISA_SIZE_DW) ? 'r' : 'w';

	switch (op->shape) {
	case ISA_SH_ALU_IMM:
		put(o, "%c%d %s ", r, in->dst, op->llvm);
		num(o, in->imm, flags);
		break;
	case ISA_SH_ALU_REG:
		put(o, "%c%d %s %c%d", r, in->dst, op->llvm, r, in->src);
		break;
	case ISA_SH_NEG:
		put(o, "%c%d = -%c%d", r, in->dst, r, in->dst);
		break;
	case ISA_SH_MOVSX:
		put(o, "%c%d = (%s)%c%d", r, in->dst, op->llvm, r, in->src);
		break;
	case ISA_SH_END:
		put(o, "r%d = %s r%d", in->dst, op->llvm, in->dst);
		break;
	case ISA_SH_JMP_IMM:
		put(o, "if %c%d %s ", r, in->dst, op->llvm);
		num(o, in->imm, flags);
		put(o, " goto ");
		disp(o, in->off, flags);
		break;
	case ISA_SH_JMP_REG:
		put(o, "if %c%d %s %c%d goto ", r, in->dst, op->llvm, r, in->src);
		disp(o, in->off, flags);
		break;
	case ISA_SH_JA:
		put(o, "goto ");
		disp(o, in->off, flags);
		break;
	case ISA_SH_JA32:
		put(o, "gotol ");
		disp(o, in->imm, flags);
		break;
	case ISA_SH_CALL:
		print_call(o, in, ISA_SYNTAX_LLVM, flags);
		break;
	case ISA_SH_CALLX:
		put(o, "callx r%d", in->dst);
		break;
	case ISA_SH_EXIT:
		put(o, "exit");
		break;
	case ISA_SH_LDX:
		put(o, "%c%d = *(%s *)(", op->llvm[0] == 's' ? 'r' : rm, in->dst, op->llvm);
		memref(o, in->src, in->off, ISA_SYNTAX_LLVM, flags);
		put(o, ")");
		break;
	case ISA_SH_ST:
		put(o, "*(%s *)(", op->llvm);
		memref(o, in->dst, in->off, ISA_SYNTAX_LLVM, flags);
		put(o, ") = ");
		num(o, in->imm, flags);
		break;
	case ISA_SH_STX:
		put(o, "*(%s *)(", op->llvm);
		memref(o, in->dst, in->off, ISA_SYNTAX_LLVM, flags);
		put(o, ") = %c%d", rm, in->src);
		break;
	case ISA_SH_ATOMIC:
		put(o, "lock *(%s *)(", size_name(in->code));
		memref(o, in->dst, in->off, ISA_SYNTAX_LLVM, flags);
		put(o, ") %s %c%d", op->llvm, rm, in->src);
		break;
	case ISA_SH_ATOMIC_FETCH:
		put(o, "%c%d = %s((%s *)(", rm, in->src, op->llvm, size_name(in->code));
		memref(o, in->dst, in->off, ISA_SYNTAX_LLVM, flags);
		put(o, "), %c%d)", rm, in->src);
		break;
	case ISA_SH_XCHG:
		put(o, "%c%d = %s(", rm, in->src, op->llvm);
		memref(o, in->dst, in->off, ISA_SYNTAX_LLVM, flags);
		put(o, ", %c%d)", rm, in->src);
		break;
	case ISA_SH_CMPXCHG:
		put(o, "%c0 = %s(", rm, op->llvm);
		memref(o, in->dst, in->off, ISA_SYNTAX_LLVM, flags);
		put(o, ", %c0, %c%d)", rm, rm, in->src);
		break;
	case ISA_SH_LDDW:
		put(o, "r%d = ", in->dst);
		print_lddw_value(o, in, flags);
		put(o, " ll");
		break;
	case ISA_SH_LDABS:
		put(o, "r0 = *(%s *)skb[", op->llvm);
		num(o, in->imm, flags);
		put(o, "]");
		break;
	case ISA_SH_LDIND:
		put(o, "r0 = *(%s *)skb[r%d", op->llvm, in->src);
		if (in->imm) {
			put(o, " %c ", in->imm < 0 ? '-' : '+');
			num(o, in->imm < 0 ? -(int64_t)in->imm : in->imm, flags);
		}
		put(o, "]");
		break;
	}
}

static void print_classic(struct out *o, const struct isa_insn *in, unsigned flags)
{
	const struct isa_opinfo *op = &isa_ops[in->op];

	switch (op->shape) {
	case ISA_SH_ALU_IMM:
		put(o, "%s %%r%d, ", op->classic, in->dst);
		num(o, in->imm, flags);
		break;
	case ISA_SH_ALU_REG:
	case ISA_SH_MOVSX:
		put(o, "%s %%r%d, %%r%d", op->classic, in->dst, in->src);
		break;
	case ISA_SH_NEG:
	case ISA_SH_END:
		put(o, "%s %%r%d", op->classic, in->dst);
		break;
	case ISA_SH_JMP_IMM:
		put(o, "%s %%r%d, ", op->classic, in->dst);
		num(o, in->imm, flags);
		put(o, ", ");
		disp(o, in->off, flags);
		break;
	case ISA_SH_JMP_REG:
		put(o, "%s %%r%d, %%r%d, ", op->classic, in->dst, in->src);
		disp(o, in->off, flags);
		break;
	case ISA_SH_JA:
		put(o, "ja ");
		disp(o, in->off, flags);
		break;
	case ISA_SH_JA32:
		put(o, "ja32 ");
		disp(o, in->imm, flags);
		break;
	case ISA_SH_CALL:
		print_call(o, in, ISA_SYNTAX_CLASSIC, flags);
		break;
	case ISA_SH_CALLX:
		put(o, "callx %%r%d", in->dst);
		break;
	case ISA_SH_EXIT:
		put(o, "exit");
		break;
	case ISA_SH_LDX:
		put(o, "%s %%r%d, ", op->classic, in->dst);
		memref(o, in->src, in->off, ISA_SYNTAX_CLASSIC, flags);
		break;
	case ISA_SH_ST:
		put(o, "%s ", op->classic);
		memref(o, in->dst, in->off, ISA_SYNTAX_CLASSIC, flags);
		put(o, ", ");
		num(o, in->imm, flags);
		break;
	case ISA_SH_STX:
		put(o, "%s ", op->classic);
		memref(o, in->dst, in->off, ISA_SYNTAX_CLASSIC, flags);
		put(o, ", %%r%d", in->src);
		break;
	case ISA_SH_ATOMIC:
	case ISA_SH_ATOMIC_FETCH:
	case ISA_SH_XCHG:
	case ISA_SH_CMPXCHG:
		put(o, "lock %s ", op->classic);
		memref(o, in->dst, in->off, ISA_SYNTAX_CLASSIC, flags);
		put(o, ", %%r%d", in->src);
		break;
	case ISA_SH_LDDW:
		put(o, "lddw %%r%d, ", in->dst);
		if (in->src == 0)
			put(o, "0x%" PRIx64, (uint64_t)in->imm64);
		else
			print_lddw_value(o, in, flags);
		break;
	case ISA_SH_LDABS:
		put(o, "%s ", op->classic);
		num(o, in->imm, flags);
		break;
	case ISA_SH_LDIND:
		put(o, "%s %%r%d, ", op->classic, in->src);
		num(o, in->imm, flags);
		break;
	}
}

int isa_insn_print(const struct isa_insn *insn, enum isa_syntax syntax, unsigned flags, char *buf,
		   size_t len)
{
	struct out o = {buf, len, 0};

	if (len)
		buf[0] = '\0';
	if (insn->op == ISA_INVALID || insn->op >= ISA_OP_COUNT)
		put(&o, "<unknown>");
	else if (syntax == ISA_SYNTAX_LLVM)
		print_llvm(&o, insn, flags);
	else
		print_classic(&o, insn, flags);
	return (int)o.pos;
}
