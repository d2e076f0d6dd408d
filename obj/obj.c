/* SPDX-License-Identifier: MIT */
/*
 * obj.c - struct obj in memory: building it up, finding things in it, the interned string
 * pool, and deriving programs and functions from symbols. No ELF here (elf-read.c,
 * elf-write.c) and no BTF (btf.c).
 *
 * Invariants kept here:
 *   - every array is NULL with count 0, or holds count initialised entries;
 *   - names are owned copies (mem_strdup), freed by obj_free;
 *   - strs always starts with "" at offset 0, and every string in it is NUL-terminated and
 *     unique (strs_set indexes it), so an offset identifies a string and equal offsets mean
 *     equal strings;
 *   - progs[].attach_arg points into its section's name (valid while secs[] is unchanged).
 */
#include "obj.h"
#include "btf.h"
#include "isa.h"
#include "../common/mem.h"

#include <elf.h>
#include <linux/bpf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct obj *obj_new(void)
{
	struct obj *o = mem_alloc(sizeof(*o));

	if (!o)
		return NULL;
	if (buf_append(&o->strs, "", 1)) {
		mem_free(o);
		return NULL;
	}
	return o;
}

void obj_free(struct obj *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->nsecs; i++) {
		mem_free(o->secs[i].name);
		buf_free(&o->secs[i].data);
	}
	for (size_t i = 0; i < o->nsyms; i++)
		mem_free(o->syms[i].name);
	for (size_t i = 0; i < o->nmaps; i++)
		mem_free(o->maps[i].name);
	for (size_t i = 0; i < o->nprogs; i++)
		mem_free(o->progs[i].name);
	mem_free(o->secs);
	mem_free(o->syms);
	mem_free(o->rels);
	mem_free(o->maps);
	mem_free(o->progs);
	mem_free(o->funcs);
	mem_free(o->lines);
	mem_free(o->license);
	buf_free(&o->strs);
	buf_free(&o->btf);
	buf_free(&o->btf_ext);
	if (o->strs_set) {
		obj_strset_free(o->strs_set);
		mem_free(o->strs_set);
	}
	mem_free(o);
}

/* Make room for one more element of a growable array; the caller bumps the count. */
#define GROW(o, arr, n, cap)                                                                       \
	({                                                                                         \
		void *p_ = mem_array((o)->arr, &(o)->cap, (o)->n + 1, sizeof(*(o)->arr));          \
		if (p_)                                                                            \
			(o)->arr = p_;                                                             \
		p_ != NULL;                                                                        \
	})

/* Indexes are ints in the API; refuse to grow past what an int can name. */
static int full(size_t n)
{
	return n >= (size_t)0x7fffffff;
}

int obj_sec_add(struct obj *o, const char *name, uint32_t type, uint64_t flags, uint64_t align)
{
	struct obj_sec *s;
	char *nm;

	if (full(o->nsecs) || !GROW(o, secs, nsecs, secs_cap))
		return -ENOMEM;
	nm = mem_strdup(name ? name : "");
	if (!nm)
		return -ENOMEM;
	s = &o->secs[o->nsecs];
	memset(s, 0, sizeof(*s));
	s->name = nm;
	s->type = type;
	s->flags = flags;
	s->align = align;
	return (int)o->nsecs++;
}

int obj_sec_find(const struct obj *o, const char *name)
{
	for (size_t i = 0; i < o->nsecs; i++)
		if (strcmp(o->secs[i].name, name) == 0)
			return (int)i;
	return -1;
}

uint64_t obj_sec_size(const struct obj_sec *s)
{
	return s->type == SHT_NOBITS ? s->size : s->data.len;
}

int obj_sym_add(struct obj *o, const char *name, int sec, uint64_t value, uint64_t size, int bind,
		int type)
{
	struct obj_sym *s;
	char *nm;

	if (full(o->nsyms) || !GROW(o, syms, nsyms, syms_cap))
		return -ENOMEM;
	nm = mem_strdup(name ? name : "");
	if (!nm)
		return -ENOMEM;
	s = &o->syms[o->nsyms];
	memset(s, 0, sizeof(*s));
	s->name = nm;
	s->sec = sec;
	s->value = value;
	s->size = size;
	s->bind = (uint8_t)bind;
	s->type = (uint8_t)type;
	return (int)o->nsyms++;
}

int obj_sym_find(const struct obj *o, const char *name)
{
	for (size_t i = 0; i < o->nsyms; i++)
		if (strcmp(o->syms[i].name, name) == 0)
			return (int)i;
	return -1;
}

