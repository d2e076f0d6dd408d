/* SPDX-License-Identifier: MIT */
/*
 * check_conformance.c - the assembler against the bpf_conformance suite (../shared/conformance):
 *
 *   tests/NAME.data    every `-- asm` program (classic syntax) assembles without a message,
 *                      gives one instruction per instruction line, equals `-- raw` where the
 *                      file has one, and its LLVM and classic listings (isa_insn_print)
 *                      assemble back to the same bytes;
 *   negative/NAME.data the assembler cases fail with an error located at the bad line, the
 *                      runtime cases assemble (their failure is the interpreter's business),
 *                      and the unused-* raw programs are refused by isa_insn_decode.
 *
 * Sections are split on the headers the suite defines; a `--` line naming no known section
 * stays in the section it appears in: invalid_unknown_directive.data's program is the line
 * `-- Unknown directive`, which the upstream runner never hands to an assembler but ours must
 * reject. The asm text goes to the assembler verbatim, `#` comments included (llvm-mc reads
 * `#` as a comment too), so reported line numbers count from the line after `-- asm`.
 */
#define _GNU_SOURCE
#include <check.h>
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asm/asm.h"
#include "isa/isa.h"
#include "obj/obj.h"
#include "tests/testutil.h"

/* ---------------------------------------------------------------- data files */

static const char *const known_sections[] = {
	"asm", "raw", "mem", "result", "error", "c", "no register offset"};

/* If @line (length @n) is a section header the suite knows, its name; else NULL. */
static const char *header_name(const char *line, size_t n)
{
	while (n && (*line == ' ' || *line == '\t')) {
		line++;
		n--;
	}
	while (n && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\r'))
		n--;
	if (n < 3 || line[0] != '-' || line[1] != '-')
		return NULL;
	line += 2;
	n -= 2;
	while (n && *line == ' ') {
		line++;
		n--;
	}
	for (size_t i = 0; i < sizeof(known_sections) / sizeof(known_sections[0]); i++)
		if (strlen(known_sections[i]) == n && memcmp(known_sections[i], line, n) == 0)
			return known_sections[i];
	return NULL;
}

/* The body of section @name (malloc'ed, lines after the header up to the next known header),
 * or NULL when the file has no such section. */
static char *section(const char *text, const char *name)
{
	const char *p = text, *start = NULL;
	char *body;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		const char *h = header_name(p, n);

		if (h && start)
			break;
		if (h && strcmp(h, name) == 0)
			start = nl ? nl + 1 : p + n;
		p = nl ? nl + 1 : p + n;
	}
	if (!start)
		return NULL;
	body = strndup(start, (size_t)(p - start));
	ck_assert_ptr_nonnull(body);
	return body;
}

/* The text of line @ln of @s without comment and surrounding blanks, in @buf. */
static const char *line_code(const char *s, unsigned ln, char *buf, size_t len)
{
	unsigned cur = 1;
	size_t n;
	char *c;

	while (cur < ln && (s = strchr(s, '\n')) != NULL) {
		s++;
		cur++;
	}
	if (!s)
		return NULL;
	n = strcspn(s, "\n");
	if (n >= len)
		n = len - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if ((c = strchr(buf, '#')) != NULL)
		*c = '\0';
	while (n && strchr(" \t\r", buf[n - 1]))
		buf[--n] = '\0';
	c = buf;
	while (*c == ' ' || *c == '\t')
		c++;
	return c;
}

/* Instruction lines of an asm section (not blank, not only a comment, not a label), counted;
 * the first one's line number in *first (0 when there is none). */
static unsigned count_insn_lines(const char *s, unsigned *first)
{
	char buf[512];
	unsigned count = 0, lines = 1;
	const char *t;

	for (const char *p = s; *p; p++)
		lines += *p == '\n';
	*first = 0;
	for (unsigned ln = 1; ln <= lines && (t = line_code(s, ln, buf, sizeof(buf))); ln++) {
		size_t n = strlen(t);

		if (n == 0 || t[n - 1] == ':')
			continue;
		if (!*first)
			*first = ln;
		count++;
	}
	return count;
}

