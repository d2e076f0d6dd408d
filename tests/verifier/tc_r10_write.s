; tc_r10_write.s - assigns r10, the read-only frame pointer.
; kernel: reject: frame pointer is read only
	.license "GPL"
	.section tc
	.globl tc_r10_write
	.type tc_r10_write, @function
tc_r10_write:
	r10 = 0
	r0 = 0
	exit
	.size tc_r10_write, .-tc_r10_write
