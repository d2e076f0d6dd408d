; unpriv_map_ptr_plus_reg_zero.s - adds a register holding 0 to a map pointer.
; kernel: accept
; kernel-unpriv: reject: R1 has pointer with unsupported alu operation, pointer arithmetic with it prohibited for !root
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_map_ptr_plus_reg_zero
	.type unpriv_map_ptr_plus_reg_zero, @function
unpriv_map_ptr_plus_reg_zero:
	r1 = arr ll
	r2 = 0
	r1 += r2
	r0 = 0
	exit
	.size unpriv_map_ptr_plus_reg_zero, .-unpriv_map_ptr_plus_reg_zero
