; sock_get_socket_uid.s - bpf_get_socket_uid of the skb.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_get_socket_uid
	.type sock_get_socket_uid, @function
sock_get_socket_uid:
	call bpf_get_socket_uid
	r0 = 0
	exit
	.size sock_get_socket_uid, .-sock_get_socket_uid
