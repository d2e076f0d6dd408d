/* SPDX-License-Identifier: MIT */
/*
 * check_obj.c - the object layer and ebpf-objdump: an obj built in code survives writing and
 * reading field by field; clang's objects read fully; malformed objects give an error and a
 * message, never a crash; allocation failures are reported; the kernel (through bpftool)
 * loads what we write; ebpf-objdump prints what llvm-objdump prints, and its --asm listing
 * assembles back to the same bytes.
 *
 * Tests that need clang, llvm-objdump, bpftool or root print "SKIP: reason" and pass, except
 * that the kernel ones fail under EBPF_REQUIRE_KERNEL=1.
 */
#include <check.h>
#include <errno.h>
#include <gelf.h>
#include <libelf.h>
#include <linux/bpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/mem.h"
#include "isa/isa.h"
#include "obj/obj.h"
#include "testutil.h"

/* A test that cannot run here: say so and pass (fail if the kernel is required). */
#define SKIP_IF(cond, kernel, ...)                                                                 \
	do {                                                                                       \
		if (cond) {                                                                        \
			if ((kernel) && tu_kernel_required())                                      \
				ck_abort_msg(__VA_ARGS__);                                         \
			fprintf(stderr, "SKIP: " __VA_ARGS__);                                     \
			fputc('\n', stderr);                                                       \
			return;                                                                    \
		}                                                                                  \
	} while (0)

static void emit(struct obj *o, int sec, enum isa_op op, int dst, int src, int off, int64_t imm)
{
	struct isa_insn in;
	struct isa_raw raw[2];
	int n;

	isa_insn_make(&in, op, dst, src, off, imm);
	n = isa_insn_encode(&in, raw);
	ck_assert_int_eq(buf_append(&o->secs[sec].data, raw, (size_t)n * ISA_INSN_SIZE), 0);
}

static const char *const sample_text[] = {
	"*(u32 *)(r10 - 4) = 0",
	"r2 = r10",
	"r2 += -4",
	"r1 = counts ll",
	"call 1",
	"if r0 == 0 goto +2",
	"r1 = 1",
	"lock *(u64 *)(r0 + 0) += r1",
	"call sub",
	"exit",
};

/*
 * The sample every round-trip and kernel test uses, as ebpf-as would build it:
 *   xdp:     xdp_main: count packets in counts[0], then return sub() (XDP_PASS)
 *   .text:   sub: r0 = 2; exit (a static subprogram, called through a relocation)
 *   .maps:   counts (array, key 4, value 8, 1 entry)
 *   .rodata: a global constant "answer"
 * with a line info entry per instruction and license "GPL".
 */
static struct obj *sample_obj(void)
{
	struct obj *o = obj_new();
	struct obj_map m;
	int xdp, text, maps, ro, counts, textsym, off = 0;
	uint32_t answer = 42;

