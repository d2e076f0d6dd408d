; tc_for_each_precise_counter_oob.s - bpf_for_each_map_elem's callback keeps an offset on the caller's stack, adds 8 each run and stores there: the 3rd run writes at the caller's r10 + 0.
; kernel: reject: invalid write to stack R4 off=0 size=8
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tc
	.globl tc_for_each_precise_counter_oob
	.type tc_for_each_precise_counter_oob, @function
tc_for_each_precise_counter_oob:
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	*(u64 *)(r10 - 16) = r1
	*(u64 *)(r10 - 24) = r1
	r1 = arr ll
	r2 = cb ll
	r3 = r10
	r3 += -24
	r4 = 0
	call bpf_for_each_map_elem
	r0 = 0
	exit
	.size tc_for_each_precise_counter_oob, .-tc_for_each_precise_counter_oob
	.type cb, @function
cb:
	r1 = *(u64 *)(r4 + 0)
	r1 += 8
	*(u64 *)(r4 + 0) = r1
	r4 += r1
	r3 = 7
	*(u64 *)(r4 + 0) = r3
	r0 = 0
	exit
	.size cb, .-cb
