/* SPDX-License-Identifier: MIT */
/*
 * btfdump.c - map keys and values printed by their BTF types, as bpftool's "formatted"
 * dump: the kernel keeps a map's BTF object id and its key and value type ids; the BTF is
 * fetched by id (BPF_BTF_GET_FD_BY_ID, then BPF_OBJ_GET_INFO_BY_FD with a buffer), every
 * type is bounds-checked once while the id index is built, and values print as JSON:
 *
 *   INT        decimal (signed by its encoding), bool as true/false; wider than 8 bytes: hex
 *   ENUM       the enumerator's name, else the number
 *   PTR        "0x..." (an address means nothing outside the kernel)
 *   ARRAY      [ ... ]; of char, printable up to a NUL: a string
 *   STRUCT     { "member": value, ... } with bitfields extracted (little-endian)
 *   FLOAT      %g
 *   DATASEC    {"NAME": [ {"var": value}, ... ]} (a global data map's value, as bpftool)
 *   typedef, const, volatile, restrict, type_tag: what they name
 *
 * Anything else, a size that does not match the bytes given, or nesting deeper than 32 makes
 * ldr_btf_print fail, and the caller prints hex instead. Nothing is trusted: every type id
 * and string offset from the kernel is checked before use.
 *
 * The loader asks the same index which types a map of an object has (ldr_btf_map_types),
 * to create it with them: libbpf's three conventions, see there.
 */
#define _GNU_SOURCE
#include "attach.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/btf.h>

#include "../common/mem.h"
#include "../obj/btf.h"

struct ldr_btf {
	uint8_t *raw;
	uint32_t size;
	const uint8_t *types;
	const char *strs;
	uint32_t str_len;
	const struct btf_type **by_id; /* [0] unused: void */
	uint32_t ntypes;
};

static uint32_t rd32(const void *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

void ldr_btf_free(struct ldr_btf *b)
{
	if (!b)
		return;
	mem_free(b->raw);
	mem_free(b->by_id);
	mem_free(b);
}

static int btf_index(struct ldr_btf *b)
{
	struct btf_header h;
	size_t cap = 0;
	const struct btf_type **na;

	if (b->size < sizeof(h))
		return -EINVAL;
	memcpy(&h, b->raw, sizeof(h));
	if (h.magic != BTF_MAGIC || h.hdr_len < sizeof(h) || h.hdr_len > b->size ||
	    h.type_off > b->size - h.hdr_len || h.type_len > b->size - h.hdr_len - h.type_off ||
	    h.str_off > b->size - h.hdr_len || h.str_len > b->size - h.hdr_len - h.str_off ||
	    h.str_len == 0)
		return -EINVAL;
	b->types = b->raw + h.hdr_len + h.type_off;
	b->strs = (const char *)b->raw + h.hdr_len + h.str_off;
	b->str_len = h.str_len;
	if (b->strs[b->str_len - 1] != '\0')
		return -EINVAL;
	na = mem_array(NULL, &cap, 1, sizeof(*na));
	if (!na)
		return -ENOMEM;
	b->by_id = na;
	b->ntypes = 0;
	for (size_t off = 0; off < h.type_len;) {
		const struct btf_type *t = (const struct btf_type *)(b->types + off);
		long extra;

		if (h.type_len - off < sizeof(*t) || (extra = obj_btf_type_extra(t->info)) < 0 ||
		    (size_t)extra > h.type_len - off - sizeof(*t))
			return -EINVAL;
		na = mem_array(b->by_id, &cap, b->ntypes + 2, sizeof(*na));
		if (!na)
			return -ENOMEM;
		b->by_id = na;
		b->by_id[++b->ntypes] = t;
		off += sizeof(*t) + (size_t)extra;
	}
	return 0;
}

int ldr_btf_from_data(const void *data, size_t size, struct ldr_btf **out)
{
	struct ldr_btf *b = mem_alloc(sizeof(*b));
	int err;

	*out = NULL;
	if (!b)
		return -ENOMEM;
	if (size > UINT32_MAX || !(b->raw = mem_alloc(size ? size : 1))) {
		mem_free(b);
		return size > UINT32_MAX ? -E2BIG : -ENOMEM;
	}
	memcpy(b->raw, data, size);
	b->size = (uint32_t)size;
	err = btf_index(b);
	if (err) {
		ldr_btf_free(b);
		return err;
	}
	*out = b;
	return 0;
}

int ldr_btf_get(uint32_t id, struct ldr_btf **out)
{
	struct bpf_btf_info info;
	union bpf_attr a;
	void *data;
	int fd, err;

	*out = NULL;
	memset(&a, 0, sizeof(a));
	a.btf_id = id;
	fd = ldr_sys_bpf(BPF_BTF_GET_FD_BY_ID, &a, sizeof(a));
	if (fd < 0)
		return fd;
	/* First ask the size, then fetch the bytes. */
	memset(&info, 0, sizeof(info));
	memset(&a, 0, sizeof(a));
	a.info.bpf_fd = (uint32_t)fd;
	a.info.info_len = sizeof(info);
	a.info.info = (uint64_t)(uintptr_t)&info;
	err = ldr_sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &a, sizeof(a));
	if (err)
		goto out_close;
	data = mem_alloc(info.btf_size ? info.btf_size : 1);
	if (!data) {
		err = -ENOMEM;
		goto out_close;
	}
	{
		uint32_t want = info.btf_size;

		memset(&info, 0, sizeof(info));
		info.btf = (uint64_t)(uintptr_t)data;
		info.btf_size = want;
		memset(&a, 0, sizeof(a));
		a.info.bpf_fd = (uint32_t)fd;
		a.info.info_len = sizeof(info);
		a.info.info = (uint64_t)(uintptr_t)&info;
		err = ldr_sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &a, sizeof(a));
		if (!err)
			err = ldr_btf_from_data(data, info.btf_size < want ? info.btf_size : want,
						out);
	}
	mem_free(data);
