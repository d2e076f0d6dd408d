/* SPDX-License-Identifier: MIT */
/*
 * vmmem.c - the VM's address space: the region table, translation of VM addresses with the
 * checks that keep a program inside its regions, the faults those checks raise, and the map
 * handles that name maps (and their value arenas) in bytecode.
 *
 * Invariants:
 *  - regions[0] exists and maps nothing (rlim = wlim = len = 0, no flags): NULL and every
 *    address below 4 GiB are "no region".
 *  - regions[VM_REGION_STACK(k)] is frame k's stack for k < VM_MAX_FRAMES, inside struct vm.
 *  - for every region, rlim and wlim are either 0 or len, and len < VM_REGION_MAX_LEN, so the
 *    interpreter's one-compare test (offset + size <= lim, in 64 bits) is exact: an offset
 *    that wrapped below the region's start is near 4 GiB and fails it.
 *  - regions are never removed, so an index stays valid (and names stay right in messages)
 *    for the VM's life; vm_region_set only repoints one.
 */
#include "vm.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <linux/bpf.h>

#include "map.h"
#include "mem.h"

int vm_region_add(struct vm *vm, const char *name, void *host, uint32_t len, unsigned flags,
		  uint32_t slot, uint32_t stride)
{
	struct vm_region_label *names;
	struct vm_region *r;
	unsigned shift = 0;

	if (len >= VM_REGION_MAX_LEN || (slot && (stride < slot || !host)) || (len && !host))
		return -EINVAL;
	if (slot) {
		uint64_t nvalues = len / stride;
		unsigned min = 0;

		/* the smallest power of two holding a value, then one more doubling for the
		 * guard gap unless that no longer fits the region */
		while ((1ull << min) < slot)
			min++;
		shift = min + 1;
		if ((nvalues << shift) >= VM_REGION_MAX_LEN)
			shift = min;
		if ((nvalues << shift) >= VM_REGION_MAX_LEN)
			return -E2BIG;
		len = (uint32_t)(nvalues << shift);
	}
	/* The index goes into the high half of an address; keep clear of the sign bit so an
	 * address is never a negative number in messages. */
	if (vm->nregions >= 0x7fffffffu)
		return -ENOSPC;
	names = mem_array(vm->region_names, &vm->names_cap, vm->nregions + 1, sizeof(*names));
	if (!names)
		return -ENOMEM;
	vm->region_names = names;
	r = mem_array(vm->regions, &vm->regions_cap, vm->nregions + 1, sizeof(*r));
	if (!r)
		return -ENOMEM;
	vm->regions = r;
	r = &vm->regions[vm->nregions];
	memset(r, 0, sizeof(*r));
	r->host = host;
	r->len = len;
	r->flags = (uint8_t)flags;
	r->slot = slot;
	r->slot_stride = slot ? stride : 0;
	r->slot_shift = (uint8_t)shift;
	snprintf(names[vm->nregions].s, sizeof(names->s), "%s", name ? name : "?");
	vm_region_limits(r);
	return (int)vm->nregions++;
}

int vm_region_set(struct vm *vm, int idx, void *host, uint32_t len)
{
	/* the null region and the stacks belong to the VM */
	if (idx <= (int)VM_REGION_STACK(VM_MAX_FRAMES - 1) || (uint32_t)idx >= vm->nregions ||
	    len >= VM_REGION_MAX_LEN || (len && !host))
		return -EINVAL;
	vm_region_move(vm, idx, host, len);
	return 0;
}

static const uint64_t load4_none[VM_LOAD4_MAX / 4] = {
	[0 ... VM_LOAD4_MAX / 4 - 1] = VM_LOAD4_SLOW,
};

int vm_load4_set(struct vm *vm, int idx, const uint64_t *table)
{
	if (!table) {
		vm->load4 = load4_none;
		vm->load4_base = 0;
		return 0;
	}
	if (idx <= 0 || (uint32_t)idx >= vm->nregions || !(vm->regions[idx].flags & VM_MEM_HOOK))
		return -EINVAL;
	vm->load4 = table;
	vm->load4_base = VM_ADDR(idx, 0);
	return 0;
}

