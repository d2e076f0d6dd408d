/* SPDX-License-Identifier: MIT */
/*
 * objdump-main.c - ebpf-objdump: print what an eBPF object holds, read through the one object
 * reader (obj_read_file), so objects from clang, llvm-mc and ebpf-as print alike.
 *
 * Outputs:
 *   -d (default)  the disassembly exactly as `llvm-objdump -d --mcpu=v4` prints it: symbol
 *                 headers chosen as LLVM 19 chooses them, raw bytes, jump targets annotated
 *                 <sym+0xoff>, "<unknown>" for bytes that are no instruction. Known
 *                 differences: local calls print "call pc-0x1" (LLVM: "call -0x1"), pseudo
 *                 lddw sources have names of our own, and bytes LLVM decodes loosely
 *                 (nonzero unused fields) are "<unknown>" here.
 *   -r -h -t      relocations, section headers, symbols, formatted as llvm-objdump; they list
 *                 what the object model keeps (no DWARF, .BTF or ELF bookkeeping sections).
 *   -S            source lines from .BTF.ext line info (the text clang or ebpf-as stored),
 *                 where llvm-objdump reads DWARF.
 *   --asm         a listing ebpf-as assembles back to the same section bytes: directives,
 *                 labels, one instruction per line in LLVM syntax with decimal numbers,
 *                 symbols in place of relocated operands, .map for map definitions.
 *   --json        one JSON object per file: sections, symbols, relocations, maps, programs,
 *                 instructions with their bytes, text, jump target and source line.
 *
 * Exit status: 0 when every file was printed, 2 on usage errors or when a file could not be
 * read (the other files are still printed).
 */
#include "asm.h"
#include "../common/mem.h"

#include <elf.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

struct opts {
	int disasm, relocs, headers, source, syms, json, asm_mode;
	enum isa_syntax syntax;
	unsigned pflags; /* ISA_PRINT_* */
};

/* A symbol as the disassembler sees it (llvm-objdump's SymbolInfoTy). */
struct dsym {
	uint64_t addr;
	const char *name;
	uint8_t type;
	int idx; /* in syms[], or -1 for the section-start stand-in */
};

/* llvm-objdump sorts symbols by (address, name, type); the order decides which of several
 * symbols at one address is shown and which one a jump target is named after. */
static int dsym_cmp(const void *pa, const void *pb)
{
	const struct dsym *a = pa, *b = pb;
	int c;

	if (a->addr != b->addr)
		return a->addr < b->addr ? -1 : 1;
	c = strcmp(a->name, b->name);
	if (c)
		return c;
	return a->type < b->type ? -1 : a->type > b->type;
}

/* The symbols of section @s that the disassembler names things after, sorted, with the
 * section name standing in at address 0 when no symbol is there (as llvm-objdump does). */
static size_t sec_dsyms(const struct obj *o, int s, struct dsym **out)
{
	struct dsym *v = malloc((o->nsyms + 1) * sizeof(*v));
	size_t n = 0;
	int at0 = 0;

	*out = v;
	if (!v)
		return 0;
	for (size_t i = 0; i < o->nsyms; i++) {
		const struct obj_sym *y = &o->syms[i];

		if (y->sec != s || y->type == STT_SECTION || y->type == STT_FILE)
			continue;
		v[n].addr = y->value;
		v[n].name = y->name;
		v[n].type = y->type;
		v[n].idx = (int)i;
		at0 |= y->value == 0;
		n++;
	}
	if (!at0) {
		v[n].addr = 0;
		v[n].name = o->secs[s].name;
		v[n].type = (o->secs[s].flags & SHF_EXECINSTR) ? STT_FUNC : STT_OBJECT;
		v[n].idx = -1;
		n++;
	}
	qsort(v, n, sizeof(*v), dsym_cmp);
	return n;
}

/* Of the symbols v[i..j) at one address, the one shown: the last that is not data. */
static const struct dsym *display_sym(const struct dsym *v, size_t i, size_t j)
{
	const struct dsym *pick = &v[j - 1];

	for (size_t k = i; k < j; k++)
		if (v[k].type != STT_OBJECT && v[k].type != STT_COMMON)
			pick = &v[k];
	return pick;
}

/* The symbol a jump target is named after: the last one at or before it. */
static const struct dsym *target_sym(const struct dsym *v, size_t n, uint64_t target)
{
	const struct dsym *pick = NULL;

	for (size_t k = 0; k < n && v[k].addr <= target; k++)
		pick = &v[k];
	return pick;
}

