#!/usr/bin/env python3
# gen_corpus.py - writes the differential corpus of tests/check_verifier.c: one small program
# per file, tests/verifier/TYPE_TOPIC.s, each opening with what it tests. The families below
# are the issue-5 checklist (uninitialised registers and stack, packet bounds, map values and
# NULL checks, division, loops, back-edges, unreachable code, return values, ctx access, r10,
# helper arguments and availability, GPL, calls, stack range, alignment, 32-bit bounds,
# atomics, tail calls, references, pointer leaks) spelled out per program type where the
# type changes the answer.
#
# It writes "; kernel: ?" lines; the verdicts come from the kernel, never from here:
#   python3 tests/verifier/gen_corpus.py && tests/check_verifier --record tests/verifier/*.s
# Files are only written when missing (or with --force), so a hand-edited file stays as it is.
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# type key: (section, ctx data offset or None, ctx data_end offset, a readable ctx field (off,
# size), a ctx offset past the end, ctx helper-friendly name)
TYPES = {
    "xdp": dict(sec="xdp", data=0, end=4, field=(12, "u32"), bad=24, meta=8),
    "tc": dict(sec="tc", data=76, end=80, field=(0, "u32"), bad=200, meta=140),
    "sock": dict(sec="socket", data=None, end=None, field=(0, "u32"), bad=200, meta=None),
    "kp": dict(sec="kprobe/do_nanosleep", data=None, end=None, field=(112, "u64"), bad=168,
               meta=None),
    "tp": dict(sec="tracepoint/syscalls/sys_enter_nanosleep", data=None, end=None,
               field=(16, "u64"), bad=8192, meta=None),
    "rtp": dict(sec="raw_tracepoint/sys_enter", data=None, end=None, field=(8, "u64"),
                bad=96, meta=None),
}
ALL = ["xdp", "tc", "sock", "kp", "tp", "rtp"]
PKT = ["xdp", "tc"]

progs = []


def render(name, section, desc, body, maps, lic, subs, marks):
    """The text of one corpus file: a description, a "; kernel...: ?" line per mark, the
    program under its label, subprograms after."""
    out = [f"; {name}.s - {desc}"] + [f"; {m}: ?" for m in marks]
    if lic is not None:
        out.append(f'\t.license "{lic}"')
    for m in maps:
        out.append(f"\t.map {m}")
    out += [f"\t.section {section}", f"\t.globl {name}", f"\t.type {name}, @function",
            f"{name}:"]
    for line in body.strip("\n").split("\n"):
        line = line.strip()
        out.append(line if line.endswith(":") else "\t" + line)
    out.append(f"\t.size {name}, .-{name}")
    if subs:
        for line in subs.strip("\n").split("\n"):
            line = line.strip()
            out.append(line if line.endswith(":") else "\t" + line)
    return "\n".join(out) + "\n"


def P(ty, topic, desc, body, maps=(), lic="GPL", sec=None, subs=""):
    """One corpus program: TY_TOPIC.s."""
    name = f"{ty}_{topic}"
    progs.append((name, render(name, sec or TYPES[ty]["sec"], desc, body, maps, lic, subs,
                               ["kernel"])))


def sub(label, body):
    """A static subprogram after the main one."""
    lines = [f".type {label}, @function", f"{label}:"] + body.strip("\n").split("\n")
    lines.append(f".size {label}, .-{label}")
    return "\n".join(lines)


ARR = "arr, array, key=4, value=8, entries=4"
ARR64 = "arr, array, key=4, value=64, entries=4"
HASH = "h, hash, key=4, value=8, entries=16"
RB = "rb, ringbuf, key=0, value=0, entries=4096"
PA = "jmp, prog_array, key=4, value=4, entries=4"

LOOKUP_HASH = """
*(u32 *)(r10 - 4) = 0
r2 = r10
r2 += -4
r1 = h ll
call bpf_map_lookup_elem
"""

LOOKUP_ARR = """
*(u32 *)(r10 - 4) = 0
r2 = r10
r2 += -4
r1 = arr ll
call bpf_map_lookup_elem
"""

# ---------------------------------------------------------------- every type
for t in ALL:
    f, fsz = TYPES[t]["field"]
    P(t, "ok_minimal", "the smallest valid program: r0 = 0, exit.", "r0 = 0\nexit")
    P(t, "uninit_r0", "exit without writing r0: the return value is uninitialised.", "exit")
    P(t, "uninit_r2", "reads r2, which no instruction wrote (only r1 and r10 start set).",
      "r0 = r2\nexit")
    P(t, "caller_saved_clobbered",
      "a helper call scratches r1-r5: reading r1 after the call reads an unset register.",
      "call bpf_ktime_get_ns\nr0 = r1\nexit")
    P(t, "callee_saved_kept",
      "r6-r9 survive a helper call: r6 set before the call is read after it.",
      "r6 = 7\ncall bpf_ktime_get_ns\nr0 = r6\nexit")
    P(t, "stack_uninit_read", "reads 8 bytes of stack that were never written."
      " Root may: the kernel lets privileged programs read uninitialised stack.",
      "r0 = *(u64 *)(r10 - 8)\nexit")
    P(t, "stack_write_read", "writes a stack slot, then reads it back: initialised.",
      "r1 = 5\n*(u64 *)(r10 - 8) = r1\nr0 = *(u64 *)(r10 - 8)\nexit")
    P(t, "stack_partial_read",
      "writes 4 bytes of a slot and reads all 8: half of it is uninitialised."
      " Root may: the kernel lets privileged programs read uninitialised stack.",
      "*(u32 *)(r10 - 8) = 1\nr0 = *(u64 *)(r10 - 8)\nexit")
    P(t, "stack_oob_below", "stores 8 bytes at r10 - 520, below the 512-byte frame.",
      "r1 = 0\n*(u64 *)(r10 - 520) = r1\nr0 = 0\nexit")
    P(t, "stack_bottom_ok", "stores at r10 - 512, the last slot of the frame: allowed.",
      "r1 = 0\n*(u64 *)(r10 - 512) = r1\nr0 = 0\nexit")
    P(t, "stack_above_fp", "stores at r10 + 0: above the frame, outside the stack.",
      "r1 = 0\n*(u64 *)(r10 + 0) = r1\nr0 = 0\nexit")
    P(t, "r10_write", "assigns r10, the read-only frame pointer.", "r10 = 0\nr0 = 0\nexit")
    P(t, "ctx_field_read", f"reads a valid context field ({fsz} at offset {f}).",
      f"r0 = *({fsz} *)(r1 + {f})\nr0 = 0\nexit")
    P(t, "ctx_past_end", f"reads the context at offset {TYPES[t]['bad']}, past its end.",
      f"r0 = *(u32 *)(r1 + {TYPES[t]['bad']})\nr0 = 0\nexit")
    P(t, "ctx_modified_ptr",
      "adds 8 to the context pointer and dereferences it: ctx pointers must not move.",
      f"r1 += 8\nr0 = *(u32 *)(r1 + {max(f - 8, 0)})\nr0 = 0\nexit")
    P(t, "map_null_deref", "dereferences a hash map lookup result without comparing it with 0.",
      LOOKUP_HASH + "r0 = *(u64 *)(r0 + 0)\nr0 = 0\nexit", maps=[HASH])
    P(t, "map_null_checked", "compares the hash lookup result with 0, then reads the value.",
      LOOKUP_HASH + "if r0 == 0 goto out\nr0 = *(u64 *)(r0 + 0)\nout:\nr0 = 0\nexit",
      maps=[HASH])
    P(t, "gpl_helper_nongpl", "calls bpf_trace_printk, GPL-only, from a proprietary program.",
      "r1 = 0x0a6968\n*(u64 *)(r10 - 8) = r1\nr1 = r10\nr1 += -8\nr2 = 4\n"
      "call bpf_trace_printk\nr0 = 0\nexit", lic="Proprietary")
    P(t, "gpl_helper_gpl", "the same bpf_trace_printk call with a GPL license: allowed.",
      "r1 = 0x0a6968\n*(u64 *)(r10 - 8) = r1\nr1 = r10\nr1 += -8\nr2 = 4\n"
      "call bpf_trace_printk\nr0 = 0\nexit")
    P(t, "loop_bounded", "a loop of 10 iterations: the verifier walks it to the end.",
      "r1 = 0\nr0 = 0\nloop:\nr0 += r1\nr1 += 1\nif r1 < 10 goto loop\nr0 = 0\nexit")
    P(t, "loop_infinite", "a loop whose state never changes: an infinite loop.",
      "r0 = 0\nloop:\nif r0 == 0 goto loop\nexit")
    P(t, "unreachable", "code after exit that no jump reaches.",
      "r0 = 0\nexit\nr0 = 1\nexit")

# ---------------------------------------------------------------- rotating families
def rot(families):
    """Spread each family over a few types, so every type gets each topic at least once
    somewhere in the corpus without repeating identical programs six times."""
    for i, fam in enumerate(families):
        types = fam[0] if isinstance(fam[0], list) else [ALL[(i + k) % 6] for k in range(fam[0])]
        for t in types:
            fam[1](t)


def f_stack_misaligned(t):
    P(t, "stack_misaligned", "stores 8 bytes at r10 - 4: stack access must be aligned.",
      "r1 = 0\n*(u64 *)(r10 - 4) = r1\nr0 = 0\nexit")


def f_stack_misaligned_u32(t):
    P(t, "stack_misaligned_u32", "stores a u32 at r10 - 6: misaligned for its size.",
      "*(u32 *)(r10 - 6) = 1\nr0 = 0\nexit")


def f_stack_u8_ok(t):
    P(t, "stack_u8_any_offset", "byte stores need no alignment: r10 - 3 is fine.",
      "*(u8 *)(r10 - 3) = 1\nr0 = *(u8 *)(r10 - 3)\nexit")


def f_stack_var_off(t):
    P(t, "stack_var_offset_read",
      "reads the stack at a variable offset (0..7 below r10 - 16) of initialised bytes.",
      "r1 = 0\n*(u64 *)(r10 - 8) = r1\n*(u64 *)(r10 - 16) = r1\ncall bpf_get_prandom_u32\n"
      "r0 &= 7\nr1 = r10\nr1 += -16\nr1 += r0\nr0 = *(u8 *)(r1 + 0)\nexit")


def f_stack_var_unbounded(t):
    P(t, "stack_var_unbounded",
      "adds an unbounded random number to r10 and writes there.",
      "call bpf_get_prandom_u32\nr1 = r10\nr1 += r0\n*(u8 *)(r1 - 8) = 0\nr0 = 0\nexit")


def f_div_zero_reg(t):
    P(t, "div_by_zero_reg", "divides by a register holding 0: defined (result 0), allowed.",
      "r0 = 10\nr1 = 0\nr0 /= r1\nexit")


def f_div_imm_zero(t):
    P(t, "div_imm_zero", "divides by the constant 0: refused when the program is checked.",
      "r0 = 10\nr0 /= 0\nexit")


def f_mod_imm_zero(t):
    P(t, "mod_imm_zero", "modulo by the constant 0.", "r0 = 10\nr0 %= 0\nexit")


def f_div32(t):
    P(t, "div32_random", "32-bit division of a random value by a random divisor.",
      "call bpf_get_prandom_u32\nr6 = r0\ncall bpf_get_prandom_u32\nw6 /= w0\nw6 %= w0\n"
      "r0 = r6\nexit")


def f_sdiv(t):
    P(t, "sdiv_min_by_minus1", "signed division INT64_MIN / -1 (v4 sdiv): defined, allowed.",
      "r0 = -0x80000000\nr0 <<= 32\nr0 s/= -1\nr0 = 0\nexit")


def f_smod(t):
    P(t, "smod_imm_zero", "signed modulo by the constant 0 (v4 smod).",
      "r0 = 7\nr0 s%= 0\nexit")


def f_div_uninit(t):
    P(t, "div_uninit_divisor", "divides by r3, never written.", "r0 = 1\nr0 /= r3\nexit")


def f_loop_random_bound(t):
    P(t, "loop_random_bound",
      "a loop bounded by a random value masked to 0..15: finite, the verifier walks it.",
      "call bpf_get_prandom_u32\nr0 &= 15\nr1 = 0\nloop:\nr1 += 1\n"
      "if r1 < r0 goto loop\nr0 = 0\nexit")


def f_loop_unbounded(t):
    P(t, "loop_unbounded_counter",
      "counts up until a random value: no bound the verifier can prove.",
      "call bpf_get_prandom_u32\nr6 = r0\nr1 = 0\nloop:\nr1 += 1\n"
      "if r1 != r6 goto loop\nr0 = 0\nexit")


def f_back_edge_self(t):
    P(t, "back_edge_self", "a jump to itself, the last instruction.", "r0 = 0\nl:\ngoto l")


def f_loop_down(t):
    P(t, "loop_countdown", "counts down from 100 to 0: bounded.",
      "r1 = 100\nloop:\nr1 -= 1\nif r1 != 0 goto loop\nr0 = 0\nexit")


def f_loop_32bit(t):
    P(t, "loop_w_counter", "a loop counted in w1 (32-bit compare): bounded.",
      "w1 = 0\nloop:\nw1 += 1\nif w1 < 20 goto loop\nr0 = 0\nexit")


def f_jump_oob(t):
    P(t, "jump_out_of_range", "jumps 5 instructions past the end of the program.",
      "r0 = 0\ngoto +5\nexit")


def f_jump_backwards_oob(t):
    P(t, "jump_before_start", "jumps before the first instruction.",
      "r0 = 0\ngoto -3\nexit")


def f_fall_off(t):
    P(t, "falls_off_end", "the last instruction is not exit: execution would run off.",
      "r0 = 0")


def f_unreach_mid(t):
    P(t, "unreachable_after_goto", "an instruction skipped by an unconditional jump.",
      "r0 = 0\ngoto +1\nr0 = 1\nexit")


def f_dead_branch(t):
    P(t, "dead_branch_ok",
      "a branch that can never be taken (r0 is 0): reachable in the CFG, pruned; allowed.",
      "r0 = 0\nif r0 != 0 goto bad\nexit\nbad:\nr0 = *(u64 *)(r10 + 8)\nexit")


def f_dead_branch_bad(t):
    P(t, "dead_branch_unknown",
      "the same bad read behind a branch on a random value: both sides are explored.",
      "call bpf_get_prandom_u32\nif r0 != 0 goto bad\nexit\nbad:\nr0 = *(u64 *)(r10 + 8)\n"
      "exit")


def f_ld_imm64_mid(t):
    P(t, "jump_into_lddw", "a branch into the second half of a 64-bit immediate load.",
      "call bpf_get_prandom_u32\nif r0 == 0 goto +1\nr0 = 0x100000000 ll\nexit")


def f_r10_add(t):
    P(t, "r10_add", "adds to the frame pointer in place.", "r10 += -8\nr0 = 0\nexit")


def f_r10_copy(t):
    P(t, "r10_copy_moves", "moves a copy of r10 instead: allowed, the copy points to stack.",
      "r1 = r10\nr1 += -8\n*(u64 *)(r1 + 0) = 0\nr0 = *(u64 *)(r1 + 0)\nexit")


