/* SPDX-License-Identifier: MIT */
/*
 * btf.c - encode and decode the BTF an eBPF object carries: map definitions, global data
 * sections, functions, and .BTF.ext func and line info. The layouts written and the rules
 * read are described in btf.h.
 *
 * Decoding trusts nothing: btfv_open() walks the type section once, checking that every
 * type record and its trailing members lie inside it, and records where each type starts;
 * afterwards a type id is checked against the count before use, a string offset against the
 * string section (whose last byte must be NUL, so every in-range offset names a terminated
 * string), and chains of typedefs and modifiers are cut off at MAX_DEPTH as libbpf does.
 */
#include "btf.h"
#include "../common/mem.h"

#include <elf.h>
#include <errno.h>
#include <inttypes.h>
#include <linux/btf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 32 /* libbpf's MAX_RESOLVE_DEPTH */

enum { VAR_STATIC = 0, VAR_GLOBAL = 1 };   /* enum btf_var linkage */
enum { FUNC_STATIC = 0, FUNC_GLOBAL = 1 }; /* enum btf_func_linkage */

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static int name_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

int obj_btf_name_ok(const char *name)
{
	if (!name_start((unsigned char)*name))
		return 0;
	for (const char *p = name + 1; *p; p++)
		if (!name_start((unsigned char)*p) && !(*p >= '0' && *p <= '9'))
			return 0;
	return strlen(name) < 128; /* KSYM_NAME_LEN */
}

int obj_sec_is_data_name(const char *n)
{
	static const char *const pfx[] = {".data", ".rodata", ".bss"};

	for (size_t i = 0; i < sizeof(pfx) / sizeof(pfx[0]); i++) {
		size_t l = strlen(pfx[i]);

		if (strncmp(n, pfx[i], l) == 0 && (n[l] == '\0' || n[l] == '.'))
			return 1;
	}
	return 0;
}

/* ================================ writing ================================ */

struct bb {
	struct buf types, strs;
	struct obj_strset set;
	uint32_t ntypes;
	int nomem;
};

static void bb_u32(struct bb *b, uint32_t v)
{
	if (buf_append(&b->types, &v, 4))
		b->nomem = 1;
}

static uint32_t bb_str(struct bb *b, const char *s)
{
	uint32_t off = 0;

	if (obj_strset_add(&b->set, &b->strs, s, strlen(s), &off))
		b->nomem = 1;
	return off;
}

/* Append a type record (without its trailing members); returns its id. */
static uint32_t bb_type_at(struct bb *b, uint32_t name_off, unsigned kind, uint32_t vlen,
			   uint32_t size_or_type)
{
	bb_u32(b, name_off);
	bb_u32(b, (uint32_t)kind << 24 | (vlen & 0xffff));
	bb_u32(b, size_or_type);
	return ++b->ntypes;
}

static uint32_t bb_type(struct bb *b, const char *name, unsigned kind, uint32_t vlen,
			uint32_t size_or_type)
{
	return bb_type_at(b, name ? bb_str(b, name) : 0, kind, vlen, size_or_type);
}

/* The ids every object uses; they come first, in this order. */
enum { T_INT = 1, T_ARRAY_SIZE = 2, T_VOIDP = 3, T_PROTO = 4 };

static void bb_base(struct bb *b)
{
	bb_type(b, "int", BTF_KIND_INT, 0, 4);
	bb_u32(b, BTF_INT_SIGNED << 24 | 32);
	bb_type(b, "__ARRAY_SIZE_TYPE__", BTF_KIND_INT, 0, 4);
	bb_u32(b, 32);
	bb_type(b, NULL, BTF_KIND_PTR, 0, 0);
	/* int (void *ctx): what clang writes for a program taking a context. Subprograms get
	 * it too; they are static, so the verifier checks them in their caller's context and
	 * never looks at the prototype. */
	bb_type(b, NULL, BTF_KIND_FUNC_PROTO, 1, T_INT);
	bb_u32(b, bb_str(b, "ctx"));
	bb_u32(b, T_VOIDP);
}

/* `int (*name)[value]`: libbpf's __uint(name, value). Returns the pointer's id. */
static uint32_t bb_uint_member(struct bb *b, uint32_t value)
{
	uint32_t arr = bb_type(b, NULL, BTF_KIND_ARRAY, 0, 0);

	bb_u32(b, T_INT);
	bb_u32(b, T_ARRAY_SIZE);
	bb_u32(b, value);
	return bb_type(b, NULL, BTF_KIND_PTR, 0, arr);
}

struct vsi {
	uint32_t type, off, size;
};

static int vsi_cmp(const void *pa, const void *pb)
{
	const struct vsi *a = pa, *b = pb;

	return a->off < b->off ? -1 : a->off > b->off;
}

static void bb_datasec(struct bb *b, const char *name, uint32_t size, struct vsi *v, size_t n)
{
	bb_type(b, name, BTF_KIND_DATASEC, (uint32_t)n, size);
	for (size_t i = 0; i < n; i++) {
		bb_u32(b, v[i].type);
		bb_u32(b, v[i].off);
		bb_u32(b, v[i].size);
	}
}