/* `-- raw`: 64-bit words (0x5566778800000018, stored little-endian) or byte lists (07 00 01). */
static size_t parse_raw(const char *s, uint8_t *out, size_t cap)
{
	size_t n = 0;
	char tok[64];
	int used;

	while (sscanf(s, "%63s%n", tok, &used) == 1) {
		const char *hex = strncmp(tok, "0x", 2) == 0 ? tok + 2 : tok;
		unsigned long long v = strtoull(hex, NULL, 16);

		s += used;
		if (strlen(hex) <= 2) {
			ck_assert(n < cap);
			out[n++] = (uint8_t)v;
			continue;
		}
		for (int i = 0; i < 8; i++) {
			ck_assert(n < cap);
			out[n++] = (uint8_t)(v >> (8 * i));
		}
	}
	return n;
}

static char **tests, **negs;
static int ntests, nnegs;

static const char *base(const char *path)
{
	const char *b = strrchr(path, '/');
	return b ? b + 1 : path;
}

/* ---------------------------------------------------------------- assembling */

struct prog {
	struct obj *o;
	struct diag d;
	int ret;
	const uint8_t *code; /* the executable section's bytes */
	size_t len;
	char msgs[4096]; /* every message, "file:line:col: text" per line, for failure reports */
};

static void prog_assemble(struct prog *p, const char *name, const char *text)
{
	size_t pos = 0;

	memset(p, 0, sizeof(*p));
	p->o = obj_new();
	ck_assert_ptr_nonnull(p->o);
	diag_init(&p->d);
	p->ret = asm_source_assemble(name, text, strlen(text), p->o, &p->d);
	for (size_t i = 0; i < p->d.nmsgs && pos < sizeof(p->msgs); i++) {
		const struct diag_msg *m = &p->d.msgs[i];
		int w = snprintf(p->msgs + pos, sizeof(p->msgs) - pos, "\n  %s:%u:%u: %s",
				 m->file ? m->file : "?", m->line, m->col, m->text ? m->text : "");

		if (w > 0)
			pos += (size_t)w;
	}
	for (size_t i = 0; i < p->o->nsecs; i++) {
		const struct obj_sec *s = &p->o->secs[i];

		if (s->flags & SHF_EXECINSTR) {
			p->code = s->data.data;
			p->len = s->data.len;
			break;
		}
	}
}

static void prog_free(struct prog *p)
{
	diag_fini(&p->d);
	obj_free(p->o);
}

/* Decode every instruction of @p; returns how many, failing the test on an undecodable one. */
static unsigned prog_count(const struct prog *p, const char *file)
{
	const struct isa_raw *raw = (const struct isa_raw *)p->code;
	size_t n = p->len / ISA_INSN_SIZE;
	unsigned count = 0;

	ck_assert_msg(p->len % ISA_INSN_SIZE == 0, "%s: code is %zu bytes", file, p->len);
	for (size_t i = 0; i < n; count++) {
		struct isa_insn in;
		const char *why = "";
		int r = isa_insn_decode(raw + i, n - i, &in, &why);

		ck_assert_msg(r > 0, "%s: assembled instruction %zu does not decode: %s", file, i,
			      why);
		i += (size_t)r;
	}
	return count;
}

/* Print the program in one syntax, one instruction per line, into a malloc'ed string. */
static char *prog_listing(const struct prog *p, enum isa_syntax syn)
{
	const struct isa_raw *raw = (const struct isa_raw *)p->code;
	size_t n = p->len / ISA_INSN_SIZE;
	char *text = NULL;
	size_t tlen = 0;
	FILE *f = open_memstream(&text, &tlen);

	ck_assert_ptr_nonnull(f);
	for (size_t i = 0; i < n;) {
		struct isa_insn in;
		char buf[160];
		int r = isa_insn_decode(raw + i, n - i, &in, NULL);

		ck_assert_int_gt(r, 0);
		isa_insn_print(&in, syn, 0, buf, sizeof(buf));
		fprintf(f, "\t%s\n", buf);
		i += (size_t)r;
	}
	fclose(f);
	return text;
}

