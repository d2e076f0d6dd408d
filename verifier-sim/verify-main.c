/* SPDX-License-Identifier: MIT */
/*
 * verify-main.c - ebpf-verify: run verifier-sim over every program of an object (or of a .s
 * file, assembled on the fly) and say, per program, what the kernel's verifier would.
 *
 * Output, text: "NAME: accepted (N instructions processed)", or "NAME: rejected" and then
 * the error at its source line (the kernel's wording) with notes on the cause. --json: one
 * object per program per line. Exit: 0 all accepted, 1 any rejected, 2 bad input.
 */
#include "vsim.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../asm/asm.h"
#include "../common/mem.h"
#include "config.h"

struct opts {
	const char *prog, *type;
	int log_level, json, unpriv;
};

static void usage(FILE *f)
{
	fputs("Usage: ebpf-verify [OPTION]... FILE.o|FILE.s\n"
	      "Verify every program of an eBPF object offline, as the kernel's verifier would,\n"
	      "and explain each rejection at its source line.\n"
	      "\n"
	      "      --prog NAME      verify only the program NAME\n"
	      "      --type TYPE      verify as program type TYPE (xdp, socket_filter, sched_cls,\n"
	      "                       tracepoint, raw_tracepoint, kprobe, ...) whatever the "
	      "section\n"
	      "      --log-level N    1: print the verifier log; 2: with register and stack state\n"
	      "                       after every instruction\n"
	      "      --json           one JSON object per program per line\n"
	      "      --unpriv         verify as an unprivileged user would be verified\n"
	      "  -h, --help           show this help and exit\n"
	      "      --version        show the version and exit\n"
	      "\n"
	      "A FILE.s is assembled first (as ebpf-as does).\n"
	      "Exit status: 0 all accepted, 1 any rejected, 2 usage or input errors.\n",
	      f);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = {0};
	int err;

	if (!f)
		return NULL;
	err = buf_read_file(&b, f);
	fclose(f);
	if (err) {
		buf_free(&b);
		if (err == -ENOMEM)
			errno = ENOMEM;
		return NULL;
	}
	*len = b.len;
	return (char *)b.data;
}

/* Source texts read for line display; freed at exit. */
static char *srcs[64];
static size_t nsrcs;

static void source_register(struct diag *d, const char *file)
{
	size_t len;
	char *text;

	if (!file || !*file || diag_source_line(d, file, 1, &(const char *){0}, &len) == 0)
		return;
	if (nsrcs >= sizeof(srcs) / sizeof(srcs[0]))
		return;
	text = read_file(file, &len);
	if (!text)
		return;
	if (diag_source_add(d, file, text, len)) {
		free(text);
		return;
	}
	srcs[nsrcs++] = text;
}

static const struct obj_line *line_of(const struct obj *o, const struct vsim_flat *f, int insn)
{
	if (insn < 0 || (size_t)insn >= f->ninsns)
		return NULL;
	return obj_line_find(o, f->origin[insn].sec, (uint32_t)f->origin[insn].off);
}

static void put_json(const struct obj *o, const struct vsim_flat *f, const char *name,
		     const char *sec, const struct vsim_result *r, const char *input,
		     const struct opts *op)
{
	const struct obj_line *l = r->accepted ? NULL : line_of(o, f, r->insn);

	printf("{\"prog\":");
	json_put_string(stdout, name);
	printf(",\"section\":");
	json_put_string(stdout, sec);
	printf(",\"verdict\":\"%s\",\"insns_processed\":%llu,\"message\":",
	       r->accepted ? "accepted" : "rejected", (unsigned long long)r->insns_processed);
	json_put_string(stdout, r->accepted ? "" : r->msg);
	if (r->accepted) {
		printf(",\"insn\":null,\"line\":null,\"file\":null");
	} else {
		printf(",\"insn\":%d,\"line\":%u,\"col\":%u,\"file\":", r->insn, l ? l->line : 0,
		       l ? l->col : 0);
		json_put_string(stdout, l ? obj_str(o, l->file) : input);
		if (r->msg2[0]) {
			printf(",\"message2\":");
			json_put_string(stdout, r->msg2);
		}
		if (r->note[0]) {
			printf(",\"note\":");
			json_put_string(stdout, r->note);
		}
	}
	if (op->log_level) {
		printf(",\"log\":");
		fwrite("\"", 1, 1, stdout);
		for (size_t i = 0; i < r->log.len; i++) {
			unsigned char c = r->log.data[i];

			if (c == '"' || c == '\\')
				printf("\\%c", c);
			else if (c == '\n')
				printf("\\n");
			else if (c < 0x20)
				printf("\\u%04x", c);
			else
				putchar(c);
		}
		putchar('"');
	}
	printf("}\n");
}