/* DATASEC ".maps" and what it lists. */
static int build_maps(struct bb *b, const struct obj *o, const char *name, struct diag *d)
{
	static const char *const member[] = {"type",	    "key_size",	 "value_size",
					     "max_entries", "map_flags", "pinning"};
	struct diag_loc loc = {.file = name};
	int maps_sec = obj_sec_find(o, ".maps"), err = 0;
	uint64_t secsize = maps_sec >= 0 ? obj_sec_size(&o->secs[maps_sec]) : 0;
	struct vsi *v;
	size_t n = 0;

	v = mem_alloc((o->nmaps ? o->nmaps : 1) * sizeof(*v));
	if (!v)
		return -ENOMEM;
	for (size_t i = 0; i < o->nmaps; i++) {
		const struct obj_map *m = &o->maps[i];
		uint32_t val[6] = {m->type,	   m->key_size, m->value_size,
				   m->max_entries, m->flags,	m->pinning};
		uint32_t ptr[6], which[6], st, var, nm = 0;
		uint64_t size = obj_map_def_size(m);

		if (m->data_sec >= 0)
			continue; /* global data: a DATASEC of its own */
		if (m->sec >= 0 && (size_t)m->sec < o->nsecs &&
		    !strcmp(o->secs[m->sec].name, "maps"))
			continue; /* legacy struct bpf_map_def: no BTF */
		if (m->sec < 0 || m->sec != maps_sec) {
			diag_error(d, &loc, "map '%s' has no definition in .maps", m->name);
			err = -EINVAL;
			continue;
		}
		if (!obj_btf_name_ok(m->name)) {
			diag_error(d, &loc, "map name '%s' is not a C identifier", m->name);
			err = -EINVAL;
			continue;
		}
		if (m->off > secsize || size > secsize - m->off) {
			diag_error(d, &loc,
				   "map '%s': its definition needs %" PRIu64
				   " bytes at .maps+0x%" PRIx64 ", but .maps is %" PRIu64 " bytes",
				   m->name, size, m->off, secsize);
			err = -EINVAL;
			continue;
		}
		for (uint32_t k = 0; k < 6; k++) {
			if (k && !val[k])
				continue; /* see obj_map_def_size() */
			which[nm] = k;
			ptr[nm++] = bb_uint_member(b, val[k]);
		}
		st = bb_type(b, NULL, BTF_KIND_STRUCT, nm, (uint32_t)size);
		for (uint32_t k = 0; k < nm; k++) {
			bb_u32(b, bb_str(b, member[which[k]]));
			bb_u32(b, ptr[k]);
			bb_u32(b, k * 64); /* bit offset */
		}
		var = bb_type(b, m->name, BTF_KIND_VAR, 0, st);
		bb_u32(b, VAR_GLOBAL);
		v[n].type = var;
		v[n].off = (uint32_t)m->off;
		v[n].size = (uint32_t)size;
		n++;
	}
	qsort(v, n, sizeof(*v), vsi_cmp);
	for (size_t i = 1; i < n && !err; i++) {
		if (v[i].off < v[i - 1].off + v[i - 1].size) {
			diag_error(d, &loc, "two maps overlap at .maps+0x%" PRIx32, v[i].off);
			err = -EINVAL;
		}
	}
	if (!err && n)
		bb_datasec(b, ".maps", (uint32_t)secsize, v, n);
	mem_free(v);
	return err;
}

/* One DATASEC per global data section, listing its named objects, so libbpf can give the
 * map a BTF value type (and skeletons can name the variables). */
static int build_data(struct bb *b, const struct obj *o)
{
	uint32_t t_char = 0;

	for (size_t s = 0; s < o->nsecs; s++) {
		const struct obj_sec *sec = &o->secs[s];
		uint64_t size = obj_sec_size(sec);
		struct vsi *v;
		size_t n = 0, k = 0;

		if (!obj_sec_is_data_name(sec->name) || (sec->flags & SHF_EXECINSTR) || size == 0 ||
		    size > UINT32_MAX || !(sec->flags & SHF_ALLOC))
			continue;
		for (size_t i = 0; i < o->nsyms; i++)
			n += o->syms[i].sec == (int)s && o->syms[i].type == STT_OBJECT;
		v = mem_alloc((n ? n : 1) * sizeof(*v));
		if (!v)
			return -ENOMEM;
		for (size_t i = 0; i < o->nsyms; i++) {
			const struct obj_sym *y = &o->syms[i];

			if (y->sec != (int)s || y->type != STT_OBJECT || !y->size ||
			    y->size > UINT32_MAX || y->value > size || y->size > size - y->value ||
			    !obj_btf_name_ok(y->name))
				continue;
			v[k].off = (uint32_t)y->value;
			v[k].size = (uint32_t)y->size;
			v[k].type = i; /* symbol index until the VAR exists */
			k++;
		}
		qsort(v, k, sizeof(*v), vsi_cmp);
		n = 0;
		for (size_t i = 0; i < k; i++) {
			const struct obj_sym *y = &o->syms[v[i].type];
			uint32_t arr;

			/* the kernel wants VARs in order and apart: drop aliases */
			if (n && v[i].off < v[n - 1].off + v[n - 1].size)
				continue;
			if (!t_char) {
				t_char = bb_type(b, "char", BTF_KIND_INT, 0, 1);
				bb_u32(b, BTF_INT_SIGNED << 24 | 8);
			}
			arr = bb_type(b, NULL, BTF_KIND_ARRAY, 0, 0);
			bb_u32(b, t_char);
			bb_u32(b, T_ARRAY_SIZE);
			bb_u32(b, v[i].size);
			v[n] = v[i];
			v[n].type = bb_type(b, y->name, BTF_KIND_VAR, 0, arr);
			bb_u32(b, y->bind == STB_LOCAL ? VAR_STATIC : VAR_GLOBAL);
			n++;
		}
		bb_datasec(b, sec->name, (uint32_t)size, v, n);
		mem_free(v);
	}
	return 0;
}

