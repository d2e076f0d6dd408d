/* SPDX-License-Identifier: MIT */
/*
 * lex.h - tokens of one source line. Comments (#, ;, //, and /- * ... * -/ within a line) are
 * dropped; the token array always ends with a TK_EOL token whose column is the end of the
 * line, so error messages can point past the last operand.
 */
#ifndef EBPF_LEX_H
#define EBPF_LEX_H

#include <stdint.h>

enum tok_kind {
	TK_EOL,
	TK_IDENT,  /* names, directives (.section), mnemonics */
	TK_NUM,	   /* integer literal: num, hex set for 0x literals */
	TK_STR,	   /* "..." : p/len are the raw text between the quotes */
	TK_REG,	   /* r0..r10, w0..w10, %r0..: num = register, is32 for w */
	TK_BADREG, /* %r11, %x: a '%' name that is no register */
	TK_PUNCT,  /* operators and punctuation: text in p/len */
};

struct tok {
	uint8_t kind;
	uint8_t hex;   /* TK_NUM: written in hex */
	uint8_t is32;  /* TK_REG: a w register */
	uint8_t space; /* whitespace precedes this token */
	uint16_t col;  /* 1-based byte column */
	uint16_t len;
	const char *p;
	uint64_t num;
};

/* Is t the punctuation s? */
static inline int tok_is(const struct tok *t, const char *s)
{
	unsigned i;

	if (t->kind != TK_PUNCT && t->kind != TK_IDENT)
		return 0;
	for (i = 0; i < t->len; i++)
		if (s[i] != t->p[i])
			return 0;
	return s[i] == '\0';
}

#define ASM_MAX_TOKS 96

#endif