def f_r10_load(t):
    P(t, "r10_load_into", "loads into r10 from the stack.",
      "*(u64 *)(r10 - 8) = 0\nr10 = *(u64 *)(r10 - 8)\nr0 = 0\nexit")


def f_call_ok(t):
    P(t, "call_subprog", "calls a subprogram that returns its argument plus one.",
      "r1 = 1\ncall f\nexit", subs=sub("f", "r0 = r1\nr0 += 1\nexit"))


def f_call_uninit_callee(t):
    P(t, "call_callee_reads_r6",
      "the callee reads r6: callee-saved registers are not arguments, unset in the new frame.",
      "r6 = 1\ncall f\nr0 = 0\nexit", subs=sub("f", "r0 = r6\nexit"))


def f_call_clobber(t):
    P(t, "call_clobbers_r1",
      "after a bpf-to-bpf call r1-r5 are scratched, as after a helper call.",
      "r1 = 1\ncall f\nr0 = r1\nexit", subs=sub("f", "r0 = 0\nexit"))


def f_call_stack_ptr(t):
    P(t, "call_passes_stack_ptr",
      "passes a pointer to the caller's stack; the callee reads the value through it.",
      "*(u64 *)(r10 - 8) = 3\nr1 = r10\nr1 += -8\ncall f\nexit",
      subs=sub("f", "r0 = *(u64 *)(r1 + 0)\nexit"))


def f_call_uninit_ret(t):
    P(t, "call_callee_no_r0",
      "the callee exits without setting r0, the caller returns it.",
      "call f\nexit", subs=sub("f", "r1 = 0\nexit"))


def f_call_keep_r6(t):
    P(t, "call_keeps_r6", "the caller's r6 survives the call (callee-saved).",
      "r6 = 2\ncall f\nr0 = r6\nexit", subs=sub("f", "r6 = 9\nr0 = 0\nexit"))


def f_call_recursion(t):
    P(t, "call_recursive", "a subprogram that calls itself: recursion is a back-edge.",
      "call f\nexit", subs=sub("f", "call f\nr0 = 0\nexit"))


def f_call_ctx(t):
    f, fsz = TYPES[t]["field"]
    P(t, "call_passes_ctx", "passes the context to a subprogram that reads a field.",
      "call f\nr0 = 0\nexit", subs=sub("f", f"r0 = *({fsz} *)(r1 + {f})\nexit"))


def f_call_deep_stack(t):
    P(t, "call_stack_too_deep",
      "caller and callee each use 512 bytes of stack: over the 512-byte limit of a shared"
      " stack; tracing types get private per-subprogram stacks on x86-64 and may.",
      "*(u64 *)(r10 - 512) = 0\ncall f\nexit",
      subs=sub("f", "*(u64 *)(r10 - 512) = 0\nr0 = 0\nexit"))


def f_call_bad_stack(t):
    P(t, "call_callee_stack_ptr_oob",
      "the callee reads 8 bytes past the caller's slot it was given.",
      "*(u64 *)(r10 - 8) = 3\nr1 = r10\nr1 += -8\ncall f\nexit",
      subs=sub("f", "r0 = *(u64 *)(r1 + 8)\nexit"))


def f_atomic_add(t):
    P(t, "atomic_add_stack", "an atomic add into an initialised stack slot.",
      "*(u64 *)(r10 - 8) = 0\nr1 = 1\nlock *(u64 *)(r10 - 8) += r1\nr0 = 0\nexit")


def f_atomic_uninit(t):
    P(t, "atomic_add_uninit_stack", "an atomic add into a stack slot never written."
      " Root may: the kernel lets privileged programs read uninitialised stack.",
      "r1 = 1\nlock *(u64 *)(r10 - 8) += r1\nr0 = 0\nexit")


def f_atomic_fetch(t):
    P(t, "atomic_fetch_add", "fetch-and-add returns the old value in the source register.",
      "*(u64 *)(r10 - 8) = 5\nr1 = 1\nr1 = atomic_fetch_add((u64 *)(r10 - 8), r1)\nr0 = r1\n"
      "exit")


def f_atomic_xchg(t):
    P(t, "atomic_xchg", "exchanges a stack slot with a register.",
      "*(u64 *)(r10 - 8) = 5\nr1 = 1\nr1 = xchg_64(r10 - 8, r1)\nr0 = r1\nexit")


def f_atomic_cmpxchg(t):
    P(t, "atomic_cmpxchg", "compare-and-exchange: r0 is the expected value and the result.",
      "*(u64 *)(r10 - 8) = 5\nr0 = 5\nr1 = 6\nr0 = cmpxchg_64(r10 - 8, r0, r1)\nr0 = 0\nexit")


def f_atomic_cmpxchg_uninit_r0(t):
    P(t, "atomic_cmpxchg_no_r0", "compare-and-exchange without setting r0 (the comparand).",
      "*(u64 *)(r10 - 8) = 5\nr1 = 6\nr0 = cmpxchg_64(r10 - 8, r0, r1)\nr0 = 0\nexit")


def f_atomic_ctx(t):
    f, fsz = TYPES[t]["field"]
    P(t, "atomic_on_ctx", "an atomic add into the context.",
      f"r2 = 1\nlock *(u32 *)(r1 + {f}) += r2\nr0 = 0\nexit")


def f_atomic_misaligned(t):
    P(t, "atomic_misaligned", "an atomic 64-bit add at r10 - 12: misaligned.",
      "*(u64 *)(r10 - 16) = 0\n*(u64 *)(r10 - 8) = 0\nr1 = 1\n"
      "lock *(u64 *)(r10 - 12) += r1\nr0 = 0\nexit")


def f_atomic32(t):
    P(t, "atomic32_and_or_xor", "32-bit atomic and, or and xor on the stack.",
      "*(u32 *)(r10 - 4) = 0xff\nw1 = 0x0f\nlock *(u32 *)(r10 - 4) &= w1\n"
      "lock *(u32 *)(r10 - 4) |= w1\nlock *(u32 *)(r10 - 4) ^= w1\nr0 = 0\nexit")


def f_atomic_map(t):
    P(t, "atomic_map_value", "an atomic add into a NULL-checked map value.",
      LOOKUP_ARR + "if r0 == 0 goto out\nr1 = 1\nlock *(u64 *)(r0 + 0) += r1\nout:\nr0 = 0\n"
      "exit", maps=[ARR])


def f_atomic_spill_ptr(t):
    P(t, "atomic_into_spilled_ptr",
      "an atomic add into a stack slot that holds a spilled pointer.",
      "*(u64 *)(r10 - 8) = r1\nr2 = 1\nlock *(u64 *)(r10 - 8) += r2\nr0 = 0\nexit")


def f_w_zero_ext(t):
    P(t, "alu32_zero_extends",
      "w0 = -1 clears the upper half: r0 >> 32 is known 0, used as a stack offset.",
      "*(u64 *)(r10 - 8) = 0\nw0 = -1\nr0 >>= 32\nr1 = r10\nr1 += -8\nr1 += r0\n"
      "r0 = *(u64 *)(r1 + 0)\nexit")


def f_w_bounds_map(t):
    P(t, "alu32_masked_index",
      "a random w0 masked with 0x3f indexes a 64-byte map value, 1-byte read: in bounds.",
      LOOKUP_ARR + "if r0 == 0 goto out\nr6 = r0\ncall bpf_get_prandom_u32\nw0 &= 0x3f\n"
      "r6 += r0\nr0 = *(u8 *)(r6 + 0)\nout:\nr0 = 0\nexit", maps=[ARR64])


def f_w_bounds_map_oob(t):
    P(t, "alu32_mask_too_wide",
      "the same index masked with 0x7f: up to 127, past the 64-byte value.",
      LOOKUP_ARR + "if r0 == 0 goto out\nr6 = r0\ncall bpf_get_prandom_u32\nw0 &= 0x7f\n"
      "r6 += r0\nr0 = *(u8 *)(r6 + 0)\nout:\nr0 = 0\nexit", maps=[ARR64])


def f_w_jmp32_bound(t):
    P(t, "jmp32_bounds_index",
      "a 32-bit compare (if w0 > 63) bounds the low half; the index is the zero-extended w0.",
      LOOKUP_ARR + "if r0 == 0 goto out\nr6 = r0\ncall bpf_get_prandom_u32\nw0 = w0\n"
      "if w0 > 63 goto out\nr6 += r0\nr0 = *(u8 *)(r6 + 0)\nout:\nr0 = 0\nexit",
      maps=[ARR64])


def f_w_jmp32_upper(t):
    P(t, "jmp32_upper_unknown",
      "a 32-bit compare bounds only the low half of a 64-bit value: the index stays unbounded.",
      LOOKUP_ARR + "if r0 == 0 goto out\nr6 = r0\ncall bpf_get_prandom_u32\nr7 = r0\n"
      "call bpf_get_prandom_u32\nr0 <<= 32\nr0 |= r7\nif w0 > 63 goto out\nr6 += r0\n"
      "r0 = *(u8 *)(r6 + 0)\nout:\nr0 = 0\nexit", maps=[ARR64])


def f_signed_bound(t):
    P(t, "signed_bound_negative",
      "checks only 'if r0 s> 63': r0 may still be negative as an offset.",
      LOOKUP_ARR + "if r0 == 0 goto out\nr6 = r0\ncall bpf_get_prandom_u32\nr0 <<= 32\n"
      "r0 s>>= 32\nif r0 s> 63 goto out\nr6 += r0\nr0 = *(u8 *)(r6 + 0)\nout:\nr0 = 0\nexit",
      maps=[ARR64])


def f_signed_bound_ok(t):
    P(t, "signed_bound_both",
      "checks 'r0 s> 63' and 's< 0': a signed value in [0, 63], in bounds.",
      LOOKUP_ARR + "if r0 == 0 goto out\nr6 = r0\ncall bpf_get_prandom_u32\nr0 <<= 32\n"
      "r0 s>>= 32\nif r0 s> 63 goto out\nif r0 s< 0 goto out\nr6 += r0\n"
      "r0 = *(u8 *)(r6 + 0)\nout:\nr0 = 0\nexit", maps=[ARR64])


def f_jset(t):
    P(t, "jset_known_bits", "'if r0 & 0xc0 goto' leaves r0 with bits 6 and 7 clear on fallthrough;"
      " masking proves the index.",
      LOOKUP_ARR + "if r0 == 0 goto out\nr6 = r0\ncall bpf_get_prandom_u32\nr0 &= 0xff\n"
      "if r0 & 0xc0 goto out\nr6 += r0\nr0 = *(u8 *)(r6 + 0)\nout:\nr0 = 0\nexit",
      maps=[ARR64])


def f_map_oob(t):
    P(t, "map_value_oob", "reads 8 bytes at offset 8 of an 8-byte map value.",
      LOOKUP_ARR + "if r0 == 0 goto out\nr0 = *(u64 *)(r0 + 8)\nout:\nr0 = 0\nexit",
      maps=[ARR])


def f_map_neg(t):
    P(t, "map_value_negative_off", "reads at offset -4 of a map value.",
      LOOKUP_ARR + "if r0 == 0 goto out\nr0 = *(u32 *)(r0 - 4)\nout:\nr0 = 0\nexit",
      maps=[ARR])


def f_map_write(t):
    P(t, "map_value_write", "writes a NULL-checked map value.",
      LOOKUP_ARR + "if r0 == 0 goto out\nr1 = 42\n*(u64 *)(r0 + 0) = r1\nout:\nr0 = 0\nexit",
      maps=[ARR])


def f_map_null_wrong_branch(t):
    P(t, "map_null_wrong_branch", "dereferences on the branch where the result IS NULL.",
      LOOKUP_HASH + "if r0 != 0 goto out\nr0 = *(u64 *)(r0 + 0)\nout:\nr0 = 0\nexit",
      maps=[HASH])


def f_map_null_copy(t):
    P(t, "map_null_check_on_copy",
      "checks a copy of the result for NULL: the original is refined too (same id).",
      LOOKUP_HASH + "r6 = r0\nif r6 == 0 goto out\nr0 = *(u64 *)(r0 + 0)\nout:\nr0 = 0\nexit",
      maps=[HASH])


def f_map_ptr_arith_null(t):
    P(t, "map_or_null_arith", "adds to the lookup result before the NULL check.",
      LOOKUP_HASH + "r0 += 4\nif r0 == 0 goto out\nr0 = *(u32 *)(r0 + 0)\nout:\nr0 = 0\nexit",
      maps=[HASH])


def f_arr_const_key(t):
    P(t, "map_array_const_key", "an array lookup with the constant key 0 < max_entries, no NULL"
      " check: this kernel types the result as a map value, never NULL.",
      LOOKUP_ARR + "r0 = *(u64 *)(r0 + 0)\nr0 = 0\nexit", maps=[ARR])


def f_arr_key_oob(t):
    P(t, "map_array_key_out_of_range", "an array lookup with the constant key 4 of 4 entries, "
      "no NULL check: that lookup returns NULL.",
      LOOKUP_ARR.replace("= 0\n", "= 4\n", 1) + "r0 = *(u64 *)(r0 + 0)\nr0 = 0\nexit",
      maps=[ARR])


def f_arr_var_key(t):
    P(t, "map_array_random_key", "an array lookup with a random key, no NULL check.",
      "call bpf_get_prandom_u32\n*(u32 *)(r10 - 4) = r0\nr2 = r10\nr2 += -4\nr1 = arr ll\n"
      "call bpf_map_lookup_elem\nr0 = *(u64 *)(r0 + 0)\nr0 = 0\nexit", maps=[ARR])


def f_map_key_uninit(t):
    P(t, "map_key_uninit", "passes an uninitialised stack slot as the key."
      " Root may: the kernel lets privileged programs read uninitialised stack.",
      "r2 = r10\nr2 += -4\nr1 = arr ll\ncall bpf_map_lookup_elem\nr0 = 0\nexit", maps=[ARR])


def f_map_key_scalar(t):
    P(t, "map_key_scalar", "passes a number instead of a pointer as the key.",
      "r2 = 0\nr1 = arr ll\ncall bpf_map_lookup_elem\nr0 = 0\nexit", maps=[ARR])


def f_map_key_short(t):
    P(t, "map_key_oob_stack", "the 4-byte key starts 2 bytes below r10: it runs past the frame.",
      "r2 = r10\nr2 += -2\nr1 = arr ll\ncall bpf_map_lookup_elem\nr0 = 0\nexit", maps=[ARR])


def f_map_not_map(t):
    P(t, "map_arg_not_map", "passes a stack pointer where the map should be.",
      "*(u32 *)(r10 - 4) = 0\nr2 = r10\nr2 += -4\nr1 = r10\ncall bpf_map_lookup_elem\n"
      "r0 = 0\nexit")


def f_map_update_ok(t):
    P(t, "map_update", "updates a hash map from key and value on the stack.",
      "*(u32 *)(r10 - 4) = 1\n*(u64 *)(r10 - 16) = 2\nr1 = h ll\nr2 = r10\nr2 += -4\n"
      "r3 = r10\nr3 += -16\nr4 = 0\ncall bpf_map_update_elem\nr0 = 0\nexit", maps=[HASH])


