; tc_unreachable.s - code after exit that no jump reaches.
; kernel: reject: unreachable insn 2
	.license "GPL"
	.section tc
	.globl tc_unreachable
	.type tc_unreachable, @function
tc_unreachable:
	r0 = 0
	exit
	r0 = 1
	exit
	.size tc_unreachable, .-tc_unreachable
