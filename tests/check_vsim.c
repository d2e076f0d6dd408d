/* SPDX-License-Identifier: MIT */
/*
 * check_vsim.c - verifier-sim: tnum and bounds arithmetic, small programs with the kernel's
 * verdict and wording written beside them (and, when the kernel can load programs here,
 * checked against it), and the ebpf-verify command line.
 */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "asm/asm.h"
#include "loader/loader.h"
#include "testutil.h"
#include "verifier-sim/bounds.h"
#include "verifier-sim/tnum.h"
#include "verifier-sim/vsim.h"

/* ---- tnum ---- */

START_TEST(tnum_ops_are_exact_on_constants)
{
	static const uint64_t v[] = {0, 1, 5, 0xff, 0x8000000000000000ull, UINT64_MAX, 12345};

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		for (size_t j = 0; j < sizeof(v) / sizeof(v[0]); j++) {
			struct tnum a = tnum_const(v[i]), b = tnum_const(v[j]);

			ck_assert_uint_eq(tnum_add(a, b).value, v[i] + v[j]);
			ck_assert_uint_eq(tnum_sub(a, b).value, v[i] - v[j]);
			ck_assert_uint_eq(tnum_and(a, b).value, v[i] & v[j]);
			ck_assert_uint_eq(tnum_or(a, b).value, v[i] | v[j]);
			ck_assert_uint_eq(tnum_xor(a, b).value, v[i] ^ v[j]);
			ck_assert_uint_eq(tnum_mul(a, b).value, v[i] * v[j]);
			ck_assert(tnum_is_const(tnum_mul(a, b)));
			ck_assert(tnum_is_const(tnum_add(a, b)));
		}
}
END_TEST

START_TEST(tnum_range_holds_every_value_of_the_range)
{
	struct tnum t = tnum_range(16, 31);

	ck_assert_uint_eq(t.value, 16);
	ck_assert_uint_eq(t.mask, 15);
	for (uint64_t x = 0; x < 64; x++)
		ck_assert_int_eq(tnum_in(t, tnum_const(x)), x >= 16 && x <= 31);
	ck_assert(tnum_is_unknown(tnum_range(0, UINT64_MAX)));
	ck_assert(tnum_is_const(tnum_range(7, 7)));
}
END_TEST

START_TEST(tnum_add_of_unknown_low_bits_carries_into_mask)
{
	struct tnum a = {0, 3}; /* 0..3 */
	struct tnum s = tnum_add(a, tnum_const(1));

	/* 1..4: bits 0-2 unknown */
	for (uint64_t x = 1; x <= 4; x++)
		ck_assert(tnum_in(s, tnum_const(x)));
	ck_assert_uint_eq(s.value & s.mask, 0);
	ck_assert(tnum_in(tnum_subreg((struct tnum){0x100000000ull, 0xff}), tnum_const(0x7f)));
}
END_TEST

/* ---- bounds ---- */

static struct vs_reg unknown(void)
{
	struct vs_reg r;

	vs_reg_unknown(&r);
	return r;
}

static struct vs_reg constant(uint64_t v)
{
	struct vs_reg r;

	vs_reg_const(&r, v);
	return r;
}

START_TEST(and_with_a_mask_bounds_the_value)
{
	struct vs_reg r = unknown(), m = constant(0xff);

	vs_scalar_alu(&r, &m, VS_OP_AND, 64);
	ck_assert_uint_eq(r.umin, 0);
	ck_assert_uint_eq(r.umax, 0xff);
	ck_assert_int_eq(r.smin, 0);
	ck_assert_int_eq(r.smax, 0xff);
	ck_assert_uint_eq(r.u32max, 0xff);
}
END_TEST

START_TEST(alu32_zero_extends_into_64_bits)
{
	struct vs_reg r = constant(UINT64_MAX), one = constant(1);

	/* w1 += 1 on 0xffffffffffffffff: 0 */
	vs_scalar_alu(&r, &one, VS_OP_ADD, 32);
	ck_assert(tnum_is_const(r.var));
	ck_assert_uint_eq(r.var.value, 0);
	r = unknown();
	vs_scalar_alu(&r, &one, VS_OP_ADD, 32);
	ck_assert_uint_eq(r.umax, UINT32_MAX);
	ck_assert_int_ge(r.smin, 0);
}
END_TEST

START_TEST(add_that_may_overflow_gives_up_the_range)
{
	struct vs_reg r = unknown(), k = constant(1);

	vs_scalar_alu(&r, &k, VS_OP_ADD, 64);
	ck_assert_uint_eq(r.umin, 0);
	ck_assert_uint_eq(r.umax, UINT64_MAX);
	r = constant(10);
	k = unknown();
	vs_scalar_alu(&k, &(struct vs_reg){0}, VS_OP_DIV, 64);
	ck_assert(tnum_is_unknown(k.var));
}
END_TEST