def f_map_update_value_uninit(t):
    P(t, "map_update_value_uninit", "updates with a value read from uninitialised stack."
      " Root may: the kernel lets privileged programs read uninitialised stack.",
      "*(u32 *)(r10 - 4) = 1\nr1 = h ll\nr2 = r10\nr2 += -4\nr3 = r10\nr3 += -16\nr4 = 0\n"
      "call bpf_map_update_elem\nr0 = 0\nexit", maps=[HASH])


def f_map_update_flags_uninit(t):
    P(t, "map_update_flags_unset", "calls bpf_map_update_elem without setting r4 (flags).",
      "*(u32 *)(r10 - 4) = 1\n*(u64 *)(r10 - 16) = 2\nr1 = h ll\nr2 = r10\nr2 += -4\n"
      "r3 = r10\nr3 += -16\ncall bpf_map_update_elem\nr0 = 0\nexit", maps=[HASH])


def f_map_delete(t):
    P(t, "map_delete", "deletes a hash map key.",
      "*(u32 *)(r10 - 4) = 1\nr1 = h ll\nr2 = r10\nr2 += -4\ncall bpf_map_delete_elem\n"
      "r0 = 0\nexit", maps=[HASH])


def f_map_value_as_key(t):
    P(t, "map_value_as_key", "uses a map value (8 bytes) as the key of another lookup.",
      LOOKUP_ARR + "if r0 == 0 goto out\nr2 = r0\nr1 = h ll\ncall bpf_map_lookup_elem\n"
      "out:\nr0 = 0\nexit", maps=[ARR, HASH])


def f_map_ptr_store(t):
    P(t, "map_value_store_ptr",
      "stores the stack pointer into a map value: a pointer leak, allowed for root.",
      LOOKUP_ARR + "if r0 == 0 goto out\n*(u64 *)(r0 + 0) = r10\nout:\nr0 = 0\nexit",
      maps=[ARR])


def f_map_ptr_deref(t):
    P(t, "map_ptr_deref", "reads through the map pointer itself (r1 = map ll).",
      "r1 = arr ll\nr0 = *(u64 *)(r1 + 0)\nr0 = 0\nexit", maps=[ARR])


def f_map_var_off_unbounded(t):
    P(t, "map_value_var_unbounded",
      "adds an unbounded random value to the map value pointer, then reads.",
      LOOKUP_ARR + "if r0 == 0 goto out\nr6 = r0\ncall bpf_get_prandom_u32\nr6 += r0\n"
      "r0 = *(u8 *)(r6 + 0)\nout:\nr0 = 0\nexit", maps=[ARR64])


def f_map_value_misaligned(t):
    P(t, "map_value_misaligned",
      "reads a u64 at offset 4 of a map value: root without strict alignment allows it.",
      LOOKUP_ARR + "if r0 == 0 goto out\nr0 = *(u64 *)(r0 + 4)\nout:\nr0 = 0\nexit",
      maps=[ARR64])


def f_ringbuf_leak(t):
    P(t, "ringbuf_leak", "reserves ringbuf memory and exits without submit or discard.",
      "r1 = rb ll\nr2 = 8\nr3 = 0\ncall bpf_ringbuf_reserve\nr0 = 0\nexit", maps=[RB])


def f_ringbuf_ok(t):
    P(t, "ringbuf_submit", "reserves, checks for NULL, writes and submits.",
      "r1 = rb ll\nr2 = 8\nr3 = 0\ncall bpf_ringbuf_reserve\nif r0 == 0 goto out\n"
      "*(u64 *)(r0 + 0) = 1\nr1 = r0\nr2 = 0\ncall bpf_ringbuf_submit\nout:\nr0 = 0\nexit",
      maps=[RB])


def f_ringbuf_null(t):
    P(t, "ringbuf_no_null_check", "writes reserved memory without the NULL check.",
      "r1 = rb ll\nr2 = 8\nr3 = 0\ncall bpf_ringbuf_reserve\n*(u64 *)(r0 + 0) = 1\n"
      "r1 = r0\nr2 = 0\ncall bpf_ringbuf_submit\nr0 = 0\nexit", maps=[RB])


def f_ringbuf_leak_branch(t):
    P(t, "ringbuf_leak_on_branch", "submits on one branch and forgets on the other.",
      "r1 = rb ll\nr2 = 8\nr3 = 0\ncall bpf_ringbuf_reserve\nif r0 == 0 goto out\n"
      "r6 = r0\ncall bpf_get_prandom_u32\nif r0 == 0 goto out\nr1 = r6\nr2 = 0\n"
      "call bpf_ringbuf_discard\nout:\nr0 = 0\nexit", maps=[RB])


def f_ringbuf_oob(t):
    P(t, "ringbuf_write_oob", "writes 8 bytes at offset 8 of an 8-byte reservation.",
      "r1 = rb ll\nr2 = 8\nr3 = 0\ncall bpf_ringbuf_reserve\nif r0 == 0 goto out\n"
      "*(u64 *)(r0 + 8) = 1\nr1 = r0\nr2 = 0\ncall bpf_ringbuf_submit\nout:\nr0 = 0\nexit",
      maps=[RB])


def f_ringbuf_double(t):
    P(t, "ringbuf_double_submit", "submits the same reservation twice.",
      "r1 = rb ll\nr2 = 8\nr3 = 0\ncall bpf_ringbuf_reserve\nif r0 == 0 goto out\n"
      "r6 = r0\nr1 = r6\nr2 = 0\ncall bpf_ringbuf_submit\nr1 = r6\nr2 = 0\n"
      "call bpf_ringbuf_submit\nout:\nr0 = 0\nexit", maps=[RB])


def f_ringbuf_var_size(t):
    P(t, "ringbuf_reserve_var_size", "reserves a size that is not a constant.",
      "call bpf_get_prandom_u32\nr2 = r0\nr2 &= 0xff\nr1 = rb ll\nr3 = 0\n"
      "call bpf_ringbuf_reserve\nif r0 == 0 goto out\nr1 = r0\nr2 = 0\n"
      "call bpf_ringbuf_discard\nout:\nr0 = 0\nexit", maps=[RB])


def f_ringbuf_output(t):
    P(t, "ringbuf_output", "copies 8 initialised stack bytes with bpf_ringbuf_output.",
      "*(u64 *)(r10 - 8) = 7\nr1 = rb ll\nr2 = r10\nr2 += -8\nr3 = 8\nr4 = 0\n"
      "call bpf_ringbuf_output\nr0 = 0\nexit", maps=[RB])


def f_ringbuf_output_uninit(t):
    P(t, "ringbuf_output_uninit", "bpf_ringbuf_output of 16 bytes of which 8 are unset."
      " Root may: the kernel lets privileged programs read uninitialised stack.",
      "*(u64 *)(r10 - 8) = 7\nr1 = rb ll\nr2 = r10\nr2 += -16\nr3 = 16\nr4 = 0\n"
      "call bpf_ringbuf_output\nr0 = 0\nexit", maps=[RB])


def f_tail_ok(t):
    P(t, "tail_call", "a tail call through a prog_array, falling through when it fails.",
      "r2 = jmp ll\nr3 = 0\ncall bpf_tail_call\nr0 = 0\nexit", maps=[PA])


def f_tail_wrong_map(t):
    P(t, "tail_call_wrong_map", "a tail call through an array map instead of a prog_array.",
      "r2 = arr ll\nr3 = 0\ncall bpf_tail_call\nr0 = 0\nexit", maps=[ARR])


def f_tail_no_ctx(t):
    P(t, "tail_call_ctx_clobbered", "a tail call whose r1 is not the context.",
      "r1 = 0\nr2 = jmp ll\nr3 = 0\ncall bpf_tail_call\nr0 = 0\nexit", maps=[PA])


def f_tail_index_uninit(t):
    P(t, "tail_call_no_index", "a tail call without setting the index r3.",
      "r2 = jmp ll\ncall bpf_tail_call\nr0 = 0\nexit", maps=[PA])


def f_tail_in_subprog(t):
    P(t, "tail_call_in_subprog", "a tail call from a subprogram with a small stack.",
      "call f\nexit", maps=[PA],
      subs=sub("f", "r2 = jmp ll\nr3 = 0\ncall bpf_tail_call\nr0 = 0\nexit"))


def f_unknown_helper(t):
    P(t, "unknown_helper", "calls helper 999, which does not exist.", "call 999\nr0 = 0\nexit")


def f_helper_zero(t):
    P(t, "helper_zero", "calls helper 0 (BPF_FUNC_unspec).", "call 0\nr0 = 0\nexit")


def f_ptr_cmp(t):
    P(t, "pointer_compare", "compares two stack pointers: allowed for root.",
      "r1 = r10\nr2 = r10\nr2 += -8\nr0 = 0\nif r1 > r2 goto out\nr0 = 1\nout:\nexit")


def f_ptr_leak_ret(t):
    P(t, "pointer_returned", "returns the frame pointer as the program's result.",
      "r0 = r10\nexit")


def f_ptr_sub(t):
    P(t, "pointer_subtract", "subtracts two stack pointers: a scalar, allowed.",
      "r1 = r10\nr2 = r10\nr2 += -8\nr1 -= r2\nr0 = r1\nr0 = 0\nexit")


def f_ptr_mul(t):
    P(t, "pointer_multiply", "multiplies a pointer: pointer arithmetic other than add/sub.",
      "r1 = r10\nr1 *= 2\nr0 = 0\nexit")


def f_ptr_32bit(t):
    P(t, "pointer_alu32", "32-bit arithmetic on a pointer.", "w1 = w10\nw1 += 1\nr0 = 0\nexit")


def f_ptr_or(t):
    P(t, "pointer_bitwise", "ORs a stack pointer with a constant.",
      "r1 = r10\nr1 |= 1\nr0 = 0\nexit")


def f_ptr_neg(t):
    P(t, "pointer_negate", "negates a pointer.", "r1 = r10\nr1 = -r1\nr0 = 0\nexit")


def f_ptr_add_ptr(t):
    P(t, "pointer_plus_pointer", "adds two pointers.",
      "r2 = r10\nr2 += r1\nr0 = 0\nexit")


def f_spill_fill(t):
    P(t, "spill_fill_ctx", "spills the context pointer to the stack and fills it back.",
      f"*(u64 *)(r10 - 8) = r1\nr1 = 0\nr1 = *(u64 *)(r10 - 8)\n"
      f"r0 = *({TYPES[t]['field'][1]} *)(r1 + {TYPES[t]['field'][0]})\nr0 = 0\nexit")


def f_spill_partial(t):
    P(t, "spill_partial_fill", "fills 4 bytes of a spilled pointer and dereferences it.",
      "*(u64 *)(r10 - 8) = r10\nr1 = *(u32 *)(r10 - 8)\nr0 = *(u64 *)(r1 + 0)\nr0 = 0\nexit")


def f_spill_overwrite(t):
    P(t, "spill_overwritten_byte",
      "overwrites one byte of a spilled pointer, fills the slot and dereferences it.",
      "*(u64 *)(r10 - 8) = r10\n*(u8 *)(r10 - 8) = 0\nr1 = *(u64 *)(r10 - 8)\n"
      "r0 = *(u64 *)(r1 - 8)\nr0 = 0\nexit")


def f_spill_map_value(t):
    P(t, "spill_map_value", "spills a checked map value pointer, fills it and writes through it.",
      LOOKUP_ARR + "if r0 == 0 goto out\n*(u64 *)(r10 - 16) = r0\nr1 = *(u64 *)(r10 - 16)\n"
      "*(u64 *)(r1 + 0) = 1\nout:\nr0 = 0\nexit", maps=[ARR])


def f_scalar_deref(t):
    P(t, "scalar_deref", "dereferences a number.", "r1 = 4096\nr0 = *(u64 *)(r1 + 0)\nexit")


def f_null_deref(t):
    P(t, "null_deref", "dereferences the constant 0.", "r1 = 0\nr0 = *(u8 *)(r1 + 0)\nexit")


def f_probe_read(t):
    P(t, "probe_read_kernel", "copies 8 bytes of kernel memory to the stack.",
      "r1 = r10\nr1 += -8\nr2 = 8\nr3 = 0\ncall bpf_probe_read_kernel\nr0 = 0\nexit")


def f_probe_read_nongpl(t):
    P(t, "probe_read_kernel_nongpl", "bpf_probe_read_kernel (GPL-only) without a GPL license.",
      "r1 = r10\nr1 += -8\nr2 = 8\nr3 = 0\ncall bpf_probe_read_kernel\nr0 = 0\nexit",
      lic="Proprietary")


def f_probe_read_too_big(t):
    P(t, "probe_read_past_stack", "copies 16 bytes into an 8-byte stack buffer at r10 - 8.",
      "r1 = r10\nr1 += -8\nr2 = 16\nr3 = 0\ncall bpf_probe_read_kernel\nr0 = 0\nexit")


def f_probe_read_zero(t):
    P(t, "probe_read_size_zero", "bpf_probe_read_kernel with size 0: a zero size is allowed.",
      "r1 = r10\nr1 += -8\nr2 = 0\nr3 = 0\ncall bpf_probe_read_kernel\nr0 = 0\nexit")


def f_probe_read_var(t):
    P(t, "probe_read_var_size", "the size is a random value masked to 0..7.",
      "call bpf_get_prandom_u32\nr2 = r0\nr2 &= 7\nr1 = r10\nr1 += -8\nr3 = 0\n"
      "call bpf_probe_read_kernel\nr0 = 0\nexit")


def f_probe_read_var_unb(t):
    P(t, "probe_read_unbounded_size", "the size is an unbounded random value.",
      "call bpf_get_prandom_u32\nr2 = r0\nr1 = r10\nr1 += -8\nr3 = 0\n"
      "call bpf_probe_read_kernel\nr0 = 0\nexit")


def f_comm(t):
    P(t, "get_current_comm", "copies the task name into 16 bytes of stack.",
      "r1 = r10\nr1 += -16\nr2 = 16\ncall bpf_get_current_comm\nr0 = 0\nexit")


def f_comm_ro(t):
    P(t, "get_current_comm_to_ctx", "asks bpf_get_current_comm to write into the context.",
      "r2 = 16\ncall bpf_get_current_comm\nr0 = 0\nexit")


def f_printk_uninit(t):
    P(t, "trace_printk_uninit_fmt", "bpf_trace_printk of a format on uninitialised stack."
      " Root may: the kernel lets privileged programs read uninitialised stack.",
      "r1 = r10\nr1 += -8\nr2 = 8\ncall bpf_trace_printk\nr0 = 0\nexit")


def f_printk_size_reg(t):
    P(t, "trace_printk_size_unset", "bpf_trace_printk without setting the size r2.",
      "*(u64 *)(r10 - 8) = 0\nr1 = r10\nr1 += -8\ncall bpf_trace_printk\nr0 = 0\nexit")


def f_ld_imm64(t):
    P(t, "lddw_constant", "a 64-bit constant load and a shift back to the high half.",
      "r0 = 0x1122334455667788 ll\nr0 >>= 32\nexit")


