/* SPDX-License-Identifier: MIT */
/*
 * isa.c - the opcode table (expanded from insn.def), decode, encode and validation.
 *
 * Lookup: rows sharing an opcode byte differ only in their key field (off for sdiv/smod/movsx,
 * imm for byte swaps and atomics, src for call and lddw). isa_first[] maps an opcode byte to
 * its first row; rows of one opcode are chained through isa_next[]. Both are built once, at
 * start-up, from the table, so the table stays the only place that lists opcodes.
 */
#include "isa.h"

#include <errno.h>
#include <string.h>

/* Operand fields of each shape (see enum isa_shape); all other fields must be zero. */
#define SHF_ALU_IMM	 (ISA_F_DST | ISA_F_IMM)
#define SHF_ALU_REG	 (ISA_F_DST | ISA_F_SRC)
#define SHF_NEG		 (ISA_F_DST)
#define SHF_MOVSX	 (ISA_F_DST | ISA_F_SRC)
#define SHF_END		 (ISA_F_DST)
#define SHF_JMP_IMM	 (ISA_F_DST | ISA_F_IMM | ISA_F_OFF)
#define SHF_JMP_REG	 (ISA_F_DST | ISA_F_SRC | ISA_F_OFF)
#define SHF_JA		 (ISA_F_OFF)
#define SHF_JA32	 (ISA_F_IMM)
#define SHF_CALL	 (ISA_F_IMM)
#define SHF_CALLX	 (ISA_F_DST)
#define SHF_EXIT	 0
#define SHF_LDX		 (ISA_F_DST | ISA_F_SRC | ISA_F_OFF)
#define SHF_ST		 (ISA_F_DST | ISA_F_OFF | ISA_F_IMM)
#define SHF_STX		 (ISA_F_DST | ISA_F_SRC | ISA_F_OFF)
#define SHF_ATOMIC	 (ISA_F_DST | ISA_F_SRC | ISA_F_OFF)
#define SHF_ATOMIC_FETCH (ISA_F_DST | ISA_F_SRC | ISA_F_OFF)
#define SHF_XCHG	 (ISA_F_DST | ISA_F_SRC | ISA_F_OFF)
#define SHF_CMPXCHG	 (ISA_F_DST | ISA_F_SRC | ISA_F_OFF)
#define SHF_LDDW	 (ISA_F_DST | ISA_F_IMM)
#define SHF_LDABS	 (ISA_F_IMM)
#define SHF_LDIND	 (ISA_F_SRC | ISA_F_IMM)

