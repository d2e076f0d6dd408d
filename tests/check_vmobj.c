/* SPDX-License-Identifier: MIT */
/*
 * check_vmobj.c - whole objects in the userspace VM (vm/vmobj.h), linked by obj/link.h:
 * the example programs of progs/ and clang's objects load with their maps; lddw reaches
 * the right map and global data its section's bytes; subprograms are called; faults name
 * their source line; tail calls jump through prog arrays set by the API or by the object,
 * at most 33 times; malformed objects are refused with a message, never a crash; the map
 * summary prints what ebpf-run shows.
 *
 * Objects are assembled with the asm API and, like every object a user gives ebpf-run,
 * go through ELF (obj_write_mem, obj_read_mem) before loading. The clang cases are skipped
 * (with a note) without clang.
 */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/bpf.h>

#include "asm/asm.h"
#include "common/mem.h"
#include "obj/link.h"
#include "obj/obj.h"
#include "testutil.h"
#include "vm/map.h"
#include "vm/vm.h"
#include "vm/vmobj.h"

/* Every message in @d as text (free()). */
static char *diag_text(const struct diag *d)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	if (!f)
		return strdup("(no memory for the messages)");
	diag_print(d, f, "vmobj", 0);
	fclose(f);
	return s;
}

/* Does some message of @d contain @needle? */
static int diag_has(const struct diag *d, const char *needle)
{
	for (size_t i = 0; i < d->nmsgs; i++)
		if (d->msgs[i].text && strstr(d->msgs[i].text, needle))
			return 1;
	return 0;
}

/* Assemble @text (named @name), without errors, into a struct obj (not through ELF). */
static struct obj *assemble_raw(const char *name, const char *text)
{
	struct obj *o = obj_new();
	struct diag d;
	int err;

	ck_assert_ptr_nonnull(o);
	diag_init(&d);
	err = asm_source_assemble(name, text, strlen(text), o, &d);
	if (err) {
		char *m = diag_text(&d);
		ck_abort_msg("%s does not assemble (%d):\n%s", name, err, m);
	}
	diag_fini(&d);
	return o;
}

/* An object through ELF, as ebpf-run reads it. */
static struct obj *through_elf(struct obj *o, const char *name)
{
	struct obj *r = NULL;
	struct diag d;
	void *data = NULL;
	size_t len = 0;
	int err;

	diag_init(&d);
	err = obj_write_mem(o, &data, &len, &d);
	if (!err)
		err = obj_read_mem(data, len, name, &r, &d);
	if (err) {
		char *m = diag_text(&d);
		ck_abort_msg("%s: ELF round trip failed (%d):\n%s", name, err, m);
	}
	free(data);
	obj_free(o);
	diag_fini(&d);
	return r;
}

static struct obj *assemble(const char *name, const char *text)
{
	return through_elf(assemble_raw(name, text), name);
}

/* Load @o into a new VM; everything must load. */
static struct vm_obj *load_ok(struct vm **vmp, struct obj *o, const struct vm_obj_opts *opts)
{
	struct vm *vm = vm_new();
	struct vm_obj *vo = NULL;
	struct diag d;
	int err;

	ck_assert_ptr_nonnull(vm);
	diag_init(&d);
	err = vm_obj_load(vm, o, opts, &vo, &d);
	if (err) {
		char *m = diag_text(&d);
		ck_abort_msg("vm_obj_load: %d:\n%s", err, m);
	}
	ck_assert_ptr_nonnull(vo);
	ck_assert_uint_eq(d.nerrors, 0);
	diag_fini(&d);
	*vmp = vm;
	return vo;
}

/* A context region for programs that read one (XDP's struct xdp_md: six u32). */
static uint64_t ctx_map(struct vm *vm, uint32_t *ctx)
{
	int r = vm_region_add(vm, "ctx", ctx, 6 * sizeof(uint32_t), VM_MEM_READ, 0, 0);

	ck_assert_int_gt(r, 0);
	return VM_ADDR(r, 0);
}

static uint64_t run(struct vm *vm, const struct vm_obj *vo, const char *prog, uint64_t r1)
{
	int i = vm_obj_prog_find(vo, prog, NULL);
	uint64_t r0 = 0;
	int err;

	ck_assert_msg(i >= 0, "no program '%s'", prog);
	err = vm_prog_run(vm, vm_obj_prog(vo, (size_t)i), r1, 0, &r0);
	if (err) {
		char buf[300];

		vm_fault_format(vm, buf, sizeof(buf));
		ck_abort_msg("prog '%s' faulted: %s", prog, buf);
	}
	return r0;
}

/* The u64 at key @key of map @name. */
static uint64_t map_u64(const struct vm_obj *vo, const char *name, uint32_t key)
{
	int i = vm_obj_map_find(vo, name);
	uint64_t v = 0;

	ck_assert_msg(i >= 0, "no map '%s'", name);
	ck_assert_int_eq(vm_map_lookup_copy(vm_obj_map(vo, (size_t)i), &key, &v), 0);
	return v;
}

/* ---------------------------------------------------------------- progs/ */

static const struct {
	const char *name; /* progs/NAME.s, whose one program is also called NAME */
	int prog_type;
} progs[] = {
	{"xdp_count", BPF_PROG_TYPE_XDP},
	{"xdp_drop_src", BPF_PROG_TYPE_XDP},
	{"xdp_trace_ipv4", BPF_PROG_TYPE_XDP},
	{"rtp_hello", BPF_PROG_TYPE_RAW_TRACEPOINT},
	{"rtp_syscall_count", BPF_PROG_TYPE_RAW_TRACEPOINT},
	{"kprobe_execve_count", BPF_PROG_TYPE_KPROBE},
};
#define NPROGS ((int)(sizeof(progs) / sizeof(progs[0])))

static char *prog_text[NPROGS]; /* read once; must outlive the objects' line info users */

static struct obj *prog_obj(int i)
{
	char path[512], name[64];

	if (!prog_text[i]) {
		snprintf(path, sizeof(path), "%s/progs/%s.s", tu_srcdir(), progs[i].name);
		prog_text[i] = tu_read_file(path, NULL);
		ck_assert_msg(prog_text[i] != NULL, "cannot read %s", path);
	}
	snprintf(name, sizeof(name), "%s.s", progs[i].name);
	return assemble(name, prog_text[i]);
}

