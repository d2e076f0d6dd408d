/* SPDX-License-Identifier: MIT */
/*
 * check_clang.c - our tools against clang's objects. Each C program in tests/clang/ is built
 * with `clang -O2 -g -target bpf -mcpu=vN -c` (and `-S`, without -g) once, then:
 *
 *   ebpf-objdump -d        prints what `llvm-objdump -d --mcpu=v4` prints: the same section
 *                          and symbol headers, and per instruction the same address, bytes
 *                          and text (jump annotations included);
 *   ebpf-objdump --asm     prints a listing that ebpf-as turns back into the same code: equal
 *                          bytes in every executable section, the same relocations (section,
 *                          offset, type, symbol), functions, maps and data sections;
 *   clang -S output        assembles with ebpf-as to the code and relocations of clang's own
 *                          object.
 *
 * The one normalisation: a bpf-to-bpf call (src 1) is `call pc+N` in our LLVM syntax, since
 * llvm-mc reads `call N` as a helper call, while llvm-objdump prints `call N` (signed, hex);
 * our text is turned into LLVM's before comparing, and nothing else is.
 *
 * The suite skips (exit 77) without clang-19 or llvm-objdump-19.
 */
#define _GNU_SOURCE
#include <check.h>
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

static const struct {
	const char *name; /* tests/clang/NAME.c */
	const char *cpu;
} progs[] = {
	{"xdp_array", "v4"},	   /* XDP, array map, bounds checks, atomic add */
	{"socket_filter", "v4"},   /* ld_abs, ld_ind */
	{"tracepoint_hash", "v4"}, /* tracepoint + raw_tracepoint, hash map, helpers, .rodata */
	{"subprog", "v4"},	   /* static and global subprograms: call relocations */
	{"globals", "v4"},	   /* .data, .rodata, .bss */
	{"loop", "v4"},		   /* a backward jump */
	{"alu32_v3", "v3"},	   /* w registers, JMP32, 32-bit div/mod, be16/be32 */
	{"alu32_v3", "v4"},	   /* the same under v4 codegen: bswap, movsx */
	{"v4_ops", "v4"},	   /* sdiv, smod, movsx, ldsx, bswap64, gotol */
};
#define NPROGS ((int)(sizeof(progs) / sizeof(progs[0])))

static char workdir[64];
static char build_err[NPROGS][1024]; /* empty: built */

/* Paths of a program's files in workdir: NAME-CPU.{o,s,...}. */
static const char *prog_path(int i, const char *ext)
{
	static char buf[8][256];
	static int next;
	char *b = buf[next++ % 8];

	snprintf(b, sizeof(buf[0]), "%s/%s-%s.%s", workdir, progs[i].name, progs[i].cpu, ext);
	return b;
}

/* Build every program once, in the parent, so forked tests share the objects. */
static void build_all(void)
{
	const char *tmp = tu_mkdtemp();

	if (!tmp) {
		for (int i = 0; i < NPROGS; i++)
			snprintf(build_err[i], sizeof(build_err[i]), "mkdtemp: %s",
				 strerror(errno));
		return;
	}
	snprintf(workdir, sizeof(workdir), "%s", tmp);
	for (int i = 0; i < NPROGS; i++) {
		char *out = NULL;
		int st = tu_runf(
			&out,
			"%s -O2 -g -target bpf -mcpu=%s -c '%s/tests/clang/%s.c' -o '%s' && "
			"%s -O2 -target bpf -mcpu=%s -S '%s/tests/clang/%s.c' -o '%s'",
			tu_clang(), progs[i].cpu, tu_srcdir(), progs[i].name, prog_path(i, "o"),
			tu_clang(), progs[i].cpu, tu_srcdir(), progs[i].name,
			prog_path(i, "clang.s"));

		if (st != 0)
			snprintf(build_err[i], sizeof(build_err[i]), "clang failed (%d): %s", st,
				 out ? out : "");
		free(out);
	}
}

static void remove_all(void)
{
	if (workdir[0])
		tu_rmrf(workdir);
}

/* ---------------------------------------------------------------- objdump -d */

/* The lines of a -d listing that matter, canonical: "Disassembly of section X:", "ADDR <f>:",
 * and "N: BYTES | TEXT" per instruction. Returns a malloc'ed array of malloc'ed strings. */