def f_bswap(t):
    P(t, "bswap_v4", "v4 byte swaps (bswap16/32/64) on a known value.",
      "r0 = 0x1234\nr0 = bswap16 r0\nr0 = bswap32 r0\nr0 = bswap64 r0\nr0 = 0\nexit")


def f_movsx(t):
    P(t, "movsx_ldsx", "v4 sign-extending move and load.",
      "*(u64 *)(r10 - 8) = -1\nr1 = *(s8 *)(r10 - 8)\nr0 = (s16)r1\nr0 = 0\nexit")


def f_gotol(t):
    P(t, "gotol", "a v4 32-bit jump (gotol) over one instruction that a branch reaches.",
      "call bpf_get_prandom_u32\nif r0 == 0 goto l\ngotol +1\nl:\nr0 = 1\nexit")


def f_shift_big(t):
    P(t, "shift_by_64", "shifts left by the immediate 64: out of range for the verifier.",
      "r0 = 1\nr0 <<= 64\nexit")


def f_shift_reg_big(t):
    P(t, "shift_by_reg_unknown", "shifts by a random register amount: the result is unknown, allowed.",
      "call bpf_get_prandom_u32\nr1 = 1\nr1 <<= r0\nr0 = 0\nexit")


def f_invalid_opcode(t):
    P(t, "invalid_opcode", "a reserved opcode (0x8d, a JMP op 8 with BPF_X).",
      ".byte 0x8d, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00\nr0 = 0\nexit")


def f_bad_reg(t):
    P(t, "register_11", "an instruction that names register 11 (encoded by hand).",
      ".byte 0xb7, 0x0b, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00\nr0 = 0\nexit")


def f_reserved_field(t):
    P(t, "reserved_fields_set", "r0 = 0 with a non-zero offset field, which must be zero.",
      ".byte 0xb7, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00\nexit")


def f_helper_ctx_wrong(t):
    P(t, "get_stackid_bad_map",
      "bpf_get_stackid with an array map: it needs a stack_trace map.",
      "r2 = arr ll\nr3 = 0\ncall bpf_get_stackid\nr0 = 0\nexit", maps=[ARR])


def f_redirect(t):
    P(t, "redirect", "calls bpf_redirect, a networking helper.",
      "r1 = 1\nr2 = 0\ncall bpf_redirect\nexit")


def f_skb_load_bytes(t):
    P(t, "skb_load_bytes", "copies 4 packet bytes to the stack with bpf_skb_load_bytes.",
      "r2 = 0\nr3 = r10\nr3 += -4\nr4 = 4\ncall bpf_skb_load_bytes\nr0 = 0\nexit")


def f_smp_id(t):
    P(t, "smp_processor_id", "bpf_get_smp_processor_id and an arithmetic use of it.",
      "call bpf_get_smp_processor_id\nr0 &= 1\nexit")


def f_perf_output(t):
    P(t, "perf_event_output",
      "bpf_perf_event_output of 8 stack bytes to a perf event array, with the context.",
      "*(u64 *)(r10 - 8) = 1\nr2 = pe ll\nr3 = 0xffffffff ll\nr4 = r10\nr4 += -8\nr5 = 8\n"
      "call bpf_perf_event_output\nr0 = 0\nexit",
      maps=["pe, perf_event_array, key=4, value=4, entries=0"])


def f_perf_output_bad_ctx(t):
    P(t, "perf_event_output_no_ctx", "bpf_perf_event_output whose r1 is a stack pointer.",
      "*(u64 *)(r10 - 8) = 1\nr1 = r10\nr1 += -8\nr2 = pe ll\nr3 = 0xffffffff ll\nr4 = r10\n"
      "r4 += -8\nr5 = 8\ncall bpf_perf_event_output\nr0 = 0\nexit",
      maps=["pe, perf_event_array, key=4, value=4, entries=0"])


def f_ctx_write(t):
    f, fsz = TYPES[t]["field"]
    P(t, "ctx_write", f"writes the context field at offset {f}.",
      f"r2 = 0\n*({fsz} *)(r1 + {f}) = r2\nr0 = 0\nexit")


def f_ctx_misaligned(t):
    f, fsz = TYPES[t]["field"]
    P(t, "ctx_misaligned", f"reads a u32 at offset {f + 2} of the context: not on a field.",
      f"r0 = *(u32 *)(r1 + {f + 2})\nr0 = 0\nexit")


def f_ctx_var(t):
    P(t, "ctx_variable_offset", "adds a random value to the context pointer and reads.",
      "r6 = r1\ncall bpf_get_prandom_u32\nr0 &= 8\nr6 += r0\nr0 = *(u32 *)(r6 + 0)\n"
      "r0 = 0\nexit")


def f_ctx_neg(t):
    P(t, "ctx_negative_offset", "reads the context at offset -8.",
      "r0 = *(u64 *)(r1 - 8)\nr0 = 0\nexit")


def f_ctx_arith_back(t):
    f, fsz = TYPES[t]["field"]
    P(t, "ctx_arith_and_back", "moves the context pointer by +8 then -8 before reading.",
      f"r1 += 8\nr1 += -8\nr0 = *({fsz} *)(r1 + {f})\nr0 = 0\nexit")


def f_many_insns(t):
    body = "r0 = 0\n" + "r0 += 1\n" * 200 + "r0 = 0\nexit"
    P(t, "straight_line_200", "200 straight-line additions: a long but simple program.", body)


def f_nested_loop(t):
    P(t, "nested_loops", "two nested loops of 8 iterations each.",
      "r1 = 0\nr0 = 0\nouter:\nr2 = 0\ninner:\nr0 += 1\nr2 += 1\nif r2 < 8 goto inner\n"
      "r1 += 1\nif r1 < 8 goto outer\nr0 = 0\nexit")


def f_loop_stack_index(t):
    P(t, "loop_fills_stack", "a loop that zeroes 8 stack slots through a moving pointer.",
      "r1 = r10\nr1 += -64\nr2 = 0\nloop:\n*(u64 *)(r1 + 0) = 0\nr1 += 8\nr2 += 1\n"
      "if r2 < 8 goto loop\nr0 = *(u64 *)(r10 - 64)\nr0 = 0\nexit")


def f_loop_stack_overrun(t):
    P(t, "loop_stack_overrun", "the same loop one iteration too many: it writes at r10 + 0.",
      "r1 = r10\nr1 += -64\nr2 = 0\nloop:\n*(u64 *)(r1 + 0) = 0\nr1 += 8\nr2 += 1\n"
      "if r2 < 9 goto loop\nr0 = 0\nexit")


def f_bpf_loop(t):
    P(t, "bpf_loop_callback", "bpf_loop with a callback subprogram that returns 0.",
      "r1 = 10\nr2 = cb ll\nr3 = 0\nr4 = 0\ncall bpf_loop\nr0 = 0\nexit",
      subs=sub("cb", "r0 = 0\nexit"))


rot([
    (3, f_stack_misaligned), (2, f_stack_misaligned_u32), (2, f_stack_u8_ok),
    (3, f_stack_var_off), (2, f_stack_var_unbounded),
    (3, f_div_zero_reg), (3, f_div_imm_zero), (2, f_mod_imm_zero), (2, f_div32), (2, f_sdiv),
    (2, f_smod), (2, f_div_uninit),
    (3, f_loop_random_bound), (2, f_loop_unbounded), (2, f_back_edge_self), (2, f_loop_down),
    (2, f_loop_32bit), (2, f_jump_oob), (2, f_jump_backwards_oob), (2, f_fall_off),
    (2, f_unreach_mid), (2, f_dead_branch), (2, f_dead_branch_bad), (2, f_ld_imm64_mid),
    (3, f_r10_add), (2, f_r10_copy), (2, f_r10_load),
    (3, f_call_ok), (2, f_call_uninit_callee), (2, f_call_clobber), (2, f_call_stack_ptr),
    (2, f_call_uninit_ret), (2, f_call_keep_r6), (2, f_call_recursion), (2, f_call_ctx),
    (["xdp", "rtp", "kp", "tc", "tp", "sock"], f_call_deep_stack), (2, f_call_bad_stack),
    (2, f_atomic_add), (2, f_atomic_uninit), (2, f_atomic_fetch), (2, f_atomic_xchg),
    (2, f_atomic_cmpxchg), (1, f_atomic_cmpxchg_uninit_r0), (3, f_atomic_ctx),
    (2, f_atomic_misaligned), (2, f_atomic32), (2, f_atomic_map), (1, f_atomic_spill_ptr),
    (2, f_w_zero_ext), (2, f_w_bounds_map), (2, f_w_bounds_map_oob), (2, f_w_jmp32_bound),
    (2, f_w_jmp32_upper), (2, f_signed_bound), (2, f_signed_bound_ok), (2, f_jset),
    (3, f_map_oob), (2, f_map_neg), (2, f_map_write), (2, f_map_null_wrong_branch),
    (2, f_map_null_copy), (2, f_map_ptr_arith_null), (3, f_map_key_uninit), (3, f_arr_const_key), (2, f_arr_key_oob), (2, f_arr_var_key),
    (2, f_map_key_scalar), (2, f_map_key_short), (2, f_map_not_map), (2, f_map_update_ok),
    (2, f_map_update_value_uninit), (2, f_map_update_flags_uninit), (1, f_map_delete),
    (2, f_map_value_as_key), (2, f_map_ptr_store), (2, f_map_ptr_deref),
    (2, f_map_var_off_unbounded), (2, f_map_value_misaligned),
    (3, f_ringbuf_leak), (3, f_ringbuf_ok), (2, f_ringbuf_null), (2, f_ringbuf_leak_branch),
    (2, f_ringbuf_oob), (2, f_ringbuf_double), (2, f_ringbuf_var_size), (2, f_ringbuf_output),
    (2, f_ringbuf_output_uninit),
    (3, f_tail_ok), (2, f_tail_wrong_map), (2, f_tail_no_ctx), (2, f_tail_index_uninit),
    (2, f_tail_in_subprog),
    (2, f_unknown_helper), (1, f_helper_zero),
    (2, f_ptr_cmp), (2, f_ptr_leak_ret), (2, f_ptr_sub), (2, f_ptr_mul), (2, f_ptr_32bit),
    (2, f_ptr_or), (1, f_ptr_neg), (2, f_ptr_add_ptr),
    (2, f_spill_fill), (2, f_spill_partial), (2, f_spill_overwrite), (2, f_spill_map_value),
    (2, f_scalar_deref), (2, f_null_deref),
    (["kp", "tp", "rtp", "xdp"], f_probe_read), (["kp", "tp"], f_probe_read_nongpl),
    (["kp", "rtp"], f_probe_read_too_big), (["tp"], f_probe_read_zero),
    (["kp", "rtp"], f_probe_read_var), (["tp", "kp"], f_probe_read_var_unb),
    (["kp", "tp", "xdp"], f_comm), (["rtp"], f_comm_ro),
    (["sock", "tc"], f_printk_uninit), (["kp"], f_printk_size_reg),
    (2, f_ld_imm64), (2, f_bswap), (2, f_movsx), (2, f_gotol), (2, f_shift_big),
    (2, f_shift_reg_big), (2, f_invalid_opcode), (2, f_bad_reg), (2, f_reserved_field),
    (["kp", "tp", "xdp"], f_helper_ctx_wrong),
    (["xdp", "tc", "sock", "kp"], f_redirect), (["tc", "sock", "xdp", "rtp"], f_skb_load_bytes),
    (2, f_smp_id), (["kp", "tp", "xdp", "tc", "sock", "rtp"], f_perf_output),
    (["kp", "xdp"], f_perf_output_bad_ctx),
    (["xdp", "sock", "kp", "tp", "rtp"], f_ctx_write), (["xdp", "kp", "tp", "tc"], f_ctx_misaligned),
    (["xdp", "tc", "kp"], f_ctx_var), (["rtp", "sock", "tp"], f_ctx_neg),
    (["xdp", "kp"], f_ctx_arith_back),
    (2, f_many_insns), (2, f_nested_loop), (2, f_loop_stack_index), (2, f_loop_stack_overrun),
    (["xdp", "kp", "tc"], f_bpf_loop),
])

# ---------------------------------------------------------------- packets (xdp, tc)
def pkt(t, topic, desc, body, **kw):
    d, e = TYPES[t]["data"], TYPES[t]["end"]
    head = f"r2 = *(u32 *)(r1 + {d})\nr3 = *(u32 *)(r1 + {e})\n"
    P(t, topic, desc, head + body, **kw)


