; sock_falls_off_end.s - the last instruction is not exit: execution would run off.
; kernel: reject: last insn is not an exit or jmp
	.license "GPL"
	.section socket
	.globl sock_falls_off_end
	.type sock_falls_off_end, @function
sock_falls_off_end:
	r0 = 0
	.size sock_falls_off_end, .-sock_falls_off_end
