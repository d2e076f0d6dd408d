; kp_back_edge_self.s - a jump to itself, the last instruction.
; kernel: reject: infinite loop detected at insn 1
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_back_edge_self
	.type kp_back_edge_self, @function
kp_back_edge_self:
	r0 = 0
l:
	goto l
	.size kp_back_edge_self, .-kp_back_edge_self
