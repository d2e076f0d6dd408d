/* SPDX-License-Identifier: MIT */
/*
 * check_asm.c - the assembler: instructions in both syntaxes to exact bytes, labels,
 * expressions, directives, symbols and relocations, every error located, the ebpf-as CLI.
 *
 * Expected results are written beside their inputs: byte strings in the tables below, and
 * "; expect-error: LINE:COL: TEXT" comments in the files of tests/asm-errors.
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "asm/asm.h"
#include "common/mem.h"
#include "testutil.h"

/* Assemble src; returns the obj (caller frees) and leaves messages in *d. */
static struct obj *assemble(const char *src, struct diag *d, int *ret)
{
	struct obj *o = obj_new();

	ck_assert_ptr_nonnull(o);
	diag_init(d);
	*ret = asm_source_assemble("t.s", src, strlen(src), o, d);
	return o;
}

static char *hex_of(const uint8_t *p, size_t n)
{
	char *s = malloc(n * 3 + 1);

	ck_assert_ptr_nonnull(s);
	s[0] = '\0';
	for (size_t i = 0; i < n; i++)
		sprintf(s + i * 3, "%02x%s", p[i], i + 1 < n ? " " : "");
	return s;
}

static const char *first_error(const struct diag *d)
{
	for (size_t i = 0; i < d->nmsgs; i++)
		if (d->msgs[i].level == DIAG_ERROR)
			return d->msgs[i].text;
	return "(none)";
}

/* The bytes of a section, as "xx xx ..." */
static char *section_hex(const struct obj *o, const char *name)
{
	int s = obj_sec_find(o, name);

	ck_assert_msg(s >= 0, "no section %s", name);
	return hex_of(o->secs[s].data.data, o->secs[s].data.len);
}

/* ---------------------------------------------------------------- single instructions */

