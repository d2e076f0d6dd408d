/* SPDX-License-Identifier: MIT */
/*
 * vm.h - the userspace eBPF machine behind ebpf-run: a checked address space (vmmem.c), a
 * pre-decoded program and the interpreter (interp.c), and the helper table (helpers.c).
 *
 * Address space. The program never sees a host pointer. A VM address is
 *
 *   63                 32 31                 0
 *  +---------------------+--------------------+
 *  |  region index       |  offset in region  |
 *  +---------------------+--------------------+
 *
 * and every load, store and atomic goes through the region table: the high half picks one
 * region, the access must lie inside it (and, for a map's value arena, inside one value
 * slot), else the run stops with a fault naming the instruction, its source line, the address
 * and the region. Region 0 is never mapped, so NULL and every small integer fault. Regions
 * 1..VM_MAX_FRAMES are the call frames' stacks (VM_STACK_SIZE bytes each; r10 of frame k is
 * the top of region 1 + k); the rest are added by the user of the VM (context, packet, the
 * conformance suite's "mem", map value arenas, global data). An address computed past the end
 * of a region (or below its start: the borrow lands in the region below, at an offset near
 * 4 GiB) never reaches a neighbour, because no region is 4 GiB long.
 *
 * Programs. vm_prog_load() validates and pre-decodes relocated bytecode once: jump and call
 * targets become relative slot counts, lddw constants are resolved (map references become
 * VM addresses, see below), writes to r10 are refused. Running needs no further checks than
 * the memory checks and the instruction budget.
 *
 * Maps in bytecode. An lddw with a map pseudo source (src 1 map_fd, 5 map_idx) names the
 * VM's map handle imm, as vm_map_handle_add() numbered it; src 2 and 6 (map value) add the
 * second half's imm as an offset into that map's value arena. So a relocation step for the
 * VM writes the handle where the kernel loader writes a file descriptor.
 *
 * Nothing here prints or exits. Functions return 0 (or a count or index) on success and
 * -errno on failure; load errors go to a struct diag, run-time faults are kept in the VM
 * (vm_fault_get, vm_fault_format, vm_fault_report). A struct vm is single-threaded.
 */
#ifndef EBPF_VM_H
#define EBPF_VM_H

#include <stddef.h>
#include <stdint.h>

#include "../common/buf.h"
#include "../common/diag.h"
#include "../isa/isa.h"
#include "../obj/obj.h"

#define VM_STACK_SIZE	  512u	   /* MAX_BPF_STACK: bytes of one frame's stack */
#define VM_MAX_FRAMES	  8u	   /* MAX_CALL_FRAMES: the program plus 7 nested calls */
#define VM_CB_KEY_MAX	  512u	   /* the largest key bpf_for_each_map_elem copies for a callback */
#define VM_BUDGET_DEFAULT 1000000u /* executed instructions per run */
#define VM_MAX_TAIL_CALLS 33u	   /* MAX_TAIL_CALL_CNT */
#define VM_HELPER_MAX	  256u	   /* helper ids 0..255 fit the table */
#define VM_REGION_MAX_LEN 0xffff0000u /* < 4 GiB, so an overflowing offset never wraps into range */

/* Region index of frame @k's stack, and a VM address from region and offset. */
#define VM_REGION_STACK(k)   (1u + (k))
#define VM_ADDR(region, off) (((uint64_t)(region) << 32) | (uint32_t)(off))

/* Region flags. */
enum {
	VM_MEM_READ = 1,
	VM_MEM_WRITE = 2,
	VM_MEM_RW = VM_MEM_READ | VM_MEM_WRITE,
	/* Every access goes to the VM's hooks (struct vm_hooks): the context, whose pointer
	 * fields load as 64-bit addresses and whose fields have per-field permissions, and
	 * the XDP metadata, which ends where the packet starts (ctx.c). Never the fast path. */
	VM_MEM_HOOK = 4,
	/* Flat and read-write, but the host bytes are borrowed, read-only to the VM (XDP's
	 * packet straight from the caller's frame: most programs never write it, so it is not
	 * copied): wlim is 0, and the first write into it (a store, an atomic, a helper's
	 * pointer) calls the VM's own hook, which copies the bytes into memory of its own and
	 * repoints the region before the write goes on. */
	VM_MEM_BORROWED = 8,
};

