; rtp_loop_cb_index_checked.s - the callback stores at ctx + index * 8 after checking index <= 3 (4 slots).
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_loop_cb_index_checked
	.type rtp_loop_cb_index_checked, @function
rtp_loop_cb_index_checked:
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	*(u64 *)(r10 - 16) = r1
	*(u64 *)(r10 - 24) = r1
	*(u64 *)(r10 - 32) = r1
	r1 = 4
	r2 = cb ll
	r3 = r10
	r3 += -32
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size rtp_loop_cb_index_checked, .-rtp_loop_cb_index_checked
	.type cb, @function
cb:
	if r1 > 3 goto out
	r1 <<= 3
	r2 += r1
	r3 = 7
	*(u64 *)(r2 + 0) = r3
out:
	r0 = 0
	exit
	.size cb, .-cb
