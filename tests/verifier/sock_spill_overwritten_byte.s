; sock_spill_overwritten_byte.s - overwrites one byte of a spilled pointer, fills the slot and dereferences it.
; kernel: reject: R1 invalid mem access 'scalar'
	.license "GPL"
	.section socket
	.globl sock_spill_overwritten_byte
	.type sock_spill_overwritten_byte, @function
sock_spill_overwritten_byte:
	*(u64 *)(r10 - 8) = r10
	*(u8 *)(r10 - 8) = 0
	r1 = *(u64 *)(r10 - 8)
	r0 = *(u64 *)(r1 - 8)
	r0 = 0
	exit
	.size sock_spill_overwritten_byte, .-sock_spill_overwritten_byte
