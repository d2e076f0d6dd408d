; xdp_reserved_fields_set.s - r0 = 0 with a non-zero offset field, which must be zero.
; kernel: reject: BPF_MOV uses reserved fields
	.license "GPL"
	.section xdp
	.globl xdp_reserved_fields_set
	.type xdp_reserved_fields_set, @function
xdp_reserved_fields_set:
	.byte 0xb7, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00
	exit
	.size xdp_reserved_fields_set, .-xdp_reserved_fields_set