out_close:
	close(fd);
	return err;
}

static const struct btf_type *type_at(const struct ldr_btf *b, uint32_t id)
{
	return id && id <= b->ntypes ? b->by_id[id] : NULL;
}

static const char *str_at(const struct ldr_btf *b, uint32_t off)
{
	return off < b->str_len ? b->strs + off : "";
}

/* Through typedef, const, volatile, restrict and type tags. */
static const struct btf_type *resolve(const struct ldr_btf *b, uint32_t id, uint32_t *rid)
{
	const struct btf_type *t = type_at(b, id);

	for (int n = 0; t && n < 32; n++) {
		switch (BTF_INFO_KIND(t->info)) {
		case BTF_KIND_TYPEDEF:
		case BTF_KIND_CONST:
		case BTF_KIND_VOLATILE:
		case BTF_KIND_RESTRICT:
		case BTF_KIND_TYPE_TAG:
			id = t->type;
			t = type_at(b, id);
			continue;
		default:
			if (rid)
				*rid = id;
			return t;
		}
	}
	return NULL;
}

/* The size of type @id in bytes, or -1. */
static long type_size(const struct ldr_btf *b, uint32_t id, int depth)
{
	const struct btf_type *t = resolve(b, id, &id);

	if (!t || depth > 32)
		return -1;
	switch (BTF_INFO_KIND(t->info)) {
	case BTF_KIND_INT:
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
	case BTF_KIND_FLOAT:
	case BTF_KIND_DATASEC:
		return t->size;
	case BTF_KIND_PTR:
		return (long)sizeof(void *);
	case BTF_KIND_ARRAY: {
		const struct btf_array *arr = (const struct btf_array *)(t + 1);
		long es = type_size(b, arr->type, depth + 1);

		return es < 0 || (uint64_t)es * arr->nelems > UINT32_MAX ? -1
									 : es * (long)arr->nelems;
	}
	default:
		return -1;
	}
}

static uint64_t le_read(const uint8_t *p, size_t n)
{
	uint64_t v = 0;

	for (size_t i = n; i-- > 0;)
		v = v << 8 | p[i];
	return v;
}

