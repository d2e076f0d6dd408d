; xdp_unreachable.s - code after exit that no jump reaches.
; kernel: reject: unreachable insn 2
	.license "GPL"
	.section xdp
	.globl xdp_unreachable
	.type xdp_unreachable, @function
xdp_unreachable:
	r0 = 0
	exit
	r0 = 1
	exit
	.size xdp_unreachable, .-xdp_unreachable
