/* SPDX-License-Identifier: MIT */
/*
 * check_vm.c - the interpreter (vm/): ISA semantics, the checked address space, helpers and
 * ebpf-run's conformance modes.
 *
 *   conformance   every bpf_conformance tests/NAME.data passes under `ebpf-run --conformance`
 *                 (one loop case per file, named in the failure message)
 *   semantics     table: a program, its memory, and the expected r0 or the fault's words
 *                 (instruction, region) or the load error; each row says what it shows
 *   helpers       trace_printk output, seeded prandom, the settable clock and task,
 *                 probe_read's -EFAULT; map helpers over vm/map.c with value-slot checks
 *   kernel        differential: the conformance programs the kernel's verifier accepts as
 *                 socket filters return the same r0 (low 32 bits) under BPF_PROG_TEST_RUN
 *   plugin        `ebpf-run --conformance-plugin` speaks the suite's plugin protocol
 */
#define _GNU_SOURCE
#include <check.h>
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <inttypes.h>
#include <linux/bpf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "asm/asm.h"
#include "loader/loader.h"
#include "vm/map.h"
#include "vm/vm.h"
#include "tests/testutil.h"

/* ---------------------------------------------------------------- a program in a VM */

struct vmt {
	struct vm *vm;
	struct obj *o;
	struct vm_prog *p;
	struct obj_origin *origin;
	struct diag d;
	uint8_t mem[256];
	size_t mem_len;
	int mem_region;
	const struct isa_raw *code;
	size_t n;
};

/* Assemble @src (file name "t.s") into a fresh VM. Returns vm_prog_load's result (the
 * assembler must accept the text). */
static int vmt_load(struct vmt *t, const char *src)
{
	int err;

	memset(t, 0, sizeof(*t));
	diag_init(&t->d);
	t->vm = vm_new();
	ck_assert_ptr_nonnull(t->vm);
	t->o = obj_new();
	ck_assert_ptr_nonnull(t->o);
	err = asm_source_assemble("t.s", src, strlen(src), t->o, &t->d);
	ck_assert_msg(err == 0, "does not assemble: %s\n%s", t->d.nmsgs ? t->d.msgs[0].text : "?",
		      src);
	for (size_t i = 0; i < t->o->nsecs; i++) {
		if (t->o->secs[i].flags & SHF_EXECINSTR) {
			t->code = (const struct isa_raw *)t->o->secs[i].data.data;
			t->n = t->o->secs[i].data.len / ISA_INSN_SIZE;
			t->origin = calloc(t->n, sizeof(*t->origin));
			ck_assert_ptr_nonnull(t->origin);
			for (size_t k = 0; k < t->n; k++)
				t->origin[k] = (struct obj_origin){(int)i, k * ISA_INSN_SIZE};
			break;
		}
	}
	ck_assert_ptr_nonnull(t->code);
	return 0;
}

/* Load what vmt_load assembled (after the test added maps). */
static int vmt_prog(struct vmt *t)
{
	int err = vm_prog_load(t->vm, t->code, t->n, "t", &t->p, &t->d);

	if (!err)
		vm_prog_source_set(t->p, t->o, t->origin);
	return err;
}

/* Set the memory r1/r2 point at from hex bytes ("01 02 ff"). */
static void vmt_mem(struct vmt *t, const char *hex)
{
	char *end;

	t->mem_len = 0;
	while (hex && *hex) {
		unsigned long v = strtoul(hex, &end, 16);

		if (end == hex)
			break;
		ck_assert(t->mem_len < sizeof(t->mem));
		t->mem[t->mem_len++] = (uint8_t)v;
		hex = end;
	}
	t->mem_region = t->mem_len ? vm_region_add(t->vm, "mem", t->mem, (uint32_t)t->mem_len,
						   VM_MEM_RW, 0, 0)
				   : 0;
	ck_assert_int_ge(t->mem_region, 0);
}

static int vmt_run(struct vmt *t, uint64_t *r0)
{
	return vm_prog_run(t->vm, t->p, t->mem_len ? VM_ADDR(t->mem_region, 0) : 0, t->mem_len, r0);
}

static void vmt_free(struct vmt *t)
{
	vm_prog_free(t->p);
	vm_free(t->vm);
	obj_free(t->o);
	free(t->origin);
	diag_fini(&t->d);
}

/* Every '|'-separated word of @words occurs in @text. */
static void assert_words(const char *text, const char *words, const char *what)
{
	char buf[256], *save = NULL;

	snprintf(buf, sizeof(buf), "%s", words);
	for (char *w = strtok_r(buf, "|", &save); w; w = strtok_r(NULL, "|", &save))
		ck_assert_msg(strstr(text, w), "%s: '%s' lacks '%s'", what, text, w);
}

/* ---------------------------------------------------------------- conformance files */

static char **conf_files;
static int nconf;

static void conf_list(void)
{
	conf_files = tu_conformance_files("tests", &nconf);
}

START_TEST(conformance_file_passes_under_ebpf_run)
{
	const char *path = conf_files[_i], *file = strrchr(path, '/') + 1;
	char *out = NULL, expect[512];
	int st = tu_runf(&out, "'%s' --conformance '%s'", tu_tool("ebpf-run"), path);

	snprintf(expect, sizeof(expect), "PASS %s\n1 passed, 0 failed\n", file);
	ck_assert_msg(st == 0 && out && strcmp(out, expect) == 0, "%s: exit %d:\n%s", file, st,
		      out ? out : "");
	free(out);
}
END_TEST

START_TEST(conformance_suite_has_all_313_files)
{
	/* the loop above must not pass by running nothing */
	ck_assert_int_eq(nconf, 313);
}
END_TEST