/*
 * One mapped object. rlim and wlim are the fast path's only test: an access of n bytes at
 * offset o is fine when o + n <= rlim (loads) or wlim (stores, atomics). They equal len when
 * the region allows that direction and is flat, else 0, which sends every access to the slow
 * path (vm_mem_slow) to be checked per value or refused with the right message.
 *
 * A map arena is not flat: value i of the host arena (at i * slot_stride) appears at VM
 * offset i << slot_shift, and 1 << slot_shift is at least twice the value size where the
 * region allows (always unless the map is gigabytes), so the bytes just past a value are a
 * guard gap: value pointer + value_size faults instead of reading the neighbour value.
 */
struct vm_region {
	uint8_t *host;
	uint32_t rlim, wlim;
	uint32_t len;	      /* bytes of VM address space (flat: also the host bytes) */
	uint32_t slot;	      /* 0: flat; else a value's size: accesses stay inside one value */
	uint32_t slot_stride; /* host bytes from one value to the next (>= slot) */
	uint8_t slot_shift;   /* VM offset of value i is i << slot_shift */
	uint8_t flags;	      /* VM_MEM_* */
};
/* 32 bytes: every access finds its region with one shift of the address's high half (the
 * names, which only messages read, are kept apart: vm_region_name) */
_Static_assert(sizeof(struct vm_region) == 32, "a region is a power of two bytes");

/* A region's name: "stack of frame 0", "mem", "map 'counts' values", "packet". */
struct vm_region_label {
	char s[48];
};

/* The load4 table (vm_load4_set): what aligned 4-byte loads of the first VM_LOAD4_MAX
 * bytes of one hooked region give, VM_LOAD4_SLOW where the hook must answer. */
#define VM_LOAD4_SLOW UINT64_MAX
#define VM_LOAD4_MAX  256u /* struct __sk_buff is 192 */

/* The fast path's limits of @r from its flags and slot: len for a flat region in the
 * directions it allows, else 0 (every access takes the slow path). */
static inline void vm_region_limits(struct vm_region *r)
{
	int flat = r->slot == 0 && !(r->flags & VM_MEM_HOOK);

	r->rlim = flat && (r->flags & VM_MEM_READ) ? r->len : 0;
	r->wlim = flat && (r->flags & VM_MEM_WRITE) && !(r->flags & VM_MEM_BORROWED) ? r->len : 0;
}

/* What stopped a run. */
enum vm_fault_kind {
	VM_FAULT_NONE,
	VM_FAULT_MEM,	     /* load/store/atomic outside every region, or read-only */
	VM_FAULT_BUDGET,     /* "instruction budget exhausted" */
	VM_FAULT_DEPTH,	     /* a call past VM_MAX_FRAMES */
	VM_FAULT_HELPER,     /* unknown or unavailable helper, or a callx to no helper */
	VM_FAULT_HELPER_ARG, /* a helper refused its arguments (bad pointer ...) */
	VM_FAULT_KFUNC,	     /* kfunc calls have no userspace implementation */
	VM_FAULT_FALLOFF,    /* ran past the last instruction */
	VM_FAULT_NO_PACKET,  /* ld_abs/ld_ind without a packet */
};

struct vm_prog;

struct vm_fault {
	enum vm_fault_kind kind;
	const struct vm_prog *prog; /* where it happened (a tail call may have switched) */
	size_t insn;		    /* slot index in that program */
	uint64_t addr;		    /* VM_FAULT_MEM: the address and size accessed */
	uint32_t size;
	int write;
	int region;    /* the region the address points into, or -1: no region */
	int located;   /* prog and insn are set (by a callback's run: its caller keeps them) */
	char msg[200]; /* the whole story, without the location: "out of bounds: ..." */
};

/* A helper: arguments r1..r5 in args[0..4], result into *ret (r0). Returns one of: */
enum {
	VM_HELPER_OK = 0,
	VM_HELPER_FAULT = -1,	 /* the helper called vm_fault_set(); the run stops */
	VM_HELPER_STOP = 1,	 /* stop the program now with r0 = *ret (conformance "unwind") */
	VM_HELPER_TAIL_CALL = 2, /* continue in vm->tail_prog (bpf_tail_call succeeded) */
};
struct vm;