	ck_assert_ptr_nonnull(o);
	xdp = obj_sec_add(o, "xdp", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 8);
	text = obj_sec_add(o, ".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 8);
	maps = obj_sec_add(o, ".maps", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 8);
	ro = obj_sec_add(o, ".rodata", SHT_PROGBITS, SHF_ALLOC, 4);
	ck_assert(xdp >= 0 && text >= 0 && maps >= 0 && ro >= 0);

	memset(&m, 0, sizeof(m));
	m.name = "counts";
	m.type = BPF_MAP_TYPE_ARRAY;
	m.key_size = 4;
	m.value_size = 8;
	m.max_entries = 1;
	m.sec = maps;
	m.off = 0;
	m.data_sec = -1;
	ck_assert_int_eq(buf_append(&o->secs[maps].data, NULL, obj_map_def_size(&m)), 0);
	counts = obj_sym_add(o, "counts", maps, 0, obj_map_def_size(&m), STB_GLOBAL, STT_OBJECT);
	m.sym = counts;
	ck_assert_int_ge(obj_map_add(o, &m), 0);

	textsym = obj_sym_add(o, "", text, 0, 0, STB_LOCAL, STT_SECTION);
	emit(o, xdp, ISA_STW, 10, 0, -4, 0);
	emit(o, xdp, ISA_MOV64_REG, 2, 10, 0, 0);
	emit(o, xdp, ISA_ADD64_IMM, 2, 0, 0, -4);
	ck_assert_int_ge(obj_rel_add(o, xdp, o->secs[xdp].data.len, counts, ISA_R_BPF_64_64), 0);
	emit(o, xdp, ISA_LDDW, 1, 0, 0, 0);
	emit(o, xdp, ISA_CALL, 0, 0, 0, 1);
	emit(o, xdp, ISA_JEQ64_IMM, 0, 0, 2, 0);
	emit(o, xdp, ISA_MOV64_IMM, 1, 0, 0, 1);
	emit(o, xdp, ISA_ATOMIC64_ADD, 0, 1, 0, 0);
	ck_assert_int_ge(obj_rel_add(o, xdp, o->secs[xdp].data.len, textsym, ISA_R_BPF_64_32), 0);
	emit(o, xdp, ISA_CALL_LOCAL, 0, 0, 0, -1);
	emit(o, xdp, ISA_EXIT, 0, 0, 0, 0);
	emit(o, text, ISA_MOV64_IMM, 0, 0, 0, XDP_PASS);
	emit(o, text, ISA_EXIT, 0, 0, 0, 0);
	ck_assert_int_ge(
		obj_sym_add(o, "xdp_main", xdp, 0, o->secs[xdp].data.len, STB_GLOBAL, STT_FUNC), 0);
	ck_assert_int_ge(obj_sym_add(o, "sub", text, 0, 16, STB_LOCAL, STT_FUNC), 0);
	ck_assert_int_eq(buf_append(&o->secs[ro].data, &answer, 4), 0);
	ck_assert_int_ge(obj_sym_add(o, "answer", ro, 0, 4, STB_GLOBAL, STT_OBJECT), 0);

	for (size_t i = 0; i < sizeof(sample_text) / sizeof(sample_text[0]); i++) {
		const char *t = sample_text[i];

		ck_assert_int_ge(obj_line_add(o, xdp, (uint32_t)off, "sample.s", (unsigned)i + 3, 2,
					      t, strlen(t)),
				 0);
		off += strcmp(t, "r1 = counts ll") == 0 ? 16 : 8;
	}
	ck_assert_int_ge(obj_line_add(o, text, 0, "sample.s", 20, 2, "r0 = 2", 6), 0);
	ck_assert_int_ge(obj_line_add(o, text, 8, "sample.s", 21, 2, "exit", 4), 0);
	o->license = mem_strdup("GPL");
	ck_assert_int_eq(obj_progs_collect(o), 0);
	obj_lines_sort(o);
	return o;
}

static void *sample_image(size_t *len)
{
	struct obj *o = sample_obj();
	struct diag d;
	void *img;

	diag_init(&d);
	ck_assert_int_eq(obj_write_mem(o, &img, len, &d), 0);
	ck_assert_uint_eq(d.nerrors, 0);
	diag_fini(&d);
	obj_free(o);
	return img;
}

static int sec_of(const struct obj *o, int sec, const char *name)
{
	return sec >= 0 && strcmp(o->secs[sec].name, name) == 0;
}

/* ---------------------------------------------------------------- round trip */

START_TEST(written_object_reads_back_with_every_field)
{
	struct obj *a = sample_obj(), *b;
	struct diag d;
	void *img;
	size_t len;
	int s;

	diag_init(&d);
	ck_assert_int_eq(obj_write_mem(a, &img, &len, &d), 0);
	ck_assert_int_eq(obj_read_mem(img, len, "sample.o", &b, &d), 0);
	ck_assert_uint_eq(d.nerrors + d.nwarnings, 0);

	/* sections: every one, same kind, same bytes; plus the license section */
	for (size_t i = 0; i < a->nsecs; i++) {
		s = obj_sec_find(b, a->secs[i].name);
		ck_assert_msg(s >= 0, "section %s lost", a->secs[i].name);
		ck_assert_uint_eq(b->secs[s].type, a->secs[i].type);
		ck_assert_uint_eq(b->secs[s].flags, a->secs[i].flags);
		ck_assert_uint_eq(b->secs[s].align, a->secs[i].align);
		ck_assert_uint_eq(b->secs[s].data.len, a->secs[i].data.len);
		if (a->secs[i].data.len)
			ck_assert_mem_eq(b->secs[s].data.data, a->secs[i].data.data,
					 a->secs[i].data.len);
	}
	s = obj_sec_find(b, "license");
	ck_assert_int_ge(s, 0);
	ck_assert_mem_eq(b->secs[s].data.data, "GPL", 4);
	ck_assert_str_eq(b->license, "GPL");

	/* symbols: name, section, value, size, binding, type */
	ck_assert_uint_eq(b->nsyms, a->nsyms);
	for (size_t i = 0; i < a->nsyms; i++) {
		const struct obj_sym *x = &a->syms[i], *y = NULL;

		for (size_t k = 0; k < b->nsyms && !y; k++)
			if (!strcmp(b->syms[k].name,
				    x->type == STT_SECTION ? a->secs[x->sec].name : x->name) &&
			    b->syms[k].type == x->type)
				y = &b->syms[k];
		ck_assert_msg(y != NULL, "symbol '%s' lost", x->name);
		ck_assert(sec_of(b, y->sec, a->secs[x->sec].name));
		ck_assert_uint_eq(y->value, x->value);
		ck_assert_uint_eq(y->size, x->size);
		ck_assert_uint_eq(y->bind, x->bind);
	}

	/* relocations: section, offset, symbol, type */
	ck_assert_uint_eq(b->nrels, a->nrels);
	for (size_t i = 0; i < a->nrels; i++) {
		const struct obj_rel *x = &a->rels[i], *y = &b->rels[i];

		ck_assert(sec_of(b, y->sec, a->secs[x->sec].name));
		ck_assert_uint_eq(y->offset, x->offset);
		ck_assert_uint_eq(y->type, x->type);
		ck_assert_uint_eq(b->syms[y->sym].type, a->syms[x->sym].type);
		ck_assert_uint_eq(b->syms[y->sym].sec == OBJ_SEC_UNDEF, 0);
	}
	ck_assert_str_eq(b->syms[b->rels[0].sym].name, "counts");
	ck_assert_str_eq(b->syms[b->rels[1].sym].name, ".text");

	/* maps: the BTF-defined one as it was, and .rodata as a global data map */
	s = obj_map_find(b, "counts");
	ck_assert_int_ge(s, 0);
	ck_assert_uint_eq(b->maps[s].type, BPF_MAP_TYPE_ARRAY);
	ck_assert_uint_eq(b->maps[s].key_size, 4);
	ck_assert_uint_eq(b->maps[s].value_size, 8);
	ck_assert_uint_eq(b->maps[s].max_entries, 1);
	ck_assert_uint_eq(b->maps[s].flags, 0);
	ck_assert_uint_eq(b->maps[s].off, 0);
	ck_assert(sec_of(b, b->maps[s].sec, ".maps"));
	ck_assert_str_eq(b->syms[b->maps[s].sym].name, "counts");
	ck_assert_int_eq(b->maps[s].data_sec, -1);
	s = obj_map_find(b, ".rodata");
	ck_assert_int_ge(s, 0);
	ck_assert(sec_of(b, b->maps[s].data_sec, ".rodata"));
	ck_assert_uint_eq(b->maps[s].value_size, 4);
	ck_assert_uint_eq(b->maps[s].max_entries, 1);

	/* programs and functions */
	ck_assert_uint_eq(b->nprogs, 1);
	ck_assert_str_eq(b->progs[0].name, "xdp_main");
	ck_assert(sec_of(b, b->progs[0].sec, "xdp"));
	ck_assert_int_eq(b->progs[0].prog_type, BPF_PROG_TYPE_XDP);
	ck_assert_uint_eq(b->progs[0].size, a->progs[0].size);
	ck_assert_uint_eq(b->nfuncs, 2);
	for (size_t i = 0; i < b->nfuncs; i++) {
		const char *n = obj_str(b, b->funcs[i].name);

		ck_assert(!strcmp(n, "xdp_main") || !strcmp(n, "sub"));
		ck_assert_uint_eq(b->funcs[i].global, !strcmp(n, "xdp_main"));
		ck_assert(sec_of(b, b->funcs[i].sec, !strcmp(n, "sub") ? ".text" : "xdp"));
		ck_assert_uint_eq(b->funcs[i].off, 0);
	}

	/* line info: every entry, strings included */
	ck_assert_uint_eq(b->nlines, a->nlines);
	for (size_t i = 0; i < a->nlines; i++) {
		const struct obj_line *x = &a->lines[i];
		const struct obj_line *y =
			obj_line_find(b, obj_sec_find(b, a->secs[x->sec].name), x->off);

		ck_assert_ptr_nonnull(y);
		ck_assert_uint_eq(y->off, x->off);
		ck_assert_uint_eq(y->line, x->line);
		ck_assert_uint_eq(y->col, x->col);
		ck_assert_str_eq(obj_str(b, y->file), obj_str(a, x->file));
		ck_assert_str_eq(obj_str(b, y->text), obj_str(a, x->text));
	}
	ck_assert_uint_gt(b->btf.len, 0);
	ck_assert_uint_gt(b->btf_ext.len, 0);

	free(img);
	obj_free(a);
	obj_free(b);
	diag_fini(&d);
}
END_TEST

START_TEST(object_read_back_writes_the_same_bytes)
{
	struct obj *o;
	struct diag d;
	void *img, *img2;
	size_t len, len2;

	img = sample_image(&len);
	diag_init(&d);
	ck_assert_int_eq(obj_read_mem(img, len, "sample.o", &o, &d), 0);
	ck_assert_int_eq(obj_write_mem(o, &img2, &len2, &d), 0);
	ck_assert_uint_eq(len2, len);
	ck_assert_mem_eq(img2, img, len);
	free(img);
	free(img2);
	obj_free(o);
	diag_fini(&d);
}
END_TEST

/* Ways an obj can contradict itself, each refused by the writer with a message. */
static const struct {
	const char *what;
	const char *msg;
} inconsistent_cases[] = {
	{"relocation past the end", "lies past the end of the section"},
	{"relocation to a missing symbol", "refers to symbol 99"},
	{"map definition past .maps", "map 'counts': its definition needs"},
	{"two sections of one name", "two sections are named 'xdp'"},
	{"symbol in a missing section", "symbol 'answer' is in section 42"},
	{"absurd alignment", "alignment 3 is not a power of two"},
	{"function name not an identifier", "function name 'a-b' is not a C identifier"},
};

START_TEST(writer_refuses_an_inconsistent_obj_with_a_message)
{
	struct obj *o = sample_obj();
	struct diag d;
	void *img = NULL;
	size_t len;

	switch (_i) {
	case 0:
		o->rels[0].offset = 1000;
		break;
	case 1:
		o->rels[0].sym = 99;
		break;
	case 2:
		o->maps[0].off = 8;
		break;
	case 3:
		ck_assert_int_ge(obj_sec_add(o, "xdp", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 8),
				 0);
		break;
	case 4:
		o->syms[obj_sym_find(o, "answer")].sec = 42;
		break;
	case 5:
		o->secs[obj_sec_find(o, ".rodata")].align = 3;
		break;
	case 6:
		o->funcs[0].name = obj_str_add(o, "a-b", 3);
		break;
	}
	diag_init(&d);
	ck_assert_int_eq(obj_write_mem(o, &img, &len, &d), -EINVAL);
	ck_assert_ptr_null(img);
	ck_assert_uint_ge(d.nerrors, 1);
	ck_assert_msg(strstr(d.msgs[0].text, inconsistent_cases[_i].msg) != NULL,
		      "%s: message '%s' lacks '%s'", inconsistent_cases[_i].what, d.msgs[0].text,
		      inconsistent_cases[_i].msg);
	diag_fini(&d);
	obj_free(o);
}
END_TEST

/* ---------------------------------------------------------------- strings and lines */

START_TEST(strings_are_interned_once)
{
	struct obj *o = obj_new();
	static const char *files[] = {"a.s", "b.s", "lib/c.s"};
	uint32_t a, b;

	ck_assert_str_eq(obj_str(o, 0), "");
	ck_assert_uint_eq(obj_str_add(o, "", 0), 0);
	a = obj_str_add(o, "hello world", 5);
	b = obj_str_add(o, "hello", 5);
	ck_assert_uint_eq(a, b);
	ck_assert_str_eq(obj_str(o, a), "hello");
	ck_assert_uint_ne(obj_str_add(o, "hell", 4), a);
	/* 200,000 lines over three files and 100 distinct texts: the pool holds each once */
	for (unsigned i = 0; i < 200000; i++) {
		char t[32];
		int n = snprintf(t, sizeof(t), "r0 = %u", i % 100);

		ck_assert_int_ge(obj_line_add(o, 0, i * 8, files[i % 3], i + 1, 1, t, (size_t)n),
				 0);
	}
	ck_assert_uint_lt(o->strs.len, 2000);
	ck_assert_str_eq(obj_str(o, o->lines[199999].file), "b.s"); /* 199999 % 3 == 1 */
	ck_assert_str_eq(obj_str(o, o->lines[199999].text), "r0 = 99");
	ck_assert_uint_eq(o->lines[4].file, o->lines[7].file);
	obj_free(o);
}
END_TEST

static const struct {
	int sec;
	uint32_t off;
	int want_line; /* 0: no entry */
} line_find_cases[] = {
	{0, 0, 0},   /* before the first entry of section 0 */
	{0, 8, 10},  /* exact */
	{0, 16, 10}, /* covered by the entry before */
	{0, 24, 11}, /* two entries for one instruction: the first added */
	{0, 4096, 12}, {1, 0, 20}, {1, 8, 20}, {2, 0, 0}, /* a section without entries */
	{-1, 0, 0},
};

START_TEST(line_find_returns_the_entry_covering_an_instruction)
{
	struct obj *o = obj_new();
	const struct obj_line *l;

	/* added out of order, as a caller may */
	ck_assert_int_ge(obj_line_add(o, 1, 0, "f", 20, 1, "x", 1), 0);
	ck_assert_int_ge(obj_line_add(o, 0, 24, "f", 11, 1, "y", 1), 0);
	ck_assert_int_ge(obj_line_add(o, 0, 8, "f", 10, 1, "z", 1), 0);
	ck_assert_int_ge(obj_line_add(o, 0, 40, "f", 12, 1, "w", 1), 0);
	ck_assert_int_ge(obj_line_add(o, 0, 24, "f", 99, 1, "dup", 3), 0);
	obj_lines_sort(o);
	l = obj_line_find(o, line_find_cases[_i].sec, line_find_cases[_i].off);
	if (!line_find_cases[_i].want_line)
		ck_assert_ptr_null(l);
	else
		ck_assert_uint_eq(l ? l->line : 0, (unsigned)line_find_cases[_i].want_line);
	obj_free(o);
}
END_TEST

/* ---------------------------------------------------------------- programs */

static const struct {
	const char *sec;
	uint8_t bind;
	int want_prog;
	int prog_type;
	const char *attach_arg;
} prog_cases[] = {
	{"xdp", STB_GLOBAL, 1, BPF_PROG_TYPE_XDP, NULL},
	{"socket", STB_GLOBAL, 1, BPF_PROG_TYPE_SOCKET_FILTER, NULL},
	{"kprobe/do_unlinkat", STB_GLOBAL, 1, BPF_PROG_TYPE_KPROBE, "do_unlinkat"},
	{"tracepoint/syscalls/sys_enter_execve", STB_WEAK, 1, BPF_PROG_TYPE_TRACEPOINT,
	 "syscalls/sys_enter_execve"},
	{"no_such_type", STB_GLOBAL, 1, BPF_PROG_TYPE_UNSPEC, NULL},
	{".text", STB_GLOBAL, 0, 0, NULL}, /* libbpf: .text holds subprograms */
	{"xdp", STB_LOCAL, 0, 0, NULL},
};

START_TEST(programs_are_global_functions_typed_by_their_section)
{
	struct obj *o = obj_new();
	int s = obj_sec_add(o, prog_cases[_i].sec, SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 8);

	emit(o, s, ISA_MOV64_IMM, 0, 0, 0, 0);
	emit(o, s, ISA_EXIT, 0, 0, 0, 0);
	ck_assert_int_ge(obj_sym_add(o, "f", s, 0, 0, prog_cases[_i].bind, STT_FUNC), 0);
	ck_assert_int_eq(obj_progs_collect(o), 0);
	ck_assert_uint_eq(o->nprogs, (size_t)prog_cases[_i].want_prog);
	ck_assert_uint_eq(o->nfuncs, 1); /* every function gets func info */
	ck_assert_uint_eq(o->funcs[0].global, (unsigned)prog_cases[_i].want_prog);
	if (o->nprogs) {
		ck_assert_int_eq(o->progs[0].prog_type, prog_cases[_i].prog_type);
		ck_assert_uint_eq(o->progs[0].size, 16); /* no symbol size: up to the end */
		if (prog_cases[_i].attach_arg)
			ck_assert_str_eq(o->progs[0].attach_arg, prog_cases[_i].attach_arg);
		else
			ck_assert_ptr_null(o->progs[0].attach_arg);
	}
	obj_free(o);
}
END_TEST

/* ---------------------------------------------------------------- clang objects */

static const char clang_src[] =
	"#define SEC(n) __attribute__((section(n), used))\n"
	"#define __uint(name, val) int (*name)[val]\n"
	"#define __type(name, val) typeof(val) *name\n"
	"typedef unsigned int __u32;\n"
	"typedef unsigned long long __u64;\n"
	"struct xdp_md { __u32 data, data_end, data_meta, ingress_ifindex; };\n"
	"static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;\n"
	"struct {\n"
	"\t__uint(type, 2);\n"
	"\t__type(key, __u32);\n"
	"\t__type(value, __u64);\n"
	"\t__uint(max_entries, 4);\n"
	"} counts SEC(\".maps\");\n"
	"struct {\n"
	"\t__uint(type, 1);\n"
	"\t__uint(key_size, 8);\n"
	"\t__uint(value_size, 16);\n"
	"\t__uint(max_entries, 128);\n"
	"\t__uint(map_flags, 1);\n"
	"} h SEC(\".maps\");\n"
	"int gdata = 5;\n"
	"int bssv;\n"
	"static __attribute__((noinline)) int sub(int x) { return x * 3 + gdata; }\n"
	"SEC(\"xdp\")\n"
	"int xdp_prog(struct xdp_md *ctx)\n"
	"{\n"
	"\t__u32 k = 0;\n"
	"\t__u64 *v = bpf_map_lookup_elem(&counts, &k);\n"
	"\tif (v)\n"
	"\t\t__sync_fetch_and_add(v, 1);\n"
	"\tbssv++;\n"
	"\treturn sub(ctx->ingress_ifindex) > 2 ? 2 : 1;\n"
	"}\n"
	"SEC(\"tracepoint/syscalls/sys_enter_execve\")\n"
	"int tp(void *ctx) { return sub(1); }\n"
	"char _license[] SEC(\"license\") = \"GPL\";\n";

/* Compile clang_src into dir/prog.o; NULL (after saying why) when clang is missing. */
static const char *clang_object(const char *dir)
{
	static char path[4200];
	char src[4200];
	char *out = NULL;
	const char *clang = tu_clang();

	if (!clang)
		return NULL;
	snprintf(src, sizeof(src), "%s/prog.c", dir);
	snprintf(path, sizeof(path), "%s/prog.o", dir);
	ck_assert_int_eq(tu_write_file(src, clang_src, strlen(clang_src)), 0);
	ck_assert_msg(tu_runf(&out, "'%s' -O2 -g -target bpf -c '%s' -o '%s'", clang, src, path) ==
			      0,
		      "clang failed: %s", out ? out : "");
	free(out);
	return path;
}

START_TEST(clang_object_reads_maps_programs_relocations_and_lines)
{
	char *dir = tu_mkdtemp();
	const char *path = clang_object(dir);
	struct obj *o;
	struct diag d;
	int m, xdp, found = 0;

	SKIP_IF(!path, 0, "clang-19 not found: clang objects not tested");
	diag_init(&d);
	ck_assert_int_eq(obj_read_file(path, &o, &d), 0);
	ck_assert_uint_eq(d.nerrors, 0);

	m = obj_map_find(o, "counts");
	ck_assert_int_ge(m, 0);
	ck_assert_uint_eq(o->maps[m].type, BPF_MAP_TYPE_ARRAY);
	ck_assert_uint_eq(o->maps[m].key_size, 4);
	ck_assert_uint_eq(o->maps[m].value_size, 8);
	ck_assert_uint_eq(o->maps[m].max_entries, 4);
	m = obj_map_find(o, "h");
	ck_assert_int_ge(m, 0);
	ck_assert_uint_eq(o->maps[m].type, BPF_MAP_TYPE_HASH);
	ck_assert_uint_eq(o->maps[m].key_size, 8);
	ck_assert_uint_eq(o->maps[m].value_size, 16);
	ck_assert_uint_eq(o->maps[m].max_entries, 128);
	ck_assert_uint_eq(o->maps[m].flags, 1);
	ck_assert_uint_eq(o->maps[m].off, 32); /* from its symbol: clang's BTF says 0 */
	ck_assert_int_ge(obj_map_find(o, ".data"), 0);
	ck_assert_int_ge(obj_map_find(o, ".bss"), 0);

	ck_assert_uint_eq(o->nprogs, 2);
	xdp = obj_sec_find(o, "xdp");
	for (size_t i = 0; i < o->nprogs; i++) {
		if (!strcmp(o->progs[i].name, "xdp_prog")) {
			ck_assert_int_eq(o->progs[i].sec, xdp);
			ck_assert_int_eq(o->progs[i].prog_type, BPF_PROG_TYPE_XDP);
		} else {
			ck_assert_str_eq(o->progs[i].name, "tp");
			ck_assert_int_eq(o->progs[i].prog_type, BPF_PROG_TYPE_TRACEPOINT);
			ck_assert_str_eq(o->progs[i].attach_arg, "syscalls/sys_enter_execve");
		}
	}
	/* the lookup's lddw is relocated against counts, the call against .text */
	for (size_t i = 0; i < o->nrels; i++) {
		const struct obj_rel *r = &o->rels[i];

		if (r->sec != xdp)
			continue;
		if (r->type == ISA_R_BPF_64_64 && !strcmp(o->syms[r->sym].name, "counts")) {
			ck_assert_uint_eq(o->secs[xdp].data.data[r->offset], 0x18); /* lddw */
			found |= 1;
		}
		if (r->type == ISA_R_BPF_64_32 && !strcmp(o->syms[r->sym].name, ".text")) {
			ck_assert_uint_eq(o->secs[xdp].data.data[r->offset], 0x85); /* call */
			found |= 2;
		}
	}
	ck_assert_int_eq(found, 3);
	/* functions from BTF func info: sub is static */
	ck_assert_uint_eq(o->nfuncs, 3);
	for (size_t i = 0; i < o->nfuncs; i++)
		ck_assert_uint_eq(o->funcs[i].global,
				  strcmp(obj_str(o, o->funcs[i].name), "sub") != 0);
	/* line info carries the source text */
	found = 0;
	for (size_t i = 0; i < o->nlines; i++) {
		const char *file = obj_str(o, o->lines[i].file);

		if (o->lines[i].sec == xdp &&
		    strstr(obj_str(o, o->lines[i].text), "bpf_map_lookup_elem(&counts") &&
		    strlen(file) > 7 && !strcmp(file + strlen(file) - 7, "/prog.c"))
			found = (int)o->lines[i].line;
	}
	ck_assert_int_eq(found, 28);
	ck_assert_str_eq(o->license, "GPL");
	obj_free(o);
	diag_fini(&d);
	tu_rmrf(dir);
}
END_TEST

/* ---------------------------------------------------------------- malformed input */

/* Where things are in an image, found with libelf, for patching. */
static GElf_Shdr find_sec(Elf *e, const char *name, size_t *idx)
{
	size_t shstrndx;
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;

	ck_assert_int_eq(elf_getshdrstrndx(e, &shstrndx), 0);
	while ((scn = elf_nextscn(e, scn))) {
		gelf_getshdr(scn, &sh);
		if (!strcmp(elf_strptr(e, shstrndx, sh.sh_name), name)) {
			*idx = elf_ndxscn(scn);
			return sh;
		}
	}
	ck_abort_msg("no section %s", name);
	return sh;
}

enum patch {
	P_TRUNCATE,
	P_MACHINE,
	P_CLASS,
	P_NOT_ELF,
	P_SEC_OFFSET,
	P_REL_SYMBOL,
	P_REL_OFFSET,
	P_SYM_VALUE,
	P_BTF_HEADER,
	P_BTF_TYPE_LEN,
	P_BTF_EXT_COUNT,
	P_BTF_MAP_TYPE,
};

enum { HALF = 100000, ALL_BUT_ONE }; /* truncation lengths relative to the image */

static const struct {
	enum patch patch;
	size_t arg; /* P_TRUNCATE: bytes kept, or HALF, ALL_BUT_ONE */
	int err;
	const char *msg;
} bad_cases[] = {
	{P_TRUNCATE, 0, -ENOEXEC, "not an ELF object"},
	{P_TRUNCATE, 3, -ENOEXEC, "not an ELF object"},
	{P_TRUNCATE, 40, -EINVAL, "truncated or malformed ELF header"},
	{P_TRUNCATE, 64, -EINVAL, "section header table lies outside the file"},
	{P_TRUNCATE, HALF, -EINVAL, "section header table lies outside the file"},
	{P_TRUNCATE, ALL_BUT_ONE, -EINVAL, "section header table lies outside the file"},
	{P_MACHINE, 0, -ENOEXEC, "not an eBPF object (machine EM_X86_64)"},
	{P_CLASS, 0, -ENOEXEC, ""},
	{P_NOT_ELF, 0, -ENOEXEC, "not an ELF object"},
	{P_SEC_OFFSET, 0, -EINVAL, "outside the"},
	{P_REL_SYMBOL, 0, -EINVAL, "which does not exist"},
	{P_REL_OFFSET, 0, -EINVAL, "past the end of the section"},
	{P_SYM_VALUE, 0, -EINVAL, "lies outside section"},
	{P_BTF_HEADER, 0, -EINVAL, "BTF: bad magic"},
	{P_BTF_TYPE_LEN, 0, -EINVAL, "does not fit"},
	{P_BTF_EXT_COUNT, 0, -EINVAL, "more than fit"},
	{P_BTF_MAP_TYPE, 0, -EINVAL, "not a variable"},
};

/* Make the sample image bad in one way; returns the (possibly shorter) length. */
static size_t spoil(uint8_t *img, size_t len, int i)
{
	Elf *e = elf_memory((char *)img, len);
	GElf_Shdr sh;
	size_t idx, n;
	uint64_t v;
	uint32_t w;

	ck_assert_ptr_nonnull(e);
	switch (bad_cases[i].patch) {
	case P_TRUNCATE:
		n = bad_cases[i].arg;
		len = n == HALF ? len / 2 : n == ALL_BUT_ONE ? len - 1 : n;
		break;
	case P_MACHINE:
		img[18] = EM_X86_64;
		img[19] = 0;
		break;
	case P_CLASS:
		img[EI_CLASS] = ELFCLASS32;
		break;
	case P_NOT_ELF:
		memcpy(img, "hello, world\n", 13);
		break;
	case P_SEC_OFFSET:
		find_sec(e, "xdp", &idx);
		v = 1ull << 40; /* sh_offset of section idx */
		memcpy(img + 0x40 * idx + ((Elf64_Ehdr *)img)->e_shoff + 24, &v, 8);
		break;
	case P_REL_SYMBOL:
		sh = find_sec(e, ".relxdp", &idx);
		v = (uint64_t)999 << 32 | ISA_R_BPF_64_64;
		memcpy(img + sh.sh_offset + 8, &v, 8);
		break;
	case P_REL_OFFSET:
		sh = find_sec(e, ".relxdp", &idx);
		v = 0x10000;
		memcpy(img + sh.sh_offset, &v, 8);
		break;
	case P_SYM_VALUE:
		sh = find_sec(e, ".symtab", &idx);
		/* the last symbol (a global), st_value at +8 */
		v = 0x100000;
		memcpy(img + sh.sh_offset + sh.sh_size - sizeof(Elf64_Sym) + 8, &v, 8);
		break;
	case P_BTF_HEADER:
		sh = find_sec(e, ".BTF", &idx);
		img[sh.sh_offset] ^= 0xff;
		break;
	case P_BTF_TYPE_LEN:
		sh = find_sec(e, ".BTF", &idx);
		w = 0x7fffffff;
		memcpy(img + sh.sh_offset + 12, &w, 4);
		break;
	case P_BTF_EXT_COUNT:
		sh = find_sec(e, ".BTF.ext", &idx);
		/* first func info section: header (32), rec_size (4), sec_name_off, num_info */
		w = 0x1000000;
		memcpy(img + sh.sh_offset + 32 + 4 + 4, &w, 4);
		break;
	case P_BTF_MAP_TYPE: {
		/* the first VAR in .maps points at type 1 (an INT) instead */
		uint32_t hdr_len, type_len;
		const uint8_t *t;

		sh = find_sec(e, ".BTF", &idx);
		t = img + sh.sh_offset;
		memcpy(&hdr_len, t + 4, 4);
		memcpy(&type_len, t + 12, 4);
		for (uint32_t pos = 0; pos + 12 <= type_len; pos += 4) {
			uint32_t info;

			memcpy(&info, t + hdr_len + pos + 4, 4);
			if ((info >> 24) == 15 && (info & 0xffff) == 1) { /* DATASEC, vlen 1 */
				w = 1;
				memcpy(img + sh.sh_offset + hdr_len + pos + 12, &w, 4);
				break;
			}
		}
		break;
	}
	}
	elf_end(e);
	return len;
}

START_TEST(malformed_object_gives_an_error_and_a_message)
{
	size_t len;
	uint8_t *img = sample_image(&len);
	struct obj *o = (struct obj *)1;
	struct diag d;
	int err;

	elf_version(EV_CURRENT);
	len = spoil(img, len, _i);
	diag_init(&d);
	err = obj_read_mem(img, len, "bad.o", &o, &d);
	ck_assert_msg(err == bad_cases[_i].err, "case %d: got %d, want %d (%s)", _i, err,
		      bad_cases[_i].err, d.nmsgs ? d.msgs[0].text : "no message");
	ck_assert_ptr_null(o);
	ck_assert_uint_ge(d.nerrors, 1);
	ck_assert_str_eq(d.msgs[d.nmsgs - 1].file, "bad.o");
	ck_assert_msg(strstr(d.msgs[d.nmsgs - 1].text, bad_cases[_i].msg) != NULL,
		      "case %d: message '%s' lacks '%s'", _i, d.msgs[d.nmsgs - 1].text,
		      bad_cases[_i].msg);
	diag_fini(&d);
	free(img);
}
END_TEST

START_TEST(allocation_failures_are_reported_never_crash)
{
	size_t len;
	void *img = sample_image(&len);
	int done_read = 0, done_write = 0;

	for (unsigned long n = 1; n < 100000 && !(done_read && done_write); n++) {
		struct diag d;
		struct obj *o = NULL;
		void *out;
		size_t olen;
		int err;

		diag_init(&d);
		mem_fail_nth(n);
		err = obj_read_mem(img, len, "sample.o", &o, &d);
		mem_fail_nth(0);
		ck_assert_msg(err == 0 || err == -ENOMEM, "read, failing allocation %lu: %d", n,
			      err);
		done_read |= err == 0;
		if (o) {
			mem_fail_nth(n);
			err = obj_write_mem(o, &out, &olen, &d);
			mem_fail_nth(0);
			ck_assert_msg(err == 0 || err == -ENOMEM,
				      "write, failing allocation %lu: %d", n, err);
			if (err == 0) {
				done_write = 1;
				free(out);
			}
			obj_free(o);
		}
		diag_fini(&d);
	}
	ck_assert(done_read && done_write);
	free(img);
}
END_TEST

/* ---------------------------------------------------------------- the kernel */

/* bpftool loads the object, and the kernel took its BTF: func info names the program and
 * line info carries @line into the translated program. */
static void bpftool_loads(const char *obj_path, const char *func, const char *line)
{
	char pin[64], *out = NULL, *show = NULL, *dump = NULL;
	int st;

	snprintf(pin, sizeof(pin), "/sys/fs/bpf/ebpf-test-obj-%d", (int)getpid());
	st = tu_runf(&out, "bpftool prog load '%s' '%s'", obj_path, pin);
	if (st == 0) {
		tu_runf(&show, "bpftool prog show pinned '%s'", pin);
		tu_runf(&dump, "bpftool prog dump xlated pinned '%s'", pin);
	}
	tu_runf(NULL, "rm -f '%s'", pin);
	ck_assert_msg(st == 0, "bpftool prog load %s failed:\n%s", obj_path, out ? out : "");
	ck_assert_msg(show && strstr(show, "btf_id"), "loaded without BTF:\n%s", show);
	ck_assert_msg(dump && strstr(dump, func) && strstr(dump, line),
		      "no func info '%s' or line info '%s' in:\n%s", func, line, dump);
	free(out);
	free(show);
	free(dump);
}

START_TEST(kernel_loads_the_written_object_through_bpftool)
{
	struct obj *o;
	struct diag d;
	char *dir, path[4200];

	SKIP_IF(!tu_have("bpftool"), 1, "bpftool not found: kernel load not tested");
	SKIP_IF(geteuid() != 0, 1, "not root: kernel load not tested");
	dir = tu_mkdtemp();
	snprintf(path, sizeof(path), "%s/sample.o", dir);
	o = sample_obj();
	diag_init(&d);
	ck_assert_int_eq(obj_write_file(o, path, &d), 0);
	bpftool_loads(path, "int xdp_main(void * ctx):", "; r1 = counts ll\n");
	obj_free(o);
	diag_fini(&d);
	tu_rmrf(dir);
}
END_TEST

START_TEST(kernel_loads_a_clang_object_with_btf_rebuilt_by_us)
{
	char *dir = tu_mkdtemp();
	const char *path = clang_object(dir);
	char out_path[4200];
	struct obj *o;
	struct diag d;

	SKIP_IF(!path, 0, "clang-19 not found");
	SKIP_IF(!tu_have("bpftool"), 1, "bpftool not found: kernel load not tested");
	SKIP_IF(geteuid() != 0, 1, "not root: kernel load not tested");
	diag_init(&d);
	ck_assert_int_eq(obj_read_file(path, &o, &d), 0);
	buf_free(&o->btf); /* make the writer build BTF from maps, funcs and lines */
	buf_free(&o->btf_ext);
	snprintf(out_path, sizeof(out_path), "%s/rebuilt.o", dir);
	ck_assert_int_eq(obj_write_file(o, out_path, &d), 0);
	bpftool_loads(out_path, "int xdp_prog(void * ctx):",
		      "; __u64 *v = bpf_map_lookup_elem(&counts, &k);\n");
	obj_free(o);
	diag_fini(&d);
	tu_rmrf(dir);
}
END_TEST

/* ---------------------------------------------------------------- ebpf-objdump */

static int tool_built(const char *name)
{
	return access(tu_tool(name), X_OK) == 0;
}

START_TEST(objdump_prints_what_llvm_objdump_prints)
{
	static const char *const files[] = {"prog.o", "sample.o"};
	char *dir = tu_mkdtemp(), sample[4200];
	const char *path = clang_object(dir), *llvm = tu_llvm_objdump();
	struct obj *o;
	struct diag d;

	SKIP_IF(!path || !llvm, 0, "clang-19 or llvm-objdump-19 not found");
	SKIP_IF(!tool_built("ebpf-objdump"), 0, "ebpf-objdump not built");
	snprintf(sample, sizeof(sample), "%s/sample.o", dir);
	o = sample_obj();
	diag_init(&d);
	ck_assert_int_eq(obj_write_file(o, sample, &d), 0);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *ours = NULL, *theirs = NULL;

		/* LLVM prints local calls as "call -0x1", we as "call pc-0x1" */
		ck_assert_int_eq(tu_runf(&ours, "cd '%s' && '%s' -dr %s | sed 's/call pc/call /'",
					 dir, tu_tool("ebpf-objdump"), files[i]),
				 0);
		ck_assert_int_eq(
			tu_runf(&theirs, "cd '%s' && '%s' -dr --mcpu=v4 %s", dir, llvm, files[i]),
			0);
		ck_assert_str_eq(ours, theirs);
		free(ours);
		free(theirs);
	}
	obj_free(o);
	diag_fini(&d);
	tu_rmrf(dir);
}
END_TEST

