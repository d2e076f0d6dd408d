; rtp_pointer_compare.s - compares two stack pointers: allowed for root.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_pointer_compare
	.type rtp_pointer_compare, @function
rtp_pointer_compare:
	r1 = r10
	r2 = r10
	r2 += -8
	r0 = 0
	if r1 > r2 goto out
	r0 = 1
out:
	exit
	.size rtp_pointer_compare, .-rtp_pointer_compare
