/* SPDX-License-Identifier: MIT */
/*
 * link.c - a program of a struct obj as one flat, relocated instruction array (link.h).
 *
 * A program handed to a machine (the kernel, the interpreter) is one flat array of
 * instructions. The object has it in pieces: the program's bytes in its section,
 * subprograms in .text or other executable sections, and relocations saying which lddw
 * names a map or global data and which call names a function. Each program is therefore
 * rebuilt as a list of chunks:
 *
 *   slot 0 ............ the program itself (chunk 0: its section, its offset and size)
 *   after it .......... every subprogram it reaches, transitively, each once (one chunk each)
 *
 * and walked slot by slot; a walk reaching a call to code outside every chunk appends that
 * function as a new chunk, which the same walk visits later. Every slot remembers where it
 * came from (section, offset): relocations are looked up by that origin, so a subprogram's
 * own relocations apply in every program that appends it, and a complaint about slot N
 * finds its source line.
 *
 * Call targets follow LLVM: a call with a relocation reaches symbol + (imm + 1) slots (a
 * global function has imm = -1, a static one is reached through its section symbol); one
 * without a relocation is pc-relative inside its section. An lddw of a function (src 4)
 * reaches symbol + imm bytes. After placement both become pc-relative in the flat program.
 * An lddw of a map symbol becomes (src 1, imm = the map's imm); of global data (src 2,
 * imm = the imm of the section's map, next imm = offset in it). The map's imm is the
 * caller's business (obj_link_map_fn): a descriptor in the kernel, a handle in the VM.
 *
 * Invariants: the object is never modified; every slot of the result has an origin.
 */
#include "link.h"

#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/bpf.h>
#include <linux/btf.h>

#include "../common/mem.h"
#include "btf.h"

#define CODE_LDDW 0x18 /* BPF_LD | BPF_IMM | BPF_DW */
#define CODE_CALL 0x85 /* BPF_JMP | BPF_CALL */

/* A relocation, keyed for binary search by the place it patches. */
struct relref {
	int sec;
	uint64_t off;
	size_t rel;
};

struct obj_link {
	const struct obj *o;
	struct relref *rels; /* sorted by (sec, off) */
	size_t nrels;
};

/* Everything one program's linking needs. */
struct build {
	const struct obj *o;
	const struct obj_link *lk;
	struct diag *d;
	const struct diag_loc *loc;
	const char *pname;
	obj_link_map_fn map_imm;
	void *arg;
	struct obj_linked *out;
};

static int relref_cmp(const void *a, const void *b)
{
	const struct relref *x = a, *y = b;

	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return 0;
}

int obj_link_new(const struct obj *o, struct obj_link **out)
{
	struct obj_link *lk = mem_alloc(sizeof(*lk));

	*out = NULL;
	if (!lk)
		return -ENOMEM;
	lk->o = o;
	lk->rels = mem_alloc((o->nrels ? o->nrels : 1) * sizeof(*lk->rels));
	if (!lk->rels) {
		mem_free(lk);
		return -ENOMEM;
	}
	for (size_t i = 0; i < o->nrels; i++)
		lk->rels[i] = (struct relref){o->rels[i].sec, o->rels[i].offset, i};
	qsort(lk->rels, o->nrels, sizeof(*lk->rels), relref_cmp);
	lk->nrels = o->nrels;
	*out = lk;
	return 0;
}

void obj_link_free(struct obj_link *lk)
{
	if (!lk)
		return;
	mem_free(lk->rels);
	mem_free(lk);
}

void obj_linked_fini(struct obj_linked *l)
{
	mem_free(l->insns);
	mem_free(l->origin);
	mem_free(l->chunks);
	memset(l, 0, sizeof(*l));
}

/* The relocation patching (sec, off), or NULL. */
static const struct obj_rel *rel_find(const struct build *b, int sec, uint64_t off)
{
	struct relref key = {sec, off, 0};
	const struct relref *r = bsearch(&key, b->lk->rels, b->lk->nrels, sizeof(key), relref_cmp);

	return r ? &b->o->rels[r->rel] : NULL;
}