START_TEST(objdump_asm_listing_assembles_to_the_same_bytes)
{
	char *dir = tu_mkdtemp();
	const char *path = clang_object(dir);
	char *out = NULL, again[4200];
	struct obj *a, *b;
	struct diag d;
	int st;

	SKIP_IF(!path, 0, "clang-19 not found");
	SKIP_IF(!tool_built("ebpf-objdump") || !tool_built("ebpf-as"), 0,
		"ebpf-objdump or ebpf-as not built");
	st = tu_runf(&out, "cd '%s' && '%s' --asm prog.o > re.s && '%s' re.s -o re.o", dir,
		     tu_tool("ebpf-objdump"), tu_tool("ebpf-as"));
	ck_assert_msg(st == 0, "%s", out ? out : "");
	free(out);
	snprintf(again, sizeof(again), "%s/re.o", dir);
	diag_init(&d);
	ck_assert_int_eq(obj_read_file(path, &a, &d), 0);
	ck_assert_int_eq(obj_read_file(again, &b, &d), 0);
	for (size_t i = 0; i < a->nsecs; i++) {
		int s = obj_sec_find(b, a->secs[i].name);

		if (!strcmp(a->secs[i].name, ".maps"))
			continue; /* maps are .map lines: laid out anew */
		ck_assert_msg(s >= 0, "section %s missing", a->secs[i].name);
		ck_assert_uint_eq(obj_sec_size(&b->secs[s]), obj_sec_size(&a->secs[i]));
		ck_assert_uint_eq(b->secs[s].data.len, a->secs[i].data.len);
		if (a->secs[i].data.len) /* .bss and an empty .text hold no bytes */
			ck_assert_mem_eq(b->secs[s].data.data, a->secs[i].data.data,
					 a->secs[i].data.len);
	}
	for (size_t i = 0; i < a->nmaps; i++) {
		int m = obj_map_find(b, a->maps[i].name);

		ck_assert_int_ge(m, 0);
		ck_assert_uint_eq(b->maps[m].type, a->maps[i].type);
		ck_assert_uint_eq(b->maps[m].key_size, a->maps[i].key_size);
		ck_assert_uint_eq(b->maps[m].value_size, a->maps[i].value_size);
		ck_assert_uint_eq(b->maps[m].max_entries, a->maps[i].max_entries);
	}
	ck_assert_uint_eq(b->nrels, a->nrels);
	obj_free(a);
	obj_free(b);
	diag_fini(&d);
	tu_rmrf(dir);
}
END_TEST

