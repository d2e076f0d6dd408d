; xdp_bswap_v4.s - v4 byte swaps (bswap16/32/64) on a known value.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_bswap_v4
	.type xdp_bswap_v4, @function
xdp_bswap_v4:
	r0 = 0x1234
	r0 = bswap16 r0
	r0 = bswap32 r0
	r0 = bswap64 r0
	r0 = 0
	exit
	.size xdp_bswap_v4, .-xdp_bswap_v4