START_TEST(progs_load_with_their_maps_and_program_types)
{
	struct obj *o = prog_obj(_i);
	struct vm *vm;
	struct vm_obj *vo = load_ok(&vm, o, NULL);
	int p = vm_obj_prog_find(vo, progs[_i].name, NULL);

	ck_assert_int_ge(p, 0);
	ck_assert_ptr_nonnull(vm_obj_prog(vo, (size_t)p));
	ck_assert_int_eq(vm_obj_prog_type(vo, (size_t)p), progs[_i].prog_type);
	ck_assert_uint_eq(vm_obj_map_count(vo), o->nmaps);
	for (size_t m = 0; m < o->nmaps; m++) {
		const struct vm_map *vmm = vm_obj_map(vo, m);

		ck_assert_ptr_nonnull(vmm);
		ck_assert_str_eq(vmm->name, o->maps[m].name);
		ck_assert_uint_eq(vmm->type, o->maps[m].type);
		ck_assert_uint_eq(vmm->key_size, o->maps[m].key_size);
		ck_assert_uint_eq(vmm->value_size, o->maps[m].value_size);
		ck_assert_uint_eq(vmm->max_entries, o->maps[m].max_entries);
		ck_assert_int_ge(vm_obj_map_handle(vo, m), 0);
	}
	vm_obj_free(vo);
	vm_free(vm);
	obj_free(o);
}
END_TEST

START_TEST(xdp_count_counts_in_its_map)
{
	struct obj *o = prog_obj(0);
	struct vm *vm;
	struct vm_obj *vo = load_ok(&vm, o, NULL);
	uint32_t ctx[6] = {0};
	uint64_t r1 = ctx_map(vm, ctx);

	ck_assert_uint_eq(map_u64(vo, "counts", 0), 0);
	ck_assert_uint_eq(run(vm, vo, "xdp_count", r1), 2 /* XDP_PASS */);
	ck_assert_uint_eq(run(vm, vo, "xdp_count", r1), 2);
	ck_assert_uint_eq(run(vm, vo, "xdp_count", r1), 2);
	ck_assert_uint_eq(map_u64(vo, "counts", 0), 3);
	vm_obj_free(vo);
	vm_free(vm);
	obj_free(o);
}
END_TEST

/* ---------------------------------------------------------------- relocation */

/* Two maps, two data sections, a subprogram: every reference must land on its own target. */
static const char two_maps_s[] = "\t.map first, array, key=4, value=8, entries=2\n"
				 "\t.map second, array, key=4, value=8, entries=2\n"
				 "\t.data\n"
				 "\t.globl dv\n"
				 "dv:\n"
				 "\t.quad 0x1111\n"
				 "\t.quad 0x2222\n"
				 "\t.section .rodata\n"
				 "\t.globl ro\n"
				 "ro:\n"
				 "\t.quad 0x3333\n"
				 "\t.text\n"
				 "add_ten:\n"
				 "\tr0 = r1\n"
				 "\tr0 += 10\n"
				 "\texit\n"
				 "\t.section xdp\n"
				 "\t.globl main\n"
				 "\t.type main, @function\n"
				 "main:\n"
				 "\tw1 = 1\n"
				 "\t*(u32 *)(r10 - 4) = r1\n"
				 "\tr2 = r10\n"
				 "\tr2 += -4\n"
				 "\tr1 = second ll\n"
				 "\tcall bpf_map_lookup_elem\n"
				 "\tif r0 == 0 goto out\n"
				 "\tr6 = r0\n"
				 "\tr1 = dv ll\n"
				 "\tr1 = *(u64 *)(r1 + 8)\n"
				 "\tr2 = ro ll\n"
				 "\tr2 = *(u64 *)(r2 + 0)\n"
				 "\tr1 += r2\n"
				 "\tcall add_ten\n"
				 "\t*(u64 *)(r6 + 0) = r0\n"
				 "\tr1 = dv ll\n"
				 "\tr2 = 7\n"
				 "\t*(u64 *)(r1 + 0) = r2\n"
				 "out:\n"
				 "\tw0 = 2\n"
				 "\texit\n"
				 "\t.size main, .-main\n";

START_TEST(lddw_reaches_the_right_map_data_and_subprogram)
{
	struct obj *o = assemble("two_maps.s", two_maps_s);
	struct vm *vm;
	struct vm_obj *vo = load_ok(&vm, o, NULL);
	int data = vm_obj_map_find(vo, ".data"), ro = vm_obj_map_find(vo, ".rodata");
	const struct vm_map *dm, *rm;
	uint64_t v;

	ck_assert_int_ge(data, 0);
	ck_assert_int_ge(ro, 0);
	dm = vm_obj_map(vo, (size_t)data);
	rm = vm_obj_map(vo, (size_t)ro);
	/* global data: one-entry arrays holding their section */
	ck_assert_uint_eq(dm->type, BPF_MAP_TYPE_ARRAY);
	ck_assert_uint_eq(dm->max_entries, 1);
	ck_assert_uint_eq(dm->value_size, 16);
	ck_assert_uint_eq(rm->flags & BPF_F_RDONLY_PROG, BPF_F_RDONLY_PROG);
	ck_assert_uint_eq(dm->flags & BPF_F_RDONLY_PROG, 0);
	memcpy(&v, dm->arena + 8, 8);
	ck_assert_uint_eq(v, 0x2222);
	memcpy(&v, rm->arena, 8);
	ck_assert_uint_eq(v, 0x3333);

	ck_assert_uint_eq(run(vm, vo, "main", 0), 2);
	/* 0x2222 + 0x3333 + 10 into second[1]; first untouched */
	ck_assert_uint_eq(map_u64(vo, "second", 1), 0x2222 + 0x3333 + 10);
	ck_assert_uint_eq(map_u64(vo, "second", 0), 0);
	ck_assert_uint_eq(map_u64(vo, "first", 0), 0);
	ck_assert_uint_eq(map_u64(vo, "first", 1), 0);
	memcpy(&v, dm->arena, 8);
	ck_assert_uint_eq(v, 7);
	/* the subprogram was appended after the program */
	ck_assert_uint_gt(vm_prog_len(vm_obj_prog(vo, 0)), 22);
	vm_obj_free(vo);
	vm_free(vm);
	obj_free(o);
}
END_TEST

