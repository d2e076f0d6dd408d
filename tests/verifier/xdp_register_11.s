; xdp_register_11.s - an instruction that names register 11 (encoded by hand).
; kernel: reject: R11 is invalid
	.license "GPL"
	.section xdp
	.globl xdp_register_11
	.type xdp_register_11, @function
xdp_register_11:
	.byte 0xb7, 0x0b, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
	r0 = 0
	exit
	.size xdp_register_11, .-xdp_register_11