static const struct {
	const char *src;
	const char *bytes;
} insn_cases[] = {
	/* LLVM syntax, as llvm-mc -show-encoding gives it */
	{"r0 += r1", "0f 10 00 00 00 00 00 00"},
	{"w0 += w1", "0c 10 00 00 00 00 00 00"},
	{"r0 += -5", "07 00 00 00 fb ff ff ff"},
	{"w0 s/= w1", "3c 10 01 00 00 00 00 00"},
	{"r0 s%= 3", "97 00 01 00 03 00 00 00"},
	{"r0 = -r0", "87 00 00 00 00 00 00 00"},
	{"w0 = -w0", "84 00 00 00 00 00 00 00"},
	{"r0 = be16 r0", "dc 00 00 00 10 00 00 00"},
	{"r0 = le32 r0", "d4 00 00 00 20 00 00 00"},
	{"r0 = bswap64 r0", "d7 00 00 00 40 00 00 00"},
	{"r0 = (s8)r1", "bf 10 08 00 00 00 00 00"},
	{"w0 = (s16)w1", "bc 10 10 00 00 00 00 00"},
	{"r0 = (s32)r1", "bf 10 20 00 00 00 00 00"},
	{"r0 = *(u32 *)(r1 + 4)", "61 10 04 00 00 00 00 00"},
	{"w0 = *(u32 *)(r1 + 0x4)", "61 10 04 00 00 00 00 00"},
	{"r0 = *(s16 *)(r1 - 4)", "89 10 fc ff 00 00 00 00"},
	{"*(u64 *)(r10 - 8) = r1", "7b 1a f8 ff 00 00 00 00"},
	{"*(u32 *)(r10 - 0x8) = w1", "63 1a f8 ff 00 00 00 00"},
	{"*(u32 *)(r10 - 8) = 5", "62 0a f8 ff 05 00 00 00"},
	{"lock *(u64 *)(r10 - 8) += r1", "db 1a f8 ff 00 00 00 00"},
	{"lock *(u32 *)(r10 - 8) += w1", "c3 1a f8 ff 00 00 00 00"},
	{"lock *(u64 *)(r10 - 8) &= r1", "db 1a f8 ff 50 00 00 00"},
	{"r1 = atomic_fetch_add((u64 *)(r10 - 8), r1)", "db 1a f8 ff 01 00 00 00"},
	{"w1 = atomic_fetch_xor((u32 *)(r10 - 8), w1)", "c3 1a f8 ff a1 00 00 00"},
	{"r1 = xchg_64(r10 - 8, r1)", "db 1a f8 ff e1 00 00 00"},
	{"w1 = xchg32_32(r10 - 8, w1)", "c3 1a f8 ff e1 00 00 00"},
	{"r0 = cmpxchg_64(r10 - 8, r0, r1)", "db 1a f8 ff f1 00 00 00"},
	{"w0 = cmpxchg32_32(r10 - 8, w0, w1)", "c3 1a f8 ff f1 00 00 00"},
	{"r0 = 0x123456789 ll", "18 00 00 00 89 67 45 23 00 00 00 00 01 00 00 00"},
	{"r0 = -1 ll", "18 00 00 00 ff ff ff ff 00 00 00 00 ff ff ff ff"},
	{"r0 = *(u8 *)skb[5]", "30 00 00 00 05 00 00 00"},
	{"r0 = *(u16 *)skb[r1]", "48 10 00 00 00 00 00 00"},
	{"if r1 > r2 goto +3", "2d 21 03 00 00 00 00 00"},
	{"if w1 s< 5 goto -2", "c6 01 fe ff 05 00 00 00"},
	{"if r1 & 0x4 goto +0x0", "45 01 00 00 04 00 00 00"},
	{"goto +1", "05 00 01 00 00 00 00 00"},
	{"gotol +1", "06 00 00 00 01 00 00 00"},
	{"call 5", "85 00 00 00 05 00 00 00"},
	{"call bpf_map_lookup_elem", "85 00 00 00 01 00 00 00"},
	{"call pc+3", "85 10 00 00 03 00 00 00"},
	{"callx r2", "8d 02 00 00 00 00 00 00"},
	{"exit", "95 00 00 00 00 00 00 00"},
	{"w1 = 0xffffffff", "b4 01 00 00 ff ff ff ff"},
	{"w1 = -0x1", "b4 01 00 00 ff ff ff ff"},
	{"r1 = 2147483647", "b7 01 00 00 ff ff ff 7f"},
	{"r1 = (1 << 4) | 3", "b7 01 00 00 13 00 00 00"},
	{"r1 = map_fd(3) ll", "18 11 00 00 03 00 00 00 00 00 00 00 00 00 00 00"},
	{"r1 = map_value(3, 8) ll", "18 21 00 00 03 00 00 00 00 00 00 00 08 00 00 00"},
	/* classic syntax, as the conformance suite writes it */
	{"mov %r0, 1", "b7 00 00 00 01 00 00 00"},
	{"mov64 %r0, %r1", "bf 10 00 00 00 00 00 00"},
	{"mov32 %r0, 0x80000000", "b4 00 00 00 00 00 00 80"},
	{"add32 %r0, -1", "04 00 00 00 ff ff ff ff"},
	{"ldxw %r0, [%r1+4]", "61 10 04 00 00 00 00 00"},
	{"ldxdw %r0, [%r10-8]", "79 a0 f8 ff 00 00 00 00"},
	{"ldxb %r0, [%r1]", "71 10 00 00 00 00 00 00"},
	{"ldxsh %r0, [%r10-2]", "89 a0 fe ff 00 00 00 00"},
	{"stw [%r1+4], 5", "62 01 04 00 05 00 00 00"},
	{"stxdw [%r10-8], %r1", "7b 1a f8 ff 00 00 00 00"},
	{"jeq %r1, 5, +3", "15 01 03 00 05 00 00 00"},
	{"jsgt32 %r1, %r2, -1", "6e 21 ff ff 00 00 00 00"},
	{"ja +2", "05 00 02 00 00 00 00 00"},
	{"ja32 +2", "06 00 00 00 02 00 00 00"},
	{"lddw %r1, 0x1122334455667788", "18 01 00 00 88 77 66 55 00 00 00 00 44 33 22 11"},
	{"lock add [%r10-8], %r1", "db 1a f8 ff 00 00 00 00"},
	{"lock xadd [%r10-8], %r1", "db 1a f8 ff 00 00 00 00"},
	{"lock xaddw [%r10-8], %r1", "c3 1a f8 ff 00 00 00 00"},
	{"lock fetch xor32 [%r10-4], %r3", "c3 3a fc ff a1 00 00 00"},
	{"lock cmpxchg [%r10-8], %r1", "db 1a f8 ff f1 00 00 00"},
	{"lock xchg32 [%r10-8], %r1", "c3 1a f8 ff e1 00 00 00"},
	{"be16 %r0", "dc 00 00 00 10 00 00 00"},
	{"le64 %r0", "d4 00 00 00 40 00 00 00"},
	{"swap32 %r0", "d7 00 00 00 20 00 00 00"},
	{"movsx864 %r0, %r1", "bf 10 08 00 00 00 00 00"},
	{"movsx1632 %r0, %r1", "bc 10 10 00 00 00 00 00"},
	{"sdiv %r0, 3", "37 00 01 00 03 00 00 00"},
	{"smod32 %r0, %r1", "9c 10 01 00 00 00 00 00"},
	{"neg %r1", "87 01 00 00 00 00 00 00"},
	{"call %r2", "8d 02 00 00 00 00 00 00"},
	{"call local +3", "85 10 00 00 03 00 00 00"},
	{"ldabsh 12", "28 00 00 00 0c 00 00 00"},
	{"ldindb %r1, 4", "50 10 00 00 04 00 00 00"},
	{"  mov r0, 1  # '%' is optional", "b7 00 00 00 01 00 00 00"},
	/* llvm-objdump -d lines re-assemble as they are */
	{"       7:\t15 00 03 00 00 00 00 00\tif r0 == 0x0 goto +0x3 <prog+0x58>",
	 "15 00 03 00 00 00 00 00"},
	{"      26:\t18 00 00 00 89 67 45 23 00 00 00 00 01 00 00 00\tr0 = 0x123456789 ll",
	 "18 00 00 00 89 67 45 23 00 00 00 00 01 00 00 00"},
};