static int rel_cmp(const void *pa, const void *pb)
{
	const struct obj_rel *a = *(const struct obj_rel *const *)pa;
	const struct obj_rel *b = *(const struct obj_rel *const *)pb;

	if (a->offset != b->offset)
		return a->offset < b->offset ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* Relocations of section @s by offset. */
static size_t sec_rels(const struct obj *o, int s, const struct obj_rel ***out)
{
	const struct obj_rel **v = malloc((o->nrels + 1) * sizeof(*v));
	size_t n = 0;

	*out = v;
	if (!v)
		return 0;
	for (size_t i = 0; i < o->nrels; i++)
		if (o->rels[i].sec == s)
			v[n++] = &o->rels[i];
	qsort(v, n, sizeof(*v), rel_cmp);
	return n;
}

static const char *rel_type_name(uint32_t t)
{
	switch (t) {
	case ISA_R_BPF_NONE:
		return "R_BPF_NONE";
	case ISA_R_BPF_64_64:
		return "R_BPF_64_64";
	case ISA_R_BPF_64_ABS64:
		return "R_BPF_64_ABS64";
	case ISA_R_BPF_64_ABS32:
		return "R_BPF_64_ABS32";
	case ISA_R_BPF_64_NODYLD32:
		return "R_BPF_64_NODYLD32";
	case ISA_R_BPF_64_32:
		return "R_BPF_64_32";
	default:
		return "Unknown";
	}
}

static const char *sym_name(const struct obj *o, int sym)
{
	return sym >= 0 && (size_t)sym < o->nsyms ? o->syms[sym].name : "";
}

/* One decoded slot: an instruction, or bytes that are none (as llvm-objdump steps over
 * them: 8 at a time, or 1 at a time when fewer than an instruction remain). */
struct slot {
	uint64_t pos, len;
	int ok;
	struct isa_insn in;
};

static void decode_at(const struct obj_sec *sec, uint64_t pos, uint64_t end, struct slot *sl)
{
	uint64_t avail = end - pos;
	struct isa_raw raw[2];
	int r;

	memset(sl, 0, sizeof(*sl));
	sl->pos = pos;
	sl->len = 1;
	if (avail < ISA_INSN_SIZE)
		return;
	memset(raw, 0, sizeof(raw));
	memcpy(raw, sec->data.data + pos, avail >= 16 ? 16 : 8);
	r = isa_insn_decode(raw, avail >= 16 ? 2 : 1, &sl->in, NULL);
	if (r > 0) {
		sl->ok = 1;
		sl->len = (uint64_t)r * ISA_INSN_SIZE;
	} else if (!(raw[0].code == 0x18 && avail < 16)) {
		sl->len = ISA_INSN_SIZE; /* LLVM: a whole slot; a cut-off lddw goes byte by byte */
	}
}

/* Where a jump lands, as llvm computes it (wrapping, like its uint64_t arithmetic). */
static int jump_target(const struct slot *sl, uint64_t *target)
{
	int64_t d;

	if (!sl->ok || !isa_op_is_jump((enum isa_op)sl->in.op))
		return 0;
	d = sl->in.op == ISA_JA32 ? sl->in.imm : sl->in.off;
	*target = sl->pos + sl->len + (uint64_t)d * ISA_INSN_SIZE;
	return 1;
}

static void print_bytes(FILE *f, const uint8_t *p, uint64_t n, const char *sep)
{
	for (uint64_t i = 0; i < n; i++)
		fprintf(f, "%s%02x", i ? sep : "", p[i]);
}

/* ------------------------------ llvm-objdump text ------------------------------ */

static void print_section_headers(const struct obj *o)
{
	size_t w = 13;

	for (size_t i = 0; i < o->nsecs; i++)
		if (strlen(o->secs[i].name) > w)
			w = strlen(o->secs[i].name);
	printf("\nSections:\nIdx %-*s Size     VMA              Type\n", (int)w, "Name");
	for (size_t i = 0; i < o->nsecs; i++) {
		const struct obj_sec *s = &o->secs[i];
		const char *type = "";

		if (s->flags & SHF_EXECINSTR)
			type = "TEXT";
		else if ((s->flags & SHF_ALLOC) && s->type == SHT_PROGBITS)
			type = "DATA";
		else if ((s->flags & (SHF_ALLOC | SHF_WRITE)) && s->type == SHT_NOBITS)
			type = "BSS";
		printf("%3zu %-*s %08" PRIx64 " %016x %s\n", i, (int)w, s->name, obj_sec_size(s), 0,
		       type);
	}
}

static void print_symbols(const struct obj *o)
{
	printf("\nSYMBOL TABLE:\n");
	for (size_t i = 0; i < o->nsyms; i++) {
		const struct obj_sym *y = &o->syms[i];
		const char *secname = y->sec >= 0	      ? o->secs[y->sec].name
				      : y->sec == OBJ_SEC_ABS ? "*ABS*"
							      : "*UND*";
		int weak = y->bind == STB_WEAK;
		char glob = ' ', kind = ' ';

		if (y->sec != OBJ_SEC_UNDEF && !weak)
			glob = y->bind == STB_LOCAL ? 'l' : 'g';
		if (y->type == STT_FILE)
			kind = 'f';
		else if (y->type == STT_FUNC)
			kind = 'F';
		else if (y->type == STT_OBJECT)
			kind = 'O';
		printf("%016" PRIx64 " %c%c  %c%c%c %s\t%016" PRIx64, y->value, glob,
		       weak ? 'w' : ' ', ' ',
		       (y->type == STT_SECTION || y->type == STT_FILE) ? 'd' : ' ', kind, secname,
		       y->size);
		switch (y->visibility) {
		case STV_DEFAULT:
			break;
		case STV_INTERNAL:
			printf(" .internal");
			break;
		case STV_HIDDEN:
			printf(" .hidden");
			break;
		case STV_PROTECTED:
			printf(" .protected");
			break;
		default:
			printf(" 0x%02x", y->visibility);
		}
		printf(" %s\n", y->name);
	}
}

static void print_reloc_records(const struct obj *o)
{
	for (size_t s = 0; s < o->nsecs; s++) {
		const struct obj_rel **rv;
		size_t n = sec_rels(o, (int)s, &rv);

		if (n) {
			printf("\nRELOCATION RECORDS FOR [%s]:\n", o->secs[s].name);
			printf("OFFSET           TYPE                     VALUE\n");
		}
		for (size_t i = 0; i < n; i++)
			printf("%016" PRIx64 " %-24s %s\n", rv[i]->offset,
			       rel_type_name(rv[i]->type), sym_name(o, rv[i]->sym));
		free(rv);
	}
}

static void insn_text(const struct opts *op, const struct slot *sl, char *buf, size_t len)
{
	if (!sl->ok)
		snprintf(buf, len, "<unknown>");
	else
		isa_insn_print(&sl->in, op->syntax, op->pflags, buf, len);
}

static void disasm_section(const struct obj *o, int s, const struct opts *op)
{
	const struct obj_sec *sec = &o->secs[s];
	uint64_t size = obj_sec_size(sec);
	const struct obj_rel **rv;
	struct dsym *v;
	size_t nv, nr, ri = 0;
	const struct obj_line *last = NULL;

	if (size == 0 || sec->type == SHT_NOBITS)
		return;
	nv = sec_dsyms(o, s, &v);
	nr = sec_rels(o, s, &rv);
	printf("\nDisassembly of section %s:\n", sec->name);
	for (size_t i = 0; i < nv && v[i].addr < size;) {
		size_t j = i;
		uint64_t start = v[i].addr, end;

		while (j < nv && v[j].addr == start)
			j++;
		end = j < nv && v[j].addr < size ? v[j].addr : size;
		printf("\n%016" PRIx64 " <%s>:\n", start, display_sym(v, i, j)->name);
		for (uint64_t pos = start; pos < end;) {
			struct slot sl;
			char text[256];
			uint64_t target, lim = end, z = 0;
			const struct dsym *t;

			/* as llvm-objdump: 8 or more zero bytes (up to the symbol's end, or with
			 * -r the next relocation) are one "..." line, skipped 4 bytes at a time */
			if (op->relocs && ri < nr && rv[ri]->offset >= pos && rv[ri]->offset < lim)
				lim = rv[ri]->offset;
			while (pos + z < lim && !sec->data.data[pos + z])
				z++;
			if (z >= 8) {
				printf("\t\t...\n");
				pos += z & ~(uint64_t)3;
				continue;
			}
			if (op->source && pos <= UINT32_MAX) {
				const struct obj_line *l = obj_line_find(o, s, (uint32_t)pos);

				if (l && l->off == pos && l->line &&
				    (!last || last->line != l->line || last->file != l->file)) {
					printf("; %s\n", obj_str(o, l->text));
					last = l;
				}
			}
			/* an instruction may run past the next symbol, as in LLVM */
			decode_at(sec, pos, size, &sl);
			insn_text(op, &sl, text, sizeof(text));
			printf("%8" PRIu64 ":\t", pos / ISA_INSN_SIZE);
			print_bytes(stdout, sec->data.data + pos, sl.len, " ");
			printf("\t%s", text);
			if (jump_target(&sl, &target) && (t = target_sym(v, nv, target))) {
				if (target == t->addr)
					printf(" <%s>", t->name);
				else
					printf(" <%s+0x%" PRIx64 ">", t->name, target - t->addr);
			}
			putchar('\n');
			pos += sl.len;
			for (; ri < nr && rv[ri]->offset < pos; ri++)
				if (op->relocs)
					printf("\t\t%016" PRIx64 ":  %s\t%s\n", rv[ri]->offset,
					       rel_type_name(rv[ri]->type),
					       sym_name(o, rv[ri]->sym));
		}
		i = j;
	}
	free(v);
	free(rv);
}

/* ------------------------------ JSON ------------------------------ */

/* Length of the well-formed UTF-8 sequence at p (RFC 3629: no overlong forms, surrogates
 * or code points past U+10FFFF), or 0. Stops at a NUL, which is never a continuation. */
static size_t utf8_len(const unsigned char *p)
{
	unsigned char lo = 0x80, hi = 0xbf; /* range of the second byte */
	size_t n;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4;
	else
		return 0;
	if (p[0] == 0xe0)
		lo = 0xa0;
	else if (p[0] == 0xed)
		hi = 0x9f;
	else if (p[0] == 0xf0)
		lo = 0x90;
	else if (p[0] == 0xf4)
		hi = 0x8f;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

/* A JSON string of text from the object (names, source lines), which need not be UTF-8:
 * bytes that are not become U+FFFD, so the output always parses. */
static void json_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), k = 0;
	char *t;

	while (k < n && utf8_len(p + k))
		k += utf8_len(p + k);
	if (k == n) {
		json_put_string(stdout, s);
		return;
	}
	t = malloc(n * 3 + 1);
	if (!t) {
		json_put_string(stdout, "");
		return;
	}
	k = 0;
	for (size_t i = 0; i < n;) {
		size_t l = utf8_len(p + i);

		if (l) {
			memcpy(t + k, p + i, l);
			k += l;
			i += l;
		} else {
			memcpy(t + k, "\xef\xbf\xbd", 3);
			k += 3;
			i++;
		}
	}
	t[k] = '\0';
	json_put_string(stdout, t);
	free(t);
}

