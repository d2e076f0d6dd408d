; unpriv_helper_writes_uninit_ok.s - bpf_skb_load_bytes into stack nobody wrote: the helper writes it, then it is read.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.section socket
	.globl unpriv_helper_writes_uninit_ok
	.type unpriv_helper_writes_uninit_ok, @function
unpriv_helper_writes_uninit_ok:
	r2 = 0
	r3 = r10
	r3 += -8
	r4 = 8
	call bpf_skb_load_bytes
	r0 = *(u64 *)(r10 - 8)
	r0 = 0
	exit
	.size unpriv_helper_writes_uninit_ok, .-unpriv_helper_writes_uninit_ok