int obj_rel_add(struct obj *o, int sec, uint64_t offset, int sym, uint32_t type)
{
	struct obj_rel *r;

	if (full(o->nrels) || !GROW(o, rels, nrels, rels_cap))
		return -ENOMEM;
	r = &o->rels[o->nrels];
	r->sec = sec;
	r->offset = offset;
	r->sym = sym;
	r->type = type;
	return (int)o->nrels++;
}

int obj_map_add(struct obj *o, const struct obj_map *m)
{
	char *nm;

	if (full(o->nmaps) || !GROW(o, maps, nmaps, maps_cap))
		return -ENOMEM;
	nm = mem_strdup(m->name ? m->name : "");
	if (!nm)
		return -ENOMEM;
	o->maps[o->nmaps] = *m;
	o->maps[o->nmaps].name = nm;
	return (int)o->nmaps++;
}

int obj_map_find(const struct obj *o, const char *name)
{
	for (size_t i = 0; i < o->nmaps; i++)
		if (strcmp(o->maps[i].name, name) == 0)
			return (int)i;
	return -1;
}

uint64_t obj_map_def_size(const struct obj_map *m)
{
	/* a zero member is the same to libbpf as no member: leave it out, as clang does */
	return 8 *
	       (1 + !!m->key_size + !!m->value_size + !!m->max_entries + !!m->flags + !!m->pinning);
}

int obj_func_add(struct obj *o, int sec, uint64_t off, const char *name, int global)
{
	struct obj_func *f;
	uint32_t s;

	if (full(o->nfuncs) || !GROW(o, funcs, nfuncs, funcs_cap))
		return -ENOMEM;
	s = obj_str_add(o, name, strlen(name));
	if (!s && *name)
		return -ENOMEM;
	f = &o->funcs[o->nfuncs];
	f->sec = sec;
	f->off = off;
	f->name = s;
	f->global = global ? 1 : 0;
	return (int)o->nfuncs++;
}

int obj_line_add(struct obj *o, int sec, uint32_t off, const char *file, unsigned line,
		 unsigned col, const char *text, size_t textlen)
{
	struct obj_line *l;
	uint32_t fs, ts;

	if (full(o->nlines) || !GROW(o, lines, nlines, lines_cap))
		return -ENOMEM;
	file = file ? file : "";
	text = text ? text : "";
	fs = obj_str_add(o, file, strlen(file));
	if (!fs && *file)
		return -ENOMEM;
	ts = obj_str_add(o, text, textlen);
	if (!ts && textlen && *text)
		return -ENOMEM;
	l = &o->lines[o->nlines];
	l->sec = sec;
	l->off = off;
	l->file = fs;
	l->text = ts;
	l->line = line;
	l->col = col;
	return (int)o->nlines++;
}

uint64_t obj_rel_width(uint32_t type)
{
	switch (type) {
	case ISA_R_BPF_NONE:
		return 0;
	case ISA_R_BPF_64_64:
		return 16; /* both halves of lddw */
	case ISA_R_BPF_64_ABS64:
	case ISA_R_BPF_64_32: /* a call instruction */
		return 8;
	case ISA_R_BPF_64_ABS32:
	case ISA_R_BPF_64_NODYLD32:
		return 4;
	default:
		return UINT64_MAX;
	}
}

/* ---- the string set (shared with btf.c and elf-write.c through btf.h) ---- */

/* FNV-1a: strings here are file names and source lines; no adversary picks them to collide
 * (a crafted object only slows its own reading). */
static uint32_t str_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++) {
		h ^= (uint8_t)s[i];
		h *= 16777619u;
	}
	return h;
}

static int strset_grow(struct obj_strset *set, const struct buf *pool)
{
	size_t ncap = set->cap ? set->cap * 2 : 64;
	uint32_t *ns;

	if (ncap > SIZE_MAX / sizeof(*ns))
		return -ENOMEM;
	ns = mem_alloc(ncap * sizeof(*ns));
	if (!ns)
		return -ENOMEM;
	for (size_t i = 0; i < set->cap; i++) {
		uint32_t v = set->slots[i];
		const char *s;
		size_t j;

		if (!v)
			continue;
		s = (const char *)pool->data + v - 1;
		j = str_hash(s, strlen(s)) & (ncap - 1);
		while (ns[j])
			j = (j + 1) & (ncap - 1);
		ns[j] = v;
	}
	mem_free(set->slots);
	set->slots = ns;
	set->cap = ncap;
	return 0;
}

