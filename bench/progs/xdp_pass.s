# xdp_pass.s - pass every frame and do nothing else: the benchmark's baseline
# (bench/run-bench.c). Its time is what running any program on a frame costs before the
# first instruction that does work: in ebpf-run the frame's context rebuilt and the verdict
# counted, in the kernel's test run the loop around the program. The other programs' time
# above it is the cost of their own instructions.

	.license "GPL"

	.section xdp
	.globl xdp_pass
	.type xdp_pass, @function
xdp_pass:
	# XDP_PASS
	w0 = 2
	exit
	.size xdp_pass, .-xdp_pass
