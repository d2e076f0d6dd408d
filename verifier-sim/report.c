/* SPDX-License-Identifier: MIT */
/*
 * report.c - verify the programs of an object and print the verdicts as ebpf-verify does:
 * "NAME: accepted (N instructions processed)", or "NAME: rejected" and the kernel's message
 * at the source line with notes on the cause; --json, one object per program per line.
 * ebpf-verify is this over one file; ebpf-run --verify and ebpf-load --verify call it before
 * they run or load anything.
 */
#include "vsim.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Source texts read for showing lines, kept until the report ends. */
struct sources {
	char *text[64];
	size_t n;
};

static void source_register(struct sources *s, struct diag *d, const char *file)
{
	size_t len;
	char *text;

	if (!file || !*file || diag_source_line(d, file, 1, &(const char *){0}, &len) == 0)
		return;
	if (s->n >= sizeof(s->text) / sizeof(s->text[0]))
		return;
	text = buf_read_path(file, &len);
	if (!text)
		return;
	if (diag_source_add(d, file, text, len)) {
		free(text);
		return;
	}
	s->text[s->n++] = text;
}

static const struct obj_line *line_of(const struct obj *o, const struct vsim_flat *f, int insn)
{
	if (insn < 0 || (size_t)insn >= f->ninsns)
		return NULL;
	return obj_line_find(o, f->origin[insn].sec, (uint32_t)f->origin[insn].off);
}

static void put_json(const struct obj *o, const struct vsim_flat *f, const char *name,
		     const char *sec, const struct vsim_result *r, const char *input,
		     const struct vsim_report_opts *op, FILE *out)
{
	const struct obj_line *l = r->accepted ? NULL : line_of(o, f, r->insn);

	fprintf(out, "{\"prog\":");
	json_put_string(out, name);
	fprintf(out, ",\"section\":");
	json_put_string(out, sec);
	fprintf(out, ",\"verdict\":\"%s\",\"insns_processed\":%llu,\"message\":",
		r->accepted ? "accepted" : "rejected", (unsigned long long)r->insns_processed);
	json_put_string(out, r->accepted ? "" : r->msg);
	if (r->accepted) {
		fprintf(out, ",\"insn\":null,\"line\":null,\"file\":null");
	} else {
		fprintf(out, ",\"insn\":%d,\"line\":%u,\"col\":%u,\"file\":", r->insn,
			l ? l->line : 0, l ? l->col : 0);
		json_put_string(out, l ? obj_str(o, l->file) : input);
		if (r->msg2[0]) {
			fprintf(out, ",\"message2\":");
			json_put_string(out, r->msg2);
		}
		if (r->note[0]) {
			fprintf(out, ",\"note\":");
			json_put_string(out, r->note);
		}
	}
	if (op->log_level) {
		fprintf(out, ",\"log\":");
		fputc('"', out);
		for (size_t i = 0; i < r->log.len; i++) {
			unsigned char c = r->log.data[i];

			if (c == '"' || c == '\\')
				fprintf(out, "\\%c", c);
			else if (c == '\n')
				fprintf(out, "\\n");
			else if (c < 0x20)
				fprintf(out, "\\u%04x", c);
			else
				fputc(c, out);
		}
		fputc('"', out);
	}
	fprintf(out, "}\n");
}

static void put_text(const struct obj *o, const struct vsim_flat *f, const char *name,
		     const struct vsim_result *r, const char *input,
		     const struct vsim_report_opts *op, struct sources *src, FILE *out)
{
	struct diag d;
	struct diag_loc loc = {0}, nloc = {0};
	const struct obj_line *l, *nl;

	if (op->log_level && r->log.len)
		fwrite(r->log.data, 1, r->log.len, out);
	if (r->accepted) {
		fprintf(out, "%s: accepted (%llu instructions processed)\n", name,
			(unsigned long long)r->insns_processed);
		return;
	}
	fprintf(out, "%s: rejected\n", name);
	diag_init(&d);
	l = line_of(o, f, r->insn);
	if (l) {
		loc.file = obj_str(o, l->file);
		loc.line = l->line;
		loc.col = l->col ? l->col : 1;
		source_register(src, &d, loc.file);
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
			source_register(src, &d, nloc.file);
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
				fprintf(out, "%s:%u:%u: note: %s\n", loc.file, loc.line, loc.col,
					m->text);
			else
				fprintf(out, "%s: note: %s\n", loc.file, m->text);
			continue;
		}
		diag_msg_print(&d, m, out, 0);
	}
	diag_fini(&d);
}

int vsim_obj_report(const struct obj *o, const char *input, const struct vsim_report_opts *op,
		    FILE *out)
{
	const char *tool = op->tool ? op->tool : "ebpf-verify";
	int any = 0, rejected = 0, bad = 0, ptype = -1;
	struct sources src = {0};
	struct diag d;

	if (op->type) {
		const struct isa_progtype *t = isa_progtype_by_name(op->type);

		if (!t) {
			fprintf(stderr, "%s: error: unknown program type '%s'\n", tool, op->type);
			return 2;
		}
		ptype = t->id;
	}
	diag_init(&d);
	for (size_t i = 0; i < o->nprogs; i++) {
		const struct obj_prog *p = &o->progs[i];
		struct vsim_flat f;
		struct vsim_prog vp;
		struct vsim_opts vo = {.log_level = op->log_level, .unpriv = op->unpriv};
		struct vsim_result r;
		int err;

		if (op->prog && strcmp(op->prog, p->name) != 0)
			continue;
		any = 1;
		err = vsim_obj_prog_build(o, i, &f, &d);
		if (err) {
			diag_print(&d, stderr, tool, op->json);
			bad = 1;
			continue;
		}
		vsim_flat_prog(o, i, &f, &vp);
		if (ptype >= 0)
			vp.prog_type = ptype;
		if (vp.prog_type == 0) {
			fprintf(stderr,
				"%s: error: prog '%s': section '%s' names no program type; use "
				"--type\n",
				tool, p->name, o->secs[p->sec].name);
			vsim_flat_free(&f);
			bad = 1;
			continue;
		}
		err = vsim_prog_check(&vp, &vo, &r);
		if (err) {
			fprintf(stderr, "%s: error: prog '%s': %s\n", tool, p->name,
				strerror(-err));
			vsim_result_fini(&r);
			vsim_flat_free(&f);
			bad = 1;
			continue;
		}
		if (op->json)
			put_json(o, &f, p->name, o->secs[p->sec].name, &r, input, op, out);
		else
			put_text(o, &f, p->name, &r, input, op, &src, out);
		rejected |= !r.accepted;
		vsim_result_fini(&r);
		vsim_flat_free(&f);
	}
	fflush(out);
	diag_fini(&d);
	for (size_t i = 0; i < src.n; i++)
		free(src.text[i]);
	if (!any) {
		if (op->prog)
			fprintf(stderr, "%s: error: %s: no program named '%s'\n", tool, input,
				op->prog);
		else
			fprintf(stderr, "%s: error: %s: no programs\n", tool, input);
		return 2;
	}
	return bad ? 2 : rejected ? 1 : 0;
}
