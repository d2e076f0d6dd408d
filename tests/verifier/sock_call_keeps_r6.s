; sock_call_keeps_r6.s - the caller's r6 survives the call (callee-saved).
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_call_keeps_r6
	.type sock_call_keeps_r6, @function
sock_call_keeps_r6:
	r6 = 2
	call f
	r0 = r6
	exit
	.size sock_call_keeps_r6, .-sock_call_keeps_r6
	.type f, @function
f:
	r6 = 9
	r0 = 0
	exit
	.size f, .-f
