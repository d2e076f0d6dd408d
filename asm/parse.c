/* SPDX-License-Identifier: MIT */
/*
 * parse.c - instructions in both syntaxes, labels, expressions, and the line loop.
 *
 * A line is: labels ("name:", "1:"), then a directive, a symbol assignment or an
 * instruction. Which syntax an instruction is in is decided by its first tokens: a register
 * followed by an operator, "if", "goto", "*(", "lock *(" are LLVM pseudo-C; a mnemonic from
 * the classic column of insn.def is classic; "call", "exit" read the same in both.
 *
 * Mnemonics and operators are found through one hash table built from insn.def at first use
 * (key: syntax family + spelling), so adding a row to insn.def teaches both parsers.
 *
 * Also accepted: lines of `llvm-objdump -d [-r]` output ("  12:\t07 01 00 ...\tr1 += 1"),
 * whose address and bytes are dropped, "<sym+0x10>" annotations, "Disassembly of section X:"
 * and "0000000000000000 <sym>:" headers, and relocation lines, which become relocations.
 */
#define _GNU_SOURCE /* memmem */
#include "asm-int.h"
#include "../common/mem.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#ifndef SHF_EXECINSTR
#define SHF_EXECINSTR 0x4
#endif

/* ---------------------------------------------------------------- diagnostics */

void asm_err_at(struct asm_state *as, unsigned line, unsigned col, unsigned len, const char *fmt,
		...)
{
	struct diag_loc loc = {as->file, line, col ? col : 1, len};
	va_list ap;

	va_start(ap, fmt);
	diag_vreport(as->d, DIAG_ERROR, &loc, fmt, ap);
	va_end(ap);
}

void asm_err(struct asm_state *as, const struct tok *t, const char *fmt, ...)
{
	struct diag_loc loc = {as->file, as->line, t->col ? t->col : 1,
			       t->kind == TK_EOL ? 1 : (t->kind == TK_STR ? t->len + 2u : t->len)};
	va_list ap;

	va_start(ap, fmt);
	diag_vreport(as->d, DIAG_ERROR, &loc, fmt, ap);
	va_end(ap);
}

/* The text of a token for messages. */
#define TOKF(t)                                                                                    \
	(int)((t)->kind == TK_EOL ? 11 : (t)->len), ((t)->kind == TK_EOL ? "end of line" : (t)->p)

/* ---------------------------------------------------------------- names and labels */

char *asm_name_make(struct asm_state *as, const char *fmt, ...)
{
	char tmp[128];
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0 || n >= (int)sizeof(tmp))
		return NULL;
	/* The arena is a list of blocks: names must not move once handed out. */
	if (as->arena_len + (size_t)n + 1 > as->arena_cap) {
		size_t cap = 65536;
		char **blk = mem_alloc(sizeof(char *) + cap);

		if (!blk) {
			as->nomem = 1;
			return NULL;
		}
		*blk = as->arena;
		as->arena = (char *)blk;
		as->arena_len = sizeof(char *);
		as->arena_cap = sizeof(char *) + cap;
	}
	p = as->arena + as->arena_len;
	memcpy(p, tmp, (size_t)n + 1);
	as->arena_len += (size_t)n + 1;
	return p;
}

static uint32_t name_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint8_t)s[i]) * 16777619u;
	return h;
}

static int htab_grow(struct asm_state *as)
{
	size_t ncap = as->hcap ? as->hcap * 2 : 1024;
	uint32_t *nt = mem_alloc(ncap * sizeof(*nt));

	if (!nt)
		return -ENOMEM;
	for (size_t i = 0; i < as->nlabels; i++) {
		size_t h = name_hash(as->labels[i].name, as->labels[i].len) & (ncap - 1);

		while (nt[h])
			h = (h + 1) & (ncap - 1);
		nt[h] = (uint32_t)i + 1;
	}
	mem_free(as->htab);
	as->htab = nt;
	as->hcap = ncap;
	return 0;
}

/* Index of the label with this name, created (undefined) if new; -1 on ENOMEM. */
int asm_label_get(struct asm_state *as, const char *name, size_t len)
{
	size_t h;
	struct label *l;

	if ((as->nlabels + 1) * 2 > as->hcap && htab_grow(as)) {
		as->nomem = 1;
		return -1;
	}
	h = name_hash(name, len) & (as->hcap - 1);
	while (as->htab[h]) {
		l = &as->labels[as->htab[h] - 1];
		if (l->len == len && memcmp(l->name, name, len) == 0)
			return (int)as->htab[h] - 1;
		h = (h + 1) & (as->hcap - 1);
	}
	l = mem_array(as->labels, &as->labels_cap, as->nlabels + 1, sizeof(*l));
	if (!l) {
		as->nomem = 1;
		return -1;
	}
	as->labels = l;
	l = &as->labels[as->nlabels];
	memset(l, 0, sizeof(*l));
	l->name = name;
	l->len = (uint32_t)len;
	l->sec = OBJ_SEC_UNDEF;
	l->sym = -1;
	l->line = as->line;
	l->is_private = (len >= 2 && name[0] == '.' && name[1] == 'L') ||
			(len >= 3 && memcmp(name, "LBB", 3) == 0) ||
			(len && name[0] >= '0' && name[0] <= '9');
	as->htab[h] = (uint32_t)as->nlabels + 1;
	return (int)as->nlabels++;
}

int asm_label_define(struct asm_state *as, const char *name, size_t len, int sec, uint64_t off,
		     struct tok *at)
{
	int i = asm_label_get(as, name, len);
	struct label *l;

	if (i < 0)
		return -ENOMEM;
	l = &as->labels[i];
	if (l->defined) {
		asm_err(as, at, "label '%.*s' is already defined", (int)len, name);
		struct diag_loc prev = {as->file, l->line, l->col, l->len};

		diag_note(as->d, &prev, "previous definition of '%.*s' is here", (int)len, name);
		return -EINVAL;
	}
	l->defined = 1;
	l->sec = sec;
	l->off = off;
	l->line = as->line;
	l->col = at ? at->col : 1;
	return i;
}

/* Resolve "1b"/"1f" (numeric local labels) to the label's made-up name. */
static int local_label_ref(struct asm_state *as, const struct tok *t)
{
	unsigned num = 0;
	char dir = t->p[t->len - 1];
	unsigned count;
	char *name;

	for (unsigned i = 0; i + 1 < t->len; i++)
		num = num * 10 + (unsigned)(t->p[i] - '0');
	if (num >= 100) {
		asm_err(as, t, "numeric local labels go from 0 to 99");
		return -1;
	}
	count = as->local_count[num] + (dir == 'f');
	if (dir == 'b' && count == 0) {
		asm_err(as, t, "no previous definition of local label '%u'", num);
		return -1;
	}
	name = asm_name_make(as, "%u\002%u", num, count);
	return name ? asm_label_get(as, name, strlen(name)) : -1;
}

static int label_ref(struct asm_state *as, const struct tok *t)
{
	int i;

	if (t->len >= 2 && t->p[0] >= '0' && t->p[0] <= '9')
		return local_label_ref(as, t);
	i = asm_label_get(as, t->p, t->len);
	if (i >= 0 && !as->labels[i].used && !as->labels[i].defined) {
		as->labels[i].line = as->line;
		as->labels[i].col = t->col;
	}
	if (i >= 0)
		as->labels[i].used = 1;
	return i;
}

int asm_section_symbol(struct asm_state *as, int sec)
{
	int *p;

	p = mem_array(as->secsym, &as->secsym_cap, (size_t)sec + 1, sizeof(int));
	if (!p) {
		as->nomem = 1;
		return -1;
	}
	as->secsym = p;
	/* mem_array zero-fills: store index + 1 */
	if (!as->secsym[sec]) {
		int s = obj_sym_add(as->o, "", sec, 0, 0, 0 /* STB_LOCAL */, 3 /* STT_SECTION */);

		if (s < 0) {
			as->nomem = 1;
			return -1;
		}
		as->secsym[sec] = s + 1;
	}
	return as->secsym[sec] - 1;
}

/* ---------------------------------------------------------------- expressions */

static int parse_binary(struct asm_state *as, struct tok *t, int n, int *i, struct expr *e,
			int minprec);

static int is_reserved_word(const struct tok *t)
{
	return tok_is(t, "ll") || tok_is(t, "goto") || tok_is(t, "gotol");
}

