; unpriv_helper_socket_uid.s - bpf_get_socket_uid of the skb.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.section socket
	.globl unpriv_helper_socket_uid
	.type unpriv_helper_socket_uid, @function
unpriv_helper_socket_uid:
	call bpf_get_socket_uid
	r0 = 0
	exit
	.size unpriv_helper_socket_uid, .-unpriv_helper_socket_uid