static const char *sec_type_name(uint32_t t)
{
	return t == SHT_PROGBITS ? "PROGBITS" : t == SHT_NOBITS ? "NOBITS" : "OTHER";
}

static void json_flags(uint64_t f)
{
	char b[8], *p = b;

	if (f & SHF_WRITE)
		*p++ = 'W';
	if (f & SHF_ALLOC)
		*p++ = 'A';
	if (f & SHF_EXECINSTR)
		*p++ = 'X';
	if (f & SHF_MERGE)
		*p++ = 'M';
	if (f & SHF_STRINGS)
		*p++ = 'S';
	*p = '\0';
	json_text(b);
}

static const char *bind_name(uint8_t b)
{
	return b == STB_LOCAL	 ? "local"
	       : b == STB_GLOBAL ? "global"
	       : b == STB_WEAK	 ? "weak"
				 : "other";
}

static const char *stype_name(uint8_t t)
{
	switch (t) {
	case STT_NOTYPE:
		return "notype";
	case STT_OBJECT:
		return "object";
	case STT_FUNC:
		return "func";
	case STT_SECTION:
		return "section";
	case STT_FILE:
		return "file";
	default:
		return "other";
	}
}

static void json_secref(const struct obj *o, int s)
{
	if (s >= 0 && (size_t)s < o->nsecs)
		json_text(o->secs[s].name);
	else
		printf("null");
}