START_TEST(conformance_summary_counts_failures_and_exits_1)
{
	char *dir = tu_mkdtemp(), path[4200], *out = NULL;
	static const char bad[] = "-- asm\nmov %r0, 1\nexit\n-- result\n0x2\n";
	int st;

	snprintf(path, sizeof(path), "%s/wrong.data", dir);
	ck_assert_int_eq(tu_write_file(path, bad, sizeof(bad) - 1), 0);
	st = tu_runf(&out, "'%s' --conformance '%s' '%s'", tu_tool("ebpf-run"), path,
		     conf_files[0]);
	ck_assert_int_eq(st, 1);
	assert_words(out, "FAIL wrong.data: expected 0x2, got 0x1|1 passed, 1 failed", "output");
	free(out);
	tu_rmrf(dir);
}
END_TEST

/* ---------------------------------------------------------------- semantics */

struct sem_case {
	const char *what; /* the sentence this row shows */
	const char *src;
	const char *mem;   /* hex bytes for r1/r2, or NULL */
	uint64_t r0;	   /* expected when fault and load_error are NULL */
	const char *fault; /* '|'-separated words of the fault message */
	const char *load_error;
	int packet; /* mem is also the packet (ld_abs/ld_ind) */
};

/* Rows: the r0 a run ends with; the words of its fault; the words of its load error; r0
 * with mem also mapped as the packet. */
#define R0(what, src, mem, r0)                                                                     \
	{                                                                                          \
		what, src, mem, r0, NULL, NULL, 0                                                  \
	}
#define FAULT(what, src, mem, words)                                                               \
	{                                                                                          \
		what, src, mem, 0, words, NULL, 0                                                  \
	}
#define REFUSED(what, src, words)                                                                  \
	{                                                                                          \
		what, src, NULL, 0, NULL, words, 0                                                 \
	}
#define PACKET(what, src, mem, r0)                                                                 \
	{                                                                                          \
		what, src, mem, r0, NULL, NULL, 1                                                  \
	}