static int parse_primary(struct asm_state *as, struct tok *t, int n, int *i, struct expr *e)
{
	struct tok *c = &t[*i];

	memset(e, 0, sizeof(*e));
	e->plus = e->minus = -1;
	if (c->kind == TK_NUM) {
		e->val = (int64_t)c->num;
		e->hex = c->hex;
		(*i)++;
		return 0;
	}
	if (tok_is(c, "(")) {
		(*i)++;
		if (parse_binary(as, t, n, i, e, 0))
			return -1;
		if (!tok_is(&t[*i], ")")) {
			asm_err(as, &t[*i], "expected ')'");
			return -1;
		}
		(*i)++;
		return 0;
	}
	if (tok_is(c, "-") || tok_is(c, "~") || tok_is(c, "+") || tok_is(c, "!")) {
		char op = c->p[0];

		(*i)++;
		if (parse_primary(as, t, n, i, e))
			return -1;
		if (op == '+')
			return 0;
		if (e->plus >= 0 || e->minus >= 0) {
			asm_err(as, c, "a symbol cannot be negated or complemented");
			return -1;
		}
		e->val = op == '-'   ? (int64_t)(0 - (uint64_t)e->val)
			 : op == '~' ? ~e->val
				     : !e->val;
		return 0;
	}
	if (c->kind == TK_IDENT && !is_reserved_word(c)) {
		int l;

		if (tok_is(c, ".")) {
			if (as->sec < 0 && asm_section_ensure_text(as))
				return -1;
			char *name = asm_name_make(as, ".\001%zu", as->nlabels);
			if (!name)
				return -1;
			l = asm_label_get(as, name, strlen(name));
			if (l < 0)
				return -1;
			as->labels[l].defined = 1;
			as->labels[l].is_private = 1;
			as->labels[l].sec = as->sec;
			as->labels[l].off = obj_sec_size(&as->o->secs[as->sec]);
		} else {
			l = label_ref(as, c);
			if (l < 0)
				return -1;
		}
		/* a constant from .set is folded right away */
		if (as->labels[l].defined && as->labels[l].sec == OBJ_SEC_ABS) {
			e->val = (int64_t)as->labels[l].off;
		} else {
			e->plus = l;
		}
		(*i)++;
		return 0;
	}
	if (c->kind == TK_REG) {
		asm_err(as, c, "expected an expression, found register '%.*s'", TOKF(c));
		return -1;
	}
	asm_err(as, c, "expected an expression, found '%.*s'", TOKF(c));
	return -1;
}

static int binop_prec(const struct tok *t)
{
	if (t->kind != TK_PUNCT)
		return -1;
	if (tok_is(t, "|"))
		return 1;
	if (tok_is(t, "^"))
		return 2;
	if (tok_is(t, "&"))
		return 3;
	if (tok_is(t, "<<") || tok_is(t, ">>"))
		return 4;
	if (tok_is(t, "+") || tok_is(t, "-"))
		return 5;
	if (tok_is(t, "*") || tok_is(t, "/") || tok_is(t, "%"))
		return 6;
	return -1;
}

static int parse_binary(struct asm_state *as, struct tok *t, int n, int *i, struct expr *e,
			int minprec)
{
	if (parse_primary(as, t, n, i, e))
		return -1;
	for (;;) {
		struct tok *op = &t[*i];
		int prec = binop_prec(op);
		struct expr r;
		uint64_t a, b;

		if (prec < 0 || prec <= minprec - 1 || prec < minprec)
			return 0;
		(*i)++;
		if (parse_binary(as, t, n, i, &r, prec + 1))
			return -1;
		e->hex |= r.hex;
		a = (uint64_t)e->val;
		b = (uint64_t)r.val;
		if (op->p[0] == '+' || op->p[0] == '-') {
			int sign = op->p[0] == '+';

			e->val = (int64_t)(sign ? a + b : a - b);
			/* symbol algebra: A + B, A - B; at most one of each side survives */
			int rp = sign ? r.plus : r.minus, rm = sign ? r.minus : r.plus;

			if (rp >= 0) {
				if (e->minus == rp)
					e->minus = -1;
				else if (e->plus < 0)
					e->plus = rp;
				else
					goto not_const;
			}
			if (rm >= 0) {
				if (e->plus == rm)
					e->plus = -1;
				else if (e->minus < 0)
					e->minus = rm;
				else
					goto not_const;
			}
			continue;
		}
		if (e->plus >= 0 || e->minus >= 0 || r.plus >= 0 || r.minus >= 0)
			goto not_const;
		switch (op->p[0]) {
		case '|':
			e->val = (int64_t)(a | b);
			break;
		case '^':
			e->val = (int64_t)(a ^ b);
			break;
		case '&':
			e->val = (int64_t)(a & b);
			break;
		case '<':
			e->val = b >= 64 ? 0 : (int64_t)(a << b);
			break;
		case '>':
			e->val = b >= 64 ? 0 : (int64_t)(a >> b);
			break;
		case '*':
			e->val = (int64_t)(a * b);
			break;
		case '/':
		case '%':
			if (b == 0) {
				asm_err(as, op, "division by zero in expression");
				return -1;
			}
			if (e->val == INT64_MIN && r.val == -1)
				e->val = op->p[0] == '/' ? INT64_MIN : 0;
			else
				e->val = op->p[0] == '/' ? e->val / r.val : e->val % r.val;
			break;
		}
		continue;
	not_const:
		asm_err(as, op, "expression is not a constant or a symbol plus a constant");
		return -1;
	}
}

int asm_expr_parse(struct asm_state *as, struct tok *t, int n, int *i, struct expr *e)
{
	return parse_binary(as, t, n, i, e, 0);
}

/* Fold A - B when both are defined in one section. Returns 1 if e is now constant. */
static int expr_fold(struct asm_state *as, struct expr *e)
{
	if (e->plus >= 0 && e->minus >= 0) {
		struct label *a = &as->labels[e->plus], *b = &as->labels[e->minus];

		if (a->defined && b->defined && a->sec == b->sec) {
			e->val += (int64_t)(a->off - b->off);
			e->plus = e->minus = -1;
		}
	}
	return e->plus < 0 && e->minus < 0;
}

int asm_expr_const(struct asm_state *as, const struct expr *e, int64_t *v)
{
	struct expr c = *e;

	if (!expr_fold(as, &c))
		return -1;
	*v = c.val;
	return 0;
}

int asm_fixup_add(struct asm_state *as, enum fixup_kind kind, int sec, uint64_t off,
		  const struct expr *e, const struct tok *at)
{
	struct fixup *f = mem_array(as->fixups, &as->fixups_cap, as->nfixups + 1, sizeof(*f));

	if (!f) {
		as->nomem = 1;
		return -ENOMEM;
	}
	as->fixups = f;
	f = &as->fixups[as->nfixups++];
	f->kind = (uint8_t)kind;
	f->sec = sec;
	f->off = off;
	f->e = *e;
	f->line = as->line;
	f->col = at ? at->col : 1;
	f->len = at ? at->len : 1;
	return 0;
}

/* ---------------------------------------------------------------- spelling lookup */

/*
 * Families of spellings: one hash table maps (family, text) to a row of insn.def. Family
 * numbers encode what the parser knows when it looks: the syntax construct, the register
 * width and whether the operand is a register or an immediate.
 */
enum fam {
	FAM_CLASSIC,	       /* classic mnemonic (several rows share one: add imm/reg) */
	FAM_CLASSIC_LOCK,      /* classic atomic after "lock": "add", "fetch add32", "xchg" */
	FAM_ALU,	       /* + w*4 + reg*2: LLVM "op=" */
	FAM_JMP = FAM_ALU + 8, /* + w*4 + reg*2: LLVM comparison */
	FAM_LDX = FAM_JMP + 8, /* "u32", "s16" */
	FAM_ST,
	FAM_STX,
	FAM_ATOMIC,			/* + w: "+=" */
	FAM_ATOMIC_FN = FAM_ATOMIC + 2, /* "atomic_fetch_add", "xchg_64" */
	FAM_END,			/* "be16", "bswap64" */
	FAM_MOVSX,			/* + w: "s8" */
	FAM_LDDW = FAM_MOVSX + 2,	/* "map_fd" */
	FAM_LDABS,
	FAM_LDIND,
	FAM_COUNT
};

struct spelling {
	const char *text;
	uint16_t op;
	uint8_t fam;
};

#define SPELL_CAP 1024
static struct spelling spell_tab[SPELL_CAP];
static int spell_ready;

static uint32_t spell_hash(int fam, const char *s, size_t n)
{
	return (name_hash(s, n) ^ ((uint32_t)fam * 0x9e3779b1u)) & (SPELL_CAP - 1);
}

static void spell_add(int fam, const char *text, int op)
{
	uint32_t h = spell_hash(fam, text, strlen(text));

	while (spell_tab[h].text) {
		if (spell_tab[h].fam == fam && strcmp(spell_tab[h].text, text) == 0)
			return; /* first row wins (classic: the imm/reg variants are chained) */
		h = (h + 1) & (SPELL_CAP - 1);
	}
	spell_tab[h].text = text;
	spell_tab[h].op = (uint16_t)op;
	spell_tab[h].fam = (uint8_t)fam;
}

static int spell_find(int fam, const char *s, size_t n)
{
	uint32_t h = spell_hash(fam, s, n);

	while (spell_tab[h].text) {
		if (spell_tab[h].fam == fam && strncmp(spell_tab[h].text, s, n) == 0 &&
		    spell_tab[h].text[n] == '\0')
			return spell_tab[h].op;
		h = (h + 1) & (SPELL_CAP - 1);
	}
	return ISA_INVALID;
}

