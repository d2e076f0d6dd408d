; rtp_div_by_zero_reg.s - divides by a register holding 0: defined (result 0), allowed.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_div_by_zero_reg
	.type rtp_div_by_zero_reg, @function
rtp_div_by_zero_reg:
	r0 = 10
	r1 = 0
	r0 /= r1
	exit
	.size rtp_div_by_zero_reg, .-rtp_div_by_zero_reg