int obj_strset_add(struct obj_strset *set, struct buf *pool, const char *s, size_t n, uint32_t *off)
{
	uint32_t h;
	size_t j;

	n = strnlen(s, n);
	if (n == 0) {
		*off = 0;
		return 0;
	}
	/* keep the table at most half full so probes stay short */
	if ((set->count + 1) * 2 > set->cap && strset_grow(set, pool))
		return -ENOMEM;
	h = str_hash(s, n);
	for (j = h & (set->cap - 1); set->slots[j]; j = (j + 1) & (set->cap - 1)) {
		const char *p = (const char *)pool->data + set->slots[j] - 1;

		/* strncmp, not memcmp: p may be shorter than n and end the pool */
		if (strncmp(p, s, n) == 0 && p[n] == '\0') {
			*off = set->slots[j] - 1;
			return 0;
		}
	}
	/* offsets are 32-bit everywhere (BTF, ELF): stop well before they wrap */
	if (pool->len + n + 1 >= UINT32_MAX)
		return -E2BIG;
	if (buf_reserve(pool, n + 1))
		return -ENOMEM;
	*off = (uint32_t)pool->len;
	memcpy(pool->data + pool->len, s, n);
	pool->data[pool->len + n] = '\0';
	pool->len += n + 1;
	set->slots[j] = *off + 1;
	set->count++;
	return 0;
}

void obj_strset_free(struct obj_strset *set)
{
	mem_free(set->slots);
	set->slots = NULL;
	set->cap = set->count = 0;
}

uint32_t obj_str_add(struct obj *o, const char *s, size_t n)
{
	uint32_t off;

	if (!o->strs_set) {
		o->strs_set = mem_alloc(sizeof(*o->strs_set));
		if (!o->strs_set)
			return 0;
	}
	/* an obj someone built by hand may lack the leading "" */
	if (o->strs.len == 0 && buf_append(&o->strs, "", 1))
		return 0;
	if (obj_strset_add(o->strs_set, &o->strs, s, n, &off))
		return 0;
	return off;
}

const char *obj_str(const struct obj *o, uint32_t off)
{
	if (off >= o->strs.len)
		return "";
	return (const char *)o->strs.data + off;
}

/* ---- line info ---- */

static int line_cmp(const struct obj_line *a, const struct obj_line *b)
{
	if (a->sec != b->sec)
		return a->sec < b->sec ? -1 : 1;
	if (a->off != b->off)
		return a->off < b->off ? -1 : 1;
	return 0;
}

const struct obj_line *obj_line_find(const struct obj *o, int sec, uint32_t off)
{
	struct obj_line key = {.sec = sec, .off = off};
	size_t lo = 0, hi = o->nlines;

	/* first entry greater than (sec, off) */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (line_cmp(&o->lines[mid], &key) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || o->lines[lo - 1].sec != sec)
		return NULL;
	/* several entries for one instruction: the first added wins */
	lo--;
	while (lo > 0 && line_cmp(&o->lines[lo - 1], &o->lines[lo]) == 0)
		lo--;
	return &o->lines[lo];
}

/* Stable, so that of several entries for one instruction the first added stays first. */
void obj_lines_sort(struct obj *o)
{
	size_t n = o->nlines, i;
	struct obj_line *tmp;

	for (i = 1; i < n; i++)
		if (line_cmp(&o->lines[i - 1], &o->lines[i]) > 0)
			break;
	if (i >= n)
		return;
	tmp = mem_alloc(n * sizeof(*tmp));
	if (!tmp) {
		/* out of memory: insertion sort, slow but stable and in place */
		for (i = 1; i < n; i++) {
			struct obj_line x = o->lines[i];
			size_t j = i;

			while (j > 0 && line_cmp(&o->lines[j - 1], &x) > 0) {
				o->lines[j] = o->lines[j - 1];
				j--;
			}
			o->lines[j] = x;
		}
		return;
	}
	/* bottom-up merge sort, ping-ponging between lines and tmp */
	struct obj_line *src = o->lines, *dst = tmp;

	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n;
			size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t a = lo, b = mid, k = lo;

			while (a < mid && b < hi)
				dst[k++] = line_cmp(&src[b], &src[a]) < 0 ? src[b++] : src[a++];
			while (a < mid)
				dst[k++] = src[a++];
			while (b < hi)
				dst[k++] = src[b++];
		}
		struct obj_line *t = src;
		src = dst;
		dst = t;
	}
	if (src != o->lines)
		memcpy(o->lines, src, n * sizeof(*tmp));
	mem_free(tmp);
}

/* ---- programs ---- */

