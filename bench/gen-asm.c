/* SPDX-License-Identifier: MIT */
/*
 * gen-asm.c - write the assembler benchmark's input: a deterministic LLVM-syntax .s file of
 * exactly N lines (default 200,000) shaped like `clang -S` output, so that both ebpf-as and
 * llvm-mc read it.
 *
 *   usage: gen-asm [LINES] > bench.s
 *
 * Mix per function: ALU (64- and 32-bit, immediate and register), loads and stores of every
 * width, conditional jumps to labels a few lines ahead, helper calls, calls to the other
 * functions, lddw constants, and clang's directives and comments. The sequence comes from a
 * fixed-seed xorshift generator: the same N gives the same file everywhere.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Lines per function (the last one takes the rest). Jumps only reach the next label, a few
 * lines ahead, so function size never strains a 16-bit offset. */
#define FUNC_LINES 20000

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint32_t next(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

static const char *const alu_ops[] = {
	"+=", "-=", "*=", "/=", "|=", "&=", "<<=", ">>=", "%=", "^=", "=", "s>>="};
static const char *const jmp_ops[] = {"==", "!=", ">", ">=", "<", "<=", "s>", "s>=", "s<", "s<="};
static const char *const sizes[] = {"u8", "u16", "u32", "u64"};

/* One instruction line of function @func; jumps go to label @pending, the next one ahead. */
static void insn(int func, int nfuncs, unsigned pending)
{
	unsigned r = next(100), d = 1 + next(9), s = next(10);

	if (r < 30) {
		const char *op = alu_ops[next(sizeof(alu_ops) / sizeof(alu_ops[0]))];
		int imm = (int)next(2000) - 1000;
		int w = next(3) == 0;

		/* shifts keep in range, divisions avoid a zero immediate */
		if (op[0] == '<' || op[0] == '>' || op[1] == '>')
			imm = (int)next(w ? 32 : 64);
		if ((op[0] == '/' || op[0] == '%') && imm == 0)
			imm = 3;
		if (next(2))
			printf("\t%c%u %s %d\n", w ? 'w' : 'r', d, op, imm);
		else
			printf("\t%c%u %s %c%u\n", w ? 'w' : 'r', d, op, w ? 'w' : 'r', s);
	} else if (r < 45) {
		int sz = (int)next(4);

		printf("\t%c%u = *(%s *)(r%u %c %u)\n", sz == 3 ? 'r' : 'w', d, sizes[sz],
		       next(2) ? 10 : s, '-', 8 * (1 + next(64)));
	} else if (r < 58) {
		int sz = (int)next(4);

		if (next(3) == 0)
			printf("\t*(%s *)(r10 - %u) = %d\n", sizes[sz], 8 * (1 + next(64)),
			       (int)next(200) - 100);
		else
			printf("\t*(%s *)(r10 - %u) = %c%u\n", sizes[sz], 8 * (1 + next(64)),
			       sz == 3 ? 'r' : 'w', s);
	} else if (r < 75) {
		const char *op = jmp_ops[next(sizeof(jmp_ops) / sizeof(jmp_ops[0]))];

		if (next(2))
			printf("\tif %c%u %s %d goto LBB%d_%u\n", next(4) ? 'r' : 'w', d, op,
			       (int)next(512), func, pending);
		else
			printf("\tif r%u %s r%u goto LBB%d_%u\n", d, op, s, func, pending);
	} else if (r < 80) {
		printf("\tgoto LBB%d_%u\n", func, pending);
	} else if (r < 86) {
		printf("\tcall %u\n", 1 + next(200));
	} else if (r < 89 && nfuncs > 1) {
		printf("\tcall f%d\n", (func + 1 + (int)next((uint32_t)nfuncs - 1)) % nfuncs);
	} else if (r < 95) {
		printf("\tr%u = %" PRId64 " ll\n", d, (int64_t)(rng >> 1) - (int64_t)(rng >> 3));
	} else if (r < 98) {
		printf("\tr%u = -r%u\n", d, d);
	} else {
		printf("\tr%u = be%u r%u\n", d, 16u << next(3), d);
	}
}

int main(int argc, char **argv)
{
	long total = argc > 1 ? strtol(argv[1], NULL, 10) : 200000;
	int nfuncs = total / FUNC_LINES > 1 ? (int)(total / FUNC_LINES) : 1;
	long written = 0;

	if (total < 16 || argc > 2) {
		fprintf(stderr, "usage: gen-asm [LINES >= 16] > bench.s\n");
		return 2;
	}
	printf("\t.text\n");
	printf("\t.file\t\"bench.c\"\n");
	written += 2;
	for (int f = 0; f < nfuncs; f++) {
		long end = f == nfuncs - 1 ? total : written + FUNC_LINES;

		if (end > total)
			end = total;
		unsigned label = 0;

		printf("\t.globl\tf%d\n\t.p2align\t3\n\t.type\tf%d,@function\nf%d:\n# %%bb.0:\n", f,
		       f, f);
		written += 5;
		/* keep room for the function's closing lines (label, exit, two directives) */
		while (written < end - 5) {
			if (next(8) == 0)
				printf("LBB%d_%u:\n", f, label++);
			else
				insn(f, nfuncs, label);
			written++;
		}
		printf("LBB%d_%u:\n", f, label);
		printf("\texit\n");
		printf(".Lfunc_end%d:\n", f);
		printf("\t.size\tf%d, .Lfunc_end%d-f%d\n", f, f, f);
		written += 4;
		while (written < end) {
			printf("\t\t\t\t\t# -- End function\n");
			written++;
		}
	}
	return ferror(stdout) ? 1 : 0;
}
