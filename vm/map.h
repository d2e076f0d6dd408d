/* SPDX-License-Identifier: MIT */
/*
 * map.h - userspace BPF maps for the interpreter, with the kernel's semantics and errno values.
 *
 * Memory model. Every map keeps ALL its values in ONE arena allocated at creation and never
 * moved or resized, so the interpreter maps the arena as a single VM region and turns a value
 * pointer into (region base + (ptr - arena)):
 *
 *   arena: | value 0 | pad | value 1 | pad | ... | value max_entries-1 | pad |
 *            <--------- value_stride ---------->
 *
 * value_stride is value_size rounded up to 8 for the hash and array families (as the kernel
 * lays out array elements and hash values), so every value is 8-byte aligned. A value keeps
 * its place while its key is present (an update overwrites it in place); a deleted hash slot
 * goes back to a free list and is reused by a later insert, as in the kernel's preallocated
 * hash maps. Nothing is allocated on lookup, update or delete in steady state.
 *
 * Per-CPU maps (percpu_hash, percpu_array, lru_percpu_hash) are maps of ONE CPU: a value is
 * value_size bytes as declared. (The kernel's user-space view rounds each CPU's value up to 8
 * bytes and concatenates one per possible CPU; the interpreter's CPU 0 is that view's first
 * slice.)
 *
 * Arena layout of the other families:
 *   queue/stack     (max_entries + 1) * value_size: a ring of values, as the kernel's
 *   lpm_trie        max_entries * stride, one value per entry slot (like a hash map)
 *   ringbuf         2 * max_entries bytes: the data area, laid out as the kernel's (8-byte
 *                   header before each record, records 8-byte aligned), doubled so that a
 *                   record that wraps is still contiguous (the kernel maps its pages twice)
 *   prog_array      max_entries u32 program indices (never visible to programs)
 *   perf_event_array  no arena (len 0): records are copied out at output time
 *
 * Errors are the kernel's: functions return 0 or -errno as BPF_MAP_* syscalls and helpers do
 * (-ENOENT no such key, -EEXIST BPF_NOEXIST and present, -E2BIG full or index out of range,
 * -EINVAL bad flags or an operation the map type refuses, VM_ENOTSUPP (524, the kernel's
 * internal ENOTSUPP that leaks to user space) for LRU maps with BPF_F_NO_PREALLOC).
 * Nothing here prints or exits; vm_map_create reports why it refused through a struct diag.
 */
#ifndef EBPF_VM_MAP_H
#define EBPF_VM_MAP_H

#include <stddef.h>
#include <stdint.h>

#include "../common/diag.h"
#include "../obj/obj.h"

/* The kernel's ENOTSUPP (include/linux/errno.h): not in user space's errno.h. */
#define VM_ENOTSUPP 524

/*
 * The public face of a map: read these fields, never write them. The implementation embeds
 * this struct in a larger private one (map.c).
 */
struct vm_map {
	char *name;    /* as in the object ("" if it had none) */
	uint32_t type; /* enum bpf_map_type */
	uint32_t key_size, value_size, max_entries, flags;
	uint32_t value_stride; /* bytes from one value to the next in the arena */
	uint8_t *arena;	       /* every value of the map; fixed for the map's life */
	size_t arena_len;      /* bytes at arena (0 for perf_event_array) */
	int data_sec;	       /* from the obj_map: >= 0 for a global data map (.data ...) */
};

/*
 * vm_map_create - check @def as the kernel's map_alloc_check does and create the map, with
 * every value zeroed. Global data maps (def->data_sec >= 0) are one-entry arrays; their value
 * may be large (the section's size); the caller fills it (vm_map_update or the arena).
 *
 * Returns 0 and *@out, or -errno with a message in @d (naming the map):
 *   -EINVAL       sizes, max_entries or flags the kernel refuses for this type
 *   -E2BIG        sizes beyond the kernel's limits
 *   VM_ENOTSUPP   lru hash without preallocation (as the kernel says)
 *   -EOPNOTSUPP   a type the interpreter does not implement (map-in-map, sockmap, devmap...)
 *   -ENOMEM       out of memory
 */
int vm_map_create(const struct obj_map *def, struct vm_map **out, struct diag *d);

/* vm_map_free - free @m and everything it owns (records too). NULL is fine. */
void vm_map_free(struct vm_map *m);