START_TEST(each_instruction_assembles_to_its_encoding)
{
	struct diag d;
	int ret;
	struct obj *o = assemble(insn_cases[_i].src, &d, &ret);
	char *got;

	ck_assert_msg(ret == 0, "'%s': %s", insn_cases[_i].src, first_error(&d));
	got = section_hex(o, ".text");
	ck_assert_msg(strcmp(got, insn_cases[_i].bytes) == 0, "'%s': got %s, want %s",
		      insn_cases[_i].src, got, insn_cases[_i].bytes);
	free(got);
	obj_free(o);
	diag_fini(&d);
}
END_TEST

/* ---------------------------------------------------------------- whole programs */

static const struct {
	const char *name;
	const char *src;
	const char *bytes; /* of .text */
} prog_cases[] = {
	{"labels_resolve_forward_and_backward",
	 "top:\n"
	 "  if r1 == 0 goto out\n"
	 "  r1 += -1\n"
	 "  goto top\n"
	 "out:\n"
	 "  exit\n",
	 "15 01 02 00 00 00 00 00 07 01 00 00 ff ff ff ff 05 00 fd ff 00 00 00 00 "
	 "95 00 00 00 00 00 00 00"},
	{"numeric_local_labels_find_the_nearest_one", "1:\n  ja 1f\n1:\n  ja 1b\n  exit\n",
	 "05 00 00 00 00 00 00 00 05 00 ff ff 00 00 00 00 95 00 00 00 00 00 00 00"},
	{"both_syntaxes_mix_in_one_file",
	 "mov %r0, 2\n"
	 "w0 += 3\n"
	 "jne %r0, 5, fail\n"
	 "exit\n"
	 "fail:\n"
	 "r0 = 0\n"
	 "exit\n",
	 "b7 00 00 00 02 00 00 00 04 00 00 00 03 00 00 00 55 00 01 00 05 00 00 00 "
	 "95 00 00 00 00 00 00 00 b7 00 00 00 00 00 00 00 95 00 00 00 00 00 00 00"},
	{"constants_and_expressions_fold",
	 ".set ETH_HLEN, 14\n"
	 "IP_OFF = ETH_HLEN + 12\n"
	 "r2 = *(u32 *)(r1 + IP_OFF)\n"
	 "r3 = ETH_HLEN * 2 - 1\n"
	 "r4 = 0x0100a8c0\n",
	 "61 12 1a 00 00 00 00 00 b7 03 00 00 1b 00 00 00 b7 04 00 00 c0 a8 00 01"},
	{"same_section_call_needs_no_relocation", "  call f\n  exit\nf:\n  r0 = 1\n  exit\n",
	 "85 10 00 00 01 00 00 00 95 00 00 00 00 00 00 00 b7 00 00 00 01 00 00 00 "
	 "95 00 00 00 00 00 00 00"},
	{"comments_in_every_style_are_ignored",
	 "r0 = 1 # hash\nr0 = 2 ; semicolon\nr0 = 3 // slashes\nr0 = /* inline */ 4\n",
	 "b7 00 00 00 01 00 00 00 b7 00 00 00 02 00 00 00 b7 00 00 00 03 00 00 00 "
	 "b7 00 00 00 04 00 00 00"},
	{"label_arithmetic_jumps_past_an_instruction", "a:\n  goto a+2\n  r0 = 0\n  exit\n",
	 "05 00 01 00 00 00 00 00 b7 00 00 00 00 00 00 00 95 00 00 00 00 00 00 00"},
};