static const struct sem_case sem_cases[] = {
	R0("64-bit division by zero gives 0", "mov %r0, 7\nmov %r1, 0\ndiv %r0, %r1\nexit\n", NULL,
	   0),
	R0("32-bit division by zero gives 0",
	   "lddw %r0, 0xffffffff00000007\nmov %r1, 0\ndiv32 %r0, %r1\nexit\n", NULL, 0),
	R0("64-bit modulo by zero leaves dst", "mov %r0, 7\nmov %r1, 0\nmod %r0, %r1\nexit\n", NULL,
	   7),
	R0("32-bit modulo by zero leaves dst zero-extended",
	   "lddw %r0, 0x500000007\nmov %r1, 0\nmod32 %r0, %r1\nexit\n", NULL, 7),
	R0("64-bit signed INT_MIN / -1 is INT_MIN",
	   "lddw %r0, 0x8000000000000000\nsdiv %r0, -1\nexit\n", NULL, 0x8000000000000000ull),
	R0("64-bit signed INT_MIN % -1 is 0",
	   "lddw %r0, 0x8000000000000000\nmov %r1, -1\n"
	   "smod %r0, %r1\nexit\n",
	   NULL, 0),
	R0("32-bit signed INT_MIN / -1 is INT_MIN zero-extended",
	   "mov32 %r0, 0x80000000\nmov %r1, -1\nsdiv32 %r0, %r1\nexit\n", NULL, 0x80000000),
	R0("32-bit signed INT_MIN % -1 is 0", "mov32 %r0, 0x80000000\nsmod32 %r0, -1\nexit\n", NULL,
	   0),
	R0("signed modulo takes the dividend's sign", "mov %r0, -7\nsmod %r0, 2\nexit\n", NULL,
	   (uint64_t)-1),
	R0("64-bit shift counts are masked to 6 bits",
	   "mov %r0, 1\nmov %r1, 65\nlsh %r0, %r1\nexit\n", NULL, 2),
	R0("32-bit shift counts are masked to 5 bits",
	   "mov %r0, 1\nmov %r1, 33\nlsh32 %r0, %r1\nexit\n", NULL, 2),
	R0("arithmetic right shift by 66 shifts by 2",
	   "mov %r0, -16\nmov %r1, 66\narsh %r0, %r1\nexit\n", NULL, (uint64_t)-4),
	R0("32-bit arithmetic shift keeps the sign in 32 bits and zero-extends",
	   "mov %r0, -16\narsh32 %r0, 2\nexit\n", NULL, 0xfffffffc),
	R0("32-bit ALU results are zero-extended", "mov %r0, -1\nadd32 %r0, 0\nexit\n", NULL,
	   0xffffffff),
	R0("32-bit negation zero-extends", "mov %r0, 1\nneg32 %r0\nexit\n", NULL, 0xffffffff),
	R0("movsx from 8 to 64 bits sign-extends", "mov %r1, 0x80\nmovsx864 %r0, %r1\nexit\n", NULL,
	   0xffffffffffffff80ull),
	R0("movsx from 8 to 32 bits zero-extends the 32-bit result",
	   "mov %r1, 0x80\nmovsx832 %r0, %r1\nexit\n", NULL, 0xffffff80),
	R0("movsx from 32 to 64 bits sign-extends",
	   "mov32 %r1, 0x80000000\nmovsx3264 %r0, %r1\nexit\n", NULL, 0xffffffff80000000ull),
	R0("ldxsb sign-extends the byte", "stb [%r10-1], 0x80\nldxsb %r0, [%r10-1]\nexit\n", NULL,
	   0xffffffffffffff80ull),
	R0("ldxsh sign-extends the half word", "sth [%r10-2], 0x8001\nldxsh %r0, [%r10-2]\nexit\n",
	   NULL, 0xffffffffffff8001ull),
	R0("ldxsw sign-extends the word", "stw [%r10-4], -2\nldxsw %r0, [%r10-4]\nexit\n", NULL,
	   (uint64_t)-2),
	R0("bswap16 swaps the low 16 bits and clears the rest",
	   "lddw %r0, 0x1234567890abcdef\nbswap16 %r0\nexit\n", NULL, 0xefcd),
	R0("be32 swaps the low 32 bits", "lddw %r0, 0x1234567890abcdef\nbe32 %r0\nexit\n", NULL,
	   0xefcdab90),
	R0("le16 truncates on a little-endian machine",
	   "lddw %r0, 0x1234567890abcdef\nle16 %r0\nexit\n", NULL, 0xcdef),
	R0("bswap64 reverses all bytes", "lddw %r0, 0x0102030405060708\nbswap64 %r0\nexit\n", NULL,
	   0x0807060504030201ull),
	R0("atomic fetch add returns the old value and stores the sum",
	   "stdw [%r10-8], 10\nmov %r1, 5\nlock fetch add [%r10-8], %r1\n"
	   "ldxdw %r0, [%r10-8]\nmul %r0, 100\nadd %r0, %r1\nexit\n",
	   NULL, 1510),
	R0("32-bit atomic fetch zero-extends the old value",
	   "stdw [%r10-8], -1\nmov %r1, 1\nlock fetch add32 [%r10-8], %r1\nmov %r0, %r1\nexit\n",
	   NULL, 0xffffffff),
	R0("cmpxchg that does not match leaves memory and loads r0",
	   "stdw [%r10-8], 3\nmov %r0, 4\nmov %r1, 9\nlock cmpxchg [%r10-8], %r1\n"
	   "ldxdw %r2, [%r10-8]\nmul %r0, 100\nadd %r0, %r2\nexit\n",
	   NULL, 303),
	R0("cmpxchg that matches stores the new value",
	   "stdw [%r10-8], 3\nmov %r0, 3\nmov %r1, 9\nlock cmpxchg [%r10-8], %r1\n"
	   "ldxdw %r2, [%r10-8]\nmul %r0, 100\nadd %r0, %r2\nexit\n",
	   NULL, 309),
	R0("32-bit cmpxchg compares the low half of r0 and zero-extends it",
	   "stw [%r10-4], 3\nlddw %r0, 0x700000003\nmov %r1, 9\nlock cmpxchg32 [%r10-4], %r1\n"
	   "ldxw %r2, [%r10-4]\nmul %r0, 100\nadd %r0, %r2\nexit\n",
	   NULL, 309),
	R0("xchg swaps register and memory",
	   "stdw [%r10-8], 3\nmov %r1, 9\nlock xchg [%r10-8], %r1\nldxdw %r0, [%r10-8]\n"
	   "mul %r0, 10\nadd %r0, %r1\nexit\n",
	   NULL, 93),
	R0("eight frames deep is the call limit and is allowed",
	   "mov %r1, 6\ncall local f\nexit\nf:\njeq %r1, 0, out\nsub %r1, 1\ncall local f\n"
	   "add %r0, 1\nexit\nout:\nmov %r0, 0\nexit\n",
	   NULL, 6),
	FAULT("a ninth frame faults at the call",
	      "mov %r1, 7\ncall local f\nexit\nf:\njeq %r1, 0, out\nsub %r1, 1\ncall local f\n"
	      "add %r0, 1\nexit\nout:\nmov %r0, 0\nexit\n",
	      NULL, "insn 5 (t.s:7)|call depth limit|8 frames"),
	R0("a callee reads its caller's stack through a pointer and has its own frame",
	   "stdw [%r10-8], 42\nmov %r1, %r10\nadd %r1, -8\ncall local f\nldxdw %r1, [%r10-8]\n"
	   "add %r0, %r1\nexit\nf:\nstdw [%r10-8], 7\nldxdw %r0, [%r1]\nexit\n",
	   NULL, 84),
	FAULT("an endless loop exhausts the instruction budget", "l:\nja l\nexit\n", NULL,
	      "insn 0 (t.s:2)|instruction budget exhausted"),
	FAULT("a store above the stack faults naming the instruction and the stack",
	      "mov %r0, 0\nstxdw [%r10+0], %r0\nexit\n", NULL,
	      "insn 1 (t.s:2)|write of 8 bytes|out of bounds of stack of frame 0|offset 512"),
	FAULT("a load below the stack faults with a negative offset",
	      "ldxdw %r0, [%r10-520]\nexit\n", NULL,
	      "insn 0|read of 8 bytes|stack of frame 0|offset -8"),
	FAULT("a load past the end of mem faults naming mem", "ldxw %r0, [%r1+1]\nexit\n",
	      "01 02 03 04",
	      "insn 0 (t.s:1)|read of 4 bytes|out of bounds of mem (4 bytes; offset 1)"),
	R0("a load inside mem reads it little-endian", "ldxw %r0, [%r1]\nexit\n", "01 02 03 04",
	   0x04030201),
	FAULT("reading NULL faults with no region", "mov %r1, 0\nldxb %r0, [%r1]\nexit\n", NULL,
	      "insn 1|read of 1 bytes at 0x0|no region|NULL"),
	R0("a pointer into a callee's stack is a different region than the caller's",
	   "mov %r1, %r10\ncall local f\nexit\nf:\nmov %r0, %r10\nsub %r0, %r1\nexit\n", NULL,
	   0x100000000ull),
	REFUSED("writing r10 is refused at load", "mov %r10, 1\nexit\n", "insn 0|r10|read-only"),
	REFUSED("a jump into the middle of lddw is refused at load", "ja +1\nlddw %r0, 1\nexit\n",
		"insn 0|middle of the lddw"),
	FAULT("running past the last instruction faults", "mov %r0, 1\n", NULL,
	      "insn 1|ran past the last instruction"),
	FAULT("an unavailable helper faults naming it", "call 35\nexit\n", NULL,
	      "insn 0|helper 35 (bpf_get_current_task) is not available in ebpf-run"),
	PACKET("ld_abs reads the packet in network order", "ldabsh 2\nexit\n", "00 01 02 03",
	       0x0203),
	PACKET("ld_ind adds the register to the offset", "mov %r6, 1\nldindw %r6, 0\nexit\n",
	       "00 01 02 03 04", 0x01020304),
	PACKET("ld_abs outside the packet ends the program with r0 = 0",
	       "mov %r0, 5\nldabsw 2\nmov %r0, 6\nexit\n", "00 01 02 03", 0),
	FAULT("ld_abs without a packet faults", "ldabsb 0\nexit\n", NULL, "insn 0|needs a packet"),
};