/* vm_map_arena - the value arena (the map's one VM region). */
void vm_map_arena(const struct vm_map *m, void **base, size_t *len);

/*
 * vm_map_value_slot - the index of the value slot @ptr points into (0..), or -1 when @ptr is
 * not inside the arena or the map has no value slots (ringbuf, perf_event_array). The
 * offset within the slot is (ptr - arena) - index * value_stride; a program may touch
 * [0, value_size) of it. (Maps read-only for programs, such as .rodata, have
 * BPF_F_RDONLY_PROG in flags: the VM enforces it.)
 */
long vm_map_value_slot(const struct vm_map *m, const void *ptr);

/* ---- element access: the helpers' and the syscalls' semantics ---- */

/*
 * vm_map_lookup - bpf_map_lookup_elem as a program sees it: a pointer to the value in the
 * arena, or NULL (no such key; array index out of range; a type programs cannot look up:
 * queue, stack, ringbuf, perf_event_array, prog_array). An LRU hit marks the key as recently
 * used. lpm_trie: the longest prefix matching @key (u32 prefixlen + data).
 */
void *vm_map_lookup(struct vm_map *m, const void *key);
/* vm_map_lookup_slot - vm_map_lookup as the number of the value's slot in the arena (value
 * i is at arena + i * value_stride), or -1: the interpreter's lookup, with no division to
 * turn a pointer back into a slot. */
long vm_map_lookup_slot(struct vm_map *m, const void *key);

/*
 * vm_map_lookup_copy - BPF_MAP_LOOKUP_ELEM as user space sees it: copy the value to @value
 * (value_size bytes). Does not refresh LRU order. queue/stack: peek (@key ignored).
 * prog_array: the stored program index (u32). Returns 0, -ENOENT, or what the kernel says
 * for maps without elements: VM_ENOTSUPP for perf_event_array, and for ringbuf
 * VM_ENOTSUPP with @key NULL, -EINVAL with a key (the same for update, delete and
 * get_next_key on a ringbuf).
 */
int vm_map_lookup_copy(struct vm_map *m, const void *key, void *value);

/*
 * vm_map_update - bpf_map_update_elem. @flags: BPF_ANY, BPF_NOEXIST, BPF_EXIST.
 * Returns 0 or:
 *   -EINVAL  flags other than those three (BPF_F_LOCK too: no value has a spin lock);
 *            lpm prefixlen beyond the key's bits; prog_array flags other than BPF_ANY
 *   -EEXIST  BPF_NOEXIST and the key is present (always, for arrays)
 *   -ENOENT  BPF_EXIST and the key is absent
 *   -E2BIG   hash map full; array index >= max_entries; queue/stack full without BPF_EXIST
 *   -ENOSPC  lpm trie full
 * LRU maps evict their least recently used key instead of failing when full.
 * queue/stack: @key is ignored and this is a push (BPF_EXIST overwrites the oldest).
 * prog_array: @value is a u32 program index (the runner's numbering).
 */
int vm_map_update(struct vm_map *m, const void *key, const void *value, uint64_t flags);

/* vm_map_delete - bpf_map_delete_elem. 0, -ENOENT, or -EINVAL (array, queue, stack, ...);
 * prog_array: -E2BIG out of range, -ENOENT when the slot is empty. */
int vm_map_delete(struct vm_map *m, const void *key);

/*
 * vm_map_get_next_key - BPF_MAP_GET_NEXT_KEY: the key after @key, or the first key when @key
 * is NULL or not in the map (as the kernel does for hash maps). Returns 0 or -ENOENT after
 * the last key; -EINVAL for queue and stack.
 *
 * Orders: arrays (and prog/perf arrays) by index, an index out of range restarting at 0.
 * Hash and LRU maps: by value slot, which is insertion order until a delete frees a slot
 * that a later insert reuses (the kernel's order is by bucket, implementation-defined).
 * LPM tries: the kernel's post-order (longer prefixes before the shorter prefixes that
 * contain them; a 0 bit before a 1 bit).
 */
int vm_map_get_next_key(struct vm_map *m, const void *key, void *next_key);

/* vm_map_count - the number of keys present (arrays: max_entries; queue/stack: values). */
uint32_t vm_map_count(const struct vm_map *m);