START_TEST(each_program_assembles_to_its_encoding)
{
	struct diag d;
	int ret;
	struct obj *o = assemble(prog_cases[_i].src, &d, &ret);
	char *got;

	ck_assert_msg(ret == 0, "%s: %s", prog_cases[_i].name, first_error(&d));
	got = section_hex(o, ".text");
	ck_assert_msg(strcmp(got, prog_cases[_i].bytes) == 0, "%s: got %s, want %s",
		      prog_cases[_i].name, got, prog_cases[_i].bytes);
	free(got);
	obj_free(o);
	diag_fini(&d);
}
END_TEST

/* ---------------------------------------------------------------- symbols, maps, relocations */

static const struct obj_rel *rel_at(const struct obj *o, const char *sec, uint64_t off)
{
	int s = obj_sec_find(o, sec);

	for (size_t i = 0; i < o->nrels; i++)
		if (o->rels[i].sec == s && o->rels[i].offset == off)
			return &o->rels[i];
	return NULL;
}

START_TEST(map_reference_becomes_a_relocation_against_the_map_symbol)
{
	const char *src = "\t.map counts, array, key=4, value=8, entries=1\n"
			  "\t.license \"GPL\"\n"
			  "\t.section xdp\n"
			  "\t.globl prog\n"
			  "prog:\n"
			  "\tr1 = counts ll\n"
			  "\tr0 = 2\n"
			  "\texit\n";
	struct diag d;
	int ret, m, xdp;
	struct obj *o = assemble(src, &d, &ret);
	const struct obj_rel *r;

	ck_assert_msg(ret == 0, "%s", first_error(&d));
	m = obj_map_find(o, "counts");
	ck_assert_int_ge(m, 0);
	ck_assert_int_eq(o->maps[m].type, 2 /* BPF_MAP_TYPE_ARRAY */);
	ck_assert_int_eq(o->maps[m].key_size, 4);
	ck_assert_int_eq(o->maps[m].value_size, 8);
	ck_assert_int_eq(o->maps[m].max_entries, 1);
	ck_assert_int_ge(o->maps[m].sym, 0);
	r = rel_at(o, "xdp", 0);
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->type, ISA_R_BPF_64_64);
	ck_assert_str_eq(o->syms[r->sym].name, "counts");
	ck_assert_str_eq(o->license, "GPL");
	/* the program: a global FUNC symbol with its size, typed by its section */
	ck_assert_int_eq(o->nprogs, 1);
	ck_assert_str_eq(o->progs[0].name, "prog");
	xdp = obj_sec_find(o, "xdp");
	ck_assert_int_eq(o->progs[0].sec, xdp);
	ck_assert_int_eq(o->progs[0].size, 32);
	ck_assert_int_eq(o->progs[0].prog_type, 6 /* BPF_PROG_TYPE_XDP */);
	obj_free(o);
	diag_fini(&d);
}
END_TEST