START_TEST(semantics_match_the_kernel)
{
	const struct sem_case *c = &sem_cases[_i];
	struct vmt t;
	uint64_t r0 = 0xdead;
	int err;

	vmt_load(&t, c->src);
	vmt_mem(&t, c->mem);
	if (c->packet)
		ck_assert_int_eq(vm_packet_set(t.vm, t.mem_region), 0);
	err = vmt_prog(&t);
	if (c->load_error) {
		ck_assert_msg(err == -EINVAL, "%s: loaded", c->what);
		ck_assert_uint_ge(t.d.nerrors, 1);
		assert_words(t.d.msgs[t.d.nmsgs - 1].text, c->load_error, c->what);
		vmt_free(&t);
		return;
	}
	ck_assert_msg(err == 0, "%s: load: %s", c->what, t.d.nmsgs ? t.d.msgs[0].text : "?");
	err = vmt_run(&t, &r0);
	if (c->fault) {
		char msg[512];

		ck_assert_msg(err == -EFAULT, "%s: ran to r0 = 0x%" PRIx64, c->what, r0);
		vm_fault_format(t.vm, msg, sizeof(msg));
		assert_words(msg, c->fault, c->what);
	} else {
		char msg[512] = "";

		if (err)
			vm_fault_format(t.vm, msg, sizeof(msg));
		ck_assert_msg(err == 0, "%s: faulted: %s", c->what, msg);
		ck_assert_msg(r0 == c->r0, "%s: r0 = 0x%" PRIx64 ", expected 0x%" PRIx64, c->what,
			      r0, c->r0);
	}
	vmt_free(&t);
}
END_TEST

START_TEST(budget_counts_executed_instructions_exactly)
{
	struct vmt t;
	uint64_t r0;

	/* 3 instructions run: a budget of 3 is enough, 2 is not */
	vmt_load(&t, "mov %r0, 1\nadd %r0, 1\nexit\n");
	ck_assert_int_eq(vmt_prog(&t), 0);
	vm_budget_set(t.vm, 3);
	ck_assert_int_eq(vmt_run(&t, &r0), 0);
	ck_assert_uint_eq(vm_executed(t.vm), 3);
	vm_budget_set(t.vm, 2);
	ck_assert_int_eq(vmt_run(&t, &r0), -EFAULT);
	ck_assert_int_eq(vm_fault_get(t.vm)->kind, VM_FAULT_BUDGET);
	ck_assert_uint_eq(vm_fault_get(t.vm)->insn, 2);
	/* the largest budget (--budget 18446744073709551615) is capped, not taken as -1 */
	vm_budget_set(t.vm, UINT64_MAX);
	ck_assert_int_eq(vmt_run(&t, &r0), 0);
	ck_assert_uint_eq(r0, 2);
	ck_assert_uint_eq(vm_executed(t.vm), 3);
	vmt_free(&t);
}
END_TEST

/* Superinstructions (mov+add, ldx+jcc) count, trace and stop on the budget exactly as the
 * two instructions they replace: every slot is traced once, in order, and a budget of k
 * stops at slot index k's instruction. */
struct seen {
	size_t at[32], n;
};

static void seen_insn(void *arg, const struct vm_prog *p, size_t insn, const uint64_t *regs,
		      unsigned depth)
{
	struct seen *s = arg;

	(void)p;
	(void)regs;
	(void)depth;
	if (s->n < sizeof(s->at) / sizeof(s->at[0]))
		s->at[s->n++] = insn;
}

START_TEST(fused_pairs_count_trace_and_stop_like_two_instructions)
{
	static const size_t path[] = {0, 1, 2, 3, 4, 7, 8};
	struct seen s = {0};
	struct vmt t;
	uint64_t r0 = 0;

	vmt_load(&t, "mov %r2, %r10\nadd %r2, -8\nstdw [%r2+0], 5\nldxh %r3, [%r2+0]\n"
		     "jeq %r3, 5, ok\nmov %r0, 1\nexit\nok:\nmov %r0, 2\nexit\n");
	ck_assert_int_eq(vmt_prog(&t), 0);
	ck_assert_int_eq(vmt_run(&t, &r0), 0);
	ck_assert_uint_eq(r0, 2);
	ck_assert_uint_eq(vm_executed(t.vm), 7);
	for (size_t k = 1; k < 7; k++) {
		vm_budget_set(t.vm, k);
		ck_assert_int_eq(vmt_run(&t, &r0), -EFAULT);
		ck_assert_int_eq(vm_fault_get(t.vm)->kind, VM_FAULT_BUDGET);
		ck_assert_uint_eq(vm_fault_get(t.vm)->insn, path[k]);
		ck_assert_uint_eq(vm_executed(t.vm), k);
	}
	vm_budget_set(t.vm, 0);
	vm_trace_set(t.vm, seen_insn, &s);
	ck_assert_int_eq(vmt_run(&t, &r0), 0);
	ck_assert_uint_eq(r0, 2);
	ck_assert_uint_eq(s.n, 7);
	for (size_t k = 0; k < 7; k++)
		ck_assert_uint_eq(s.at[k], path[k]);
	vmt_free(&t);
}
END_TEST