static void put_text(const struct obj *o, const struct vsim_flat *f, const char *name,
		     const struct vsim_result *r, const char *input, const struct opts *op)
{
	struct diag d;
	struct diag_loc loc = {0}, nloc = {0};
	const struct obj_line *l, *nl;

	if (op->log_level && r->log.len)
		fwrite(r->log.data, 1, r->log.len, stdout);
	if (r->accepted) {
		printf("%s: accepted (%llu instructions processed)\n", name,
		       (unsigned long long)r->insns_processed);
		return;
	}
	printf("%s: rejected\n", name);
	diag_init(&d);
	l = line_of(o, f, r->insn);
	if (l) {
		loc.file = obj_str(o, l->file);
		loc.line = l->line;
		loc.col = l->col ? l->col : 1;
		source_register(&d, loc.file);
		diag_error(&d, &loc, "%s", r->msg);
	} else if (r->insn >= 0) {
		loc.file = input;
		diag_error(&d, &loc, "%s (insn %d)", r->msg, r->insn);
	} else {
		loc.file = input;
		diag_error(&d, &loc, "%s", r->msg);
	}
	/* Notes about the same instruction go without its source line again. */
	if (r->msg2[0])
		diag_note(&d, NULL, "%s", r->msg2);
	if (r->note[0]) {
		nl = line_of(o, f, r->note_insn);
		if (nl && nl != l) {
			nloc.file = obj_str(o, nl->file);
			nloc.line = nl->line;
			nloc.col = nl->col ? nl->col : 1;
			source_register(&d, nloc.file);
			diag_note(&d, &nloc, "%s", r->note);
		} else {
			diag_note(&d, NULL, "%s", r->note);
		}
	}
	for (size_t i = 0; i < d.nmsgs; i++) {
		const struct diag_msg *m = &d.msgs[i];

		if (!m->file && loc.file) {
			/* a note on the error's own instruction: its location, no source */
			if (loc.line)
				printf("%s:%u:%u: note: %s\n", loc.file, loc.line, loc.col,
				       m->text);
			else
				printf("%s: note: %s\n", loc.file, m->text);
			continue;
		}
		diag_msg_print(&d, m, stdout, 0);
	}
	diag_fini(&d);
}