/* Bits [@bit, @bit + @nbits) of @p, little-endian. */
static uint64_t bits_read(const uint8_t *p, uint32_t bit, uint32_t nbits)
{
	uint64_t v = 0;

	for (uint32_t i = 0; i < nbits && i < 64; i++) {
		uint32_t at = bit + i;

		v |= (uint64_t)((p[at / 8] >> (at % 8)) & 1) << i;
	}
	return v;
}

static int print_value(const struct ldr_btf *b, uint32_t id, const uint8_t *p, size_t len, FILE *f,
		       int depth);

/* Printable characters up to a NUL inside the array: shown as a string (as bpftool does). */
static int is_c_string(const uint8_t *p, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (p[i] == '\0')
			return i > 0;
		if (p[i] < 0x20 || p[i] > 0x7e)
			return 0;
	}
	return 0;
}

static void print_int(FILE *f, uint64_t v, uint32_t nbits, int is_signed, int is_bool)
{
	if (is_bool) {
		fputs(v ? "true" : "false", f);
	} else if (is_signed && nbits > 0 && nbits <= 64) {
		int64_t s = nbits == 64 ? (int64_t)v : (int64_t)(v << (64 - nbits)) >> (64 - nbits);

		fprintf(f, "%" PRId64, s);
	} else {
		fprintf(f, "%" PRIu64, v);
	}
}

static int print_struct(const struct ldr_btf *b, const struct btf_type *t, const uint8_t *p,
			size_t len, FILE *f, int depth)
{
	const struct btf_member *m = (const struct btf_member *)(t + 1);
	int kflag = BTF_INFO_KFLAG(t->info);

	fputc('{', f);
	for (uint32_t i = 0; i < BTF_INFO_VLEN(t->info); i++) {
		uint32_t bitoff = kflag ? BTF_MEMBER_BIT_OFFSET(m[i].offset) : m[i].offset;
		uint32_t bitsz = kflag ? BTF_MEMBER_BITFIELD_SIZE(m[i].offset) : 0;
		const struct btf_type *mt = resolve(b, m[i].type, NULL);
		long ms = type_size(b, m[i].type, depth + 1);

		if (i)
			fputs(",", f);
		json_put_string(f, str_at(b, m[i].name_off));
		fputc(':', f);
		if (!mt || ms < 0)
			return -EINVAL;
		if (bitsz || (BTF_INFO_KIND(mt->info) == BTF_KIND_INT && bitoff % 8)) {
			/* A bitfield: its bits, sign-extended when the type is signed. */
			uint32_t n = bitsz ? bitsz : BTF_INT_BITS(rd32(mt + 1));

			if ((uint64_t)bitoff + n > (uint64_t)len * 8)
				return -EINVAL;
			print_int(f, bits_read(p, bitoff, n), n,
				  BTF_INFO_KIND(mt->info) == BTF_KIND_INT &&
					  (BTF_INT_ENCODING(rd32(mt + 1)) & BTF_INT_SIGNED),
				  0);
			continue;
		}
		if (bitoff % 8 || bitoff / 8 > len || (size_t)ms > len - bitoff / 8)
			return -EINVAL;
		if (print_value(b, m[i].type, p + bitoff / 8, (size_t)ms, f, depth + 1))
			return -EINVAL;
	}
	fputc('}', f);
	return 0;
}

/* A global data section: each variable at its offset, in bpftool's shape. One without
 * variables (symbols not typed as objects) would hide every byte: hex then. */