/* The first differing instruction of two codes, for messages. */
static const char *first_diff(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	static char buf[256];
	size_t i = 0;

	while (i + 8 <= alen && i + 8 <= blen && memcmp(a + i, b + i, 8) == 0)
		i += 8;
	if (i + 8 > alen || i + 8 > blen) {
		snprintf(buf, sizeof(buf), "lengths %zu and %zu bytes, equal up to %zu", alen, blen,
			 i);
		return buf;
	}
	snprintf(buf, sizeof(buf),
		 "slot %zu: %02x %02x %02x %02x %02x %02x %02x %02x vs "
		 "%02x %02x %02x %02x %02x %02x %02x %02x",
		 i / 8, a[i], a[i + 1], a[i + 2], a[i + 3], a[i + 4], a[i + 5], a[i + 6], a[i + 7],
		 b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
	return buf;
}

/* ---------------------------------------------------------------- tests/ */

START_TEST(conformance_program_assembles_and_its_listings_assemble_back)
{
	const char *path = tests[_i], *file = base(path);
	char *text = tu_read_file(path, NULL), *asmtext, *rawtext;
	struct prog p;
	unsigned first, lines;

	ck_assert_msg(text, "%s: cannot read", path);
	asmtext = section(text, "asm");
	ck_assert_msg(asmtext, "%s: no -- asm section", file);
	lines = count_insn_lines(asmtext, &first);
	prog_assemble(&p, file, asmtext);
	ck_assert_msg(p.ret == 0 && p.d.nmsgs == 0, "%s: assembling gave %d with messages:%s", file,
		      p.ret, p.msgs);
	ck_assert_msg(p.code, "%s: no executable section", file);
	ck_assert_msg(prog_count(&p, file) == lines,
		      "%s: %u instruction lines assembled to %u instructions", file, lines,
		      prog_count(&p, file));

	rawtext = section(text, "raw");
	if (rawtext) {
		uint8_t raw[4096];
		size_t n = parse_raw(rawtext, raw, sizeof(raw));

		ck_assert_msg(n == p.len && memcmp(raw, p.code, n) == 0,
			      "%s: assembled code differs from -- raw: %s", file,
			      first_diff(p.code, p.len, raw, n));
		free(rawtext);
	}

	for (int syn = 0; syn < 2; syn++) {
		const char *what = syn ? "classic" : "llvm";
		char *listing = prog_listing(&p, syn ? ISA_SYNTAX_CLASSIC : ISA_SYNTAX_LLVM);
		struct prog q;

		prog_assemble(&q, what, listing);
		ck_assert_msg(q.ret == 0 && q.d.nmsgs == 0,
			      "%s: its %s listing does not assemble:%s\nlisting:\n%s", file, what,
			      q.msgs, listing);
		ck_assert_msg(q.len == p.len && memcmp(q.code, p.code, p.len) == 0,
			      "%s: its %s listing assembles differently: %s\nlisting:\n%s", file,
			      what, first_diff(p.code, p.len, q.code, q.len), listing);
		prog_free(&q);
		free(listing);
	}
	prog_free(&p);
	free(asmtext);
	free(text);
}
END_TEST

/* ---------------------------------------------------------------- negative/ */

/* Files the upstream runner expects to fail at run time: they are valid assembly. */
static const struct {
	const char *file;
	unsigned insns;
} runtime_cases[] = {
	{"empty.data", 0},			      /* no section at all */
	{"empty_instructions.data", 0},		      /* a result but no program */
	{"error.data", 2},			      /* or %r0, %r10 is valid; runs fine */
	{"incorrect_return_value_high_bits.data", 2}, /* the result is what is wrong */
};

static char **unused, **asm_errors;
static int nunused, nasm_errors;

/* An instruction with a field its opcode does not use, then a valid exit. */
START_TEST(unused_field_encoding_is_refused_by_decode)
{
	const char *path = unused[_i], *file = base(path);
	char *text = tu_read_file(path, NULL), *rawtext;
	uint8_t raw[64];
	struct isa_insn in;
	const char *why = NULL;
	size_t n;

	ck_assert_msg(text, "%s: cannot read", path);
	rawtext = section(text, "raw");
	ck_assert_msg(rawtext, "%s: no -- raw program", file);
	n = parse_raw(rawtext, raw, sizeof(raw));
	ck_assert_msg(n == 16, "%s: raw program is %zu bytes, expected two instructions", file, n);
	ck_assert_msg(isa_insn_decode((const struct isa_raw *)raw, 2, &in, &why) == -EINVAL,
		      "%s: decode accepts %02x %02x %02x %02x %02x %02x %02x %02x as %s", file,
		      raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7],
		      isa_ops[in.op].name);
	ck_assert_msg(why && *why, "%s: refused without a reason", file);
	ck_assert_msg(isa_insn_decode((const struct isa_raw *)raw + 1, 1, &in, &why) == 1 &&
			      in.op == ISA_EXIT,
		      "%s: the second instruction should decode as exit", file);
	free(rawtext);
	free(text);
}
END_TEST

/* Every other negative file with a program is an assembler error; its first instruction
 * line is the bad one. */