START_TEST(shifts_follow_the_kernel)
{
	struct vs_reg r = unknown(), m = constant(0xf), s = constant(4);

	vs_scalar_alu(&r, &m, VS_OP_AND, 64);
	vs_scalar_alu(&r, &s, VS_OP_LSH, 64);
	ck_assert_uint_eq(r.umax, 0xf0);
	ck_assert_uint_eq(r.var.mask, 0xf0);
	vs_scalar_alu(&r, &s, VS_OP_RSH, 64);
	ck_assert_uint_eq(r.umax, 0xf);
	r = constant((uint64_t)-16);
	vs_scalar_alu(&r, &s, VS_OP_ARSH, 64);
	ck_assert_int_eq((int64_t)r.var.value, -1);
}
END_TEST

START_TEST(branch_refines_both_sides)
{
	struct vs_reg r = unknown(), k = constant(10), t, f;

	t = r;
	f = r;
	ck_assert_int_eq(vs_branch_taken(&r, &k, VS_JGT, 64), -1);
	ck_assert_int_eq(vs_branch_refine(&t,
					  &(struct vs_reg){k.type, 0, 0, 0, 0, 0, 0, 0, 0, 0, k.var,
							   k.smin, k.smax, k.umin, k.umax, k.s32min,
							   k.s32max, k.u32min, k.u32max},
					  VS_JGT, 64),
			 0);
	ck_assert_uint_eq(t.umin, 11);
	ck_assert_int_eq(vs_branch_refine(&f, &k, VS_JLE, 64), 0);
	ck_assert_uint_eq(f.umax, 10);
	ck_assert_uint_eq(f.u32max, 10);
	/* now decided */
	ck_assert_int_eq(vs_branch_taken(&f, &k, VS_JGT, 64), 0);
	ck_assert_int_eq(vs_branch_taken(&t, &k, VS_JGT, 64), 1);
}
END_TEST

START_TEST(jmp32_refines_only_the_low_half)
{
	struct vs_reg r = unknown(), k = constant(10);

	ck_assert_int_eq(vs_branch_refine(&r, &k, VS_JLE, 32), 0);
	ck_assert_uint_eq(r.u32max, 10);
	/* the high half stays unknown, so the 64-bit range stays wide */
	ck_assert_uint_gt(r.umax, UINT32_MAX);
}
END_TEST

START_TEST(jset_and_impossible_branches)
{
	struct vs_reg r = unknown(), m = constant(0xf), bit = constant(4), c = constant(3);

	vs_scalar_alu(&r, &m, VS_OP_AND, 64);
	ck_assert_int_eq(vs_branch_refine(&r, &bit, VS_JNSET, 64), 0);
	ck_assert_uint_eq(r.umax, 0xb);
	ck_assert_int_eq(vs_branch_taken(&r, &bit, VS_JSET, 64), 0);
	/* 3 == 4 cannot hold */
	ck_assert_int_eq(vs_branch_refine(&c, &bit, VS_JEQ, 64), -1);
}
END_TEST

/* ---- programs ---- */

struct pcase {
	const char *name;
	int type;	  /* bpf_prog_type */
	const char *text; /* instructions separated by ';', "rN = map M" loads map M */
	int accepted;
	const char *msg; /* the kernel's last line for a rejection */
};

/* maps every case may use: 0 hash(4->8, 16), 1 array(4->16, 4), 2 ringbuf 4096 */
static const struct vsim_map maps[] = {
	{"h", 1, 4, 8, 16, 0, 0},
	{"a", 2, 4, 16, 4, 0, 0},
	{"rb", 27, 0, 0, 4096, 0, 0},
};

#define LOOKUP(m) "*(u32 *)(r10 - 4) = 0; r2 = r10; r2 += -4; r1 = map " #m "; call 1;"
/* Padding that makes a path long enough for a checkpoint where it meets another (the
 * kernel's rule: two jumps and eight instructions since the last one) */
#define PAD7 "r7 = 0; r7 = 0; r7 = 0; r7 = 0; r7 = 0; r7 = 0; r7 = 0;"
#define PAD8 PAD7 "r7 = 0;"