static void json_source(const struct obj *o, const struct obj_line *l)
{
	printf("{\"file\":");
	json_text(obj_str(o, l->file));
	printf(",\"line\":%u,\"col\":%u,\"text\":", l->line, l->col);
	json_text(obj_str(o, l->text));
	printf("}");
}

static void json_insns(const struct obj *o, int s, const struct opts *op)
{
	const struct obj_sec *sec = &o->secs[s];
	uint64_t size = obj_sec_size(sec);
	const struct obj_rel **rv;
	struct dsym *v;
	size_t nv = sec_dsyms(o, s, &v), nr = sec_rels(o, s, &rv), ri = 0;
	int first = 1;

	printf("{\"section\":");
	json_text(sec->name);
	printf(",\"insns\":[");
	for (size_t i = 0; i < nv && v[i].addr < size;) {
		size_t j = i;
		uint64_t start = v[i].addr, end;

		while (j < nv && v[j].addr == start)
			j++;
		end = j < nv && v[j].addr < size ? v[j].addr : size;
		for (uint64_t pos = start; pos < end;) {
			struct slot sl;
			char text[256];
			uint64_t target;
			const struct dsym *t;
			const struct obj_line *l =
				pos <= UINT32_MAX ? obj_line_find(o, s, (uint32_t)pos) : NULL;
			int rfirst = 1;

			decode_at(sec, pos, size, &sl);
			insn_text(op, &sl, text, sizeof(text));
			printf("%s{\"offset\":%" PRIu64 ",\"index\":%" PRIu64, first ? "" : ",",
			       pos, pos / ISA_INSN_SIZE);
			first = 0;
			if (pos == start) {
				printf(",\"symbol\":");
				json_text(display_sym(v, i, j)->name);
			}
			printf(",\"bytes\":\"");
			print_bytes(stdout, sec->data.data + pos, sl.len, " ");
			printf("\",\"text\":");
			json_text(text);
			printf(",\"valid\":%s", sl.ok ? "true" : "false");
			if (jump_target(&sl, &target)) {
				printf(",\"target\":%" PRIu64, target);
				if ((t = target_sym(v, nv, target))) {
					char tn[512];

					if (target == t->addr)
						snprintf(tn, sizeof(tn), "%s", t->name);
					else
						snprintf(tn, sizeof(tn), "%s+0x%" PRIx64, t->name,
							 target - t->addr);
					printf(",\"target_symbol\":");
					json_text(tn);
				}
			}
			pos += sl.len;
			for (; ri < nr && rv[ri]->offset < pos; ri++) {
				printf("%s{\"offset\":%" PRIu64 ",\"type\":",
				       rfirst ? ",\"relocations\":[" : ",", rv[ri]->offset);
				json_text(rel_type_name(rv[ri]->type));
				printf(",\"symbol\":");
				json_text(sym_name(o, rv[ri]->sym));
				printf("}");
				rfirst = 0;
			}
			if (!rfirst)
				printf("]");
			if (l) {
				printf(",\"source\":");
				json_source(o, l);
			}
			printf("}");
		}
		i = j;
	}
	printf("]}");
	free(v);
	free(rv);
}