static const char *sym_name(const struct obj *o, int sym)
{
	const struct obj_sym *s = sym >= 0 && (size_t)sym < o->nsyms ? &o->syms[sym] : NULL;

	if (s && s->name && *s->name)
		return s->name;
	/* Section symbols are nameless in the ELF: they stand for their section. */
	if (s && s->sec >= 0 && (size_t)s->sec < o->nsecs)
		return o->secs[s->sec].name;
	return "(unnamed)";
}

static const char *sec_name(const struct obj *o, int sec)
{
	return sec >= 0 && (size_t)sec < o->nsecs ? o->secs[sec].name : "(none)";
}

/* ---- program assembly ---- */

static int chunk_append(struct build *b, int sec, uint64_t off, uint64_t size, size_t *at)
{
	const struct obj_sec *s = &b->o->secs[sec];
	struct obj_linked *lp = b->out;
	size_t n = (size_t)(size / ISA_INSN_SIZE), need;
	struct isa_raw *ni;
	struct obj_origin *no;
	struct obj_link_chunk *nc;

	if (size == 0 || size % ISA_INSN_SIZE || off % ISA_INSN_SIZE || off > s->data.len ||
	    size > s->data.len - off) {
		diag_error(b->d, b->loc,
			   "prog '%s': code at %s+0x%llx (%llu bytes) is not whole instructions "
			   "inside the section",
			   b->pname, s->name, (unsigned long long)off, (unsigned long long)size);
		return -EINVAL;
	}
	need = lp->ninsns + n;
	ni = mem_array(lp->insns, &lp->insns_cap, need, sizeof(*ni));
	if (!ni)
		return -ENOMEM;
	lp->insns = ni;
	no = mem_array(lp->origin, &lp->origin_cap, need, sizeof(*no));
	if (!no)
		return -ENOMEM;
	lp->origin = no;
	nc = mem_array(lp->chunks, &lp->chunks_cap, lp->nchunks + 1, sizeof(*nc));
	if (!nc)
		return -ENOMEM;
	lp->chunks = nc;

	memcpy(lp->insns + lp->ninsns, s->data.data + off, n * ISA_INSN_SIZE);
	for (size_t i = 0; i < n; i++) {
		lp->origin[lp->ninsns + i].sec = sec;
		lp->origin[lp->ninsns + i].off = off + i * ISA_INSN_SIZE;
	}
	lp->chunks[lp->nchunks++] = (struct obj_link_chunk){sec, off, size, lp->ninsns};
	*at = lp->ninsns;
	lp->ninsns = need;
	return 0;
}

/*
 * The extent of the function starting at (sec, off): its symbol's size when it has one,
 * else up to the next function symbol or the end of the section (code from an assembler
 * that never said .type/.size).
 */
static uint64_t func_size(const struct obj *o, int sec, uint64_t off)
{
	uint64_t end = obj_sec_size(&o->secs[sec]);

	for (size_t i = 0; i < o->nsyms; i++) {
		const struct obj_sym *s = &o->syms[i];

		if (s->sec == sec && s->type == STT_FUNC && s->value == off && s->size)
			return s->size;
	}
	for (size_t i = 0; i < o->nsyms; i++) {
		const struct obj_sym *s = &o->syms[i];

		if (s->sec == sec && s->type == STT_FUNC && s->value > off && s->value < end)
			end = s->value;
	}
	return end - off;
}