START_TEST(calls_and_data_references_relocate_as_llvm_does)
{
	const char *src = "\t.section .rodata.str1.1, \"aMS\", @progbits, 1\n"
			  ".L.str:\n"
			  "\t.asciz \"hi\"\n"
			  "\t.data\n"
			  "\t.globl g\n"
			  "g:\n"
			  "\t.long 5\n"
			  "\t.text\n"
			  "sub:\n"
			  "\tr0 = 1\n"
			  "\texit\n"
			  "\t.section tracepoint/syscalls/sys_enter_execve\n"
			  "\t.globl tp\n"
			  "\t.type tp, @function\n"
			  "tp:\n"
			  "\tr1 = .L.str ll\n"
			  "\tr2 = g ll\n"
			  "\tcall sub\n"
			  "\texit\n"
			  "\t.size tp, .-tp\n";
	struct diag d;
	int ret;
	struct obj *o = assemble(src, &d, &ret);
	const char *sec = "tracepoint/syscalls/sys_enter_execve";
	const struct obj_rel *r;
	int s = obj_sec_find(o, sec);
	struct isa_raw raw;

	ck_assert_msg(ret == 0, "%s", first_error(&d));
	/* a private label: the section symbol, offset in imm */
	r = rel_at(o, sec, 0);
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(o->syms[r->sym].type, 3 /* STT_SECTION */);
	ck_assert_int_eq(o->syms[r->sym].sec, obj_sec_find(o, ".rodata.str1.1"));
	/* a global: its own symbol */
	r = rel_at(o, sec, 16);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(o->syms[r->sym].name, "g");
	/* a static function in another section: R_BPF_64_32 on .text, imm = off/8 - 1 */
	r = rel_at(o, sec, 32);
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->type, ISA_R_BPF_64_32);
	ck_assert_int_eq(o->syms[r->sym].sec, obj_sec_find(o, ".text"));
	memcpy(&raw, o->secs[s].data.data + 32, 8);
	ck_assert_int_eq(raw.src, ISA_PSEUDO_CALL);
	ck_assert_int_eq(raw.imm, -1);
	/* .size from ". - tp": two lddw, a call, exit */
	ck_assert_int_eq(o->progs[0].size, 48);
	ck_assert_int_eq(o->progs[0].prog_type, 5 /* BPF_PROG_TYPE_TRACEPOINT */);
	obj_free(o);
	diag_fini(&d);
}
END_TEST

START_TEST(every_instruction_carries_its_source_line)
{
	const char *src = "  r0 = 0\n\n  # comment\n  exit\n";
	struct diag d;
	int ret;
	struct obj *o = assemble(src, &d, &ret);
	int s = obj_sec_find(o, ".text");
	const struct obj_line *l;

	ck_assert_int_eq(ret, 0);
	l = obj_line_find(o, s, 8);
	ck_assert_ptr_nonnull(l);
	ck_assert_int_eq(l->line, 4);
	ck_assert_int_eq(l->col, 3);
	ck_assert_str_eq(obj_str(o, l->file), "t.s");
	ck_assert_str_eq(obj_str(o, l->text), "  exit");
	obj_free(o);
	diag_fini(&d);
}
END_TEST

START_TEST(jump_beyond_16_bits_is_an_error_naming_gotol)
{
	size_t n = 40000, len = 0;
	char *src = malloc(n * 8 + 64);
	struct diag d;
	int ret;
	struct obj *o;

	len += (size_t)sprintf(src, "goto far\n");
	for (size_t i = 0; i < n; i++)
		len += (size_t)sprintf(src + len, "r0 = 0\n");
	sprintf(src + len, "far:\nexit\n");
	o = assemble(src, &d, &ret);
	ck_assert_int_ne(ret, 0);
	ck_assert_int_eq(d.nerrors, 1);
	ck_assert_ptr_nonnull(strstr(d.msgs[0].text, "out of range"));
	ck_assert_ptr_nonnull(strstr(d.msgs[0].text, "gotol"));
	ck_assert_int_eq(d.msgs[0].line, 1);
	obj_free(o);
	diag_fini(&d);
	free(src);
}
END_TEST

/* ---------------------------------------------------------------- error files */

struct expect {
	unsigned line, col;
	char text[200];
	int seen;
};

