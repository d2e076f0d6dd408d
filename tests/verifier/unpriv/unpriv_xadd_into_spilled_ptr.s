; unpriv_xadd_into_spilled_ptr.s - an atomic add into a stack slot holding a spilled pointer.
; kernel: accept
; kernel-unpriv: reject: leaking pointer from stack off -8
	.license "GPL"
	.section socket
	.globl unpriv_xadd_into_spilled_ptr
	.type unpriv_xadd_into_spilled_ptr, @function
unpriv_xadd_into_spilled_ptr:
	*(u64 *)(r10 - 8) = r1
	r2 = 1
	lock *(u64 *)(r10 - 8) += r2
	r0 = 0
	exit
	.size unpriv_xadd_into_spilled_ptr, .-unpriv_xadd_into_spilled_ptr
