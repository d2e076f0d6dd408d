; sock_map_value_store_ptr.s - stores the stack pointer into a map value: a pointer leak, allowed for root.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl sock_map_value_store_ptr
	.type sock_map_value_store_ptr, @function
sock_map_value_store_ptr:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	*(u64 *)(r0 + 0) = r10
out:
	r0 = 0
	exit
	.size sock_map_value_store_ptr, .-sock_map_value_store_ptr