static char **disasm_lines(char *out, int ours, size_t *count)
{
	char **v = NULL;
	size_t n = 0;

	for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
		char *s = line, *colon, *bytes, *text, *e, *canon = NULL;

		while (*s == ' ')
			s++;
		e = s + strlen(s);
		while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			*--e = '\0';
		if (strncmp(s, "Disassembly of section ", 23) == 0 ||
		    (strlen(s) > 19 && s[16] == ' ' && s[17] == '<' && e[-1] == ':')) {
			canon = strdup(s);
		} else if ((colon = strchr(s, ':')) && colon > s &&
			   strspn(s, "0123456789") == (size_t)(colon - s) && colon[1] == '\t') {
			char norm[128];
			size_t k = 0;

			bytes = colon + 2;
			text = strchr(bytes, '\t');
			if (text)
				*text++ = '\0';
			else
				text = bytes + strlen(bytes);
			/* bytes with single spaces */
			for (char *b = strtok_r(bytes, " ", &e); b && k + 4 < sizeof(norm);
			     b = strtok_r(NULL, " ", &e))
				k += (size_t)snprintf(norm + k, sizeof(norm) - k, "%s%s",
						      k ? " " : "", b);
			norm[k] = '\0';
			/* the one normalisation: our `call pc+0x7` is LLVM's `call 0x7` */
			if (ours && strncmp(text, "call pc", 7) == 0) {
				/* "call pc+0x7" -> "call 0x7", "call pc-0x1" -> "call -0x1" */
				text += 7 + (text[7] == '+') - 5;
				memcpy(text, "call ", 5);
			}
			if (asprintf(&canon, "%.*s: %s | %s", (int)(colon - s), s, norm, text) < 0)
				canon = NULL;
		}
		if (!canon)
			continue;
		v = realloc(v, (n + 1) * sizeof(*v));
		ck_assert_ptr_nonnull(v);
		v[n++] = canon;
	}
	*count = n;
	return v;
}

static void lines_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

START_TEST(ebpf_objdump_disassembles_as_llvm_objdump_does)
{
	char *theirs = NULL, *ours = NULL, **a, **b;
	size_t na, nb, i;
	int st;

	ck_assert_msg(!build_err[_i][0], "%s.c: %s", progs[_i].name, build_err[_i]);
	st = tu_runf(&theirs, "%s -d --mcpu=v4 '%s' 2>/dev/null", tu_llvm_objdump(),
		     prog_path(_i, "o"));
	ck_assert_msg(st == 0, "llvm-objdump failed on %s", prog_path(_i, "o"));
	st = tu_runf(&ours, "'%s' -d '%s'", tu_tool("ebpf-objdump"), prog_path(_i, "o"));
	ck_assert_msg(st == 0, "ebpf-objdump -d %s failed (%d): %s", prog_path(_i, "o"), st,
		      ours ? ours : "");
	a = disasm_lines(theirs, 0, &na);
	b = disasm_lines(ours, 1, &nb);
	ck_assert_msg(na > 0, "no instructions in llvm-objdump's output");
	/* ifs, not a ck_assert per line: in fork mode each assert is a write to Check's pipe */
	for (i = 0; i < na && i < nb; i++)
		if (strcmp(a[i], b[i]) != 0)
			ck_abort_msg("%s-%s.o, line %zu of the listing:\n"
				     "  llvm-objdump: %s\n  ebpf-objdump: %s",
				     progs[_i].name, progs[_i].cpu, i + 1, a[i], b[i]);
	ck_assert_msg(na == nb, "%s-%s.o: llvm-objdump has %zu lines, ebpf-objdump %zu; next: %s",
		      progs[_i].name, progs[_i].cpu, na, nb, i < na ? a[i] : b[i]);
	lines_free(a, na);
	lines_free(b, nb);
	free(theirs);
	free(ours);
}
END_TEST

/* ---------------------------------------------------------------- comparing objects */

static struct obj *read_obj(const char *path)
{
	struct obj *o = NULL;
	struct diag d;
	int r;

	diag_init(&d);
	r = obj_read_file(path, &o, &d);
	ck_assert_msg(r == 0, "%s: cannot read: %s", path,
		      d.nmsgs && d.msgs[0].text ? d.msgs[0].text : strerror(-r));
	diag_fini(&d);
	return o;
}

