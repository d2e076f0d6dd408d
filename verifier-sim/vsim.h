/* SPDX-License-Identifier: MIT */
/*
 * vsim.h - verifier-sim: the kernel's eBPF verifier, simulated in user space.
 *
 * Two steps, as in the kernel. vsim_obj_prog_build() turns one program of a struct obj into
 * the flat, relocated instruction array the kernel would get (subprograms appended, map
 * references numbered by the object's maps[]), remembering where each slot came from.
 * vsim_prog_check() then verifies that array: it walks every path with abstract register and
 * stack state and returns the verdict, the kernel's message for a rejection, and a note on
 * the cause. Nothing here prints or exits; the optional log is text in a struct buf.
 */
#ifndef EBPF_VSIM_H
#define EBPF_VSIM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../common/buf.h"
#include "../common/diag.h"
#include "../isa/isa.h"
#include "../obj/obj.h"

/* A map as the verifier sees it; in relocated bytecode lddw src 1 imm N names maps[N]. */
struct vsim_map {
	const char *name;
	uint32_t type, key_size, value_size, max_entries, flags;
	int rdonly; /* .rodata: the program may not write it */
};

struct vsim_prog {
	const char *name;
	const struct isa_raw *insns;
	size_t ninsns;
	int prog_type;		  /* enum bpf_prog_type */
	int expected_attach_type; /* or -1 */
	const struct vsim_map *maps;
	size_t nmaps;
	int gpl; /* license is GPL-compatible */
	/* loaded without BTF func info (see vsim_flat): subprograms may not tail-call or use
	 * LD_ABS, and callbacks are refused, as the kernel does */
	int no_func_info;
};

struct vsim_opts {
	int log_level; /* 0: none, 1: the path to the error, 2: state at every instruction */
	int unpriv;    /* verify as an unprivileged user (no pointer leaks, no uninit stack) */
	int nr_cpus;   /* the target's possible CPUs (bpf_get_smp_processor_id's range);
			* 0: this machine's */
};

#define VSIM_MSG_MAX 256

struct vsim_result {
	int accepted;
	uint64_t insns_processed;
	int insn;		 /* instruction the error is at; -1 for none (or accepted) */
	char msg[VSIM_MSG_MAX];	 /* the kernel's wording: the last line it prints */
	char msg2[VSIM_MSG_MAX]; /* the line before it, when the kernel prints two; or "" */
	int note_insn;		 /* instruction the note is about, or -1 */
	char note[VSIM_MSG_MAX]; /* our explanation of the cause, or "" */
	uint32_t max_states_per_insn, total_states, peak_states;
	struct buf log; /* log_level > 0: kernel-style log text (not NUL-terminated) */
};

/* Release what a result holds (the log). */
void vsim_result_fini(struct vsim_result *r);

/*
 * vsim_prog_check - verify @p. Fills @r (zeroed first) with the verdict.
 * Returns 0 when a verdict was reached (accepted or not), -ENOMEM.
 */
int vsim_prog_check(const struct vsim_prog *p, const struct vsim_opts *opts, struct vsim_result *r);

/* A program flattened out of an object: instructions and their origins. */
struct vsim_flat {
	struct isa_raw *insns;
	size_t ninsns;
	struct obj_origin *origin; /* per slot: section and byte offset in the object */
	struct vsim_map *maps;	   /* one per o->maps[] */
	size_t nmaps;
	/* ebpf-load would load it without BTF func info: the object has none, or not one
	 * FUNC record per function the program is made of (the kernel refuses such a set and
	 * the loader then loads without). Hand-written assembly gets one per function with
	 * `.type NAME, @function`. */
	int no_func_info;
};

/*
 * vsim_obj_prog_build - flatten and relocate program @prog (index in @o->progs) of @o.
 * Errors (a relocation against nothing, code that is not whole instructions) are reported
 * to @d and give -EINVAL; -ENOMEM. Free the result with vsim_flat_free.
 */
int vsim_obj_prog_build(const struct obj *o, size_t prog, struct vsim_flat *out, struct diag *d);
/* The struct vsim_prog of program @prog of @o flattened into @f (it points into @f and @o). */
void vsim_flat_prog(const struct obj *o, size_t prog, const struct vsim_flat *f,
		    struct vsim_prog *vp);
void vsim_flat_free(struct vsim_flat *f);

/* What vsim_obj_report verifies and how it prints. */
struct vsim_report_opts {
	const char *prog; /* only the program of this name, or NULL: all */
	const char *type; /* verify as this program type (isa progtype name), or NULL */
	int log_level, json, unpriv;
	const char *tool; /* prefix of error lines ("ebpf-run"); NULL: "ebpf-verify" */
};

/*
 * vsim_obj_report - verify the programs of @o (read from @input) and print to @out what
 * ebpf-verify prints: per program "NAME: accepted (N instructions processed)" or "NAME:
 * rejected" with the kernel's message at its source line and notes (or one JSON object
 * per program). Input errors go to stderr. Returns 0 all accepted, 1 any rejected, 2 bad
 * input (no such program, a relocation error, no program type).
 */
int vsim_obj_report(const struct obj *o, const char *input, const struct vsim_report_opts *op,
		    FILE *out);

/* Is @lic (the object's license, may be NULL) GPL-compatible as the kernel counts it? */
int vsim_license_is_gpl(const char *lic);

/* The kernel's name of a register type ("map_value_or_null"), for callers and tests. */
const char *vsim_reg_type_name(int type);

#endif