static const struct {
	const char *args;
	int status;
	const char *want; /* in the output */
} cli_cases[] = {
	{"--help", 0, "Usage: ebpf-objdump"},
	{"--version", 0, "ebpf-objdump"},
	{"", 2, "no input file"},
	{"--syntax=intel OBJ", 2, "unknown syntax"},
	{"--bogus OBJ", 2, "Usage"},
	{"/nonexistent.o", 2, "/nonexistent.o: error: cannot open"},
	{"BAD", 2, "not an ELF object"},
	{"OBJ", 0, "<xdp_main>:\n       0:\t62 0a fc ff 00 00 00 00\t*(u32 *)(r10 - 0x4) = 0x0\n"},
	{"-d -r OBJ", 0, "\t\t0000000000000018:  R_BPF_64_64\tcounts\n"},
	{"-S OBJ", 0, "; r1 = counts ll\n"},
	{"--syntax=classic OBJ", 0, "stw [%r10-0x4], 0x0"},
	{"--decimal OBJ", 0, "r2 += -4\n"},
	{"-h OBJ", 0, "  0 xdp           00000058 0000000000000000 TEXT\n"},
	{"-t OBJ", 0, "0000000000000000 g     F xdp\t0000000000000058 xdp_main\n"},
	{"-r OBJ", 0,
	 "RELOCATION RECORDS FOR [xdp]:\nOFFSET           TYPE                     VALUE\n"
	 "0000000000000018 R_BPF_64_64              counts\n"},
	{"--json OBJ", 0, "\"programs\":[{\"name\":\"xdp_main\",\"section\":\"xdp\""},
	{"--asm OBJ", 0, "\t.map\tcounts, array, key=4, value=8, entries=1\n"},
	{"--asm OBJ", 0, "\tr1 = counts ll\n\tcall 1\n\tif r0 == 0 goto +2\n"},
	{"--asm OBJ", 0, "\tcall sub\n"},
	{"OBJ BAD OBJ", 2, "s.o:\tfile format elf64-bpf"},
};