static void spell_init(void)
{
	if (spell_ready)
		return;
	for (int op = 1; op < ISA_OP_COUNT; op++) {
		const struct isa_opinfo *o = &isa_ops[op];
		int w = isa_op_is_32bit((enum isa_op)op);

		if (o->shape >= ISA_SH_ATOMIC && o->shape <= ISA_SH_CMPXCHG)
			spell_add(FAM_CLASSIC_LOCK, o->classic, op);
		else
			spell_add(FAM_CLASSIC, o->classic, op);
		switch (o->shape) {
		case ISA_SH_ALU_IMM:
		case ISA_SH_ALU_REG:
			spell_add(FAM_ALU + w * 4 + (o->shape == ISA_SH_ALU_REG) * 2, o->llvm, op);
			break;
		case ISA_SH_JMP_IMM:
		case ISA_SH_JMP_REG:
			spell_add(FAM_JMP + w * 4 + (o->shape == ISA_SH_JMP_REG) * 2, o->llvm, op);
			break;
		case ISA_SH_LDX:
			spell_add(FAM_LDX, o->llvm, op);
			break;
		case ISA_SH_ST:
			spell_add(FAM_ST, o->llvm, op);
			break;
		case ISA_SH_STX:
			spell_add(FAM_STX, o->llvm, op);
			break;
		case ISA_SH_ATOMIC:
			spell_add(FAM_ATOMIC + (ISA_SIZE(o->code) == ISA_SIZE_W), o->llvm, op);
			break;
		case ISA_SH_ATOMIC_FETCH:
		case ISA_SH_XCHG:
		case ISA_SH_CMPXCHG:
			/* atomic_fetch_add exists in both widths: the size cast decides */
			spell_add(FAM_ATOMIC_FN + (ISA_SIZE(o->code) == ISA_SIZE_W), o->llvm, op);
			break;
		case ISA_SH_END:
			spell_add(FAM_END, o->llvm, op);
			break;
		case ISA_SH_MOVSX:
			spell_add(FAM_MOVSX + w, o->llvm, op);
			break;
		case ISA_SH_LDDW:
			if (o->llvm[0])
				spell_add(FAM_LDDW, o->llvm, op);
			break;
		case ISA_SH_LDABS:
			spell_add(FAM_LDABS, o->llvm, op);
			break;
		case ISA_SH_LDIND:
			spell_add(FAM_LDIND, o->llvm, op);
			break;
		default:
			break;
		}
	}
	spell_ready = 1;
}

/* ---------------------------------------------------------------- instruction emission */

/* What one parsed instruction needs besides its fields. */
struct pinsn {
	struct isa_insn in;
	int fx_kind; /* -1: none */
	struct expr fx;
	const struct tok *fx_tok;
};

static void pinsn_init(struct pinsn *p)
{
	memset(p, 0, sizeof(*p));
	p->fx_kind = -1;
	p->fx.plus = p->fx.minus = -1;
}

static int check_imm32(struct asm_state *as, const struct tok *t, const struct expr *e,
		       const char *what)
{
	int64_t v = e->val;

	if (e->plus >= 0 || e->minus >= 0) {
		asm_err(as, t, "%s must be a constant", what);
		return -1;
	}
	/* Decimal immediates are signed 32-bit; hex (and binary) may use the full 32 bits. */
	if (v >= INT32_MIN && v <= INT32_MAX)
		return 0;
	if (e->hex && v >= 0 && v <= (int64_t)UINT32_MAX)
		return 0;
	if (e->hex)
		asm_err(as, t, "%s %#" PRIx64 " out of range [-0x80000000, 0xffffffff]", what,
			(uint64_t)v);
	else
		asm_err(as, t, "%s %" PRId64 " out of range [-2147483648, 2147483647]", what, v);
	return -1;
}

static int check_off16(struct asm_state *as, const struct tok *t, int64_t v, const char *what)
{
	if (v >= INT16_MIN && v <= INT16_MAX)
		return 0;
	asm_err(as, t, "%s %" PRId64 " out of range [-32768, 32767]", what, v);
	return -1;
}

/* Emit the parsed instruction into the current section, with line info and any fixup. */
static int emit(struct asm_state *as, struct pinsn *p, const struct tok *first)
{
	struct obj_sec *s;
	struct isa_raw raw[2];
	int slots;
	uint64_t off;

	if (as->sec < 0 && asm_section_ensure_text(as))
		return -1;
	s = &as->o->secs[as->sec];
	if (s->type == 8 /* SHT_NOBITS */) {
		asm_err(as, first, "instruction in section '%s', which holds no data", s->name);
		return -1;
	}
	off = s->data.len;
	if (off % 8) {
		asm_err(as, first,
			"instruction at offset %" PRIu64
			" of '%s' is not 8-byte aligned (use .p2align 3)",
			off, s->name);
		return -1;
	}
	slots = isa_insn_encode(&p->in, raw);
	if (buf_append(&s->data, raw, (size_t)slots * 8)) {
		as->nomem = 1;
		return -1;
	}
	s->size = s->data.len;
	if (!(s->flags & SHF_EXECINSTR))
		s->flags |= SHF_EXECINSTR | 0x2 /* SHF_ALLOC */;
	if (obj_line_add(as->o, as->sec, (uint32_t)off, as->file, as->line, first->col,
			 as->line_text, as->line_len) < 0) {
		as->nomem = 1;
		return -1;
	}
	if (p->in.op == ISA_EXIT) {
		uint64_t *fe = mem_array(as->first_exit, &as->first_exit_cap, (size_t)as->sec + 1,
					 sizeof(*fe));

		if (!fe) {
			as->nomem = 1;
			return -1;
		}
		as->first_exit = fe;
		if (!fe[as->sec])
			fe[as->sec] = off + 1;
	}
	if (p->fx_kind >= 0 &&
	    asm_fixup_add(as, (enum fixup_kind)p->fx_kind, as->sec, off, &p->fx, p->fx_tok))
		return -1;
	return 0;
}

/* ---------------------------------------------------------------- operand helpers */

struct cur {
	struct asm_state *as;
	struct tok *t;
	int n, i;
};

static struct tok *peek(struct cur *c)
{
	return &c->t[c->i];
}

static int accept(struct cur *c, const char *s)
{
	if (tok_is(&c->t[c->i], s)) {
		c->i++;
		return 1;
	}
	return 0;
}

static int expect(struct cur *c, const char *s)
{
	if (accept(c, s))
		return 0;
	asm_err(c->as, peek(c), "expected '%s', found '%.*s'", s, TOKF(peek(c)));
	return -1;
}

/* A register; @want32: 0 r only, 1 w only, -1 either (then *is32 tells). */
static int reg(struct cur *c, int want32, int *is32)
{
	struct tok *t = peek(c);

	if (t->kind == TK_REG) {
		if (want32 >= 0 && t->is32 != want32) {
			asm_err(c->as, t, "expected a %s register, found '%.*s'",
				want32 ? "32-bit (w)" : "64-bit (r)", TOKF(t));
			return -1;
		}
		if (is32)
			*is32 = t->is32;
		c->i++;
		return (int)t->num;
	}
	if (t->kind == TK_BADREG ||
	    (t->kind == TK_IDENT && t->len >= 2 && (t->p[0] == 'r' || t->p[0] == 'w') &&
	     t->p[1] >= '0' && t->p[1] <= '9')) {
		asm_err(c->as, t, "unknown register '%.*s' (registers are r0 to r10)", TOKF(t));
		return -1;
	}
	asm_err(c->as, t, "expected a register, found '%.*s'", TOKF(t));
	return -1;
}

static int at_end(struct cur *c)
{
	if (peek(c)->kind == TK_EOL)
		return 0;
	asm_err(c->as, peek(c), "unexpected '%.*s' after the instruction", TOKF(peek(c)));
	return -1;
}

/* An immediate expression (constant, 32 bits). */
static int imm32(struct cur *c, int32_t *out, const char *what)
{
	struct tok *t = peek(c);
	struct expr e;

	if (t->kind == TK_EOL) {
		asm_err(c->as, t, "expected %s", what);
		return -1;
	}
	if (asm_expr_parse(c->as, c->t, c->n, &c->i, &e))
		return -1;
	expr_fold(c->as, &e);
	if (check_imm32(c->as, t, &e, what))
		return -1;
	*out = (int32_t)(uint32_t)(uint64_t)e.val;
	return 0;
}

