; unpriv_ptr_xor_self.s - xors the frame pointer with itself.
; kernel: reject: R1 pointer ^= pointer prohibited
; kernel-unpriv: reject: R1 pointer ^= pointer prohibited
	.license "GPL"
	.section socket
	.globl unpriv_ptr_xor_self
	.type unpriv_ptr_xor_self, @function
unpriv_ptr_xor_self:
	r1 = r10
	r1 ^= r1
	r0 = 0
	exit
	.size unpriv_ptr_xor_self, .-unpriv_ptr_xor_self
