; kp_tail_call.s - a tail call through a prog_array, falling through when it fails.
; kernel: accept
	.license "GPL"
	.map jmp, prog_array, key=4, value=4, entries=4
	.section kprobe/do_nanosleep
	.globl kp_tail_call
	.type kp_tail_call, @function
kp_tail_call:
	r2 = jmp ll
	r3 = 0
	call bpf_tail_call
	r0 = 0
	exit
	.size kp_tail_call, .-kp_tail_call