START_TEST(error_files_report_exactly_their_expected_errors)
{
	char dir[4096];
	DIR *dp;
	struct dirent *de;
	int files = 0;

	snprintf(dir, sizeof(dir), "%s/tests/asm-errors", tu_srcdir());
	dp = opendir(dir);
	ck_assert_msg(dp != NULL, "cannot open %s", dir);
	while ((de = readdir(dp))) {
		char path[8192];
		size_t len;
		char *src;
		struct expect ex[64];
		int nex = 0;
		struct diag d;
		int ret;
		struct obj *o;

		if (!strstr(de->d_name, ".s") || de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		src = tu_read_file(path, &len);
		ck_assert_ptr_nonnull(src);
		for (char *p = src; (p = strstr(p, "expect-error: ")); p++) {
			char *e = strchr(p, '\n');

			if (p[14] < '0' || p[14] > '9')
				continue; /* prose about the format, not an expectation */

			ck_assert_int_lt(nex, 64);
			memset(&ex[nex], 0, sizeof(ex[nex]));
			ck_assert(sscanf(p + 14, "%u:%u:", &ex[nex].line, &ex[nex].col) == 2);
			{
				char *t = strchr(strchr(p + 14, ':') + 1, ':') + 2;
				size_t n = e ? (size_t)(e - t) : strlen(t);

				snprintf(ex[nex].text, sizeof(ex[nex].text), "%.*s", (int)n, t);
			}
			nex++;
		}
		ck_assert_msg(nex > 0, "%s has no expect-error lines", de->d_name);
		o = obj_new();
		diag_init(&d);
		ret = asm_source_assemble(de->d_name, src, len, o, &d);
		ck_assert_msg(ret == -EINVAL, "%s: assembled without errors", de->d_name);
		for (size_t i = 0; i < d.nmsgs; i++) {
			const struct diag_msg *m = &d.msgs[i];
			int found = 0;

			if (m->level != DIAG_ERROR)
				continue;
			for (int k = 0; k < nex && !found; k++)
				if (!ex[k].seen && ex[k].line == m->line && ex[k].col == m->col &&
				    strstr(m->text, ex[k].text))
					ex[k].seen = found = 1;
			ck_assert_msg(found, "%s:%u:%u: unexpected error: %s", de->d_name, m->line,
				      m->col, m->text);
		}
		for (int k = 0; k < nex; k++)
			ck_assert_msg(ex[k].seen, "%s:%u:%u: expected error not reported: %s",
				      de->d_name, ex[k].line, ex[k].col, ex[k].text);
		ck_assert_int_eq(d.nerrors, (unsigned)nex);
		obj_free(o);
		diag_fini(&d);
		free(src);
		files++;
	}
	closedir(dp);
	ck_assert_int_ge(files, 4);
}
END_TEST

/* ---------------------------------------------------------------- robustness */

START_TEST(allocation_failures_are_reported_not_crashed)
{
	const char *src = "\t.map m, hash, key=4, value=8, entries=4\n"
			  "\t.section xdp\n\t.globl p\np:\n"
			  "\tr1 = m ll\n\tcall bpf_map_lookup_elem\n\tif r0 == 0 goto out\n"
			  "out:\n\tr0 = 2\n\texit\n";

	for (unsigned long k = 1; k < 400; k++) {
		struct obj *o = obj_new();
		struct diag d;
		int ret;

		if (!o)
			continue;
		diag_init(&d);
		mem_fail_nth(k);
		ret = asm_source_assemble("t.s", src, strlen(src), o, &d);
		mem_fail_nth(0);
		ck_assert_msg(ret == 0 || ret == -ENOMEM || ret == -EINVAL, "k=%lu ret=%d", k, ret);
		obj_free(o);
		diag_fini(&d);
	}
}
END_TEST

START_TEST(garbage_never_crashes_the_assembler)
{
	static const char *inputs[] = {
		"",
		"\n\n\n",
		":",
		"::::",
		"r0 =",
		"*(",
		"*(u32 *)(",
		"lock",
		"lock *(u64 *)(r1",
		"if",
		"if r1",
		"if r1 >",
		"if r1 > r2 goto",
		"r1 = *(u8 *)skb[",
		"\"unterminated",
		".section",
		".section \"",
		".map",
		".map a,",
		".size",
		".type",
		".byte",
		".set x,",
		"call",
		"call local",
		"lddw %r1, map_fd(",
		"r1 = map_value(1, ) ll",
		"0x",
		"99999999999999999999",
		"r0 = (s8",
		"r0 = (s8)",
		"r0 = (s64)r1",
		"goto 1b",
		"1: 1: 1:",
		"a: a:",
		".p2align",
		"r1 = 1 / 0",
		"r1 = -9223372036854775808 / -1",
		"\x01\x02\xff",
		"r0 = 5 ll ll",
		"r1 = xchg_64(r1 + 0, r2)",
		"w1 = cmpxchg32_32(r1, w0)",
	};

	for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		struct diag d;
		int ret;
		struct obj *o = assemble(inputs[i], &d, &ret);

		ck_assert_msg(ret == 0 || ret == -EINVAL, "'%s': ret %d", inputs[i], ret);
		for (size_t k = 0; k < d.nmsgs; k++)
			ck_assert_msg(d.msgs[k].line >= 1, "'%s': error without a line", inputs[i]);
		obj_free(o);
		diag_fini(&d);
	}
}
END_TEST

/* ---------------------------------------------------------------- the ebpf-as program */