/* obj/link.h alone: map imm = 100 + map index, or "not created" for map @arg. */
static int fake_imm(void *arg, int map, int32_t *imm)
{
	if (map == *(int *)arg)
		return -ENOENT;
	*imm = 100 + map;
	return 0;
}

START_TEST(linking_places_subprograms_and_map_references)
{
	struct obj *o = assemble("two_maps.s", two_maps_s);
	int none = -1, second = obj_map_find(o, "second"), data = -1, ro = -1;
	int xdp = obj_sec_find(o, "xdp"), text = obj_sec_find(o, ".text");
	struct obj_linked l = {0};
	struct obj_link *lk;
	struct diag d;
	size_t n;

	for (size_t i = 0; i < o->nmaps; i++) {
		if (o->maps[i].data_sec == obj_sec_find(o, ".data"))
			data = (int)i;
		if (o->maps[i].data_sec == obj_sec_find(o, ".rodata"))
			ro = (int)i;
	}
	ck_assert_int_ge(data, 0);
	ck_assert_int_ge(ro, 0);
	diag_init(&d);
	ck_assert_int_eq(obj_link_new(o, &lk), 0);
	ck_assert_int_eq(obj_link_prog(lk, &o->progs[0], fake_imm, &none, NULL, &d, &l), 0);
	n = (size_t)(o->progs[0].size / 8);
	/* the program, then add_ten (3 slots) from .text */
	ck_assert_uint_eq(l.ninsns, n + 3);
	ck_assert_uint_eq(l.nchunks, 2);
	ck_assert_int_eq(l.chunks[1].sec, text);
	ck_assert_uint_eq(l.chunks[1].at, n);
	ck_assert_int_eq(l.origin[0].sec, xdp);
	ck_assert_int_eq(l.origin[n].sec, text);
	ck_assert_uint_eq(l.origin[n + 2].off, 16);
	/* slot 4: r1 = second ll */
	ck_assert_int_eq(l.insns[4].src, ISA_PSEUDO_MAP_FD);
	ck_assert_int_eq(l.insns[4].imm, 100 + second);
	/* slot 9: r1 = dv ll, the .data value at offset 0; slot 12: r2 = ro ll */
	ck_assert_int_eq(l.insns[9].src, ISA_PSEUDO_MAP_VALUE);
	ck_assert_int_eq(l.insns[9].imm, 100 + data);
	ck_assert_int_eq(l.insns[10].imm, 0);
	ck_assert_int_eq(l.insns[12].src, ISA_PSEUDO_MAP_VALUE);
	ck_assert_int_eq(l.insns[12].imm, 100 + ro);
	/* slot 16: call add_ten, pc-relative to slot n */
	ck_assert_int_eq(l.insns[16].code, 0x85);
	ck_assert_int_eq(16 + 1 + l.insns[16].imm, (int)n);
	obj_linked_fini(&l);
	ck_assert_uint_eq(d.nmsgs, 0);

	/* a map without its imm */
	ck_assert_int_eq(obj_link_prog(lk, &o->progs[0], fake_imm, &second, NULL, &d, &l), -ENOENT);
	ck_assert(diag_has(&d, "prog 'main': map 'second' was not created"));
	obj_linked_fini(&l);
	obj_link_free(lk);
	diag_fini(&d);
	obj_free(o);
}
END_TEST

static const char rodata_write_s[] = "\t.section .rodata\n"
				     "\t.globl k\n"
				     "k:\n"
				     "\t.quad 5\n"
				     "\t.section xdp\n"
				     "\t.globl w\n"
				     "\t.type w, @function\n"
				     "w:\n"
				     "\tr1 = k ll\n"
				     "\tr2 = 6\n"
				     "\t*(u64 *)(r1 + 0) = r2\n"
				     "\tw0 = 2\n"
				     "\texit\n"
				     "\t.size w, .-w\n";

START_TEST(rodata_is_read_only_for_programs)
{
	struct obj *o = assemble("rodata_write.s", rodata_write_s);
	struct vm *vm;
	struct vm_obj *vo = load_ok(&vm, o, NULL);
	uint64_t r0, v;
	int ro = vm_obj_map_find(vo, ".rodata");

	ck_assert_int_eq(vm_prog_run(vm, vm_obj_prog(vo, 0), 0, 0, &r0), -EFAULT);
	ck_assert_int_eq(vm_fault_get(vm)->kind, VM_FAULT_MEM);
	memcpy(&v, vm_obj_map(vo, (size_t)ro)->arena, 8);
	ck_assert_uint_eq(v, 5);
	vm_obj_free(vo);
	vm_free(vm);
	obj_free(o);
}
END_TEST

/* Line 6 loads through a NULL pointer. */
static const char fault_s[] = "\t.section xdp\n"
			      "\t.globl f\n"
			      "\t.type f, @function\n"
			      "f:\n"
			      "\tr2 = 0\n"
			      "\tr0 = *(u64 *)(r2 + 8)\n"
			      "\texit\n"
			      "\t.size f, .-f\n";

START_TEST(a_fault_names_its_source_line)
{
	struct obj *o = assemble("fault.s", fault_s);
	struct vm *vm;
	struct vm_obj *vo = load_ok(&vm, o, NULL);
	struct diag d;
	uint64_t r0;
	char *text;

	ck_assert_int_eq(vm_prog_run(vm, vm_obj_prog(vo, 0), 0, 0, &r0), -EFAULT);
	diag_init(&d);
	vm_fault_report(vm, &d, NULL);
	ck_assert_uint_eq(d.nmsgs, 1);
	ck_assert_str_eq(d.msgs[0].file, "fault.s");
	ck_assert_uint_eq(d.msgs[0].line, 6);
	text = diag_text(&d);
	ck_assert_msg(strstr(text, "fault.s:6:") != NULL, "%s", text);
	free(text);
	diag_fini(&d);
	vm_obj_free(vo);
	vm_free(vm);
	obj_free(o);
}
END_TEST

/* ---------------------------------------------------------------- tail calls */

