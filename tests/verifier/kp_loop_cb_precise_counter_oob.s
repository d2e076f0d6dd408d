; kp_loop_cb_precise_counter_oob.s - the callback keeps an offset at ctx + 0, adds 8 each run and stores at ctx + offset: the verifier follows the offset run by run; the 5th run writes at the caller's r10 + 0.
; kernel: reject: invalid write to stack R2 off=0 size=8
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_cb_precise_counter_oob
	.type kp_loop_cb_precise_counter_oob, @function
kp_loop_cb_precise_counter_oob:
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	*(u64 *)(r10 - 16) = r1
	*(u64 *)(r10 - 24) = r1
	*(u64 *)(r10 - 32) = r1
	*(u64 *)(r10 - 40) = r1
	r1 = 5
	r2 = cb ll
	r3 = r10
	r3 += -40
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size kp_loop_cb_precise_counter_oob, .-kp_loop_cb_precise_counter_oob
	.type cb, @function
cb:
	r1 = *(u64 *)(r2 + 0)
	r1 += 8
	*(u64 *)(r2 + 0) = r1
	r2 += r1
	r3 = 7
	*(u64 *)(r2 + 0) = r3
	r0 = 0
	exit
	.size cb, .-cb
