; rtp_invalid_opcode.s - a reserved opcode (0x8d, a JMP op 8 with BPF_X).
; kernel: reject: unknown opcode 8d
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_invalid_opcode
	.type rtp_invalid_opcode, @function
rtp_invalid_opcode:
	.byte 0x8d, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
	r0 = 0
	exit
	.size rtp_invalid_opcode, .-rtp_invalid_opcode
