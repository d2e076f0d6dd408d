/* SPDX-License-Identifier: MIT */
/*
 * bounds.h - scalar bounds of struct vs_reg: sync, ALU and branch rules (private to
 * verifier-sim/; tests/check_vsim.c uses it directly).
 */
#ifndef EBPF_VSIM_BOUNDS_H
#define EBPF_VSIM_BOUNDS_H

#include "state.h"

/* ALU ops, numbered as the opcode's high nibble (BPF_ADD >> 4 ...). */
enum {
	VS_OP_ADD = 0,
	VS_OP_SUB = 1,
	VS_OP_MUL = 2,
	VS_OP_DIV = 3,
	VS_OP_OR = 4,
	VS_OP_AND = 5,
	VS_OP_LSH = 6,
	VS_OP_RSH = 7,
	VS_OP_NEG = 8,
	VS_OP_MOD = 9,
	VS_OP_XOR = 10,
	VS_OP_MOV = 11,
	VS_OP_ARSH = 12,
	VS_OP_END = 13,
};

/* Conditions, numbered as the jump opcode's high nibble; JNSET is our negation of JSET. */
enum {
	VS_JEQ = 1,
	VS_JGT = 2,
	VS_JGE = 3,
	VS_JSET = 4,
	VS_JNE = 5,
	VS_JSGT = 6,
	VS_JSGE = 7,
	VS_JLT = 10,
	VS_JLE = 11,
	VS_JSLT = 12,
	VS_JSLE = 13,
	VS_JNSET = 16,
};

void vs_reg_unknown(struct vs_reg *r);		 /* an unknown scalar (all else cleared) */
void vs_reg_const(struct vs_reg *r, uint64_t v); /* a known scalar */
void vs_reg_known(struct vs_reg *r, uint64_t v); /* set value bounds only */
void vs_reg_unbound(struct vs_reg *r);		 /* full ranges (tnum untouched) */
void vs_reg_sync(struct vs_reg *r);
void vs_reg_zext32(struct vs_reg *r);	 /* 64-bit view from the 32-bit one */
int vs_reg_sane(const struct vs_reg *r); /* ranges non-empty and consistent */
void vs_scalar_alu(struct vs_reg *dst, const struct vs_reg *src, int op, int bits);
int vs_branch_taken(const struct vs_reg *a, const struct vs_reg *b, int op, int bits);
int vs_branch_negate(int op);
int vs_branch_refine(struct vs_reg *a, struct vs_reg *b, int op, int bits);

#endif