/*
 * Hooks for VM_MEM_HOOK regions and ld_abs/ld_ind (installed by ctx.c). @idx is the region,
 * @off the offset in it (as a 32-bit number: an address just below the region's start is
 * near 4 GiB). Each returns 0, or -1 after recording the fault with vm_fault_set (the memory
 * hooks only when @record; vm_mem_probe passes 0).
 *   ptr     the host address of @size bytes for a helper's pointer argument (@write 1) or an
 *           atomic (@write 2) or a read (@write 0); NULL on refusal
 *   load    a load of @size bytes: *@val, already extended (a packet pointer field gives the
 *           full 64-bit address); @sx: a sign-extending load
 *   store   a store of the low @size bytes of @val
 *   ldabs   ld_abs/ld_ind of @size bytes at packet offset @off (the instruction's 32-bit
 *           sum): 0 with *@val, 1 when outside the packet (the program ends with r0 = 0)
 *   own     make VM_MEM_BORROWED region @idx the VM's own: copy its bytes, repoint it, clear
 *           the flag (its VM addresses stay what they were)
 */
struct vm_hooks {
	void *(*ptr)(struct vm *vm, int idx, uint32_t off, uint32_t size, int write, int record);
	int (*load)(struct vm *vm, int idx, uint32_t off, uint32_t size, int sx, uint64_t *val);
	int (*store)(struct vm *vm, int idx, uint32_t off, uint32_t size, uint64_t val);
	int (*ldabs)(struct vm *vm, int32_t off, uint32_t size, uint64_t *val);
	int (*own)(struct vm *vm, int idx);
	void *arg; /* the hooks' owner (struct vm_ctx) */
};

typedef int (*vm_helper_fn)(struct vm *vm, const uint64_t *args, uint64_t *ret);

/* Trace hook: called before each executed instruction with the registers as they are. */
typedef void (*vm_trace_fn)(void *arg, const struct vm_prog *p, size_t insn, const uint64_t *regs,
			    unsigned depth);

/* Tail call hook: the program in slot @index of the prog array at VM address @map, or NULL;
 * @arg is vm_tail_call_set's. */
typedef const struct vm_prog *(*vm_tail_call_fn)(void *arg, struct vm *vm, uint64_t map,
						 uint32_t index);

/* A map as the VM sees it: a handle region (address only, never dereferenced) and the value
 * arena region (or -1) that map_value lddw and lookups point into. */
struct vm_map_handle {
	void *map; /* the map module's object */
	int handle_region, arena_region;
};

/* Per-frame bookkeeping of bpf-to-bpf calls (private to interp.c). */
struct vm_frame {
	const void *ret; /* the caller's next instruction */
	const struct vm_prog *prog;
	uint64_t saved[4]; /* r6..r9 */
};

/*
 * The machine. Fields are private to the vm/ sources; use the functions. It owns its regions table
 * and the stacks, not the memory of regions added by the user (their host memory must stay
 * valid while mapped).
 */
struct vm {
	struct vm_region *regions;
	struct vm_region_label *region_names; /* beside regions, same index */
	size_t nregions, regions_cap, names_cap;
	uint8_t stacks[VM_MAX_FRAMES][VM_STACK_SIZE];
	struct vm_frame frames[VM_MAX_FRAMES];

	vm_helper_fn helpers[VM_HELPER_MAX];
	uint64_t budget;   /* instructions per run */
	uint64_t executed; /* by the last run */
	struct vm_fault fault;

	vm_trace_fn trace;
	void *trace_arg;
	vm_tail_call_fn tail_call;
	void *tail_call_arg;
	const struct vm_prog *tail_prog; /* set by the tail call helper */

	int pkt_region;	       /* ld_abs/ld_ind read this region (0: none) */
	uint64_t load4_base;   /* the load4 table's region, VM_ADDR(idx, 0) */
	const uint64_t *load4; /* never NULL: all VM_LOAD4_SLOW when unset */
	struct vm_hooks hooks;

	/* Callbacks (bpf_loop, bpf_for_each_map_elem): a helper runs a subprogram of the
	 * calling program (vm_callback) one frame deeper, on the same budget. The interpreter
	 * sets these around each helper call. */
	const struct vm_prog *call_prog; /* the program making the helper call */
	unsigned call_depth;		 /* its frame */
	int64_t call_left;		 /* budget left (or traced count) when it called */
	uint64_t call_traced;
	int code_region;   /* "code": what lddw of a function (BPF_PSEUDO_FUNC) points into */
	int cb_key_region; /* the key bpf_for_each_map_elem hands its callback */
	uint8_t cb_key[VM_MAX_FRAMES][VM_CB_KEY_MAX];