START_TEST(cli_prints_located_errors_with_caret_and_count_and_exits_2)
{
	char *dir = tu_mkdtemp(), *out = NULL;
	char path[4096];
	int st;

	snprintf(path, sizeof(path), "%s/bad.s", dir);
	tu_write_file(path, "\tr0 = 0\n\tr11 = 1\n\tfoo r1\n", 25);
	st = tu_runf(&out, "cd '%s' && '%s' bad.s -o bad.o", dir, tu_tool("ebpf-as"));
	ck_assert_int_eq(st, 2);
	ck_assert_msg(strstr(out, "bad.s:2:2: error: unknown register 'r11'"), "%s", out);
	ck_assert_msg(strstr(out, "    2 | \tr11 = 1\n      | \t^~~\n"), "%s", out);
	ck_assert_msg(strstr(out, "bad.s:3:2: error: unknown instruction 'foo'"), "%s", out);
	ck_assert_msg(strstr(out, "ebpf-as: 2 errors generated"), "%s", out);
	free(out);
	snprintf(path, sizeof(path), "%s/bad.o", dir);
	ck_assert_msg(access(path, F_OK) != 0, "an object was written despite errors");
	tu_rmrf(dir);
}
END_TEST

START_TEST(cli_writes_an_object_and_exits_0)
{
	char *dir = tu_mkdtemp(), *out = NULL;
	char path[4096];
	int st;
	struct obj *o;
	struct diag d;

	snprintf(path, sizeof(path), "%s/ok.s", dir);
	tu_write_file(path, "r0 = 2\nexit\n", 12);
	st = tu_runf(&out, "cd '%s' && '%s' ok.s", dir, tu_tool("ebpf-as"));
	ck_assert_msg(st == 0, "%s", out);
	ck_assert_str_eq(out ? out : "", "");
	free(out);
	snprintf(path, sizeof(path), "%s/ok.o", dir);
	diag_init(&d);
	ck_assert_int_eq(obj_read_file(path, &o, &d), 0);
	ck_assert_int_eq(o->secs[obj_sec_find(o, ".text")].data.len, 16);
	obj_free(o);
	diag_fini(&d);
	tu_rmrf(dir);
}
END_TEST

START_TEST(cli_usage_errors_exit_2_and_help_exits_0)
{
	char *out = NULL;

	ck_assert_int_eq(tu_runf(&out, "'%s' --help", tu_tool("ebpf-as")), 0);
	ck_assert_ptr_nonnull(strstr(out, "Usage: ebpf-as"));
	free(out);
	ck_assert_int_eq(tu_runf(NULL, "'%s' --bogus x.s", tu_tool("ebpf-as")), 2);
	ck_assert_int_eq(tu_runf(NULL, "'%s'", tu_tool("ebpf-as")), 2);
	ck_assert_int_eq(tu_runf(&out, "'%s' /nonexistent/x.s", tu_tool("ebpf-as")), 2);
	ck_assert_ptr_nonnull(strstr(out, "No such file"));
	free(out);
}
END_TEST

static Suite *asm_suite(void)
{
	Suite *s = suite_create("asm");
	TCase *tc = tcase_create("encodings");

	tcase_add_loop_test(tc, each_instruction_assembles_to_its_encoding, 0,
			    sizeof(insn_cases) / sizeof(insn_cases[0]));
	tcase_add_loop_test(tc, each_program_assembles_to_its_encoding, 0,
			    sizeof(prog_cases) / sizeof(prog_cases[0]));
	suite_add_tcase(s, tc);
	tc = tcase_create("objects");
	tcase_add_test(tc, map_reference_becomes_a_relocation_against_the_map_symbol);
	tcase_add_test(tc, calls_and_data_references_relocate_as_llvm_does);
	tcase_add_test(tc, every_instruction_carries_its_source_line);
	suite_add_tcase(s, tc);
	tc = tcase_create("errors");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, jump_beyond_16_bits_is_an_error_naming_gotol);
	tcase_add_test(tc, error_files_report_exactly_their_expected_errors);
	tcase_add_test(tc, allocation_failures_are_reported_not_crashed);
	tcase_add_test(tc, garbage_never_crashes_the_assembler);
	suite_add_tcase(s, tc);
	tc = tcase_create("cli");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, cli_prints_located_errors_with_caret_and_count_and_exits_2);
	tcase_add_test(tc, cli_writes_an_object_and_exits_0);
	tcase_add_test(tc, cli_usage_errors_exit_2_and_help_exits_0);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(asm_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