static int verify_obj(struct obj *o, const char *input, const struct opts *op)
{
	int any = 0, rejected = 0, bad = 0, ptype = -1;
	struct diag d;

	if (op->type) {
		const struct isa_progtype *t = isa_progtype_by_name(op->type);

		if (!t) {
			fprintf(stderr, "ebpf-verify: error: unknown program type '%s'\n",
				op->type);
			return 2;
		}
		ptype = t->id;
	}
	diag_init(&d);
	for (size_t i = 0; i < o->nprogs; i++) {
		const struct obj_prog *p = &o->progs[i];
		struct vsim_flat f;
		struct vsim_prog vp = {0};
		struct vsim_opts vo = {.log_level = op->log_level, .unpriv = op->unpriv};
		struct vsim_result r;
		int err;

		if (op->prog && strcmp(op->prog, p->name) != 0)
			continue;
		any = 1;
		err = vsim_obj_prog_build(o, i, &f, &d);
		if (err) {
			diag_print(&d, stderr, "ebpf-verify", 0);
			bad = 1;
			continue;
		}
		vp.name = p->name;
		vp.insns = f.insns;
		vp.ninsns = f.ninsns;
		vp.prog_type = ptype >= 0 ? ptype : p->prog_type;
		vp.expected_attach_type = p->expected_attach_type;
		vp.maps = f.maps;
		vp.nmaps = f.nmaps;
		vp.gpl = vsim_license_is_gpl(o->license);
		if (vp.prog_type == 0) {
			fprintf(stderr,
				"ebpf-verify: error: prog '%s': section '%s' names no program "
				"type; "
				"use --type\n",
				p->name, o->secs[p->sec].name);
			vsim_flat_free(&f);
			bad = 1;
			continue;
		}
		err = vsim_prog_check(&vp, &vo, &r);
		if (err) {
			fprintf(stderr, "ebpf-verify: error: prog '%s': %s\n", p->name,
				strerror(-err));
			vsim_result_fini(&r);
			vsim_flat_free(&f);
			bad = 1;
			continue;
		}
		if (op->json)
			put_json(o, &f, p->name, o->secs[p->sec].name, &r, input, op);
		else
			put_text(o, &f, p->name, &r, input, op);
		rejected |= !r.accepted;
		vsim_result_fini(&r);
		vsim_flat_free(&f);
	}
	fflush(stdout);
	diag_fini(&d);
	if (!any) {
		if (op->prog)
			fprintf(stderr, "ebpf-verify: error: %s: no program named '%s'\n", input,
				op->prog);
		else
			fprintf(stderr, "ebpf-verify: error: %s: no programs\n", input);
		return 2;
	}
	return bad ? 2 : rejected ? 1 : 0;
}

int main(int argc, char **argv)
{
	static const struct option lopts[] = {
		{"prog", required_argument, NULL, 'p'},	     {"type", required_argument, NULL, 't'},
		{"log-level", required_argument, NULL, 'l'}, {"json", no_argument, NULL, 'j'},
		{"unpriv", no_argument, NULL, 'u'},	     {"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},	     {NULL, 0, NULL, 0},
	};
	struct opts op = {0};
	const char *in;
	struct diag d;
	struct obj *o = NULL;
	char *text = NULL;
	size_t len, n;
	int c, ret;

	while ((c = getopt_long(argc, argv, "h", lopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			op.prog = optarg;
			break;
		case 't':
			op.type = optarg;
			break;
		case 'l':
			if (strcmp(optarg, "0") && strcmp(optarg, "1") && strcmp(optarg, "2")) {
				fprintf(stderr, "ebpf-verify: error: --log-level takes 1 or 2\n");
				return 2;
			}
			op.log_level = atoi(optarg);
			break;
		case 'j':
			op.json = 1;
			break;
		case 'u':
			op.unpriv = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("ebpf-verify (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "ebpf-verify: %s\n",
			optind == argc ? "no input file" : "more than one input file");
		usage(stderr);
		return 2;
	}
	in = argv[optind];
	diag_init(&d);
	n = strlen(in);
	if (n > 2 && (strcmp(in + n - 2, ".s") == 0 || strcmp(in + n - 2, ".S") == 0)) {
		struct obj *a = obj_new();
		void *data = NULL;
		size_t dl;

		text = read_file(in, &len);
		if (!text) {
			fprintf(stderr, "ebpf-verify: error: %s: %s\n", in, strerror(errno));
			obj_free(a);
			return 2;
		}
		/* Assemble, then read the object back: the same path as a .o from disk. */
		if (!a || asm_source_assemble(in, text, len, a, &d) ||
		    obj_write_mem(a, &data, &dl, &d) || obj_read_mem(data, dl, in, &o, &d)) {
			diag_print(&d, stderr, "ebpf-verify", op.json);
			obj_free(a);
			free(data);
			diag_fini(&d);
			free(text);
			return 2;
		}
		obj_free(a);
		free(data);
	} else if (obj_read_file(in, &o, &d)) {
		diag_print(&d, stderr, "ebpf-verify", op.json);
		diag_fini(&d);
		return 2;
	}
	ret = verify_obj(o, in, &op);
	obj_free(o);
	diag_fini(&d);
	free(text);
	for (size_t i = 0; i < nsrcs; i++)
		free(srcs[i]);
	return ret;
}