static int print_datasec(const struct ldr_btf *b, const struct btf_type *t, const uint8_t *p,
			 size_t len, FILE *f, int depth)
{
	const struct btf_var_secinfo *vs = (const struct btf_var_secinfo *)(t + 1);

	if (BTF_INFO_VLEN(t->info) == 0)
		return -EINVAL;
	fputc('{', f);
	json_put_string(f, str_at(b, t->name_off));
	fputs(":[", f);
	for (uint32_t i = 0; i < BTF_INFO_VLEN(t->info); i++) {
		const struct btf_type *v = type_at(b, vs[i].type);

		if (!v || BTF_INFO_KIND(v->info) != BTF_KIND_VAR || vs[i].offset > len ||
		    vs[i].size > len - vs[i].offset)
			return -EINVAL;
		fputs(i ? ",{" : "{", f);
		json_put_string(f, str_at(b, v->name_off));
		fputc(':', f);
		if (print_value(b, v->type, p + vs[i].offset, vs[i].size, f, depth + 1))
			return -EINVAL;
		fputc('}', f);
	}
	fputs("]}", f);
	return 0;
}

static int print_value(const struct ldr_btf *b, uint32_t id, const uint8_t *p, size_t len, FILE *f,
		       int depth)
{
	const struct btf_type *t = resolve(b, id, &id);
	long size = type_size(b, id, depth);

	if (!t || depth > 32 || size < 0 || (size_t)size != len)
		return -EINVAL;
	switch (BTF_INFO_KIND(t->info)) {
	case BTF_KIND_INT: {
		uint32_t info = rd32(t + 1);
		uint32_t enc = BTF_INT_ENCODING(info), nbits = BTF_INT_BITS(info);

		if (len > 8) {
			fputs("\"0x", f);
			for (size_t i = len; i-- > 0;)
				fprintf(f, "%02x", p[i]);
			fputc('"', f);
			return 0;
		}
		print_int(f, le_read(p, len), nbits < len * 8 ? nbits : (uint32_t)len * 8,
			  enc & BTF_INT_SIGNED, enc & BTF_INT_BOOL);
		return 0;
	}
	case BTF_KIND_PTR:
		fprintf(f, "\"0x%" PRIx64 "\"", le_read(p, len));
		return 0;
	case BTF_KIND_ENUM: {
		const struct btf_enum *e = (const struct btf_enum *)(t + 1);
		uint64_t v = le_read(p, len);

		for (uint32_t i = 0; i < BTF_INFO_VLEN(t->info); i++)
			if ((uint32_t)e[i].val == (uint32_t)v) {
				json_put_string(f, str_at(b, e[i].name_off));
				return 0;
			}
		print_int(f, v, (uint32_t)len * 8, BTF_INFO_KFLAG(t->info), 0);
		return 0;
	}
	case BTF_KIND_ENUM64: {
		const uint8_t *e = (const uint8_t *)(t + 1);
		uint64_t v = le_read(p, len);

		for (uint32_t i = 0; i < BTF_INFO_VLEN(t->info); i++, e += 12)
			if (((uint64_t)rd32(e + 8) << 32 | rd32(e + 4)) == v) {
				json_put_string(f, str_at(b, rd32(e)));
				return 0;
			}
		print_int(f, v, (uint32_t)len * 8, BTF_INFO_KFLAG(t->info), 0);
		return 0;
	}
	case BTF_KIND_FLOAT:
		if (len == 4) {
			float v;

			memcpy(&v, p, 4);
			fprintf(f, "%g", (double)v);
		} else if (len == 8) {
			double v;

			memcpy(&v, p, 8);
			fprintf(f, "%g", v);
		} else {
			return -EINVAL;
		}
		return 0;
	case BTF_KIND_ARRAY: {
		const struct btf_array *arr = (const struct btf_array *)(t + 1);
		const struct btf_type *et = resolve(b, arr->type, NULL);
		long es = type_size(b, arr->type, depth + 1);

		if (!et || es <= 0)
			return -EINVAL;
		if (BTF_INFO_KIND(et->info) == BTF_KIND_INT && es == 1 &&
		    ((BTF_INT_ENCODING(rd32(et + 1)) & BTF_INT_CHAR) ||
		     strcmp(str_at(b, et->name_off), "char") == 0) &&
		    is_c_string(p, len)) {
			char *s = mem_strndup((const char *)p, len);

			if (!s)
				return -ENOMEM;
			json_put_string(f, s);
			mem_free(s);
			return 0;
		}
		fputc('[', f);
		for (uint32_t i = 0; i < arr->nelems; i++) {
			if (i)
				fputc(',', f);
			if (print_value(b, arr->type, p + (size_t)i * (size_t)es, (size_t)es, f,
					depth + 1))
				return -EINVAL;
		}
		fputc(']', f);
		return 0;
	}
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		return print_struct(b, t, p, len, f, depth);
	case BTF_KIND_DATASEC:
		return print_datasec(b, t, p, len, f, depth);
	default:
		return -EINVAL;
	}
}

