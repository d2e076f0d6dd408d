; sock_unreachable.s - code after exit that no jump reaches.
; kernel: reject: unreachable insn 2
	.license "GPL"
	.section socket
	.globl sock_unreachable
	.type sock_unreachable, @function
sock_unreachable:
	r0 = 0
	exit
	r0 = 1
	exit
	.size sock_unreachable, .-sock_unreachable
