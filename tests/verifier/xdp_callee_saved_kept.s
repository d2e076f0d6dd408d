; xdp_callee_saved_kept.s - r6-r9 survive a helper call: r6 set before the call is read after it.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_callee_saved_kept
	.type xdp_callee_saved_kept, @function
xdp_callee_saved_kept:
	r6 = 7
	call bpf_ktime_get_ns
	r0 = r6
	exit
	.size xdp_callee_saved_kept, .-xdp_callee_saved_kept
