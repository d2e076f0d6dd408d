/* SPDX-License-Identifier: MIT */
/*
 * vmobj.h - a whole struct obj loaded into the userspace VM: what ebpf-load does for the
 * kernel, done for the interpreter (ebpf-run).
 *
 *   maps      every map of the object created in userspace (map.h) and given a handle in
 *             the VM (vm_map_attach); global data sections (.data, .rodata, .bss ...) as
 *             one-entry arrays holding the section's bytes, .rodata read-only for programs
 *   programs  each relocated by obj/link.h (the same step ebpf-load uses; the map handle
 *             is the lddw imm where the kernel gets a descriptor), vm_prog_load()ed, with
 *             its origins set (vm_prog_source_set) so faults name the .s or C source line
 *   tail calls  a hook (vm_tail_call_set) resolves bpf_tail_call through a prog_array to
 *             the loaded programs: a prog_array holds program indexes of this vm_obj (0 ..
 *             vm_obj_prog_count() - 1), set with vm_obj_prog_array_set() or, for
 *             `.values = { [i] = &prog }` in a clang object, from the object itself
 *
 * Numbering: vm_obj programs and maps are numbered as the object's progs[] and maps[].
 * Program types are the section's (progtypes.def through isa_secdef_find), or the one the
 * options impose; the VM itself does not care, but the runner builds the context from it.
 *
 * Lifetimes: the vm_obj borrows @vm and @o, which must outlive it; free the vm_obj before
 * either. One vm_obj per VM (the tail call hook is the VM's). Nothing here prints or exits:
 * errors go to a struct diag, each naming the object, then the map or program.
 */
#ifndef EBPF_VM_VMOBJ_H
#define EBPF_VM_VMOBJ_H

#include <stddef.h>
#include <stdint.h>

#include "../common/buf.h"
#include "../common/diag.h"
#include "../obj/obj.h"
#include "map.h"
#include "vm.h"

struct vm_obj_opts {
	const char *name; /* the object's name in messages (its file); NULL: none */
	int prog_type;	  /* > 0: every program gets this enum bpf_prog_type instead */
};

struct vm_obj;

/*
 * vm_obj_load - create @o's maps in @vm, link and load every program, install the tail
 * call hook. Every map and every program is attempted and each failure reported into @d
 * ("prog 'x': call target .text+0x40 is not code", "map 'm': ..."); a program is refused
 * when it cannot be linked (malformed relocations, a reference to a map that could not be
 * created) or when vm_prog_load refuses it.
 *
 * Returns 0 and *@out, or the -errno of the first failure (-EINVAL malformed object,
 * -EOPNOTSUPP a map type the interpreter lacks, -ENOMEM ...) with *@out NULL. Regions and
 * handles already added to @vm stay there (the VM has no way to remove them) but point at
 * nothing freed: they are given zero length.
 */
int vm_obj_load(struct vm *vm, struct obj *o, const struct vm_obj_opts *opts, struct vm_obj **out,
		struct diag *d);

/* vm_obj_free - free the programs and maps and remove the tail call hook. NULL is fine. */
void vm_obj_free(struct vm_obj *vo);

/* ---- programs ---- */

size_t vm_obj_prog_count(const struct vm_obj *vo);
/* Program @i (< count): the loaded program, its name, its ELF section, its program type
 * (enum bpf_prog_type; 0 when the section names none and the options imposed none). */
struct vm_prog *vm_obj_prog(const struct vm_obj *vo, size_t i);
const char *vm_obj_prog_name(const struct vm_obj *vo, size_t i);
const char *vm_obj_prog_section(const struct vm_obj *vo, size_t i);
int vm_obj_prog_type(const struct vm_obj *vo, size_t i);

/*
 * vm_obj_prog_find - the index of the program named @what or, failing that, the only one in
 * section @what. NULL or "" @what: the only program of the object. Returns the index, or
 * -ENOENT (no such program: "no program 'x' in prog.o; programs: a (xdp), b (kprobe/f)")
 * or -EINVAL (@what is a section with several programs, or NULL and there are several), the
 * message in @d listing the programs there are. @d may be NULL.
 */
int vm_obj_prog_find(const struct vm_obj *vo, const char *what, struct diag *d);

/* ---- maps ---- */

size_t vm_obj_map_count(const struct vm_obj *vo);
/* Map @i (< count), or NULL when it was not created (a global data section of size 0). */
struct vm_map *vm_obj_map(const struct vm_obj *vo, size_t i);
/* The handle (lddw imm) of map @i, or -1 when it was not created. */
int vm_obj_map_handle(const struct vm_obj *vo, size_t i);
/* The index of the map named @name (as in the object: "counts", ".rodata"), or -ENOENT. */
int vm_obj_map_find(const struct vm_obj *vo, const char *name);

/*
 * vm_obj_prog_array_set - make slot @slot of prog_array map @map run program @prog on a
 * tail call (@prog < 0: empty the slot). As in the kernel, a prog_array serves one program
 * type: that of the first program referring to it, or else of the first program put in.
 * Returns 0, -EINVAL (@map is no prog_array, @prog out of range or of another type),
 * -E2BIG (@slot >= max_entries), -ENOENT (emptying an empty slot).
 */
int vm_obj_prog_array_set(struct vm_obj *vo, size_t map, uint32_t slot, int prog);

/*
 * vm_obj_collect - be the user-space reader of every ring buffer (vm_map_ringbuf_collect),
 * so that vm_obj_maps_format lists what programs submitted. Returns the number of records
 * collected, or -ENOMEM.
 */
int vm_obj_collect(struct vm_obj *vo);

/* ---- the map summary of ebpf-run ---- */

enum {
	VM_OBJ_FMT_ZEROS = 1, /* also array entries whose value is all zero (counted otherwise) */
};

/*
 * vm_obj_maps_format - append every map with its type and entries to @out.
 *
 * Text (@json 0), per map a header then one line per entry:
 *
 *   map 'counts': array, key 4, value 8, max_entries 4, flags 0x0
 *     key 00 00 00 00 (0): 05 00 00 00 00 00 00 00 (5)
 *     3 all-zero entries not shown
 *   map 'jmp': prog_array, key 4, value 4, max_entries 4, flags 0x0
 *     key 01 00 00 00 (1): prog 'target' (1)
 *   map 'events': ringbuf, max_entries 4096, flags 0x0
 *     record 0 (8 bytes): 2a 00 00 00 00 00 00 00 (42)
 *
 * Keys and values in hex bytes as stored, with the little-endian unsigned decimal after
 * them when they are 4 or 8 bytes. Arrays skip all-zero values unless @flags has
 * VM_OBJ_FMT_ZEROS, and count them; hash-like maps list every key ("empty" when none);
 * queues and stacks their values oldest first; ring buffers and perf event arrays the
 * records collected so far (vm_obj_collect), perf records with their index as cpu.
 *
 * JSON (@json 1): one object per map per line, e.g.
 *   {"name":"counts","type":"array","key_size":4,"value_size":8,"max_entries":4,"flags":0,
 *    "entries":[{"key":"00000000","key_dec":0,"value":"0500000000000000","value_dec":5}],
 *    "zero_entries":3}
 * with "prog":"target" in prog_array entries and "records":[{"cpu":0,"data":"2a00..."}]
 * for ring buffers and perf event arrays.
 *
 * Returns 0 or -ENOMEM.
 */
int vm_obj_maps_format(const struct vm_obj *vo, struct buf *out, int json, unsigned flags);

#endif