/* dispatch counts itself in hits[0], then tail-calls jmp[0]; falling through returns 7. */
static const char tail_s[] = "\t.license \"GPL\"\n"
			     "\t.map jmp, prog_array, key=4, value=4, entries=4\n"
			     "\t.map hits, array, key=4, value=8, entries=1\n"
			     "\t.section xdp\n"
			     "\t.globl dispatch\n"
			     "\t.type dispatch, @function\n"
			     "dispatch:\n"
			     "\tr6 = r1\n"
			     "\tw1 = 0\n"
			     "\t*(u32 *)(r10 - 4) = r1\n"
			     "\tr2 = r10\n"
			     "\tr2 += -4\n"
			     "\tr1 = hits ll\n"
			     "\tcall bpf_map_lookup_elem\n"
			     "\tif r0 == 0 goto out\n"
			     "\tr1 = 1\n"
			     "\tlock *(u64 *)(r0 + 0) += r1\n"
			     "\tr1 = r6\n"
			     "\tr2 = jmp ll\n"
			     "\tr3 = 0\n"
			     "\tcall bpf_tail_call\n"
			     "out:\n"
			     "\tw0 = 7\n"
			     "\texit\n"
			     "\t.size dispatch, .-dispatch\n"
			     "\t.globl target\n"
			     "\t.type target, @function\n"
			     "target:\n"
			     "\tw0 = 42\n"
			     "\texit\n"
			     "\t.size target, .-target\n"
			     "\t.section tc\n"
			     "\t.globl other\n"
			     "\t.type other, @function\n"
			     "other:\n"
			     "\tw0 = 0\n"
			     "\texit\n"
			     "\t.size other, .-other\n";

START_TEST(a_tail_call_jumps_to_the_program_set_in_the_prog_array)
{
	struct obj *o = assemble("tail.s", tail_s);
	struct vm *vm;
	struct vm_obj *vo = load_ok(&vm, o, NULL);
	int jmp = vm_obj_map_find(vo, "jmp");
	int target = vm_obj_prog_find(vo, "target", NULL);

	ck_assert_int_ge(jmp, 0);
	ck_assert_int_ge(target, 0);
	/* empty slot: the call falls through */
	ck_assert_uint_eq(run(vm, vo, "dispatch", 0), 7);
	ck_assert_int_eq(vm_obj_prog_array_set(vo, (size_t)jmp, 0, target), 0);
	ck_assert_uint_eq(run(vm, vo, "dispatch", 0), 42);
	ck_assert_uint_eq(map_u64(vo, "hits", 0), 2);
	/* emptied again */
	ck_assert_int_eq(vm_obj_prog_array_set(vo, (size_t)jmp, 0, -1), 0);
	ck_assert_uint_eq(run(vm, vo, "dispatch", 0), 7);
	/* the API refuses what the kernel refuses */
	ck_assert_int_eq(vm_obj_prog_array_set(vo, (size_t)jmp, 4, target), -E2BIG);
	ck_assert_int_eq(vm_obj_prog_array_set(vo, (size_t)jmp, 0, 99), -EINVAL);
	/* jmp serves XDP programs (dispatch uses it): a tc program does not go in */
	ck_assert_int_eq(
		vm_obj_prog_array_set(vo, (size_t)jmp, 1, vm_obj_prog_find(vo, "other", NULL)),
		-EINVAL);
	ck_assert_int_eq(vm_obj_prog_array_set(vo, (size_t)vm_obj_map_find(vo, "hits"), 0, 0),
			 -EINVAL);
	vm_obj_free(vo);
	vm_free(vm);
	obj_free(o);
}
END_TEST

START_TEST(tail_calls_stop_after_33)
{
	struct obj *o = assemble("tail.s", tail_s);
	struct vm *vm;
	struct vm_obj *vo = load_ok(&vm, o, NULL);
	int dispatch = vm_obj_prog_find(vo, "dispatch", NULL);

	/* dispatch calls itself: the first run and 33 tail calls, then it falls through */
	ck_assert_int_eq(vm_obj_prog_array_set(vo, (size_t)vm_obj_map_find(vo, "jmp"), 0, dispatch),
			 0);
	ck_assert_uint_eq(run(vm, vo, "dispatch", 0), 7);
	ck_assert_uint_eq(map_u64(vo, "hits", 0), 1 + VM_MAX_TAIL_CALLS);
	ck_assert_uint_eq(VM_MAX_TAIL_CALLS, 33);
	/* the count starts again with every run */
	ck_assert_uint_eq(run(vm, vo, "dispatch", 0), 7);
	ck_assert_uint_eq(map_u64(vo, "hits", 0), 2 * (1 + VM_MAX_TAIL_CALLS));
	vm_obj_free(vo);
	vm_free(vm);
	obj_free(o);
}
END_TEST

START_TEST(programs_are_found_by_name_or_section_with_clear_errors)
{
	struct obj *o = assemble("tail.s", tail_s);
	struct vm *vm;
	struct vm_obj *vo = load_ok(&vm, o, NULL);
	struct diag d;

	diag_init(&d);
	ck_assert_uint_eq(vm_obj_prog_count(vo), 3);
	ck_assert_str_eq(vm_obj_prog_name(vo, (size_t)vm_obj_prog_find(vo, "target", &d)),
			 "target");
	ck_assert_str_eq(vm_obj_prog_section(vo, 0), "xdp");
	ck_assert_uint_eq(d.nmsgs, 0);
	ck_assert_int_eq(vm_obj_prog_find(vo, "xdp", &d), -EINVAL);
	ck_assert_msg(diag_has(&d, "section 'xdp' of the object has 2 programs"), "%s",
		      d.nmsgs ? d.msgs[0].text : "(none)");
	ck_assert_int_eq(vm_obj_prog_find(vo, "nope", &d), -ENOENT);
	ck_assert(diag_has(&d, "no program or section 'nope' in the object; programs: "
			       "dispatch (xdp), target (xdp), other (tc)"));
	ck_assert_int_eq(vm_obj_prog_find(vo, NULL, &d), -EINVAL);
	ck_assert_uint_eq(d.nerrors, 3);
	/* a section with one program names it */
	ck_assert_int_eq(vm_obj_prog_find(vo, "tc", &d), vm_obj_prog_find(vo, "other", &d));
	ck_assert_int_eq(vm_obj_prog_type(vo, (size_t)vm_obj_prog_find(vo, "tc", &d)),
			 BPF_PROG_TYPE_SCHED_CLS);
	ck_assert_uint_eq(d.nerrors, 3);
	ck_assert_int_eq(vm_obj_map_find(vo, "nope"), -ENOENT);
	diag_fini(&d);
	vm_obj_free(vo);
	vm_free(vm);
	obj_free(o);
}
END_TEST