/* Sorting funcs and lines by index keeps the obj untouched (it is const here). */
struct ord {
	int sec;
	uint64_t off;
	size_t idx;
};

static int ord_cmp(const void *pa, const void *pb)
{
	const struct ord *a = pa, *b = pb;

	if (a->sec != b->sec)
		return a->sec < b->sec ? -1 : 1;
	if (a->off != b->off)
		return a->off < b->off ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int is_code(const struct obj *o, int sec)
{
	return sec >= 0 && (size_t)sec < o->nsecs && (o->secs[sec].flags & SHF_EXECINSTR);
}

typedef void (*ord_get_fn)(const struct obj *o, size_t i, int *sec, uint64_t *off);

/* Order entries of exec sections by (sec, off), dropping later duplicates and entries
 * outside their section. Returns the count kept, or -ENOMEM. */
static long order(const struct obj *o, struct ord **out, size_t n, ord_get_fn get)
{
	struct ord *v = mem_alloc((n ? n : 1) * sizeof(*v));
	size_t k = 0, m = 0;

	if (!v)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++) {
		int sec;
		uint64_t off;

		get(o, i, &sec, &off);
		if (!is_code(o, sec) || off >= obj_sec_size(&o->secs[sec]))
			continue;
		v[k].sec = sec;
		v[k].off = off;
		v[k].idx = i;
		k++;
	}
	qsort(v, k, sizeof(*v), ord_cmp);
	for (size_t i = 0; i < k; i++)
		if (!m || v[i].sec != v[m - 1].sec || v[i].off != v[m - 1].off)
			v[m++] = v[i];
	*out = v;
	return (long)m;
}

static void get_func(const struct obj *o, size_t i, int *sec, uint64_t *off)
{
	*sec = o->funcs[i].sec;
	*off = o->funcs[i].off;
}

static void get_line(const struct obj *o, size_t i, int *sec, uint64_t *off)
{
	*sec = o->lines[i].sec;
	*off = o->lines[i].off;
}

/* One .BTF.ext subsection: rec_size, then per section {name, count, records}. */
static void ext_subsection(struct bb *b, struct buf *ext, const struct obj *o, const struct ord *v,
			   size_t n, uint32_t rec_size, const uint32_t *recs)
{
	uint32_t w;

	if (n == 0)
		return;
	w = rec_size;
	if (buf_append(ext, &w, 4))
		b->nomem = 1;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		uint32_t hdr[2];

		while (j < n && v[j].sec == v[i].sec)
			j++;
		hdr[0] = bb_str(b, o->secs[v[i].sec].name);
		hdr[1] = (uint32_t)(j - i);
		if (buf_append(ext, hdr, sizeof(hdr)) ||
		    buf_append(ext, recs + i * (rec_size / 4), (j - i) * rec_size))
			b->nomem = 1;
		i = j;
	}
}

int obj_btf_build(const struct obj *o, struct buf *btf, struct buf *ext, const char *name,
		  struct diag *d)
{
	struct diag_loc loc = {.file = name};
	struct bb b;
	struct ord *fv = NULL, *lv = NULL;
	uint32_t *frec = NULL, *lrec = NULL, base;
	long nf, nl;
	int err;
	int any_data = 0;

	for (size_t s = 0; s < o->nsecs; s++)
		any_data |= obj_sec_is_data_name(o->secs[s].name) && obj_sec_size(&o->secs[s]) > 0;
	if (!o->nmaps && !o->nfuncs && !o->nlines && !any_data)
		return 0;

	memset(&b, 0, sizeof(b));
	/* The obj's string pool becomes the start of the BTF string section, so every
	 * obj_str offset (function names, files, source lines) is a BTF offset plus base. */
	base = o->strs.len && o->strs.data[0] == '\0' ? 0 : 1;
	if ((base && buf_append(&b.strs, "", 1)) ||
	    buf_append(&b.strs, o->strs.data, o->strs.len)) {
		err = -ENOMEM;
		goto out;
	}
	if (b.strs.len && b.strs.data[b.strs.len - 1] != '\0' && buf_append(&b.strs, "", 1)) {
		err = -ENOMEM;
		goto out;
	}
	bb_base(&b);
	err = build_maps(&b, o, name, d);
	if (err)
		goto out;
	err = build_data(&b, o);
	if (err)
		goto out;