START_TEST(objdump_command_line_prints_and_exits_as_documented)
{
	char *dir, path[4200], bad[4200], *args, *out = NULL;
	struct obj *o;
	struct diag d;
	int st;

	SKIP_IF(!tool_built("ebpf-objdump"), 0, "ebpf-objdump not built");
	dir = tu_mkdtemp();
	snprintf(path, sizeof(path), "%s/sample.o", dir);
	snprintf(bad, sizeof(bad), "%s/bad.o", dir);
	o = sample_obj();
	diag_init(&d);
	ck_assert_int_eq(obj_write_file(o, path, &d), 0);
	ck_assert_int_eq(tu_write_file(bad, "junk", 4), 0);
	/* OBJ and BAD stand for the two files, relative to dir */
	args = strdup(cli_cases[_i].args);
	for (char *p; (p = strstr(args, "OBJ"));)
		memcpy(p, "s.o", 3);
	for (char *p; (p = strstr(args, "BAD"));)
		memcpy(p, "b.o", 3);
	st = tu_runf(&out, "cd '%s' && ln -sf sample.o s.o && ln -sf bad.o b.o && '%s' %s", dir,
		     tu_tool("ebpf-objdump"), args);
	ck_assert_msg(st == cli_cases[_i].status, "'%s' exited %d:\n%s", args, st, out);
	ck_assert_msg(strstr(out, cli_cases[_i].want) != NULL, "'%s' printed:\n%s\nwithout:\n%s",
		      args, out, cli_cases[_i].want);
	free(out);
	free(args);
	obj_free(o);
	diag_fini(&d);
	tu_rmrf(dir);
}
END_TEST

