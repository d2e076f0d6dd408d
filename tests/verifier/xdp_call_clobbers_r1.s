; xdp_call_clobbers_r1.s - after a bpf-to-bpf call r1-r5 are scratched, as after a helper call.
; kernel: reject: R1 !read_ok
	.license "GPL"
	.section xdp
	.globl xdp_call_clobbers_r1
	.type xdp_call_clobbers_r1, @function
xdp_call_clobbers_r1:
	r1 = 1
	call f
	r0 = r1
	exit
	.size xdp_call_clobbers_r1, .-xdp_call_clobbers_r1
	.type f, @function
f:
	r0 = 0
	exit
	.size f, .-f
