; sock_get_socket_cookie.s - bpf_get_socket_cookie of the skb.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_get_socket_cookie
	.type sock_get_socket_cookie, @function
sock_get_socket_cookie:
	call bpf_get_socket_cookie
	r0 = 0
	exit
	.size sock_get_socket_cookie, .-sock_get_socket_cookie
