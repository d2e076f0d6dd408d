; tc_read_sk.s - reads the sk pointer field and dereferences it without a NULL check.
; kernel: reject: R2 invalid mem access 'sock_common_or_null'
	.license "GPL"
	.section tc
	.globl tc_read_sk
	.type tc_read_sk, @function
tc_read_sk:
	r2 = *(u64 *)(r1 + 168)
	r0 = *(u32 *)(r2 + 0)
	r0 = 0
	exit
	.size tc_read_sk, .-tc_read_sk
