/* SPDX-License-Identifier: MIT */
/*
 * run-main.c - ebpf-run: run eBPF programs in the userspace interpreter.
 *
 *   ebpf-run --conformance FILE.data...     the bpf_conformance suite's test files
 *   ebpf-run --conformance-plugin [MEMHEX]  the suite's plugin protocol: program as hex bytes
 *                                           on stdin, memory as hex bytes in an argument,
 *                                           r0 printed in hex
 *   ebpf-run [OPTION]... PROG.o|PROG.s CAPTURE   a program over a capture (not yet)
 *
 * The .data format (the suite's README): a line containing "--" starts a section (asm, raw,
 * mem, result, error; c and "no register offset" are informational; any other name makes
 * the file skipped, as the upstream runner does); '#' starts a comment. The asm section is
 * assembled with the other lines blanked, so the assembler's (and faults') line numbers are
 * the .data file's own. raw wins over asm. r1 = the VM address of mem, r2 = its length.
 * result is compared with all 64 bits of r0; a file with an error section passes when the
 * program is refused or faults (the message is ours, not the suite's reference runner's).
 *
 * Exit status: 0 all passed; 1 a test failed (a fault, in plugin mode); 2 usage or bad input.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <elf.h>

#include "config.h"
#include "common/str.h"
#include "asm/asm.h"
#include "common/mem.h"
#include "vm/capture.h"
#include "vm/runner.h"
#include "vm/vm.h"
#include "verifier-sim/vsim.h"

static const char *prog_name = "ebpf-run";

static void usage(FILE *f)
{
	fputs("Usage: ebpf-run [OPTION]... PROG.o|PROG.s CAPTURE.pcap|CAPTURE.pcapng\n"
	      "       ebpf-run --conformance FILE.data...\n"
	      "       ebpf-run --conformance-plugin [MEMHEX] < PROGHEX\n"
	      "Run an eBPF program over every packet of a capture in a userspace interpreter\n"
	      "with the kernel's semantics: every memory access checked, faults located at the\n"
	      "source line. Prints verdict counts and the final contents of every map.\n"
	      "\n"
	      "  -s, --section SEC      run the program of section SEC\n"
	      "  -p, --prog NAME        run the program NAME\n"
	      "  -t, --type TYPE        program type (xdp, sched_cls, sched_act,\n"
	      "                         socket_filter) instead of the section's\n"
	      "  -c, --count N          stop after N packets\n"
	      "      --pass FILE        write the packets the program passed (after its\n"
	      "                         changes) to FILE (pcap; .pcapng: pcapng)\n"
	      "      --drop FILE        the same for dropped packets (and faulted runs)\n"
	      "      --tx FILE          the same for XDP_TX\n"
	      "      --redirect FILE    the same for XDP_REDIRECT and TC_ACT_REDIRECT\n"
	      "      --verdicts         print one line per packet: number, verdict, lengths\n"
	      "      --trace N          print an instruction-by-instruction register trace of\n"
	      "                         packet N with source lines (with --conformance: of the\n"
	      "                         first N instructions)\n"
	      "      --all-entries      also print array entries whose value is all zero\n"
	      "      --ifindex N        the receiving device's ifindex (default 1, lo)\n"
	      "      --rx-queue N       XDP rx_queue_index (default 0)\n"
	      "      --budget N         instructions one run may execute (default 1000000)\n"
	      "      --seed N           seed of bpf_get_prandom_u32 (default 0)\n"
	      "      --json             print the summary (and --verdicts lines, printk\n"
	      "                         output, diagnostics) as JSON, one object per line\n"
	      "      --progress         show progress on stderr (default: when it is a\n"
	      "                         terminal and the capture is large)\n"
	      "      --no-progress      never show progress\n"
	      "      --verify           first verify the program as ebpf-verify does (as the\n"
	      "                         kernel's verifier would): run it only when accepted\n"
	      "      --unpriv           with --verify: as an unprivileged user\n"
	      "      --conformance      run bpf_conformance .data files: one PASS/FAIL line\n"
	      "                         each, then 'N passed, N failed'\n"
	      "      --conformance-plugin  be a bpf_conformance plugin: program as hex bytes on\n"
	      "                         stdin, memory as hex bytes in the argument, r0 printed\n"
	      "                         in hex\n"
	      "  -h, --help             show this help and exit\n"
	      "      --version          show the version and exit\n"
	      "\n"
	      "Exit status: 0 success (every packet ran without a fault; with --conformance\n"
	      "every test passed), 1 a run faulted or a test failed, 2 usage or input errors.\n",
	      f);
}

struct opts {
	const char *section, *prog, *type;
	const char *out[VM_RUNNER_NCLASSES]; /* --pass, --drop, --tx, --redirect */
	unsigned long long count, trace, budget, seed, ifindex, rx_queue;
	int json, verdicts, all_entries, progress; /* progress: -1 never, 1 always, 0 auto */
	int verify, unpriv;
};

/* ---------------------------------------------------------------- tracing */

struct tracer {
	unsigned long long left;
	FILE *f;
};