/* bpf_loop runs a callback one frame down on the run's budget: its instructions count,
 * a fault in it is located in it, and callbacks calling bpf_loop stop at the depth limit. */
static int loop_run(const char *cb, uint64_t *r0, char *msg, size_t len, uint64_t *executed)
{
	struct vmt t;
	char src[512];
	int err;

	snprintf(
		src, sizeof(src),
		"mov %%r1, 10\nr2 = func(cb) ll\nmov %%r3, 0\nmov %%r4, 0\ncall 181\nexit\ncb:\n%s",
		cb);
	vmt_load(&t, src);
	ck_assert_int_eq(vmt_prog(&t), 0);
	err = vmt_run(&t, r0);
	vm_fault_format(t.vm, msg, len);
	*executed = vm_executed(t.vm);
	vmt_free(&t);
	return err;
}

START_TEST(bpf_loop_callbacks_count_fault_and_nest)
{
	uint64_t r0 = 0, n = 0;
	char msg[512];

	/* 6 instructions (lddw is one) and 10 callbacks of 2 */
	ck_assert_int_eq(loop_run("mov %r0, 0\nexit\n", &r0, msg, sizeof(msg), &n), 0);
	ck_assert_uint_eq(r0, 10);
	ck_assert_uint_eq(n, 26);
	/* stop on the third call (i == 2): 3 loops */
	ck_assert_int_eq(loop_run("mov %r0, 0\njne %r1, 2, out\nmov %r0, 1\nout:\nexit\n", &r0, msg,
				  sizeof(msg), &n),
			 0);
	ck_assert_uint_eq(r0, 3);
	/* r2 is the callback ctx, 0 here: the read faults at the callback's line */
	ck_assert_int_eq(loop_run("ldxw %r0, [%r2+0]\nexit\n", &r0, msg, sizeof(msg), &n), -EFAULT);
	assert_words(msg, "insn 7 (t.s:8)|invalid read of 4 bytes at 0x0", "fault");
	/* a callback that loops again, forever: the eighth frame is refused */
	ck_assert_int_eq(loop_run("mov %r1, 1\nr2 = func(cb) ll\nmov %r3, 0\nmov %r4, 0\ncall 181\n"
				  "mov %r0, 0\nexit\n",
				  &r0, msg, sizeof(msg), &n),
			 -EFAULT);
	assert_words(msg, "insn 12 (t.s:12)|call depth limit|callbacks included", "fault");
}
END_TEST

/* The fault as a diagnostic: located at the source line, naming the program. */
START_TEST(fault_report_points_at_the_source_line)
{
	struct vmt t;
	uint64_t r0;

	vmt_load(&t, "mov %r0, 0\n\nldxdw %r0, [%r0+16]\nexit\n");
	ck_assert_int_eq(vmt_prog(&t), 0);
	ck_assert_int_eq(vmt_run(&t, &r0), -EFAULT);
	vm_fault_report(t.vm, &t.d, NULL);
	ck_assert_uint_eq(t.d.nerrors, 1);
	ck_assert_str_eq(t.d.msgs[0].file, "t.s");
	ck_assert_uint_eq(t.d.msgs[0].line, 3);
	assert_words(t.d.msgs[0].text,
		     "prog 't': insn 1: invalid read of 8 bytes at 0x10|no region", "report");
	vmt_free(&t);
}
END_TEST

/* Tracing sees every executed instruction with the registers before it runs. */
static void count_trace(void *arg, const struct vm_prog *p, size_t i, const uint64_t *r,
			unsigned depth)
{
	size_t *seen = arg;

	ck_assert_uint_eq(i, seen[0] == 0 ? 0 : seen[0] == 1 ? 1 : 2);
	if (i == 2)
		ck_assert_uint_eq(r[0], 2); /* before exit: both adds done */
	seen[0]++;
}

START_TEST(trace_hook_sees_each_instruction_before_it_runs)
{
	struct vmt t;
	size_t seen[1] = {0};
	uint64_t r0;

	vmt_load(&t, "mov %r0, 1\nadd %r0, 1\nexit\n");
	ck_assert_int_eq(vmt_prog(&t), 0);
	vm_trace_set(t.vm, count_trace, seen);
	ck_assert_int_eq(vmt_run(&t, &r0), 0);
	ck_assert_uint_eq(seen[0], 3);
	ck_assert_uint_eq(vm_executed(t.vm), 3);
	ck_assert_uint_eq(r0, 2);
	vmt_free(&t);
}
END_TEST

/* ---------------------------------------------------------------- helpers */

/* "hi %d\n" with 42: the kernel's output and return value (the length). */
START_TEST(trace_printk_formats_and_returns_the_length)
{
	struct vmt t;
	uint64_t r0;
	size_t len;

	/* "x=%d %u %llx\n" and three zero bytes: 16 bytes on the stack */
	vmt_load(&t, "lddw %r1, 0x2075252064253d78\nstxdw [%r10-16], %r1\n"
		     "lddw %r1, 0x0000000a786c6c25\nstxdw [%r10-8], %r1\n"
		     "mov %r1, %r10\nadd %r1, -16\nmov %r2, 16\nmov %r3, -5\nmov %r4, -1\n"
		     "lddw %r5, 0xabc\ncall 6\nexit\n");
	ck_assert_int_eq(vmt_prog(&t), 0);
	ck_assert_int_eq(vmt_run(&t, &r0), 0);
	/* %d of -5, %u of the low 32 bits of -1, %llx of all 64 */
	ck_assert_str_eq(vm_printk_output(t.vm, &len), "x=-5 4294967295 abc\n");
	ck_assert_uint_eq(len, 20);
	ck_assert_uint_eq(r0, 20);
	vmt_free(&t);
}
END_TEST