/*
 * vm_map_foreach - call @fn for every entry in get_next_key order with pointers to the key
 * and the value (in the arena; queue/stack: oldest value first with key NULL). Stops when @fn
 * returns non-zero and returns that; else 0. Does not refresh LRU order. @fn must not add or
 * delete entries. Returns -EINVAL for ringbuf and perf_event_array, -ENOMEM possible (lpm).
 */
typedef int (*vm_map_foreach_fn)(const void *key, void *value, void *arg);
int vm_map_foreach(struct vm_map *m, vm_map_foreach_fn fn, void *arg);

/* ---- queue and stack (bpf_map_push_elem / pop / peek) ---- */

/* Push: flags BPF_ANY or BPF_EXIST (full: overwrite the oldest); 0, -E2BIG full, -EINVAL. */
int vm_map_push(struct vm_map *m, const void *value, uint64_t flags);
/* Pop / peek into @value (value_size bytes): 0, or -ENOENT when empty; -EINVAL other types. */
int vm_map_pop(struct vm_map *m, void *value);
int vm_map_peek(struct vm_map *m, void *value);

/* ---- prog_array (tail calls) ---- */

/* The program index stored at @index: >= 0, or -ENOENT (empty or out of range). */
int vm_map_prog_get(const struct vm_map *m, uint32_t index);

/* ---- collected output records (ringbuf, perf_event_array) ---- */

struct vm_map_record {
	uint32_t cpu; /* perf_event_array: the index written to; ringbuf: 0 */
	uint32_t len;
	void *data; /* len bytes, owned by the map */
};

/* The records collected so far, oldest first; valid until the next collect/output/clear.
 * They accumulate until cleared: a runner prints and clears them as it goes. */
size_t vm_map_records(const struct vm_map *m, const struct vm_map_record **recs);
void vm_map_records_clear(struct vm_map *m);

/* ---- ring buffer (bpf_ringbuf_*) ---- */

/*
 * vm_map_ringbuf_reserve - bpf_ringbuf_reserve: a pointer to @size writable bytes in the
 * arena, or NULL: @flags not 0, not a ringbuf, or no room. Room is the kernel's rule: the
 * producer may not run more than max_entries - 1 bytes ahead of the consumer (nor of the
 * oldest record not yet submitted/discarded); each record takes 8 + size rounded up to 8.
 */
void *vm_map_ringbuf_reserve(struct vm_map *m, uint64_t size, uint64_t flags);
/* Submit or discard a reservation (@sample as reserve returned). 0, or -EINVAL when @sample
 * is not an outstanding reservation of @m (the kernel's verifier makes that impossible). */
int vm_map_ringbuf_submit(struct vm_map *m, void *sample, uint64_t flags);
int vm_map_ringbuf_discard(struct vm_map *m, void *sample, uint64_t flags);
/* bpf_ringbuf_output: 0, -EINVAL (flags beyond BPF_RB_NO_WAKEUP|BPF_RB_FORCE_WAKEUP), or
 * -EAGAIN when there is no room (the kernel's value). */
int vm_map_ringbuf_output(struct vm_map *m, const void *data, uint64_t size, uint64_t flags);
/* bpf_ringbuf_query: BPF_RB_AVAIL_DATA, BPF_RB_RING_SIZE, BPF_RB_CONS_POS, BPF_RB_PROD_POS;
 * 0 for anything else. */
uint64_t vm_map_ringbuf_query(const struct vm_map *m, uint64_t flags);
/*
 * vm_map_ringbuf_collect - be the user-space consumer: move every submitted record, in ring
 * (reservation) order, up to the first one still reserved, into the records list and free
 * their room (discarded records are skipped). The kernel's consumer sees the same order.
 * Until this is called, the ring fills up exactly as a kernel ring without a reader.
 * Returns the number of records collected, or -ENOMEM.
 */
int vm_map_ringbuf_collect(struct vm_map *m);

/* ---- perf event array ---- */

/*
 * vm_map_perf_output - bpf_perf_event_output: record @size bytes for index
 * (@flags & BPF_F_INDEX_MASK), BPF_F_CURRENT_CPU meaning CPU 0; every index has a reader.
 * Returns 0, -EINVAL (flags beyond the index mask: the VM strips BPF_F_CTXLEN_MASK after
 * appending the context bytes itself), -E2BIG (index >= max_entries), -ENOMEM.
 */
int vm_map_perf_output(struct vm_map *m, uint64_t flags, const void *data, uint64_t size);

#endif
