; rtp_for_each_cb_reads_r5.s - the callback reads r5: it gets four arguments (map, key, value, ctx).
; kernel: reject: R5 !read_ok
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section raw_tracepoint/sys_enter
	.globl rtp_for_each_cb_reads_r5
	.type rtp_for_each_cb_reads_r5, @function
rtp_for_each_cb_reads_r5:
	r1 = h ll
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_for_each_map_elem
	r0 = 0
	exit
	.size rtp_for_each_cb_reads_r5, .-rtp_for_each_cb_reads_r5
	.type cb, @function
cb:
	r0 = r5
	exit
	.size cb, .-cb