	/* Helpers the kernel refuses to the program type (a bit per id): calling one faults
	 * "not allowed in <helper_scope> programs" instead of "not available". */
	uint64_t helper_denied[VM_HELPER_MAX / 64];
	const char *helper_scope;

	struct vm_map_handle *maps;
	size_t nmaps, maps_cap;

	/* helper state (helpers.c) */
	uint64_t clock_ns;
	uint64_t rnd_state;
	uint64_t pid_tgid, uid_gid;
	char comm[16];
	struct buf printk; /* bpf_trace_printk output, one line per call */
	int conformance;   /* the conformance suite's helper set is installed */
};

/*
 * vm_callback - run the subprogram at @fn (a function address from lddw, in the calling
 * program) from inside a helper, with r1..r5 = @args, one frame below the helper's caller,
 * counting against the run's budget. 0 with its r0 in *@r0, or -EFAULT with the fault
 * recorded at the callback's instruction (the helper then returns VM_HELPER_FAULT).
 */
int vm_callback(struct vm *vm, uint64_t fn, const uint64_t args[5], uint64_t *r0);

/* ---- the machine ---- */

/* vm_new - a machine with its stack regions, the kernel helper set and the default budget.
 * Returns NULL on ENOMEM. */
struct vm *vm_new(void);
void vm_free(struct vm *vm);

/* vm_budget_set - instructions one run may execute (0: VM_BUDGET_DEFAULT; at most INT64_MAX). */
void vm_budget_set(struct vm *vm, uint64_t n);
/* Instructions executed by the last run (also when it faulted). */
uint64_t vm_executed(const struct vm *vm);
/* vm_trace_set - call @fn before every instruction (NULL: off; costs nothing then). */
void vm_trace_set(struct vm *vm, vm_trace_fn fn, void *arg);
void vm_tail_call_set(struct vm *vm, vm_tail_call_fn fn, void *arg);

/* ---- memory (vmmem.c) ---- */

/*
 * vm_region_add - map @len bytes at @host as a new region named @name (cut to 45 bytes) with
 * VM_MEM_* @flags. @slot > 0 makes it an arena of @len / @stride values of @slot bytes,
 * @stride apart in host memory, each access confined to one value (see struct vm_region).
 * Returns the region index (its address is VM_ADDR(index, 0)), -EINVAL when @len is
 * VM_REGION_MAX_LEN or more, -E2BIG when the values do not fit 4 GiB of addresses, -ENOMEM.
 */
int vm_region_add(struct vm *vm, const char *name, void *host, uint32_t len, unsigned flags,
		  uint32_t slot, uint32_t stride);
/* vm_region_set - point region @idx at other memory (the next packet). 0 or -EINVAL. */
int vm_region_set(struct vm *vm, int idx, void *host, uint32_t len);
/* The host address of @size bytes at offset @off of arena region @r when they lie inside
 * one value and @r allows the access (@write), else NULL (a flat region, or the slow
 * path's fault to report). The interpreter's map value accesses. */
static inline uint8_t *vm_region_slot_ptr(const struct vm_region *r, uint32_t off, uint32_t size,
					  int write)
{
	uint32_t in;

	if (!r->slot || !(r->flags & (write ? VM_MEM_WRITE : VM_MEM_READ)) ||
	    (uint64_t)off + size > r->len)
		return NULL;
	in = off & ((1u << r->slot_shift) - 1);
	if ((uint64_t)in + size > r->slot)
		return NULL;
	return r->host + (size_t)(off >> r->slot_shift) * r->slot_stride + in;
}

/* vm_region_move - vm_region_set without its checks, for the per-packet path of the
 * region's owner, who knows @idx is its own and @len below VM_REGION_MAX_LEN. */
static inline void vm_region_move(struct vm *vm, int idx, void *host, uint32_t len)
{
	struct vm_region *r = &vm->regions[idx];

	r->host = host;
	r->len = len;
	vm_region_limits(r);
}
/* vm_load4_set - the load4 table: @table (VM_LOAD4_MAX / 4 values, its owner keeps them
 * current) answers aligned 4-byte loads in the first VM_LOAD4_MAX bytes of hooked region
 * @idx without the hook (the context's packet pointers, widened); the hook decides every
 * other access and every VM_LOAD4_SLOW slot. NULL removes it. One per VM. 0 or -EINVAL. */
