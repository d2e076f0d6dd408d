/* SPDX-License-Identifier: MIT */
/*
 * btf.h - BTF and .BTF.ext for the object layer, and the string set obj/ shares. Internal
 * to obj/: tools see struct obj, never these.
 *
 * What we write (obj_btf_build), for libbpf 1.x and the kernel's BTF checker:
 *
 *   [1] INT int (4, signed)     [2] INT __ARRAY_SIZE_TYPE__ (4)     [3] PTR -> void
 *   [4] FUNC_PROTO int (void *ctx)          one proto shared by every FUNC
 *   per map in .maps:  PTR -> ARRAY(int, nelems = value) for each member, as libbpf's
 *       __uint(name, value) is `int (*name)[value]`; an anonymous STRUCT of those members
 *       (type, then those of key_size, value_size, max_entries, map_flags, pinning that are
 *       not 0: 8 bytes each, see obj_map_def_size()); a VAR (global) named after the map
 *   DATASEC .maps, and one per global data section (.data*, .rodata*, .bss*) whose VARs
 *       are its global/local OBJECT symbols (char arrays of the symbol's size)
 *   FUNC per obj->funcs entry (global for programs, static for subprograms)
 *
 * DATASEC sizes and VAR offsets are written final (clang leaves them 0 for libbpf to fix
 * up), so the BTF loads into the kernel as it is. Every non-static VAR needs a global
 * OBJECT symbol of the same name: libbpf looks one up for each.
 *
 * .BTF.ext: header of 32 bytes (core_relo empty), func_info records of 8 bytes
 * {insn_off, type_id}, line_info records of 16 bytes {insn_off, file_name_off, line_off,
 * line << 10 | col}, grouped per section {sec_name_off, num_info}. insn_off counts bytes, as
 * in every ELF object; libbpf turns it into instruction indexes. Line strings are the whole
 * obj->strs pool copied into the BTF string section at one base offset, so no string is
 * looked up twice.
 *
 * What we read: every type is bounds-checked once (obj_btf_parse); maps from DATASEC
 * ".maps" by libbpf's rules; func and line info back into obj->funcs and obj->lines. A
 * malformed length, offset or type id is -EINVAL with a message naming the object.
 */
#ifndef EBPF_OBJ_BTF_H
#define EBPF_OBJ_BTF_H

#include <stddef.h>
#include <stdint.h>

#include "obj.h"

/* ---- string set: dedupe NUL-terminated strings appended to a struct buf ---- */

struct obj_strset {
	uint32_t *slots; /* offset + 1 into the pool; 0 = empty */
	size_t cap, count;
};

/*
 * obj_strset_add - the offset of @s (@n bytes, up to its first NUL) in @pool, appending it
 * with a NUL if it is new. The pool must already start with "" at offset 0 (the empty string
 * is always offset 0). Returns 0 and sets *@off, or -ENOMEM (or -E2BIG past 4 GiB).
 */
int obj_strset_add(struct obj_strset *set, struct buf *pool, const char *s, size_t n,
		   uint32_t *off);
void obj_strset_free(struct obj_strset *set);

/* ---- writing ---- */

/*
 * obj_btf_build - encode .BTF and .BTF.ext for @o into @btf and @ext (appended; an empty
 * buffer means "no such section"). @name labels messages. Maps in .maps must have a
 * definition of obj_map_def_size() bytes there. Returns 0, -EINVAL (reported) or -ENOMEM.
 */
int obj_btf_build(const struct obj *o, struct buf *btf, struct buf *ext, const char *name,
		  struct diag *d);

/* ---- reading ---- */

/*
 * obj_btf_read_maps - add to @o->maps every map of DATASEC ".maps" in @o->btf. A map's
 * offset is its symbol's value (clang leaves the BTF offsets 0), else the BTF offset.
 * Returns 0 (also when there is no BTF or no .maps), -EINVAL (reported) or -ENOMEM.
 */
int obj_btf_read_maps(struct obj *o, const char *name, struct diag *d);

/*
 * obj_btf_map_inner - the inner map definition of map of maps @map (index in @o->maps), as
 * libbpf takes it from `__array(values, struct {...})`: the struct the "values" member's
 * pointers point to, read by the rules of obj_btf_read_maps into *@inner (no name, symbol
 * or section). Returns 1 when found, 0 when the map has no "values" member (or no BTF),
 * -EINVAL (reported at @loc: "values" not an array of pointers to a struct, a malformed
 * member, an inner map with initial values of its own) or -ENOMEM.
 */
int obj_btf_map_inner(const struct obj *o, int map, struct obj_map *inner,
		      const struct diag_loc *loc, struct diag *d);

/*
 * obj_btf_read_ext - fill @o->funcs and @o->lines from @o->btf_ext (names and strings from
 * @o->btf), matching sections by name. Returns 0, -EINVAL (reported) or -ENOMEM.
 */
int obj_btf_read_ext(struct obj *o, const char *name, struct diag *d);

/* Does @name pass the kernel's identifier check (BTF names of VARs, FUNCs, members)? */
int obj_btf_name_ok(const char *name);

/* obj_btf_type_extra - bytes of members that follow a BTF type record whose info word is
 * @info (struct btf_type.info), or -1 for a kind this code does not know. */
long obj_btf_type_extra(uint32_t info);

/* ---- shared by the ELF reader and writer ---- */

/* The largest section alignment either accepts (clang uses at most 8). */
#define OBJ_MAX_ALIGN 4096u

/* Is this a global data section by libbpf's names (.data, .rodata, .bss, or those with a
 * ".suffix")? */
int obj_sec_is_data_name(const char *name);

/* Bytes a relocation of @type patches from its offset (16 for lddw's R_BPF_64_64, 8 for a
 * call's R_BPF_64_32, 8/4 for data); 0 for R_BPF_NONE; UINT64_MAX for an unknown type. */
uint64_t obj_rel_width(uint32_t type);

#endif