/* A relocation's symbol as a user reads it: a section symbol by its section's name. */
static const char *rel_sym_name(const struct obj *o, const struct obj_rel *r)
{
	const struct obj_sym *s;

	if (r->sym < 0 || (size_t)r->sym >= o->nsyms)
		return "?";
	s = &o->syms[r->sym];
	if (s->type == STT_SECTION && s->sec >= 0 && (size_t)s->sec < o->nsecs)
		return o->secs[s->sec].name;
	return s->name ? s->name : "";
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The relocations patching section @sec, as sorted "offset type symbol" strings. */
static char **rel_list(const struct obj *o, int sec, size_t *count)
{
	char **v = calloc(o->nrels + 1, sizeof(*v));
	size_t n = 0;

	ck_assert_ptr_nonnull(v);
	for (size_t i = 0; i < o->nrels; i++) {
		const struct obj_rel *r = &o->rels[i];

		if (r->sec != sec)
			continue;
		ck_assert_int_ge(asprintf(&v[n++], "0x%06llx type %u %s",
					  (unsigned long long)r->offset, r->type,
					  rel_sym_name(o, r)),
				 0);
	}
	qsort(v, n, sizeof(*v), str_cmp);
	*count = n;
	return v;
}

/* Executable sections of @want must be in @got with the same bytes and relocations. */
static void compare_code(const char *what, const struct obj *want, const struct obj *got)
{
	int nexec = 0;

	for (size_t i = 0; i < want->nsecs; i++) {
		const struct obj_sec *a = &want->secs[i], *b;
		char **ra, **rb;
		size_t nra, nrb;
		int j;

		if (!(a->flags & SHF_EXECINSTR) || a->data.len == 0)
			continue;
		nexec++;
		j = obj_sec_find(got, a->name);
		ck_assert_msg(j >= 0, "%s: no section %s", what, a->name);
		b = &got->secs[j];
		ck_assert_msg(b->flags & SHF_EXECINSTR, "%s: %s is not executable", what, a->name);
		for (size_t k = 0; k + 8 <= a->data.len && k + 8 <= b->data.len; k += 8) {
			const uint8_t *x = a->data.data + k, *y = b->data.data + k;

			if (memcmp(x, y, 8) != 0)
				ck_abort_msg("%s: %s+0x%zx (insn %zu): clang "
					     "%02x %02x %02x %02x %02x %02x %02x %02x, "
					     "ours %02x %02x %02x %02x %02x %02x %02x %02x",
					     what, a->name, k, k / 8, x[0], x[1], x[2], x[3], x[4],
					     x[5], x[6], x[7], y[0], y[1], y[2], y[3], y[4], y[5],
					     y[6], y[7]);
		}
		ck_assert_msg(a->data.len == b->data.len,
			      "%s: %s is %zu bytes in clang's, %zu in ours", what, a->name,
			      a->data.len, b->data.len);
		ra = rel_list(want, (int)i, &nra);
		rb = rel_list(got, j, &nrb);
		for (size_t k = 0; k < nra && k < nrb; k++)
			ck_assert_msg(strcmp(ra[k], rb[k]) == 0,
				      "%s: relocation %zu of %s: clang '%s', ours '%s'", what, k,
				      a->name, ra[k], rb[k]);
		ck_assert_msg(nra == nrb,
			      "%s: %s has %zu relocations in clang's, %zu in ours; next: %s", what,
			      a->name, nra, nrb, nra > nrb ? ra[nrb] : rb[nra]);
		lines_free(ra, nra);
		lines_free(rb, nrb);
	}
	ck_assert_msg(nexec > 0, "%s: clang's object has no code", what);
}

/* Functions, maps and data: what a loader takes from the object besides the code. */
static void compare_rest(const char *what, const struct obj *want, const struct obj *got)
{
	for (size_t i = 0; i < want->nsyms; i++) {
		const struct obj_sym *s = &want->syms[i], *t;
		int j;

		if (s->type != STT_FUNC && !(s->type == STT_OBJECT && s->bind == STB_GLOBAL))
			continue;
		j = obj_sym_find(got, s->name);
		ck_assert_msg(j >= 0, "%s: symbol %s is missing", what, s->name);
		t = &got->syms[j];
		/* A map's definition in .maps is laid out by whoever writes the BTF: its symbol's
		 * size and offset are ours to choose; the map itself is compared below. */
		if (s->sec >= 0 && strcmp(want->secs[s->sec].name, ".maps") == 0)
			continue;
		ck_assert_msg(t->type == s->type && t->bind == s->bind && t->value == s->value &&
				      t->size == s->size && t->sec >= 0 && s->sec >= 0 &&
				      strcmp(got->secs[t->sec].name, want->secs[s->sec].name) == 0,
			      "%s: symbol %s: clang type %d bind %d %s+0x%llx size %llu, ours type "
			      "%d bind %d %s+0x%llx size %llu",
			      what, s->name, s->type, s->bind,
			      s->sec >= 0 ? want->secs[s->sec].name : "?",
			      (unsigned long long)s->value, (unsigned long long)s->size, t->type,
			      t->bind, t->sec >= 0 ? got->secs[t->sec].name : "?",
			      (unsigned long long)t->value, (unsigned long long)t->size);
	}
	for (size_t i = 0; i < want->nmaps; i++) {
		const struct obj_map *m = &want->maps[i], *n;
		int j = obj_map_find(got, m->name);

		ck_assert_msg(j >= 0, "%s: map %s is missing", what, m->name);
		n = &got->maps[j];
		ck_assert_msg(m->type == n->type && m->key_size == n->key_size &&
				      m->value_size == n->value_size &&
				      m->max_entries == n->max_entries && m->flags == n->flags,
			      "%s: map %s: clang type %u key %u value %u entries %u flags %u, ours "
			      "%u %u %u %u %u",
			      what, m->name, m->type, m->key_size, m->value_size, m->max_entries,
			      m->flags, n->type, n->key_size, n->value_size, n->max_entries,
			      n->flags);
	}
	/* Global data and license: same size, same bytes. */
	for (size_t i = 0; i < want->nsecs; i++) {
		const struct obj_sec *a = &want->secs[i], *b;
		int j;

		if (!(a->flags & SHF_ALLOC) || (a->flags & SHF_EXECINSTR) ||
		    strcmp(a->name, ".maps") == 0)
			continue;
		j = obj_sec_find(got, a->name);
		ck_assert_msg(j >= 0, "%s: no section %s", what, a->name);
		b = &got->secs[j];
		ck_assert_msg(a->type == b->type && obj_sec_size(a) == obj_sec_size(b) &&
				      (a->type == SHT_NOBITS ||
				       memcmp(a->data.data, b->data.data, a->data.len) == 0),
			      "%s: section %s differs (type %u/%u, size %llu/%llu)", what, a->name,
			      a->type, b->type, (unsigned long long)obj_sec_size(a),
			      (unsigned long long)obj_sec_size(b));
	}
}

START_TEST(ebpf_objdump_listing_reassembles_to_the_same_object)
{
	char *out = NULL, what[128];
	struct obj *want, *got;
	int st;

	ck_assert_msg(!build_err[_i][0], "%s.c: %s", progs[_i].name, build_err[_i]);
	st = tu_runf(&out, "'%s' --asm '%s' > '%s'", tu_tool("ebpf-objdump"), prog_path(_i, "o"),
		     prog_path(_i, "listing.s"));
	ck_assert_msg(st == 0, "ebpf-objdump --asm %s failed (%d): %s", prog_path(_i, "o"), st,
		      out ? out : "");
	free(out);
	st = tu_runf(&out, "'%s' '%s' -o '%s'", tu_tool("ebpf-as"), prog_path(_i, "listing.s"),
		     prog_path(_i, "listing.o"));
	ck_assert_msg(st == 0, "ebpf-as %s failed (%d): %s", prog_path(_i, "listing.s"), st,
		      out ? out : "");
	free(out);
	snprintf(what, sizeof(what), "%s-%s: ebpf-objdump --asm | ebpf-as", progs[_i].name,
		 progs[_i].cpu);
	want = read_obj(prog_path(_i, "o"));
	got = read_obj(prog_path(_i, "listing.o"));
	compare_code(what, want, got);
	compare_rest(what, want, got);
	obj_free(want);
	obj_free(got);
}
END_TEST

START_TEST(clang_assembly_output_assembles_to_the_same_code)
{
	char *out = NULL, what[128];
	struct obj *want, *got;
	int st;

	ck_assert_msg(!build_err[_i][0], "%s.c: %s", progs[_i].name, build_err[_i]);
	st = tu_runf(&out, "'%s' '%s' -o '%s'", tu_tool("ebpf-as"), prog_path(_i, "clang.s"),
		     prog_path(_i, "clang-s.o"));
	ck_assert_msg(st == 0, "ebpf-as %s failed (%d): %s", prog_path(_i, "clang.s"), st,
		      out ? out : "");
	free(out);
	snprintf(what, sizeof(what), "%s-%s: clang -S | ebpf-as", progs[_i].name, progs[_i].cpu);
	want = read_obj(prog_path(_i, "o"));
	got = read_obj(prog_path(_i, "clang-s.o"));
	compare_code(what, want, got);
	obj_free(want);
	obj_free(got);
}
END_TEST

static Suite *clang_suite(void)
{
	Suite *s = suite_create("clang");
	TCase *tc = tcase_create("objects");

	tcase_set_timeout(tc, 120);
	tcase_add_unchecked_fixture(tc, build_all, remove_all);
	tcase_add_loop_test(tc, ebpf_objdump_disassembles_as_llvm_objdump_does, 0, NPROGS);
	tcase_add_loop_test(tc, ebpf_objdump_listing_reassembles_to_the_same_object, 0, NPROGS);
	tcase_add_loop_test(tc, clang_assembly_output_assembles_to_the_same_code, 0, NPROGS);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr;
	int failed;

	if (!tu_clang())
		tu_skip(0, "clang-19 not found (set CLANG_BPF): no objects to compare with");
	if (!tu_llvm_objdump())
		tu_skip(0, "llvm-objdump-19 not found (set LLVM_OBJDUMP)");
	sr = srunner_create(clang_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
