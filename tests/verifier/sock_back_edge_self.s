; sock_back_edge_self.s - a jump to itself, the last instruction.
; kernel: reject: infinite loop detected at insn 1
	.license "GPL"
	.section socket
	.globl sock_back_edge_self
	.type sock_back_edge_self, @function
sock_back_edge_self:
	r0 = 0
l:
	goto l
	.size sock_back_edge_self, .-sock_back_edge_self