START_TEST(trace_printk_refuses_an_unterminated_format)
{
	struct vmt t;
	uint64_t r0;
	size_t len;

	vmt_load(&t, "lddw %r1, 0x4141414141414141\nstxdw [%r10-8], %r1\n"
		     "mov %r1, %r10\nadd %r1, -8\nmov %r2, 8\ncall 6\nexit\n");
	ck_assert_int_eq(vmt_prog(&t), 0);
	ck_assert_int_eq(vmt_run(&t, &r0), 0);
	ck_assert_uint_eq(r0, (uint64_t)-EINVAL);
	vm_printk_output(t.vm, &len);
	ck_assert_uint_eq(len, 0);
	vmt_free(&t);
}
END_TEST

START_TEST(prandom_repeats_with_the_seed_and_differs_across_seeds)
{
	struct vmt t;
	uint64_t a, b, c;

	vmt_load(&t, "call 7\nmov %r6, %r0\ncall 7\nlsh %r0, 32\nor %r0, %r6\nexit\n");
	ck_assert_int_eq(vmt_prog(&t), 0);
	vm_seed_set(t.vm, 1);
	ck_assert_int_eq(vmt_run(&t, &a), 0);
	vm_seed_set(t.vm, 1);
	ck_assert_int_eq(vmt_run(&t, &b), 0);
	vm_seed_set(t.vm, 2);
	ck_assert_int_eq(vmt_run(&t, &c), 0);
	ck_assert_uint_eq(a, b);
	ck_assert_uint_ne(a, c);
	ck_assert_uint_ne((uint32_t)a, a >> 32); /* two calls, two numbers */
	vmt_free(&t);
}
END_TEST

START_TEST(clock_and_task_are_what_the_runner_set)
{
	struct vmt t;
	uint64_t r0;

	/* ktime_get_ns - pid_tgid + comm's first byte */
	vmt_load(&t, "call 5\nmov %r6, %r0\ncall 14\nsub %r6, %r0\nmov %r1, %r10\nadd %r1, -16\n"
		     "mov %r2, 16\ncall 16\nldxb %r0, [%r10-16]\nadd %r0, %r6\nexit\n");
	ck_assert_int_eq(vmt_prog(&t), 0);
	vm_clock_set(t.vm, 1000000);
	vm_task_set(t.vm, 1000, 0, "Z");
	ck_assert_int_eq(vmt_run(&t, &r0), 0);
	ck_assert_uint_eq(r0, 1000000 - 1000 + 'Z');
	vmt_free(&t);
}
END_TEST

START_TEST(probe_read_kernel_of_a_bad_address_is_efault_with_zeroed_output)
{
	struct vmt t;
	uint64_t r0;

	vmt_load(&t, "stdw [%r10-8], 5\nmov %r1, %r10\nadd %r1, -8\nmov %r2, 8\nmov %r3, 4096\n"
		     "call 113\nldxdw %r1, [%r10-8]\nlsh %r1, 8\nadd %r0, %r1\nexit\n");
	ck_assert_int_eq(vmt_prog(&t), 0);
	ck_assert_int_eq(vmt_run(&t, &r0), 0);
	ck_assert_uint_eq(r0, (uint64_t)-EFAULT); /* and the 5 was zeroed */
	vmt_free(&t);
}
END_TEST

START_TEST(kernel_helpers_are_installed_under_their_helpers_def_ids)
{
	struct vm *vm = vm_new();
	static const char *const names[] = {
		"map_lookup_elem",   "ktime_get_ns",   "trace_printk", "get_prandom_u32",
		"probe_read_kernel", "ringbuf_output", "tail_call"};

	ck_assert_ptr_nonnull(vm);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const struct isa_helper *h = isa_helper_by_name(names[i]);

		ck_assert_msg(h && vm->helpers[h->id], "%s is not installed", names[i]);
	}
	vm_free(vm);
}
END_TEST

/* A hash map: update, lookup, write through the value pointer, read it back; reading past
 * the value faults naming the map's values. */
static const char map_prog[] =
	"stw [%r10-4], 7\n"
	"stdw [%r10-16], 40\n"
	"r1 = map_fd(0) ll\n"
	"mov %r2, %r10\nadd %r2, -4\nmov %r3, %r10\nadd %r3, -16\nmov %r4, 0\ncall 2\n"
	"r1 = map_fd(0) ll\n"
	"mov %r2, %r10\nadd %r2, -4\ncall 1\n"
	"jeq %r0, 0, miss\n"
	"ldxdw %r1, [%r0+0]\nadd %r1, 2\nstxdw [%r0+0], %r1\n"
	"ldxdw %r0, [%r0+OFF]\nexit\n"
	"miss:\nmov %r0, -1\nexit\n";

/* Run @tmpl with its 3-character @mark replaced by @with over a hash map "counts" (key 4,
 * value 8): the run's result, r0, the fault text and (@stored not NULL) key 7's value. */
static int map_prog_run(const char *tmpl, const char *mark, const char *with, uint64_t *r0,
			char *msg, size_t len, uint64_t *stored)
{
	struct obj_map def = {.name = (char *)"counts",
			      .type = BPF_MAP_TYPE_HASH,
			      .key_size = 4,
			      .value_size = 8,
			      .max_entries = 4,
			      .sym = -1,
			      .sec = -1,
			      .data_sec = -1};
	struct vm_map *m;
	struct vmt t;
	char src[1024], *at;
	uint32_t key = 7;
	int err;

	snprintf(src, sizeof(src), "%s", tmpl);
	at = strstr(src, mark);
	memcpy(at, with, 3);
	vmt_load(&t, src);
	ck_assert_int_eq(vm_map_create(&def, &m, &t.d), 0);
	ck_assert_int_eq(vm_map_attach(t.vm, m), 0);
	ck_assert_int_eq(vmt_prog(&t), 0);
	err = vmt_run(&t, r0);
	vm_fault_format(t.vm, msg, len);
	if (stored)
		ck_assert_int_eq(vm_map_lookup_copy(m, &key, stored), 0);
	vmt_free(&t);
	vm_map_free(m);
	return err;
}