static int is_exec(const struct obj *o, int sec)
{
	return sec >= 0 && (size_t)sec < o->nsecs && (o->secs[sec].flags & SHF_EXECINSTR);
}

/* libbpf's rule: .text holds subprograms; a global function anywhere else is a program. */
static int is_prog_sym(const struct obj *o, const struct obj_sym *s)
{
	return s->type == STT_FUNC && (s->bind == STB_GLOBAL || s->bind == STB_WEAK) &&
	       is_exec(o, s->sec) && strcmp(o->secs[s->sec].name, ".text") != 0;
}

/* A symbol without a size (hand-written assembly) runs to the next function or the end. */
static uint64_t func_extent(const struct obj *o, const struct obj_sym *s)
{
	uint64_t end = obj_sec_size(&o->secs[s->sec]);

	if (s->size)
		return s->size;
	for (size_t i = 0; i < o->nsyms; i++) {
		const struct obj_sym *t = &o->syms[i];

		if (t->sec == s->sec && t->type == STT_FUNC && t->value > s->value &&
		    t->value < end)
			end = t->value;
	}
	return end > s->value ? end - s->value : 0;
}

static int prog_cmp(const void *pa, const void *pb)
{
	const struct obj_prog *a = pa, *b = pb;

	if (a->sec != b->sec)
		return a->sec < b->sec ? -1 : 1;
	if (a->off != b->off)
		return a->off < b->off ? -1 : 1;
	return strcmp(a->name, b->name);
}

int obj_progs_collect(struct obj *o)
{
	int want_funcs = o->nfuncs == 0;

	for (size_t i = 0; i < o->nprogs; i++)
		mem_free(o->progs[i].name);
	o->nprogs = 0;
	for (size_t i = 0; i < o->nsyms; i++) {
		const struct obj_sym *s = &o->syms[i];
		const struct isa_secdef *def;
		const char *secname;
		struct obj_prog *p;

		if (want_funcs && s->type == STT_FUNC && is_exec(o, s->sec) &&
		    obj_func_add(o, s->sec, s->value, s->name, is_prog_sym(o, s)) < 0)
			return -ENOMEM;
		if (!is_prog_sym(o, s))
			continue;
		if (full(o->nprogs) || !GROW(o, progs, nprogs, progs_cap))
			return -ENOMEM;
		p = &o->progs[o->nprogs];
		memset(p, 0, sizeof(*p));
		p->name = mem_strdup(s->name);
		if (!p->name)
			return -ENOMEM;
		p->sec = s->sec;
		p->off = s->value;
		p->size = func_extent(o, s);
		p->sym = (int)i;
		p->expected_attach_type = -1;
		secname = o->secs[s->sec].name;
		def = isa_secdef_find(secname);
		if (def) {
			size_t plen = strlen(def->prefix);

			p->prog_type = def->prog_type;
			p->expected_attach_type = def->attach_type;
			/* "kprobe/do_unlinkat" -> "do_unlinkat"; "xdp" -> none. A leading '?'
			 * (libbpf: not loaded by default) is not part of the prefix. */
			if (*secname == '?')
				secname++;
			if (strncmp(secname, def->prefix, plen) == 0 && secname[plen]) {
				const char *arg = secname + plen;

				if (*arg == '/')
					arg++;
				p->attach_arg = *arg ? arg : NULL;
			}
		}
		o->nprogs++;
	}
	if (o->nprogs > 1)
		qsort(o->progs, o->nprogs, sizeof(*o->progs), prog_cmp);
	return 0;
}

int obj_data_maps_collect(struct obj *o)
{
	for (size_t i = 0; i < o->nsecs; i++) {
		const struct obj_sec *s = &o->secs[i];
		struct obj_map m;

		if ((s->flags & SHF_EXECINSTR) || !obj_sec_is_data_name(s->name) ||
		    obj_sec_size(s) == 0)
			continue;
		memset(&m, 0, sizeof(m));
		m.name = s->name;
		m.type = BPF_MAP_TYPE_ARRAY;
		m.key_size = 4;
		m.value_size = (uint32_t)obj_sec_size(s);
		m.max_entries = 1;
		m.flags = BPF_F_MMAPABLE;
		if (!strncmp(s->name, ".rodata", 7))
			m.flags |= BPF_F_RDONLY_PROG;
		m.sym = -1;
		m.sec = (int)i;
		m.off = 0;
		m.data_sec = (int)i;
		if (obj_map_add(o, &m) < 0)
			return -ENOMEM;
	}
	return 0;
}