static void print_json(const struct obj *o, const char *path, const struct opts *op)
{
	int first;

	printf("{\"file\":");
	json_text(path);
	printf(",\"format\":\"elf64-bpf\",\"license\":");
	if (o->license)
		json_text(o->license);
	else
		printf("null");
	if (o->has_kern_version)
		printf(",\"kern_version\":%" PRIu32, o->kern_version);
	printf(",\"btf_size\":%zu,\"btf_ext_size\":%zu", o->btf.len, o->btf_ext.len);

	printf(",\"sections\":[");
	for (size_t i = 0; i < o->nsecs; i++) {
		const struct obj_sec *s = &o->secs[i];

		printf("%s{\"index\":%zu,\"name\":", i ? "," : "", i);
		json_text(s->name);
		printf(",\"type\":\"%s\",\"flags\":", sec_type_name(s->type));
		json_flags(s->flags);
		printf(",\"size\":%" PRIu64 ",\"align\":%" PRIu64 "}", obj_sec_size(s), s->align);
	}
	printf("],\"symbols\":[");
	for (size_t i = 0; i < o->nsyms; i++) {
		const struct obj_sym *y = &o->syms[i];

		printf("%s{\"index\":%zu,\"name\":", i ? "," : "", i);
		json_text(y->name);
		printf(",\"section\":");
		if (y->sec == OBJ_SEC_ABS)
			printf("\"*ABS*\"");
		else
			json_secref(o, y->sec);
		printf(",\"value\":%" PRIu64 ",\"size\":%" PRIu64
		       ",\"bind\":\"%s\",\"type\":\"%s\"}",
		       y->value, y->size, bind_name(y->bind), stype_name(y->type));
	}
	printf("],\"relocations\":[");
	for (size_t i = 0; i < o->nrels; i++) {
		const struct obj_rel *r = &o->rels[i];

		printf("%s{\"section\":", i ? "," : "");
		json_secref(o, r->sec);
		printf(",\"offset\":%" PRIu64 ",\"type\":\"%s\",\"symbol\":", r->offset,
		       rel_type_name(r->type));
		json_text(sym_name(o, r->sym));
		printf("}");
	}
	printf("],\"maps\":[");
	for (size_t i = 0; i < o->nmaps; i++) {
		const struct obj_map *m = &o->maps[i];
		const struct isa_maptype *mt = isa_maptype_by_id((int)m->type);

		printf("%s{\"name\":", i ? "," : "");
		json_text(m->name);
		printf(",\"type\":%" PRIu32 ",\"type_name\":", m->type);
		if (mt)
			json_text(mt->name);
		else
			printf("null");
		printf(",\"key_size\":%" PRIu32 ",\"value_size\":%" PRIu32
		       ",\"max_entries\":%" PRIu32 ",\"flags\":%" PRIu32 ",\"pinning\":%" PRIu32
		       ",\"section\":",
		       m->key_size, m->value_size, m->max_entries, m->flags, m->pinning);
		json_secref(o, m->sec);
		printf(",\"offset\":%" PRIu64 ",\"global_data\":%s}", m->off,
		       m->data_sec >= 0 ? "true" : "false");
	}
	printf("],\"programs\":[");
	for (size_t i = 0; i < o->nprogs; i++) {
		const struct obj_prog *p = &o->progs[i];
		const struct isa_progtype *pt = isa_progtype_by_id(p->prog_type);

		printf("%s{\"name\":", i ? "," : "");
		json_text(p->name);
		printf(",\"section\":");
		json_secref(o, p->sec);
		printf(",\"offset\":%" PRIu64 ",\"size\":%" PRIu64
		       ",\"prog_type\":%d,\"type_name\":",
		       p->off, p->size, p->prog_type);
		if (pt && p->prog_type)
			json_text(pt->name);
		else
			printf("null");
		printf(",\"attach_arg\":");
		if (p->attach_arg)
			json_text(p->attach_arg);
		else
			printf("null");
		printf("}");
	}
	printf("],\"functions\":[");
	for (size_t i = 0; i < o->nfuncs; i++) {
		printf("%s{\"name\":", i ? "," : "");
		json_text(obj_str(o, o->funcs[i].name));
		printf(",\"section\":");
		json_secref(o, o->funcs[i].sec);
		printf(",\"offset\":%" PRIu64 ",\"global\":%s}", o->funcs[i].off,
		       o->funcs[i].global ? "true" : "false");
	}
	printf("],\"disassembly\":[");
	first = 1;
	for (size_t i = 0; i < o->nsecs; i++) {
		if (!(o->secs[i].flags & SHF_EXECINSTR) || o->secs[i].type == SHT_NOBITS ||
		    obj_sec_size(&o->secs[i]) == 0)
			continue;
		if (!first)
			printf(",");
		first = 0;
		json_insns(o, (int)i, op);
	}
	printf("]}\n");
}

/* ------------------------------ re-assemblable listing ------------------------------ */

/* Names that are not plain identifiers are quoted, as clang -S quotes section names. */
static void put_name(const char *n)
{
	int plain = *n != '\0';

	for (const char *p = n; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || *p == '.' || *p == '$'))
			plain = 0;
	if (plain)
		fputs(n, stdout);
	else
		json_put_string(stdout, n); /* the escapes GNU as reads are a superset */
}