for t in PKT:
    ret = "2" if t == "xdp" else "0"
    pkt(t, "pkt_no_check", "reads the first packet byte without comparing with data_end.",
        f"r0 = *(u8 *)(r2 + 0)\nr0 = {ret}\nexit")
    pkt(t, "pkt_checked", "checks data + 14 <= data_end, then reads the ethertype.",
        f"r4 = r2\nr4 += 14\nif r4 > r3 goto out\nr0 = *(u16 *)(r2 + 12)\nout:\nr0 = {ret}\n"
        "exit")
    pkt(t, "pkt_off_by_one", "checks 13 bytes and reads the u16 at offset 12: one byte past.",
        f"r4 = r2\nr4 += 13\nif r4 > r3 goto out\nr0 = *(u16 *)(r2 + 12)\nout:\nr0 = {ret}\n"
        "exit")
    pkt(t, "pkt_ge_check", "checks with >= instead of >: data + 14 < data_end proves 15 bytes.",
        f"r4 = r2\nr4 += 14\nif r4 >= r3 goto out\nr0 = *(u8 *)(r2 + 14)\nout:\nr0 = {ret}\n"
        "exit")
    pkt(t, "pkt_ge_check_oob", "with >= the check proves 15 bytes, the read at 15 is past.",
        f"r4 = r2\nr4 += 14\nif r4 >= r3 goto out\nr0 = *(u8 *)(r2 + 15)\nout:\nr0 = {ret}\n"
        "exit")
    pkt(t, "pkt_wrong_branch", "reads on the branch where data + 14 > data_end.",
        f"r4 = r2\nr4 += 14\nif r4 <= r3 goto out\nr0 = *(u8 *)(r2 + 0)\nout:\nr0 = {ret}\n"
        "exit")
    pkt(t, "pkt_end_first", "the comparison written data_end < data + 14: the same proof.",
        f"r4 = r2\nr4 += 14\nif r3 < r4 goto out\nr0 = *(u16 *)(r2 + 12)\nout:\nr0 = {ret}\n"
        "exit")
    pkt(t, "pkt_write", "writes a packet byte after the check.",
        f"r4 = r2\nr4 += 1\nif r4 > r3 goto out\n*(u8 *)(r2 + 0) = 0xff\nout:\nr0 = {ret}\n"
        "exit")
    pkt(t, "pkt_end_deref", "dereferences data_end itself.",
        f"r0 = *(u8 *)(r3 + 0)\nr0 = {ret}\nexit")
    pkt(t, "pkt_end_arith", "adds to data_end: no arithmetic on pkt_end.",
        f"r3 += 1\nr0 = {ret}\nexit")
    pkt(t, "pkt_negative_off", "reads one byte before data after a check.",
        f"r4 = r2\nr4 += 14\nif r4 > r3 goto out\nr0 = *(u8 *)(r2 - 1)\nout:\nr0 = {ret}\n"
        "exit")
    pkt(t, "pkt_var_off_checked",
        "a variable offset 0..15 added to data, then a check of 1 byte past it: allowed.",
        f"r6 = r2\nr7 = r3\ncall bpf_get_prandom_u32\nr0 &= 15\nr6 += r0\nr4 = r6\nr4 += 1\n"
        f"if r4 > r7 goto out\nr0 = *(u8 *)(r6 + 0)\nout:\nr0 = {ret}\nexit")
    pkt(t, "pkt_var_off_unbounded",
        "an unbounded random offset added to data: the range cannot be proven.",
        f"r6 = r2\nr7 = r3\ncall bpf_get_prandom_u32\nr6 += r0\nr4 = r6\nr4 += 1\n"
        f"if r4 > r7 goto out\nr0 = *(u8 *)(r6 + 0)\nout:\nr0 = {ret}\nexit")
    pkt(t, "pkt_check_then_clobber", "checks, then a helper call that may move the packet "
        "(bpf_xdp_adjust_head / bpf_skb_pull_data) invalidates the pointer.",
        f"r6 = r1\nr7 = r2\nr4 = r2\nr4 += 14\nif r4 > r3 goto out\nr1 = r6\nr2 = 0\n"
        f"call {'bpf_xdp_adjust_head' if t == 'xdp' else 'bpf_skb_pull_data'}\n"
        f"r0 = *(u8 *)(r7 + 0)\nout:\nr0 = {ret}\nexit")
    pkt(t, "pkt_recheck_after_helper", "reloads data and data_end after the helper and checks "
        "again: allowed.",
        f"r6 = r1\nr1 = r6\nr2 = 0\n"
        f"call {'bpf_xdp_adjust_head' if t == 'xdp' else 'bpf_skb_pull_data'}\n"
        f"r2 = *(u32 *)(r6 + {TYPES[t]['data']})\nr3 = *(u32 *)(r6 + {TYPES[t]['end']})\n"
        f"r4 = r2\nr4 += 1\nif r4 > r3 goto out\nr0 = *(u8 *)(r2 + 0)\nout:\nr0 = {ret}\nexit")
    pkt(t, "pkt_big_check", "checks 0xffff bytes of packet (MAX_PACKET_OFF, the most a check proves) and reads at 0x7ff0.",
        f"r4 = r2\nr4 += 0xffff\nif r4 > r3 goto out\nr0 = *(u8 *)(r2 + 0x7ff0)\nout:\n"
        f"r0 = {ret}\nexit")
    pkt(t, "pkt_u64_misaligned",
        "reads a u64 at packet offset 2: root without strict alignment may.",
        f"r4 = r2\nr4 += 16\nif r4 > r3 goto out\nr0 = *(u64 *)(r2 + 2)\nout:\nr0 = {ret}\n"
        "exit")
    pkt(t, "pkt_ptr_to_map", "stores a packet pointer into a map value: a leak root may do.",
        LOOKUP_ARR.replace("r2 = r10", "r6 = r2\nr2 = r10") +
        f"if r0 == 0 goto out\n*(u64 *)(r0 + 0) = r6\nout:\nr0 = {ret}\nexit", maps=[ARR])
    pkt(t, "pkt_as_map_key", "uses 4 checked packet bytes as a map key.",
        f"r4 = r2\nr4 += 4\nif r4 > r3 goto out\nr1 = arr ll\ncall bpf_map_lookup_elem\n"
        f"out:\nr0 = {ret}\nexit", maps=[ARR])
    pkt(t, "pkt_as_map_key_unchecked", "uses packet bytes as a map key without a check.",
        f"r1 = arr ll\ncall bpf_map_lookup_elem\nr0 = {ret}\nexit", maps=[ARR])
    pkt(t, "pkt_cmp_scalar", "compares data_end with a number: the check proves nothing.",
        f"if r3 < 100 goto out\nr0 = *(u8 *)(r2 + 0)\nout:\nr0 = {ret}\nexit")
    pkt(t, "pkt_two_checks", "two successive checks, the larger one wins for later reads.",
        f"r4 = r2\nr4 += 4\nif r4 > r3 goto out\nr4 = r2\nr4 += 20\nif r4 > r3 goto out\n"
        f"r0 = *(u32 *)(r2 + 16)\nout:\nr0 = {ret}\nexit")
    pkt(t, "pkt_check_copy", "the check is made on a copy of data; the original is refined.",
        f"r5 = r2\nr4 = r5\nr4 += 8\nif r4 > r3 goto out\nr0 = *(u32 *)(r2 + 4)\nout:\n"
        f"r0 = {ret}\nexit")
    pkt(t, "pkt_u32_ctx_read_as_u64", "reads the data field of the context as a u64.",
        f"r2 = *(u64 *)(r1 + {TYPES[t]['data']})\nr0 = {ret}\nexit")
    pkt(t, "pkt_meta_checked", "reads data_meta and checks it against data: metadata access.",
        f"r4 = *(u32 *)(r1 + {TYPES[t]['meta']})\nr5 = r4\nr5 += 4\nif r5 > r2 goto out\n"
        f"r0 = *(u32 *)(r4 + 0)\nout:\nr0 = {ret}\nexit")
    pkt(t, "pkt_meta_unchecked", "reads metadata without the check against data.",
        f"r4 = *(u32 *)(r1 + {TYPES[t]['meta']})\nr0 = *(u32 *)(r4 + 0)\nr0 = {ret}\nexit")
    pkt(t, "pkt_ptr_sub", "subtracts data from data_end: the packet length, a scalar.",
        f"r3 -= r2\nr0 = r3\nr0 = {ret}\nexit")
    pkt(t, "pkt_loop_scan", "scans up to 8 packet bytes in a bounded loop, checking each.",
        f"r5 = 0\nloop:\nr4 = r2\nr4 += r5\nr6 = r4\nr6 += 1\nif r6 > r3 goto out\n"
        f"r0 = *(u8 *)(r4 + 0)\nr5 += 1\nif r5 < 8 goto loop\nout:\nr0 = {ret}\nexit")

# XDP specifics
P("xdp", "ret_pass", "returns XDP_PASS (2).", "r0 = 2\nexit")
P("xdp", "ret_large", "returns 1000, not an XDP action: not checked for XDP.", "r0 = 1000\nexit")
P("xdp", "ret_uninit_on_branch", "r0 is set on one path only.",
  "r1 = *(u32 *)(r1 + 16)\nif r1 == 0 goto out\nr0 = 2\nout:\nexit")
P("xdp", "adjust_tail", "bpf_xdp_adjust_tail with the context.",
  "r2 = -4\ncall bpf_xdp_adjust_tail\nr0 = 2\nexit")
P("xdp", "adjust_head_scalar_ctx", "bpf_xdp_adjust_head whose r1 is a number.",
  "r1 = 0\nr2 = 0\ncall bpf_xdp_adjust_head\nr0 = 2\nexit")
P("xdp", "redirect_map_devmap", "bpf_redirect_map through a devmap.",
  "r1 = dm ll\nr2 = 0\nr3 = 2\ncall bpf_redirect_map\nexit",
  maps=["dm, devmap, key=4, value=4, entries=4"])
P("xdp", "redirect_map_array", "bpf_redirect_map through an array map.",
  "r1 = arr ll\nr2 = 0\nr3 = 2\ncall bpf_redirect_map\nexit", maps=[ARR])
P("xdp", "egress_ifindex", "reads egress_ifindex: only for devmap programs.",
  "r0 = *(u32 *)(r1 + 20)\nr0 = 2\nexit")
P("xdp", "ctx_u16_read", "reads data as a u16: narrower than the field.",
  "r0 = *(u16 *)(r1 + 0)\nr0 = 2\nexit")
P("xdp", "rx_queue_index", "reads rx_queue_index and ingress_ifindex.",
  "r0 = *(u32 *)(r1 + 16)\nr0 = *(u32 *)(r1 + 12)\nr0 = 2\nexit")
P("xdp", "fib_lookup_small_buf", "bpf_fib_lookup with a 16-byte buffer, smaller than struct bpf_fib_lookup"
  " (the size is checked when it runs, not by the verifier).",
  "r6 = r1\nr2 = r10\nr2 += -16\n*(u64 *)(r10 - 16) = 0\n*(u64 *)(r10 - 8) = 0\nr3 = 16\n"
  "r4 = 0\ncall bpf_fib_lookup\nr0 = 2\nexit")
P("xdp", "get_current_pid_tgid", "bpf_get_current_pid_tgid from XDP (this kernel has it in the base helper set).",
  "call bpf_get_current_pid_tgid\nr0 = 2\nexit")
P("xdp", "classic_ok", "classic mnemonic syntax: bounds check and a byte read.",
  "ldxw %r2, [%r1+0]\nldxw %r3, [%r1+4]\nmov %r4, %r2\nadd %r4, 1\njgt %r4, %r3, out\n"
  "ldxb %r0, [%r2+0]\nout:\nmov %r0, 2\nexit")
P("xdp", "classic_no_check", "classic mnemonic syntax: the byte read without the check.",
  "ldxw %r2, [%r1+0]\nldxb %r0, [%r2+0]\nmov %r0, 2\nexit")

# tc specifics
P("tc", "write_mark", "writes skb->mark: writable for tc.", "r2 = 1\n*(u32 *)(r1 + 8) = r2\nr0 = 0\nexit")
P("tc", "write_len", "writes skb->len: read-only.", "r2 = 1\n*(u32 *)(r1 + 0) = r2\nr0 = 0\nexit")
P("tc", "write_cb", "writes skb->cb[0].", "r2 = 1\n*(u32 *)(r1 + 48) = r2\nr0 = 0\nexit")
P("tc", "read_tc_classid", "reads tc_classid, a tc-only field.", "r0 = *(u32 *)(r1 + 112)\nr0 = 0\nexit")
P("tc", "write_tc_classid", "writes tc_classid.", "r2 = 1\n*(u32 *)(r1 + 112) = r2\nr0 = 0\nexit")
P("tc", "read_sk", "reads the sk pointer field and dereferences it without a NULL check.",
  "r2 = *(u64 *)(r1 + 168)\nr0 = *(u32 *)(r2 + 0)\nr0 = 0\nexit")
P("tc", "skb_store_bytes", "bpf_skb_store_bytes of 4 stack bytes.",
  "*(u32 *)(r10 - 4) = 0\nr2 = 0\nr3 = r10\nr3 += -4\nr4 = 4\nr5 = 0\n"
  "call bpf_skb_store_bytes\nr0 = 0\nexit")
P("tc", "skb_store_bytes_uninit", "bpf_skb_store_bytes from uninitialised stack."
      " Root may: the kernel lets privileged programs read uninitialised stack.",
  "r2 = 0\nr3 = r10\nr3 += -4\nr4 = 4\nr5 = 0\ncall bpf_skb_store_bytes\nr0 = 0\nexit")
P("tc", "ret_act_shot", "returns TC_ACT_SHOT (2).", "r0 = 2\nexit")
P("tc", "ret_negative", "returns -1 (TC_ACT_UNSPEC): no range check for tc.", "r0 = -1\nexit")
P("tc", "get_current_comm", "bpf_get_current_comm from tc (this kernel has it in the base helper set).",
  "r1 = r10\nr1 += -16\nr2 = 16\ncall bpf_get_current_comm\nr0 = 0\nexit")
P("tc", "ld_abs", "a legacy packet load (ld_abs) with r6 = ctx: allowed for tc.",
  "r6 = r1\nr0 = *(u8 *)skb[12]\nr0 = 0\nexit")

# socket filter specifics
P("sock", "read_data", "reads skb->data: socket filters have no direct packet access.",
  "r0 = *(u32 *)(r1 + 76)\nr0 = 0\nexit")
P("sock", "write_mark", "writes skb->mark: not writable for socket filters.",
  "r2 = 1\n*(u32 *)(r1 + 8) = r2\nr0 = 0\nexit")
P("sock", "write_cb", "writes skb->cb[1]: the scratch area is writable.",
  "r2 = 1\n*(u32 *)(r1 + 52) = r2\nr0 = 0\nexit")
P("sock", "read_cb_uninit_ok", "reads skb->cb[4]: the context is always readable.",
  "r0 = *(u32 *)(r1 + 64)\nexit")
P("sock", "ld_abs", "ld_abs of the ethertype with r6 = ctx.",
  "r6 = r1\nr0 = *(u16 *)skb[12]\nr0 = 0\nexit")
P("sock", "ld_abs_no_r6", "ld_abs without setting r6 to the context.",
  "r0 = *(u16 *)skb[12]\nr0 = 0\nexit")
P("sock", "ld_abs_r6_not_ctx", "ld_abs with r6 = a number.",
  "r6 = 0\nr0 = *(u16 *)skb[12]\nr0 = 0\nexit")
P("sock", "ld_ind", "ld_ind: a legacy load at r7 + 14 with r6 = ctx.",
  "r6 = r1\nr7 = 0\nr0 = *(u8 *)skb[r7 + 14]\nr0 = 0\nexit")
P("sock", "ld_abs_clobbers", "ld_abs scratches r1-r5 like a call: r2 is unset after it.",
  "r6 = r1\nr2 = 1\nr0 = *(u8 *)skb[0]\nr0 = r2\nexit")
P("sock", "classic_ldabs", "classic mnemonic ldabsh with r6 = ctx.",
  "mov %r6, %r1\nldabsh 12\nmov %r0, 0\nexit")
P("sock", "get_socket_cookie", "bpf_get_socket_cookie of the skb.",
  "call bpf_get_socket_cookie\nr0 = 0\nexit")
P("sock", "get_socket_uid", "bpf_get_socket_uid of the skb.", "call bpf_get_socket_uid\nr0 = 0\nexit")
P("sock", "ret_truncate", "returns 64: keep at most 64 bytes of the packet.", "r0 = 64\nexit")
P("sock", "probe_read_kernel", "bpf_probe_read_kernel from a socket filter.",
  "r1 = r10\nr1 += -8\nr2 = 8\nr3 = 0\ncall bpf_probe_read_kernel\nr0 = 0\nexit")

# kprobe / tracepoint / raw tracepoint specifics
P("kp", "read_regs_di", "reads pt_regs->di (offset 112), the first argument on x86-64.",
  "r0 = *(u64 *)(r1 + 112)\nr0 = 0\nexit")
P("kp", "read_regs_u32", "reads the low half of a pt_regs field.",
  "r0 = *(u32 *)(r1 + 112)\nr0 = 0\nexit")
P("kp", "read_regs_unaligned", "reads a u64 at offset 4: not aligned to its size.",
  "r0 = *(u64 *)(r1 + 4)\nr0 = 0\nexit")
P("kp", "probe_read_arg", "bpf_probe_read_kernel of 8 bytes at the first argument.",
  "r3 = *(u64 *)(r1 + 112)\nr1 = r10\nr1 += -8\nr2 = 8\ncall bpf_probe_read_kernel\n"
  "r0 = *(u64 *)(r10 - 8)\nr0 = 0\nexit")
