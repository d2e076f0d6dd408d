; sock_r10_load_into.s - loads into r10 from the stack.
; kernel: reject: frame pointer is read only
	.license "GPL"
	.section socket
	.globl sock_r10_load_into
	.type sock_r10_load_into, @function
sock_r10_load_into:
	*(u64 *)(r10 - 8) = 0
	r10 = *(u64 *)(r10 - 8)
	r0 = 0
	exit
	.size sock_r10_load_into, .-sock_r10_load_into