const struct isa_opinfo isa_ops[ISA_OP_COUNT] = {
	[ISA_INVALID] = {"INVALID", 0, ISA_KEY_NONE, 0, 0, 0, "", ""},
#define INSN(id, opc, key, kv, shape, classic, llvm)                                               \
	[ISA_##id] = {#id, opc, ISA_KEY_##key, kv, ISA_SH_##shape, SHF_##shape, classic, llvm},
#include "insn.def"
#undef INSN
};
_Static_assert(sizeof(isa_ops) / sizeof(isa_ops[0]) == ISA_OP_COUNT, "one row per opcode");

static uint16_t isa_first[256];
static uint16_t isa_next[ISA_OP_COUNT];

/* Chain rows per opcode byte, in table order. Runs before main (and before any fuzz target). */
__attribute__((constructor)) static void isa_init(void)
{
	for (int i = ISA_OP_COUNT - 1; i > 0; i--) {
		isa_next[i] = isa_first[isa_ops[i].code];
		isa_first[isa_ops[i].code] = (uint16_t)i;
	}
}

static int key_matches(const struct isa_opinfo *o, uint8_t src, int16_t off, int32_t imm)
{
	switch (o->key) {
	case ISA_KEY_OFF:
		return off == o->keyval;
	case ISA_KEY_IMM:
		return imm == o->keyval;
	case ISA_KEY_SRC:
		return src == o->keyval;
	default:
		return 1;
	}
}

enum isa_op isa_op_lookup(uint8_t code, uint8_t src, int16_t off, int32_t imm)
{
	for (uint16_t i = isa_first[code]; i; i = isa_next[i])
		if (key_matches(&isa_ops[i], src, off, imm))
			return (enum isa_op)i;
	return ISA_INVALID;
}

int isa_code_width(uint8_t code)
{
	switch (ISA_CLASS(code)) {
	case ISA_CLASS_LD:
	case ISA_CLASS_LDX:
	case ISA_CLASS_ST:
	case ISA_CLASS_STX:
		break;
	default:
		return 0;
	}
	switch (ISA_SIZE(code)) {
	case ISA_SIZE_W:
		return 4;
	case ISA_SIZE_H:
		return 2;
	case ISA_SIZE_B:
		return 1;
	default:
		return 8;
	}
}

int isa_op_is_32bit(enum isa_op op)
{
	uint8_t cls = ISA_CLASS(isa_ops[op].code);

	if (op == ISA_INVALID || isa_ops[op].shape == ISA_SH_END || op == ISA_JA32)
		return 0;
	return cls == ISA_CLASS_ALU || cls == ISA_CLASS_JMP32;
}

int isa_op_is_jump(enum isa_op op)
{
	switch (isa_ops[op].shape) {
	case ISA_SH_JA:
	case ISA_SH_JA32:
	case ISA_SH_JMP_IMM:
	case ISA_SH_JMP_REG:
		return 1;
	default:
		return 0;
	}
}

int isa_insn_decode(const struct isa_raw *raw, size_t n, struct isa_insn *out, const char **why)
{
	const struct isa_opinfo *o;
	enum isa_op op;
	const char *dummy;

	if (!why)
		why = &dummy;
	memset(out, 0, sizeof(*out));
	if (n == 0) {
		*why = "no instruction";
		return -EINVAL;
	}
	op = isa_op_lookup(raw->code, raw->src, raw->off, raw->imm);
	out->code = raw->code;
	out->dst = raw->dst;
	out->src = raw->src;
	out->off = raw->off;
	out->imm = raw->imm;
	if (op == ISA_INVALID) {
		*why = isa_first[raw->code] ? "invalid field for this opcode" : "unknown opcode";
		return -EINVAL;
	}
	o = &isa_ops[op];
	/* Every field the shape does not use as an operand or key must be zero. */
	if (!(o->fields & ISA_F_DST) && raw->dst) {
		*why = "nonzero dst register field";
		return -EINVAL;
	}
	if (!(o->fields & ISA_F_SRC) && o->key != ISA_KEY_SRC && raw->src) {
		*why = "nonzero src register field";
		return -EINVAL;
	}
	if (!(o->fields & ISA_F_OFF) && o->key != ISA_KEY_OFF && raw->off) {
		*why = "nonzero offset field";
		return -EINVAL;
	}
	if (!(o->fields & ISA_F_IMM) && o->key != ISA_KEY_IMM && raw->imm) {
		*why = "nonzero immediate field";
		return -EINVAL;
	}
	if (raw->dst >= ISA_NREGS || raw->src >= ISA_NREGS) {
		if ((o->fields & ISA_F_DST && raw->dst >= ISA_NREGS) ||
		    (o->fields & ISA_F_SRC && raw->src >= ISA_NREGS)) {
			*why = "register number above r10";
			return -EINVAL;
		}
	}
	out->op = (uint16_t)op;
	out->imm64 = raw->imm;
	if (o->shape == ISA_SH_LDDW) {
		const struct isa_raw *hi = raw + 1;

		if (n < 2) {
			*why = "lddw without its second half";
			out->op = ISA_INVALID;
			return -EINVAL;
		}
		if (hi->code || hi->dst || hi->src || hi->off) {
			*why = "lddw second half has nonzero opcode, registers or offset";
			out->op = ISA_INVALID;
			return -EINVAL;
		}
		out->imm64 = (int64_t)(((uint64_t)(uint32_t)hi->imm << 32) | (uint32_t)raw->imm);
		return 2;
	}
	return 1;
}

int isa_insn_encode(const struct isa_insn *in, struct isa_raw out[2])
{
	memset(out, 0, sizeof(*out));
	out[0].code = in->code;
	out[0].dst = in->dst & 0xf;
	out[0].src = in->src & 0xf;
	out[0].off = in->off;
	out[0].imm = in->imm;
	if (in->code == 0x18) {
		memset(&out[1], 0, sizeof(out[1]));
		out[0].imm = (int32_t)(uint32_t)((uint64_t)in->imm64 & 0xffffffffu);
		out[1].imm = (int32_t)(uint32_t)((uint64_t)in->imm64 >> 32);
		return 2;
	}
	return 1;
}

void isa_insn_make(struct isa_insn *out, enum isa_op op, int dst, int src, int off, int64_t imm)
{
	const struct isa_opinfo *o;

	o = &isa_ops[op];
	memset(out, 0, sizeof(*out));
	out->op = (uint16_t)op;
	out->code = o->code;
	if (o->fields & ISA_F_DST)
		out->dst = (uint8_t)dst;
	if (o->fields & ISA_F_SRC)
		out->src = (uint8_t)src;
	if (o->fields & ISA_F_OFF)
		out->off = (int16_t)off;
	if (o->fields & ISA_F_IMM) {
		out->imm = (int32_t)imm;
		out->imm64 = o->shape == ISA_SH_LDDW ? imm : (int64_t)(int32_t)imm;
	}
	switch (o->key) {
	case ISA_KEY_OFF:
		out->off = (int16_t)o->keyval;
		break;
	case ISA_KEY_IMM:
		out->imm = o->keyval;
		out->imm64 = o->keyval;
		break;
	case ISA_KEY_SRC:
		out->src = (uint8_t)o->keyval;
		break;
	default:
		break;
	}
}