P("kp", "probe_read_user_str", "bpf_probe_read_user_str into 32 bytes of stack.",
  "r3 = *(u64 *)(r1 + 112)\nr1 = r10\nr1 += -32\nr2 = 32\ncall bpf_probe_read_user_str\n"
  "r0 = 0\nexit")
P("kp", "ret_one", "a kprobe returning 1: not range-checked.", "r0 = 1\nexit")
P("kp", "get_current_task", "bpf_get_current_task, used as a number.",
  "call bpf_get_current_task\nr0 = 0\nexit")
P("kp", "send_signal", "bpf_send_signal(9) from a kprobe.",
  "r1 = 9\ncall bpf_send_signal\nr0 = 0\nexit")
P("kp", "skb_load_bytes", "bpf_skb_load_bytes from a kprobe: a networking helper.",
  "r2 = 0\nr3 = r10\nr3 += -4\nr4 = 4\ncall bpf_skb_load_bytes\nr0 = 0\nexit")
P("tp", "read_common", "reads the common header (u16 type at offset 0).",
  "r0 = *(u16 *)(r1 + 0)\nr0 = 0\nexit")
P("tp", "read_args", "reads the syscall number (offset 8) and first argument (offset 16).",
  "r2 = *(u64 *)(r1 + 8)\nr3 = *(u64 *)(r1 + 16)\nr0 = 0\nexit")
P("tp", "read_unaligned", "reads a u64 at offset 12.", "r0 = *(u64 *)(r1 + 12)\nr0 = 0\nexit")
P("tp", "get_stackid", "bpf_get_stackid into a stack_trace map.",
  "r2 = st ll\nr3 = 0\ncall bpf_get_stackid\nr0 = 0\nexit",
  maps=["st, stack_trace, key=4, value=64, entries=16"])
P("tp", "get_stack_uninit_buf", "bpf_get_stack into a stack buffer: it need not be initialised.",
  "r2 = r10\nr2 += -64\nr3 = 64\nr4 = 0\ncall bpf_get_stack\nr0 = 0\nexit")
P("tp", "ret_two", "a tracepoint returning 2: not range-checked.", "r0 = 2\nexit")
P("tp", "redirect", "bpf_redirect from a tracepoint.", "r1 = 1\nr2 = 0\ncall bpf_redirect\nr0 = 0\nexit")
P("rtp", "read_arg0", "reads args[0] as u64.", "r0 = *(u64 *)(r1 + 0)\nr0 = 0\nexit")
P("rtp", "read_arg_u32", "reads args[1] as a u32.", "r0 = *(u32 *)(r1 + 8)\nr0 = 0\nexit")
P("rtp", "read_arg11", "reads args[11], the last of the 12 possible arguments.",
  "r0 = *(u64 *)(r1 + 88)\nr0 = 0\nexit")
P("rtp", "probe_read_arg", "follows args[1] with bpf_probe_read_kernel.",
  "r3 = *(u64 *)(r1 + 8)\nr1 = r10\nr1 += -8\nr2 = 8\ncall bpf_probe_read_kernel\nr0 = 0\nexit")
P("rtp", "deref_arg", "dereferences args[1] directly: it is a number here, not a pointer.",
  "r2 = *(u64 *)(r1 + 8)\nr0 = *(u64 *)(r2 + 0)\nr0 = 0\nexit")
P("rtp", "get_stack", "bpf_get_stack into 64 bytes of stack.",
  "r2 = r10\nr2 += -64\nr3 = 64\nr4 = 0\ncall bpf_get_stack\nr0 = 0\nexit")
P("rtp", "classic_ok", "classic syntax: a raw tracepoint reading args[0].",
  "ldxdw %r2, [%r1+0]\nmov %r0, 0\nexit")
P("kp", "classic_uninit", "classic syntax: returns r3, never set.", "mov %r0, %r3\nexit")
P("tp", "classic_stack", "classic syntax: stores and loads a stack slot.",
  "stdw [%r10-8], 3\nldxdw %r0, [%r10-8]\nexit")
P("tc", "classic_pkt", "classic syntax: a tc packet bounds check and a u16 read.",
  "ldxw %r2, [%r1+76]\nldxw %r3, [%r1+80]\nmov %r4, %r2\nadd %r4, 14\njgt %r4, %r3, out\n"
  "ldxh %r0, [%r2+12]\nout:\nmov %r0, 0\nexit")

P("kp", "classic_div_imm_zero", "classic syntax: div by the constant 0.",
  "mov %r0, 1\ndiv %r0, 0\nexit")
P("tc", "classic_loop", "classic syntax: a loop of 4 iterations with jlt back.",
  "mov %r1, 0\nloop:\nadd %r1, 1\njlt %r1, 4, loop\nmov %r0, 0\nexit")
P("rtp", "classic_r10_write", "classic syntax: mov %r10, 0.", "mov %r10, 0\nmov %r0, 0\nexit")
P("xdp", "classic_helper_call", "classic syntax: call 7 (bpf_get_prandom_u32) by number.",
  "call 7\nand %r0, 1\nexit")
P("sock", "classic_lock_xadd", "classic syntax: lock add into an initialised stack slot.",
  "stdw [%r10-8], 0\nmov %r1, 1\nlock add [%r10-8], %r1\nmov %r0, 0\nexit")
P("tp", "classic_call_local", "classic syntax: call local f, a subprogram.",
  "call local f\nexit", subs=sub("f", "mov %r0, 0\nexit"))

# return values (types with a range: cgroup skb, sk_lookup, cgroup sock)
for v, what in (("0", "0 (drop)"), ("1", "1 (allow)"), ("2", "2, outside [0, 1]"),
                ("-1", "-1, outside [0, 1]")):
    P("cgskb", f"ret_{v.replace('-', 'm')}", f"a cgroup skb program returning {what}.",
      f"r0 = {v}\nexit", sec="cgroup_skb/ingress")
P("cgskb", "ret_random", "returns a random value: unknown, outside [0, 1].",
  "call bpf_get_prandom_u32\nexit", sec="cgroup_skb/ingress")
P("cgskb", "ret_masked", "returns a random value masked with 1: in [0, 1].",
  "call bpf_get_prandom_u32\nr0 &= 1\nexit", sec="cgroup_skb/ingress")
P("cgskb", "ret_w_masked", "returns w0 & 3 from a 32-bit and: up to 3, outside [0, 1].",
  "call bpf_get_prandom_u32\nw0 &= 3\nexit", sec="cgroup_skb/ingress")
P("cgskb", "ret_pointer", "returns the frame pointer.", "r0 = r10\nexit",
  sec="cgroup_skb/ingress")
P("cgsock", "ret_2", "a cgroup sock program returning 2.", "r0 = 2\nexit",
  sec="cgroup/sock_create")
P("cgsock", "ret_1", "a cgroup sock program returning 1.", "r0 = 1\nexit",
  sec="cgroup/sock_create")
P("sklookup", "ret_2", "an sk_lookup program returning 2, outside SK_DROP..SK_PASS.",
  "r0 = 2\nexit", sec="sk_lookup")
P("sklookup", "ret_pass", "an sk_lookup program returning SK_PASS (1).", "r0 = 1\nexit",
  sec="sk_lookup")

# no license
P("kp", "no_license_printk", "no license section at all: bpf_trace_printk (GPL-only).",
  "r1 = 0x0a6968\n*(u64 *)(r10 - 8) = r1\nr1 = r10\nr1 += -8\nr2 = 4\n"
  "call bpf_trace_printk\nr0 = 0\nexit", lic=None)
P("kp", "no_license_ok", "no license section: helpers that are not GPL-only are fine.",
  "call bpf_ktime_get_ns\nr0 = 0\nexit", lic=None)
P("xdp", "dual_license_printk", "\"Dual BSD/GPL\" counts as GPL-compatible.",
  "r1 = 0x0a6968\n*(u64 *)(r10 - 8) = r1\nr1 = r10\nr1 += -8\nr2 = 4\n"
  "call bpf_trace_printk\nr0 = 2\nexit", lic="Dual BSD/GPL")


# ---------------------------------------------------------------- callbacks (issue 5)
# bpf_loop, bpf_for_each_map_elem and bpf_find_vma call a static subprogram of the
# program: the verifier walks it in a frame of its own with the arguments the helper
# passes, demands R0 in [0, 1] at its exit and comes back to the call until the
# iterations converge.
def loop(n="10", ctx="r3 = 0", flags="0", fn="cb ll"):
    """bpf_loop(n, fn, ctx, flags) from the main function, then return 0."""
    return f"r1 = {n}\nr2 = {fn}\n{ctx}\nr4 = {flags}\ncall bpf_loop\n"


ON_STACK = "r3 = r10\nr3 += -8"  # the callback's ctx: a counter at r10 - 8, zeroed first
ZERO_SLOT = "r1 = 0\n*(u64 *)(r10 - 8) = r1\n"


def cb_prog(t, topic, desc, cb, main=None, maps=(), extra="", ret="0"):
    body = (main if main is not None else loop()) + f"r0 = {ret}\nexit"
    P(t, topic, desc, body, maps=maps, subs=sub("cb", cb) + ("\n" + extra if extra else ""))


COUNTER = "r1 = *(u64 *)(r2 + 0)\nr1 += 1\n*(u64 *)(r2 + 0) = r1\nr0 = 0\nexit"
cb_prog("kp", "loop_cb_counts_in_ctx",
        "bpf_loop's callback increments a counter on the caller's stack through its ctx.",
        COUNTER, main=ZERO_SLOT + loop(ctx=ON_STACK) + "r0 = *(u64 *)(r10 - 8)\n")
cb_prog("tp", "loop_cb_counter_unknown_count",
        "bpf_loop with a random count: the callback's counter must converge (the kernel "
        "widens scalars the callback changes) instead of being unrolled.",
        COUNTER,
        main=ZERO_SLOT + "call bpf_get_prandom_u32\n" + loop(n="r0", ctx=ON_STACK))
cb_prog("kp", "loop_flags_nonzero",
        "bpf_loop with flags 1: the verifier does not check flags (the helper fails at run "
        "time with -EINVAL).", "r0 = 0\nexit", main=loop(flags="1"))
cb_prog("rtp", "loop_zero_count_bad_cb",
        "bpf_loop with a count of 0: the callback is never walked, so its read of r3 (unset) "
        "goes unnoticed.", "r0 = r3\nexit", main=loop(n="0"))
cb_prog("rtp", "loop_cb_returns_index_bit",
        "the callback returns index & 1: 0 or 1, in range.", "r0 = r1\nr0 &= 1\nexit")
cb_prog("kp", "loop_cb_uninit_r3",
        "bpf_loop's callback gets two arguments: r3 is unset in its frame.", "r0 = r3\nexit")
cb_prog("kp", "loop_cb_ret_2", "the callback returns 2: callbacks return 0 or 1.",
        "r0 = 2\nexit")
cb_prog("tp", "loop_cb_ret_unknown",
        "the callback returns bpf_get_prandom_u32(): not known to be 0 or 1.",
        "call bpf_get_prandom_u32\nexit")
cb_prog("rtp", "loop_cb_no_r0", "the callback exits without setting r0.", "r1 = 0\nexit")
cb_prog("kp", "loop_cb_ret_stack_ptr",
        "the callback returns its ctx argument, a pointer to the caller's stack.",
        "r0 = r2\nexit", main=ZERO_SLOT + loop(ctx=ON_STACK))
cb_prog("sock", "loop_cb_ctx_oob_write",
        "the callback writes 8 bytes past its ctx (r10 - 8 of the caller): at the caller's "
        "r10 + 0.", "r1 = 1\n*(u64 *)(r2 + 8) = r1\nr0 = 0\nexit",
        main=ZERO_SLOT + loop(ctx=ON_STACK))
cb_prog("kp", "loop_cb_null_ctx_deref",
        "bpf_loop with ctx 0: the callback's r2 is the number 0, not a pointer.",
        "r0 = *(u64 *)(r2 + 0)\nr0 = 0\nexit")
cb_prog("kp", "loop_cb_not_func", "bpf_loop's callback argument is the number 0.",
        "r0 = 0\nexit", main=loop(fn="0"))
cb_prog("kp", "loop_cb_func_offset",
        "bpf_loop's callback argument is the callback's address plus 8.",
        "r0 = 0\nr0 = 0\nr0 = 0\nexit", main="r1 = 10\nr2 = cb ll\nr2 += 8\nr3 = 0\nr4 = 0\n"
        "call bpf_loop\n")
cb_prog("tc", "loop_cb_index_unbounded",
        "the callback adds its index to a stack pointer: the index is any 64-bit number.",
        "r2 += r1\nr0 = 0\nexit", main=ZERO_SLOT + loop(ctx=ON_STACK))
cb_prog("tp", "loop_cb_index_is_64bit",
        "the callback returns index >> 32: the verifier does not bound the index to u32.",
        "r0 = r1\nr0 >>= 32\nexit")
cb_prog("kp", "loop_cb_helper_not_allowed",
        "a kprobe's callback calls bpf_redirect: the program type's helper set applies "
        "inside callbacks too.", "r1 = 1\nr2 = 0\ncall bpf_redirect\nr0 = 0\nexit")
cb_prog("tc", "loop_cb_stack_too_deep",
        "the caller uses 400 bytes of stack and the callback 200: 400 + 208 (rounded to 16) "
        "is more than 512.", "r1 = 0\n*(u64 *)(r10 - 200) = r1\nr0 = 0\nexit",
        main="r1 = 0\n*(u64 *)(r10 - 400) = r1\n" + loop())
RB_RESERVE = "r1 = rb ll\nr2 = 8\nr3 = 0\ncall bpf_ringbuf_reserve\nif r0 == 0 goto out\n"
cb_prog("kp", "loop_cb_ringbuf_leak",
        "the callback reserves ring buffer space and returns without submitting it.",
        RB_RESERVE + "r0 = 0\nexit\nout:\nr0 = 0\nexit", maps=[RB])
cb_prog("kp", "loop_cb_ringbuf_submit",
        "the callback reserves ring buffer space and submits it.",
        RB_RESERVE + "r1 = r0\nr2 = 0\ncall bpf_ringbuf_submit\nout:\nr0 = 0\nexit",
        maps=[RB])
CB2 = loop(n="3", fn="cb2 ll") + "r0 = 0\nexit"
cb_prog("kp", "loop_nested", "a bpf_loop callback runs a bpf_loop of its own.", CB2,
        extra=sub("cb2", "r0 = 1\nexit"))
cb_prog("kp", "loop_nested_bad_ret",
        "the inner callback of nested bpf_loops returns 3.", CB2,
        extra=sub("cb2", "r0 = 3\nexit"))
cb_prog("xdp", "loop_cb_pkt_unchecked",
        "the caller puts data and data_end on its stack; the callback reads the packet "
        "without comparing them.", "r1 = *(u64 *)(r2 + 0)\nr0 = *(u8 *)(r1 + 0)\nr0 = 0\nexit",
        main="r2 = *(u32 *)(r1 + 0)\nr3 = *(u32 *)(r1 + 4)\n*(u64 *)(r10 - 16) = r2\n"
        "*(u64 *)(r10 - 8) = r3\n" + loop(n="4", ctx="r3 = r10\nr3 += -16"), ret="2")