/* "+ expr" / "- expr" of a memory offset; none means 0. */
static int mem_off(struct cur *c, int16_t *off)
{
	struct tok *t = peek(c);
	struct expr e;
	int neg;

	if (!tok_is(t, "+") && !tok_is(t, "-")) {
		*off = 0;
		return 0;
	}
	neg = t->p[0] == '-';
	c->i++;
	if (asm_expr_parse(c->as, c->t, c->n, &c->i, &e))
		return -1;
	if (!expr_fold(c->as, &e)) {
		asm_err(c->as, t, "memory offset must be a constant");
		return -1;
	}
	if (neg)
		e.val = (int64_t)(0 - (uint64_t)e.val);
	if (check_off16(c->as, t + 1, e.val, "offset"))
		return -1;
	*off = (int16_t)e.val;
	return 0;
}

/*
 * A jump target: "+N"/"-N"/"N" (instructions, relative to the next one) or a label
 * (possibly "label + N"). Fills p->in.off (or imm for gotol) or a fixup.
 */
static int jump_target(struct cur *c, struct pinsn *p, int wide)
{
	struct tok *t = peek(c);
	struct expr e;

	if (t->kind == TK_EOL) {
		asm_err(c->as, t, "expected a jump target (a label or +offset)");
		return -1;
	}
	if (t->kind == TK_IDENT && !(t->len == 2 && t->p[0] == 'p' && t->p[1] == 'c')) {
		if (asm_expr_parse(c->as, c->t, c->n, &c->i, &e))
			return -1;
		if (e.plus < 0 || e.minus >= 0) {
			asm_err(c->as, t, "jump target must be a label or an offset");
			return -1;
		}
		p->fx_kind = wide ? FX_JMP32 : FX_JMP16;
		p->fx = e;
		p->fx_tok = t;
	} else {
		if (asm_expr_parse(c->as, c->t, c->n, &c->i, &e))
			return -1;
		if (!expr_fold(c->as, &e)) {
			asm_err(c->as, t, "jump offset must be a constant or a label");
			return -1;
		}
		if (wide) {
			if (e.val < INT32_MIN || e.val > INT32_MAX) {
				asm_err(c->as, t, "jump offset %" PRId64 " out of range for gotol",
					e.val);
				return -1;
			}
			p->in.imm = (int32_t)e.val;
		} else {
			if (e.val < INT16_MIN || e.val > INT16_MAX) {
				asm_err(c->as, t,
					"jump offset %" PRId64
					" out of range [-32768, 32767] (use gotol)",
					e.val);
				return -1;
			}
			p->in.off = (int16_t)e.val;
		}
	}
	/* llvm-objdump annotation: "<sym+0x58>" */
	if (tok_is(peek(c), "<")) {
		while (peek(c)->kind != TK_EOL && !tok_is(peek(c), ">"))
			c->i++;
		accept(c, ">");
	}
	return 0;
}

/* ---------------------------------------------------------------- call (both syntaxes) */

static int parse_call(struct cur *c, struct pinsn *p, int classic)
{
	struct tok *t = peek(c);
	const struct isa_helper *h;
	int32_t imm;

	if (t->kind == TK_REG) { /* classic "call %r2" is callx */
		int r = reg(c, -1, NULL);

		if (r < 0)
			return -1;
		isa_insn_make(&p->in, ISA_CALLX, r, 0, 0, 0);
		return at_end(c);
	}
	if (tok_is(t, "local") || (t->len == 2 && t->p[0] == 'p' && t->p[1] == 'c')) {
		int pc = t->p[0] == 'p';

		c->i++;
		isa_insn_make(&p->in, ISA_CALL_LOCAL, 0, 0, 0, 0);
		if (pc && !tok_is(peek(c), "+") && !tok_is(peek(c), "-")) {
			asm_err(c->as, peek(c), "expected '+' or '-' after 'call pc'");
			return -1;
		}
		if (peek(c)->kind == TK_IDENT) {
			struct expr e;
			struct tok *lt = peek(c);

			if (asm_expr_parse(c->as, c->t, c->n, &c->i, &e))
				return -1;
			p->fx_kind = FX_CALL;
			p->fx = e;
			p->fx_tok = lt;
			return at_end(c);
		}
		if (imm32(c, &imm, "call offset"))
			return -1;
		p->in.imm = imm;
		return at_end(c);
	}
	if (tok_is(t, "kfunc")) {
		c->i++;
		if (imm32(c, &imm, "kfunc BTF id"))
			return -1;
		isa_insn_make(&p->in, ISA_CALL_KFUNC, 0, 0, 0, imm);
		return at_end(c);
	}
	if (t->kind == TK_IDENT) {
		/* isa_helper_by_name takes a C string */
		char tmp[128];

		h = NULL;
		if (t->len < sizeof(tmp)) {
			memcpy(tmp, t->p, t->len);
			tmp[t->len] = '\0';
			h = isa_helper_by_name(tmp);
		}
		if (h) {
			c->i++;
			isa_insn_make(&p->in, ISA_CALL, 0, 0, 0, h->id);
			return at_end(c);
		}
		/* a function: bpf-to-bpf call */
		struct expr e;

		if (asm_expr_parse(c->as, c->t, c->n, &c->i, &e))
			return -1;
		if (e.plus < 0 || e.minus >= 0) {
			asm_err(c->as, t, "call target must be a helper, a number or a function");
			return -1;
		}
		isa_insn_make(&p->in, ISA_CALL_LOCAL, 0, 0, 0, 0);
		p->fx_kind = FX_CALL;
		p->fx = e;
		p->fx_tok = t;
		return at_end(c);
	}
	(void)classic;
	if (imm32(c, &imm, "helper number"))
		return -1;
	isa_insn_make(&p->in, ISA_CALL, 0, 0, 0, imm);
	return at_end(c);
}

/* ---------------------------------------------------------------- lddw values */

/*
 * The value of lddw in either syntax: a constant (64 bits), a symbol (map or global data:
 * an R_BPF_64_64 relocation), or a pseudo source: map_fd(N), map_value(N, OFF), btf_id(N),
 * func(+N | label), map_idx(N), map_idx_value(N, OFF).
 */
static int lddw_value(struct cur *c, struct pinsn *p, int dst)
{
	struct tok *t = peek(c);
	struct expr e;
	int op;

	if (t->kind == TK_IDENT && tok_is(&c->t[c->i + 1], "(") &&
	    (op = spell_find(FAM_LDDW, t->p, t->len)) != ISA_INVALID) {
		int32_t a = 0, b = 0;

		c->i += 2;
		if (op == ISA_LDDW_FUNC) {
			struct tok *lt = peek(c);

			isa_insn_make(&p->in, (enum isa_op)op, dst, 0, 0, 0);
			if (lt->kind == TK_IDENT) {
				if (asm_expr_parse(c->as, c->t, c->n, &c->i, &e))
					return -1;
				p->fx_kind = FX_FUNC;
				p->fx = e;
				p->fx_tok = lt;
			} else if (imm32(c, &a, "function offset")) {
				return -1;
			}
			/* the offset is the low half only: the high half stays zero */
			p->in.imm64 = (int64_t)(uint32_t)a;
			p->in.imm = a;
			return expect(c, ")");
		}
		if (imm32(c, &a, "map fd or index"))
			return -1;
		if (op == ISA_LDDW_MAP_VALUE || op == ISA_LDDW_MAP_IDX_VALUE) {
			if (expect(c, ",") || imm32(c, &b, "value offset"))
				return -1;
		}
		if (expect(c, ")"))
			return -1;
		isa_insn_make(&p->in, (enum isa_op)op, dst, 0, 0, 0);
		p->in.imm64 = (int64_t)(((uint64_t)(uint32_t)b << 32) | (uint32_t)a);
		p->in.imm = a;
		return 0;
	}
	if (asm_expr_parse(c->as, c->t, c->n, &c->i, &e))
		return -1;
	isa_insn_make(&p->in, ISA_LDDW, dst, 0, 0, 0);
	if (!expr_fold(c->as, &e)) {
		if (e.minus >= 0) {
			asm_err(c->as, t, "lddw takes a constant or a symbol plus a constant");
			return -1;
		}
		p->fx_kind = FX_LDDW;
		p->fx = e;
		p->fx_tok = t;
		return 0;
	}
	p->in.imm64 = e.val;
	p->in.imm = (int32_t)(uint32_t)(uint64_t)e.val;
	return 0;
}

/* ---------------------------------------------------------------- LLVM syntax */

/* "(rN + off)" after a size cast. */
static int llvm_memref(struct cur *c, int *r, int16_t *off)
{
	if (expect(c, "("))
		return -1;
	*r = reg(c, 0, NULL);
	if (*r < 0 || mem_off(c, off))
		return -1;
	return expect(c, ")");
}

/* "*(u32 *)" : returns the size spelling token, or NULL. */
static struct tok *llvm_cast(struct cur *c)
{
	struct tok *sz;

	if (expect(c, "*") || expect(c, "("))
		return NULL;
	sz = peek(c);
	if (sz->kind != TK_IDENT) {
		asm_err(c->as, sz, "expected a size (u8, u16, u32, u64), found '%.*s'", TOKF(sz));
		return NULL;
	}
	c->i++;
	if (expect(c, "*") || expect(c, ")"))
		return NULL;
	return sz;
}

