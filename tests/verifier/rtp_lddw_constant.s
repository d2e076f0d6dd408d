; rtp_lddw_constant.s - a 64-bit constant load and a shift back to the high half.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_lddw_constant
	.type rtp_lddw_constant, @function
rtp_lddw_constant:
	r0 = 0x1122334455667788 ll
	r0 >>= 32
	exit
	.size rtp_lddw_constant, .-rtp_lddw_constant