cb_prog("xdp", "loop_cb_pkt_checked",
        "the same callback compares data + 1 with data_end before reading a byte.",
        "r1 = *(u64 *)(r2 + 0)\nr3 = *(u64 *)(r2 + 8)\nr4 = r1\nr4 += 1\n"
        "if r4 > r3 goto out\nr0 = *(u8 *)(r1 + 0)\nout:\nr0 = 0\nexit",
        main="r2 = *(u32 *)(r1 + 0)\nr3 = *(u32 *)(r1 + 4)\n*(u64 *)(r10 - 16) = r2\n"
        "*(u64 *)(r10 - 8) = r3\n" + loop(n="4", ctx="r3 = r10\nr3 += -16"), ret="2")


def for_each(m="arr", ctx="r3 = 0"):
    return f"r1 = {m} ll\nr2 = cb ll\n{ctx}\nr4 = 0\ncall bpf_for_each_map_elem\n"


cb_prog("tc", "for_each_array_value_read",
        "bpf_for_each_map_elem over an array: the callback reads the 8-byte value (r3).",
        "r0 = *(u64 *)(r3 + 0)\nr0 = 0\nexit", main=for_each(), maps=[ARR])
cb_prog("tc", "for_each_array_value_oob",
        "the callback reads 8 bytes at offset 8 of an 8-byte value.",
        "r0 = *(u64 *)(r3 + 8)\nr0 = 0\nexit", main=for_each(), maps=[ARR])
cb_prog("xdp", "for_each_hash_value_write",
        "the callback writes the value of a hash element: values are writable.",
        "r1 = 1\n*(u64 *)(r3 + 0) = r1\nr0 = 0\nexit", main=for_each("h"), maps=[HASH],
        ret="2")
cb_prog("tc", "for_each_hash_key_read", "the callback reads the 4-byte key (r2).",
        "r0 = *(u32 *)(r2 + 0)\nr0 = 0\nexit", main=for_each("h"), maps=[HASH])
cb_prog("tc", "for_each_hash_key_write", "the callback writes the key: keys are read-only.",
        "r1 = 0\n*(u32 *)(r2 + 0) = r1\nr0 = 0\nexit", main=for_each("h"), maps=[HASH])
cb_prog("sock", "for_each_hash_key_oob", "the callback reads 4 bytes after the 4-byte key.",
        "r0 = *(u32 *)(r2 + 4)\nr0 = 0\nexit", main=for_each("h"), maps=[HASH])
cb_prog("tc", "for_each_key_to_lookup",
        "the callback passes its key to bpf_map_lookup_elem of the same map.",
        "r1 = h ll\ncall bpf_map_lookup_elem\nr0 = 0\nexit", main=for_each("h"),
        maps=[HASH])
cb_prog("sock", "for_each_ctx_counter",
        "the callback counts the elements in a counter on the caller's stack (its r4).",
        "r1 = *(u64 *)(r4 + 0)\nr1 += 1\n*(u64 *)(r4 + 0) = r1\nr0 = 0\nexit",
        main=ZERO_SLOT + for_each(ctx=ON_STACK), maps=[ARR])
cb_prog("xdp", "for_each_cb_ret_2", "bpf_for_each_map_elem's callback returns 2.",
        "r0 = 2\nexit", main=for_each(), maps=[ARR], ret="2")
cb_prog("rtp", "for_each_cb_reads_r5",
        "the callback reads r5: it gets four arguments (map, key, value, ctx).",
        "r0 = r5\nexit", main=for_each("h"), maps=[HASH])
cb_prog("tc", "for_each_ringbuf_map",
        "bpf_for_each_map_elem over a ring buffer: it has no elements to walk.",
        "r0 = 0\nexit", main=for_each("rb"), maps=[RB])
FIND_VMA = ("call bpf_get_current_task_btf\nr1 = r0\nr2 = 0\nr3 = cb ll\nr4 = 0\nr5 = 0\n"
            "call bpf_find_vma\n")
cb_prog("kp", "find_vma_cb", "bpf_find_vma of the current task with a callback returning 0.",
        "r0 = 0\nexit", main=FIND_VMA)
cb_prog("kp", "find_vma_cb_ret_2", "bpf_find_vma's callback returns 2.", "r0 = 2\nexit",
        main=FIND_VMA)

cb_prog("kp", "loop_cb_recursive",
        "the callback passes itself to bpf_loop: every run adds a frame until there are 9.",
        loop(n="2") + "r0 = 0\nexit", main=loop(n="4"))
cb_prog("tp", "loop_cb_calls_subprog",
        "the callback returns what a bpf-to-bpf call of its own returns (1).",
        "call f\nexit", extra=sub("f", "r0 = 1\nexit"))
cb_prog("kp", "loop_count_from_map",
        "bpf_loop's count comes from a map value checked to be at most 2000; the callback "
        "counts on the caller's stack.", COUNTER,
        main=ZERO_SLOT + "*(u32 *)(r10 - 12) = r1\nr2 = r10\nr2 += -12\nr1 = arr ll\n"
        "call bpf_map_lookup_elem\nif r0 == 0 goto out\nr1 = *(u64 *)(r0 + 0)\n"
        "if r1 > 2000 goto out\nr2 = cb ll\n" + ON_STACK + "\nr4 = 0\ncall bpf_loop\nout:\n",
        maps=[ARR])
FOUR_SLOTS = "r1 = 0\n" + "".join(f"*(u64 *)(r10 - {o}) = r1\n" for o in (8, 16, 24, 32))
cb_prog("rtp", "loop_cb_index_checked",
        "the callback stores at ctx + index * 8 after checking index <= 3 (4 slots).",
        "if r1 > 3 goto out\nr1 <<= 3\nr2 += r1\nr3 = 7\n*(u64 *)(r2 + 0) = r3\nout:\nr0 = 0\n"
        "exit", main=FOUR_SLOTS + loop(n="4", ctx="r3 = r10\nr3 += -32"))
STEP = ("r1 = *(u64 *)(r2 + 0)\nr1 += 8\n*(u64 *)(r2 + 0) = r1\nr2 += r1\nr3 = 7\n"
        "*(u64 *)(r2 + 0) = r3\nr0 = 0\nexit")
for n, what, topic in (("4", "4 runs stay inside the 40 bytes", "loop_cb_precise_counter"),
                       ("5", "the 5th run writes at the caller's r10 + 0",
                        "loop_cb_precise_counter_oob")):
    cb_prog("kp", topic,
            "the callback keeps an offset at ctx + 0, adds 8 each run and stores at ctx + "
            f"offset: the verifier follows the offset run by run; {what}.", STEP,
            main=FOUR_SLOTS + "*(u64 *)(r10 - 40) = r1\n" +
            loop(n=n, ctx="r3 = r10\nr3 += -40"))
cb_prog("tc", "for_each_precise_counter_oob",
        "bpf_for_each_map_elem's callback keeps an offset on the caller's stack, adds 8 "
        "each run and stores there: the 3rd run writes at the caller's r10 + 0.",
        STEP.replace("r2", "r4"),
        main="r1 = 0\n*(u64 *)(r10 - 8) = r1\n*(u64 *)(r10 - 16) = r1\n"
        "*(u64 *)(r10 - 24) = r1\n" + for_each(ctx="r3 = r10\nr3 += -24"), maps=[ARR])
URB = "urb, user_ringbuf, key=0, value=0, entries=4096"
for ret, what in (("0", "returning 0"), ("2", "returning 2")):
    cb_prog("tc", "user_ringbuf_drain_cb" + ("" if ret == "0" else "_ret_2"),
            f"bpf_user_ringbuf_drain with a callback {what}.", f"r0 = {ret}\nexit",
            main="r1 = urb ll\nr2 = cb ll\nr3 = 0\nr4 = 0\ncall bpf_user_ringbuf_drain\n",
            maps=[URB])

cb_prog("tc", "user_ringbuf_drain_array_map",
        "bpf_user_ringbuf_drain of an array map: it drains user ring buffers only.",
        "r0 = 0\nexit",
        main="r1 = arr ll\nr2 = cb ll\nr3 = 0\nr4 = 0\ncall bpf_user_ringbuf_drain\n",
        maps=[ARR])

# ---------------------------------------------------------------- without privileges
# tests/verifier/unpriv/unpriv_TOPIC.s: socket filters (the only type a user without
# capabilities may load: cgroup skb needs CAP_NET_ADMIN) verified twice, as root ("; kernel:")
# and as uid 65534 without capabilities ("; kernel-unpriv:"), for what privilege changes:
# pointer leaks, pointer comparisons and arithmetic (Spectre v1 sanitation), uninitialised
# stack, helpers, bpf-to-bpf calls and callbacks, loops. Same recording:
#   tests/check_verifier --record tests/verifier/unpriv/*.s
uprogs = []


def U(topic, desc, body, maps=(), subs="", lic="GPL"):
    name = f"unpriv_{topic}"
    uprogs.append((name, render(name, "socket", desc, body, maps, lic, subs,
                                ["kernel", "kernel-unpriv"])))


LOOKUP_OK = LOOKUP_ARR + "if r0 == 0 goto out\n"
OUT0 = "out:\nr0 = 0\nexit"
UNKNOWN = "r1 = *(u64 *)(r0 + 0)\n"  # an unknown 64-bit scalar from the map value

# pointer leaks
U("ret_ctx", "returns the context pointer: a pointer leak as return value.", "r0 = r1\nexit")
U("ret_fp", "returns the frame pointer.", "r0 = r10\nexit")
U("ret_fp_plus", "returns r10 - 8, a stack pointer.", "r0 = r10\nr0 += -8\nexit")
U("ret_map_value", "returns a NULL-checked map value pointer.",
  LOOKUP_OK + "exit\n" + OUT0, maps=[ARR])
U("ret_map_ptr", "returns the map pointer itself.", "r0 = arr ll\nexit", maps=[ARR])
U("ret_scalar_from_map", "returns a number read from a map value: no leak.",
  LOOKUP_OK + "r0 = *(u64 *)(r0 + 0)\nexit\n" + OUT0, maps=[ARR])
U("store_ctx_into_map", "stores the context pointer into a map value.",
  "r6 = r1\n" + LOOKUP_OK + "*(u64 *)(r0 + 0) = r6\n" + OUT0, maps=[ARR])
U("store_fp_into_map", "stores the frame pointer into a map value.",
  LOOKUP_OK + "*(u64 *)(r0 + 0) = r10\n" + OUT0, maps=[ARR])
U("store_value_ptr_into_itself", "stores a map value pointer into the value.",
  LOOKUP_OK + "*(u64 *)(r0 + 0) = r0\n" + OUT0, maps=[ARR])
U("store_scalar_into_map", "stores a number into a map value: fine for anyone.",
  LOOKUP_OK + "r1 = 42\n*(u64 *)(r0 + 0) = r1\n" + OUT0, maps=[ARR])
U("store_ctx_into_ctx", "stores the context pointer into skb->cb[0].",
  "*(u32 *)(r1 + 48) = r1\nr0 = 0\nexit")
U("store_fp_into_ctx", "stores the frame pointer into skb->cb[0].",
  "*(u32 *)(r1 + 48) = r10\nr0 = 0\nexit")
U("store_scalar_into_ctx", "stores a number into skb->cb[0].",
  "r2 = 7\n*(u32 *)(r1 + 48) = r2\nr0 = 0\nexit")
U("atomic_ptr_into_map", "atomically adds the frame pointer to a map value.",
  LOOKUP_OK + "lock *(u64 *)(r0 + 0) += r10\n" + OUT0, maps=[ARR])
U("ptr_to_helper_anything", "passes the context as bpf_tail_call's index (an ANYTHING "
  "argument): a pointer leaks into the helper.",
  "r3 = r1\nr2 = jmp ll\ncall bpf_tail_call\nr0 = 0\nexit", maps=[PA])
U("map_update_spilled_ptr", "bpf_map_update_elem with a value on the stack that holds a "
  "spilled pointer.",
  "*(u64 *)(r10 - 16) = r1\n*(u32 *)(r10 - 4) = 0\nr2 = r10\nr2 += -4\nr3 = r10\nr3 += -16\n"
  "r4 = 0\nr1 = arr ll\ncall bpf_map_update_elem\nr0 = 0\nexit", maps=[ARR])
# pointer comparisons
U("cmp_ctx_fp", "compares the context pointer with the frame pointer.",
  "if r1 == r10 goto l\nl:\nr0 = 0\nexit")
U("cmp_ctx_imm", "compares the context pointer with 0 (it is never NULL).",
  "if r1 != 0 goto l\nl:\nr0 = 0\nexit")
U("cmp_ctx_scalar", "compares the context pointer with a number in a register.",
  "r2 = 5\nif r1 > r2 goto l\nl:\nr0 = 0\nexit")
U("cmp_scalar_ctx", "compares a number with the context pointer (pointer on the right).",
  "r2 = 5\nif r2 > r1 goto l\nl:\nr0 = 0\nexit")
U("cmp_or_null_zero", "the NULL check of a lookup result: the one pointer comparison "
  "anyone may make.", LOOKUP_OK + OUT0, maps=[ARR])
U("cmp_or_null_one", "compares a lookup result with 1 instead of 0.",
  LOOKUP_ARR + "if r0 == 1 goto out\n" + OUT0, maps=[ARR])
U("cmp_values", "compares two map value pointers of the same lookup.",
  LOOKUP_OK + "r1 = r0\nr1 += 4\nif r0 < r1 goto out\n" + OUT0, maps=[ARR])
U("cmp32_ctx", "a 32-bit comparison of the context pointer.",
  "if w1 == 0 goto l\nl:\nr0 = 0\nexit")
# pointer arithmetic and copies
U("mov32_ctx", "copies the low half of the context pointer (w0 = w1).",
  "w0 = w1\nr0 = 0\nexit")
U("ptr_sub_ptr", "subtracts two stack pointers: a number, but derived from pointers.",
  "r0 = r10\nr1 = r10\nr1 += -8\nr0 -= r1\nexit")
U("ptr_sub_ptr_unused", "subtracts two stack pointers and throws the difference away.",
  "r2 = r10\nr3 = r10\nr3 += -8\nr2 -= r3\nr0 = 0\nexit")
U("map_value_oob_const", "adds 100 to a pointer to an 8-byte map value without touching "
  "memory there.", LOOKUP_OK + "r0 += 100\n" + OUT0, maps=[ARR])
U("map_value_neg_const", "subtracts 8 from a map value pointer without touching memory.",
  LOOKUP_OK + "r0 += -8\n" + OUT0, maps=[ARR])
U("stack_ptr_oob_const", "moves a stack pointer below the 512-byte frame, unused.",
  "r1 = r10\nr1 += -600\nr0 = 0\nexit")
U("stack_ptr_var_read", "reads the stack at a variable offset (r10 - 8 - (x & 8)).",
  "r1 = 0\n*(u64 *)(r10 - 8) = r1\n*(u64 *)(r10 - 16) = r1\ncall bpf_get_prandom_u32\n"
  "r0 &= 8\nr1 = r10\nr1 += -16\nr1 += r0\nr0 = *(u64 *)(r1 + 0)\nr0 = 0\nexit")
