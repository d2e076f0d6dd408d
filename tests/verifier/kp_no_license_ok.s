; kp_no_license_ok.s - no license section: helpers that are not GPL-only are fine.
; kernel: accept
	.section kprobe/do_nanosleep
	.globl kp_no_license_ok
	.type kp_no_license_ok, @function
kp_no_license_ok:
	call bpf_ktime_get_ns
	r0 = 0
	exit
	.size kp_no_license_ok, .-kp_no_license_ok