START_TEST(the_program_type_can_be_imposed)
{
	struct obj *o = assemble("tail.s", tail_s);
	struct vm_obj_opts opts = {.name = "tail.o", .prog_type = BPF_PROG_TYPE_SCHED_CLS};
	struct vm *vm;
	struct vm_obj *vo = load_ok(&vm, o, &opts);

	for (size_t i = 0; i < vm_obj_prog_count(vo); i++)
		ck_assert_int_eq(vm_obj_prog_type(vo, i), BPF_PROG_TYPE_SCHED_CLS);
	vm_obj_free(vo);
	vm_free(vm);
	obj_free(o);

	o = assemble("tail.s", tail_s);
	vo = load_ok(&vm, o, NULL);
	ck_assert_int_eq(vm_obj_prog_type(vo, 0), BPF_PROG_TYPE_XDP);
	vm_obj_free(vo);
	vm_free(vm);
	obj_free(o);
}
END_TEST

/* ---------------------------------------------------------------- malformed objects */

/* An object with one program "p" in section xdp (lddw of map m at 0, a call at 16, exit). */
static const char base_s[] = "\t.map m, array, key=4, value=8, entries=1\n"
			     "\t.section junk, \"a\"\n"
			     "\t.globl notamap\n"
			     "notamap:\n"
			     "\t.quad 0\n"
			     "\t.section xdp\n"
			     "\t.globl p\n"
			     "\t.type p, @function\n"
			     "p:\n"
			     "\tr1 = m ll\n"
			     "\tr0 = 0\n"
			     "\texit\n"
			     "\t.size p, .-p\n";

enum { BAD_UNDEF_SYM, BAD_SYM_INDEX, BAD_NOT_A_MAP, BAD_NOT_LDDW, BAD_CALL, BAD_MAP, BAD_REL_TYPE };

static const struct {
	const char *why;
	const char *expect; /* in an error message */
	int err;
} bad[] = {
	[BAD_UNDEF_SYM] = {"a relocation against an undefined symbol",
			   "prog 'p': 'ext' is not defined in this object", -EINVAL},
	[BAD_SYM_INDEX] = {"a relocation against no symbol", "is not R_BPF_64_64 on lddw", -EINVAL},
	[BAD_NOT_A_MAP] = {"an lddw of a symbol that is no map",
			   "prog 'p': 'notamap' in section 'junk' is neither a map nor global data",
			   -EINVAL},
	[BAD_NOT_LDDW] = {"a relocation patching a mov",
			  "patches an instruction that is neither lddw nor a call", -EINVAL},
	[BAD_CALL] = {"a call past the end of the code", "prog 'p': call target xdp+0x", -EINVAL},
	[BAD_MAP] = {"a map the VM refuses", "programs not loaded: they need every map", -EINVAL},
	[BAD_REL_TYPE] = {"an lddw relocation of the wrong type", "is not R_BPF_64_64 on lddw",
			  -EINVAL},
};
#define NBAD ((int)(sizeof(bad) / sizeof(bad[0])))

START_TEST(malformed_objects_are_refused_with_a_message)
{
	struct obj *o = assemble("base.s", base_s);
	int xdp = obj_sec_find(o, "xdp");
	struct vm *vm = vm_new();
	struct vm_obj *vo = (void *)1;
	struct obj_rel *r = NULL;
	struct diag d;
	int err;

	for (size_t i = 0; i < o->nrels; i++)
		if (o->rels[i].sec == xdp && o->rels[i].offset == 0)
			r = &o->rels[i];
	ck_assert_ptr_nonnull(r);
	switch (_i) {
	case BAD_UNDEF_SYM:
		r->sym = obj_sym_add(o, "ext", OBJ_SEC_UNDEF, 0, 0, 1 /* STB_GLOBAL */, 0);
		break;
	case BAD_SYM_INDEX:
		r->sym = (int)o->nsyms + 5;
		break;
	case BAD_NOT_A_MAP:
		r->sym = obj_sym_find(o, "notamap");
		break;
	case BAD_NOT_LDDW:
		r->offset = 16;
		break;
	case BAD_CALL: {
		/* r0 = 0 becomes a local call far past the end */
		uint8_t call[8] = {0x85, 0x10, 0, 0, 0x00, 0x01, 0, 0};

		memcpy(o->secs[xdp].data.data + 16, call, 8);
		break;
	}
	case BAD_MAP:
		o->maps[0].key_size = 8;
		break;
	case BAD_REL_TYPE:
		r->type = ISA_R_BPF_64_32;
		break;
	}
	ck_assert_ptr_nonnull(vm);
	diag_init(&d);
	err = vm_obj_load(vm, o, NULL, &vo, &d);
	ck_assert_msg(err == bad[_i].err, "%s: got %d", bad[_i].why, err);
	ck_assert_ptr_null(vo);
	ck_assert_msg(diag_has(&d, bad[_i].expect), "%s: expected '%s' in:\n%s", bad[_i].why,
		      bad[_i].expect, diag_text(&d));
	diag_fini(&d);
	vm_free(vm);
	obj_free(o);
}
END_TEST

START_TEST(loading_survives_every_allocation_failure)
{
	struct obj *o = assemble("two_maps.s", two_maps_s);
	int failed = 0;

	for (unsigned long n = 1; n < 10000; n++) {
		struct vm *vm = vm_new();
		struct vm_obj *vo = NULL;
		struct diag d;
		int err;

		ck_assert_ptr_nonnull(vm);
		diag_init(&d);
		mem_fail_nth(n);
		err = vm_obj_load(vm, o, NULL, &vo, &d);
		mem_fail_nth(0);
		if (err == 0) {
			ck_assert_ptr_nonnull(vo);
			ck_assert_uint_eq(run(vm, vo, "main", 0), 2);
			vm_obj_free(vo);
			vm_free(vm);
			diag_fini(&d);
			break;
		}
		ck_assert_msg(err == -ENOMEM, "allocation %lu: %d", n, err);
		ck_assert_ptr_null(vo);
		failed++;
		diag_fini(&d);
		vm_free(vm);
	}
	ck_assert_int_gt(failed, 5);
	obj_free(o);
}
END_TEST