static int size_op(struct cur *c, int fam, struct tok *sz)
{
	int op = spell_find(fam, sz->p, sz->len);

	if (op == ISA_INVALID)
		asm_err(c->as, sz, "invalid access size '%.*s' here", TOKF(sz));
	return op;
}

/* "*(u32 *)(r1 + 4) = r2 | imm" */
static int llvm_store(struct cur *c, struct pinsn *p)
{
	struct tok *sz = llvm_cast(c);
	int16_t off;
	int r, op;

	if (!sz || llvm_memref(c, &r, &off) || expect(c, "="))
		return -1;
	if (peek(c)->kind == TK_REG) {
		int is32, s = reg(c, -1, &is32);

		op = size_op(c, FAM_STX, sz);
		if (s < 0 || op == ISA_INVALID)
			return -1;
		isa_insn_make(&p->in, (enum isa_op)op, r, s, off, 0);
	} else {
		int32_t imm;

		op = size_op(c, FAM_ST, sz);
		if (op == ISA_INVALID || imm32(c, &imm, "immediate"))
			return -1;
		isa_insn_make(&p->in, (enum isa_op)op, r, 0, off, imm);
	}
	return at_end(c);
}

/* "lock *(u64 *)(r1 + 0) += r2" */
static int llvm_lock(struct cur *c, struct pinsn *p)
{
	struct tok *sz = llvm_cast(c), *opt;
	int16_t off;
	int r, s, op, w;

	if (!sz || llvm_memref(c, &r, &off))
		return -1;
	if (!tok_is(sz, "u64") && !tok_is(sz, "u32")) {
		asm_err(c->as, sz, "atomic operations are 32 or 64 bits wide (u32 or u64)");
		return -1;
	}
	w = tok_is(sz, "u32");
	opt = peek(c);
	op = opt->kind == TK_PUNCT ? spell_find(FAM_ATOMIC + w, opt->p, opt->len) : ISA_INVALID;
	if (op == ISA_INVALID) {
		asm_err(c->as, opt, "expected an atomic operator (+= |= &= ^=), found '%.*s'",
			TOKF(opt));
		return -1;
	}
	c->i++;
	s = reg(c, -1, NULL);
	if (s < 0)
		return -1;
	isa_insn_make(&p->in, (enum isa_op)op, r, s, off, 0);
	return at_end(c);
}

/* "if rX OP rY|imm goto T" */
static int llvm_if(struct cur *c, struct pinsn *p)
{
	int is32, d, op;
	struct tok *opt;

	d = reg(c, -1, &is32);
	if (d < 0)
		return -1;
	opt = peek(c);
	if (opt->kind != TK_PUNCT) {
		asm_err(c->as, opt, "expected a comparison operator, found '%.*s'", TOKF(opt));
		return -1;
	}
	c->i++;
	if (peek(c)->kind == TK_REG) {
		int s = reg(c, is32, NULL);

		op = spell_find(FAM_JMP + is32 * 4 + 2, opt->p, opt->len);
		if (s < 0)
			return -1;
		if (op == ISA_INVALID)
			goto badop;
		isa_insn_make(&p->in, (enum isa_op)op, d, s, 0, 0);
	} else {
		int32_t imm;

		op = spell_find(FAM_JMP + is32 * 4, opt->p, opt->len);
		if (op == ISA_INVALID)
			goto badop;
		if (imm32(c, &imm, "immediate"))
			return -1;
		isa_insn_make(&p->in, (enum isa_op)op, d, 0, 0, imm);
	}
	if (expect(c, "goto") || jump_target(c, p, 0))
		return -1;
	return at_end(c);
badop:
	asm_err(c->as, opt, "unknown comparison '%.*s'", TOKF(opt));
	return -1;
}

/* Everything that starts with "rX =" or "wX =". */
static int llvm_assign(struct cur *c, struct pinsn *p, int d, int is32)
{
	struct tok *t = peek(c);
	int op;

	/* rX = -rX */
	if (tok_is(t, "-") && c->t[c->i + 1].kind == TK_REG) {
		c->i++;
		int s = reg(c, is32, NULL);

		if (s < 0)
			return -1;
		if (s != d) {
			asm_err(c->as, t + 1, "negation must use the destination register");
			return -1;
		}
		isa_insn_make(&p->in, is32 ? ISA_NEG32 : ISA_NEG64, d, 0, 0, 0);
		return at_end(c);
	}
	/* rX = (s8)rY */
	if (tok_is(t, "(") && c->t[c->i + 1].kind == TK_IDENT && tok_is(&c->t[c->i + 2], ")") &&
	    c->t[c->i + 3].kind == TK_REG) {
		struct tok *ct = &c->t[c->i + 1];

		op = spell_find(FAM_MOVSX + is32, ct->p, ct->len);
		if (op == ISA_INVALID) {
			asm_err(c->as, ct, "invalid sign-extension cast '(%.*s)'", TOKF(ct));
			return -1;
		}
		c->i += 3;
		int s = reg(c, is32, NULL);
		if (s < 0)
			return -1;
		isa_insn_make(&p->in, (enum isa_op)op, d, s, 0, 0);
		return at_end(c);
	}
	/* rX = *(u32 *)(rY + off)   or   r0 = *(u8 *)skb[...] */
	if (tok_is(t, "*") && tok_is(&c->t[c->i + 1], "(")) {
		struct tok *sz = llvm_cast(c);
		int16_t off;
		int s;

		if (!sz)
			return -1;
		if (peek(c)->kind == TK_IDENT && tok_is(peek(c), "skb")) {
			struct tok *st = peek(c);

			c->i++;
			if (expect(c, "["))
				return -1;
			if (d != 0) {
				asm_err(c->as, st, "legacy packet loads always load into r0");
				return -1;
			}
			if (peek(c)->kind == TK_REG) {
				int32_t imm = 0;

				op = size_op(c, FAM_LDIND, sz);
				s = reg(c, 0, NULL);
				if (op == ISA_INVALID || s < 0)
					return -1;
				if (tok_is(peek(c), "+") || tok_is(peek(c), "-")) {
					int neg = peek(c)->p[0] == '-';

					c->i++;
					if (imm32(c, &imm, "packet offset"))
						return -1;
					if (neg)
						imm = (int32_t)(0 - (uint32_t)imm);
				}
				isa_insn_make(&p->in, (enum isa_op)op, 0, s, 0, imm);
			} else {
				int32_t imm;

				op = size_op(c, FAM_LDABS, sz);
				if (op == ISA_INVALID || imm32(c, &imm, "packet offset"))
					return -1;
				isa_insn_make(&p->in, (enum isa_op)op, 0, 0, 0, imm);
			}
			if (expect(c, "]"))
				return -1;
			return at_end(c);
		}
		op = size_op(c, FAM_LDX, sz);
		if (op == ISA_INVALID || llvm_memref(c, &s, &off))
			return -1;
		isa_insn_make(&p->in, (enum isa_op)op, d, s, off, 0);
		return at_end(c);
	}
	if (t->kind == TK_IDENT && tok_is(&c->t[c->i + 1], "(")) {
		/* rX = atomic_fetch_add((u64 *)(rY + off), rX), xchg_64(rY + off, rX),
		 * r0 = cmpxchg_64(rY + off, r0, rX) */
		int fam = FAM_ATOMIC_FN + is32;

		op = spell_find(fam, t->p, t->len);
		if (op != ISA_INVALID) {
			const struct isa_opinfo *o = &isa_ops[op];
			int r, s;
			int16_t off;

			c->i += 2;
			if (o->shape == ISA_SH_ATOMIC_FETCH) {
				struct tok *sz;

				if (expect(c, "("))
					return -1;
				sz = peek(c);
				if (!tok_is(sz, is32 ? "u32" : "u64")) {
					asm_err(c->as, sz, "expected '%s'", is32 ? "u32" : "u64");
					return -1;
				}
				c->i++;
				if (expect(c, "*") || expect(c, ")") || llvm_memref(c, &r, &off))
					return -1;
			} else {
				r = reg(c, 0, NULL);
				if (r < 0 || mem_off(c, &off))
					return -1;
			}
			if (expect(c, ","))
				return -1;
			if (o->shape == ISA_SH_CMPXCHG) {
				struct tok *rt = peek(c);
				int r0 = reg(c, is32, NULL);

				if (r0 < 0)
					return -1;
				if (r0 != 0 || d != 0) {
					asm_err(c->as, r0 ? rt : t,
						"cmpxchg compares with and returns in r0");
					return -1;
				}
				if (expect(c, ","))
					return -1;
			}
			struct tok *st = peek(c);
			s = reg(c, is32, NULL);
			if (s < 0 || expect(c, ")"))
				return -1;
			if (o->shape != ISA_SH_CMPXCHG && s != d) {
				asm_err(c->as, st,
					"the operand register must be the destination register");
				return -1;
			}
			isa_insn_make(&p->in, (enum isa_op)op, r, s, off, 0);
			return at_end(c);
		}
		if (spell_find(FAM_LDDW, t->p, t->len) != ISA_INVALID) {
			if (is32) {
				asm_err(c->as, t, "lddw loads a 64-bit register");
				return -1;
			}
			if (lddw_value(c, p, d) || expect(c, "ll"))
				return -1;
			return at_end(c);
		}
	}
	/* rX = be16 rX */
	if (t->kind == TK_IDENT && c->t[c->i + 1].kind == TK_REG &&
	    (op = spell_find(FAM_END, t->p, t->len)) != ISA_INVALID) {
		c->i++;
		int s = reg(c, -1, NULL);

		if (s < 0)
			return -1;
		if (s != d) {
			asm_err(c->as, t + 1, "byte swap must use the destination register");
			return -1;
		}
		isa_insn_make(&p->in, (enum isa_op)op, d, 0, 0, 0);
		return at_end(c);
	}
	/* rX = rY */
	if (t->kind == TK_REG) {
		int s = reg(c, is32, NULL);

		if (s < 0)
			return -1;
		isa_insn_make(&p->in, is32 ? ISA_MOV32_REG : ISA_MOV64_REG, d, s, 0, 0);
		return at_end(c);
	}
	/* rX = expr ll   |   rX = imm */
	{
		int save = c->i;
		struct expr e;

		if (asm_expr_parse(c->as, c->t, c->n, &c->i, &e))
			return -1;
		if (tok_is(peek(c), "ll")) {
			if (is32) {
				asm_err(c->as, t, "lddw loads a 64-bit register");
				return -1;
			}
			c->i = save;
			if (lddw_value(c, p, d) || expect(c, "ll"))
				return -1;
			return at_end(c);
		}
		expr_fold(c->as, &e);
		if (e.plus >= 0 || e.minus >= 0) {
			asm_err(c->as, t, "a symbol needs a 64-bit load: '%c%d = %.*s ll'",
				is32 ? 'w' : 'r', d, TOKF(t));
			return -1;
		}
		if (check_imm32(c->as, t, &e, "immediate"))
			return -1;
		isa_insn_make(&p->in, is32 ? ISA_MOV32_IMM : ISA_MOV64_IMM, d, 0, 0,
			      (int32_t)(uint32_t)(uint64_t)e.val);
		return at_end(c);
	}
}

