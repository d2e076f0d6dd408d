/* SPDX-License-Identifier: MIT */
/*
 * fuzz_vm.c - libFuzzer target for the interpreter: any bytes as bytecode, run in a VM with
 * a small budget, a small memory region and two small maps. The loader must refuse what does
 * not decode (with a message), and whatever loads must run to r0 or to a fault that says
 * where and why - never crash, hang, or touch host memory outside its regions (the memory
 * and the map arenas are exact-size heap blocks, so a sanitizer sees any stray access).
 *
 * Input layout:
 *   byte 0      flags: bit 0 the conformance helper set instead of the kernel's; bit 1
 *               trace every instruction (the slow dispatch path); bit 2 mem is the packet
 *   bytes 1-16  the memory r1 points at (r2 = 16)
 *   the rest    bytecode, 8 bytes a slot (a partial slot at the end is dropped)
 *
 * Built as a libFuzzer binary (tests/fuzz_vm, --enable-fuzzing) and as a plain program
 * (tests/replay_vm, with replay-main.c) that make check runs over tests/corpus/vm.
 */
#include <errno.h>
#include <linux/bpf.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vm/map.h"
#include "vm/vm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MEM_LEN 16
#define BUDGET	4096

static void count_insn(void *arg, const struct vm_prog *p, size_t insn, const uint64_t *regs,
		       unsigned depth)
{
	size_t *n = arg;

	if (insn >= vm_prog_len(p) || depth >= VM_MAX_FRAMES)
		abort(); /* the trace hook is only called at a real instruction */
	(*n)++;
}

static struct vm_map *map_new(struct vm *vm, uint32_t type, const char *name)
{
	struct obj_map def = {.name = (char *)name,
			      .type = type,
			      .key_size = 4,
			      .value_size = 12,
			      .max_entries = 3,
			      .sym = -1,
			      .sec = -1,
			      .data_sec = -1};
	struct vm_map *m;
	struct diag d;

	diag_init(&d);
	if (vm_map_create(&def, &m, &d) != 0)
		abort(); /* a plain hash or array map is always accepted */
	diag_fini(&d);
	if (vm_map_attach(vm, m) < 0)
		abort();
	return m;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vm *vm;
	struct vm_prog *p;
	struct vm_map *hash, *array;
	struct diag d;
	uint8_t *mem, *code;
	size_t n, traced = 0;
	uint64_t r0;
	int region, err;
	char msg[512];

	if (size < 1 + MEM_LEN + ISA_INSN_SIZE || size > 1 + MEM_LEN + 8 * 4096)
		return 0;
	vm = vm_new();
	if (!vm)
		abort();
	if (data[0] & 1)
		vm_helpers_conformance(vm);
	vm_budget_set(vm, BUDGET);
	if (data[0] & 2)
		vm_trace_set(vm, count_insn, &traced);
	mem = malloc(MEM_LEN);
	n = (size - 1 - MEM_LEN) / ISA_INSN_SIZE;
	code = malloc(n * ISA_INSN_SIZE); /* aligned copy of the slots */
	if (!mem || !code)
		abort();
	memcpy(mem, data + 1, MEM_LEN);
	memcpy(code, data + 1 + MEM_LEN, n * ISA_INSN_SIZE);
	region = vm_region_add(vm, "mem", mem, MEM_LEN, VM_MEM_RW, 0, 0);
	if (region < 0)
		abort();
	if (data[0] & 4)
		vm_packet_set(vm, region);
	hash = map_new(vm, BPF_MAP_TYPE_HASH, "hash");
	array = map_new(vm, BPF_MAP_TYPE_ARRAY, "array");

	diag_init(&d);
	err = vm_prog_load(vm, (const struct isa_raw *)code, n, "fuzz", &p, &d);
	if (err) {
		if (err != -EINVAL || d.nerrors == 0)
			abort(); /* a refusal always says why */
		goto out;
	}
	err = vm_prog_run(vm, p, VM_ADDR(region, 0), MEM_LEN, &r0);
	if (err) {
		const struct vm_fault *f = vm_fault_get(vm);

		if (err != -EFAULT || f->kind == VM_FAULT_NONE || !f->msg[0] || f->prog != p ||
		    f->insn > n)
			abort(); /* a fault names its kind, its message and its instruction */
		if (f->kind == VM_FAULT_MEM && f->region >= 0 && !vm_region_name(vm, f->region))
			abort();
		vm_fault_format(vm, msg, sizeof(msg));
		vm_fault_report(vm, &d, NULL);
	} else if (vm_fault_get(vm)->kind != VM_FAULT_NONE) {
		abort(); /* a clean run leaves no fault behind */
	}
	if (vm_executed(vm) > BUDGET)
		abort();
	if ((data[0] & 2) && traced != vm_executed(vm))
		abort(); /* the trace saw exactly the executed instructions */
	vm_prog_free(p);
out:
	diag_fini(&d);
	vm_map_free(hash);
	vm_map_free(array);
	vm_free(vm);
	free(code);
	free(mem);
	return 0;
}
