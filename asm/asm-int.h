/* SPDX-License-Identifier: MIT */
/*
 * asm-int.h - the assembler's internal state, shared by lex.c, parse.c and directive.c.
 *
 * One pass over the source, line by line. Instructions are encoded as soon as they are
 * parsed; what cannot be known yet (labels defined later, symbol sizes, relocations) is a
 * fixup resolved when the file ends. Labels live in one open-addressing hash table; a label
 * becomes an ELF symbol unless it is private (.L or LBB prefix, as LLVM's BPF target).
 * Errors are reported with their column and the line is abandoned: the next line starts
 * afresh, so every error in the file is reported.
 */
#ifndef EBPF_ASM_INT_H
#define EBPF_ASM_INT_H

#include <stdint.h>

#include "asm.h"
#include "lex.h"

struct label {
	const char *name; /* points into the source text or the label arena */
	uint32_t len;
	int sec;       /* section index, OBJ_SEC_ABS for .set constants, OBJ_SEC_UNDEF if not yet */
	uint64_t off;  /* offset in sec, or the value of a constant */
	uint64_t size; /* from .size */
	int sym;       /* obj symbol index, or -1 */
	uint8_t defined, global, weak, type, size_set, used, is_private, is_map;
	unsigned line, col; /* where defined (or first used, if never defined) */
};

/* An expression: val + plus - minus, where plus/minus are label indices (or -1). */
struct expr {
	int64_t val;
	int plus, minus;
	uint8_t hex; /* a hex literal took part: immediates may then use all 32 bits */
};

enum fixup_kind {
	FX_JMP16,  /* off field: target - (insn + 1), in instructions */
	FX_JMP32,  /* imm field of gotol */
	FX_CALL,   /* imm of a pseudo call; another section needs an R_BPF_64_32 */
	FX_LDDW,   /* lddw of a symbol: R_BPF_64_64 */
	FX_FUNC,   /* lddw src=4: imm = target - (insn + 1) */
	FX_DATA32, /* .long expr */
	FX_DATA64, /* .quad expr */
	FX_DATA16,
	FX_DATA8,
	FX_SIZE, /* .size label, expr */
};

struct fixup {
	uint8_t kind;
	int sec;
	uint64_t off; /* of the instruction or datum; FX_SIZE: label index */
	struct expr e;
	unsigned line, col, len;
};

/* A relocation line from `llvm-objdump -dr` output, applied when the file ends. */
struct pending_rel {
	int sec;
	uint64_t off;
	uint32_t type;
	int label;
	unsigned line;
};

struct asm_state {
	struct obj *o;
	struct diag *d;
	const char *file;
	unsigned line;
	const char *line_text; /* the current line, for line info */
	size_t line_len;
	int sec;	  /* current section, -1 before the first */
	int seen_objdump; /* the input is llvm-objdump output: a line had "N:\tbytes\t" */

	struct label *labels;
	size_t nlabels, labels_cap;
	uint32_t *htab; /* label index + 1, 0 = empty */
	size_t hcap;

	struct fixup *fixups;
	size_t nfixups, fixups_cap;
	struct pending_rel *prels;
	size_t nprels, prels_cap;

	int *secsym; /* section symbol per section, -1 until needed */
	size_t secsym_cap;
	/* offset + 1 of the first exit per section: the classic dialect's "ja exit" goes there
	 * when no label is named "exit" */
	uint64_t *first_exit;
	size_t first_exit_cap;

	/* numeric local labels 0..99: how many times each was defined */
	unsigned local_count[100];
	char *arena; /* names we make up (numeric labels, ".") */
	size_t arena_len, arena_cap;
	int nomem;
};

/* lex.c */
int asm_lex_line(struct asm_state *as, const char *p, const char *end, struct tok *toks, int max);

/* directive.c */
int asm_directive(struct asm_state *as, struct tok *t, int n);
int asm_section_switch(struct asm_state *as, const char *name, size_t len, const char *flags,
		       int type_hint, struct tok *at);
int asm_section_ensure_text(struct asm_state *as);
void asm_finish(struct asm_state *as);

/* parse.c */
int asm_label_get(struct asm_state *as, const char *name, size_t len);
int asm_label_define(struct asm_state *as, const char *name, size_t len, int sec, uint64_t off,
		     struct tok *at);
int asm_expr_parse(struct asm_state *as, struct tok *t, int n, int *i, struct expr *e);
int asm_expr_const(struct asm_state *as, const struct expr *e, int64_t *v);
void asm_err(struct asm_state *as, const struct tok *t, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void asm_err_at(struct asm_state *as, unsigned line, unsigned col, unsigned len, const char *fmt,
		...) __attribute__((format(printf, 5, 6)));
int asm_fixup_add(struct asm_state *as, enum fixup_kind kind, int sec, uint64_t off,
		  const struct expr *e, const struct tok *at);
char *asm_name_make(struct asm_state *as, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int asm_section_symbol(struct asm_state *as, int sec);

#endif
