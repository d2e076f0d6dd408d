; xdp_map_key_scalar.s - passes a number instead of a pointer as the key.
; kernel: reject: R2 type=scalar expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section xdp
	.globl xdp_map_key_scalar
	.type xdp_map_key_scalar, @function
xdp_map_key_scalar:
	r2 = 0
	r1 = arr ll
	call bpf_map_lookup_elem
	r0 = 0
	exit
	.size xdp_map_key_scalar, .-xdp_map_key_scalar
