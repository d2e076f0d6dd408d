; cgsock_ret_2.s - a cgroup sock program returning 2.
; kernel: reject: At program exit the register R0 has smin=2 smax=2 should have been in [0, 1]
	.license "GPL"
	.section cgroup/sock_create
	.globl cgsock_ret_2
	.type cgsock_ret_2, @function
cgsock_ret_2:
	r0 = 2
	exit
	.size cgsock_ret_2, .-cgsock_ret_2