const char *vm_region_name(const struct vm *vm, int idx)
{
	if (idx <= 0 || (uint32_t)idx >= vm->nregions)
		return NULL;
	return vm->region_names[idx].s;
}

void vm_fault_set(struct vm *vm, enum vm_fault_kind kind, const char *fmt, ...)
{
	va_list ap;

	memset(&vm->fault, 0, sizeof(vm->fault));
	vm->fault.kind = kind;
	vm->fault.region = -1;
	va_start(ap, fmt);
	vsnprintf(vm->fault.msg, sizeof(vm->fault.msg), fmt, ap);
	va_end(ap);
}

/* Record why the access of @size bytes at @addr was refused. */
static void mem_fault(struct vm *vm, uint64_t addr, uint32_t size, int write, int region,
		      const char *why)
{
	const char *dir = write ? "write" : "read";

	if (region < 0)
		vm_fault_set(vm, VM_FAULT_MEM,
			     "invalid %s of %" PRIu32 " bytes at 0x%" PRIx64 ": no region%s", dir,
			     size, addr, addr < 4096 ? " (a NULL pointer)" : "");
	else
		vm_fault_set(vm, VM_FAULT_MEM,
			     "invalid %s of %" PRIu32 " bytes at 0x%" PRIx64 ": %s", dir, size,
			     addr, why);
	vm->fault.addr = addr;
	vm->fault.size = size;
	vm->fault.write = write;
	vm->fault.region = region;
}

/*
 * The whole check. With @record, a refusal becomes the VM's fault; without (probe_read), it
 * is silent. The order of the tests only picks the most useful message.
 */
/* The interpreter's fast test: @size bytes at @addr inside a flat region that allows the
 * access, or NULL (mem_check decides: slots, hooks, faults). */
static inline void *mem_fast(const struct vm *vm, uint64_t addr, uint32_t size, int write)
{
	uint64_t ri = addr >> 32;
	const struct vm_region *r;

	if (ri >= vm->nregions || !size)
		return NULL;
	r = &vm->regions[ri];
	if ((uint64_t)(uint32_t)addr + size <= (write ? r->wlim : r->rlim))
		return r->host + (uint32_t)addr;
	return vm_region_slot_ptr(r, (uint32_t)addr, size, write);
}