int vm_load4_set(struct vm *vm, int idx, const uint64_t *table);
/* vm_region_addr - the VM address of @host inside region @idx (an arena: a value's address
 * as lookups return it), or 0 when it is not inside. */
uint64_t vm_region_addr(const struct vm *vm, int idx, const void *host);
/* vm_packet_set - the region ld_abs/ld_ind (and perf_event_output's packet bytes) read;
 * 0: none. Returns 0 or -EINVAL for an unmapped index. */
int vm_packet_set(struct vm *vm, int idx);
/* vm_region_name - "stack of frame 2", or NULL for an unmapped index. */
const char *vm_region_name(const struct vm *vm, int idx);

/*
 * vm_mem_ptr - translate a helper argument: the host address of @size bytes at VM address
 * @addr, checked as a load (@write 0) or store (@write 1). On failure records a VM_FAULT_MEM
 * fault (without an instruction yet: the interpreter adds it) and returns NULL. @size 0 is
 * fine for any address inside a region.
 */
void *vm_mem_ptr(struct vm *vm, uint64_t addr, uint32_t size, int write);
/* vm_mem_probe - as vm_mem_ptr, but records no fault (probe_read semantics). */
void *vm_mem_probe(struct vm *vm, uint64_t addr, uint32_t size, int write);
/* The slow paths of the interpreter's check: slotted and hooked regions, then the fault.
 * vm_mem_slow for atomics (@write 2) and the old callers; vm_mem_load and vm_mem_store do
 * the whole access (a hooked region computes or filters the value): 0, or -1 with the fault
 * recorded. vm_mem_load extends the value to 64 bits (sign-extends with @sx). */
void *vm_mem_slow(struct vm *vm, uint64_t addr, uint32_t size, int write);
int vm_mem_load(struct vm *vm, uint64_t addr, uint32_t size, int sx, uint64_t *val);
int vm_mem_store(struct vm *vm, uint64_t addr, uint32_t size, uint64_t val);

/* ---- faults ---- */

