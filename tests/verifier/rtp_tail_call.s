; rtp_tail_call.s - a tail call through a prog_array, falling through when it fails.
; kernel: accept
	.license "GPL"
	.map jmp, prog_array, key=4, value=4, entries=4
	.section raw_tracepoint/sys_enter
	.globl rtp_tail_call
	.type rtp_tail_call, @function
rtp_tail_call:
	r2 = jmp ll
	r3 = 0
	call bpf_tail_call
	r0 = 0
	exit
	.size rtp_tail_call, .-rtp_tail_call