static __attribute__((noinline)) void *mem_check(struct vm *vm, uint64_t addr, uint32_t size,
						 int write, int record)
{
	uint64_t ri = addr >> 32;
	uint32_t off = (uint32_t)addr;
	const struct vm_region *r;
	char why[160];

	/* A hooked region (context, XDP metadata) checks its own accesses, also the offsets
	 * near 4 GiB that the metadata (which ends where the packet starts) uses. */
	if (ri > 0 && ri < vm->nregions && (vm->regions[ri].flags & VM_MEM_HOOK)) {
		if (vm->hooks.ptr)
			return vm->hooks.ptr(vm, (int)ri, off, size, write, record);
		if (record)
			mem_fault(vm, addr, size, write, (int)ri, "the region has no access hook");
		return NULL;
	}
	/* An offset no region reaches, just below region ri + 1: a pointer moved below the start
	 * of that region (r10 - 520), so name it rather than "no region". */
	if (off >= VM_REGION_MAX_LEN && ri + 1 < vm->nregions && ri + 1 > 0) {
		if (record) {
			r = &vm->regions[ri + 1];
			snprintf(why, sizeof(why),
				 "out of bounds of %s (%" PRIu32 " bytes; offset %" PRId64 ")",
				 vm->region_names[ri + 1].s, r->len,
				 (int64_t)((int64_t)off - 0x100000000ll));
			mem_fault(vm, addr, size, write, (int)(ri + 1), why);
		}
		return NULL;
	}
	if (ri == 0 || ri >= vm->nregions) {
		if (record)
			mem_fault(vm, addr, size, write, -1, NULL);
		return NULL;
	}
	r = &vm->regions[ri];
	if (!(r->flags & (write ? VM_MEM_WRITE : VM_MEM_READ))) {
		if (record) {
			snprintf(why, sizeof(why), "%s is %s", vm->region_names[ri].s,
				 r->flags & VM_MEM_READ ? "read-only" : "not accessible");
			mem_fault(vm, addr, size, write, (int)ri, why);
		}
		return NULL;
	}
	if ((uint64_t)off + size > r->len) {
		if (record) {
			snprintf(why, sizeof(why),
				 "out of bounds of %s (%" PRIu32 " bytes; offset %" PRIu32 ")",
				 vm->region_names[ri].s, r->len, off);
			mem_fault(vm, addr, size, write, (int)ri, why);
		}
		return NULL;
	}
	if (r->slot) {
		uint32_t value = off >> r->slot_shift;
		uint32_t in = off & ((1u << r->slot_shift) - 1);

		if ((uint64_t)in + size > r->slot) {
			if (record) {
				snprintf(why, sizeof(why),
					 "outside one value of %s (value %" PRIu32
					 " bytes; offset %" PRIu32 " in value %" PRIu32 ")",
					 vm->region_names[ri].s, r->slot, in, value);
				mem_fault(vm, addr, size, write, (int)ri, why);
			}
			return NULL;
		}
		return r->host + (size_t)value * r->slot_stride + in;
	}
	if (write && (r->flags & VM_MEM_BORROWED)) {
		/* the first write into borrowed bytes: the owner copies them (a probe too:
		 * the copy changes nothing the program can see) */
		if (!vm->hooks.own) {
			if (record)
				mem_fault(vm, addr, size, write, (int)ri,
					  "the region is borrowed and has no owner hook");
			return NULL;
		}
		if (vm->hooks.own(vm, (int)ri))
			return NULL;
		r = &vm->regions[ri];
	}
	return r->host + off;
}

void *vm_mem_slow(struct vm *vm, uint64_t addr, uint32_t size, int write)
{
	void *h = mem_fast(vm, addr, size, write);

	return h ? h : mem_check(vm, addr, size, write, 1);
}

int vm_mem_load(struct vm *vm, uint64_t addr, uint32_t size, int sx, uint64_t *val)
{
	uint64_t ri = addr >> 32, v = 0;
	const uint8_t *h;

	if (ri > 0 && ri < vm->nregions && (vm->regions[ri].flags & VM_MEM_HOOK) && vm->hooks.load)
		return vm->hooks.load(vm, (int)ri, (uint32_t)addr, size, sx, val);
	h = vm_mem_slow(vm, addr, size, 0);
	if (!h)
		return -1;
	memcpy(&v, h, size); /* little-endian host: the low bytes */
	if (sx && size < 8) {
		unsigned sh = 64 - 8 * size;

		v = (uint64_t)((int64_t)(v << sh) >> sh);
	}
	*val = v;
	return 0;
}

int vm_mem_store(struct vm *vm, uint64_t addr, uint32_t size, uint64_t val)
{
	uint64_t ri = addr >> 32;
	uint8_t *h;

	if (ri > 0 && ri < vm->nregions && (vm->regions[ri].flags & VM_MEM_HOOK) && vm->hooks.store)
		return vm->hooks.store(vm, (int)ri, (uint32_t)addr, size, val);
	h = vm_mem_slow(vm, addr, size, 1);
	if (!h)
		return -1;
	memcpy(h, &val, size);
	return 0;
}

void *vm_mem_ptr(struct vm *vm, uint64_t addr, uint32_t size, int write)
{
	void *h = mem_fast(vm, addr, size, write);

	return h ? h : mem_check(vm, addr, size, write, 1);
}