	nf = order(o, &fv, o->nfuncs, get_func);
	nl = order(o, &lv, o->nlines, get_line);
	if (nf < 0 || nl < 0) {
		err = -ENOMEM;
		goto out;
	}
	frec = mem_alloc(((size_t)nf + 1) * 8);
	lrec = mem_alloc(((size_t)nl + 1) * 16);
	if (!frec || !lrec) {
		err = -ENOMEM;
		goto out;
	}
	for (long i = 0; i < nf; i++) {
		const struct obj_func *f = &o->funcs[fv[i].idx];
		const char *fname = obj_str(o, f->name);

		if (!obj_btf_name_ok(fname)) {
			diag_error(d, &loc, "function name '%s' is not a C identifier", fname);
			err = -EINVAL;
			continue;
		}
		frec[2 * i] = (uint32_t)f->off;
		/* named by its pool offset: the pool is the start of the string section */
		frec[2 * i + 1] = bb_type_at(&b, base + f->name, BTF_KIND_FUNC,
					     f->global ? FUNC_GLOBAL : FUNC_STATIC, T_PROTO);
	}
	if (err)
		goto out;
	for (long i = 0; i < nl; i++) {
		const struct obj_line *l = &o->lines[lv[i].idx];
		uint32_t line = l->line > 0x3fffff ? 0x3fffff : l->line;

		lrec[4 * i] = l->off;
		/* an offset outside the pool (a hand-made obj) reads as "", like obj_str() */
		lrec[4 * i + 1] = l->file < o->strs.len ? base + l->file : 0;
		lrec[4 * i + 2] = l->text < o->strs.len ? base + l->text : 0;
		lrec[4 * i + 3] = line << 10 | (l->col > 0x3ff ? 0x3ff : l->col);
	}
	if (nf || nl) {
		struct buf fi = {0}, li = {0};
		uint32_t h[8];

		ext_subsection(&b, &fi, o, fv, (size_t)nf, 8, frec);
		ext_subsection(&b, &li, o, lv, (size_t)nl, 16, lrec);
		h[0] = BTF_MAGIC | 1u << 16; /* magic, version 1, flags 0 */
		h[1] = sizeof(h);	     /* hdr_len */
		h[2] = 0;		     /* func_info_off, _len */
		h[3] = (uint32_t)fi.len;
		h[4] = (uint32_t)fi.len; /* line_info_off, _len */
		h[5] = (uint32_t)li.len;
		h[6] = (uint32_t)(fi.len + li.len); /* core_relo_off, _len: none */
		h[7] = 0;
		if (buf_append(ext, h, sizeof(h)) || buf_append(ext, fi.data, fi.len) ||
		    buf_append(ext, li.data, li.len))
			b.nomem = 1;
		buf_free(&fi);
		buf_free(&li);
	}
	if (b.nomem) {
		err = -ENOMEM;
		goto out;
	}
	if (b.strs.len - 1 > BTF_MAX_NAME_OFFSET) {
		diag_error(d, &loc, "BTF strings take %zu bytes, more than BTF's limit of 16 MiB",
			   b.strs.len);
		err = -E2BIG;
		goto out;
	}
	{
		struct btf_header h = {
			.magic = BTF_MAGIC,
			.version = BTF_VERSION,
			.hdr_len = sizeof(h),
			.type_off = 0,
			.type_len = (uint32_t)b.types.len,
			.str_off = (uint32_t)b.types.len,
			.str_len = (uint32_t)b.strs.len,
		};

		if (buf_append(btf, &h, sizeof(h)) || buf_append(btf, b.types.data, b.types.len) ||
		    buf_append(btf, b.strs.data, b.strs.len))
			err = -ENOMEM;
	}
out:
	mem_free(fv);
	mem_free(lv);
	mem_free(frec);
	mem_free(lrec);
	buf_free(&b.types);
	buf_free(&b.strs);
	obj_strset_free(&b.set);
	return err;
}

/* ================================ reading ================================ */

struct btfv {
	const uint8_t *types;
	uint32_t types_len;
	const char *strs;
	uint32_t strs_len;
	uint32_t *offs; /* offs[id - 1]: where type id starts in types */
	uint32_t n;
	size_t cap;
};

struct bt {
	uint32_t name_off, info, st; /* st: size or type */
	const uint8_t *ext;	     /* the members after the record */
};

static unsigned bt_kind(const struct bt *t)
{
	return BTF_INFO_KIND(t->info);
}

static uint32_t bt_vlen(const struct bt *t)
{
	return BTF_INFO_VLEN(t->info);
}

long obj_btf_type_extra(uint32_t info)
{
	uint32_t vlen = BTF_INFO_VLEN(info);

	switch (BTF_INFO_KIND(info)) {
	case BTF_KIND_INT:
	case BTF_KIND_VAR:
	case BTF_KIND_DECL_TAG:
		return 4;
	case BTF_KIND_PTR:
	case BTF_KIND_FWD:
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_FUNC:
	case BTF_KIND_FLOAT:
	case BTF_KIND_TYPE_TAG:
		return 0;
	case BTF_KIND_ARRAY:
		return 12;
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
	case BTF_KIND_DATASEC:
	case BTF_KIND_ENUM64:
		return 12L * vlen;
	case BTF_KIND_ENUM:
	case BTF_KIND_FUNC_PROTO:
		return 8L * vlen;
	default:
		return -1;
	}
}

static void btfv_close(struct btfv *v)
{
	mem_free(v->offs);
	memset(v, 0, sizeof(*v));
}

