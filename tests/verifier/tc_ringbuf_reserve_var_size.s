; tc_ringbuf_reserve_var_size.s - reserves a size that is not a constant.
; kernel: reject: R2 is not a known constant'
	.license "GPL"
	.map rb, ringbuf, key=0, value=0, entries=4096
	.section tc
	.globl tc_ringbuf_reserve_var_size
	.type tc_ringbuf_reserve_var_size, @function
tc_ringbuf_reserve_var_size:
	call bpf_get_prandom_u32
	r2 = r0
	r2 &= 0xff
	r1 = rb ll
	r3 = 0
	call bpf_ringbuf_reserve
	if r0 == 0 goto out
	r1 = r0
	r2 = 0
	call bpf_ringbuf_discard
out:
	r0 = 0
	exit
	.size tc_ringbuf_reserve_var_size, .-tc_ringbuf_reserve_var_size
