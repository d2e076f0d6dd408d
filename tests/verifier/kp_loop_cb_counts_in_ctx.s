; kp_loop_cb_counts_in_ctx.s - bpf_loop's callback increments a counter on the caller's stack through its ctx.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_cb_counts_in_ctx
	.type kp_loop_cb_counts_in_ctx, @function
kp_loop_cb_counts_in_ctx:
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	r1 = 10
	r2 = cb ll
	r3 = r10
	r3 += -8
	r4 = 0
	call bpf_loop
	r0 = *(u64 *)(r10 - 8)
	r0 = 0
	exit
	.size kp_loop_cb_counts_in_ctx, .-kp_loop_cb_counts_in_ctx
	.type cb, @function
cb:
	r1 = *(u64 *)(r2 + 0)
	r1 += 1
	*(u64 *)(r2 + 0) = r1
	r0 = 0
	exit
	.size cb, .-cb
