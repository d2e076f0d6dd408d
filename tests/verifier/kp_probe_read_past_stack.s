; kp_probe_read_past_stack.s - copies 16 bytes into an 8-byte stack buffer at r10 - 8.
; kernel: reject: invalid write to stack R1 off=-8 size=16
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_probe_read_past_stack
	.type kp_probe_read_past_stack, @function
kp_probe_read_past_stack:
	r1 = r10
	r1 += -8
	r2 = 16
	r3 = 0
	call bpf_probe_read_kernel
	r0 = 0
	exit
	.size kp_probe_read_past_stack, .-kp_probe_read_past_stack