static int btfv_open(struct btfv *v, const struct buf *raw, const char *name, struct diag *d)
{
	struct diag_loc loc = {.file = name};
	const uint8_t *p = raw->data;
	uint32_t hdr_len, type_off, type_len, str_off, str_len, pos;
	uint16_t magic;

	memset(v, 0, sizeof(*v));
	if (raw->len < 24) {
		diag_error(d, &loc, "BTF: section is %zu bytes, shorter than a BTF header",
			   raw->len);
		return -EINVAL;
	}
	memcpy(&magic, p, 2);
	if (magic != BTF_MAGIC) {
		diag_error(d, &loc, "BTF: bad magic 0x%04x%s", magic,
			   magic == 0x9feb ? " (big-endian BTF is not supported)" : "");
		return -EINVAL;
	}
	if (p[2] != BTF_VERSION) {
		diag_error(d, &loc, "BTF: unsupported version %u", p[2]);
		return -EINVAL;
	}
	hdr_len = rd32(p + 4);
	type_off = rd32(p + 8);
	type_len = rd32(p + 12);
	str_off = rd32(p + 16);
	str_len = rd32(p + 20);
	if (hdr_len < 24 || hdr_len > raw->len || hdr_len % 4 ||
	    (uint64_t)type_off + type_len > raw->len - hdr_len ||
	    (uint64_t)str_off + str_len > raw->len - hdr_len || type_off % 4) {
		diag_error(d, &loc,
			   "BTF: header (length %" PRIu32 ", types %" PRIu32 "+%" PRIu32
			   ", strings %" PRIu32 "+%" PRIu32 ") does not fit the %zu-byte section",
			   hdr_len, type_off, type_len, str_off, str_len, raw->len);
		return -EINVAL;
	}
	v->types = p + hdr_len + type_off;
	v->types_len = type_len;
	v->strs = (const char *)p + hdr_len + str_off;
	v->strs_len = str_len;
	if (str_len == 0 || v->strs[0] != '\0' || v->strs[str_len - 1] != '\0') {
		diag_error(d, &loc, "BTF: the string section must start and end with a NUL");
		return -EINVAL;
	}
	for (pos = 0; pos < type_len;) {
		uint32_t info;
		long extra;
		uint32_t *no;

		if (type_len - pos < 12) {
			diag_error(d, &loc, "BTF: type %" PRIu32 " is cut off at the end",
				   v->n + 1);
			goto bad;
		}
		info = rd32(v->types + pos + 4);
		extra = obj_btf_type_extra(info);
		if (extra < 0) {
			diag_error(d, &loc, "BTF: type %" PRIu32 " has unknown kind %u", v->n + 1,
				   BTF_INFO_KIND(info));
			goto bad;
		}
		if ((uint64_t)type_len - pos - 12 < (uint64_t)extra) {
			diag_error(d, &loc,
				   "BTF: type %" PRIu32
				   " has %ld bytes of members past the end of the types",
				   v->n + 1, extra);
			goto bad;
		}
		if (v->n >= BTF_MAX_TYPE) {
			diag_error(d, &loc, "BTF: more than %u types", BTF_MAX_TYPE);
			goto bad;
		}
		no = mem_array(v->offs, &v->cap, (size_t)v->n + 1, sizeof(*no));
		if (!no) {
			btfv_close(v);
			return -ENOMEM;
		}
		v->offs = no;
		v->offs[v->n++] = pos;
		pos += 12 + (uint32_t)extra;
	}
	return 0;
bad:
	btfv_close(v);
	return -EINVAL;
}

static int bt_get(const struct btfv *v, uint32_t id, struct bt *t)
{
	const uint8_t *p;

	if (id == 0 || id > v->n)
		return -1;
	p = v->types + v->offs[id - 1];
	t->name_off = rd32(p);
	t->info = rd32(p + 4);
	t->st = rd32(p + 8);
	t->ext = p + 12;
	return 0;
}

static const char *btfv_str(const struct btfv *v, uint32_t off)
{
	return off < v->strs_len ? v->strs + off : NULL;
}

/* Follow typedefs and modifiers; 0 (void) or an id whose kind is none of them. */
static uint32_t skip_mods(const struct btfv *v, uint32_t id, struct bt *t)
{
	for (int depth = 0; depth < MAX_DEPTH; depth++) {
		if (bt_get(v, id, t))
			return 0;
		switch (bt_kind(t)) {
		case BTF_KIND_TYPEDEF:
		case BTF_KIND_VOLATILE:
		case BTF_KIND_CONST:
		case BTF_KIND_RESTRICT:
		case BTF_KIND_TYPE_TAG:
			id = t->st;
			break;
		default:
			return id;
		}
	}
	return 0;
}

/* The size of a type as libbpf's btf__resolve_size() computes it, or -1. */
static int64_t resolve_size(const struct btfv *v, uint32_t id, int depth)
{
	struct bt t;
	int64_t elem;
	uint32_t nelems;

	if (depth > MAX_DEPTH || bt_get(v, id, &t))
		return -1;
	switch (bt_kind(&t)) {
	case BTF_KIND_INT:
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
	case BTF_KIND_FLOAT:
	case BTF_KIND_DATASEC:
		return t.st;
	case BTF_KIND_PTR:
		return 8;
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPE_TAG:
	case BTF_KIND_VAR:
		return resolve_size(v, t.st, depth + 1);
	case BTF_KIND_ARRAY:
		nelems = rd32(t.ext + 8);
		elem = resolve_size(v, rd32(t.ext), depth + 1);
		if (elem < 0 || (nelems && (uint64_t)elem > UINT32_MAX / nelems))
			return -1;
		return elem * nelems;
	default:
		return -1;
	}
}

