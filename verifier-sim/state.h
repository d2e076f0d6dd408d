/* SPDX-License-Identifier: MIT */
/*
 * state.h - the abstract machine state of verifier-sim (private to verifier-sim/).
 *
 * State model, as the kernel's (include/linux/bpf_verifier.h):
 *   struct vs_reg    one register: a type; for pointers the fixed offset off, and for
 *                    every type the variable part as a tnum plus signed/unsigned 64- and
 *                    32-bit bounds (for a scalar that is the value itself); ids tie copies
 *                    together (NULL checks, packet ranges), ref_obj_id ties a register to
 *                    an acquired reference
 *   struct vs_slot   8 bytes of stack: a type per byte (invalid, misc, zero, spill) and the
 *                    spilled register when the 8 bytes hold one
 *   struct vs_frame  registers r0..r10 and the stack of one call frame; a frame entered
 *                    as a helper's callback says so (cb), and a caller counts how many
 *                    times its pending callback was entered on this path (cb_depth)
 *   struct vs_state  the frames of the call chain, the acquired references, and the links
 *                    the explorer needs (parent checkpoint, pending branch count, and the
 *                    instructions run since the parent checkpoint, struct vs_hist, that
 *                    precision backtracking walks: prune.h)
 * A synchronous callback (bpf_loop, bpf_for_each_map_elem, bpf_find_vma,
 * bpf_user_ringbuf_drain) runs in a frame above its caller and returns to the calling
 * instruction, which runs again; an asynchronous one (bpf_timer_set_callback) is a state of
 * its own whose frame 0 is the callback.
 * Invariants: smin <= smax, umin <= umax (and the 32-bit ones) for every scalar in a live
 * state; a branch whose refinement would break them is dead and not explored.
 */
#ifndef EBPF_VSIM_STATE_H
#define EBPF_VSIM_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "tnum.h"

enum vs_type {
	VS_NOT_INIT,
	VS_SCALAR,
	VS_CTX,
	VS_STACK,
	VS_PKT,
	VS_PKT_META,
	VS_PKT_END,
	VS_MAP_PTR,
	VS_MAP_VALUE,
	VS_RINGBUF_MEM,
	VS_SOCK,
	VS_SOCK_COMMON,
	VS_TCP_SOCK,
	VS_MEM,
	VS_FUNC,
	VS_BTF_ID,
	VS_MAP_KEY, /* a callback's key argument: read-only, key_size bytes */
	VS_TYPE_COUNT
};

struct vs_reg {
	uint8_t type;	    /* enum vs_type */
	uint8_t maybe_null; /* the _or_null variants */
	uint8_t frameno;    /* VS_STACK: whose frame */
	uint8_t precise;    /* checkpoints only: a scalar some later check depended on (prune.h) */
	int32_t off;	    /* fixed offset of a pointer */
	uint32_t id;	    /* NULL-check / packet-range / linked-scalar identity */
	uint32_t ref_obj_id;
	int32_t range;	   /* VS_PKT*: bytes proven readable from off 0 of this id */
	int32_t map;	   /* VS_MAP_PTR/VALUE/KEY: map index; VS_FUNC: target insn */
	uint32_t mem_size; /* VS_RINGBUF_MEM/VS_MEM */
	struct tnum var;
	int64_t smin, smax;
	uint64_t umin, umax;
	int32_t s32min, s32max;
	uint32_t u32min, u32max;
};

enum { VS_SLOT_INVALID, VS_SLOT_MISC, VS_SLOT_ZERO, VS_SLOT_SPILL };

#define VS_STACK_SIZE 512
#define VS_NSLOTS     (VS_STACK_SIZE / 8)
#define VS_MAX_FRAMES 8
#define VS_MAX_REFS   64

/* How a frame was entered (struct vs_frame.cb). */
enum { VS_CB_NONE, VS_CB_SYNC, VS_CB_ASYNC };

struct vs_slot {
	uint8_t type[8]; /* per byte, byte 0 is the lowest address */
	struct vs_reg spill;
};

struct vs_frame {
	struct vs_reg regs[11];
	int callsite;	   /* call insn in the caller, -1 for the main frame */
	int subprog;	   /* first insn of the function */
	int nslots;	   /* slots in use, counted from the top (r10 - 8 is slot 0) */
	int cb;		   /* VS_CB_*: a helper's callback returns 0 or 1 (async: 0) to it */
	uint32_t cb_depth; /* callbacks entered from this frame's pending call (bpf_loop's
			    * bound), the kernel's callback_depth */
	struct vs_slot slots[VS_NSLOTS];
};

/* One instruction a state ran (the kernel's jump history, kept for every instruction). */
struct vs_hist {
	int32_t insn;
	uint8_t frame; /* the frame it ran in */
	uint8_t flags; /* VS_HIST_* */
	int8_t sframe; /* a spill written or read: the slot's frame and index; else -1 */
	int8_t spi;
	uint32_t link; /* a conditional jump that refined linked scalars: their set (index + 1
			* in struct vs_links), or 0 */
};

/* vs_hist.flags: precision cannot be followed back through this instruction (a callback's
 * call or return): backtracking gives up and marks every scalar precise */
#define VS_HIST_OPAQUE 1

struct vs_ref {
	uint32_t id;
	int insn;
};

struct vs_state {
	struct vs_frame *frame[VS_MAX_FRAMES];
	int curframe;
	int nrefs;
	uint32_t cb_unroll; /* callback bodies entered on this path: a state seen again
			     * in another iteration is no infinite loop */
	struct vs_ref refs[VS_MAX_REFS];
	/* explorer links */
	struct vs_state *parent;
	int branches;
	int insn;	      /* where a checkpoint was taken */
	struct vs_hist *hist; /* since the parent checkpoint, oldest first */
	uint32_t nhist;
	size_t histcap;
};

#endif
