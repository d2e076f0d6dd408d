; tp_loop_cb_counter_unknown_count.s - bpf_loop with a random count: the callback's counter must converge (the kernel widens scalars the callback changes) instead of being unrolled.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_loop_cb_counter_unknown_count
	.type tp_loop_cb_counter_unknown_count, @function
tp_loop_cb_counter_unknown_count:
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	call bpf_get_prandom_u32
	r1 = r0
	r2 = cb ll
	r3 = r10
	r3 += -8
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size tp_loop_cb_counter_unknown_count, .-tp_loop_cb_counter_unknown_count
	.type cb, @function
cb:
	r1 = *(u64 *)(r2 + 0)
	r1 += 1
	*(u64 *)(r2 + 0) = r1
	r0 = 0
	exit
	.size cb, .-cb
