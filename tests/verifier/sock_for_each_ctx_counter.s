; sock_for_each_ctx_counter.s - the callback counts the elements in a counter on the caller's stack (its r4).
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl sock_for_each_ctx_counter
	.type sock_for_each_ctx_counter, @function
sock_for_each_ctx_counter:
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	r1 = arr ll
	r2 = cb ll
	r3 = r10
	r3 += -8
	r4 = 0
	call bpf_for_each_map_elem
	r0 = 0
	exit
	.size sock_for_each_ctx_counter, .-sock_for_each_ctx_counter
	.type cb, @function
cb:
	r1 = *(u64 *)(r4 + 0)
	r1 += 1
	*(u64 *)(r4 + 0) = r1
	r0 = 0
	exit
	.size cb, .-cb
