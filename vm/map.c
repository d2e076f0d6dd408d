/* SPDX-License-Identifier: MIT */
/*
 * map.c - userspace BPF maps with the kernel's semantics (see map.h for the memory model).
 *
 * Owns: creation checks (the kernel's *_map_alloc_check, errno for errno), and one
 * implementation per family:
 *
 *   array      array, percpu_array (one CPU), global data: value i at arena + i * stride
 *   fdarray    prog_array, perf_event_array: u32 per index plus a "present" flag
 *   hash       hash, percpu_hash, lru_hash, lru_percpu_hash, and lpm_trie (below)
 *   queue      queue, stack: the kernel's ring of max_entries + 1 values (head, tail)
 *   ring       ringbuf: producer/consumer positions over the arena, the kernel's rules
 *   perf       perf_event_array output: records copied out at once
 *
 * Hash tables. Keys live in slots 0..max_entries-1 (keys[] beside the value arena); a slot
 * is taken from a LIFO free stack on insert and pushed back on delete, so a value never moves
 * while its key is present and nothing is allocated after creation. The index is an open
 * addressing table of slot + 1 (0: empty) with linear probing and at least twice as many
 * positions as slots (load <= 1/2, so a probe always ends at an empty position), and deletes
 * shift later entries back instead of leaving tombstones: invariant, every key is reachable
 * from its home position (hash & mask) without crossing an empty position. Index entries
 * carry the key's 32-bit hash, so most probes compare one word, not the key.
 *
 * LRU maps thread their used slots on a doubly linked list, most recent first; a program's
 * lookup and every update move the key to the front and a full insert evicts the tail. (The
 * kernel approximates this with reference bits and per-CPU free lists and may evict before
 * the map is full; ours is the exact policy the kernel approximates.)
 *
 * LPM tries reuse the hash table keyed by the prefix masked to its length (bits past the
 * prefix zeroed, so lookups hash the same bytes), plus a count of entries per prefix length;
 * a lookup probes each present length from the longest the key allows downwards. The key
 * as last written is kept beside (rawkeys[]): the kernel hands back unmasked data from
 * get_next_key.
 */
#define _GNU_SOURCE /* qsort_r */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/bpf.h>

#include "../common/mem.h"
#include "map.h"

/* Flags newer than some <linux/bpf.h>, and the kernel's internal limits this file mirrors. */
#define F_NO_PREALLOC	 (1u << 0)
#define F_NO_COMMON_LRU	 (1u << 1)
#define F_NUMA_NODE	 (1u << 2)
#define F_RDONLY	 (1u << 3)
#define F_WRONLY	 (1u << 4)
#define F_ZERO_SEED	 (1u << 6)
#define F_RDONLY_PROG	 (1u << 7)
#define F_WRONLY_PROG	 (1u << 8)
#define F_MMAPABLE	 (1u << 10)
#define F_PRESERVE_ELEMS (1u << 11)
#define F_INNER_MAP	 (1u << 12)
#define F_ACCESS_MASK	 (F_RDONLY | F_WRONLY | F_RDONLY_PROG | F_WRONLY_PROG)

#define KMALLOC_MAX_SIZE   (1ull << 22) /* x86-64: 4 KiB pages << MAX_PAGE_ORDER 10 */
#define PCPU_MIN_UNIT_SIZE (32u << 10)
#define HTAB_ELEM_SIZE	   48u /* sizeof(struct htab_elem) on x86-64 */
#define HTAB_MAX_ENTRIES   (1u << 27)
#define LPM_DATA_SIZE_MAX  256u
#define LPM_NODE_SIZE	   24u /* sizeof(struct lpm_trie_node) without data (6.18) */
#define PAGE_SIZE	   4096u

#define RB_HDR_SZ	 8u
#define RB_BUSY_BIT	 (1u << 31)
#define RB_DISCARD_BIT	 (1u << 30)
#define RB_MAX_RECORD_SZ (UINT32_MAX / 4)
#define RB_WAKEUP_FLAGS	 (BPF_RB_NO_WAKEUP | BPF_RB_FORCE_WAKEUP)

#define NIL UINT32_MAX

enum map_kind { K_ARRAY, K_FDARRAY, K_HASH, K_LRU, K_LPM, K_QUEUE, K_STACK, K_RING };

struct htab {
	uint8_t *keys;	  /* slot * key_size: the key (lpm: masked to its prefix) */
	uint8_t *rawkeys; /* lpm only: the key as last written */
	uint32_t *hashes; /* slot: hash of its key */
	uint8_t *used;	  /* slot: holds a key */
	uint64_t *index;  /* imask + 1 positions: hash << 32 | (slot + 1), or 0 when empty */
	size_t imask;
	uint32_t *freestk; /* free slots; the top (freestk[nfree - 1]) is taken first */
	uint32_t nfree;
	uint32_t *prev, *next; /* LRU list through slots, head most recent; NIL ends */
	uint32_t head, tail;
	uint32_t *plen_count; /* lpm: entries per prefix length, 0..max_prefixlen */
	uint32_t max_prefixlen;
};

/* One ring buffer record between the consumer and producer positions. */
enum { RR_BUSY, RR_SUBMITTED, RR_DISCARDED };
struct ringrec {
	uint64_t pos;
	uint32_t len; /* the size asked for (header excluded) */
	uint8_t state;
};

struct ring {
	uint64_t cons, prod, mask;
	struct ringrec *recs; /* recs[head..n): records from cons to prod, in position order */
	size_t head, n, cap;
};

struct map {
	struct vm_map pub; /* first: a struct vm_map * is a struct map * */
	enum map_kind kind;
	uint32_t count; /* keys present (hash, lpm, fdarray), values queued (queue) */
	struct htab h;
	struct ring r;
	uint32_t qhead, qtail, qsize; /* queue/stack: the kernel's indexes, qsize = max + 1 */
	uint8_t *present;	      /* fdarray: index holds a value */
	struct vm_map_record *recs;   /* collected output, oldest first */
	size_t nrecs, reccap;
};

static inline struct map *to_map(struct vm_map *m)
{
	return (struct map *)m;
}

static inline const struct map *to_cmap(const struct vm_map *m)
{
	return (const struct map *)m;
}

static inline uint64_t round8(uint64_t n)
{
	return (n + 7) & ~7ull;
}

/* ---- creation ---- */

static const char *errname(int err)
{
	switch (-err) {
	case EINVAL:
		return "EINVAL";
	case E2BIG:
		return "E2BIG";
	case ENOMEM:
		return "ENOMEM";
	case EOPNOTSUPP:
		return "EOPNOTSUPP";
	case EPERM:
		return "EPERM";
	case VM_ENOTSUPP:
		return "ENOTSUPP";
	}
	return "?";
}

