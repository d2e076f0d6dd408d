; sock_stack_bottom_ok.s - stores at r10 - 512, the last slot of the frame: allowed.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_stack_bottom_ok
	.type sock_stack_bottom_ok, @function
sock_stack_bottom_ok:
	r1 = 0
	*(u64 *)(r10 - 512) = r1
	r0 = 0
	exit
	.size sock_stack_bottom_ok, .-sock_stack_bottom_ok