/* ---------------------------------------------------------------- the summary */

static const char summary_s[] = "\t.map counts, array, key=4, value=8, entries=4\n"
				"\t.map h, hash, key=4, value=2, entries=8\n"
				"\t.map rb, ringbuf, key=0, value=0, entries=4096\n"
				"\t.map jmp, prog_array, key=4, value=4, entries=2\n"
				"\t.map q, queue, key=0, value=4, entries=4\n"
				"\t.map pe, perf_event_array, key=4, value=4, entries=2\n"
				"\t.section xdp\n"
				"\t.globl out\n"
				"\t.type out, @function\n"
				"out:\n"
				"\tr1 = 42\n"
				"\t*(u64 *)(r10 - 8) = r1\n"
				"\tr1 = rb ll\n"
				"\tr2 = r10\n"
				"\tr2 += -8\n"
				"\tr3 = 8\n"
				"\tr4 = 0\n"
				"\tcall bpf_ringbuf_output\n"
				"\tr1 = 0\n"
				"\tr2 = pe ll\n"
				"\tr3 = 1\n"
				"\tr4 = r10\n"
				"\tr4 += -8\n"
				"\tr5 = 4\n"
				"\tcall bpf_perf_event_output\n"
				"\tw0 = 0\n"
				"\texit\n"
				"\t.size out, .-out\n";

START_TEST(the_map_summary_lists_entries_in_hex_and_decimal)
{
	struct obj *o = assemble("summary.s", summary_s);
	struct vm *vm;
	struct vm_obj *vo = load_ok(&vm, o, NULL);
	uint32_t k1 = 1, k7 = 7;
	uint64_t five = 5;
	uint8_t two[2] = {1, 2};
	struct buf b = {0};

	ck_assert_int_eq(vm_map_update(vm_obj_map(vo, 0), &k1, &five, BPF_ANY), 0);
	ck_assert_int_eq(vm_map_update(vm_obj_map(vo, 1), &k7, two, BPF_ANY), 0);
	ck_assert_int_eq(vm_obj_prog_array_set(vo, 3, 1, 0), 0);
	ck_assert_int_eq(vm_map_push(vm_obj_map(vo, 4), &k7, BPF_ANY), 0);
	ck_assert_int_eq(vm_map_push(vm_obj_map(vo, 4), &k1, BPF_ANY), 0);
	ck_assert_uint_eq(run(vm, vo, "out", 0), 0);
	ck_assert_int_eq(vm_obj_collect(vo), 1);

	ck_assert_int_eq(vm_obj_maps_format(vo, &b, 0, 0), 0);
	ck_assert_int_eq(buf_append(&b, "", 1), 0);
	ck_assert_str_eq((char *)b.data,
			 "map 'counts': array, key 4, value 8, max_entries 4, flags 0x0\n"
			 "  key 01 00 00 00 (1): 05 00 00 00 00 00 00 00 (5)\n"
			 "  3 all-zero entries not shown\n"
			 "map 'h': hash, key 4, value 2, max_entries 8, flags 0x0\n"
			 "  key 07 00 00 00 (7): 01 02\n"
			 "map 'rb': ringbuf, max_entries 4096, flags 0x0\n"
			 "  record 0 (8 bytes): 2a 00 00 00 00 00 00 00 (42)\n"
			 "map 'jmp': prog_array, key 4, value 4, max_entries 2, flags 0x0\n"
			 "  key 01 00 00 00 (1): prog 'out' (0)\n"
			 "map 'q': queue, key 0, value 4, max_entries 4, flags 0x0\n"
			 "  value 07 00 00 00 (7)\n"
			 "  value 01 00 00 00 (1)\n"
			 "map 'pe': perf_event_array, key 4, value 4, max_entries 2, flags 0x0\n"
			 "  record 0 (cpu 1, 4 bytes): 2a 00 00 00 (42)\n");
	b.len = 0;

	/* every entry when asked */
	ck_assert_int_eq(vm_obj_maps_format(vo, &b, 0, VM_OBJ_FMT_ZEROS), 0);
	ck_assert_int_eq(buf_append(&b, "", 1), 0);
	ck_assert_ptr_nonnull(strstr((char *)b.data, "  key 03 00 00 00 (3): 00 00 00 00 00 00 "
						     "00 00 (0)\n"));
	ck_assert_ptr_null(strstr((char *)b.data, "not shown"));
	b.len = 0;

	ck_assert_int_eq(vm_obj_maps_format(vo, &b, 1, 0), 0);
	ck_assert_int_eq(buf_append(&b, "", 1), 0);
	ck_assert_str_eq(
		(char *)b.data,
		"{\"name\":\"counts\",\"type\":\"array\",\"key_size\":4,\"value_size\":8,"
		"\"max_entries\":4,\"flags\":0,\"entries\":[{\"key\":\"01000000\",\"key_dec\":1,"
		"\"value\":\"0500000000000000\",\"value_dec\":5}],\"zero_entries\":3}\n"
		"{\"name\":\"h\",\"type\":\"hash\",\"key_size\":4,\"value_size\":2,"
		"\"max_entries\":8,\"flags\":0,\"entries\":[{\"key\":\"07000000\",\"key_dec\":7,"
		"\"value\":\"0102\"}]}\n"
		"{\"name\":\"rb\",\"type\":\"ringbuf\",\"key_size\":0,\"value_size\":0,"
		"\"max_entries\":4096,\"flags\":0,\"records\":[{\"cpu\":0,"
		"\"data\":\"2a00000000000000\",\"data_dec\":42}]}\n"
		"{\"name\":\"jmp\",\"type\":\"prog_array\",\"key_size\":4,\"value_size\":4,"
		"\"max_entries\":2,\"flags\":0,\"entries\":[{\"key\":\"01000000\",\"key_dec\":1,"
		"\"value\":\"00000000\",\"value_dec\":0,\"prog\":\"out\"}]}\n"
		"{\"name\":\"q\",\"type\":\"queue\",\"key_size\":0,\"value_size\":4,"
		"\"max_entries\":4,\"flags\":0,\"entries\":[{\"value\":\"07000000\",\"value_dec\":"
		"7},"
		"{\"value\":\"01000000\",\"value_dec\":1}]}\n"
		"{\"name\":\"pe\",\"type\":\"perf_event_array\",\"key_size\":4,\"value_size\":4,"
		"\"max_entries\":2,\"flags\":0,\"records\":[{\"cpu\":1,\"data\":\"2a000000\","
		"\"data_dec\":42}]}\n");
	buf_free(&b);
	vm_obj_free(vo);
	vm_free(vm);
	obj_free(o);
}
END_TEST

