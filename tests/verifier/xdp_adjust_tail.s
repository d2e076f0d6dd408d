; xdp_adjust_tail.s - bpf_xdp_adjust_tail with the context.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_adjust_tail
	.type xdp_adjust_tail, @function
xdp_adjust_tail:
	r2 = -4
	call bpf_xdp_adjust_tail
	r0 = 2
	exit
	.size xdp_adjust_tail, .-xdp_adjust_tail
