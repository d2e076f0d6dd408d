; rtp_pointer_plus_pointer.s - adds two pointers.
; kernel: reject: R2 pointer += pointer prohibited
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_pointer_plus_pointer
	.type rtp_pointer_plus_pointer, @function
rtp_pointer_plus_pointer:
	r2 = r10
	r2 += r1
	r0 = 0
	exit
	.size rtp_pointer_plus_pointer, .-rtp_pointer_plus_pointer