/* The flat-program slot of code at byte @toff of @sec, appending its function if needed. */
static int target_slot(struct build *b, int sec, int64_t toff, size_t *slot)
{
	const struct obj *o = b->o;
	const struct obj_linked *lp = b->out;

	for (size_t i = 0; i < lp->nchunks; i++) {
		const struct obj_link_chunk *c = &lp->chunks[i];

		if (c->sec == sec && toff >= 0 && (uint64_t)toff >= c->off &&
		    (uint64_t)toff < c->off + c->size) {
			*slot = c->at + (size_t)(((uint64_t)toff - c->off) / ISA_INSN_SIZE);
			return 0;
		}
	}
	if (sec < 0 || (size_t)sec >= o->nsecs || !(o->secs[sec].flags & SHF_EXECINSTR) ||
	    toff < 0 || (uint64_t)toff >= o->secs[sec].data.len || toff % ISA_INSN_SIZE) {
		diag_error(b->d, b->loc, "prog '%s': call target %s+0x%llx is not code", b->pname,
			   sec_name(o, sec), (unsigned long long)toff);
		return -EINVAL;
	}
	return chunk_append(b, sec, (uint64_t)toff, func_size(o, sec, (uint64_t)toff), slot);
}

/* Make slot @i (a call or an lddw of a function) reach code at (@sec, @toff). */
static int code_ref_fix(struct build *b, size_t i, int sec, int64_t toff)
{
	size_t slot;
	int64_t rel;
	int err = target_slot(b, sec, toff, &slot);

	if (err)
		return err;
	rel = (int64_t)slot - (int64_t)i - 1;
	b->out->insns[i].imm = (int32_t)rel;
	return 0;
}

int obj_link_map_of_sym(const struct obj *o, int sym)
{
	const struct obj_sym *s;

	if (sym < 0 || (size_t)sym >= o->nsyms)
		return -1;
	s = &o->syms[sym];
	for (size_t m = 0; m < o->nmaps; m++)
		if (o->maps[m].data_sec < 0 && o->maps[m].sym == sym)
			return (int)m;
	/* A symbol table rewritten by another tool: match by place instead. */
	for (size_t m = 0; m < o->nmaps; m++)
		if (o->maps[m].data_sec < 0 && o->maps[m].sec == s->sec &&
		    o->maps[m].off == s->value)
			return (int)m;
	return -1;
}

int obj_link_map_of_data_sec(const struct obj *o, int sec)
{
	for (size_t m = 0; m < o->nmaps; m++)
		if (o->maps[m].data_sec == sec)
			return (int)m;
	return -1;
}

static int map_imm_of(struct build *b, int m, int32_t *imm)
{
	int err = b->map_imm(b->arg, m, imm);

	if (err < 0)
		diag_error(b->d, b->loc, "prog '%s': map '%s' was not created", b->pname,
			   b->o->maps[m].name);
	return err < 0 ? err : 0;
}

static int relo_lddw(struct build *b, size_t i, const struct obj_rel *r)
{
	const struct obj *o = b->o;
	struct isa_raw *in = &b->out->insns[i];
	const struct obj_sym *s;
	int32_t imm;
	int m, err;

	if (!r) {
		/* Assembled in place: a function address relative to this lddw. */
		if (in->src == ISA_PSEUDO_FUNC)
			return code_ref_fix(b, i, b->out->origin[i].sec,
					    (int64_t)b->out->origin[i].off +
						    ((int64_t)in->imm + 1) * ISA_INSN_SIZE);
		return 0;
	}
	if (r->type != ISA_R_BPF_64_64 || r->sym < 0 || (size_t)r->sym >= o->nsyms) {
		diag_error(b->d, b->loc,
			   "prog '%s': relocation type %u at %s+0x%llx is not R_BPF_64_64 on lddw",
			   b->pname, r->type, sec_name(o, r->sec), (unsigned long long)r->offset);
		return -EINVAL;
	}
	s = &o->syms[r->sym];
	if (s->sec < 0 || (size_t)s->sec >= o->nsecs) {
		diag_error(b->d, b->loc,
			   "prog '%s': '%s' is not defined in this object (extern variables and "
			   "kernel symbols are not supported)",
			   b->pname, sym_name(o, r->sym));
		return -EINVAL;
	}

	m = obj_link_map_of_data_sec(o, s->sec);
	if (m >= 0) {
		/* Global data: the address of a value inside the section's map. LLVM puts the
		 * offset in the symbol (named variables) or in imm (section symbol + offset). */
		int64_t voff = (int64_t)s->value + in->imm;

		err = map_imm_of(b, m, &imm);
		if (err)
			return err;
		if (voff < 0 || (uint64_t)voff >= obj_sec_size(&o->secs[s->sec])) {
			diag_error(b->d, b->loc, "prog '%s': '%s'%+d is outside section '%s'",
				   b->pname, sym_name(o, r->sym), in->imm, sec_name(o, s->sec));
			return -EINVAL;
		}
		in->src = ISA_PSEUDO_MAP_VALUE;
		in->imm = imm;
		in[1].imm = (int32_t)voff;
		return 0;
	}
	if (o->secs[s->sec].flags & SHF_EXECINSTR) {
		/* A callback (bpf_loop, timers): the function's address as a pseudo func. */
		in->src = ISA_PSEUDO_FUNC;
		return code_ref_fix(b, i, s->sec, (int64_t)s->value + in->imm);
	}
	m = obj_link_map_of_sym(o, r->sym);
	if (m < 0) {
		diag_error(b->d, b->loc,
			   "prog '%s': '%s' in section '%s' is neither a map nor global data",
			   b->pname, sym_name(o, r->sym), sec_name(o, s->sec));
		return -EINVAL;
	}
	err = map_imm_of(b, m, &imm);
	if (err)
		return err;
	in->src = ISA_PSEUDO_MAP_FD;
	in->imm = imm;
	return 0;
}