static void map_run(const char *off, uint64_t *r0, int *err, char *msg, size_t len,
		    uint64_t *stored)
{
	*err = map_prog_run(map_prog, "OFF", off, r0, msg, len, stored);
}

START_TEST(map_helpers_update_lookup_and_write_through_the_value)
{
	uint64_t r0, stored;
	char msg[512];
	int err;

	map_run("0  ", &r0, &err, msg, sizeof(msg), &stored);
	ck_assert_msg(err == 0, "%s", msg);
	ck_assert_uint_eq(r0, 42);
	ck_assert_uint_eq(stored, 42);
}
END_TEST

/* The interpreter does bpf_map_lookup_elem itself when the key is in flat memory (the
 * stack) and calls the helper otherwise (a key inside a map value): both give the same
 * value pointer; a key pointer to nowhere is the helper's fault. */
static const char lookup_prog[] =
	"stw [%r10-4], 7\n"
	"stdw [%r10-16], 7\n"
	"r1 = map_fd(0) ll\n"
	"mov %r2, %r10\nadd %r2, -4\nmov %r3, %r10\nadd %r3, -16\nmov %r4, 0\ncall 2\n"
	"r1 = map_fd(0) ll\n"
	"mov %r2, %r10\nadd %r2, -4\ncall 1\n"
	"jeq %r0, 0, miss\n"
	"mov %r6, %r0\n"
	"r1 = map_fd(0) ll\n"
	"mov %r2, %r6\ncall 1\n" /* the key is the value's first 4 bytes: 7 */
	"jne %r0, %r6, miss\n"
	"r1 = map_fd(0) ll\n"
	"mov %r2, KEY\ncall 1\n"
	"mov %r0, 1\nexit\n"
	"miss:\nmov %r0, -1\nexit\n";

static int lookup_run(const char *key, uint64_t *r0, char *msg, size_t len)
{
	return map_prog_run(lookup_prog, "KEY", key, r0, msg, len, NULL);
}

START_TEST(map_lookup_inline_and_helper_agree)
{
	uint64_t r0 = 0;
	char msg[512];
	int err = lookup_run("%r6", &r0, msg, sizeof(msg));

	ck_assert_msg(err == 0, "%s", msg);
	ck_assert_uint_eq(r0, 1);
}
END_TEST

START_TEST(map_lookup_with_a_bad_key_pointer_faults)
{
	uint64_t r0 = 0;
	char msg[512];
	int err = lookup_run("0  ", &r0, msg, sizeof(msg));

	ck_assert_int_eq(err, -EFAULT);
	assert_words(msg, "insn 25 (t.s:22)|invalid read of 4 bytes at 0x0|NULL", "fault");
}
END_TEST

START_TEST(map_value_access_past_the_value_faults_naming_the_map)
{
	uint64_t r0, stored;
	char msg[512];
	int err;

	map_run("8  ", &r0, &err, msg, sizeof(msg), &stored);
	ck_assert_int_eq(err, -EFAULT);
	assert_words(msg, "insn 19 (t.s:18)|outside one value of map 'counts' values|offset 8",
		     "fault");
	ck_assert_uint_eq(stored, 42); /* the write before the fault happened */
}
END_TEST

/* ---------------------------------------------------------------- kernel differential */

/* The asm section of a .data file with the other lines blanked, or NULL; *has_mem and
 * *has_call say whether the program needs memory or helpers (no kernel equivalent). */
static char *data_asm(const char *text, int *has_mem, int *has_call)
{
	char *out = strdup(text), *p = out, *sec = "";

	*has_mem = *has_call = 0;
	while (*p) {
		char *nl = strchrnul(p, '\n');
		char *dd = memmem(p, (size_t)(nl - p), "--", 2);

		if (dd) {
			sec = strstr(dd, "asm") == dd + 3 ? "asm" : "";
			*has_mem |= strncmp(dd, "-- mem", 6) == 0;
			memset(p, ' ', (size_t)(nl - p));
		} else if (strcmp(sec, "asm")) {
			memset(p, ' ', (size_t)(nl - p));
		} else if (memmem(p, (size_t)(nl - p), "call", 4)) {
			*has_call = 1;
		}
		p = *nl ? nl + 1 : nl;
	}
	return out;
}

START_TEST(interpreter_agrees_with_the_kernel_on_programs_its_verifier_accepts)
{
	unsigned accepted = 0, compared = 0;
	uint8_t pkt[64] = {0};

	for (int i = 0; i < nconf; i++) {
		const char *file = strrchr(conf_files[i], '/') + 1;
		char *text = tu_read_file(conf_files[i], NULL), *src;
		struct ldr_prog_attr a = {.type = BPF_PROG_TYPE_SOCKET_FILTER, .license = "GPL"};
		struct ldr_test_run tr = {.data_in = pkt, .data_size_in = sizeof(pkt)};
		int has_mem, has_call, fd, err;
		struct vmt t;
		uint64_t r0;

		ck_assert_ptr_nonnull(text);
		src = data_asm(text, &has_mem, &has_call);
		free(text);
		if (has_mem || has_call || !strstr(src, "exit")) {
			free(src);
			continue;
		}
		vmt_load(&t, src);
		free(src);
		a.insns = t.code;
		a.ninsns = t.n;
		fd = ldr_prog_load(&a, NULL, NULL);
		if (fd == -EPERM || fd == -ENOSYS) {
			vmt_free(&t);
			if (tu_kernel_required())
				ck_abort_msg("bpf() unavailable: %s", strerror(-fd));
			return; /* no kernel here: nothing to compare against */
		}
		if (fd < 0) {
			vmt_free(&t); /* the verifier refuses it (r1 is a context there) */
			continue;
		}
		accepted++;
		err = ldr_prog_test_run(fd, &tr);
		ck_assert_msg(err == 0, "%s: test run: %s", file, strerror(-err));
		vm_helpers_conformance(t.vm);
		ck_assert_int_eq(vmt_prog(&t), 0);
		ck_assert_int_eq(vmt_run(&t, &r0), 0);
		/* socket filters return 32 bits */
		ck_assert_msg((uint32_t)r0 == tr.retval, "%s: kernel 0x%x, ebpf-run 0x%" PRIx64,
			      file, tr.retval, r0);
		compared++;
		close(fd);
		vmt_free(&t);
	}
	/* most of the suite is plain ALU and jumps: the kernel takes well over a hundred */
	ck_assert_msg(compared >= 100, "only %u programs compared", compared);
	ck_assert_uint_eq(accepted, compared);
}
END_TEST