static void trace_insn(void *arg, const struct vm_prog *p, size_t i, const uint64_t *r,
		       unsigned depth)
{
	struct tracer *t = arg;
	struct isa_insn in;
	char text[96] = "?";

	if (!t->left)
		return;
	t->left--;
	if (vm_prog_insn(p, i, &in) > 0)
		isa_insn_print(&in, ISA_SYNTAX_LLVM, ISA_PRINT_HELPER_NAMES, text, sizeof(text));
	fprintf(t->f, "%*s%5zu: %-36s", (int)depth * 2, "", i, text);
	for (int k = 0; k < ISA_NREGS; k++)
		if (r[k])
			fprintf(t->f, " r%d=0x%" PRIx64, k, r[k]);
	fputc('\n', t->f);
}

/* ---------------------------------------------------------------- .data files */

struct test {
	char *text;	/* the whole file */
	char *asm_text; /* the file with every line outside "-- asm" blanked, or NULL */
	uint8_t *raw;	/* -- raw bytes */
	size_t raw_len;
	int has_raw;
	uint8_t *mem;
	size_t mem_len;
	int has_result, has_error;
	uint64_t result;
	char error[256];
	char skip[128]; /* why the upstream runner would skip it, or "" */
};

static void test_free(struct test *t)
{
	free(t->text);
	free(t->asm_text);
	free(t->raw);
	free(t->mem);
}

/* Append the hex byte tokens of @s to *@buf; -EINVAL on a token that is no byte. */
static int hex_bytes(const char *s, uint8_t **buf, size_t *len)
{
	while (*s) {
		char *end;
		unsigned long v;
		uint8_t *nb;

		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		if (!*s)
			break;
		errno = 0;
		v = strtoul(s, &end, 16);
		if (end == s || errno || v > 0xff || (*end && !strchr(" \t\r\n", *end)))
			return -EINVAL;
		s = end;
		nb = realloc(*buf, *len + 1);
		if (!nb)
			return -ENOMEM;
		*buf = nb;
		(*buf)[(*len)++] = (uint8_t)v;
	}
	return 0;
}

/* -- raw: 64-bit words stored little-endian, or byte lists (negative/unused-*.data). */
static int raw_words(const char *s, uint8_t **buf, size_t *len)
{
	char tok[64];
	int used;

	while (sscanf(s, "%63s%n", tok, &used) == 1) {
		const char *hex = strncmp(tok, "0x", 2) == 0 ? tok + 2 : tok;
		unsigned long long v;
		char *end;
		int nbytes = strlen(hex) <= 2 ? 1 : 8;
		uint8_t *nb;

		s += used;
		errno = 0;
		v = strtoull(hex, &end, 16);
		if (*end || errno || end == hex)
			return -EINVAL;
		nb = realloc(*buf, *len + (size_t)nbytes);
		if (!nb)
			return -ENOMEM;
		*buf = nb;
		for (int i = 0; i < nbytes; i++)
			(*buf)[(*len)++] = (uint8_t)(v >> (8 * i));
	}
	return 0;
}