/* libbpf's __uint(name, value): a pointer to an array whose element count is the value. */
static int map_field_int(const struct btfv *v, uint32_t type, uint32_t *out)
{
	struct bt t;

	if (!skip_mods(v, type, &t) || bt_kind(&t) != BTF_KIND_PTR)
		return -1;
	if (!skip_mods(v, t.st, &t) || bt_kind(&t) != BTF_KIND_ARRAY)
		return -1;
	*out = rd32(t.ext + 8);
	return 0;
}

/* The symbol that defines a map: an object named like it in .maps (its value is the map's
 * real offset; clang leaves DATASEC offsets for libbpf to fill in). */
static int map_symbol(const struct obj *o, int sec, const char *name)
{
	for (size_t i = 0; i < o->nsyms; i++)
		if (o->syms[i].sec == sec && o->syms[i].type != STT_SECTION &&
		    strcmp(o->syms[i].name, name) == 0)
			return (int)i;
	return -1;
}

/*
 * The members of map definition @def (a struct) into @m, by libbpf's rules. @inner: this is
 * the inner definition of a map of maps (`__array(values, struct {...})`), which libbpf
 * allows only one level deep. Messages name the map @mname. Returns 0 or -EINVAL.
 */
static int def_read(const struct btfv *v, const struct bt *def, const char *mname, int inner,
		    struct obj_map *m, const struct diag_loc *loc, struct diag *d)
{
	const char *field;
	uint32_t val;
	int64_t sz;

	for (uint32_t i = 0; i < bt_vlen(def); i++) {
		const uint8_t *mem = def->ext + 12 * i;
		uint32_t mtype = rd32(mem + 4);
		int is_key;

		field = btfv_str(v, rd32(mem));
		if (!field) {
			diag_error(d, loc, "map '%s': member %" PRIu32 " has a bad name offset",
				   mname, i);
			return -EINVAL;
		}
		is_key = strcmp(field, "key") == 0;
		if (is_key || strcmp(field, "value") == 0) {
			struct bt p;

			if (bt_get(v, mtype, &p) || bt_kind(&p) != BTF_KIND_PTR) {
				diag_error(d, loc, "map '%s': '%s' is not a pointer", mname, field);
				return -EINVAL;
			}
			sz = resolve_size(v, p.st, 0);
			if (sz < 0 || sz > UINT32_MAX) {
				diag_error(d, loc, "map '%s': cannot tell the size of the %s type",
					   mname, field);
				return -EINVAL;
			}
			*(is_key ? &m->key_size : &m->value_size) = (uint32_t)sz;
			continue;
		}
		if (strcmp(field, "values") == 0) {
			if (inner) {
				diag_error(d, loc,
					   "map '%s': its inner map has initial values of its own: "
					   "maps of maps nest one level only",
					   mname);
				return -EINVAL;
			}
			m->value_size = 4; /* map-in-map or prog array: ids */
			continue;
		}
		if (strcmp(field, "type") && strcmp(field, "max_entries") &&
		    strcmp(field, "map_flags") && strcmp(field, "key_size") &&
		    strcmp(field, "value_size") && strcmp(field, "pinning"))
			continue; /* numa_node, map_extra, ...: not in the model */
		if (map_field_int(v, mtype, &val)) {
			diag_error(d, loc,
				   "map '%s': '%s' is not __uint(%s, N) (a pointer to an array)",
				   mname, field, field);
			return -EINVAL;
		}
		if (!strcmp(field, "type"))
			m->type = val;
		else if (!strcmp(field, "max_entries"))
			m->max_entries = val;
		else if (!strcmp(field, "map_flags"))
			m->flags = val;
		else if (!strcmp(field, "key_size"))
			m->key_size = val;
		else if (!strcmp(field, "value_size"))
			m->value_size = val;
		else
			m->pinning = val;
	}
	return 0;
}

static int read_map(struct obj *o, const struct btfv *v, const uint8_t *vsi, int maps_sec,
		    const char *name, struct diag *d)
{
	struct diag_loc loc = {.file = name};
	struct obj_map m;
	struct bt var, def;
	const char *mname;
	uint64_t secsize = obj_sec_size(&o->secs[maps_sec]);
	uint32_t var_id = rd32(vsi);
	int err;

	memset(&m, 0, sizeof(m));
	m.data_sec = -1;
	m.sec = maps_sec;
	if (bt_get(v, var_id, &var) || bt_kind(&var) != BTF_KIND_VAR) {
		diag_error(d, &loc, "BTF: .maps lists type %" PRIu32 ", which is not a variable",
			   var_id);
		return -EINVAL;
	}
	mname = btfv_str(v, var.name_off);
	if (!mname || !*mname) {
		diag_error(d, &loc, "BTF: a map in .maps has no name");
		return -EINVAL;
	}
	if (!skip_mods(v, var.st, &def) || bt_kind(&def) != BTF_KIND_STRUCT) {
		diag_error(d, &loc, "map '%s': its BTF definition is not a struct", mname);
		return -EINVAL;
	}
	m.sym = map_symbol(o, maps_sec, mname);
	m.off = m.sym >= 0 ? o->syms[m.sym].value : rd32(vsi + 4);
	if (m.off > secsize || def.st > secsize - m.off) {
		diag_error(d, &loc,
			   "map '%s': its %" PRIu32 "-byte definition at .maps+0x%" PRIx64
			   " lies outside the %" PRIu64 "-byte section",
			   mname, def.st, m.off, secsize);
		return -EINVAL;
	}
	err = def_read(v, &def, mname, 0, &m, &loc, d);
	if (err)
		return err;
	m.name = (char *)mname;
	return obj_map_add(o, &m) < 0 ? -ENOMEM : 0;
}

