/* SPDX-License-Identifier: MIT */
/* diag.c - diagnostics: collect, then print as GNU text or JSON (see diag.h). */
#include "diag.h"
#include "mem.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void diag_init(struct diag *d)
{
	memset(d, 0, sizeof(*d));
}

void diag_fini(struct diag *d)
{
	for (size_t i = 0; i < d->nmsgs; i++) {
		mem_free(d->msgs[i].file);
		mem_free(d->msgs[i].text);
	}
	for (size_t i = 0; i < d->nsrcs; i++)
		mem_free(d->srcs[i].name);
	mem_free(d->msgs);
	mem_free(d->srcs);
	memset(d, 0, sizeof(*d));
}

int diag_source_add(struct diag *d, const char *name, const char *text, size_t len)
{
	struct diag_src *s = mem_array(d->srcs, &d->srccap, d->nsrcs + 1, sizeof(*s));

	if (!s)
		return -ENOMEM;
	d->srcs = s;
	s = &d->srcs[d->nsrcs];
	s->name = mem_strdup(name);
	if (!s->name)
		return -ENOMEM;
	s->text = text;
	s->len = len;
	d->nsrcs++;
	return 0;
}

void diag_vreport(struct diag *d, enum diag_level level, const struct diag_loc *loc,
		  const char *fmt, va_list ap)
{
	struct diag_msg *m;
	char tmp[512];
	va_list aq;
	int n;

	if (level == DIAG_ERROR)
		d->nerrors++;
	else if (level == DIAG_WARNING)
		d->nwarnings++;
	m = mem_array(d->msgs, &d->cap, d->nmsgs + 1, sizeof(*m));
	if (!m)
		return;
	d->msgs = m;
	m = &d->msgs[d->nmsgs];
	memset(m, 0, sizeof(*m));
	m->level = level;
	va_copy(aq, ap);
	n = vsnprintf(tmp, sizeof(tmp), fmt, aq);
	va_end(aq);
	if (n < 0)
		n = 0;
	m->text = mem_alloc((size_t)n + 1);
	if (!m->text)
		return;
	vsnprintf(m->text, (size_t)n + 1, fmt, ap);
	if (loc && loc->file) {
		m->file = mem_strdup(loc->file);
		m->line = loc->line;
		m->col = loc->col;
		m->len = loc->len;
	}
	d->nmsgs++;
	if (d->sink)
		d->sink(d, m, d->sink_arg);
}

void diag_report(struct diag *d, enum diag_level level, const struct diag_loc *loc, const char *fmt,
		 ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vreport(d, level, loc, fmt, ap);
	va_end(ap);
}

int diag_source_line(const struct diag *d, const char *file, unsigned line, const char **text,
		     size_t *len)
{
	for (size_t i = 0; i < d->nsrcs; i++) {
		const struct diag_src *s = &d->srcs[i];
		const char *p = s->text, *end = s->text + s->len;

		if (strcmp(s->name, file) != 0)
			continue;
		for (unsigned l = 1; l < line && p < end; l++) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			if (!nl)
				return -ENOENT;
			p = nl + 1;
		}
		if (p > end || (p == end && line > 1))
			return -ENOENT;
		{
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

			if (n && p[n - 1] == '\r')
				n--;
			*text = p;
			*len = n;
		}
		return 0;
	}
	return -ENOENT;
}

static const char *level_name(enum diag_level l)
{
	return l == DIAG_ERROR ? "error" : l == DIAG_WARNING ? "warning" : "note";
}

void diag_msg_print(const struct diag *d, const struct diag_msg *m, FILE *f, int color)
{
	const char *text;
	size_t len;
	const char *lc = m->level == DIAG_ERROR	    ? "\033[1;31m"
			 : m->level == DIAG_WARNING ? "\033[1;35m"
						    : "\033[1;36m";

	if (m->file) {
		if (m->line)
			fprintf(f, "%s%s:%u:%u: ", color ? "\033[1m" : "", m->file, m->line,
				m->col);
		else
			fprintf(f, "%s%s: ", color ? "\033[1m" : "", m->file);
	}
	fprintf(f, "%s%s:%s %s%s\n", color ? lc : "", level_name(m->level),
		color ? "\033[0m\033[1m" : "", m->text ? m->text : "(out of memory)",
		color ? "\033[0m" : "");
	if (!m->file || !m->line || diag_source_line(d, m->file, m->line, &text, &len))
		return;
	/* Source line, then a caret under column col, '~' under the rest of the span. Tabs
	 * in the source are kept in the caret line so the two stay aligned. */
	fprintf(f, "%5u | %.*s\n      | ", m->line, (int)len, text);
	for (unsigned c = 1; c < m->col && c - 1 < len; c++)
		fputc(text[c - 1] == '\t' ? '\t' : ' ', f);
	if (color)
		fputs("\033[1;32m", f);
	fputc('^', f);
	for (unsigned c = 1; c < m->len; c++)
		fputc('~', f);
	if (color)
		fputs("\033[0m", f);
	fputc('\n', f);
}

void json_put_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		default:
			if (c < 0x20)
				fprintf(f, "\\u%04x", c);
			else
				fputc(c, f);
		}
	}
	fputc('"', f);
}

void diag_msg_print_json(const struct diag_msg *m, FILE *f)
{
	fputs("{\"type\":\"diagnostic\",\"level\":", f);
	json_put_string(f, level_name(m->level));
	if (m->file) {
		fputs(",\"file\":", f);
		json_put_string(f, m->file);
		fprintf(f, ",\"line\":%u,\"column\":%u", m->line, m->col);
	}
	fputs(",\"message\":", f);
	json_put_string(f, m->text ? m->text : "(out of memory)");
	fputs("}\n", f);
}

void diag_print(const struct diag *d, FILE *f, const char *prog, int json)
{
	for (size_t i = 0; i < d->nmsgs; i++) {
		if (json)
			diag_msg_print_json(&d->msgs[i], f);
		else
			diag_msg_print(d, &d->msgs[i], f, 0);
	}
	if (!json && d->nerrors && prog)
		fprintf(f, "%s: %u error%s generated\n", prog, d->nerrors,
			d->nerrors == 1 ? "" : "s");
}