static int parse_llvm(struct cur *c, struct pinsn *p)
{
	struct tok *t = peek(c);

	if (tok_is(t, "if")) {
		c->i++;
		return llvm_if(c, p);
	}
	if (tok_is(t, "goto") || tok_is(t, "gotol")) {
		int wide = t->len == 5;

		c->i++;
		isa_insn_make(&p->in, wide ? ISA_JA32 : ISA_JA, 0, 0, 0, 0);
		if (jump_target(c, p, wide))
			return -1;
		return at_end(c);
	}
	if (tok_is(t, "lock")) {
		c->i++;
		return llvm_lock(c, p);
	}
	if (tok_is(t, "*"))
		return llvm_store(c, p);
	if (tok_is(t, "callx")) {
		c->i++;
		int r = reg(c, 0, NULL);

		if (r < 0)
			return -1;
		isa_insn_make(&p->in, ISA_CALLX, r, 0, 0, 0);
		return at_end(c);
	}
	if (t->kind == TK_REG) {
		int is32, d = reg(c, -1, &is32), op;
		struct tok *opt = peek(c);

		if (d < 0)
			return -1;
		if (tok_is(opt, "=")) {
			c->i++;
			return llvm_assign(c, p, d, is32);
		}
		if (opt->kind != TK_PUNCT) {
			asm_err(c->as, opt, "expected an operator after '%.*s', found '%.*s'",
				TOKF(t), TOKF(opt));
			return -1;
		}
		c->i++;
		if (peek(c)->kind == TK_REG) {
			op = spell_find(FAM_ALU + is32 * 4 + 2, opt->p, opt->len);
			if (op == ISA_INVALID)
				goto badop;
			int s = reg(c, is32, NULL);
			if (s < 0)
				return -1;
			isa_insn_make(&p->in, (enum isa_op)op, d, s, 0, 0);
		} else {
			int32_t imm;

			op = spell_find(FAM_ALU + is32 * 4, opt->p, opt->len);
			if (op == ISA_INVALID)
				goto badop;
			if (imm32(c, &imm, "immediate"))
				return -1;
			isa_insn_make(&p->in, (enum isa_op)op, d, 0, 0, imm);
		}
		return at_end(c);
	badop:
		asm_err(c->as, opt, "unknown operator '%.*s'", TOKF(opt));
		return -1;
	}
	asm_err(c->as, t, "unknown instruction '%.*s'", TOKF(t));
	return -1;
}

/* ---------------------------------------------------------------- classic syntax */

/* "[%r1+4]", "[%r1-8]", "[%r1]" */
static int classic_mem(struct cur *c, int *r, int16_t *off)
{
	struct tok *t = peek(c);

	if (!tok_is(t, "[")) {
		asm_err(c->as, t, "expected a memory operand [%%rN+offset], found '%.*s'", TOKF(t));
		return -1;
	}
	c->i++;
	*r = reg(c, -1, NULL);
	if (*r < 0 || mem_off(c, off))
		return -1;
	return expect(c, "]");
}

static int count_operands(struct cur *c)
{
	int n = 0, depth = 0;

	if (peek(c)->kind == TK_EOL)
		return 0;
	for (int i = c->i; c->t[i].kind != TK_EOL; i++) {
		if (tok_is(&c->t[i], "[") || tok_is(&c->t[i], "("))
			depth++;
		else if (tok_is(&c->t[i], "]") || tok_is(&c->t[i], ")"))
			depth--;
		else if (depth == 0 && tok_is(&c->t[i], ","))
			n++;
	}
	return n + 1;
}

static int shape_operands(enum isa_shape sh)
{
	switch (sh) {
	case ISA_SH_ALU_IMM:
	case ISA_SH_ALU_REG:
	case ISA_SH_MOVSX:
	case ISA_SH_LDX:
	case ISA_SH_ST:
	case ISA_SH_STX:
	case ISA_SH_ATOMIC:
	case ISA_SH_ATOMIC_FETCH:
	case ISA_SH_XCHG:
	case ISA_SH_CMPXCHG:
	case ISA_SH_LDDW:
	case ISA_SH_LDIND:
		return 2;
	case ISA_SH_JMP_IMM:
	case ISA_SH_JMP_REG:
		return 3;
	case ISA_SH_EXIT:
		return 0;
	default:
		return 1;
	}
}

static int comma(struct cur *c)
{
	return expect(c, ",");
}

/* Find the classic row: exact, or without a "64" suffix (add64 = add). */
static int classic_lookup(const struct tok *t)
{
	int op = spell_find(FAM_CLASSIC, t->p, t->len);

	if (op == ISA_INVALID && t->len > 2 && t->p[t->len - 2] == '6' && t->p[t->len - 1] == '4')
		op = spell_find(FAM_CLASSIC, t->p, t->len - 2u);
	if (op == ISA_INVALID && t->len >= 5 && memcmp(t->p, "swap", 4) == 0) {
		char tmp[16];

		if ((size_t)t->len + 1 < sizeof(tmp)) {
			tmp[0] = 'b';
			memcpy(tmp + 1, t->p, t->len);
			op = spell_find(FAM_CLASSIC, tmp, t->len + 1u);
		}
	}
	return op;
}

/* The sibling row with a register (or immediate) source, same mnemonic. */
static int classic_variant(int op, int want_reg)
{
	enum isa_shape sh = (enum isa_shape)isa_ops[op].shape;
	enum isa_shape to;

	if (sh == ISA_SH_ALU_IMM || sh == ISA_SH_ALU_REG)
		to = want_reg ? ISA_SH_ALU_REG : ISA_SH_ALU_IMM;
	else if (sh == ISA_SH_JMP_IMM || sh == ISA_SH_JMP_REG)
		to = want_reg ? ISA_SH_JMP_REG : ISA_SH_JMP_IMM;
	else
		return op;
	for (int i = 1; i < ISA_OP_COUNT; i++)
		if (isa_ops[i].shape == to &&
		    strcmp(isa_ops[i].classic, isa_ops[op].classic) == 0 &&
		    isa_ops[i].keyval == isa_ops[op].keyval)
			return i;
	return ISA_INVALID;
}

