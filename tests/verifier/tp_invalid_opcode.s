; tp_invalid_opcode.s - a reserved opcode (0x8d, a JMP op 8 with BPF_X).
; kernel: reject: unknown opcode 8d
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_invalid_opcode
	.type tp_invalid_opcode, @function
tp_invalid_opcode:
	.byte 0x8d, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
	r0 = 0
	exit
	.size tp_invalid_opcode, .-tp_invalid_opcode