U("stack_ptr_var_write", "writes the stack at a variable offset.",
  "call bpf_get_prandom_u32\nr0 &= 8\nr1 = r10\nr1 += -16\nr1 += r0\nr2 = 0\n"
  "*(u64 *)(r1 + 0) = r2\nr0 = 0\nexit")
U("map_value_var_masked", "map value + (x & 7), then a 1-byte read: bounded, masked.",
  LOOKUP_OK + UNKNOWN + "r1 &= 7\nr0 += r1\nr0 = *(u8 *)(r0 + 0)\n" + OUT0, maps=[ARR])
U("map_value_var_checked", "map value + x after checking x < 8 (unsigned).",
  LOOKUP_OK + UNKNOWN + "if r1 > 7 goto out\nr0 += r1\nr0 = *(u8 *)(r0 + 0)\n" + OUT0,
  maps=[ARR])
U("map_value_var_signed", "map value + x with only x <= 7 checked (signed): x may be "
  "negative.", LOOKUP_OK + UNKNOWN + "if r1 s> 7 goto out\nr0 += r1\nr0 = *(u8 *)(r0 + 0)\n"
  + OUT0, maps=[ARR])
U("map_value_var_mixed_signs", "map value + x with -4 <= x <= 4 checked: the offset has "
  "mixed signs.", LOOKUP_OK + UNKNOWN + "if r1 s> 4 goto out\nif r1 s< -4 goto out\n"
  "r0 += 4\nr0 += r1\nr0 = *(u8 *)(r0 + 0)\n" + OUT0, maps=[ARR])
U("map_value_minus_var", "map value + 8 - (x & 7), then a 1-byte read.",
  LOOKUP_OK + UNKNOWN + "r1 &= 7\nr0 += 7\nr0 -= r1\nr0 = *(u8 *)(r0 + 0)\n" + OUT0,
  maps=[ARR])
U("map_value_var_unused", "map value + an unknown number, never dereferenced.",
  LOOKUP_OK + UNKNOWN + "r0 += r1\n" + OUT0, maps=[ARR])
U("ctx_plus_const_read", "reads skb->cb[1] through ctx + 52.",
  "r1 += 52\nr0 = *(u32 *)(r1 + 0)\nr0 = 0\nexit")
U("ptr_and", "masks the context pointer with &.", "r1 &= 7\nr0 = 0\nexit")
U("ptr_xor_self", "xors the frame pointer with itself.", "r1 = r10\nr1 ^= r1\nr0 = 0\nexit")
U("ptr_neg", "negates a stack pointer.", "r1 = r10\nr1 = -r1\nr0 = 0\nexit")
U("scalar_plus_ptr", "adds a pointer to a number: the result is a pointer.",
  "r0 = 8\nr0 += r10\nr0 = 0\nexit")
# uninitialised stack
U("stack_uninit_read", "reads 8 bytes of stack nobody wrote.", "r0 = *(u64 *)(r10 - 8)\nexit")
U("stack_partial_read", "writes 4 bytes of a slot, reads all 8.",
  "*(u32 *)(r10 - 8) = 1\nr0 = *(u64 *)(r10 - 8)\nexit")
U("stack_byte_read_ok", "writes one byte and reads it back.",
  "*(u8 *)(r10 - 1) = 3\nr0 = *(u8 *)(r10 - 1)\nexit")
U("helper_uninit_key", "bpf_map_lookup_elem with a key on the stack nobody wrote.",
  "r2 = r10\nr2 += -4\nr1 = arr ll\ncall bpf_map_lookup_elem\nr0 = 0\nexit", maps=[ARR])
U("helper_partial_value", "bpf_map_update_elem with a value of which 4 of 8 bytes are set.",
  "*(u32 *)(r10 - 4) = 0\n*(u32 *)(r10 - 16) = 0\nr2 = r10\nr2 += -4\nr3 = r10\nr3 += -16\n"
  "r4 = 0\nr1 = arr ll\ncall bpf_map_update_elem\nr0 = 0\nexit", maps=[ARR])
U("helper_writes_uninit_ok", "bpf_skb_load_bytes into stack nobody wrote: the helper "
  "writes it, then it is read.",
  "r2 = 0\nr3 = r10\nr3 += -8\nr4 = 8\ncall bpf_skb_load_bytes\nr0 = *(u64 *)(r10 - 8)\n"
  "r0 = 0\nexit")
U("atomic_uninit_stack", "an atomic add into a stack slot nobody wrote.",
  "r1 = 1\nlock *(u64 *)(r10 - 8) += r1\nr0 = 0\nexit")
# spills
U("spill_fill_ptr_ok", "spills the context pointer and fills it back, then reads a field.",
  "*(u64 *)(r10 - 8) = r1\nr1 = *(u64 *)(r10 - 8)\nr0 = *(u32 *)(r1 + 0)\nexit")
U("spill_ptr_overwrite_half", "spills a pointer, then overwrites 4 of its 8 bytes.",
  "*(u64 *)(r10 - 8) = r1\nr2 = 0\n*(u32 *)(r10 - 8) = r2\nr0 = 0\nexit")
U("spill_ptr_read_half", "spills a pointer, then reads 4 of its 8 bytes.",
  "*(u64 *)(r10 - 8) = r1\nr0 = *(u32 *)(r10 - 8)\nr0 = 0\nexit")
U("spill_ptr_overwrite_whole", "spills a pointer, then overwrites it with a number.",
  "*(u64 *)(r10 - 8) = r1\nr2 = 0\n*(u64 *)(r10 - 8) = r2\nr0 = *(u64 *)(r10 - 8)\nexit")
# helpers
U("helper_ktime", "bpf_ktime_get_ns.", "call bpf_ktime_get_ns\nr0 = 0\nexit")
U("helper_prandom", "bpf_get_prandom_u32.", "call bpf_get_prandom_u32\nr0 = 0\nexit")
U("helper_smp_id", "bpf_get_smp_processor_id.",
  "call bpf_get_smp_processor_id\nr0 = 0\nexit")
U("helper_trace_printk", "bpf_trace_printk of a 4-byte string on the stack.",
  "r1 = 0\n*(u64 *)(r10 - 8) = r1\nr1 = r10\nr1 += -8\nr2 = 4\ncall bpf_trace_printk\n"
  "r0 = 0\nexit")
U("helper_probe_read_kernel", "bpf_probe_read_kernel into the stack.",
  "r1 = r10\nr1 += -8\nr2 = 8\nr3 = 0\ncall bpf_probe_read_kernel\nr0 = 0\nexit")
U("helper_get_current_task", "bpf_get_current_task.",
  "call bpf_get_current_task\nr0 = 0\nexit")
U("helper_jiffies64", "bpf_jiffies64.", "call bpf_jiffies64\nr0 = 0\nexit")
U("helper_socket_cookie", "bpf_get_socket_cookie of the skb.",
  "call bpf_get_socket_cookie\nr0 = 0\nexit")
U("helper_socket_uid", "bpf_get_socket_uid of the skb.",
  "call bpf_get_socket_uid\nr0 = 0\nexit")
U("helper_ringbuf_output", "bpf_ringbuf_output of 8 stack bytes.",
  "r1 = 0\n*(u64 *)(r10 - 8) = r1\nr2 = r10\nr2 += -8\nr1 = rb ll\nr3 = 8\nr4 = 0\n"
  "call bpf_ringbuf_output\nr0 = 0\nexit", maps=[RB])
U("helper_tail_call", "bpf_tail_call through a program array.",
  "r2 = jmp ll\nr3 = 0\ncall bpf_tail_call\nr0 = 0\nexit", maps=[PA])
U("helper_hash_update", "bpf_map_update_elem of a hash map.",
  "*(u32 *)(r10 - 4) = 0\nr1 = 0\n*(u64 *)(r10 - 16) = r1\nr2 = r10\nr2 += -4\nr3 = r10\n"
  "r3 += -16\nr4 = 0\nr1 = h ll\ncall bpf_map_update_elem\nr0 = 0\nexit", maps=[HASH])
U("helper_gpl_other_license", "bpf_trace_printk from a program that is not GPL.",
  "r1 = 0\n*(u64 *)(r10 - 8) = r1\nr1 = r10\nr1 += -8\nr2 = 4\ncall bpf_trace_printk\n"
  "r0 = 0\nexit", lic="Proprietary")
# calls, callbacks, loops
U("call_subprog", "a bpf-to-bpf call.", "call f\nexit",
  subs=sub("f", "r0 = 0\nexit"))
U("bpf_loop_callback", "bpf_loop with a callback function.",
  "r1 = 4\nr2 = cb ll\nr3 = 0\nr4 = 0\ncall bpf_loop\nr0 = 0\nexit",
  subs=sub("cb", "r0 = 0\nexit"))
U("loop_bounded", "a loop of 4 iterations (a back-edge).",
  "r1 = 0\nl:\nr1 += 1\nif r1 < 4 goto l\nr0 = 0\nexit")
U("loop_unbounded", "a loop on a random number (a back-edge).",
  "call bpf_get_prandom_u32\nl:\nr0 += 1\nif r0 != 0 goto l\nexit")
# division, legacy loads, return values
U("div_by_reg", "divides by an unknown register (0 gives 0 at run time).",
  "call bpf_get_prandom_u32\nr1 = 100\nr1 /= r0\nr0 = 0\nexit")
U("mod_by_reg", "takes a modulo by an unknown register.",
  "call bpf_get_prandom_u32\nr1 = 100\nr1 %= r0\nr0 = 0\nexit")
U("div_by_zero_imm", "divides by the constant 0.", "r0 = 1\nr0 /= 0\nexit")
U("ld_abs", "ld_abs of the ethertype with r6 = ctx.",
  "r6 = r1\nr0 = *(u16 *)skb[12]\nr0 = 0\nexit")
U("ret_unknown", "returns an unknown number: socket filters may return any value.",
  "call bpf_get_prandom_u32\nexit")
U("ret_uninit", "exits without setting r0.", "exit")
U("read_ctx_mark", "reads skb->mark.", "r0 = *(u32 *)(r1 + 8)\nexit")
U("ctx_plus_reg", "moves the context pointer by a register holding 52 (not an immediate).",
  "r2 = 52\nr1 += r2\nr0 = 0\nexit")
U("map_ptr_plus_reg_zero", "adds a register holding 0 to a map pointer.",
  "r1 = arr ll\nr2 = 0\nr1 += r2\nr0 = 0\nexit", maps=[ARR])
U("stack_plus_reg_ok", "moves r10 by a register holding -8, then stores through it.",
  "r1 = r10\nr2 = -8\nr1 += r2\nr0 = 0\n*(u64 *)(r1 + 0) = r0\nexit")
U("map_value_plus_reg_ok", "moves a map value pointer by a register holding 4, reads 4 "
  "bytes.", LOOKUP_OK + "r1 = 4\nr0 += r1\nr0 = *(u32 *)(r0 + 0)\n" + OUT0, maps=[ARR])
U("map_value_plus_reg_end", "moves a map value pointer by a register holding 8: one past "
  "the 8-byte value.", LOOKUP_OK + "r1 = 8\nr0 += r1\n" + OUT0, maps=[ARR])
U("map_value_paths", "the same addition to a map value pointer once with a constant and "
  "once with a masked unknown register, on two paths.",
  LOOKUP_OK + "r6 = r0\ncall bpf_get_prandom_u32\nr1 = 4\nif r0 > 100 goto l\nr1 = r0\n"
  "r1 &= 7\nl:\nr6 += r1\nr0 = *(u8 *)(r6 + 0)\n" + OUT0, maps=[ARR])
U("map_value_paths_same", "the same addition on two paths with the same masked register.",
  LOOKUP_OK + "r6 = r0\ncall bpf_get_prandom_u32\nr1 = r0\nr1 &= 7\nif r0 > 100 goto l\n"
  "r2 = 1\nl:\nr6 += r1\nr0 = *(u8 *)(r6 + 0)\n" + OUT0, maps=[ARR])
U("map_value_minus_reg", "subtracts a masked register from a map value pointer moved to "
  "its end.", LOOKUP_OK + UNKNOWN + "r1 &= 7\nr0 += 7\nr0 -= r1\n" + OUT0, maps=[ARR])
U("stack_spill_ptr_helper_read", "bpf_skb_load_bytes writes over a spilled pointer.",
  "r6 = r1\n*(u64 *)(r10 - 8) = r1\nr1 = r6\nr2 = 0\nr3 = r10\nr3 += -8\nr4 = 8\n"
  "call bpf_skb_load_bytes\nr0 = 0\nexit")
U("xadd_into_spilled_ptr", "an atomic add into a stack slot holding a spilled pointer.",
  "*(u64 *)(r10 - 8) = r1\nr2 = 1\nlock *(u64 *)(r10 - 8) += r2\nr0 = 0\nexit")
U("fill_ptr_and_leak_via_map", "spills the context, fills it and stores it into a map "
  "value.", "*(u64 *)(r10 - 16) = r1\n" + LOOKUP_OK + "r1 = *(u64 *)(r10 - 16)\n"
  "*(u64 *)(r0 + 0) = r1\n" + OUT0, maps=[ARR])
U("ringbuf_reserve_submit", "bpf_ringbuf_reserve, a NULL check, a store, bpf_ringbuf_submit.",
  "r1 = rb ll\nr2 = 8\nr3 = 0\ncall bpf_ringbuf_reserve\nif r0 == 0 goto out\nr1 = 1\n"
  "*(u64 *)(r0 + 0) = r1\nr1 = r0\nr2 = 0\ncall bpf_ringbuf_submit\n" + OUT0, maps=[RB])
U("ringbuf_store_ptr", "stores the frame pointer into a ring buffer reservation.",
  "r1 = rb ll\nr2 = 8\nr3 = 0\ncall bpf_ringbuf_reserve\nif r0 == 0 goto out\n"
  "*(u64 *)(r0 + 0) = r10\nr1 = r0\nr2 = 0\ncall bpf_ringbuf_submit\n" + OUT0, maps=[RB])
U("cmp_value_nonnull_zero", "compares a map value pointer (constant key in range: never "
  "NULL) with 0 twice.", LOOKUP_OK + "if r0 != 0 goto out\n" + OUT0, maps=[ARR])
U("cmp32_or_null_zero", "a 32-bit NULL check of a hash lookup result.",
  LOOKUP_HASH + "if w0 == 0 goto out\n" + OUT0, maps=[HASH])
U("write_ctx_mark", "writes skb->mark, which socket filters may not.",
  "r2 = 1\n*(u32 *)(r1 + 8) = r2\nr0 = 0\nexit")


def main():
    force = "--force" in sys.argv
    names = set()
    written = 0
    os.makedirs(os.path.join(HERE, "unpriv"), exist_ok=True)
    for name, text in progs + uprogs:
        assert name not in names, name
        names.add(name)
        path = os.path.join(HERE, "unpriv" if name.startswith("unpriv_") else "", name + ".s")
        if os.path.exists(path) and not force:
            continue
        with open(path, "w") as f:
            f.write(text)
        written += 1
    print(f"{len(progs) + len(uprogs)} programs, {written} written")


main()