static int parse_classic(struct cur *c, struct pinsn *p, struct tok *mn, int op)
{
	const struct isa_opinfo *o;
	int nops, want, d = 0, s = 0, r;
	int16_t off = 0;
	int32_t imm = 0;
	char name[40];

	if (tok_is(mn, "lock")) {
		/* lock [fetch] op[32] [%rX+off], %rY */
		struct tok *a = peek(c);
		int fetch = 0;

		if (tok_is(a, "fetch")) {
			fetch = 1;
			c->i++;
			a = peek(c);
		}
		if (a->kind != TK_IDENT) {
			asm_err(c->as, a->kind == TK_EOL ? mn : a,
				"wrong number of operands for 'lock': expected an operation "
				"and 2 operands");
			return -1;
		}
		snprintf(name, sizeof(name), "%s%.*s", fetch ? "fetch " : "", (int)a->len, a->p);
		/* the historical spellings of atomic add: xadd (BPF_XADD), uBPF's xaddw and
		 * xadddw for 32 and 64 bits */
		if (!fetch && (tok_is(a, "xadd") || tok_is(a, "xadddw") || tok_is(a, "xadd64")))
			snprintf(name, sizeof(name), "add");
		else if (!fetch && (tok_is(a, "xaddw") || tok_is(a, "xadd32")))
			snprintf(name, sizeof(name), "add32");
		op = spell_find(FAM_CLASSIC_LOCK, name, strlen(name));
		if (op == ISA_INVALID && strlen(name) > 2 &&
		    strcmp(name + strlen(name) - 2, "64") == 0)
			op = spell_find(FAM_CLASSIC_LOCK, name, strlen(name) - 2);
		if (op == ISA_INVALID) {
			asm_err(c->as, a, "unknown atomic operation '%s'", name);
			return -1;
		}
		c->i++;
		mn = a;
	}
	o = &isa_ops[op];
	nops = count_operands(c);
	want = shape_operands((enum isa_shape)o->shape);
	if (o->shape == ISA_SH_CALL) {
		if (nops == 0) {
			asm_err(c->as, peek(c),
				"wrong number of operands for 'call': expected 1, got 0");
			return -1;
		}
		return parse_call(c, p, 1);
	}
	if (nops != want) {
		asm_err(c->as, nops ? peek(c) : mn,
			"wrong number of operands for '%.*s': expected %d, got %d", (int)mn->len,
			mn->p, want, nops);
		return -1;
	}
	switch (o->shape) {
	case ISA_SH_ALU_IMM:
	case ISA_SH_ALU_REG:
		d = reg(c, -1, NULL);
		if (d < 0 || comma(c))
			return -1;
		op = classic_variant(op, peek(c)->kind == TK_REG || peek(c)->kind == TK_BADREG);
		if (op == ISA_INVALID) {
			asm_err(c->as, peek(c), "'%.*s' takes no register source", TOKF(mn));
			return -1;
		}
		if (isa_ops[op].shape == ISA_SH_ALU_REG) {
			s = reg(c, -1, NULL);
			if (s < 0)
				return -1;
		} else if (imm32(c, &imm, "immediate")) {
			return -1;
		}
		isa_insn_make(&p->in, (enum isa_op)op, d, s, 0, imm);
		return at_end(c);
	case ISA_SH_MOVSX:
		d = reg(c, -1, NULL);
		if (d < 0 || comma(c) || (s = reg(c, -1, NULL)) < 0)
			return -1;
		break;
	case ISA_SH_NEG:
	case ISA_SH_END:
	case ISA_SH_CALLX:
		d = reg(c, -1, NULL);
		if (d < 0)
			return -1;
		break;
	case ISA_SH_JMP_IMM:
	case ISA_SH_JMP_REG:
		d = reg(c, -1, NULL);
		if (d < 0 || comma(c))
			return -1;
		op = classic_variant(op, peek(c)->kind == TK_REG || peek(c)->kind == TK_BADREG);
		if (isa_ops[op].shape == ISA_SH_JMP_REG) {
			s = reg(c, -1, NULL);
			if (s < 0)
				return -1;
		} else if (imm32(c, &imm, "immediate")) {
			return -1;
		}
		if (comma(c))
			return -1;
		isa_insn_make(&p->in, (enum isa_op)op, d, s, 0, imm);
		if (jump_target(c, p, 0))
			return -1;
		return at_end(c);
	case ISA_SH_JA:
	case ISA_SH_JA32:
		isa_insn_make(&p->in, (enum isa_op)op, 0, 0, 0, 0);
		if (jump_target(c, p, o->shape == ISA_SH_JA32))
			return -1;
		return at_end(c);
	case ISA_SH_EXIT:
		break;
	case ISA_SH_LDX:
		d = reg(c, -1, NULL);
		if (d < 0 || comma(c) || classic_mem(c, &s, &off))
			return -1;
		break;
	case ISA_SH_ST:
		if (classic_mem(c, &d, &off) || comma(c) || imm32(c, &imm, "immediate"))
			return -1;
		break;
	case ISA_SH_STX:
	case ISA_SH_ATOMIC:
	case ISA_SH_ATOMIC_FETCH:
	case ISA_SH_XCHG:
	case ISA_SH_CMPXCHG:
		if (classic_mem(c, &d, &off) || comma(c) || (s = reg(c, -1, NULL)) < 0)
			return -1;
		break;
	case ISA_SH_LDDW:
		d = reg(c, -1, NULL);
		if (d < 0 || comma(c) || lddw_value(c, p, d))
			return -1;
		return at_end(c);
	case ISA_SH_LDABS:
		if (imm32(c, &imm, "packet offset"))
			return -1;
		break;
	case ISA_SH_LDIND:
		r = reg(c, -1, NULL);
		if (r < 0 || comma(c) || imm32(c, &imm, "packet offset"))
			return -1;
		s = r;
		break;
	default:
		break;
	}
	isa_insn_make(&p->in, (enum isa_op)op, d, s, off, imm);
	return at_end(c);
}

/* ---------------------------------------------------------------- one statement */

static int parse_insn(struct asm_state *as, struct tok *t, int n, int i)
{
	struct cur c = {as, t, n, i};
	struct pinsn p;
	struct tok *first = &t[i];
	int r;

	spell_init();
	pinsn_init(&p);
	if (tok_is(first, "exit")) {
		c.i++;
		isa_insn_make(&p.in, ISA_EXIT, 0, 0, 0, 0);
		r = at_end(&c);
	} else if (tok_is(first, "call")) {
		c.i++;
		if (peek(&c)->kind == TK_EOL) {
			asm_err(as, peek(&c),
				"wrong number of operands for 'call': expected 1, got 0");
			return -1;
		}
		r = parse_call(&c, &p, 0);
	} else if (first->kind == TK_IDENT && !tok_is(first, "if") && !tok_is(first, "goto") &&
		   !tok_is(first, "gotol") && !tok_is(first, "callx") &&
		   !(tok_is(first, "lock") && tok_is(&t[i + 1], "*"))) {
		int op = classic_lookup(first);

		if (op == ISA_INVALID && first->len >= 2 &&
		    (first->p[0] == 'r' || first->p[0] == 'w') && first->p[1] >= '0' &&
		    first->p[1] <= '9') {
			asm_err(as, first, "unknown register '%.*s' (registers are r0 to r10)",
				TOKF(first));
			return -1;
		}
		if (op == ISA_INVALID && !tok_is(first, "lock")) {
			asm_err(as, first, "unknown instruction '%.*s'", TOKF(first));
			return -1;
		}
		c.i++;
		r = parse_classic(&c, &p, first, op);
	} else {
		r = parse_llvm(&c, &p);
	}
	if (r)
		return -1;
	return emit(as, &p, first);
}

/* ---------------------------------------------------------------- objdump listings */

static int is_hex(int ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
}

/*
 * "      12:\t07 01 00 00 01 00 00 00\tr1 += 1" -> the instruction text. Returns the start of
 * the instruction within [p, end) or NULL when this is no such line.
 */
static const char *objdump_insn(const char *p, const char *end)
{
	const char *q = p;

	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	if (q == end || !(*q >= '0' && *q <= '9'))
		return NULL;
	while (q < end && *q >= '0' && *q <= '9')
		q++;
	if (q >= end || *q != ':' || q + 1 >= end || q[1] != '\t')
		return NULL;
	q += 2;
	if (q + 2 > end || !is_hex(q[0]) || !is_hex(q[1]))
		return NULL;
	while (q + 2 <= end && is_hex(q[0]) && is_hex(q[1]) &&
	       (q + 2 == end || q[2] == ' ' || q[2] == '\t')) {
		q += 2;
		if (q < end && *q == ' ')
			q++;
		else
			break;
	}
	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	return q;
}

static uint32_t reloc_type(const char *s, size_t n)
{
	static const struct {
		const char *name;
		uint32_t type;
	} names[] = {
		{"R_BPF_64_64", ISA_R_BPF_64_64},
		{"R_BPF_64_ABS64", ISA_R_BPF_64_ABS64},
		{"R_BPF_64_ABS32", ISA_R_BPF_64_ABS32},
		{"R_BPF_64_NODYLD32", ISA_R_BPF_64_NODYLD32},
		{"R_BPF_64_32", ISA_R_BPF_64_32},
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i].name) == n && memcmp(names[i].name, s, n) == 0)
			return names[i].type;
	return 0;
}

