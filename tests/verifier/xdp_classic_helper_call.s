; xdp_classic_helper_call.s - classic syntax: call 7 (bpf_get_prandom_u32) by number.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_classic_helper_call
	.type xdp_classic_helper_call, @function
xdp_classic_helper_call:
	call 7
	and %r0, 1
	exit
	.size xdp_classic_helper_call, .-xdp_classic_helper_call
