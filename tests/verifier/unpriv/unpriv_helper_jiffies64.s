; unpriv_helper_jiffies64.s - bpf_jiffies64.
; kernel: accept
; kernel-unpriv: reject: program of this type cannot use helper bpf_jiffies64#118
	.license "GPL"
	.section socket
	.globl unpriv_helper_jiffies64
	.type unpriv_helper_jiffies64, @function
unpriv_helper_jiffies64:
	call bpf_jiffies64
	r0 = 0
	exit
	.size unpriv_helper_jiffies64, .-unpriv_helper_jiffies64