static int relo_call(struct build *b, size_t i, const struct obj_rel *r)
{
	const struct obj *o = b->o;
	const struct isa_raw *in = &b->out->insns[i];
	const struct obj_sym *s;

	if (!r)
		return code_ref_fix(b, i, b->out->origin[i].sec,
				    (int64_t)b->out->origin[i].off +
					    ((int64_t)in->imm + 1) * ISA_INSN_SIZE);
	if (r->type != ISA_R_BPF_64_32 || r->sym < 0 || (size_t)r->sym >= o->nsyms) {
		diag_error(
			b->d, b->loc,
			"prog '%s': relocation type %u at %s+0x%llx is not R_BPF_64_32 on a call",
			b->pname, r->type, sec_name(o, r->sec), (unsigned long long)r->offset);
		return -EINVAL;
	}
	s = &o->syms[r->sym];
	if (s->sec < 0) {
		diag_error(b->d, b->loc,
			   "prog '%s': function '%s' is not defined in this object (kfuncs and "
			   "extern functions are not supported)",
			   b->pname, sym_name(o, r->sym));
		return -EINVAL;
	}
	return code_ref_fix(b, i, s->sec,
			    (int64_t)s->value + ((int64_t)in->imm + 1) * ISA_INSN_SIZE);
}

int obj_link_prog(const struct obj_link *lk, const struct obj_prog *p, obj_link_map_fn map_imm,
		  void *arg, const struct diag_loc *loc, struct diag *d, struct obj_linked *out)
{
	struct build bd = {
		.o = lk->o,
		.lk = lk,
		.d = d,
		.loc = loc,
		.pname = p->name ? p->name : "",
		.map_imm = map_imm,
		.arg = arg,
		.out = out,
	};
	struct build *b = &bd;
	uint64_t size = p->size;
	size_t at;
	int err;

	memset(out, 0, sizeof(*out));
	if (p->sec < 0 || (size_t)p->sec >= b->o->nsecs) {
		diag_error(b->d, b->loc, "prog '%s': no such section", b->pname);
		return -EINVAL;
	}
	if (!size && p->off < obj_sec_size(&b->o->secs[p->sec]))
		size = func_size(b->o, p->sec, p->off);
	err = chunk_append(b, p->sec, p->off, size, &at);
	if (err)
		return err;

	/* out->ninsns grows while this runs: appended subprograms are walked too. */
	for (size_t i = 0; i < out->ninsns; i++) {
		const struct obj_origin org = out->origin[i];
		const struct obj_rel *r = rel_find(b, org.sec, org.off);
		const struct isa_raw in = out->insns[i];

		if (in.code == CODE_LDDW) {
			if (i + 1 >= out->ninsns || out->origin[i + 1].sec != org.sec ||
			    out->origin[i + 1].off != org.off + ISA_INSN_SIZE) {
				diag_error(b->d, b->loc,
					   "prog '%s': lddw at %s+0x%llx has no second half",
					   b->pname, sec_name(b->o, org.sec),
					   (unsigned long long)org.off);
				return -EINVAL;
			}
			err = relo_lddw(b, i, r);
			i++;
		} else if (in.code == CODE_CALL && in.src == ISA_PSEUDO_CALL) {
			err = relo_call(b, i, r);
		} else if (r) {
			diag_error(b->d, b->loc,
				   "prog '%s': relocation against '%s' at %s+0x%llx patches an "
				   "instruction that is neither lddw nor a call",
				   b->pname, sym_name(b->o, r->sym), sec_name(b->o, org.sec),
				   (unsigned long long)org.off);
			err = -EINVAL;
		}
		if (err)
			return err;
	}
	return 0;
}

