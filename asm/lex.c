/* SPDX-License-Identifier: MIT */
/*
 * lex.c - split one line into tokens.
 *
 * Operators are matched longest first from a fixed list. LLVM's signed operators are written
 * with a leading 's' glued to the operator (s>>=, s/=, s%=, s>, s>=, s<, s<=): an 's' directly
 * followed by one of them is lexed as one operator token. A lone "s" symbol followed by a
 * comparison without a space is therefore not expressible; nobody names a label "s".
 */
#include "asm-int.h"

#include <string.h>

static const char *const ops[] = {
	/* longest first */
	"s>>=", "<<=", ">>=", "s>=", "s<=", "s/=", "s%=", "+=", "-=", "*=", "/=", "%=",
	"|=",	"&=",  "^=",  "==",  "!=",  ">=",  "<=",  "<<", ">>", "s>", "s<", ">",
	"<",	"=",   "(",   ")",   "[",   "]",   ",",	  ":",	"*",  "+",  "-",  "/",
	"%",	"&",   "|",   "^",   "~",   "!",   "@",	  "{",	"}",  NULL,
};

static int is_ident_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.' || c == '$';
}

static int is_ident(int c)
{
	return is_ident_start(c) || (c >= '0' && c <= '9');
}

static int digit_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/* Register name? r0..r10 / w0..w10 (no leading zeros). Returns regno or -1. */
static int reg_number(const char *p, size_t len, int *is32)
{
	int n;

	if (len < 2 || len > 3 || (p[0] != 'r' && p[0] != 'w'))
		return -1;
	if (p[1] < '0' || p[1] > '9' || (len == 3 && (p[1] == '0' || p[2] < '0' || p[2] > '9')))
		return -1;
	n = p[1] - '0';
	if (len == 3)
		n = n * 10 + (p[2] - '0');
	if (n > 10)
		return -1;
	*is32 = p[0] == 'w';
	return n;
}

int asm_lex_line(struct asm_state *as, const char *p, const char *end, struct tok *toks, int max)
{
	const char *start = p;
	int n = 0;
	int space = 1;

	while (p < end) {
		struct tok *t;
		int c = (unsigned char)*p;

		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
			p++;
			space = 1;
			continue;
		}
		if (c == '#' || c == ';' || (c == '/' && p + 1 < end && p[1] == '/'))
			break;
		if (c == '/' && p + 1 < end && p[1] == '*') {
			const char *q = p + 2;

			while (q + 1 < end && !(q[0] == '*' && q[1] == '/'))
				q++;
			p = q + 1 < end ? q + 2 : end;
			space = 1;
			continue;
		}
		if (n >= max - 1) {
			asm_err_at(as, as->line, (unsigned)(p - start) + 1, 1,
				   "line has too many tokens (more than %d)", max - 1);
			return -1;
		}
		t = &toks[n];
		memset(t, 0, sizeof(*t));
		t->col = (uint16_t)((p - start) + 1 > 65535 ? 65535 : (p - start) + 1);
		t->p = p;
		t->space = (uint8_t)space;
		space = 0;
		if (c >= '0' && c <= '9') {
			const char *q = p;
			uint64_t v = 0;
			int base = 10, overflow = 0;

			if (q[0] == '0' && q + 1 < end && (q[1] == 'x' || q[1] == 'X')) {
				base = 16;
				q += 2;
				t->hex = 1;
			} else if (q[0] == '0' && q + 1 < end && (q[1] == 'b' || q[1] == 'B') &&
				   q + 2 < end && (q[2] == '0' || q[2] == '1')) {
				base = 2;
				q += 2;
				t->hex = 1;
			}
			const char *digits = q;
			while (q < end && digit_value((unsigned char)*q) < base) {
				uint64_t nv = v * (uint64_t)base +
					      (uint64_t)digit_value((unsigned char)*q);

				if ((v > UINT64_MAX / (uint64_t)base) || nv < v * (uint64_t)base)
					overflow = 1;
				v = nv;
				q++;
			}
			/* numeric local label references: 1b, 1f */
			if (base == 10 && q < end && (*q == 'b' || *q == 'f') &&
			    (q + 1 >= end || !is_ident(q[1]))) {
				t->kind = TK_IDENT;
				t->len = (uint16_t)(q + 1 - p);
				p = q + 1;
				n++;
				continue;
			}
			if (q == digits || (q < end && is_ident(*q))) {
				while (q < end && is_ident(*q))
					q++;
				asm_err_at(as, as->line, t->col, (unsigned)(q - p),
					   "invalid number '%.*s'", (int)(q - p), p);
				return -1;
			}
			if (overflow) {
				asm_err_at(as, as->line, t->col, (unsigned)(q - p),
					   "number '%.*s' does not fit in 64 bits", (int)(q - p),
					   p);
				return -1;
			}
			t->kind = TK_NUM;
			t->num = v;
			t->len = (uint16_t)(q - p);
			p = q;
			n++;
			continue;
		}
		if (c == '"') {
			const char *q = p + 1;

			while (q < end && *q != '"') {
				if (*q == '\\' && q + 1 < end)
					q++;
				q++;
			}
			if (q >= end) {
				asm_err_at(as, as->line, t->col, (unsigned)(end - p),
					   "missing terminating '\"' character");
				return -1;
			}
			t->kind = TK_STR;
			t->p = p + 1;
			t->len = (uint16_t)(q - p - 1);
			p = q + 1;
			n++;
			continue;
		}
		if (c == '%' && p + 1 < end && is_ident_start((unsigned char)p[1])) {
			const char *q = p + 1;
			int is32 = 0, r;

			while (q < end && is_ident(*q))
				q++;
			r = reg_number(p + 1, (size_t)(q - p - 1), &is32);
			t->kind = r >= 0 ? TK_REG : TK_BADREG;
			t->num = r >= 0 ? (uint64_t)r : 0;
			t->is32 = (uint8_t)is32;
			t->len = (uint16_t)(q - p);
			p = q;
			n++;
			continue;
		}
		if (is_ident_start(c) &&
		    !(c == 's' && p + 1 < end && strchr("<>/%", p[1]) && p[1] != '\0')) {
			const char *q = p;
			int is32 = 0, r;

			while (q < end && is_ident(*q))
				q++;
			t->len = (uint16_t)(q - p);
			r = reg_number(p, (size_t)(q - p), &is32);
			if (r >= 0) {
				t->kind = TK_REG;
				t->num = (uint64_t)r;
				t->is32 = (uint8_t)is32;
			} else {
				t->kind = TK_IDENT;
			}
			p = q;
			n++;
			continue;
		}
		for (int i = 0; ops[i]; i++) {
			size_t l;

			if (ops[i][0] != c)
				continue;
			l = strlen(ops[i]);
			if ((size_t)(end - p) >= l && memcmp(p, ops[i], l) == 0) {
				t->kind = TK_PUNCT;
				t->len = (uint16_t)l;
				p += l;
				n++;
				goto next;
			}
		}
		asm_err_at(as, as->line, t->col, 1, "unexpected character '%c'",
			   c >= 0x20 && c < 0x7f ? c : '?');
		return -1;
	next:;
	}
	memset(&toks[n], 0, sizeof(toks[n]));
	toks[n].kind = TK_EOL;
	toks[n].col = (uint16_t)((p - start) + 1 > 65535 ? 65535 : (p - start) + 1);
	toks[n].p = p;
	return n;
}
