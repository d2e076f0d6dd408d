; unpriv_helper_socket_cookie.s - bpf_get_socket_cookie of the skb.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.section socket
	.globl unpriv_helper_socket_cookie
	.type unpriv_helper_socket_cookie, @function
unpriv_helper_socket_cookie:
	call bpf_get_socket_cookie
	r0 = 0
	exit
	.size unpriv_helper_socket_cookie, .-unpriv_helper_socket_cookie