static void asm_section_directive(const struct obj_sec *s)
{
	char fl[8], *p = fl;

	if (s->flags & SHF_ALLOC)
		*p++ = 'a';
	if (s->flags & SHF_WRITE)
		*p++ = 'w';
	if (s->flags & SHF_EXECINSTR)
		*p++ = 'x';
	if (s->flags & SHF_MERGE)
		*p++ = 'M';
	if (s->flags & SHF_STRINGS)
		*p++ = 'S';
	*p = '\0';
	printf("\n\t.section\t");
	put_name(s->name);
	printf(",\"%s\",@%s%s\n", fl, s->type == SHT_NOBITS ? "nobits" : "progbits",
	       (s->flags & SHF_MERGE) ? ",1" : "");
	if (s->align > 1 && !(s->align & (s->align - 1))) {
		int l = 0;

		while ((1ull << l) < s->align)
			l++;
		printf("\t.p2align\t%d\n", l);
	}
}

/* Labels (with their binding, type and size) of the symbols at @pos. */
static void asm_labels(const struct obj *o, int s, uint64_t pos)
{
	for (size_t i = 0; i < o->nsyms; i++) {
		const struct obj_sym *y = &o->syms[i];

		if (y->sec != s || y->value != pos || y->type == STT_SECTION ||
		    y->type == STT_FILE || !*y->name)
			continue;
		if (y->bind == STB_GLOBAL || y->bind == STB_WEAK) {
			printf("\t%s\t", y->bind == STB_WEAK ? ".weak" : ".globl");
			put_name(y->name);
			putchar('\n');
		}
		if (y->type == STT_FUNC || y->type == STT_OBJECT) {
			printf("\t.type\t");
			put_name(y->name);
			printf(",@%s\n", y->type == STT_FUNC ? "function" : "object");
		}
		put_name(y->name);
		printf(":\n");
		if (y->size) {
			printf("\t.size\t");
			put_name(y->name);
			printf(", %" PRIu64 "\n", y->size);
		}
	}
}

/* Next offset after @pos where a symbol starts, or @end. */
static uint64_t next_label(const struct obj *o, int s, uint64_t pos, uint64_t end)
{
	for (size_t i = 0; i < o->nsyms; i++) {
		const struct obj_sym *y = &o->syms[i];

		if (y->sec == s && y->type != STT_SECTION && y->type != STT_FILE &&
		    y->value > pos && y->value < end)
			end = y->value;
	}
	return end;
}

/* "sym", "sym + 8", "sym - 8": a relocated operand with its implicit addend. */
static void put_symref(const struct obj *o, int sym, int64_t addend)
{
	put_name(sym_name(o, sym));
	if (addend > 0)
		printf(" + %" PRId64, addend);
	else if (addend < 0)
		printf(" - %" PRIu64, (uint64_t)0 - (uint64_t)addend);
}

/* The function a call lands on, if a named symbol sits there. */
static const struct obj_sym *func_at(const struct obj *o, int s, uint64_t off, int local_only)
{
	const struct obj_sym *best = NULL;

	for (size_t i = 0; i < o->nsyms; i++) {
		const struct obj_sym *y = &o->syms[i];

		if (y->sec != s || y->value != off || y->type == STT_SECTION ||
		    y->type == STT_FILE || !*y->name || (local_only && y->bind != STB_LOCAL))
			continue;
		if (!best || (y->type == STT_FUNC && best->type != STT_FUNC))
			best = y;
	}
	return best;
}

static void asm_bytes(const uint8_t *p, uint64_t n)
{
	for (uint64_t i = 0; i < n; i += 16) {
		printf("\t.byte\t");
		for (uint64_t k = i; k < n && k < i + 16; k++)
			printf("%s0x%02x", k > i ? ", " : "", p[k]);
		putchar('\n');
	}
}

