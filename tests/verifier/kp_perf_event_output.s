; kp_perf_event_output.s - bpf_perf_event_output of 8 stack bytes to a perf event array, with the context.
; kernel: accept
	.license "GPL"
	.map pe, perf_event_array, key=4, value=4, entries=0
	.section kprobe/do_nanosleep
	.globl kp_perf_event_output
	.type kp_perf_event_output, @function
kp_perf_event_output:
	*(u64 *)(r10 - 8) = 1
	r2 = pe ll
	r3 = 0xffffffff ll
	r4 = r10
	r4 += -8
	r5 = 8
	call bpf_perf_event_output
	r0 = 0
	exit
	.size kp_perf_event_output, .-kp_perf_event_output
