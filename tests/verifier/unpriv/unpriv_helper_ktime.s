; unpriv_helper_ktime.s - bpf_ktime_get_ns.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.section socket
	.globl unpriv_helper_ktime
	.type unpriv_helper_ktime, @function
unpriv_helper_ktime:
	call bpf_ktime_get_ns
	r0 = 0
	exit
	.size unpriv_helper_ktime, .-unpriv_helper_ktime