int obj_btf_read_maps(struct obj *o, const char *name, struct diag *d)
{
	struct diag_loc loc = {.file = name};
	struct btfv v;
	int err, maps_sec;

	if (o->btf.len == 0)
		return 0;
	err = btfv_open(&v, &o->btf, name, d);
	if (err)
		return err;
	maps_sec = obj_sec_find(o, ".maps");
	for (uint32_t id = 1; id <= v.n && !err; id++) {
		struct bt t;
		const char *tn;

		bt_get(&v, id, &t);
		if (bt_kind(&t) != BTF_KIND_DATASEC)
			continue;
		tn = btfv_str(&v, t.name_off);
		if (!tn || strcmp(tn, ".maps") != 0)
			continue;
		if (maps_sec < 0) {
			diag_error(d, &loc,
				   "BTF describes maps in .maps, but there is no .maps section");
			err = -EINVAL;
			break;
		}
		for (uint32_t i = 0; i < bt_vlen(&t) && !err; i++)
			err = read_map(o, &v, t.ext + 12 * i, maps_sec, name, d);
		break;
	}
	btfv_close(&v);
	return err;
}

/* The definition (a struct) of the map named @mname in DATASEC .maps: 0 and *@def, or -1. */
static int maps_def_find(const struct btfv *v, const char *mname, struct bt *def)
{
	for (uint32_t id = 1; id <= v->n; id++) {
		struct bt t, var;
		const char *tn;

		bt_get(v, id, &t);
		tn = btfv_str(v, t.name_off);
		if (bt_kind(&t) != BTF_KIND_DATASEC || !tn || strcmp(tn, ".maps") != 0)
			continue;
		for (uint32_t i = 0; i < bt_vlen(&t); i++) {
			if (bt_get(v, rd32(t.ext + 12 * i), &var) || bt_kind(&var) != BTF_KIND_VAR)
				continue;
			tn = btfv_str(v, var.name_off);
			if (tn && strcmp(tn, mname) == 0 && skip_mods(v, var.st, def) &&
			    bt_kind(def) == BTF_KIND_STRUCT)
				return 0;
		}
	}
	return -1;
}

int obj_btf_map_inner(const struct obj *o, int map, struct obj_map *inner,
		      const struct diag_loc *loc, struct diag *d)
{
	const char *mname;
	char iname[128];
	struct btfv v;
	struct bt def, t;
	int err, found = 0;

	memset(inner, 0, sizeof(*inner));
	inner->sym = inner->sec = inner->data_sec = -1;
	if (map < 0 || (size_t)map >= o->nmaps || o->btf.len == 0)
		return 0;
	mname = o->maps[map].name ? o->maps[map].name : "";
	err = btfv_open(&v, &o->btf, loc ? loc->file : NULL, d);
	if (err)
		return err;
	if (maps_def_find(&v, mname, &def))
		goto out;
	for (uint32_t i = 0; i < bt_vlen(&def); i++) {
		const uint8_t *mem = def.ext + 12 * i;
		const char *field = btfv_str(&v, rd32(mem));

		if (!field || strcmp(field, "values") != 0)
			continue;
		/* __array(values, struct inner): `struct inner *values[]`, an array of pointers
		 * to the inner definition. */
		if (!skip_mods(&v, rd32(mem + 4), &t) || bt_kind(&t) != BTF_KIND_ARRAY ||
		    !skip_mods(&v, rd32(t.ext), &t) || bt_kind(&t) != BTF_KIND_PTR ||
		    !skip_mods(&v, t.st, &t) || bt_kind(&t) != BTF_KIND_STRUCT) {
			diag_error(d, loc,
				   "map '%s': 'values' is not __array(values, struct {...}): the "
				   "inner map's definition must be a struct",
				   mname);
			err = -EINVAL;
			goto out;
		}
		/* libbpf's name for the inner map: "OUTER.inner" */
		snprintf(iname, sizeof(iname), "%s.inner", mname);
		err = def_read(&v, &t, iname, 1, inner, loc, d);
		found = !err;
		break;
	}
out:
	btfv_close(&v);
	return err ? err : found;
}

/* One .BTF.ext subsection; calls @fn for each record with its section index. */
static int ext_walk(struct obj *o, const struct btfv *v, const uint8_t *p, uint32_t len,
		    uint32_t min_rec, const char *what, const char *name, struct diag *d,
		    int (*fn)(struct obj *, const struct btfv *, int, const uint8_t *, const char *,
			      struct diag *))
{
	struct diag_loc loc = {.file = name};
	uint32_t rec, pos = 4;