/* vm_fault_set - record a fault of @kind with a printf message (helpers use VM_FAULT_HELPER_ARG). */
void vm_fault_set(struct vm *vm, enum vm_fault_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The last run's fault (kind VM_FAULT_NONE after a clean run). */
const struct vm_fault *vm_fault_get(const struct vm *vm);
/* vm_fault_format - "insn 4 (line 7): out of bounds: ..." into @buf; returns snprintf's. */
int vm_fault_format(const struct vm *vm, char *buf, size_t len);
/* vm_fault_report - the fault as an error in @d, located at its source line when known, the
 * message starting with "@context: " when @context is not NULL ("packet 7"). */
void vm_fault_report(const struct vm *vm, struct diag *d, const char *context);

/* ---- maps ---- */

/*
 * vm_map_handle_add - give @map a handle for bytecode (see "Maps in bytecode" above): a
 * zero-length region named "map 'NAME'" for its address and, when @arena is not NULL, its
 * value arena (@nvalues slots of @value_size bytes, @stride apart) as a region. Returns the
 * handle (0, 1, ...) or -errno.
 */
int vm_map_handle_add(struct vm *vm, void *map, const char *name, void *arena, uint32_t value_size,
		      uint32_t stride, uint32_t nvalues, unsigned flags);
/*
 * vm_map_attach - vm_map_handle_add for a map of map.h: hash, array and the like map their
 * arena with one slot per value (read-only with BPF_F_RDONLY_PROG), a ring buffer its data
 * area as one flat region; queues, stacks, prog and perf event arrays get a handle only
 * (programs never address their storage). Returns the handle or -errno.
 */
struct vm_map;
int vm_map_attach(struct vm *vm, struct vm_map *m);
/*
 * vm_map_handle_find - the map whose handle region @addr points at, or NULL. Inline: the
 * interpreter's own bpf_map_lookup_elem calls it once per lookup.
 */
static inline const struct vm_map_handle *vm_map_handle_find(const struct vm *vm, uint64_t addr)
{
	if ((uint32_t)addr != 0)
		return NULL;
	/* handles are few; a linear search keeps the table free of back-pointers */
	for (size_t i = 0; i < vm->nmaps; i++)
		if ((uint64_t)vm->maps[i].handle_region == addr >> 32)
			return &vm->maps[i];
	return NULL;
}

/* vm_arena_slot_addr - the address of value @slot of @h's arena: slot i is at offset
 * i << slot_shift of the arena region. */
static inline uint64_t vm_arena_slot_addr(const struct vm *vm, const struct vm_map_handle *h,
					  long slot)
{
	return VM_ADDR(h->arena_region, (uint64_t)slot << vm->regions[h->arena_region].slot_shift);
}

/* ---- programs (interp.c) ---- */

/*
 * vm_prog_load - validate and pre-decode @n relocated slots @insns for @vm (maps referenced
 * by lddw must have handles already). @name labels messages. Refused (-EINVAL, with the
 * reason located at the instruction in @d): undecodable slots, jumps and calls out of the
 * program or into the middle of an lddw, writes to r10, lddw of an unknown map handle, an
 * empty program. On success *@out is the program (vm_prog_free it before @vm).
 */
int vm_prog_load(struct vm *vm, const struct isa_raw *insns, size_t n, const char *name,
		 struct vm_prog **out, struct diag *d);
void vm_prog_free(struct vm_prog *p);

/*
 * vm_prog_source_set - tell faults (and load errors) where slot i came from: @origin[i] is
 * its section and byte offset in @o, whose line info gives the source line. Both must
 * outlive the program; @origin has one entry per slot. NULL @o: no source.
 */
void vm_prog_source_set(struct vm_prog *p, const struct obj *o, const struct obj_origin *origin);

/* Slots of @p, and its name. */
size_t vm_prog_len(const struct vm_prog *p);
const char *vm_prog_name(const struct vm_prog *p);
/* The source line slot @i came from (its object in *@o), or NULL: no line info. */
const struct obj_line *vm_prog_line(const struct vm_prog *p, size_t i, const struct obj **o);
/* The decoded instruction at slot @i (for traces). */
int vm_prog_insn(const struct vm_prog *p, size_t i, struct isa_insn *out);

/*
 * vm_prog_run - run @p with r1 = @r1 and r2 = @r2 (the context, or the conformance memory
 * and its length), r10 at the top of frame 0's stack, other registers 0. Stacks are not
 * cleared between runs. Returns 0 with r0 in *@r0, or -EFAULT when the run stopped on a
 * fault (vm_fault_get says which).
 */
int vm_prog_run(struct vm *vm, const struct vm_prog *p, uint64_t r1, uint64_t r2, uint64_t *r0);

/* ---- helpers (helpers.c) ---- */

/* The kernel's bpf_map_lookup_elem as vm_helpers_kernel installs it: where it is the
 * installed helper, the interpreter runs its fast case inline (as the kernel's verifier
 * inlines map lookups), with the same result. */
extern const vm_helper_fn vm_helper_map_lookup;
/* vm_helpers_kernel - install the kernel's helpers (by id, as helpers.def numbers them). */
void vm_helpers_kernel(struct vm *vm);
/*
 * vm_helpers_conformance - install the helpers the bpf_conformance suite's plugins provide
 * instead: 0 gather_bytes, 1 memfrob, 2 no_op, 3 sqrti, 4 strcmp_ext, 5 unwind (returns r1;
 * when that is 0 the program stops with r0 = 0). callx calls these by the register's value.
 */
void vm_helpers_conformance(struct vm *vm);
/* vm_helper_set - install (or with NULL remove) one helper. 0 or -EINVAL for a bad id. */
int vm_helper_set(struct vm *vm, int id, vm_helper_fn fn);

/* Helper state: the clock (ktime_get_*_ns), the random seed (get_prandom_u32), the task. */
void vm_clock_set(struct vm *vm, uint64_t ns);
void vm_seed_set(struct vm *vm, uint64_t seed);
void vm_task_set(struct vm *vm, uint64_t pid_tgid, uint64_t uid_gid, const char *comm);
/* bpf_trace_printk output so far (each call's text, as the kernel would print it after the
 * "bpf_trace_printk: " prefix, newline included); NUL-terminated, *@len without it. */
const char *vm_printk_output(const struct vm *vm, size_t *len);
void vm_printk_clear(struct vm *vm);

#endif
