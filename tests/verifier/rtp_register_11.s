; rtp_register_11.s - an instruction that names register 11 (encoded by hand).
; kernel: reject: R11 is invalid
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_register_11
	.type rtp_register_11, @function
rtp_register_11:
	.byte 0xb7, 0x0b, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
	r0 = 0
	exit
	.size rtp_register_11, .-rtp_register_11