/* ---------------------------------------------------------------- clang objects */

static char workdir[64];

/* A prog_array initialised in the object: slot 2 runs leaf. */
static const char tail_values_c[] =
	"typedef unsigned int __u32;\n"
	"#define SEC(n) __attribute__((section(n), used))\n"
	"#define __uint(name, val) int(*name)[val]\n"
	"#define __type(name, val) typeof(val) *name\n"
	"#define __array(name, val) typeof(val) *name[]\n"
	"struct xdp_md { __u32 data, data_end, data_meta, ingress_ifindex, rx_queue_index,\n"
	"                egress_ifindex; };\n"
	"static long (*bpf_tail_call)(void *ctx, void *map, __u32 index) = (void *)12;\n"
	"int leaf(struct xdp_md *ctx);\n"
	"struct {\n"
	"	__uint(type, 3);\n"
	"	__uint(max_entries, 4);\n"
	"	__type(key, __u32);\n"
	"	__array(values, int(struct xdp_md *));\n"
	"} jmp SEC(\".maps\") = { .values = { [2] = (void *)&leaf } };\n"
	"SEC(\"xdp\") int leaf(struct xdp_md *ctx) { return 42; }\n"
	"SEC(\"xdp\") int entry(struct xdp_md *ctx)\n"
	"{\n"
	"	bpf_tail_call(ctx, &jmp, ctx->rx_queue_index);\n"
	"	return 7;\n"
	"}\n"
	"char _license[] SEC(\"license\") = \"GPL\";\n";

static void clang_setup(void)
{
	const char *t = tu_mkdtemp();
	char path[128];

	if (!t)
		return;
	snprintf(workdir, sizeof(workdir), "%s", t);
	snprintf(path, sizeof(path), "%s/tail_values.c", workdir);
	tu_write_file(path, tail_values_c, strlen(tail_values_c));
}

static void clang_teardown(void)
{
	if (workdir[0])
		tu_rmrf(workdir);
}

/* Compile @src (a path) with clang -O2 -g and read it. */
static struct obj *clang_obj(const char *src, const char *name)
{
	char out[160], *msgs = NULL;
	struct obj *o = NULL;
	struct diag d;
	int st, err;

	ck_assert_msg(workdir[0], "no temporary directory");
	snprintf(out, sizeof(out), "%s/%s.o", workdir, name);
	st = tu_runf(&msgs, "%s -O2 -g -target bpf -mcpu=v3 -c '%s' -o '%s'", tu_clang(), src, out);
	ck_assert_msg(st == 0, "clang %s: %d\n%s", src, st, msgs ? msgs : "");
	free(msgs);
	diag_init(&d);
	err = obj_read_file(out, &o, &d);
	ck_assert_msg(err == 0, "%s: %s", out, diag_text(&d));
	diag_fini(&d);
	return o;
}

static struct obj *clang_test_obj(const char *name)
{
	char src[512];

	snprintf(src, sizeof(src), "%s/tests/clang/%s.c", tu_srcdir(), name);
	return clang_obj(src, name);
}

START_TEST(clang_globals_start_as_the_sections_say_and_change)
{
	struct obj *o = clang_test_obj("globals");
	struct vm *vm;
	struct vm_obj *vo = load_ok(&vm, o, NULL);
	uint32_t ctx[6] = {0, 100, 0, 0, 2, 0};
	uint64_t r1 = ctx_map(vm, ctx);
	int data = vm_obj_map_find(vo, ".data"), bss = vm_obj_map_find(vo, ".bss"),
	    ro = vm_obj_map_find(vo, ".rodata");
	const struct obj_sym *packets = &o->syms[obj_sym_find(o, "packets")],
			     *bytes = &o->syms[obj_sym_find(o, "bytes")],
			     *seen = &o->syms[obj_sym_find(o, "seen")],
			     *limit = &o->syms[obj_sym_find(o, "limit")];
	uint64_t v;
	uint32_t w;

	ck_assert_int_ge(data, 0);
	ck_assert_int_ge(bss, 0);
	ck_assert_int_ge(ro, 0);
	ck_assert_uint_eq(vm_obj_map(vo, (size_t)ro)->flags & BPF_F_RDONLY_PROG, BPF_F_RDONLY_PROG);
	memcpy(&v, vm_obj_map(vo, (size_t)data)->arena + packets->value, 8);
	ck_assert_uint_eq(v, 1);
	memcpy(&w, vm_obj_map(vo, (size_t)ro)->arena + limit->value, 4);
	ck_assert_uint_eq(w, 1500);

	/* verdicts[100 > 1500] = 1 */
	ck_assert_uint_eq(run(vm, vo, "xdp_globals", r1), 1);
	ctx[1] = 2000;
	ck_assert_uint_eq(run(vm, vo, "xdp_globals", r1), 2);
	memcpy(&v, vm_obj_map(vo, (size_t)data)->arena + packets->value, 8);
	ck_assert_uint_eq(v, 3);
	memcpy(&v, vm_obj_map(vo, (size_t)bss)->arena + bytes->value, 8);
	ck_assert_uint_eq(v, 2100);
	memcpy(&w, vm_obj_map(vo, (size_t)bss)->arena + seen->value + 2 * 4, 4);
	ck_assert_uint_eq(w, 2000);
	vm_obj_free(vo);
	vm_free(vm);
	obj_free(o);
}
END_TEST

