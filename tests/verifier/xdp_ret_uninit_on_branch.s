; xdp_ret_uninit_on_branch.s - r0 is set on one path only.
; kernel: reject: R0 !read_ok
	.license "GPL"
	.section xdp
	.globl xdp_ret_uninit_on_branch
	.type xdp_ret_uninit_on_branch, @function
xdp_ret_uninit_on_branch:
	r1 = *(u32 *)(r1 + 16)
	if r1 == 0 goto out
	r0 = 2
out:
	exit
	.size xdp_ret_uninit_on_branch, .-xdp_ret_uninit_on_branch
