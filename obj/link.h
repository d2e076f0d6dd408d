/* SPDX-License-Identifier: MIT */
/*
 * link.h - one program of a struct obj as the flat, relocated instruction array a machine
 * runs: the relocation and linking step that ebpf-load (kernel) and ebpf-run (interpreter)
 * share. They differ only in what a map reference becomes, which the caller says through a
 * callback: a file descriptor for the kernel, a VM map handle for the interpreter.
 *
 * What linking does to a program (see link.c for the rules in detail):
 *   - the program's own instructions come first (slot 0 is its entry);
 *   - every subprogram it reaches (bpf-to-bpf call or lddw of a function, transitively) is
 *     appended after it, each once, and the call becomes pc-relative;
 *   - lddw of a map symbol becomes {src 1 (BPF_PSEUDO_MAP_FD), imm = map_imm(map)};
 *   - lddw of global data becomes {src 2 (BPF_PSEUDO_MAP_VALUE), imm = map_imm(map of the
 *     section), next imm = offset in the section};
 *   - every slot records its origin (section, byte offset), so a verifier complaint or a
 *     fault at slot N finds its source line through obj_line_find().
 *
 * The object is never modified. Errors are reported into a struct diag, each naming the
 * program first ("prog 'xdp_main': call target .text+0x40 is not code").
 */
#ifndef EBPF_OBJ_LINK_H
#define EBPF_OBJ_LINK_H

#include <stddef.h>
#include <stdint.h>

#include "../common/diag.h"
#include "../isa/isa.h"
#include "obj.h"

/* A contiguous piece of a linked program: bytes [off, off + size) of section sec, placed
 * at slot at. Chunk 0 is the program; the others are the subprograms it reaches. */
struct obj_link_chunk {
	int sec;
	uint64_t off, size;
	size_t at;
};

/* A linked program. Free what it holds with obj_linked_fini(). */
struct obj_linked {
	struct isa_raw *insns;	   /* ninsns relocated slots */
	struct obj_origin *origin; /* ninsns origins */
	size_t ninsns;
	struct obj_link_chunk *chunks;
	size_t nchunks;
	size_t insns_cap, origin_cap, chunks_cap; /* private */
};

/*
 * The value an lddw of map @map (an index in the object's maps[]) carries in imm, into
 * *@imm. Returns 0, or a negative errno when the map has no such value (it was not
 * created): linking then fails with "map 'NAME' was not created" and that errno.
 */
typedef int (*obj_link_map_fn)(void *arg, int map, int32_t *imm);

/* An object prepared for linking: its relocations indexed by the place they patch. */
struct obj_link;

/*
 * obj_link_new - index @o's relocations for obj_link_prog(). @o must outlive the result and
 * stay unchanged. Returns 0 and *@out, or -ENOMEM.
 */
int obj_link_new(const struct obj *o, struct obj_link **out);
/* Free @lk. NULL is fine. */
void obj_link_free(struct obj_link *lk);

/*
 * obj_link_prog - link program @p of the object (an entry of its progs[]) into @out (which
 * is overwritten: pass it zeroed or finished). @map_imm gives the imm of each map reference
 * (called with @arg). Messages name the program by @p->name and are located at @loc (may be
 * NULL). Returns 0, or:
 *   -EINVAL  malformed code or relocations (code not whole instructions, an lddw without
 *            its second half, a call to something that is not code, a relocation of the
 *            wrong type or against an undefined symbol, a data reference outside its
 *            section, a symbol that is neither a map nor global data ...)
 *   -ENOMEM  out of memory (not reported: the caller says so once)
 *   what @map_imm returned.
 * On failure @out holds what was built so far (free it with obj_linked_fini).
 */
int obj_link_prog(const struct obj_link *lk, const struct obj_prog *p, obj_link_map_fn map_imm,
		  void *arg, const struct diag_loc *loc, struct diag *d, struct obj_linked *out);

/* Free what @l holds and zero it. */
void obj_linked_fini(struct obj_linked *l);

/*
 * obj_link_map_of_data_sec - the map (index in maps[]) holding global data section @sec,
 * or -1. obj_link_map_of_sym - the map defined by symbol @sym (not a data map), or -1.
 */
int obj_link_map_of_data_sec(const struct obj *o, int sec);
int obj_link_map_of_sym(const struct obj *o, int sym);

/* Called for each initial program of a prog_array: slot @slot runs program @prog (an index
 * in the object's progs[]). Returns 0 or a negative errno, which stops the walk. */
typedef int (*obj_link_values_fn)(void *arg, uint32_t slot, int prog);

/*
 * obj_link_map_values - the initial programs of prog_array @map (index in maps[]) as libbpf
 * takes them from a BTF-defined map: `.values = { [i] = &prog }` is a relocation against
 * the program at member "values" + 8 * i of the map's definition. Calls @fn for each; a map
 * without them (or not a prog_array, or without BTF) calls it never. Returns 0, -EINVAL
 * (reported at @loc: an initial value that is not a program), or what @fn returned.
 */
int obj_link_map_values(const struct obj *o, int map, obj_link_values_fn fn, void *arg,
			const struct diag_loc *loc, struct diag *d);

/*
 * obj_link_map_inner_values - the initial maps of map of maps @map (ARRAY_OF_MAPS or
 * HASH_OF_MAPS), as libbpf takes them: `.values = { [i] = &inner_x }` is a relocation
 * against map inner_x's symbol at member "values" + 8 * i. Calls @fn(arg, i, index of
 * inner_x in maps[]) for each (the slot is the key, also of a hash of maps); a map without
 * them calls it never. Returns 0, -EINVAL (reported at @loc, naming the symbol: an initial
 * value that is not a map) or what @fn returned.
 */
int obj_link_map_inner_values(const struct obj *o, int map, obj_link_values_fn fn, void *arg,
			      const struct diag_loc *loc, struct diag *d);

/*
 * obj_link_map_inner - the inner map definition of map of maps @map, from its BTF
 * `__array(values, struct {...})`, into *@inner (type, sizes, max_entries, flags; no name,
 * symbol or section). A loader creates a template map from it to create the outer one.
 * Returns 1 when found, 0 when the map has none (no "values" member or no BTF), -EINVAL
 * (reported at @loc) or -ENOMEM.
 */
int obj_link_map_inner(const struct obj *o, int map, struct obj_map *inner,
		       const struct diag_loc *loc, struct diag *d);

#endif