void *vm_mem_probe(struct vm *vm, uint64_t addr, uint32_t size, int write)
{
	void *h = mem_fast(vm, addr, size, write);

	return h ? h : mem_check(vm, addr, size, write, 0);
}

int vm_map_handle_add(struct vm *vm, void *map, const char *name, void *arena, uint32_t value_size,
		      uint32_t stride, uint32_t nvalues, unsigned flags)
{
	struct vm_map_handle *h;
	char rname[48];
	int hr, ar = -1;

	h = mem_array(vm->maps, &vm->maps_cap, vm->nmaps + 1, sizeof(*h));
	if (!h)
		return -ENOMEM;
	vm->maps = h;
	/* The handle region has no bytes and no access: r1 = map ll is an address, and reading
	 * through it faults naming the map. */
	snprintf(rname, sizeof(rname), "map '%s'", name ? name : "?");
	hr = vm_region_add(vm, rname, NULL, 0, 0, 0, 0);
	if (hr < 0)
		return hr;
	if (arena) {
		uint64_t len = (uint64_t)stride * nvalues;

		if (!value_size || stride < value_size || len >= VM_REGION_MAX_LEN)
			return -EINVAL;
		snprintf(rname, sizeof(rname), "map '%s' values", name ? name : "?");
		/* one value (global data, a ring) is the whole region: flat, the fast path */
		if (nvalues == 1)
			ar = vm_region_add(vm, rname, arena, value_size, flags, 0, 0);
		else
			ar = vm_region_add(vm, rname, arena, (uint32_t)len, flags, value_size,
					   stride);
		if (ar < 0)
			return ar;
	}
	h = &vm->maps[vm->nmaps];
	h->map = map;
	h->handle_region = hr;
	h->arena_region = ar;
	return (int)vm->nmaps++;
}

int vm_map_attach(struct vm *vm, struct vm_map *m)
{
	unsigned flags = m->flags & BPF_F_RDONLY_PROG ? VM_MEM_READ : VM_MEM_RW;

	switch (m->type) {
	case BPF_MAP_TYPE_PROG_ARRAY:
	case BPF_MAP_TYPE_PERF_EVENT_ARRAY:
	case BPF_MAP_TYPE_QUEUE:
	case BPF_MAP_TYPE_STACK:
		return vm_map_handle_add(vm, m, m->name, NULL, 0, 0, 0, 0);
	case BPF_MAP_TYPE_RINGBUF:
		/* records are reserved anywhere in the ring: one flat region, not slots */
		return vm_map_handle_add(vm, m, m->name, m->arena, (uint32_t)m->arena_len,
					 (uint32_t)m->arena_len, 1, VM_MEM_RW);
	default:
		if (!m->arena_len || !m->value_stride)
			return vm_map_handle_add(vm, m, m->name, NULL, 0, 0, 0, 0);
		return vm_map_handle_add(vm, m, m->name, m->arena, m->value_size, m->value_stride,
					 (uint32_t)(m->arena_len / m->value_stride), flags);
	}
}

uint64_t vm_region_addr(const struct vm *vm, int idx, const void *host)
{
	const struct vm_region *r;
	size_t off;

	if (idx <= 0 || (size_t)idx >= vm->nregions)
		return 0;
	r = &vm->regions[idx];
	if ((const uint8_t *)host < r->host)
		return 0;
	off = (size_t)((const uint8_t *)host - r->host);
	if (!r->slot)
		return off < r->len || (off == 0 && r->len == 0) ? VM_ADDR(idx, off) : 0;
	if (off / r->slot_stride >= (size_t)(r->len >> r->slot_shift))
		return 0;
	return VM_ADDR(idx, (off / r->slot_stride) << r->slot_shift | off % r->slot_stride);
}

int vm_packet_set(struct vm *vm, int idx)
{
	if (idx < 0 || (size_t)idx >= vm->nregions)
		return -EINVAL;
	vm->pkt_region = idx;
	return 0;
}