/* Parse @t->text. Returns 0, or -EINVAL with the reason in @why. */
static int test_parse(struct test *t, char *why, size_t whylen)
{
	const char *sec = NULL;
	char *p = t->text, *res = NULL, *err = NULL;
	size_t rlen = 0, elen = 0, tlen = strlen(t->text);
	int has_asm = 0, ret = 0;

	t->asm_text = calloc(1, tlen + 1);
	if (!t->asm_text)
		return -ENOMEM;
	for (size_t at = 0; *p; at = (size_t)(p - t->text)) {
		char *nl = strchr(p, '\n'), line[1024], *hash, *dd;
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		snprintf(line, sizeof(line), "%.*s", (int)(n < sizeof(line) ? n : sizeof(line) - 1),
			 p);
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		if ((dd = strstr(line, "--")) != NULL) {
			char *name = dd + 2, *e;

			while (*name == ' ' || *name == '\t')
				name++;
			e = name + strlen(name);
			while (e > name && strchr(" \t\r", e[-1]))
				*--e = '\0';
			if (!strcmp(name, "asm") || !strcmp(name, "raw") || !strcmp(name, "mem") ||
			    !strcmp(name, "result") || !strcmp(name, "error") ||
			    !strcmp(name, "c") || !strcmp(name, "no register offset")) {
				sec = !strcmp(name, "asm")	? "asm"
				      : !strcmp(name, "raw")	? "raw"
				      : !strcmp(name, "mem")	? "mem"
				      : !strcmp(name, "result") ? "result"
				      : !strcmp(name, "error")	? "error"
								: "";
				has_asm |= !strcmp(sec, "asm");
				t->has_raw |= !strcmp(sec, "raw");
				t->has_result |= !strcmp(sec, "result");
				t->has_error |= !strcmp(sec, "error");
			} else if (!t->skip[0]) {
				snprintf(t->skip, sizeof(t->skip), "unknown section '%s'", name);
			}
		} else if (sec && !strcmp(sec, "asm")) {
			memcpy(t->asm_text + at, p,
			       n); /* comments kept: the assembler skips them */
		} else if (sec && !strcmp(sec, "raw")) {
			if (raw_words(line, &t->raw, &t->raw_len)) {
				snprintf(why, whylen, "bad -- raw token in '%s'", line);
				ret = -EINVAL;
			}
		} else if (sec && !strcmp(sec, "mem")) {
			if (hex_bytes(line, &t->mem, &t->mem_len)) {
				snprintf(why, whylen, "bad -- mem byte in '%s'", line);
				ret = -EINVAL;
			}
		} else if (sec && (!strcmp(sec, "result") || !strcmp(sec, "error"))) {
			char **dst = !strcmp(sec, "result") ? &res : &err;
			size_t *dlen = !strcmp(sec, "result") ? &rlen : &elen;
			char *nd = realloc(*dst, *dlen + strlen(line) + 2);

			if (!nd)
				return -ENOMEM;
			*dst = nd;
			*dlen += (size_t)sprintf(nd + *dlen, "%s%s", *dlen ? "\n" : "", line);
		}
		if (nl)
			t->asm_text[at + n] = '\n';
		p = nl ? nl + 1 : p + n;
	}
	/* lines outside the asm section become blanks, newlines kept: line numbers hold */
	for (size_t i = 0; i < tlen; i++)
		if (t->asm_text[i] == '\0')
			t->asm_text[i] = ' ';
	if (!has_asm) {
		free(t->asm_text);
		t->asm_text = NULL;
	}
	if (!ret && t->has_result) {
		char *s = res ? res : (char *)"", *end;

		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		errno = 0;
		t->result = strstr(s, "0x") ? strtoull(s, &end, 16)
			    : *s == '-'	    ? (uint64_t)strtoll(s, &end, 10)
					    : strtoull(s, &end, 10);
		while (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n')
			end++;
		if (end == s || *end || errno) {
			snprintf(why, whylen, "bad -- result '%s'", s);
			ret = -EINVAL;
		}
	}
	if (err) {
		size_t n = strlen(err);

		while (n && strchr(" \t\r\n", err[n - 1]))
			err[--n] = '\0';
		snprintf(t->error, sizeof(t->error), "%s", err);
	}
	free(res);
	free(err);
	if (!ret && !t->skip[0] && !has_asm && !t->has_raw) {
		snprintf(why, whylen, "no -- asm or -- raw section");
		ret = -EINVAL;
	}
	if (!ret && !t->skip[0] && !t->has_result && !t->has_error) {
		snprintf(why, whylen, "no -- result or -- error section");
		ret = -EINVAL;
	}
	return ret;
}

/* ---------------------------------------------------------------- running one program */

struct run {
	struct vm *vm;
	struct obj *obj;
	struct obj_origin *origin;
	struct vm_prog *prog;
	struct diag d;
	uint64_t r0;
	int loaded, faulted;
	char msg[512]; /* why it did not load, or the fault */
};

static void run_fini(struct run *r)
{
	vm_prog_free(r->prog);
	vm_free(r->vm);
	obj_free(r->obj);
	free(r->origin);
	diag_fini(&r->d);
}

/* The first error of @d as "file:line:col: text" into @buf. */
static void first_error(const struct diag *d, char *buf, size_t len)
{
	for (size_t i = 0; i < d->nmsgs; i++) {
		const struct diag_msg *m = &d->msgs[i];

		if (m->level != DIAG_ERROR)
			continue;
		if (m->file)
			snprintf(buf, len, "%s:%u:%u: %s", m->file, m->line, m->col,
				 m->text ? m->text : "");
		else
			snprintf(buf, len, "%s", m->text ? m->text : "");
		return;
	}
	snprintf(buf, len, "failed");
}

/*
 * Load (from @code, or by assembling @asm_text named @name) and run with the conformance
 * helpers and @mem as r1/r2. Returns 0 when it ran (r->faulted says how), -EINVAL when the
 * program was refused, -ENOMEM.
 */
static int run_program(struct run *r, const char *name, const char *asm_text, const uint8_t *code,
		       size_t code_len, uint8_t *mem, size_t mem_len, const struct opts *o)
{
	struct tracer tr = {.left = o->trace, .f = stderr};
	uint64_t r1 = 0;
	int sec = -1, err;

	memset(r, 0, sizeof(*r));
	diag_init(&r->d);
	r->vm = vm_new();
	if (!r->vm)
		return -ENOMEM;
	vm_helpers_conformance(r->vm);
	vm_budget_set(r->vm, o->budget);
	vm_seed_set(r->vm, o->seed);
	if (o->trace)
		vm_trace_set(r->vm, trace_insn, &tr);
	if (!code) {
		r->obj = obj_new();
		if (!r->obj)
			return -ENOMEM;
		err = asm_source_assemble(name, asm_text, strlen(asm_text), r->obj, &r->d);
		if (err) {
			first_error(&r->d, r->msg, sizeof(r->msg));
			return err == -ENOMEM ? err : -EINVAL;
		}
		for (size_t i = 0; i < r->obj->nsecs; i++) {
			if (r->obj->secs[i].flags & SHF_EXECINSTR) {
				sec = (int)i;
				code = r->obj->secs[i].data.data;
				code_len = r->obj->secs[i].data.len;
				break;
			}
		}
		if (sec < 0) {
			snprintf(r->msg, sizeof(r->msg), "%s: no instructions", name);
			return -EINVAL;
		}
	}
	if (code_len % ISA_INSN_SIZE) {
		snprintf(r->msg, sizeof(r->msg),
			 "%s: the program is %zu bytes, not a multiple of 8", name, code_len);
		return -EINVAL;
	}
	err = vm_prog_load(r->vm, (const struct isa_raw *)code, code_len / ISA_INSN_SIZE, name,
			   &r->prog, &r->d);
	if (err) {
		first_error(&r->d, r->msg, sizeof(r->msg));
		return err == -ENOMEM ? err : -EINVAL;
	}
	if (sec >= 0) {
		size_t n = code_len / ISA_INSN_SIZE;

		r->origin = calloc(n, sizeof(*r->origin));
		if (!r->origin)
			return -ENOMEM;
		for (size_t i = 0; i < n; i++) {
			r->origin[i].sec = sec;
			r->origin[i].off = i * ISA_INSN_SIZE;
		}
		vm_prog_source_set(r->prog, r->obj, r->origin);
	}
	r->loaded = 1;
	if (mem_len) {
		int reg = vm_region_add(r->vm, "mem", mem, (uint32_t)mem_len, VM_MEM_RW, 0, 0);

		if (reg < 0)
			return reg;
		r1 = VM_ADDR(reg, 0);
	}
	if (vm_prog_run(r->vm, r->prog, r1, mem_len, &r->r0)) {
		r->faulted = 1;
		vm_fault_format(r->vm, r->msg, sizeof(r->msg));
	}
	return 0;
}

/* ---------------------------------------------------------------- --conformance */

static void put_result(const struct opts *o, const char *file, const char *verdict,
		       const char *detail)
{
	if (o->json) {
		printf("{\"file\":");
		json_put_string(stdout, file);
		printf(",\"result\":\"%s\"", verdict);
		if (detail && *detail) {
			printf(",\"detail\":");
			json_put_string(stdout, detail);
		}
		printf("}\n");
	} else {
		printf("%s %s%s%s\n", verdict, file, detail && *detail ? ": " : "",
		       detail ? detail : "");
	}
}

/* Run one .data file. Returns 0 passed, 1 failed, 2 bad input, 3 skipped, -ENOMEM. */
static int conformance_one(const char *path, const struct opts *o)
{
	const char *file = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	struct test t = {0};
	struct run r;
	char why[300] = "", detail[700];
	FILE *f = fopen(path, "rb");
	struct buf text = {0};
	int err, verdict;

	if (!f) {
		snprintf(why, sizeof(why), "%s", strerror(errno));
		put_result(o, file, "ERROR", why);
		return 2;
	}
	err = buf_read_file(&text, f);
	fclose(f);
	if (err == -ENOMEM) {
		buf_free(&text);
		return -ENOMEM;
	}
	if (err) {
		snprintf(why, sizeof(why), "read error: %s", strerror(errno));
		put_result(o, file, "ERROR", why);
		buf_free(&text);
		return 2;
	}
	t.text = (char *)text.data;
	err = test_parse(&t, why, sizeof(why));
	if (err == -ENOMEM) {
		test_free(&t);
		return -ENOMEM;
	}
	if (t.skip[0]) {
		put_result(o, file, "SKIP", t.skip);
		test_free(&t);
		return 3;
	}
	if (err) {
		put_result(o, file, "ERROR", why);
		test_free(&t);
		return 2;
	}
	err = run_program(&r, file, t.asm_text, t.has_raw ? t.raw : NULL, t.raw_len, t.mem,
			  t.mem_len, o);
	if (err == -ENOMEM) {
		run_fini(&r);
		test_free(&t);
		return -ENOMEM;
	}
	if (t.has_error) {
		/* any refusal or fault is the expected failure; the texts differ by runtime */
		verdict = err || r.faulted ? 0 : 1;
		if (verdict)
			snprintf(detail, sizeof(detail), "expected error '%s', got r0 = 0x%" PRIx64,
				 t.error, r.r0);
		else
			snprintf(detail, sizeof(detail), "failed as expected: %s", r.msg);
	} else if (err || r.faulted) {
		verdict = 1;
		snprintf(detail, sizeof(detail), "expected 0x%" PRIx64 ", got %s: %s", t.result,
			 err ? "a refusal" : "a fault", r.msg);
	} else {
		verdict = r.r0 == t.result ? 0 : 1;
		if (verdict)
			snprintf(detail, sizeof(detail), "expected 0x%" PRIx64 ", got 0x%" PRIx64,
				 t.result, r.r0);
		else
			detail[0] = '\0';
	}
	put_result(o, file, verdict ? "FAIL" : "PASS", detail);
	run_fini(&r);
	test_free(&t);
	return verdict;
}

static int conformance_main(int argc, char **argv, const struct opts *o)
{
	unsigned passed = 0, failed = 0, bad = 0, skipped = 0;

	if (argc == 0) {
		fprintf(stderr, "%s: --conformance needs .data files\n", prog_name);
		return 2;
	}
	for (int i = 0; i < argc; i++) {
		int v = conformance_one(argv[i], o);

		if (v < 0) {
			fprintf(stderr, "%s: %s: %s\n", prog_name, argv[i], strerror(-v));
			return 2;
		}
		passed += v == 0;
		failed += v == 1;
		bad += v == 2;
		skipped += v == 3;
	}
	if (o->json)
		printf("{\"passed\":%u,\"failed\":%u,\"errors\":%u,\"skipped\":%u}\n", passed,
		       failed, bad, skipped);
	else if (bad || skipped)
		printf("%u passed, %u failed, %u errors, %u skipped\n", passed, failed, bad,
		       skipped);
	else
		printf("%u passed, %u failed\n", passed, failed);
	return bad ? 2 : failed ? 1 : 0;
}

/* ---------------------------------------------------------------- --conformance-plugin */

/* The suite's runner starts the plugin as `PLUGIN MEMHEX OPTIONS` (MEMHEX and OPTIONS may be
 * empty strings) and writes one line of hex bytes to its stdin; it reads r0 in hex from
 * stdout, or, on a non-zero exit, compares stdout with the file's expected error. */
static int plugin_main(int argc, char **argv, const struct opts *o)
{
	uint8_t *code = NULL, *mem = NULL;
	size_t code_len = 0, mem_len = 0;
	struct buf inb = {0};
	char *in;
	struct run r;
	int err, status;

	for (int i = 0; i < argc; i++) {
		if (hex_bytes(argv[i], &mem, &mem_len)) {
			printf("bad memory argument '%s'\n", argv[i]);
			free(mem);
			return 2;
		}
	}
	if (buf_read_file(&inb, stdin)) {
		printf("cannot read the program from stdin\n");
		buf_free(&inb);
		free(mem);
		return 2;
	}
	in = (char *)inb.data;
	if (hex_bytes(in, &code, &code_len)) {
		printf("bad program bytes on stdin\n");
		free(in);
		free(mem);
		free(code);
		return 2;
	}
	free(in);
	err = run_program(&r, "stdin", NULL, code ? code : (uint8_t *)"", code_len, mem, mem_len,
			  o);
	if (err || r.faulted) {
		printf("%s\n", r.msg[0] ? r.msg : strerror(-err));
		status = 1;
	} else {
		printf("%" PRIx64 "\n", r.r0);
		status = 0;
	}
	run_fini(&r);
	free(code);
	free(mem);
	return status;
}

/* ---------------------------------------------------------------- a program over a capture */

#define MAX_FAULTS_SHOWN 20u

/* --trace N of a capture: every instruction of packet N, with the source line it came from
 * each time that changes. */
struct src_tracer {
	FILE *f;
	const struct diag *d;
	const struct vm *vm; /* registers that point into a region print as "packet+0xe" */
	const char *last_file;
	unsigned last_line;
};

static void trace_src(void *arg, const struct vm_prog *p, size_t i, const uint64_t *r,
		      unsigned depth)
{
	struct src_tracer *t = arg;
	const struct obj *o = NULL;
	const struct obj_line *l = vm_prog_line(p, i, &o);
	struct isa_insn in;
	char text[96] = "?";

	if (l) {
		const char *file = obj_str(o, l->file), *src = NULL;
		size_t n = 0;

		if (l->line != t->last_line || file != t->last_file) {
			if (diag_source_line(t->d, file, l->line, &src, &n) != 0) {
				src = obj_str(o, l->text);
				n = src ? strlen(src) : 0;
			}
			while (n && (*src == ' ' || *src == '\t'))
				src++, n--;
			fprintf(t->f, "%*s; %s:%u: %.*s\n", (int)depth * 2, "", file ? file : "?",
				l->line, (int)n, src ? src : "");
			t->last_file = file;
			t->last_line = l->line;
		}
	}
	if (vm_prog_insn(p, i, &in) > 0)
		isa_insn_print(&in, ISA_SYNTAX_LLVM, ISA_PRINT_HELPER_NAMES, text, sizeof(text));
	fprintf(t->f, "%*s%5zu: %-36s", (int)depth * 2, "", i, text);
	for (int k = 0; k < ISA_NREGS; k++) {
		const char *region = r[k] >> 32 ? vm_region_name(t->vm, (int)(r[k] >> 32)) : NULL;

		if (region)
			fprintf(t->f, " r%d=%s+0x%" PRIx64, k, region, r[k] & 0xffffffffu);
		else if (r[k])
			fprintf(t->f, " r%d=0x%" PRIx64, k, r[k]);
	}
	fputc('\n', t->f);
}

struct cap_run {
	const struct opts *o;
	struct diag d;
	int json;
	struct vm_runner *run;
	struct vm_capture *cap;
	struct vm_capture_writer *out[VM_RUNNER_NCLASSES];
	uint64_t file_size;
	int progress;
};

/* Print each diagnostic as it is reported: errors of loading, faults, warnings. */
static void print_sink(const struct diag *d, const struct diag_msg *m, void *arg)
{
	struct cap_run *c = arg;

	if (c->json)
		diag_msg_print_json(m, stderr);
	else
		diag_msg_print(d, m, stderr, 0);
}

/* A fault of packet @num, located at its source line, printed now. */
static void report_fault(struct cap_run *c, uint64_t num)
{
	char what[32];

	snprintf(what, sizeof(what), "packet %" PRIu64, num);
	vm_fault_report(vm_runner_vm(c->run), &c->d, what);
}

static void print_printk(struct cap_run *c, uint64_t num)
{
	struct vm *vm = vm_runner_vm(c->run);
	size_t len;
	const char *s = vm_printk_output(vm, &len), *e;

	if (!len)
		return;
	for (; *s; s = e + (*e == '\n')) {
		char line[1024];

		e = strchr(s, '\n');
		if (!e)
			e = s + strlen(s);
		snprintf(line, sizeof(line), "%.*s", (int)(e - s), s);
		if (c->json) {
			printf("{\"packet\":%" PRIu64 ",\"printk\":", num);
			json_put_string(stdout, line);
			printf("}\n");
		} else {
			printf("packet %" PRIu64 ": bpf_trace_printk: %s\n", num, line);
		}
	}
	vm_printk_clear(vm);
}

static void print_verdict(struct cap_run *c, const struct vm_capture_pkt *pkt,
			  const struct vm_runner_result *res)
{
	if (c->json) {
		printf("{\"packet\":%" PRIu64 ",\"verdict\":", pkt->num);
		json_put_string(stdout, res->verdict);
		printf(",\"r0\":%" PRIu64 ",\"len\":%u,\"out_len\":%u,\"class\":\"%s\","
		       "\"insns\":%" PRIu64 "}\n",
		       res->ctx.r0, pkt->caplen, res->out_len, vm_runner_class_name(res->cls),
		       res->insns);
	} else {
		printf("packet %" PRIu64 ": %s (r0 = %" PRId64 "), %u -> %u bytes, %" PRIu64
		       " insns\n",
		       pkt->num, res->verdict, (int64_t)res->ctx.r0, pkt->caplen, res->out_len,
		       res->insns);
	}
}

static void show_progress(struct cap_run *c, const struct vm_capture_pkt *pkt, int done)
{
	if (done) {
		fputs("\r\033[K", stderr);
		return;
	}
	if (c->file_size && pkt->offset)
		fprintf(stderr, "\r%" PRIu64 " packets, %3d%%", pkt->num,
			(int)(pkt->offset * 100 / c->file_size));
	else
		fprintf(stderr, "\r%" PRIu64 " packets", pkt->num);
}

static const char *type_name(uint32_t type)
{
	const struct isa_progtype *t = isa_progtype_by_id((int)type);

	return t ? t->name : "?";
}

static void print_summary(struct cap_run *c, const char *prog_path, const char *cap_path)
{
	const struct vm_runner_stats *st = vm_runner_stats(c->run);
	struct buf maps = {0};
	unsigned flags = c->o->all_entries ? VM_OBJ_FMT_ZEROS : 0;

	vm_obj_collect(vm_runner_obj(c->run));
	if (vm_obj_maps_format(vm_runner_obj(c->run), &maps, c->json, flags) ||
	    buf_append(&maps, "", 1))
		maps.len = 0;
	if (c->json) {
		printf("{\"program\":");
		json_put_string(stdout, vm_runner_prog_name(c->run));
		printf(",\"section\":");
		json_put_string(stdout, vm_runner_prog_section(c->run));
		printf(",\"type\":");
		json_put_string(stdout, type_name(vm_runner_prog_type(c->run)));
		printf(",\"object\":");
		json_put_string(stdout, prog_path);
		printf(",\"capture\":");
		json_put_string(stdout, cap_path);
		printf(",\"packets\":%" PRIu64 ",\"skipped\":%" PRIu64 ",\"faults\":%" PRIu64
		       ",\"bytes\":%" PRIu64 ",\"insns\":%" PRIu64 ",\"verdicts\":{",
		       st->packets, st->skipped, st->faults, st->bytes, st->insns);
		for (size_t i = 0; i < st->nverdicts; i++) {
			printf("%s", i ? "," : "");
			json_put_string(stdout, st->verdicts[i].name);
			printf(":%" PRIu64, st->verdicts[i].count);
		}
		printf("},\"outputs\":{");
		for (int k = 0; k < VM_RUNNER_NCLASSES; k++)
			printf("%s\"%s\":%" PRIu64, k ? "," : "",
			       vm_runner_class_name((enum vm_runner_class)k), st->classes[k]);
		printf("},\"maps\":[");
		/* one object per line from vm_obj_maps_format: join them into the array */
		for (char *m = (char *)maps.data, *nl; m && *m; m = nl + 1) {
			nl = strchr(m, '\n');
			if (!nl)
				nl = m + strlen(m) - 1;
			printf("%s%.*s", m == (char *)maps.data ? "" : ",", (int)(nl - m), m);
		}
		printf("]}\n");
	} else {
		printf("%s: program '%s' (section %s, %s) over %s\n", prog_path,
		       vm_runner_prog_name(c->run), vm_runner_prog_section(c->run),
		       type_name(vm_runner_prog_type(c->run)), cap_path);
		printf("packets: %" PRIu64, st->packets);
		if (st->skipped)
			printf(" (and %" PRIu64 " skipped)", st->skipped);
		printf(", faults: %" PRIu64 ", instructions: %" PRIu64, st->faults, st->insns);
		if (st->packets)
			printf(" (%.1f per packet)", (double)st->insns / (double)st->packets);
		printf("\nverdicts:\n");
		for (size_t i = 0; i < st->nverdicts; i++)
			printf("  %-16s %" PRIu64 "\n", st->verdicts[i].name,
			       st->verdicts[i].count);
		if (maps.len > 1)
			printf("maps:\n%s", (char *)maps.data);
	}
	buf_free(&maps);
}

static int open_outputs(struct cap_run *c)
{
	for (int k = 0; k < VM_RUNNER_NCLASSES; k++) {
		const char *path = c->o->out[k];
		size_t n;
		enum vm_capture_format fmt;

		if (!path)
			continue;
		n = strlen(path);
		fmt = n > 7 && strcmp(path + n - 7, ".pcapng") == 0 ? VM_CAPTURE_PCAPNG
								    : VM_CAPTURE_PCAP;
		if (vm_capture_writer_open(path, VM_CAPTURE_LINK_EN10MB, fmt, &c->out[k], &c->d))
			return -1;
	}
	return 0;
}

static int capture_main(const char *prog_path, const char *cap_path, const struct opts *o)
{
	struct vm_runner_opts ro = {
		.path = prog_path,
		.prog = o->prog,
		.section = o->section,
		.budget = o->budget,
		.seed = o->seed,
		.ifindex = (uint32_t)o->ifindex,
		.rx_queue = (uint32_t)o->rx_queue,
	};
	struct cap_run c = {.o = o, .json = o->json};
	struct src_tracer tr = {.f = stdout, .d = &c.d};
	struct vm_capture_pkt pkt;
	struct vm_runner_result res;
	uint64_t skipped_shown = 0;
	int status = 2, err;
	struct stat sb;

	diag_init(&c.d);
	c.d.sink = print_sink;
	c.d.sink_arg = &c;
	if (o->type)
		ro.prog_type = isa_progtype_by_name(o->type)->id;
	if (vm_runner_new(&ro, &c.run, &c.d))
		goto out;
	if (o->verify) {
		/* the verdict ebpf-verify gives, on stdout; a rejected program does not run */
		struct vsim_report_opts vr = {.prog = vm_runner_prog_name(c.run),
					      .type = o->type,
					      .json = o->json,
					      .unpriv = o->unpriv,
					      .tool = "ebpf-run"};

		status = vsim_obj_report(vm_runner_object(c.run), prog_path, &vr, stdout);
		if (status)
			goto out;
		status = 2;
	}
	if (vm_capture_open(cap_path, &c.cap, &c.d))
		goto out;
	if (vm_runner_linktype_check(vm_capture_linktype(c.cap), cap_path, &c.d))
		goto out;
	if (open_outputs(&c))
		goto out;
	if (strcmp(cap_path, "-") != 0 && stat(cap_path, &sb) == 0)
		c.file_size = (uint64_t)sb.st_size;
	c.progress =
		o->progress > 0 || (o->progress == 0 && isatty(2) && c.file_size > (16u << 20));
	status = 0;
	while ((err = vm_capture_next(c.cap, &pkt)) == 1) {
		int traced = o->trace && pkt.num == o->trace;

		if (o->count && pkt.num > o->count)
			break;
		if (traced) {
			printf("trace of packet %" PRIu64 " (%u bytes):\n", pkt.num, pkt.caplen);
			tr.vm = vm_runner_vm(c.run);
			vm_trace_set(vm_runner_vm(c.run), trace_src, &tr);
		}
		err = vm_runner_packet(c.run, pkt.data, pkt.caplen, pkt.linktype, pkt.ts_ns, &res);
		if (traced)
			vm_trace_set(vm_runner_vm(c.run), NULL, NULL);
		if (err) {
			if (skipped_shown++ < MAX_FAULTS_SHOWN)
				diag_warning(&c.d, &(struct diag_loc){.file = cap_path},
					     "packet %" PRIu64 " skipped: %s", pkt.num,
					     vm_runner_skip_reason(c.run));
			continue;
		}
		print_printk(&c, pkt.num);
		if (res.ctx.fault) {
			status = 1;
			if (vm_runner_stats(c.run)->faults <= MAX_FAULTS_SHOWN)
				report_fault(&c, pkt.num);
		}
		if (traced)
			printf("packet %" PRIu64 ": %s (r0 = 0x%" PRIx64 ")\n", pkt.num,
			       res.verdict, res.ctx.r0);
		if (o->verdicts)
			print_verdict(&c, &pkt, &res);
		if (c.out[res.cls] &&
		    vm_capture_write(c.out[res.cls], res.out, res.out_len, res.out_len, pkt.ts_ns))
			status = 2;
		if (c.progress && (pkt.num & 0x3fff) == 0)
			show_progress(&c, &pkt, 0);
	}
	if (c.progress)
		show_progress(&c, &pkt, 1);
	if (err < 0)
		status = 2; /* reported: a damaged capture */
	if (vm_runner_stats(c.run)->faults > MAX_FAULTS_SHOWN)
		diag_note(&c.d, NULL, "%" PRIu64 " more faults not shown",
			  vm_runner_stats(c.run)->faults - MAX_FAULTS_SHOWN);
	print_summary(&c, prog_path, cap_path);
out:
	for (int k = 0; k < VM_RUNNER_NCLASSES; k++)
		if (vm_capture_writer_close(c.out[k]))
			status = 2;
	vm_capture_close(c.cap);
	vm_runner_free(c.run);
	if (!c.json && c.d.nerrors)
		fprintf(stderr, "%s: %u error%s generated\n", prog_name, c.d.nerrors,
			c.d.nerrors == 1 ? "" : "s");
	diag_fini(&c.d);
	return status;
}

/* ---------------------------------------------------------------- main */

static int parse_num(const char *opt, const char *s, unsigned long long *out)
{
	uint64_t v;

	if (str_to_u64(s, UINT64_MAX, &v)) {
		fprintf(stderr, "%s: %s wants a number, not '%s'\n", prog_name, opt, s);
		return -1;
	}
	*out = v;
	return 0;
}

int main(int argc, char **argv)
{
	enum {
		O_TRACE = 256,
		O_JSON,
		O_SEED,
		O_BUDGET,
		O_CONF,
		O_PLUGIN,
		O_VERSION,
		O_PASS,
		O_DROP,
		O_TX,
		O_REDIRECT,
		O_VERDICTS,
		O_ALL,
		O_IFINDEX,
		O_RXQ,
		O_PROGRESS,
		O_NO_PROGRESS,
		O_VERIFY,
		O_UNPRIV
	};
	static const struct option longopts[] = {
		{"section", required_argument, NULL, 's'},
		{"prog", required_argument, NULL, 'p'},
		{"type", required_argument, NULL, 't'},
		{"count", required_argument, NULL, 'c'},
		{"trace", required_argument, NULL, O_TRACE},
		{"budget", required_argument, NULL, O_BUDGET},
		{"json", no_argument, NULL, O_JSON},
		{"seed", required_argument, NULL, O_SEED},
		{"pass", required_argument, NULL, O_PASS},
		{"drop", required_argument, NULL, O_DROP},
		{"tx", required_argument, NULL, O_TX},
		{"redirect", required_argument, NULL, O_REDIRECT},
		{"verdicts", no_argument, NULL, O_VERDICTS},
		{"all-entries", no_argument, NULL, O_ALL},
		{"ifindex", required_argument, NULL, O_IFINDEX},
		{"rx-queue", required_argument, NULL, O_RXQ},
		{"progress", no_argument, NULL, O_PROGRESS},
		{"no-progress", no_argument, NULL, O_NO_PROGRESS},
		{"verify", no_argument, NULL, O_VERIFY},
		{"unpriv", no_argument, NULL, O_UNPRIV},
		{"conformance", no_argument, NULL, O_CONF},
		{"conformance-plugin", no_argument, NULL, O_PLUGIN},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, O_VERSION},
		{NULL, 0, NULL, 0},
	};
	struct opts o = {0};
	int conf = 0, plugin = 0, c;

	while ((c = getopt_long(argc, argv, "s:p:t:c:h", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			o.section = optarg;
			break;
		case 'p':
			o.prog = optarg;
			break;
		case 't':
			o.type = optarg;
			break;
		case 'c':
			if (parse_num("--count", optarg, &o.count))
				return 2;
			break;
		case O_TRACE:
			if (parse_num("--trace", optarg, &o.trace))
				return 2;
			break;
		case O_BUDGET:
			if (parse_num("--budget", optarg, &o.budget))
				return 2;
			break;
		case O_SEED:
			if (parse_num("--seed", optarg, &o.seed))
				return 2;
			break;
		case O_JSON:
			o.json = 1;
			break;
		case O_PASS:
		case O_DROP:
		case O_TX:
		case O_REDIRECT:
			o.out[c - O_PASS] = optarg;
			break;
		case O_VERDICTS:
			o.verdicts = 1;
			break;
		case O_ALL:
			o.all_entries = 1;
			break;
		case O_IFINDEX:
			if (parse_num("--ifindex", optarg, &o.ifindex) || o.ifindex > UINT32_MAX)
				return 2;
			break;
		case O_RXQ:
			if (parse_num("--rx-queue", optarg, &o.rx_queue) || o.rx_queue > UINT32_MAX)
				return 2;
			break;
		case O_PROGRESS:
			o.progress = 1;
			break;
		case O_NO_PROGRESS:
			o.progress = -1;
			break;
		case O_VERIFY:
			o.verify = 1;
			break;
		case O_UNPRIV:
			o.unpriv = 1;
			break;
		case O_CONF:
			conf = 1;
			break;
		case O_PLUGIN:
			plugin = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case O_VERSION:
			printf("ebpf-run (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (conf && plugin) {
		fprintf(stderr, "%s: --conformance and --conformance-plugin exclude each other\n",
			prog_name);
		return 2;
	}
	if ((conf || plugin) && o.verify) {
		fprintf(stderr,
			"%s: --verify is for a program over a capture (conformance tests "
			"are no programs the kernel would load)\n",
			prog_name);
		return 2;
	}
	if (o.unpriv && !o.verify) {
		fprintf(stderr, "%s: --unpriv goes with --verify\n", prog_name);
		return 2;
	}
	if (plugin)
		return plugin_main(argc, argv, &o);
	if (conf)
		return conformance_main(argc, argv, &o);
	if (argc != 2) {
		fprintf(stderr, "%s: expected a program and a capture\n", prog_name);
		usage(stderr);
		return 2;
	}
	if (o.section && o.prog) {
		fprintf(stderr, "%s: --section and --prog exclude each other\n", prog_name);
		return 2;
	}
	if (o.type && !isa_progtype_by_name(o.type)) {
		fprintf(stderr, "%s: unknown program type '%s'\n", prog_name, o.type);
		return 2;
	}
	if (o.type && isa_progtype_by_name(o.type)->id <= 0) {
		fprintf(stderr, "%s: program type '%s' has no context here\n", prog_name, o.type);
		return 2;
	}
	return capture_main(argv[0], argv[1], &o);
}