/* ---- prog_array initial values (BTF-defined maps) ---- */

/*
 * The byte offset of member "values" in the BTF definition of map @name, or -1. libbpf
 * takes a prog_array's initial programs from `.values = { [i] = &prog }`: relocations
 * against the programs at values + 8 * i in the map's definition.
 */
static long btf_values_offset(const struct obj *o, const char *name)
{
	const uint8_t *raw = o->btf.data, *types;
	const char *strs;
	struct btf_header h;
	size_t *at = NULL, n = 0, cap = 0;
	long result = -1;

	if (o->btf.len < sizeof(h))
		return -1;
	memcpy(&h, raw, sizeof(h));
	if (h.magic != BTF_MAGIC || h.hdr_len < sizeof(h) || h.hdr_len > o->btf.len ||
	    h.type_off > o->btf.len - h.hdr_len ||
	    h.type_len > o->btf.len - h.hdr_len - h.type_off ||
	    h.str_off > o->btf.len - h.hdr_len || h.str_len > o->btf.len - h.hdr_len - h.str_off ||
	    h.str_len == 0 || raw[h.hdr_len + h.str_off + h.str_len - 1] != '\0')
		return -1;
	types = raw + h.hdr_len + h.type_off;
	strs = (const char *)raw + h.hdr_len + h.str_off;
	for (size_t off = 0; off < h.type_len;) {
		struct btf_type t;
		long extra;
		size_t *na;

		if (h.type_len - off < sizeof(t))
			goto out;
		memcpy(&t, types + off, sizeof(t));
		extra = obj_btf_type_extra(t.info);
		if (extra < 0 || (size_t)extra > h.type_len - off - sizeof(t))
			goto out;
		na = mem_array(at, &cap, n + 2, sizeof(*at));
		if (!na)
			goto out;
		at = na;
		at[++n] = off; /* type ids start at 1 */
		off += sizeof(t) + (size_t)extra;
	}
	for (size_t id = 1; id <= n; id++) {
		struct btf_type t;
		uint32_t ty;

		memcpy(&t, types + at[id], sizeof(t));
		if (BTF_INFO_KIND(t.info) != BTF_KIND_VAR || t.name_off >= h.str_len ||
		    strcmp(strs + t.name_off, name) != 0)
			continue;
		/* through typedefs and qualifiers to the struct; a bounded walk */
		ty = t.type;
		for (int hops = 0; hops < 16 && ty && ty <= n; hops++) {
			memcpy(&t, types + at[ty], sizeof(t));
			if (BTF_INFO_KIND(t.info) != BTF_KIND_TYPEDEF &&
			    BTF_INFO_KIND(t.info) != BTF_KIND_CONST &&
			    BTF_INFO_KIND(t.info) != BTF_KIND_VOLATILE)
				break;
			ty = t.type;
		}
		if (!ty || ty > n || BTF_INFO_KIND(t.info) != BTF_KIND_STRUCT)
			break;
		for (uint32_t m = 0; m < BTF_INFO_VLEN(t.info); m++) {
			struct btf_member mb;

			memcpy(&mb, types + at[ty] + sizeof(t) + m * sizeof(mb), sizeof(mb));
			if (mb.name_off < h.str_len && strcmp(strs + mb.name_off, "values") == 0) {
				uint32_t bits = BTF_INFO_KFLAG(t.info)
							? BTF_MEMBER_BIT_OFFSET(mb.offset)
							: mb.offset;
				result = bits % 8 ? -1 : (long)(bits / 8);
				break;
			}
		}
		break;
	}
out:
	mem_free(at);
	return result;
}