/* Report why @def cannot be created, as the kernel would refuse it (its errno in the text). */
static int refuse(struct diag *d, const struct obj_map *def, int err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int refuse(struct diag *d, const struct obj_map *def, int err, const char *fmt, ...)
{
	char why[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	if (d)
		diag_error(d, NULL, "map '%s': %s (%s)", def->name ? def->name : "", why,
			   errname(err));
	return err;
}

static bool access_ok(uint32_t flags)
{
	/* bpf_map_flags_access_ok: a map cannot be both read-only and write-only to programs */
	return (flags & (F_RDONLY_PROG | F_WRONLY_PROG)) != (F_RDONLY_PROG | F_WRONLY_PROG);
}

static bool is_pow2(uint32_t x)
{
	return x && !(x & (x - 1));
}

/* The kernel's htab_map_alloc_check, in its order. */
static int check_hash(const struct obj_map *def, struct diag *d)
{
	bool lru = def->type == BPF_MAP_TYPE_LRU_HASH || def->type == BPF_MAP_TYPE_LRU_PERCPU_HASH;
	bool percpu =
		def->type == BPF_MAP_TYPE_PERCPU_HASH || def->type == BPF_MAP_TYPE_LRU_PERCPU_HASH;
	uint32_t mask = F_NO_PREALLOC | F_NO_COMMON_LRU | F_NUMA_NODE | F_ACCESS_MASK | F_ZERO_SEED;

	if ((def->flags & ~mask) || !access_ok(def->flags))
		return refuse(d, def, -EINVAL, "flags 0x%x not valid for a hash map", def->flags);
	if (!lru && (def->flags & F_NO_COMMON_LRU))
		return refuse(d, def, -EINVAL, "BPF_F_NO_COMMON_LRU needs an LRU map");
	if (lru && (def->flags & F_NO_PREALLOC))
		return refuse(d, def, -VM_ENOTSUPP, "LRU maps are always preallocated");
	if (!def->max_entries || !def->key_size || !def->value_size)
		return refuse(d, def, -EINVAL,
			      "max_entries, key size and value size must not be 0");
	if ((uint64_t)def->key_size + def->value_size >= KMALLOC_MAX_SIZE - HTAB_ELEM_SIZE)
		return refuse(d, def, -E2BIG, "key and value together too large (%u + %u bytes)",
			      def->key_size, def->value_size);
	if (percpu && round8(def->value_size) > PCPU_MIN_UNIT_SIZE)
		return refuse(d, def, -E2BIG, "per-CPU value larger than %u bytes",
			      PCPU_MIN_UNIT_SIZE);
	/* htab_map_alloc: the power-of-2 bucket array (16-byte buckets) must stay below 4 GiB */
	if (def->max_entries > HTAB_MAX_ENTRIES)
		return refuse(d, def, -E2BIG, "max_entries %u: at most %u for a hash map",
			      def->max_entries, HTAB_MAX_ENTRIES);
	return 0;
}

/* array_map_alloc_check (and fd_array_map_alloc_check before it for fd arrays). */
/* devmap, devmap_hash, cpumap, xskmap: a u32 key; the value an ifindex, CPU queue size or
 * socket, optionally with a program fd (struct bpf_devmap_val, bpf_cpumap_val: 8 bytes). */
static int check_redirect_map(const struct obj_map *def, struct diag *d)
{
	uint32_t vmax = def->type == BPF_MAP_TYPE_XSKMAP ? 4 : 8;

	if (def->key_size != 4)
		return refuse(d, def, -EINVAL, "key size must be 4, not %u", def->key_size);
	if (def->value_size != 4 && def->value_size != vmax)
		return refuse(d, def, -EINVAL, "value size must be 4%s, not %u",
			      vmax == 8 ? " or 8" : "", def->value_size);
	if (!def->max_entries)
		return refuse(d, def, -EINVAL, "max_entries must not be 0");
	return 0;
}

static int check_array(const struct obj_map *def, struct diag *d)
{
	uint32_t mask = F_NUMA_NODE | F_MMAPABLE | F_ACCESS_MASK | F_PRESERVE_ELEMS | F_INNER_MAP;
	bool percpu = def->type == BPF_MAP_TYPE_PERCPU_ARRAY;
	bool fd =
		def->type == BPF_MAP_TYPE_PROG_ARRAY || def->type == BPF_MAP_TYPE_PERF_EVENT_ARRAY;

	if (fd && def->value_size != 4)
		return refuse(d, def, -EINVAL, "value size must be 4 (a descriptor), not %u",
			      def->value_size);
	if (fd && (def->flags & (F_RDONLY_PROG | F_WRONLY_PROG)))
		return refuse(d, def, -EINVAL, "program access flags not valid here");
	if (!def->max_entries)
		return refuse(d, def, -EINVAL, "max_entries must not be 0");
	if (def->key_size != 4)
		return refuse(d, def, -EINVAL, "key size must be 4 for an array, not %u",
			      def->key_size);
	if (!def->value_size)
		return refuse(d, def, -EINVAL, "value size must not be 0");
	if ((def->flags & ~mask) || !access_ok(def->flags) ||
	    (percpu && (def->flags & F_NUMA_NODE)))
		return refuse(d, def, -EINVAL, "flags 0x%x not valid for an array", def->flags);
	if (def->type != BPF_MAP_TYPE_ARRAY && (def->flags & (F_MMAPABLE | F_INNER_MAP)))
		return refuse(d, def, -EINVAL,
			      "BPF_F_MMAPABLE and BPF_F_INNER_MAP need a plain array");
	if (def->type != BPF_MAP_TYPE_PERF_EVENT_ARRAY && (def->flags & F_PRESERVE_ELEMS))
		return refuse(d, def, -EINVAL, "BPF_F_PRESERVE_ELEMS needs a perf event array");
	if (def->value_size > INT32_MAX)
		return refuse(d, def, -E2BIG, "value size too large");
	if (percpu && round8(def->value_size) > PCPU_MIN_UNIT_SIZE)
		return refuse(d, def, -E2BIG, "per-CPU value larger than %u bytes",
			      PCPU_MIN_UNIT_SIZE);
	return 0;
}

/* trie_alloc's checks: all of them say EINVAL. */
static int check_lpm(const struct obj_map *def, struct diag *d)
{
	uint32_t mask = F_NO_PREALLOC | F_NUMA_NODE | F_ACCESS_MASK;

	if (!def->max_entries)
		return refuse(d, def, -EINVAL, "max_entries must not be 0");
	if (!(def->flags & F_NO_PREALLOC))
		return refuse(d, def, -EINVAL, "an LPM trie needs BPF_F_NO_PREALLOC");
	if ((def->flags & ~mask) || !access_ok(def->flags))
		return refuse(d, def, -EINVAL, "flags 0x%x not valid for an LPM trie", def->flags);
	if (def->key_size < 4 + 1 || def->key_size > 4 + LPM_DATA_SIZE_MAX)
		return refuse(d, def, -EINVAL,
			      "key size %u: an LPM key is a u32 prefix length and 1 to %u bytes",
			      def->key_size, LPM_DATA_SIZE_MAX);
	if (def->value_size < 1 ||
	    def->value_size > KMALLOC_MAX_SIZE - LPM_DATA_SIZE_MAX - LPM_NODE_SIZE)
		return refuse(d, def, -EINVAL, "value size %u out of range", def->value_size);
	return 0;
}

/* queue_stack_map_alloc_check. */
static int check_queue(const struct obj_map *def, struct diag *d)
{
	if (!def->max_entries || def->key_size || !def->value_size ||
	    (def->flags & ~(F_NUMA_NODE | F_ACCESS_MASK)) || !access_ok(def->flags))
		return refuse(d, def, -EINVAL,
			      "a queue or stack needs key size 0, a value size, max_entries and "
			      "no flags but access and NUMA flags");
	if (def->value_size > KMALLOC_MAX_SIZE)
		return refuse(d, def, -E2BIG, "value size too large");
	return 0;
}

/* ringbuf_map_alloc. */
static int check_ring(const struct obj_map *def, struct diag *d)
{
	if (def->flags & ~F_NUMA_NODE)
		return refuse(d, def, -EINVAL, "flags 0x%x not valid for a ring buffer",
			      def->flags);
	if (def->key_size || def->value_size)
		return refuse(d, def, -EINVAL, "a ring buffer has no key or value size");
	if (!is_pow2(def->max_entries) || def->max_entries % PAGE_SIZE)
		return refuse(d, def, -EINVAL,
			      "ring buffer size %u must be a power of 2 and a multiple of %u",
			      def->max_entries, PAGE_SIZE);
	return 0;
}

static int alloc_hash(struct map *mp, bool lru, bool lpm)
{
	struct htab *h = &mp->h;
	uint32_t max = mp->pub.max_entries, ks = mp->pub.key_size;
	size_t icap = 2;

	/* at least 2 positions per slot: probes end at an empty position, and stay short */
	while (icap < (size_t)max * 2)
		icap <<= 1;
	h->imask = icap - 1;
	h->keys = mem_alloc((size_t)max * ks);
	h->hashes = mem_alloc((size_t)max * sizeof(*h->hashes));
	h->used = mem_alloc(max);
	h->index = mem_alloc(icap * sizeof(*h->index));
	h->freestk = mem_alloc((size_t)max * sizeof(*h->freestk));
	if (!h->keys || !h->hashes || !h->used || !h->index || !h->freestk)
		return -ENOMEM;
	/* slot 0 on top: a fresh map hands out slots 0, 1, 2 ... */
	for (uint32_t i = 0; i < max; i++)
		h->freestk[i] = max - 1 - i;
	h->nfree = max;
	h->head = h->tail = NIL;
	if (lru) {
		h->prev = mem_alloc((size_t)max * sizeof(*h->prev));
		h->next = mem_alloc((size_t)max * sizeof(*h->next));
		if (!h->prev || !h->next)
			return -ENOMEM;
	}
	if (lpm) {
		h->max_prefixlen = (ks - 4) * 8;
		h->rawkeys = mem_alloc((size_t)max * ks);
		h->plen_count = mem_alloc((h->max_prefixlen + 1) * sizeof(*h->plen_count));
		if (!h->rawkeys || !h->plen_count)
			return -ENOMEM;
	}
	return 0;
}

int vm_map_create(const struct obj_map *def, struct vm_map **out, struct diag *d)
{
	struct map *mp;
	enum map_kind kind;
	uint64_t stride, arena_len;
	int err;

	*out = NULL;
	/* map_create's own check, before the type's: the file mode cannot be both */
	if ((def->flags & F_RDONLY) && (def->flags & F_WRONLY))
		return refuse(d, def, -EINVAL, "BPF_F_RDONLY and BPF_F_WRONLY together");

	switch (def->type) {
	case BPF_MAP_TYPE_HASH:
	case BPF_MAP_TYPE_PERCPU_HASH:
		err = check_hash(def, d);
		kind = K_HASH;
		break;
	case BPF_MAP_TYPE_LRU_HASH:
	case BPF_MAP_TYPE_LRU_PERCPU_HASH:
		err = check_hash(def, d);
		kind = K_LRU;
		break;
	case BPF_MAP_TYPE_ARRAY:
	case BPF_MAP_TYPE_PERCPU_ARRAY:
		err = check_array(def, d);
		kind = K_ARRAY;
		break;
	case BPF_MAP_TYPE_PROG_ARRAY:
	case BPF_MAP_TYPE_PERF_EVENT_ARRAY:
		err = check_array(def, d);
		kind = K_FDARRAY;
		break;
	case BPF_MAP_TYPE_DEVMAP:
	case BPF_MAP_TYPE_DEVMAP_HASH:
	case BPF_MAP_TYPE_CPUMAP:
	case BPF_MAP_TYPE_XSKMAP:
		/* redirect targets: the interpreter has no devices, CPUs or sockets, so these
		 * stay empty and bpf_redirect_map returns its fallback action (ctx.c) */
		err = check_redirect_map(def, d);
		kind = K_FDARRAY;
		break;
	case BPF_MAP_TYPE_LPM_TRIE:
		err = check_lpm(def, d);
		kind = K_LPM;
		break;
	case BPF_MAP_TYPE_QUEUE:
	case BPF_MAP_TYPE_STACK:
		err = check_queue(def, d);
		kind = def->type == BPF_MAP_TYPE_QUEUE ? K_QUEUE : K_STACK;
		break;
	case BPF_MAP_TYPE_RINGBUF:
		err = check_ring(def, d);
		kind = K_RING;
		break;
	case BPF_MAP_TYPE_ARRAY_OF_MAPS:
	case BPF_MAP_TYPE_HASH_OF_MAPS:
		return refuse(d, def, -EOPNOTSUPP,
			      "maps of maps are not supported by the interpreter (ebpf-load runs "
			      "them in the kernel)");
	default:
		if (def->type == BPF_MAP_TYPE_UNSPEC || def->type > 33)
			return refuse(d, def, -EINVAL, "unknown map type %u", def->type);
		return refuse(d, def, -EOPNOTSUPP,
			      "map type %u is not supported by the interpreter", def->type);
	}
	if (err)
		return err;

	switch (kind) {
	case K_QUEUE:
	case K_STACK:
		stride = def->value_size;
		arena_len = ((uint64_t)def->max_entries + 1) * stride;
		break;
	case K_RING:
		stride = 0;
		arena_len = 2ull * def->max_entries;
		break;
	case K_FDARRAY:
		stride = 4;
		arena_len = def->type == BPF_MAP_TYPE_PROG_ARRAY ? 4ull * def->max_entries : 0;
		break;
	default:
		stride = round8(def->value_size);
		arena_len = stride * def->max_entries;
		break;
	}
	if (arena_len > SIZE_MAX / 2)
		return refuse(d, def, -ENOMEM, "%llu bytes of values do not fit in memory",
			      (unsigned long long)arena_len);

	mp = mem_alloc(sizeof(*mp));
	if (!mp)
		return -ENOMEM;
	mp->kind = kind;
	mp->pub.type = def->type;
	mp->pub.key_size = def->key_size;
	mp->pub.value_size = def->value_size;
	mp->pub.max_entries = def->max_entries;
	mp->pub.flags = def->flags;
	mp->pub.value_stride = (uint32_t)stride;
	mp->pub.data_sec = def->data_sec;
	mp->pub.name = mem_strdup(def->name ? def->name : "");
	mp->pub.arena_len = (size_t)arena_len;
	err = -ENOMEM;
	if (!mp->pub.name)
		goto out_free;
	if (arena_len) {
		mp->pub.arena = mem_alloc((size_t)arena_len);
		if (!mp->pub.arena)
			goto out_free;
	}
	switch (kind) {
	case K_HASH:
	case K_LRU:
	case K_LPM:
		err = alloc_hash(mp, kind == K_LRU, kind == K_LPM);
		if (err)
			goto out_free;
		break;
	case K_FDARRAY:
		mp->present = mem_alloc(def->max_entries);
		if (!mp->present)
			goto out_free;
		break;
	case K_QUEUE:
	case K_STACK:
		mp->qsize = def->max_entries + 1;
		break;
	case K_RING:
		mp->r.mask = def->max_entries - 1;
		break;
	case K_ARRAY:
		break;
	}
	*out = &mp->pub;
	return 0;

out_free:
	vm_map_free(&mp->pub);
	return refuse(d, def, err, "out of memory creating the map");
}

void vm_map_records_clear(struct vm_map *m)
{
	struct map *mp = to_map(m);

	for (size_t i = 0; i < mp->nrecs; i++)
		mem_free(mp->recs[i].data);
	mp->nrecs = 0;
}

void vm_map_free(struct vm_map *m)
{
	struct map *mp;

	if (!m)
		return;
	mp = to_map(m);
	vm_map_records_clear(m);
	mem_free(mp->recs);
	mem_free(mp->h.keys);
	mem_free(mp->h.rawkeys);
	mem_free(mp->h.hashes);
	mem_free(mp->h.used);
	mem_free(mp->h.index);
	mem_free(mp->h.freestk);
	mem_free(mp->h.prev);
	mem_free(mp->h.next);
	mem_free(mp->h.plen_count);
	mem_free(mp->r.recs);
	mem_free(mp->present);
	mem_free(m->arena);
	mem_free(m->name);
	mem_free(mp);
}

void vm_map_arena(const struct vm_map *m, void **base, size_t *len)
{
	*base = m->arena;
	*len = m->arena_len;
}

long vm_map_value_slot(const struct vm_map *m, const void *ptr)
{
	const uint8_t *p = ptr;

	if (!m->value_stride || to_cmap(m)->kind == K_RING || !m->arena || p < m->arena ||
	    p >= m->arena + m->arena_len)
		return -1;
	return (long)((size_t)(p - m->arena) / m->value_stride);
}

static inline uint8_t *slot_value(const struct map *mp, uint32_t slot)
{
	return mp->pub.arena + (size_t)slot * mp->pub.value_stride;
}

/* ---- hash tables ---- */

/*
 * A 64-bit multiply-xorshift over 8-byte words: keys are mostly 4 to 16 bytes, and this does
 * one multiply per word. Not seeded: the interpreter needs reproducible runs, not
 * resistance to adversarial keys.
 */
static inline uint32_t hash_u32(uint32_t w4)
{
	uint64_t h = (0x9e3779b97f4a7c15ull ^ 4) ^ w4;

	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 31;
	h *= 0x94d049bb133111ebull;
	return (uint32_t)(h ^ (h >> 32));
}

static uint32_t hash_bytes(const void *p, uint32_t n)
{
	const uint8_t *b = p;
	uint64_t h = 0x9e3779b97f4a7c15ull ^ n, w;

	/* the common key size without the loop and a variable-length copy (same value) */
	if (n == 4) {
		uint32_t w4;

		memcpy(&w4, b, 4);
		return hash_u32(w4);
	}
	for (; n >= 8; n -= 8, b += 8) {
		memcpy(&w, b, 8);
		h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
		h ^= h >> 31;
	}
	if (n) {
		w = 0;
		memcpy(&w, b, n);
		h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
		h ^= h >> 31;
	}
	h *= 0x94d049bb133111ebull;
	return (uint32_t)(h ^ (h >> 32));
}

/* An index entry: the key's hash beside its slot, so a probe rejects other keys without a
 * dependent load from the slot arrays; only a matching hash reads the key. */
static inline uint32_t ix_slot(uint64_t e)
{
	return (uint32_t)e - 1;
}

static inline uint64_t ix_entry(uint32_t hv, uint32_t slot)
{
	return (uint64_t)hv << 32 | (slot + 1);
}

static inline bool key_equal(const uint8_t *a, const void *b, uint32_t n)
{
	uint32_t x4, y4;
	uint64_t x8, y8;

	switch (n) {
	case 4:
		memcpy(&x4, a, 4);
		memcpy(&y4, b, 4);
		return x4 == y4;
	case 8:
		memcpy(&x8, a, 8);
		memcpy(&y8, b, 8);
		return x8 == y8;
	default:
		return !memcmp(a, b, n);
	}
}

/*
 * The index position holding @key (*found = true), or the empty one where it would go. @ks is
 * the key size: a constant where the caller knows it, so that key_equal folds to one compare.
 */
static inline size_t ht_probe_ks(const struct htab *h, const void *key, uint32_t hv, uint32_t ks,
				 bool *found)
{
	size_t i = hv & h->imask;

	for (;;) {
		uint64_t e = h->index[i];

		if (!e) {
			*found = false;
			return i;
		}
		if ((uint32_t)(e >> 32) == hv &&
		    key_equal(h->keys + (size_t)ix_slot(e) * ks, key, ks)) {
			*found = true;
			return i;
		}
		i = (i + 1) & h->imask;
	}
}

static size_t ht_probe(const struct map *mp, const void *key, uint32_t hv, bool *found)
{
	return ht_probe_ks(&mp->h, key, hv, mp->pub.key_size, found);
}

static void lru_unlink(struct htab *h, uint32_t s)
{
	if (h->prev[s] != NIL)
		h->next[h->prev[s]] = h->next[s];
	else
		h->head = h->next[s];
	if (h->next[s] != NIL)
		h->prev[h->next[s]] = h->prev[s];
	else
		h->tail = h->prev[s];
}

static void lru_push_front(struct htab *h, uint32_t s)
{
	h->prev[s] = NIL;
	h->next[s] = h->head;
	if (h->head != NIL)
		h->prev[h->head] = s;
	h->head = s;
	if (h->tail == NIL)
		h->tail = s;
}

static void lru_touch(struct htab *h, uint32_t s)
{
	if (h->head != s) {
		lru_unlink(h, s);
		lru_push_front(h, s);
	}
}

/*
 * Remove the entry at index position @i: backward-shift deletion. Later entries of the same
 * probe run move back into the hole when their home position does not lie cyclically in
 * (hole, their position], so that each stays reachable from its home.
 */
static void ht_remove_at(struct map *mp, size_t i)
{
	struct htab *h = &mp->h;
	uint32_t slot = ix_slot(h->index[i]);
	size_t j = i;

	for (;;) {
		uint64_t e;
		size_t home;

		j = (j + 1) & h->imask;
		e = h->index[j];
		if (!e)
			break;
		home = (uint32_t)(e >> 32) & h->imask;
		/* distance home->j is shorter than hole->j: the entry may not move */
		if (((j - home) & h->imask) < ((j - i) & h->imask))
			continue;
		h->index[i] = e;
		i = j;
	}
	h->index[i] = 0;
	h->used[slot] = 0;
	h->freestk[h->nfree++] = slot;
	if (h->prev)
		lru_unlink(h, slot);
	if (h->plen_count) {
		uint32_t plen;

		memcpy(&plen, h->keys + (size_t)slot * mp->pub.key_size, 4);
		h->plen_count[plen]--;
	}
	mp->count--;
}

static void lru_evict(struct map *mp)
{
	struct htab *h = &mp->h;
	uint32_t victim = h->tail;
	bool found;
	size_t i = ht_probe(mp, h->keys + (size_t)victim * mp->pub.key_size, h->hashes[victim],
			    &found);

	ht_remove_at(mp, i);
}

/* Take a free slot for @key at empty position @pos (from ht_probe). */
static uint32_t ht_insert(struct map *mp, size_t pos, const void *key, uint32_t hv)
{
	struct htab *h = &mp->h;
	uint32_t slot = h->freestk[--h->nfree];

	memcpy(h->keys + (size_t)slot * mp->pub.key_size, key, mp->pub.key_size);
	h->hashes[slot] = hv;
	h->used[slot] = 1;
	h->index[pos] = ix_entry(hv, slot);
	if (h->prev)
		lru_push_front(h, slot);
	mp->count++;
	return slot;
}

/* The slot of @key's value, or -1. */
static long hash_lookup_slot(struct map *mp, const void *key, bool touch)
{
	uint32_t hv = hash_bytes(key, mp->pub.key_size);
	bool found;
	size_t i = ht_probe(mp, key, hv, &found);
	uint32_t slot;

	if (!found)
		return -1;
	slot = ix_slot(mp->h.index[i]);
	if (touch && mp->kind == K_LRU)
		lru_touch(&mp->h, slot);
	return (long)slot;
}

static void *hash_lookup(struct map *mp, const void *key, bool touch)
{
	long slot = hash_lookup_slot(mp, key, touch);

	return slot < 0 ? NULL : slot_value(mp, (uint32_t)slot);
}

static int hash_update(struct map *mp, const void *key, const void *value, uint64_t flags)
{
	uint32_t hv = hash_bytes(key, mp->pub.key_size);
	bool found;
	size_t i = ht_probe(mp, key, hv, &found);
	uint32_t slot;

	if (found) {
		if (flags == BPF_NOEXIST)
			return -EEXIST;
		slot = ix_slot(mp->h.index[i]);
		if (mp->kind == K_LRU)
			lru_touch(&mp->h, slot);
	} else {
		if (flags == BPF_EXIST)
			return -ENOENT;
		if (!mp->h.nfree) {
			if (mp->kind != K_LRU)
				return -E2BIG;
			/* the eviction shifts index entries: probe again */
			lru_evict(mp);
			i = ht_probe(mp, key, hv, &found);
		}
		slot = ht_insert(mp, i, key, hv);
	}
	memcpy(slot_value(mp, slot), value, mp->pub.value_size);
	return 0;
}

static int hash_delete(struct map *mp, const void *key)
{
	uint32_t hv = hash_bytes(key, mp->pub.key_size);
	bool found;
	size_t i = ht_probe(mp, key, hv, &found);

	if (!found)
		return -ENOENT;
	ht_remove_at(mp, i);
	return 0;
}

/* The first used slot at or after @from, or NIL. */
static uint32_t next_used(const struct map *mp, uint64_t from)
{
	for (uint64_t s = from; s < mp->pub.max_entries; s++)
		if (mp->h.used[s])
			return (uint32_t)s;
	return NIL;
}

static int hash_get_next_key(struct map *mp, const void *key, void *next_key)
{
	uint64_t from = 0;
	uint32_t s;

	if (key) {
		uint32_t hv = hash_bytes(key, mp->pub.key_size);
		bool found;
		size_t i = ht_probe(mp, key, hv, &found);

		/* a key not in the map restarts the walk, as the kernel's hash maps do */
		if (found)
			from = (uint64_t)ix_slot(mp->h.index[i]) + 1;
	}
	s = next_used(mp, from);
	if (s == NIL)
		return -ENOENT;
	memcpy(next_key, mp->h.keys + (size_t)s * mp->pub.key_size, mp->pub.key_size);
	return 0;
}

/* ---- LPM trie over the hash table ---- */

/* Copy @key into @out with prefix length @plen and data bits past @plen cleared. Bits are
 * numbered from the most significant bit of data[0], as the kernel compares them. */
static void lpm_mask(const struct map *mp, const uint8_t *key, uint32_t plen, uint8_t *out)
{
	uint32_t dsz = mp->pub.key_size - 4, full = plen / 8;

	memcpy(out, &plen, 4);
	memcpy(out + 4, key + 4, full);
	if (full < dsz) {
		out[4 + full] = key[4 + full] & (uint8_t)(0xff00u >> (plen % 8));
		memset(out + 4 + full + 1, 0, dsz - full - 1);
	}
}

static uint32_t key_plen(const void *key)
{
	uint32_t plen;

	memcpy(&plen, key, 4);
	return plen;
}

static void *lpm_lookup(struct map *mp, const void *key)
{
	uint8_t masked[4 + LPM_DATA_SIZE_MAX];
	uint32_t plen = key_plen(key);
	bool found;

	if (plen > mp->h.max_prefixlen)
		return NULL;
	/* longest first: the first hit is the longest matching prefix */
	for (uint32_t p = plen + 1; p-- > 0;) {
		uint32_t hv;
		size_t i;

		if (!mp->h.plen_count[p])
			continue;
		lpm_mask(mp, key, p, masked);
		hv = hash_bytes(masked, mp->pub.key_size);
		i = ht_probe(mp, masked, hv, &found);
		if (found)
			return slot_value(mp, ix_slot(mp->h.index[i]));
	}
	return NULL;
}

/* Exact match of @key's prefix: its index position, or -1. */
static long lpm_find(const struct map *mp, const void *key)
{
	uint8_t masked[4 + LPM_DATA_SIZE_MAX];
	bool found;
	size_t i;

	lpm_mask(mp, key, key_plen(key), masked);
	i = ht_probe(mp, masked, hash_bytes(masked, mp->pub.key_size), &found);
	return found ? (long)i : -1;
}

static int lpm_update(struct map *mp, const void *key, const void *value, uint64_t flags)
{
	uint8_t masked[4 + LPM_DATA_SIZE_MAX];
	uint32_t plen = key_plen(key), hv, slot;
	bool found;
	size_t i;

	if (plen > mp->h.max_prefixlen)
		return -EINVAL;
	lpm_mask(mp, key, plen, masked);
	hv = hash_bytes(masked, mp->pub.key_size);
	i = ht_probe(mp, masked, hv, &found);
	if (found) {
		if (flags == BPF_NOEXIST)
			return -EEXIST;
		slot = ix_slot(mp->h.index[i]);
	} else {
		if (flags == BPF_EXIST)
			return -ENOENT;
		if (mp->count == mp->pub.max_entries)
			return -ENOSPC;
		slot = ht_insert(mp, i, masked, hv);
		mp->h.plen_count[plen]++;
	}
	/* the kernel keeps the data as given, bits past the prefix included */
	memcpy(mp->h.rawkeys + (size_t)slot * mp->pub.key_size, key, mp->pub.key_size);
	memcpy(slot_value(mp, slot), value, mp->pub.value_size);
	return 0;
}

static int lpm_delete(struct map *mp, const void *key)
{
	long i;

	if (key_plen(key) > mp->h.max_prefixlen)
		return -EINVAL;
	i = lpm_find(mp, key);
	if (i < 0)
		return -ENOENT;
	ht_remove_at(mp, (size_t)i);
	return 0;
}

/*
 * The kernel's get_next_key order for tries, post-order with the 0 child first: at the first
 * bit where two prefixes differ, 0 comes first; when one prefix contains the other, the
 * longer (more specific) comes first. Keys are masked (slot keys).
 */
static int lpm_cmp(const uint8_t *a, const uint8_t *b)
{
	uint32_t pa = key_plen(a), pb = key_plen(b), m = pa < pb ? pa : pb;

	for (uint32_t byte = 0; byte * 8 < m; byte++) {
		uint8_t x = a[4 + byte] ^ b[4 + byte];

		if (byte * 8 + 8 > m)
			x &= (uint8_t)(0xff00u >> (m - byte * 8));
		if (x) {
			/* the highest differing bit decides: whoever has it set comes later */
			uint8_t bit = 0x80;

			while (!(x & bit))
				bit >>= 1;
			return (a[4 + byte] & bit) ? 1 : -1;
		}
	}
	if (pa == pb)
		return 0;
	return pa > pb ? -1 : 1;
}

/* The used slot whose key comes first after @after in lpm_cmp order (@after NULL: first). */
static uint32_t lpm_next_slot(const struct map *mp, const uint8_t *after)
{
	uint32_t best = NIL, ks = mp->pub.key_size;

	for (uint32_t s = 0; s < mp->pub.max_entries; s++) {
		const uint8_t *k = mp->h.keys + (size_t)s * ks;

		if (!mp->h.used[s] || (after && lpm_cmp(k, after) <= 0))
			continue;
		if (best == NIL || lpm_cmp(k, mp->h.keys + (size_t)best * ks) < 0)
			best = s;
	}
	return best;
}

static int lpm_get_next_key(struct map *mp, const void *key, void *next_key)
{
	const uint8_t *after = NULL;
	uint32_t s;

	/* a missing key, or one with an impossible prefix length, restarts at the first */
	if (key && key_plen(key) <= mp->h.max_prefixlen) {
		long i = lpm_find(mp, key);

		if (i >= 0)
			after = mp->h.keys + (size_t)(ix_slot(mp->h.index[i])) * mp->pub.key_size;
	}
	s = lpm_next_slot(mp, after);
	if (s == NIL)
		return -ENOENT;
	memcpy(next_key, mp->h.rawkeys + (size_t)s * mp->pub.key_size, mp->pub.key_size);
	return 0;
}

/* ---- arrays ---- */

static inline uint32_t key_index(const void *key)
{
	uint32_t idx;

	memcpy(&idx, key, 4);
	return idx;
}

static int array_get_next_key(const struct map *mp, const void *key, void *next_key)
{
	uint32_t idx = key ? key_index(key) : mp->pub.max_entries;

	/* out of range (or no key) restarts at 0; the last index ends the walk */
	if (idx >= mp->pub.max_entries)
		idx = 0;
	else if (idx == mp->pub.max_entries - 1)
		return -ENOENT;
	else
		idx++;
	memcpy(next_key, &idx, 4);
	return 0;
}

/* ---- queue and stack ---- */

static bool q_full(const struct map *mp)
{
	uint32_t head = mp->qhead + 1;

	if (head >= mp->qsize)
		head = 0;
	return head == mp->qtail;
}

int vm_map_push(struct vm_map *m, const void *value, uint64_t flags)
{
	struct map *mp = to_map(m);

	if (mp->kind != K_QUEUE && mp->kind != K_STACK)
		return -EINVAL;
	if ((flags & BPF_NOEXIST) || flags > BPF_EXIST)
		return -EINVAL;
	if (q_full(mp)) {
		if (flags != BPF_EXIST)
			return -E2BIG;
		/* replace: drop the oldest (for a stack too, as the kernel does) */
		if (++mp->qtail >= mp->qsize)
			mp->qtail = 0;
		mp->count--;
	}
	memcpy(m->arena + (size_t)mp->qhead * m->value_size, value, m->value_size);
	if (++mp->qhead >= mp->qsize)
		mp->qhead = 0;
	mp->count++;
	return 0;
}

static int q_take(struct map *mp, void *value, bool remove)
{
	uint32_t idx;

	if (mp->kind != K_QUEUE && mp->kind != K_STACK)
		return -EINVAL;
	if (mp->qhead == mp->qtail)
		return -ENOENT;
	if (mp->kind == K_QUEUE) {
		idx = mp->qtail;
		if (remove && ++mp->qtail >= mp->qsize)
			mp->qtail = 0;
	} else {
		idx = mp->qhead ? mp->qhead - 1 : mp->qsize - 1;
		if (remove)
			mp->qhead = idx;
	}
	memcpy(value, mp->pub.arena + (size_t)idx * mp->pub.value_size, mp->pub.value_size);
	if (remove)
		mp->count--;
	return 0;
}

int vm_map_pop(struct vm_map *m, void *value)
{
	return q_take(to_map(m), value, true);
}

int vm_map_peek(struct vm_map *m, void *value)
{
	return q_take(to_map(m), value, false);
}

/* ---- generic element access ---- */

/* A ring buffer refuses element commands: EINVAL from the syscall layer when a key is
 * given (its key size is 0), else the ring's own ENOTSUPP, as the kernel answers. */
static int ring_syscall_err(const void *key)
{
	return key ? -EINVAL : -VM_ENOTSUPP;
}

/*
 * hash_lookup_slot() for a plain hash map with a 4-byte key (the interpreter's common case:
 * an address or an index): the same hash and probe, with the key size known, without the
 * general functions' calls.
 */
static long hash4_lookup_slot(const struct map *mp, const void *key)
{
	uint32_t k;
	bool found;
	size_t i;

	memcpy(&k, key, 4);
	i = ht_probe_ks(&mp->h, key, hash_u32(k), 4, &found);
	return found ? (long)ix_slot(mp->h.index[i]) : -1;
}

long vm_map_lookup_slot(struct vm_map *m, const void *key)
{
	struct map *mp = to_map(m);
	const uint8_t *v;
	uint32_t idx;

	switch (mp->kind) {
	case K_ARRAY:
		idx = key_index(key);
		return idx < m->max_entries ? (long)idx : -1;
	case K_HASH:
		if (m->key_size == 4)
			return hash4_lookup_slot(mp, key);
		/* fall through */
	case K_LRU:
		return hash_lookup_slot(mp, key, true);
	case K_LPM:
		v = lpm_lookup(mp, key);
		return v ? vm_map_value_slot(m, v) : -1;
	default:
		return -1;
	}
}

void *vm_map_lookup(struct vm_map *m, const void *key)
{
	long slot = vm_map_lookup_slot(m, key);

	return slot < 0 ? NULL : slot_value(to_map(m), (uint32_t)slot);
}

int vm_map_lookup_copy(struct vm_map *m, const void *key, void *value)
{
	struct map *mp = to_map(m);
	const void *v;
	uint32_t idx;

	switch (mp->kind) {
	case K_QUEUE:
	case K_STACK:
		return vm_map_peek(m, value);
	case K_RING:
		return ring_syscall_err(key);
	case K_FDARRAY:
		if (m->type != BPF_MAP_TYPE_PROG_ARRAY)
			return -VM_ENOTSUPP; /* perf_event_array: as the kernel */
		idx = key_index(key);
		if (idx >= m->max_entries || !mp->present[idx])
			return -ENOENT;
		memcpy(value, m->arena + (size_t)idx * 4, 4);
		return 0;
	case K_HASH:
	case K_LRU:
		v = hash_lookup(mp, key, false);
		break;
	default:
		v = vm_map_lookup(m, key);
		break;
	}
	if (!v)
		return -ENOENT;
	memcpy(value, v, m->value_size);
	return 0;
}

int vm_map_update(struct vm_map *m, const void *key, const void *value, uint64_t flags)
{
	struct map *mp = to_map(m);
	uint32_t idx;

	switch (mp->kind) {
	case K_QUEUE:
	case K_STACK:
		return vm_map_push(m, value, flags);
	case K_RING:
		return ring_syscall_err(key);
	default:
		break;
	}
	/* BPF_F_LOCK needs a bpf_spin_lock in the value, which no map here has: EINVAL too */
	if (flags > BPF_EXIST)
		return -EINVAL;
	switch (mp->kind) {
	case K_ARRAY:
		idx = key_index(key);
		if (idx >= m->max_entries)
			return -E2BIG;
		/* every index always exists */
		if (flags == BPF_NOEXIST)
			return -EEXIST;
		memcpy(slot_value(mp, idx), value, m->value_size);
		return 0;
	case K_FDARRAY:
		/* bpf_fd_array_map_update_elem: only BPF_ANY */
		if (flags != BPF_ANY)
			return -EINVAL;
		idx = key_index(key);
		if (idx >= m->max_entries)
			return -E2BIG;
		if (m->arena)
			memcpy(m->arena + (size_t)idx * 4, value, 4);
		if (!mp->present[idx])
			mp->count++;
		mp->present[idx] = 1;
		return 0;
	case K_LPM:
		return lpm_update(mp, key, value, flags);
	default:
		return hash_update(mp, key, value, flags);
	}
}

int vm_map_delete(struct vm_map *m, const void *key)
{
	struct map *mp = to_map(m);
	uint32_t idx;

	switch (mp->kind) {
	case K_HASH:
	case K_LRU:
		return hash_delete(mp, key);
	case K_LPM:
		return lpm_delete(mp, key);
	case K_FDARRAY:
		idx = key_index(key);
		if (idx >= m->max_entries)
			return -E2BIG;
		if (!mp->present[idx])
			return -ENOENT;
		mp->present[idx] = 0;
		mp->count--;
		return 0;
	case K_RING:
		return ring_syscall_err(key);
	default:
		/* arrays cannot lose an index; queues and stacks pop instead */
		return -EINVAL;
	}
}

int vm_map_get_next_key(struct vm_map *m, const void *key, void *next_key)
{
	struct map *mp = to_map(m);

	switch (mp->kind) {
	case K_ARRAY:
	case K_FDARRAY:
		return array_get_next_key(mp, key, next_key);
	case K_HASH:
	case K_LRU:
		return hash_get_next_key(mp, key, next_key);
	case K_LPM:
		return lpm_get_next_key(mp, key, next_key);
	case K_RING:
		return ring_syscall_err(key);
	default:
		return -EINVAL;
	}
}

uint32_t vm_map_count(const struct vm_map *m)
{
	const struct map *mp = to_cmap(m);

	return mp->kind == K_ARRAY ? m->max_entries : mp->count;
}

/* Order slots as lpm_cmp orders their keys (qsort_r: the map is the argument). */
static int lpm_slot_cmp(const void *a, const void *b, void *arg)
{
	const struct map *mp = arg;
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	uint32_t ks = mp->pub.key_size;

	return lpm_cmp(mp->h.keys + (size_t)x * ks, mp->h.keys + (size_t)y * ks);
}

int vm_map_foreach(struct vm_map *m, vm_map_foreach_fn fn, void *arg)
{
	struct map *mp = to_map(m);
	uint32_t *order, n = 0, ks = m->key_size;
	int ret = 0;

	switch (mp->kind) {
	case K_ARRAY:
		for (uint32_t i = 0; i < m->max_entries && !ret; i++)
			ret = fn(&i, slot_value(mp, i), arg);
		return ret;
	case K_FDARRAY:
		if (!m->arena)
			return -EINVAL;
		for (uint32_t i = 0; i < m->max_entries && !ret; i++)
			if (mp->present[i])
				ret = fn(&i, m->arena + (size_t)i * 4, arg);
		return ret;
	case K_HASH:
	case K_LRU:
		for (uint32_t s = 0; s < m->max_entries && !ret; s++)
			if (mp->h.used[s])
				ret = fn(mp->h.keys + (size_t)s * ks, slot_value(mp, s), arg);
		return ret;
	case K_QUEUE:
	case K_STACK:
		for (uint32_t i = mp->qtail; i != mp->qhead && !ret;
		     i = i + 1 >= mp->qsize ? 0 : i + 1)
			ret = fn(NULL, m->arena + (size_t)i * m->value_size, arg);
		return ret;
	case K_LPM:
		order = mem_alloc((size_t)mp->count * sizeof(*order) + 1);
		if (!order)
			return -ENOMEM;
		for (uint32_t s = 0; s < m->max_entries; s++)
			if (mp->h.used[s])
				order[n++] = s;
		qsort_r(order, n, sizeof(*order), lpm_slot_cmp, mp);
		for (uint32_t i = 0; i < n && !ret; i++)
			ret = fn(mp->h.rawkeys + (size_t)order[i] * ks, slot_value(mp, order[i]),
				 arg);
		mem_free(order);
		return ret;
	default:
		return -EINVAL;
	}
}

int vm_map_prog_get(const struct vm_map *m, uint32_t index)
{
	const struct map *mp = to_cmap(m);
	uint32_t prog;

	if (m->type != BPF_MAP_TYPE_PROG_ARRAY || index >= m->max_entries || !mp->present[index])
		return -ENOENT;
	memcpy(&prog, m->arena + (size_t)index * 4, 4);
	return prog > INT32_MAX ? -ENOENT : (int)prog;
}

/* ---- output records ---- */

size_t vm_map_records(const struct vm_map *m, const struct vm_map_record **recs)
{
	const struct map *mp = to_cmap(m);

	*recs = mp->recs;
	return mp->nrecs;
}

static int record_add(struct map *mp, uint32_t cpu, const void *data, uint32_t len)
{
	struct vm_map_record *r = mem_array(mp->recs, &mp->reccap, mp->nrecs + 1, sizeof(*r));
	void *copy;

	if (!r)
		return -ENOMEM;
	mp->recs = r;
	copy = mem_alloc(len ? len : 1);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, data, len);
	r = &mp->recs[mp->nrecs++];
	r->cpu = cpu;
	r->len = len;
	r->data = copy;
	return 0;
}

int vm_map_perf_output(struct vm_map *m, uint64_t flags, const void *data, uint64_t size)
{
	struct map *mp = to_map(m);
	uint64_t index = flags & BPF_F_INDEX_MASK;

	if (m->type != BPF_MAP_TYPE_PERF_EVENT_ARRAY)
		return -EINVAL;
	if (flags & ~(uint64_t)BPF_F_INDEX_MASK)
		return -EINVAL;
	if (index == BPF_F_CURRENT_CPU)
		index = 0; /* the interpreter's one CPU */
	if (index >= m->max_entries)
		return -E2BIG;
	if (size > UINT32_MAX)
		return -E2BIG;
	return record_add(mp, (uint32_t)index, data, (uint32_t)size);
}

/* ---- ring buffer ---- */

/* Write a record header as the kernel lays it out (len with busy/discard bits, page offset). */
static void ring_hdr(struct map *mp, uint64_t pos, uint32_t len)
{
	uint8_t *hdr = mp->pub.arena + (pos & mp->r.mask);
	uint32_t pg_off = (uint32_t)((pos & mp->r.mask) / PAGE_SIZE);

	memcpy(hdr, &len, 4);
	memcpy(hdr + 4, &pg_off, 4);
}

void *vm_map_ringbuf_reserve(struct vm_map *m, uint64_t size, uint64_t flags)
{
	struct map *mp = to_map(m);
	struct ring *r = &mp->r;
	uint64_t len, pend = r->prod;
	struct ringrec *rec;

	if (mp->kind != K_RING || flags || size > RB_MAX_RECORD_SZ)
		return NULL;
	len = round8(size + RB_HDR_SZ);
	if (len > r->mask + 1)
		return NULL;
	/* the oldest record not yet committed bounds the producer too (kernel 6.10+) */
	for (size_t i = r->head; i < r->n; i++)
		if (r->recs[i].state == RR_BUSY) {
			pend = r->recs[i].pos;
			break;
		}
	if (r->prod + len - r->cons > r->mask || r->prod + len - pend > r->mask)
		return NULL;
	if (r->head == r->n)
		r->head = r->n = 0;
	if (r->n == r->cap && r->head > 0) {
		memmove(r->recs, r->recs + r->head, (r->n - r->head) * sizeof(*r->recs));
		r->n -= r->head;
		r->head = 0;
	}
	rec = mem_array(r->recs, &r->cap, r->n + 1, sizeof(*r->recs));
	if (!rec)
		return NULL;
	r->recs = rec;
	rec = &r->recs[r->n++];
	rec->pos = r->prod;
	rec->len = (uint32_t)size;
	rec->state = RR_BUSY;
	ring_hdr(mp, r->prod, (uint32_t)size | RB_BUSY_BIT);
	r->prod += len;
	/* the arena is doubled: a record that wraps is contiguous past the end */
	return m->arena + (rec->pos & r->mask) + RB_HDR_SZ;
}

static int ring_commit(struct vm_map *m, void *sample, bool discard)
{
	struct map *mp = to_map(m);
	struct ring *r = &mp->r;
	uint8_t *p = sample;

	if (mp->kind != K_RING || p < m->arena + RB_HDR_SZ || p >= m->arena + m->arena_len)
		return -EINVAL;
	/* outstanding reservations are few and recent: search from the newest */
	for (size_t i = r->n; i-- > r->head;) {
		struct ringrec *rec = &r->recs[i];

		if ((rec->pos & r->mask) + RB_HDR_SZ != (uint64_t)(p - m->arena))
			continue;
		if (rec->state != RR_BUSY)
			return -EINVAL;
		rec->state = discard ? RR_DISCARDED : RR_SUBMITTED;
		ring_hdr(mp, rec->pos, rec->len | (discard ? RB_DISCARD_BIT : 0));
		return 0;
	}
	return -EINVAL;
}

int vm_map_ringbuf_submit(struct vm_map *m, void *sample, uint64_t flags)
{
	(void)flags; /* wakeup hints: nobody sleeps here */
	return ring_commit(m, sample, false);
}

int vm_map_ringbuf_discard(struct vm_map *m, void *sample, uint64_t flags)
{
	(void)flags;
	return ring_commit(m, sample, true);
}

int vm_map_ringbuf_output(struct vm_map *m, const void *data, uint64_t size, uint64_t flags)
{
	void *p;

	if (to_map(m)->kind != K_RING || (flags & ~(uint64_t)RB_WAKEUP_FLAGS))
		return -EINVAL;
	p = vm_map_ringbuf_reserve(m, size, 0);
	if (!p)
		return -EAGAIN;
	memcpy(p, data, size);
	return ring_commit(m, p, false);
}

uint64_t vm_map_ringbuf_query(const struct vm_map *m, uint64_t flags)
{
	const struct map *mp = to_cmap(m);

	if (mp->kind != K_RING)
		return 0;
	switch (flags) {
	case BPF_RB_AVAIL_DATA:
		return mp->r.prod - mp->r.cons;
	case BPF_RB_RING_SIZE:
		return mp->r.mask + 1;
	case BPF_RB_CONS_POS:
		return mp->r.cons;
	case BPF_RB_PROD_POS:
		return mp->r.prod;
	default:
		return 0;
	}
}

int vm_map_ringbuf_collect(struct vm_map *m)
{
	struct map *mp = to_map(m);
	struct ring *r = &mp->r;
	int n = 0, err;

	if (mp->kind != K_RING)
		return -EINVAL;
	while (r->head < r->n && r->recs[r->head].state != RR_BUSY) {
		struct ringrec *rec = &r->recs[r->head];

		if (rec->state == RR_SUBMITTED) {
			err = record_add(mp, 0, m->arena + (rec->pos & r->mask) + RB_HDR_SZ,
					 rec->len);
			if (err)
				return err;
			n++;
		}
		r->cons += round8((uint64_t)rec->len + RB_HDR_SZ);
		r->head++;
	}
	return n;
}
