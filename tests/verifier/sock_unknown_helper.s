; sock_unknown_helper.s - calls helper 999, which does not exist.
; kernel: reject: invalid func unknown#999
	.license "GPL"
	.section socket
	.globl sock_unknown_helper
	.type sock_unknown_helper, @function
sock_unknown_helper:
	call 999
	r0 = 0
	exit
	.size sock_unknown_helper, .-sock_unknown_helper