static void asm_code(const struct obj *o, int s, const struct opts *op)
{
	const struct obj_sec *sec = &o->secs[s];
	uint64_t size = obj_sec_size(sec);
	const struct obj_rel **rv;
	size_t nr = sec_rels(o, s, &rv), ri = 0;
	const struct obj_line *last = NULL;

	for (uint64_t pos = 0; pos < size;) {
		uint64_t end = next_label(o, s, pos, size);
		const struct obj_rel *rel = NULL;
		struct slot sl;
		char text[256];

		asm_labels(o, s, pos);
		if (op->source && pos <= UINT32_MAX) {
			const struct obj_line *l = obj_line_find(o, s, (uint32_t)pos);

			if (l && l->off == pos &&
			    (!last || last->line != l->line || last->file != l->file)) {
				printf("\t# %s:%u: %s\n", obj_str(o, l->file), l->line,
				       obj_str(o, l->text));
				last = l;
			}
		}
		decode_at(sec, pos, end, &sl);
		while (ri < nr && rv[ri]->offset < pos)
			ri++;
		if (ri < nr && rv[ri]->offset < pos + sl.len)
			rel = rv[ri];
		if (!sl.ok || (rel && rel->offset != pos)) {
			asm_bytes(sec->data.data + pos, sl.len);
		} else if (rel && rel->type == ISA_R_BPF_64_64 && sl.in.code == 0x18 &&
			   sl.in.src == 0) {
			printf("\tr%d = ", sl.in.dst);
			put_symref(o, rel->sym, sl.in.imm64);
			printf(" ll\n");
		} else if (rel && rel->type == ISA_R_BPF_64_32 && sl.in.op == ISA_CALL_LOCAL) {
			const struct obj_sym *y = &o->syms[rel->sym];
			const struct obj_sym *f = NULL;

			/* against a section: the callee is where imm points in it */
			if (y->type == STT_SECTION && y->sec >= 0)
				f = func_at(o, y->sec,
					    y->value + ((uint64_t)(int64_t)sl.in.imm + 1) *
							       ISA_INSN_SIZE,
					    0);
			printf("\tcall ");
			put_name(f ? f->name : y->name);
			putchar('\n');
		} else {
			const struct obj_sym *f = NULL;

			/* an unrelocated local call to a local function in this section: by name,
			 * which assemblers resolve without a relocation, as here */
			if (sl.in.op == ISA_CALL_LOCAL)
				f = func_at(o, s,
					    pos + ((uint64_t)(int64_t)sl.in.imm + 1) *
							    ISA_INSN_SIZE,
					    1);
			if (f) {
				printf("\tcall ");
				put_name(f->name);
				putchar('\n');
			} else {
				isa_insn_print(&sl.in, ISA_SYNTAX_LLVM, 0, text, sizeof(text));
				printf("\t%s\n", text);
			}
			if (rel)
				printf("\t# relocation %s against %s not expressed\n",
				       rel_type_name(rel->type), sym_name(o, rel->sym));
		}
		pos += sl.len;
	}
	asm_labels(o, s, size);
	free(rv);
}

static void asm_data(const struct obj *o, int s)
{
	const struct obj_sec *sec = &o->secs[s];
	uint64_t size = obj_sec_size(sec);
	const struct obj_rel **rv;
	size_t nr = sec_rels(o, s, &rv), ri = 0;

	for (uint64_t pos = 0; pos < size;) {
		uint64_t end = next_label(o, s, pos, size);

		asm_labels(o, s, pos);
		while (ri < nr && rv[ri]->offset < pos)
			ri++;
		if (sec->type == SHT_NOBITS) {
			printf("\t.zero\t%" PRIu64 "\n", end - pos);
			pos = end;
			continue;
		}
		if (ri < nr && rv[ri]->offset == pos &&
		    (rv[ri]->type == ISA_R_BPF_64_ABS64 || rv[ri]->type == ISA_R_BPF_64_ABS32 ||
		     rv[ri]->type == ISA_R_BPF_64_NODYLD32)) {
			uint64_t w = rv[ri]->type == ISA_R_BPF_64_ABS64 ? 8 : 4, a = 0;

			if (pos + w <= end) {
				memcpy(&a, sec->data.data + pos, w);
				printf("\t.%s\t", w == 8 ? "quad" : "long");
				put_symref(o, rv[ri]->sym, w == 8 ? (int64_t)a : (int32_t)a);
				putchar('\n');
				pos += w;
				ri++;
				continue;
			}
		}
		/* plain bytes up to the next label or relocation */
		if (ri < nr && rv[ri]->offset < end && rv[ri]->offset > pos)
			end = rv[ri]->offset;
		if (end == pos)
			end = pos + 1;
		asm_bytes(sec->data.data + pos, end - pos);
		pos = end;
	}
	asm_labels(o, s, size);
	free(rv);
}

static void print_asm(const struct obj *o, const char *path, const struct opts *op)
{
	printf("# %s: re-assemblable listing by ebpf-objdump --asm\n", path);
	if (o->has_kern_version)
		printf("\t.kern_version %" PRIu32 "\n", o->kern_version);
	for (size_t i = 0; i < o->nmaps; i++) {
		const struct obj_map *m = &o->maps[i];
		const struct isa_maptype *mt = isa_maptype_by_id((int)m->type);

		if (m->data_sec >= 0)
			continue;
		if (!mt) {
			printf("# map '%s' has type %" PRIu32 ", which has no name\n", m->name,
			       m->type);
			continue;
		}
		printf("\t.map\t");
		put_name(m->name);
		printf(", %s, key=%" PRIu32 ", value=%" PRIu32 ", entries=%" PRIu32, mt->name,
		       m->key_size, m->value_size, m->max_entries);
		if (m->flags)
			printf(", flags=%" PRIu32, m->flags);
		if (m->pinning == 1)
			printf(", pinning=by_name");
		putchar('\n');
	}
	for (size_t i = 0; i < o->nsecs; i++) {
		const struct obj_sec *s = &o->secs[i];

		/* map definitions are the .map lines above; "version" is .kern_version */
		if (!strcmp(s->name, ".maps") || !strcmp(s->name, "maps") ||
		    (!strcmp(s->name, "version") && o->has_kern_version))
			continue;
		asm_section_directive(s);
		if ((s->flags & SHF_EXECINSTR) && s->type != SHT_NOBITS)
			asm_code(o, (int)i, op);
		else
			asm_data(o, (int)i);
	}
}