/* subprog.c's computation, in C */
static uint64_t mix(uint64_t a, uint64_t b)
{
	a ^= b * 0x9e3779b97f4a7c15ULL;
	return (a << 13) | (a >> 51);
}

START_TEST(clang_subprograms_are_called)
{
	struct obj *o = clang_test_obj("subprog");
	struct vm *vm;
	struct vm_obj *vo = load_ok(&vm, o, NULL);
	uint32_t ctx[6] = {0, 64, 0, 3, 0, 0};
	uint64_t r1 = ctx_map(vm, ctx);

	for (uint32_t q = 0; q < 16; q++) {
		uint64_t h;
		uint32_t v;

		ctx[4] = q;
		h = mix(mix(3, q), 64);
		v = (uint32_t)h & 7;
		ck_assert_uint_eq(run(vm, vo, "xdp_subprog", r1), v >= 1 && v < 3 ? 1 : 2);
	}
	vm_obj_free(vo);
	vm_free(vm);
	obj_free(o);
}
END_TEST

START_TEST(clang_maps_and_program_types)
{
	struct obj *o = clang_test_obj("xdp_array");
	struct vm *vm;
	struct vm_obj *vo = load_ok(&vm, o, NULL);
	int m = vm_obj_map_find(vo, "proto_count");
	const struct vm_map *pm;

	ck_assert_int_ge(m, 0);
	pm = vm_obj_map(vo, (size_t)m);
	ck_assert_uint_eq(pm->type, BPF_MAP_TYPE_ARRAY);
	ck_assert_uint_eq(pm->key_size, 4);
	ck_assert_uint_eq(pm->value_size, 8);
	ck_assert_uint_eq(pm->max_entries, 256);
	ck_assert_int_eq(vm_obj_prog_type(vo, 0), BPF_PROG_TYPE_XDP);
	vm_obj_free(vo);
	vm_free(vm);
	obj_free(o);

	o = clang_test_obj("tracepoint_hash");
	vo = load_ok(&vm, o, NULL);
	ck_assert_uint_ge(vm_obj_prog_count(vo), 2);
	for (size_t i = 0; i < vm_obj_prog_count(vo); i++) {
		const char *sec = vm_obj_prog_section(vo, i);
		int want =
			(strncmp(sec, "raw_tp", 6) == 0 || strncmp(sec, "raw_tracepoint", 14) == 0)
				? BPF_PROG_TYPE_RAW_TRACEPOINT
				: BPF_PROG_TYPE_TRACEPOINT;

		ck_assert_msg(vm_obj_prog_type(vo, i) == want, "%s: type %d", sec,
			      vm_obj_prog_type(vo, i));
	}
	vm_obj_free(vo);
	vm_free(vm);
	obj_free(o);
}
END_TEST

START_TEST(clang_prog_array_values_come_from_the_object)
{
	char src[128];
	struct obj *o;
	struct vm *vm;
	struct vm_obj *vo;
	uint32_t ctx[6] = {0};
	struct diag d;
	uint64_t r1;

	snprintf(src, sizeof(src), "%s/tail_values.c", workdir);
	o = clang_obj(src, "tail_values");
	vo = load_ok(&vm, o, NULL);
	r1 = ctx_map(vm, ctx);
	ctx[4] = 2;
	ck_assert_uint_eq(run(vm, vo, "entry", r1), 42);
	ctx[4] = 1;
	ck_assert_uint_eq(run(vm, vo, "entry", r1), 7);
	vm_obj_free(vo);
	vm_free(vm);

	/* an initial value that is no program */
	vm = vm_new();
	ck_assert_ptr_nonnull(vm);
	for (size_t i = 0; i < o->nrels; i++)
		if (o->rels[i].sec == obj_sec_find(o, ".maps"))
			o->rels[i].sym = obj_sym_find(o, "jmp");
	diag_init(&d);
	ck_assert_int_eq(vm_obj_load(vm, o, NULL, &vo, &d), -EINVAL);
	ck_assert_ptr_null(vo);
	ck_assert(diag_has(&d, "map 'jmp': initial value at +0x"));
	diag_fini(&d);
	vm_free(vm);
	obj_free(o);
}
END_TEST

static Suite *vmobj_suite(void)
{
	Suite *s = suite_create("vmobj");
	TCase *tc = tcase_create("asm");

	tcase_add_loop_test(tc, progs_load_with_their_maps_and_program_types, 0, NPROGS);
	tcase_add_test(tc, xdp_count_counts_in_its_map);
	tcase_add_test(tc, linking_places_subprograms_and_map_references);
	tcase_add_test(tc, lddw_reaches_the_right_map_data_and_subprogram);
	tcase_add_test(tc, rodata_is_read_only_for_programs);
	tcase_add_test(tc, a_fault_names_its_source_line);
	tcase_add_test(tc, a_tail_call_jumps_to_the_program_set_in_the_prog_array);
	tcase_add_test(tc, tail_calls_stop_after_33);
	tcase_add_test(tc, programs_are_found_by_name_or_section_with_clear_errors);
	tcase_add_test(tc, the_program_type_can_be_imposed);
	tcase_add_loop_test(tc, malformed_objects_are_refused_with_a_message, 0, NBAD);
	tcase_add_test(tc, loading_survives_every_allocation_failure);
	tcase_add_test(tc, the_map_summary_lists_entries_in_hex_and_decimal);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);

	if (tu_clang()) {
		tc = tcase_create("clang");
		tcase_add_unchecked_fixture(tc, clang_setup, clang_teardown);
		tcase_add_test(tc, clang_globals_start_as_the_sections_say_and_change);
		tcase_add_test(tc, clang_subprograms_are_called);
		tcase_add_test(tc, clang_maps_and_program_types);
		tcase_add_test(tc, clang_prog_array_values_come_from_the_object);
		tcase_set_timeout(tc, 60);
		suite_add_tcase(s, tc);
	} else {
		fprintf(stderr, "note: no clang: the clang objects are not loaded\n");
	}
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(vmobj_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	for (int i = 0; i < NPROGS; i++)
		free(prog_text[i]);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
