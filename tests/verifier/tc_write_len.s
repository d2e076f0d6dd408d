; tc_write_len.s - writes skb->len: read-only.
; kernel: reject: invalid bpf_context access off=0 size=4
	.license "GPL"
	.section tc
	.globl tc_write_len
	.type tc_write_len, @function
tc_write_len:
	r2 = 1
	*(u32 *)(r1 + 0) = r2
	r0 = 0
	exit
	.size tc_write_len, .-tc_write_len