/* ------------------------------ main ------------------------------ */

static void usage(FILE *f)
{
	fputs("Usage: ebpf-objdump [OPTION]... FILE...\n"
	      "Print the contents of eBPF object files (from clang, llvm-mc or ebpf-as).\n"
	      "\n"
	      "  -d, --disassemble       disassemble code sections (the default), as\n"
	      "                          llvm-objdump -d --mcpu=v4 prints them\n"
	      "  -r, --reloc             relocations (inline with -d)\n"
	      "  -h, --section-headers   section headers\n"
	      "  -t, --syms              symbol table\n"
	      "  -S, --source            source lines from BTF line info, with -d\n"
	      "      --syntax=SYNTAX     llvm (pseudo-C, the default) or classic (mnemonics)\n"
	      "      --decimal           numbers in decimal instead of hex\n"
	      "      --asm               a listing that ebpf-as assembles to the same bytes\n"
	      "      --json              one JSON object per file (sections, symbols,\n"
	      "                          relocations, maps, programs, instructions)\n"
	      "      --help              show this help and exit\n"
	      "      --version           show the version and exit\n"
	      "\n"
	      "Exit status: 0 on success, 2 on usage errors or an unreadable or malformed file.\n",
	      f);
}

int main(int argc, char **argv)
{
	enum { OPT_SYNTAX = 256, OPT_DECIMAL, OPT_JSON, OPT_ASM, OPT_HELP, OPT_VERSION };
	static const struct option lopts[] = {
		{"disassemble", no_argument, NULL, 'd'},
		{"reloc", no_argument, NULL, 'r'},
		{"section-headers", no_argument, NULL, 'h'},
		{"headers", no_argument, NULL, 'h'},
		{"syms", no_argument, NULL, 't'},
		{"source", no_argument, NULL, 'S'},
		{"syntax", required_argument, NULL, OPT_SYNTAX},
		{"decimal", no_argument, NULL, OPT_DECIMAL},
		{"json", no_argument, NULL, OPT_JSON},
		{"asm", no_argument, NULL, OPT_ASM},
		{"help", no_argument, NULL, OPT_HELP},
		{"version", no_argument, NULL, OPT_VERSION},
		{NULL, 0, NULL, 0},
	};
	struct opts op = {.syntax = ISA_SYNTAX_LLVM, .pflags = ISA_PRINT_HEX};
	int c, ret = 0;

	while ((c = getopt_long(argc, argv, "drhtS", lopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			op.disasm = 1;
			break;
		case 'r':
			op.relocs = 1;
			break;
		case 'h':
			op.headers = 1;
			break;
		case 't':
			op.syms = 1;
			break;
		case 'S':
			op.source = op.disasm = 1;
			break;
		case OPT_SYNTAX:
			if (!strcmp(optarg, "llvm")) {
				op.syntax = ISA_SYNTAX_LLVM;
			} else if (!strcmp(optarg, "classic")) {
				op.syntax = ISA_SYNTAX_CLASSIC;
			} else {
				fprintf(stderr,
					"ebpf-objdump: unknown syntax '%s' (llvm or classic)\n",
					optarg);
				return 2;
			}
			break;
		case OPT_DECIMAL:
			op.pflags &= ~(unsigned)ISA_PRINT_HEX;
			break;
		case OPT_JSON:
			op.json = 1;
			break;
		case OPT_ASM:
			op.asm_mode = 1;
			break;
		case OPT_HELP:
			usage(stdout);
			return 0;
		case OPT_VERSION:
			printf("ebpf-objdump (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind == argc) {
		fprintf(stderr, "ebpf-objdump: no input file\n");
		usage(stderr);
		return 2;
	}
	if (!op.disasm && !op.relocs && !op.headers && !op.syms)
		op.disasm = 1;
	for (int i = optind; i < argc; i++) {
		struct diag d;
		struct obj *o;

		diag_init(&d);
		fflush(stdout);
		if (obj_read_file(argv[i], &o, &d)) {
			diag_print(&d, stderr, "ebpf-objdump", op.json);
			diag_fini(&d);
			ret = 2;
			continue;
		}
		diag_print(&d, stderr, "ebpf-objdump", op.json); /* warnings */
		if (op.json) {
			print_json(o, argv[i], &op);
		} else if (op.asm_mode) {
			print_asm(o, argv[i], &op);
		} else {
			printf("\n%s:\tfile format elf64-bpf\n", argv[i]);
			if (op.headers)
				print_section_headers(o);
			if (op.syms)
				print_symbols(o);
			if (op.relocs && !op.disasm)
				print_reloc_records(o);
			if (op.disasm)
				for (size_t s = 0; s < o->nsecs; s++)
					if (o->secs[s].flags & SHF_EXECINSTR)
						disasm_section(o, (int)s, &op);
		}
		obj_free(o);
		diag_fini(&d);
	}
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "ebpf-objdump: error: cannot write the output\n");
		ret = 2;
	}
	return ret;
}
