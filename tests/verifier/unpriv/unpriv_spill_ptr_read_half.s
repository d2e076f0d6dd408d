; unpriv_spill_ptr_read_half.s - spills a pointer, then reads 4 of its 8 bytes.
; kernel: reject: invalid size of register fill
; kernel-unpriv: reject: invalid size of register fill
	.license "GPL"
	.section socket
	.globl unpriv_spill_ptr_read_half
	.type unpriv_spill_ptr_read_half, @function
unpriv_spill_ptr_read_half:
	*(u64 *)(r10 - 8) = r1
	r0 = *(u32 *)(r10 - 8)
	r0 = 0
	exit
	.size unpriv_spill_ptr_read_half, .-unpriv_spill_ptr_read_half