	if (len == 0)
		return 0;
	if (len < 4 || (rec = rd32(p)) < min_rec || rec % 4 || rec > 1024) {
		diag_error(d, &loc, "BTF.ext: %s has a bad record size", what);
		return -EINVAL;
	}
	while (pos < len) {
		uint32_t sec_off, num;
		const char *secname;
		int sec, err;

		if (len - pos < 8) {
			diag_error(d, &loc, "BTF.ext: %s is cut off", what);
			return -EINVAL;
		}
		sec_off = rd32(p + pos);
		num = rd32(p + pos + 4);
		pos += 8;
		if ((uint64_t)num * rec > len - pos) {
			diag_error(d, &loc, "BTF.ext: %s claims %" PRIu32 " records, more than fit",
				   what, num);
			return -EINVAL;
		}
		secname = btfv_str(v, sec_off);
		if (!secname) {
			diag_error(d, &loc, "BTF.ext: %s names a section with a bad string offset",
				   what);
			return -EINVAL;
		}
		sec = obj_sec_find(o, secname);
		if (sec < 0 || !(o->secs[sec].flags & SHF_EXECINSTR)) {
			diag_error(d, &loc, "BTF.ext: %s for section '%s', which holds no code",
				   what, secname);
			return -EINVAL;
		}
		for (uint32_t i = 0; i < num; i++) {
			const uint8_t *r = p + pos + (size_t)i * rec;

			if (rd32(r) >= obj_sec_size(&o->secs[sec])) {
				diag_error(d, &loc,
					   "BTF.ext: %s at %s+0x%" PRIx32
					   " is past the end of the section",
					   what, secname, rd32(r));
				return -EINVAL;
			}
			err = fn(o, v, sec, r, name, d);
			if (err)
				return err;
		}
		pos += (uint32_t)((uint64_t)num * rec);
	}
	return 0;
}

static int func_rec(struct obj *o, const struct btfv *v, int sec, const uint8_t *r,
		    const char *name, struct diag *d)
{
	struct diag_loc loc = {.file = name};
	struct bt t;
	const char *fname;

	if (bt_get(v, rd32(r + 4), &t) || bt_kind(&t) != BTF_KIND_FUNC ||
	    !(fname = btfv_str(v, t.name_off))) {
		diag_error(d, &loc,
			   "BTF.ext: func info at %s+0x%" PRIx32 " names type %" PRIu32
			   ", which is not a function",
			   o->secs[sec].name, rd32(r), rd32(r + 4));
		return -EINVAL;
	}
	return obj_func_add(o, sec, rd32(r), fname, bt_vlen(&t) == FUNC_GLOBAL) < 0 ? -ENOMEM : 0;
}

static int line_rec(struct obj *o, const struct btfv *v, int sec, const uint8_t *r,
		    const char *name, struct diag *d)
{
	struct diag_loc loc = {.file = name};
	const char *file = btfv_str(v, rd32(r + 4)), *text = btfv_str(v, rd32(r + 8));
	uint32_t lc = rd32(r + 12);

	if (!file || !text) {
		diag_error(d, &loc,
			   "BTF.ext: line info at %s+0x%" PRIx32 " has a bad string offset",
			   o->secs[sec].name, rd32(r));
		return -EINVAL;
	}
	return obj_line_add(o, sec, rd32(r), file, lc >> 10, lc & 0x3ff, text, strlen(text)) < 0
		       ? -ENOMEM
		       : 0;
}

int obj_btf_read_ext(struct obj *o, const char *name, struct diag *d)
{
	struct diag_loc loc = {.file = name};
	const uint8_t *p = o->btf_ext.data;
	size_t len = o->btf_ext.len;
	uint32_t hdr_len, fo, fl, lo, ll;
	struct btfv v;
	uint16_t magic;
	int err;

	if (len == 0)
		return 0;
	if (o->btf.len == 0) {
		diag_error(d, &loc, "BTF.ext: present without .BTF");
		return -EINVAL;
	}
	if (len < 24) {
		diag_error(d, &loc, "BTF.ext: %zu bytes, shorter than its header", len);
		return -EINVAL;
	}
	memcpy(&magic, p, 2);
	hdr_len = rd32(p + 4);
	fo = rd32(p + 8);
	fl = rd32(p + 12);
	lo = rd32(p + 16);
	ll = rd32(p + 20);
	if (magic != BTF_MAGIC || p[2] != 1) {
		diag_error(d, &loc, "BTF.ext: bad magic or version");
		return -EINVAL;
	}
	if (hdr_len < 24 || hdr_len > len || (uint64_t)fo + fl > len - hdr_len ||
	    (uint64_t)lo + ll > len - hdr_len || fo % 4 || lo % 4) {
		diag_error(d, &loc, "BTF.ext: header offsets do not fit the %zu-byte section", len);
		return -EINVAL;
	}
	err = btfv_open(&v, &o->btf, name, d);
	if (err)
		return err;
	err = ext_walk(o, &v, p + hdr_len + fo, fl, 8, "func info", name, d, func_rec);
	if (!err)
		err = ext_walk(o, &v, p + hdr_len + lo, ll, 16, "line info", name, d, line_rec);
	btfv_close(&v);
	return err;
}
