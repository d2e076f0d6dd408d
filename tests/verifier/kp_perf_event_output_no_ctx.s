; kp_perf_event_output_no_ctx.s - bpf_perf_event_output whose r1 is a stack pointer.
; kernel: reject: R1 type=fp expected=ctx
	.license "GPL"
	.map pe, perf_event_array, key=4, value=4, entries=0
	.section kprobe/do_nanosleep
	.globl kp_perf_event_output_no_ctx
	.type kp_perf_event_output_no_ctx, @function
kp_perf_event_output_no_ctx:
	*(u64 *)(r10 - 8) = 1
	r1 = r10
	r1 += -8
	r2 = pe ll
	r3 = 0xffffffff ll
	r4 = r10
	r4 += -8
	r5 = 8
	call bpf_perf_event_output
	r0 = 0
	exit
	.size kp_perf_event_output_no_ctx, .-kp_perf_event_output_no_ctx
