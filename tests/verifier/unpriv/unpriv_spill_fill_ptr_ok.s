; unpriv_spill_fill_ptr_ok.s - spills the context pointer and fills it back, then reads a field.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.section socket
	.globl unpriv_spill_fill_ptr_ok
	.type unpriv_spill_fill_ptr_ok, @function
unpriv_spill_fill_ptr_ok:
	*(u64 *)(r10 - 8) = r1
	r1 = *(u64 *)(r10 - 8)
	r0 = *(u32 *)(r1 + 0)
	exit
	.size unpriv_spill_fill_ptr_ok, .-unpriv_spill_fill_ptr_ok
