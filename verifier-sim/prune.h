/* SPDX-License-Identifier: MIT */
/*
 * prune.h - what state pruning may ignore (private to verifier-sim/): registers no path reads
 * again (liveness) and scalars no check depended on (precision), as the kernel's
 * compute_live_registers() and mark_chain_precision() decide.
 *
 * Liveness is a property of the program: vs_live_compute() solves the data flow once, before
 * the walk. Precision is a property of the walk: a checkpoint (a state kept for pruning,
 * vs_state.parent links each state to the last one on its path) holds scalars marked precise
 * once some later check used their value. A check that uses a scalar (an offset added to a
 * pointer, a size, a branch it decides, a return value) asks for its precision; the backtracker
 * then walks the instructions run since (vs_state.hist) backwards, following the value
 * through moves, arithmetic, spills and fills, calls and returns, and marks it in each
 * checkpoint it passes. A finished checkpoint's imprecise scalars may then differ in a later
 * state at the same instruction: no path from it looked at their values.
 *
 * Invariant: a checkpoint's precise marks are complete once no path from it is still
 * pending (branches == 0), because every mark is followed back to the program's start (or to
 * where the value was made) and pruning against a checkpoint carries its marks over to the
 * pruned state's checkpoints (vs_bt_from_state). Where the backtracker cannot follow a value
 * it gives up safely: vs_mark_all_precise() marks every scalar of every checkpoint on the path.
 */
#ifndef EBPF_VSIM_PRUNE_H
#define EBPF_VSIM_PRUNE_H

#include <stddef.h>
#include <stdint.h>

#include "../isa/isa.h"
#include "state.h"

/* The values being followed: registers and stack slots (spilled scalars), per frame. */
struct vs_bt {
	uint16_t regs[VS_MAX_FRAMES];
	uint64_t slots[VS_MAX_FRAMES]; /* bit i: slot i (r10 - 8 * (i + 1)) */
};

/* Linked-scalar sets recorded at conditional jumps (vs_hist.link), shared by all states. */
struct vs_links {
	struct vs_bt *set;
	size_t n, cap;
};

/*
 * vs_live_compute - registers live before each instruction of @in (@n slots, already checked
 * by the CFG pass): bit i of @live[k] set when some path from k may read ri before writing it.
 * Conservative (a register an instruction might read counts as read). 0 or -ENOMEM.
 */
int vs_live_compute(const struct isa_insn *in, size_t n, uint16_t *live);

/*
 * vs_bt_backtrack - follow @bt back from @st: through @st's instructions (without its last
 * one when @skip_last: the instruction being checked, whose inputs are being marked), then
 * into each checkpoint up the parent chain, marking there what is still followed. Returns 0,
 * or 1 when it had to give up and marked every scalar on the path precise instead.
 */
int vs_bt_backtrack(const struct isa_insn *in, const struct vs_links *links, struct vs_state *st,
		    int skip_last, struct vs_bt *bt);

/* The kernel's mark_all_scalars_precise(): every scalar of every checkpoint above @st. */
void vs_mark_all_precise(struct vs_state *st);

#endif