/* The program (index in progs[]) at symbol @sym, or -1. */
static int prog_of_sym(const struct obj *o, int sym)
{
	const struct obj_sym *s = &o->syms[sym];

	for (size_t i = 0; i < o->nprogs; i++)
		if (o->progs[i].sym == sym ||
		    (o->progs[i].sec == s->sec && o->progs[i].off == s->value && s->sec >= 0))
			return (int)i;
	return -1;
}

static int is_map_of_maps(uint32_t type)
{
	return type == BPF_MAP_TYPE_ARRAY_OF_MAPS || type == BPF_MAP_TYPE_HASH_OF_MAPS;
}

/*
 * The initial values of @map: relocations in its definition from member "values" on, one
 * per 8-byte slot. @maps: they name maps (a map of maps), else programs (a prog_array).
 * Calls @fn with the slot and the index of the map or program.
 */
static int values_walk(const struct obj *o, int map, int maps, obj_link_values_fn fn, void *arg,
		       const struct diag_loc *loc, struct diag *d)
{
	const struct obj_map *def;
	uint64_t base, end;
	long voff;

	if (map < 0 || (size_t)map >= o->nmaps)
		return 0;
	def = &o->maps[map];
	if ((maps ? !is_map_of_maps(def->type) : def->type != BPF_MAP_TYPE_PROG_ARRAY) ||
	    def->sec < 0 || def->sym < 0 || (size_t)def->sym >= o->nsyms)
		return 0;
	voff = btf_values_offset(o, def->name ? def->name : "");
	if (voff < 0)
		return 0;
	base = def->off + (uint64_t)voff;
	end = def->off + o->syms[def->sym].size;
	for (size_t r = 0; r < o->nrels; r++) {
		const struct obj_rel *rel = &o->rels[r];
		int ok = rel->sym >= 0 && (size_t)rel->sym < o->nsyms, t = -1, err;

		if (rel->sec != def->sec || rel->offset < base || rel->offset >= end)
			continue;
		if (ok)
			t = maps ? obj_link_map_of_sym(o, rel->sym) : prog_of_sym(o, rel->sym);
		if (t < 0 || (rel->offset - base) % 8) {
			if (ok && maps)
				diag_error(d, loc,
					   "map '%s': initial value at +0x%llx names '%s', which "
					   "is not a map",
					   def->name, (unsigned long long)(rel->offset - def->off),
					   o->syms[rel->sym].name);
			else
				diag_error(d, loc, "map '%s': initial value at +0x%llx is not a %s",
					   def->name, (unsigned long long)(rel->offset - def->off),
					   maps ? "map" : "program");
			return -EINVAL;
		}
		err = fn(arg, (uint32_t)((rel->offset - base) / 8), t);
		if (err)
			return err;
	}
	return 0;
}

int obj_link_map_values(const struct obj *o, int map, obj_link_values_fn fn, void *arg,
			const struct diag_loc *loc, struct diag *d)
{
	return values_walk(o, map, 0, fn, arg, loc, d);
}

int obj_link_map_inner_values(const struct obj *o, int map, obj_link_values_fn fn, void *arg,
			      const struct diag_loc *loc, struct diag *d)
{
	return values_walk(o, map, 1, fn, arg, loc, d);
}

int obj_link_map_inner(const struct obj *o, int map, struct obj_map *inner,
		       const struct diag_loc *loc, struct diag *d)
{
	return obj_btf_map_inner(o, map, inner, loc, d);
}
