; tc_falls_off_end.s - the last instruction is not exit: execution would run off.
; kernel: reject: last insn is not an exit or jmp
	.license "GPL"
	.section tc
	.globl tc_falls_off_end
	.type tc_falls_off_end, @function
tc_falls_off_end:
	r0 = 0
	.size tc_falls_off_end, .-tc_falls_off_end