static const struct pcase pcases[] = {
	{"minimal", 6, "r0 = 2; exit", 1, NULL},
	{"uninit_r0", 6, "exit", 0, "R0 !read_ok"},
	{"uninit_r5", 6, "r0 = r5; exit", 0, "R5 !read_ok"},
	{"r10_write", 6, "r10 = 0; r0 = 0; exit", 0, "frame pointer is read only"},
	{"pkt_no_check", 6, "r2 = *(u32 *)(r1 + 0); r0 = *(u8 *)(r2 + 0); r0 = 2; exit", 0,
	 "R2 offset is outside of the packet"},
	{"pkt_checked", 6,
	 "r2 = *(u32 *)(r1 + 0); r3 = *(u32 *)(r1 + 4); r4 = r2; r4 += 14; if r4 > r3 goto +1;"
	 "r0 = *(u8 *)(r2 + 13); r0 = 2; exit",
	 1, NULL},
	{"pkt_off_by_one", 6,
	 "r2 = *(u32 *)(r1 + 0); r3 = *(u32 *)(r1 + 4); r4 = r2; r4 += 14; if r4 > r3 goto +1;"
	 "r0 = *(u8 *)(r2 + 14); r0 = 2; exit",
	 0, "R2 offset is outside of the packet"},
	{"pkt_lt_right_open", 6,
	 "r2 = *(u32 *)(r1 + 0); r3 = *(u32 *)(r1 + 4); r4 = r2; r4 += 14; if r4 < r3 goto +2;"
	 "r0 = 1; exit; r0 = *(u8 *)(r2 + 14); r0 = 2; exit",
	 1, NULL},
	{"map_null_deref", 6, LOOKUP(0) "r0 = *(u64 *)(r0 + 0); r0 = 0; exit", 0,
	 "R0 invalid mem access 'map_value_or_null'"},
	{"map_null_checked", 6, LOOKUP(0) "if r0 == 0 goto +1; r0 = *(u64 *)(r0 + 0); r0 = 0; exit",
	 1, NULL},
	{"array_const_key_not_null", 6, LOOKUP(1) "r0 = *(u64 *)(r0 + 8); r0 = 0; exit", 1, NULL},
	{"map_value_oob", 6, LOOKUP(1) "r0 = *(u64 *)(r0 + 12); r0 = 0; exit", 0,
	 "R0 min value is outside of the allowed memory range"},
	{"map_var_index_masked", 6,
	 LOOKUP(0) "if r0 == 0 goto +4; r1 = *(u64 *)(r0 + 0); r1 &= 7; r0 += r1;"
		   "r1 = *(u8 *)(r0 + 0); r0 = 0; exit",
	 1, NULL},
	{"map_var_index_unbounded", 6,
	 LOOKUP(0) "if r0 == 0 goto +3; r1 = *(u64 *)(r0 + 0); r0 += r1;"
		   "r1 = *(u8 *)(r0 + 0); r0 = 0; exit",
	 0, "math between map_value pointer and register with unbounded min value is not allowed"},
	{"stack_oob", 6, "r0 = 0; *(u64 *)(r10 - 520) = r0; exit", 0,
	 "invalid write to stack R10 off=-520 size=8"},
	{"stack_misaligned", 6, "r0 = 0; *(u64 *)(r10 - 4) = r0; exit", 0,
	 "misaligned stack access off 0+0+-4 size 8"},
	{"stack_uninit_read_root", 6, "r0 = *(u64 *)(r10 - 8); r0 = 0; exit", 1, NULL},
	{"spill_fill_keeps_pointer", 6,
	 "*(u64 *)(r10 - 8) = r1; r1 = *(u64 *)(r10 - 8); r0 = *(u32 *)(r1 + 0); r0 = 2; exit", 1,
	 NULL},
	{"ctx_bad_offset", 6, "r0 = *(u32 *)(r1 + 24); exit", 0,
	 "invalid bpf_context access off=24 size=4"},
	{"ctx_modified", 6, "r1 += 8; r0 = *(u32 *)(r1 + 0); exit", 0,
	 "dereference of modified ctx ptr R1 off=8 disallowed"},
	{"tracepoint_common_fields", 5, "r0 = *(u64 *)(r1 + 0); r0 = 0; exit", 0,
	 "invalid bpf_context access off=0 size=8"},
	{"kprobe_reads_regs", 2, "r0 = *(u64 *)(r1 + 112); r0 = 0; exit", 1, NULL},
	{"socket_filter_no_data", 1, "r0 = *(u32 *)(r1 + 76); r0 = 0; exit", 0,
	 "invalid bpf_context access off=76 size=4"},
	{"cgroup_skb_return_range", 8, "r0 = 5; exit", 0,
	 "At program exit the register R0 has smin=5 smax=5 should have been in [0, 1]"},
	{"div_by_zero_imm", 6, "r0 = 1; r0 /= 0; exit", 0, "div by zero"},
	{"div_by_reg_is_fine", 6, "r0 = 1; r1 = 0; r0 /= r1; exit", 1, NULL},
	{"unreachable", 6, "r0 = 0; exit; r0 = 1; exit", 0, "unreachable insn 2"},
	{"jump_out_of_range", 6, "r0 = 0; goto +5; exit", 0, "jump out of range from insn 1 to 7"},
	{"falls_off_the_end", 6, "r0 = 0", 0, "last insn is not an exit or jmp"},
	{"infinite_loop", 6, "r0 = 0; goto -1", 0, "infinite loop detected at insn 1"},
	{"bounded_loop", 6, "r1 = 0; r0 = 0; r0 += r1; r1 += 1; if r1 < 10 goto -3; exit", 1, NULL},
	{"unbounded_loop", 6, "r0 = 0; r0 += 1; goto -2", 0,
	 "BPF program is too large. Processed 1000001 insn"},
	{"pointer_plus_pointer", 6, "r2 = r10; r2 += r1; r0 = 0; exit", 0,
	 "R2 pointer += pointer prohibited"},
	{"ptr_bitwise", 6, "r1 |= 1; r0 = 0; exit", 0,
	 "R1 bitwise operator |= on pointer prohibited"},
	{"helper_wrong_key_type", 6, "r2 = 0; r1 = map 0; call 1; r0 = 0; exit", 0,
	 "R2 type=scalar expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, "
	 "trusted_ptr_"},
	{"helper_not_for_type", 2, "r2 = 0; r3 = r10; r3 += -8; r4 = 4; call 26; r0 = 0; exit", 0,
	 "program of this type cannot use helper bpf_skb_load_bytes#26"},
	{"ringbuf_leak", 6,
	 "r1 = map 2; r2 = 8; r3 = 0; call 131; if r0 == 0 goto +2; r1 = 0;"
	 "*(u64 *)(r0 + 0) = r1; r0 = 0; exit",
	 0, "BPF_EXIT instruction in main prog would lead to reference leak"},
	{"ringbuf_submitted", 6,
	 "r1 = map 2; r2 = 8; r3 = 0; call 131; if r0 == 0 goto +5; r1 = 0;"
	 "*(u64 *)(r0 + 0) = r1; r1 = r0; r2 = 0; call 132; r0 = 0; exit",
	 1, NULL},
	{"bpf_to_bpf_call", 6, "r1 = 5; callf 1; exit; r0 = r1; r0 += 1; exit", 1, NULL},
	{"callee_sees_no_r6", 6, "r6 = 1; callf 1; exit; r0 = r6; exit", 0, "R6 !read_ok"},
	{"atomic_on_ctx", 6, "r2 = 1; lock *(u32 *)(r1 + 0) += r2; r0 = 0; exit", 0,
	 "BPF_ATOMIC stores into R1 ctx is not allowed"},
	{"atomic_on_stack", 6,
	 "r0 = 0; *(u64 *)(r10 - 8) = r0; r1 = 1; lock *(u64 *)(r10 - 8) += r1; exit", 1, NULL},
	{"jmp32_bounds_index", 6,
	 "r2 = *(u32 *)(r1 + 0); r3 = *(u32 *)(r1 + 4); w4 = *(u32 *)(r1 + 12);"
	 "if w4 > 10 goto +5; r2 += r4; r5 = r2; r5 += 1; if r5 > r3 goto +1;"
	 "r0 = *(u8 *)(r2 + 0); r0 = 2; exit",
	 1, NULL},
	{"jset_bounds", 6,
	 "r2 = *(u32 *)(r1 + 12); r0 = 0; if r2 & 0xfffffff0 goto +4; r3 = r10; r3 += -16;"
	 "r3 += r2; r0 = *(u8 *)(r3 + 0); r0 = 0; exit",
	 1, NULL},
	/* found by the fuzz differential: the kernel decides these branches */
	{"bswap_of_a_constant_is_known", 6,
	 "r2 = 42; r5 = 7; r5 = be16 r5; if r2 < r5 goto +1; r0 = r9; r0 = 0; exit", 1, NULL},
	{"narrow_fill_of_a_spilled_constant", 6,
	 "*(u64 *)(r10 - 16) = 63; r0 = *(u8 *)(r10 - 16); if r0 != 63 goto +2; r0 = 0; exit;"
	 "r0 = r9; exit",
	 1, NULL},
	{"array_key_in_a_wider_spill_is_not_constant", 6,
	 "*(u64 *)(r10 - 16) = 1; r2 = r10; r2 += -16; r1 = map 1; call 1;"
	 "r0 = *(u32 *)(r0 + 8); r0 = 0; exit",
	 0, "R0 invalid mem access 'map_value_or_null'"},
	{"linked_copies_share_a_bounds_check", 6,
	 "r7 = *(u32 *)(r1 + 12); r1 = r7; r1 += 4; if r1 > 87 goto +2; if r7 < 84 goto +1;"
	 "r0 = r9; r0 = 0; exit",
	 1, NULL},
	/*
	 * Precision: two paths meet at a checkpoint with different values of a scalar that is
	 * used only after the meeting point. The first path (the fall-through, padded so that a
	 * checkpoint is taken where they meet) is safe; the second (the jump) is not, and is
	 * pruned unless the use marked the scalar, or where it came from, precise.
	 */
	{"precise_offset_after_join", 6,
	 LOOKUP(1) "r6 = r0; call 7; if r0 > 100 goto +10;"
		   "r2 = 4;" PAD8 "goto +1; r2 = 64;"
		   "r6 += r2; r0 = *(u64 *)(r6 + 0); r0 = 0; exit",
	 0, "R6 min value is outside of the allowed memory range"},
	{"precise_through_spill_and_fill", 6,
	 LOOKUP(1) "r6 = r0; call 7; if r0 > 100 goto +10;"
		   "r2 = 4;" PAD8 "goto +1; r2 = 64;"
		   "*(u64 *)(r10 - 16) = r2; r2 = 0; r3 = *(u64 *)(r10 - 16); r6 += r3;"
		   "r0 = *(u64 *)(r6 + 0); r0 = 0; exit",
	 0, "R6 min value is outside of the allowed memory range"},
	{"precise_through_a_call", 6,
	 LOOKUP(1) "r6 = r0; call 7; if r0 > 100 goto +10;"
		   "r2 = 4;" PAD8 "goto +1; r2 = 64;"
		   "r1 = r2; callf 4; r6 += r0; r0 = *(u64 *)(r6 + 0); r0 = 0; exit;"
		   "r0 = r1; r0 += 0; exit",
	 0, "R6 min value is outside of the allowed memory range"},
	{"precise_through_linked_scalars", 6,
	 LOOKUP(1) "r6 = r0; call 7; r8 = r0; call 7; if r0 > 100 goto +11;"
		   "r2 = r8; r2 &= 255; r3 = r2;" PAD7 "goto +5; r2 = r8; r2 &= 255; r4 = r2;"
		   "r3 = r0; r3 &= 255; if r3 > 8 goto +2; r6 += r2; r0 = *(u64 *)(r6 + 0);"
		   "r0 = 0; exit",
	 0, "R6 max value is outside of the allowed memory range"},
	{"precise_return_value", 8,
	 "call 7; if r0 > 100 goto +10;"
	 "r2 = 1;" PAD8 "goto +1; r2 = 5; r0 = r2; exit",
	 0, "At program exit the register R0 has smin=5 smax=5 should have been in [0, 1]"},
	{"precise_decided_branch", 6,
	 "call 7; if r0 > 100 goto +10;"
	 "r2 = 4;" PAD8 "goto +1; r2 = 200;"
	 "if r2 > 100 goto +2; r0 = 2; exit; r0 = r9; exit",
	 0, "R9 !read_ok"},
	{"precise_helper_size", 2,
	 "call 7; if r0 > 100 goto +10;"
	 "r2 = 8;" PAD8 "goto +1; r2 = 64;"
	 "r1 = r10; r1 += -16; r3 = 0; call 113; r0 = 0; exit",
	 0, "invalid write to stack R1 off=-16 size=64"},
	{"imprecise_scalars_are_pruned", 6,
	 LOOKUP(1) "r6 = r0; call 7; if r0 > 100 goto +10;"
		   "r2 = 4;" PAD8 "goto +1; r2 = 64;"
		   "r6 += 4; r0 = *(u64 *)(r6 + 0); r0 = r2; r0 = 0; exit",
	 1, NULL},
};

