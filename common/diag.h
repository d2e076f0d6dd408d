/* SPDX-License-Identifier: MIT */
/*
 * diag.h - the one diagnostics engine. Libraries report into a struct diag; programs print
 * it (GNU text with the source line and a caret, or JSON objects) and tests inspect it.
 *
 *   xdp_drop.s:12:5: error: unknown register 'r11'
 *      12 |     r11 = 1
 *         |     ^~~
 *   ebpf-as: 1 error generated
 *
 * Messages are kept in order. A location names a file, a 1-based line and byte column, and
 * the length of the span to underline (0 or 1: caret only). Source lines are shown for files
 * registered with diag_source_add(); the text must outlive the struct diag.
 */
#ifndef EBPF_DIAG_H
#define EBPF_DIAG_H

#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>

enum diag_level { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };

struct diag_loc {
	const char *file; /* NULL: no location */
	unsigned line, col, len;
};

struct diag_msg {
	enum diag_level level;
	char *file; /* owned copy, or NULL */
	unsigned line, col, len;
	char *text;
};

struct diag_src {
	char *name;
	const char *text;
	size_t len;
};

struct diag {
	struct diag_msg *msgs;
	size_t nmsgs, cap;
	unsigned nerrors, nwarnings;
	struct diag_src *srcs;
	size_t nsrcs, srccap;
	/* Optional: called for each message as it is reported (streaming front-ends). */
	void (*sink)(const struct diag *d, const struct diag_msg *m, void *arg);
	void *sink_arg;
};

void diag_init(struct diag *d);
void diag_fini(struct diag *d);

/* Register source text so messages can show their line. Returns 0 or -ENOMEM. */
int diag_source_add(struct diag *d, const char *name, const char *text, size_t len);

/* Report a message; @loc may be NULL. Allocation failure drops the text but still counts. */
void diag_report(struct diag *d, enum diag_level level, const struct diag_loc *loc, const char *fmt,
		 ...) __attribute__((format(printf, 4, 5)));
void diag_vreport(struct diag *d, enum diag_level level, const struct diag_loc *loc,
		  const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));

#define diag_error(d, loc, ...)	  diag_report((d), DIAG_ERROR, (loc), __VA_ARGS__)
#define diag_warning(d, loc, ...) diag_report((d), DIAG_WARNING, (loc), __VA_ARGS__)
#define diag_note(d, loc, ...)	  diag_report((d), DIAG_NOTE, (loc), __VA_ARGS__)

/* The text of line @line of @file, without its newline. Returns 0, or -ENOENT. */
int diag_source_line(const struct diag *d, const char *file, unsigned line, const char **text,
		     size_t *len);

/* Print one message as GNU text (with source line and caret when the source is known). */
void diag_msg_print(const struct diag *d, const struct diag_msg *m, FILE *f, int color);
/* Print one message as a JSON object on one line. */
void diag_msg_print_json(const struct diag_msg *m, FILE *f);

/*
 * diag_print - print every message, then "PROG: N errors generated" when there were errors
 * (text mode). With @json, one JSON object per line instead, and no summary line.
 */
void diag_print(const struct diag *d, FILE *f, const char *prog, int json);

/* JSON string escaping, shared by every --json writer. */
void json_put_string(FILE *f, const char *s);

#endif