int ldr_btf_print(const struct ldr_btf *b, uint32_t type_id, const void *data, size_t len, FILE *f)
{
	char *s = NULL;
	size_t n = 0;
	FILE *mf = open_memstream(&s, &n);
	int err;

	/* Into memory first: a failure half-way leaves @f untouched for the hex fallback. */
	if (!mf)
		return -ENOMEM;
	err = print_value(b, type_id, data, len, mf, 0);
	fclose(mf);
	if (!err)
		fputs(s, f);
	free(s);
	return err;
}

const char *ldr_btf_type_name(const struct ldr_btf *b, uint32_t id)
{
	const struct btf_type *t = type_at(b, id);

	return t ? str_at(b, t->name_off) : NULL;
}

/* The first type of @kind named @name, 0 when none. */
static uint32_t named_find(const struct ldr_btf *b, uint32_t kind, const char *name)
{
	for (uint32_t id = 1; id <= b->ntypes; id++)
		if (BTF_INFO_KIND(b->by_id[id]->info) == kind &&
		    strcmp(str_at(b, b->by_id[id]->name_off), name) == 0)
			return id;
	return 0;
}

/* The type of member @name of struct @t, 0 when it has none. */
static uint32_t member_type(const struct ldr_btf *b, const struct btf_type *t, const char *name)
{
	const struct btf_member *m;

	if (!t || BTF_INFO_KIND(t->info) != BTF_KIND_STRUCT)
		return 0;
	m = (const struct btf_member *)(t + 1);
	for (uint32_t i = 0; i < BTF_INFO_VLEN(t->info); i++)
		if (strcmp(str_at(b, m[i].name_off), name) == 0)
			return m[i].type;
	return 0;
}

/* What PTR @id points to, 0 when @id is no pointer. */
static uint32_t pointee(const struct ldr_btf *b, uint32_t id)
{
	const struct btf_type *t = type_at(b, id);

	return t && BTF_INFO_KIND(t->info) == BTF_KIND_PTR ? t->type : 0;
}

int ldr_btf_map_types(const struct ldr_btf *b, const char *sec, const char *map, uint32_t *key,
		      uint32_t *value)
{
	*key = *value = 0;
	if (strcmp(sec, ".maps") == 0) {
		const struct btf_type *ds = type_at(b, named_find(b, BTF_KIND_DATASEC, ".maps"));

		for (uint32_t i = 0; ds && i < BTF_INFO_VLEN(ds->info); i++) {
			const struct btf_var_secinfo *vs =
				(const struct btf_var_secinfo *)(ds + 1) + i;
			const struct btf_type *v = type_at(b, vs->type);

			if (!v || BTF_INFO_KIND(v->info) != BTF_KIND_VAR ||
			    strcmp(str_at(b, v->name_off), map) != 0)
				continue;
			v = resolve(b, v->type, NULL);
			*key = pointee(b, member_type(b, v, "key"));
			*value = pointee(b, member_type(b, v, "value"));
			break;
		}
	} else if (strcmp(sec, "maps") == 0) {
		char name[256];
		const struct btf_type *t;

		if (snprintf(name, sizeof(name), "____btf_map_%s", map) >= (int)sizeof(name))
			return 0;
		t = type_at(b, named_find(b, BTF_KIND_STRUCT, name));
		*key = member_type(b, t, "key");
		*value = member_type(b, t, "value");
	} else {
		*value = named_find(b, BTF_KIND_DATASEC, sec);
	}
	if (!*value)
		*key = 0; /* the kernel takes a key type only with a value type */
	return *value != 0;
}