/* ---------------------------------------------------------------- plugin mode */

struct plugin_case {
	const char *what;
	const char *prog; /* hex bytes on stdin */
	const char *mem;  /* the memory argument */
	int status;
	const char *out;
};

static const struct plugin_case plugin_cases[] = {
	{"plugin prints r0 in hex", "b7 00 00 00 2a 00 00 00 95 00 00 00 00 00 00 00", "", 0,
	 "2a\n"},
	{"plugin passes memory in r1 and its length in r2",
	 "71 10 01 00 00 00 00 00 0f 20 00 00 00 00 00 00 95 00 00 00 00 00 00 00", "aa  bb  cc  ",
	 0, "be\n"},
	{"plugin reports a fault on stdout and exits 1",
	 "71 10 08 00 00 00 00 00 95 00 00 00 00 00 00 00", "aa", 1,
	 "prog 'stdin': insn 0: invalid read of 1 bytes at 0x900000008: out of bounds of mem "
	 "(1 bytes; offset 8)\n"},
	{"plugin refuses an invalid instruction", "ff 00 00 00 00 00 00 00", "", 1, NULL},
};

START_TEST(conformance_plugin_protocol)
{
	const struct plugin_case *c = &plugin_cases[_i];
	char *out = NULL;
	int st = tu_runf(&out, "echo '%s' | '%s' '%s' --conformance-plugin", c->prog,
			 tu_tool("ebpf-run"), c->mem);

	ck_assert_msg(st == c->status, "%s: exit %d: %s", c->what, st, out ? out : "");
	if (c->out)
		ck_assert_msg(out && strcmp(out, c->out) == 0, "%s: '%s'", c->what, out ? out : "");
	free(out);
}
END_TEST

START_TEST(capture_mode_refuses_missing_files_with_exit_2)
{
	char *out = NULL;
	int st = tu_runf(&out, "'%s' no-such-prog.o no-such.pcap 2>&1", tu_tool("ebpf-run"));

	ck_assert_int_eq(st, 2);
	ck_assert_ptr_nonnull(strstr(out, "no-such-prog.o"));
	free(out);
}
END_TEST

static Suite *vm_suite(void)
{
	Suite *s = suite_create("vm");
	TCase *tc;

	tc = tcase_create("conformance");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, conformance_file_passes_under_ebpf_run, 0, nconf);
	tcase_add_test(tc, conformance_suite_has_all_313_files);
	tcase_add_test(tc, conformance_summary_counts_failures_and_exits_1);
	suite_add_tcase(s, tc);

	tc = tcase_create("semantics");
	tcase_add_loop_test(tc, semantics_match_the_kernel, 0,
			    (int)(sizeof(sem_cases) / sizeof(sem_cases[0])));
	tcase_add_test(tc, budget_counts_executed_instructions_exactly);
	tcase_add_test(tc, bpf_loop_callbacks_count_fault_and_nest);
	tcase_add_test(tc, fused_pairs_count_trace_and_stop_like_two_instructions);
	tcase_add_test(tc, fault_report_points_at_the_source_line);
	tcase_add_test(tc, trace_hook_sees_each_instruction_before_it_runs);
	suite_add_tcase(s, tc);

	tc = tcase_create("helpers");
	tcase_add_test(tc, trace_printk_formats_and_returns_the_length);
	tcase_add_test(tc, trace_printk_refuses_an_unterminated_format);
	tcase_add_test(tc, prandom_repeats_with_the_seed_and_differs_across_seeds);
	tcase_add_test(tc, clock_and_task_are_what_the_runner_set);
	tcase_add_test(tc, probe_read_kernel_of_a_bad_address_is_efault_with_zeroed_output);
	tcase_add_test(tc, kernel_helpers_are_installed_under_their_helpers_def_ids);
	tcase_add_test(tc, map_helpers_update_lookup_and_write_through_the_value);
	tcase_add_test(tc, map_value_access_past_the_value_faults_naming_the_map);
	tcase_add_test(tc, map_lookup_inline_and_helper_agree);
	tcase_add_test(tc, map_lookup_with_a_bad_key_pointer_faults);
	suite_add_tcase(s, tc);

	tc = tcase_create("kernel");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, interpreter_agrees_with_the_kernel_on_programs_its_verifier_accepts);
	suite_add_tcase(s, tc);

	tc = tcase_create("plugin");
	tcase_add_loop_test(tc, conformance_plugin_protocol, 0,
			    (int)(sizeof(plugin_cases) / sizeof(plugin_cases[0])));
	tcase_add_test(tc, capture_mode_refuses_missing_files_with_exit_2);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr;
	int failed;

	conf_list();
	sr = srunner_create(vm_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	for (int i = 0; i < nconf; i++)
		free(conf_files[i]);
	free(conf_files);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