/* Header and relocation lines of llvm-objdump output. Returns 1 if the line was one. */
static int objdump_meta(struct asm_state *as, const char *p, const char *end)
{
	static const char dis[] = "Disassembly of section ";
	const char *q = p;

	if ((size_t)(end - p) > sizeof(dis) && memcmp(p, dis, sizeof(dis) - 1) == 0 &&
	    end[-1] == ':') {
		asm_section_switch(as, p + sizeof(dis) - 1, (size_t)(end - p) - sizeof(dis), NULL,
				   0, NULL);
		as->seen_objdump = 1;
		return 1;
	}
	if (end - p > 14 && memmem(p, (size_t)(end - p), "file format ", 12))
		return 1;
	/* "0000000000000000 <prog>:" */
	while (q < end && is_hex(*q))
		q++;
	if (q - p == 16 && q + 3 < end && q[0] == ' ' && q[1] == '<' && end[-1] == ':' &&
	    end[-2] == '>') {
		const char *name = q + 2;
		size_t len = (size_t)(end - 2 - name);
		int l;

		if (as->sec < 0 && asm_section_ensure_text(as))
			return 1;
		/* "<.text>" names the section itself, not a symbol */
		if (len && strncmp(name, as->o->secs[as->sec].name, len) == 0 &&
		    as->o->secs[as->sec].name[len] == '\0')
			return 1;
		l = asm_label_define(as, name, len, as->sec, obj_sec_size(&as->o->secs[as->sec]),
				     NULL);
		if (l >= 0) {
			as->labels[l].global = 1;
			as->labels[l].type = 2; /* STT_FUNC */
		}
		as->seen_objdump = 1;
		return 1;
	}
	/* "\t\t0000000000000008:  R_BPF_64_64\tcounts" */
	q = p;
	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	{
		const char *h = q;

		while (q < end && is_hex(*q))
			q++;
		if (q - h == 16 && q + 3 < end && q[0] == ':' && q[1] == ' ') {
			const char *tn, *sn;
			uint64_t off = 0;
			struct pending_rel *pr;
			uint32_t type;

			for (const char *x = h; x < q; x++)
				off = off * 16 + (uint64_t)(*x <= '9' ? *x - '0' : *x - 'a' + 10);
			q++;
			while (q < end && *q == ' ')
				q++;
			tn = q;
			while (q < end && *q != '\t' && *q != ' ')
				q++;
			type = reloc_type(tn, (size_t)(q - tn));
			while (q < end && (*q == '\t' || *q == ' '))
				q++;
			sn = q;
			if (!type || sn == end || as->sec < 0)
				return 0;
			pr = mem_array(as->prels, &as->prels_cap, as->nprels + 1, sizeof(*pr));
			if (!pr) {
				as->nomem = 1;
				return 1;
			}
			as->prels = pr;
			pr = &as->prels[as->nprels++];
			pr->sec = as->sec;
			pr->off = off;
			pr->type = type;
			pr->label = asm_label_get(as, sn, (size_t)(end - sn));
			pr->line = as->line;
			return 1;
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- the line loop */

static void parse_line(struct asm_state *as, const char *p, const char *end)
{
	struct tok toks[ASM_MAX_TOKS];
	const char *insn;
	int n, i = 0;

	as->line_text = p;
	as->line_len = (size_t)(end - p);
	if (end > p && end[-1] == '\r')
		end--;
	insn = objdump_insn(p, end);
	if (insn) {
		const char *lt = end;

		as->seen_objdump = 1;
		/* drop a trailing "<sym+0x10>" annotation */
		if (lt > insn && lt[-1] == '>') {
			const char *lt2 = lt;

			while (lt2 > insn && *lt2 != '<')
				lt2--;
			if (lt2 > insn && lt2[-1] == ' ')
				lt = lt2 - 1;
		}
		n = asm_lex_line(as, insn, lt, toks, ASM_MAX_TOKS);
		/* columns count from the line start */
		for (int k = 0; n >= 0 && k <= n; k++)
			toks[k].col = (uint16_t)(toks[k].col + (insn - p));
		if (n > 0)
			parse_insn(as, toks, n, 0);
		return;
	}
	if (objdump_meta(as, p, end))
		return;
	n = asm_lex_line(as, p, end, toks, ASM_MAX_TOKS);
	if (n <= 0)
		return;
	/* labels: "name:" (also "1:") */
	while (i + 1 < n + 1 && (toks[i].kind == TK_IDENT || toks[i].kind == TK_NUM) &&
	       tok_is(&toks[i + 1], ":") && toks[i].kind != TK_REG) {
		struct tok *lt = &toks[i];

		if (as->sec < 0 && asm_section_ensure_text(as))
			return;
		if (lt->kind == TK_NUM) {
			char *name;

			if (lt->num >= 100) {
				asm_err(as, lt, "numeric local labels go from 0 to 99");
				return;
			}
			as->local_count[lt->num]++;
			name = asm_name_make(as, "%u\002%u", (unsigned)lt->num,
					     as->local_count[lt->num]);
			if (!name)
				return;
			asm_label_define(as, name, strlen(name), as->sec,
					 obj_sec_size(&as->o->secs[as->sec]), lt);
		} else {
			asm_label_define(as, lt->p, lt->len, as->sec,
					 obj_sec_size(&as->o->secs[as->sec]), lt);
		}
		i += 2;
	}
	if (i >= n)
		return;
	if (toks[i].kind == TK_REG && tok_is(&toks[i + 1], ":")) {
		asm_err(as, &toks[i], "'%.*s' is a register name and cannot be a label",
			TOKF(&toks[i]));
		return;
	}
	if (toks[i].kind == TK_IDENT && toks[i].p[0] == '.' && !tok_is(&toks[i + 1], "=")) {
		asm_directive(as, toks + i, n - i);
		return;
	}
	/* "name = expr": a constant (GNU as); "r11 = 1" is a bad register, not a name */
	if (toks[i].kind == TK_IDENT && tok_is(&toks[i + 1], "=") &&
	    !(toks[i].len >= 2 && (toks[i].p[0] == 'r' || toks[i].p[0] == 'w') &&
	      toks[i].p[1] >= '0' && toks[i].p[1] <= '9')) {
		struct expr e;
		int k = i + 2, l;
		int64_t v;

		if (asm_expr_parse(as, toks, n, &k, &e))
			return;
		if (asm_expr_const(as, &e, &v)) {
			asm_err(as, &toks[i + 2], "value of '%.*s' must be a constant",
				TOKF(&toks[i]));
			return;
		}
		l = asm_label_get(as, toks[i].p, toks[i].len);
		if (l >= 0) {
			as->labels[l].defined = 1;
			as->labels[l].sec = OBJ_SEC_ABS;
			as->labels[l].off = (uint64_t)v;
		}
		return;
	}
	parse_insn(as, toks, n, i);
}

int asm_source_assemble(const char *name, const char *text, size_t len, struct obj *o,
			struct diag *d)
{
	struct asm_state as;
	const char *p = text, *end = text + len;
	unsigned errors_before = d->nerrors;
	int ret;

	memset(&as, 0, sizeof(as));
	as.o = o;
	as.d = d;
	as.file = name;
	as.sec = -1;
	spell_init();
	if (diag_source_add(d, name, text, len))
		return -ENOMEM;
	while (p < end && !as.nomem) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;

		as.line++;
		parse_line(&as, p, le);
		p = nl ? nl + 1 : end;
	}
	if (!as.nomem)
		asm_finish(&as);
	ret = as.nomem ? -ENOMEM : d->nerrors > errors_before ? -EINVAL : 0;
	while (as.arena) {
		char *next = *(char **)as.arena;

		mem_free(as.arena);
		as.arena = next;
	}
	mem_free(as.labels);
	mem_free(as.htab);
	mem_free(as.fixups);
	mem_free(as.prels);
	mem_free(as.secsym);
	mem_free(as.first_exit);
	return ret;
}

/* ---------------------------------------------------------------- single instructions */

int asm_insn_parse(const char *text, struct isa_insn *out, char *err, size_t errlen)
{
	struct obj *o = obj_new();
	struct diag d;
	int ret = -EINVAL;

	if (!o)
		return -ENOMEM;
	diag_init(&d);
	if (asm_source_assemble("<insn>", text, strlen(text), o, &d) == 0) {
		int sec = obj_sec_find(o, ".text");
		size_t n = sec >= 0 ? o->secs[sec].data.len / 8 : 0;
		const char *why = "no instruction";

		if (n == 0 || n > 2 ||
		    (ret = isa_insn_decode((const struct isa_raw *)o->secs[sec].data.data, n, out,
					   &why)) < 0 ||
		    (size_t)ret != n) {
			if (err)
				snprintf(err, errlen, "%s",
					 n > 2 ? "more than one instruction" : why);
			ret = -EINVAL;
		}
	} else if (err) {
		snprintf(err, errlen, "%s",
			 d.nmsgs && d.msgs[0].text ? d.msgs[0].text : "cannot assemble");
	}
	diag_fini(&d);
	obj_free(o);
	return ret;
}