static Suite *obj_suite(void)
{
	Suite *s = suite_create("obj");
	TCase *tc;

	tc = tcase_create("model");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, written_object_reads_back_with_every_field);
	tcase_add_test(tc, object_read_back_writes_the_same_bytes);
	tcase_add_loop_test(tc, writer_refuses_an_inconsistent_obj_with_a_message, 0,
			    sizeof(inconsistent_cases) / sizeof(inconsistent_cases[0]));
	tcase_add_test(tc, strings_are_interned_once);
	tcase_add_loop_test(tc, line_find_returns_the_entry_covering_an_instruction, 0,
			    sizeof(line_find_cases) / sizeof(line_find_cases[0]));
	tcase_add_loop_test(tc, programs_are_global_functions_typed_by_their_section, 0,
			    sizeof(prog_cases) / sizeof(prog_cases[0]));
	suite_add_tcase(s, tc);

	tc = tcase_create("robustness");
	tcase_set_timeout(tc, 300);
	tcase_add_loop_test(tc, malformed_object_gives_an_error_and_a_message, 0,
			    sizeof(bad_cases) / sizeof(bad_cases[0]));
	tcase_add_test(tc, allocation_failures_are_reported_never_crash);
	suite_add_tcase(s, tc);

	tc = tcase_create("clang");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, clang_object_reads_maps_programs_relocations_and_lines);
	suite_add_tcase(s, tc);

	tc = tcase_create("kernel");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, kernel_loads_the_written_object_through_bpftool);
	tcase_add_test(tc, kernel_loads_a_clang_object_with_btf_rebuilt_by_us);
	suite_add_tcase(s, tc);

	tc = tcase_create("objdump");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, objdump_prints_what_llvm_objdump_prints);
	tcase_add_test(tc, objdump_asm_listing_assembles_to_the_same_bytes);
	tcase_add_loop_test(tc, objdump_command_line_prints_and_exits_as_documented, 0,
			    sizeof(cli_cases) / sizeof(cli_cases[0]));
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(obj_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