/* Build the program of a case: 0 and the instruction count, or -1. "callf N" is a
 * bpf-to-bpf call N+1 slots ahead. */
static int build(const char *text, struct isa_raw *out, size_t cap, size_t *n)
{
	char *copy = strdup(text), *save = NULL, *tok;
	size_t k = 0;

	ck_assert_ptr_nonnull(copy);
	for (tok = strtok_r(copy, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
		struct isa_insn in;
		char err[128];
		int rd, m, slots;

		while (*tok == ' ')
			tok++;
		if (!*tok)
			continue;
		ck_assert_uint_lt(k + 2, cap);
		if (sscanf(tok, "callf %d", &m) == 1) {
			isa_insn_make(&in, ISA_CALL_LOCAL, 0, ISA_PSEUDO_CALL, 0, m);
			k += (size_t)isa_insn_encode(&in, out + k);
			continue;
		}
		if (sscanf(tok, "r%d = map %d", &rd, &m) == 2) {
			isa_insn_make(&in, ISA_LDDW, rd, 0, 0, m);
			isa_insn_encode(&in, out + k);
			out[k].src = ISA_PSEUDO_MAP_FD;
			k += 2;
			continue;
		}
		slots = asm_insn_parse(tok, &in, err, sizeof(err));
		ck_assert_msg(slots > 0, "cannot parse '%s': %s", tok, err);
		k += (size_t)isa_insn_encode(&in, out + k);
	}
	free(copy);
	*n = k;
	return 0;
}

START_TEST(programs_get_the_kernels_verdict)
{
	const struct pcase *c = &pcases[_i];
	struct isa_raw insns[64];
	struct vsim_prog p = {.name = c->name,
			      .insns = insns,
			      .prog_type = c->type,
			      .expected_attach_type = -1,
			      .maps = maps,
			      .nmaps = 3,
			      .gpl = 1};
	struct vsim_opts o = {0};
	struct vsim_result r;

	build(c->text, insns, 64, &p.ninsns);
	ck_assert_int_eq(vsim_prog_check(&p, &o, &r), 0);
	ck_assert_msg(r.accepted == c->accepted, "%s: %s, expected %s (%s)", c->name,
		      r.accepted ? "accepted" : "rejected", c->accepted ? "accept" : "reject",
		      r.msg);
	if (!c->accepted) {
		ck_assert_str_eq(r.msg, c->msg);
		ck_assert_int_ge(r.insn, 0);
	} else {
		ck_assert_uint_gt(r.insns_processed, 0);
	}
	vsim_result_fini(&r);
}
END_TEST

/* The last meaningful line of a kernel log. */
static void last_line(const char *log, char *out, size_t len)
{
	const char *end = log + strlen(log), *st;

	out[0] = 0;
	while (end > log) {
		while (end > log && end[-1] == '\n')
			end--;
		st = end;
		while (st > log && st[-1] != '\n')
			st--;
		if (end > st && strncmp(st, "processed ", 10) && strncmp(st, "cur state", 9) &&
		    strncmp(st, "old state", 9) && *st != ';') {
			snprintf(out, len, "%.*s", (int)(end - st), st);
			return;
		}
		end = st;
	}
}

static int map_fds[3] = {-1, -1, -1};

START_TEST(programs_agree_with_this_kernel)
{
	const struct pcase *c = &pcases[_i];
	struct isa_raw insns[64];
	struct ldr_prog_attr a = {
		.type = (uint32_t)c->type, .insns = insns, .license = "GPL", .log_level = 1};
	char *log = NULL, last[256];
	size_t n, ll;
	int fd;

	if (map_fds[0] < 0) {
		for (int i = 0; i < 3; i++) {
			struct ldr_map_attr m = {.type = maps[i].type,
						 .key_size = maps[i].key_size,
						 .value_size = maps[i].value_size,
						 .max_entries = maps[i].max_entries};

			map_fds[i] = ldr_map_create(&m);
		}
	}
	if (map_fds[0] < 0 || map_fds[1] < 0 || map_fds[2] < 0) {
		/* no kernel here: the verdicts in the table stand alone */
		ck_assert_msg(!tu_kernel_required(),
			      "EBPF_REQUIRE_KERNEL=1 but maps cannot be created");
		return;
	}
	build(c->text, insns, 64, &n);
	for (size_t i = 0; i < n; i++)
		if (insns[i].code == 0x18 && insns[i].src == ISA_PSEUDO_MAP_FD)
			insns[i].imm = map_fds[insns[i].imm];
	a.ninsns = n;
	fd = ldr_prog_load(&a, &log, &ll);
	if (fd == -EPERM) {
		free(log);
		ck_assert_msg(!tu_kernel_required(),
			      "EBPF_REQUIRE_KERNEL=1 but BPF_PROG_LOAD is refused");
		return;
	}
	if (fd >= 0)
		close(fd);
	ck_assert_msg((fd >= 0) == c->accepted, "%s: the kernel %s it:\n%s", c->name,
		      fd >= 0 ? "accepts" : "rejects", log ? log : "");
	if (!c->accepted) {
		last_line(log ? log : "", last, sizeof(last));
		ck_assert_str_eq(last, c->msg);
	}
	free(log);
}
END_TEST

START_TEST(unprivileged_loads_are_stricter)
{
	struct isa_raw insns[16];
	struct vsim_prog p = {.insns = insns, .prog_type = 1, .expected_attach_type = -1, .gpl = 1};
	struct vsim_opts o = {.unpriv = 1};
	struct vsim_result r;

	build("r0 = *(u64 *)(r10 - 8); r0 = 0; exit", insns, 16, &p.ninsns);
	ck_assert_int_eq(vsim_prog_check(&p, &o, &r), 0);
	ck_assert(!r.accepted);
	ck_assert_str_eq(r.msg, "invalid read from stack R10 off=-8 size=8"); /* as this kernel */
	vsim_result_fini(&r);
	build("r0 = r10; exit", insns, 16, &p.ninsns);
	ck_assert_int_eq(vsim_prog_check(&p, &o, &r), 0);
	ck_assert_str_eq(r.msg, "R0 leaks addr as return value");
	vsim_result_fini(&r);
	build("r0 = 0; r0 += 1; if r0 < 5 goto -2; exit", insns, 16, &p.ninsns);
	ck_assert_int_eq(vsim_prog_check(&p, &o, &r), 0);
	ck_assert_str_eq(r.msg, "back-edge from insn 2 to 1");
	vsim_result_fini(&r);
}
END_TEST

START_TEST(log_level_2_prints_state)
{
	struct isa_raw insns[16];
	struct vsim_prog p = {.insns = insns, .prog_type = 6, .expected_attach_type = -1};
	struct vsim_opts o = {.log_level = 2};
	struct vsim_result r;
	char *text;

	build("r2 = 7; r0 = r2; exit", insns, 16, &p.ninsns);
	ck_assert_int_eq(vsim_prog_check(&p, &o, &r), 0);
	ck_assert(r.accepted);
	ck_assert_uint_eq(r.insns_processed, 3);
	text = strndup((const char *)r.log.data, r.log.len);
	ck_assert_ptr_nonnull(strstr(text, "0: (b7) r2 = 7"));
	ck_assert_ptr_nonnull(strstr(text, "R2=7"));
	ck_assert_ptr_nonnull(strstr(text, "processed 3 insns"));
	free(text);
	vsim_result_fini(&r);
}
END_TEST

START_TEST(garbage_never_crashes_or_hangs)
{
	uint64_t s = 88172645463325252ull;
	struct vsim_opts o = {0};

	for (int it = 0; it < 3000; it++) {
		struct isa_raw insns[24];
		struct vsim_prog p = {.insns = insns,
				      .ninsns = 1 + (size_t)(it % 24),
				      .prog_type = 1 + it % 8,
				      .expected_attach_type = -1,
				      .maps = maps,
				      .nmaps = 3};
		struct vsim_result r;

		for (size_t i = 0; i < p.ninsns; i++) {
			s ^= s << 13;
			s ^= s >> 7;
			s ^= s << 17;
			memcpy(&insns[i], &s, sizeof(s));
			if (it & 1) /* keep registers in range half of the time */
				insns[i].dst %= 11, insns[i].src %= 11;
		}
		insns[p.ninsns - 1].code = 0x95;
		ck_assert_int_eq(vsim_prog_check(&p, &o, &r), 0);
		ck_assert(r.accepted || r.msg[0]);
		vsim_result_fini(&r);
	}
}
END_TEST

/* ---- ebpf-verify ---- */

static char *tmp, *tool;

static const char *write_src(const char *name, const char *text)
{
	static char path[512];

	snprintf(path, sizeof(path), "%s/%s", tmp, name);
	ck_assert_int_eq(tu_write_file(path, text, strlen(text)), 0);
	return path;
}

static const char good_s[] = "\t.license \"GPL\"\n"
			     "\t.section xdp\n"
			     "\t.globl pass\n"
			     "\t.type pass, @function\n"
			     "pass:\n"
			     "\tr0 = 2\n"
			     "\texit\n"
			     "\t.size pass, .-pass\n";

static const char bad_s[] = "\t.section xdp\n"
			    "\t.globl first\n"
			    "\t.type first, @function\n"
			    "first:\n"
			    "\tr2 = *(u32 *)(r1 + 0)\n"
			    "\tr0 = *(u8 *)(r2 + 14)\n"
			    "\texit\n"
			    "\t.size first, .-first\n";

START_TEST(cli_accepts_and_counts)
{
	char *out = NULL;
	const char *src = write_src("good.s", good_s);
	int rc = tu_runf(&out, "'%s' '%s'", tool, src);

	ck_assert_msg(rc == 0, "exit %d: %s", rc, out);
	ck_assert_str_eq(out, "pass: accepted (2 instructions processed)\n");
	free(out);
}
END_TEST

START_TEST(cli_rejects_at_the_source_line)
{
	char *out = NULL;
	const char *src = write_src("bad.s", bad_s);
	int rc = tu_runf(&out, "cd '%s' && '%s' bad.s", tmp, tool);

	ck_assert_msg(rc == 1, "exit %d: %s", rc, out);
	(void)src;
	ck_assert_ptr_nonnull(strstr(out, "first: rejected\n"));
	ck_assert_msg(strstr(out, "bad.s:6:2: error: R2 offset is outside of the packet\n"), "%s",
		      out);
	ck_assert_ptr_nonnull(strstr(out, "    6 | \tr0 = *(u8 *)(r2 + 14)\n"));
	ck_assert_ptr_nonnull(strstr(out, "note: invalid access to packet, off=14 size=1"));
	ck_assert_ptr_nonnull(strstr(out, "data_end"));
	free(out);
}
END_TEST

START_TEST(cli_json_has_one_object_per_program)
{
	char *out = NULL;
	int rc;

	write_src("bad.s", bad_s);
	rc = tu_runf(&out, "cd '%s' && '%s' --json bad.s", tmp, tool);
	ck_assert_int_eq(rc, 1);
	ck_assert_msg(strstr(out,
			     "{\"prog\":\"first\",\"section\":\"xdp\",\"verdict\":\"rejected\","
			     "\"insns_processed\":2,\"message\":\"R2 offset is outside of the "
			     "packet\",\"insn\":1,\"line\":6,"),
		      "%s", out);
	ck_assert_ptr_nonnull(strstr(out, "\"file\":\"bad.s\""));
	free(out);
}
END_TEST

START_TEST(cli_type_override_and_bad_input)
{
	char *out = NULL;
	const char *src = write_src("good2.s", good_s);
	int rc = tu_runf(&out, "'%s' --type cgroup_skb '%s'", tool, src);

	ck_assert_msg(rc == 1, "exit %d: %s", rc, out);
	ck_assert_ptr_nonnull(strstr(out, "should have been in [0, 1]"));
	free(out);
	rc = tu_runf(&out, "'%s' '%s/nonexistent.o'", tool, tmp);
	ck_assert_int_eq(rc, 2);
	free(out);
	rc = tu_runf(&out, "'%s' --prog nosuch '%s'", tool, src);
	ck_assert_int_eq(rc, 2);
	free(out);
	rc = tu_runf(&out, "'%s' --type nosuch '%s'", tool, src);
	ck_assert_int_eq(rc, 2);
	free(out);
}
END_TEST

static void setup(void)
{
	if (!tmp)
		tmp = strdup(tu_mkdtemp());
	if (!tool)
		tool = realpath(tu_tool("ebpf-verify"), NULL);
	ck_assert_ptr_nonnull(tool);
}

int main(void)
{
	Suite *s = suite_create("vsim");
	TCase *t = tcase_create("tnum");
	SRunner *sr;
	int failed;

	tcase_add_test(t, tnum_ops_are_exact_on_constants);
	tcase_add_test(t, tnum_range_holds_every_value_of_the_range);
	tcase_add_test(t, tnum_add_of_unknown_low_bits_carries_into_mask);
	suite_add_tcase(s, t);
	t = tcase_create("bounds");
	tcase_add_test(t, and_with_a_mask_bounds_the_value);
	tcase_add_test(t, alu32_zero_extends_into_64_bits);
	tcase_add_test(t, add_that_may_overflow_gives_up_the_range);
	tcase_add_test(t, shifts_follow_the_kernel);
	tcase_add_test(t, branch_refines_both_sides);
	tcase_add_test(t, jmp32_refines_only_the_low_half);
	tcase_add_test(t, jset_and_impossible_branches);
	suite_add_tcase(s, t);
	t = tcase_create("programs");
	tcase_set_timeout(t, 60);
	tcase_add_loop_test(t, programs_get_the_kernels_verdict, 0,
			    (int)(sizeof(pcases) / sizeof(pcases[0])));
	tcase_add_loop_test(t, programs_agree_with_this_kernel, 0,
			    (int)(sizeof(pcases) / sizeof(pcases[0])));
	tcase_add_test(t, unprivileged_loads_are_stricter);
	tcase_add_test(t, log_level_2_prints_state);
	tcase_add_test(t, garbage_never_crashes_or_hangs);
	suite_add_tcase(s, t);
	t = tcase_create("cli");
	tcase_add_unchecked_fixture(t, setup, NULL);
	tcase_add_test(t, cli_accepts_and_counts);
	tcase_add_test(t, cli_rejects_at_the_source_line);
	tcase_add_test(t, cli_json_has_one_object_per_program);
	tcase_add_test(t, cli_type_override_and_bad_input);
	suite_add_tcase(s, t);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	if (tmp) {
		tu_rmrf(tmp);
		free(tmp);
	}
	free(tool);
	return failed ? 1 : 0;
}
