; cgsock_ret_1.s - a cgroup sock program returning 1.
; kernel: accept
	.license "GPL"
	.section cgroup/sock_create
	.globl cgsock_ret_1
	.type cgsock_ret_1, @function
cgsock_ret_1:
	r0 = 1
	exit
	.size cgsock_ret_1, .-cgsock_ret_1