START_TEST(assembler_error_is_reported_at_the_bad_line)
{
	const char *path = asm_errors[_i], *file = base(path);
	char *text = tu_read_file(path, NULL), *asmtext;
	unsigned first, at_line = 0;
	char buf[512];
	struct prog p;

	ck_assert_msg(text, "%s: cannot read", path);
	asmtext = section(text, "asm");
	ck_assert_msg(asmtext, "%s: no -- asm section", file);
	count_insn_lines(asmtext, &first);
	ck_assert_msg(first > 0, "%s: no instruction line", file);
	prog_assemble(&p, file, asmtext);
	ck_assert_msg(p.ret == -EINVAL && p.d.nerrors > 0, "%s: '%s' assembled (returned %d)%s",
		      file, line_code(asmtext, first, buf, sizeof(buf)), p.ret, p.msgs);
	for (size_t i = 0; i < p.d.nmsgs; i++) {
		const struct diag_msg *m = &p.d.msgs[i];

		if (m->level != DIAG_ERROR)
			continue;
		ck_assert_msg(m->file && strcmp(m->file, file) == 0 && m->line >= 1 && m->col >= 1,
			      "%s: error without a location:%s", file, p.msgs);
		if (m->line == first)
			at_line++;
	}
	ck_assert_msg(at_line > 0, "%s: no error at line %u ('%s'):%s", file, first,
		      line_code(asmtext, first, buf, sizeof(buf)), p.msgs);
	prog_free(&p);
	free(asmtext);
	free(text);
}
END_TEST

/* What fails in these files is the run, not the assembly. */
START_TEST(runtime_failure_case_assembles)
{
	const char *file = runtime_cases[_i].file;
	char path[4096], *text, *asmtext;
	struct prog p;
	unsigned got;

	snprintf(path, sizeof(path), "%s/conformance/bpf_conformance/negative/%s", tu_shared(),
		 file);
	text = tu_read_file(path, NULL);
	ck_assert_msg(text, "%s: cannot read", path);
	asmtext = section(text, "asm");
	prog_assemble(&p, file, asmtext ? asmtext : "");
	ck_assert_msg(p.ret == 0 && p.d.nerrors == 0, "%s: valid program refused:%s", file, p.msgs);
	got = p.code ? prog_count(&p, file) : 0;
	ck_assert_msg(got == runtime_cases[_i].insns, "%s: %u instructions, expected %u", file, got,
		      runtime_cases[_i].insns);
	prog_free(&p);
	free(asmtext);
	free(text);
}
END_TEST

/* Sort negative/ into the three kinds above. */
static void classify_negatives(void)
{
	unused = calloc((size_t)nnegs, sizeof(*unused));
	asm_errors = calloc((size_t)nnegs, sizeof(*asm_errors));
	if (!unused || !asm_errors)
		abort();
	for (int i = 0; i < nnegs; i++) {
		const char *file = base(negs[i]);
		int runtime = 0;

		for (size_t k = 0; k < sizeof(runtime_cases) / sizeof(runtime_cases[0]); k++)
			runtime |= strcmp(file, runtime_cases[k].file) == 0;
		if (strncmp(file, "unused-", 7) == 0)
			unused[nunused++] = negs[i];
		else if (!runtime)
			asm_errors[nasm_errors++] = negs[i];
	}
}

static Suite *conformance_suite(void)
{
	Suite *s = suite_create("conformance");
	TCase *tc = tcase_create("tests");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, conformance_program_assembles_and_its_listings_assemble_back, 0,
			    ntests);
	suite_add_tcase(s, tc);
	tc = tcase_create("negative");
	tcase_add_loop_test(tc, unused_field_encoding_is_refused_by_decode, 0, nunused);
	tcase_add_loop_test(tc, assembler_error_is_reported_at_the_bad_line, 0, nasm_errors);
	tcase_add_loop_test(tc, runtime_failure_case_assembles, 0,
			    (int)(sizeof(runtime_cases) / sizeof(runtime_cases[0])));
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr;
	int failed;

	tests = tu_conformance_files("tests", &ntests);
	negs = tu_conformance_files("negative", &nnegs);
	if (ntests == 0 || nnegs == 0)
		tu_skip(0, "no .data files under %s/conformance/bpf_conformance", tu_shared());
	classify_negatives();
	sr = srunner_create(conformance_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	for (int i = 0; i < ntests; i++)
		free(tests[i]);
	for (int i = 0; i < nnegs; i++)
		free(negs[i]);
	free(tests);
	free(negs);
	free(unused);
	free(asm_errors);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
