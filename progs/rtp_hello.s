# rtp_hello.s - "hello world" from a raw tracepoint: print a line on every system call.
#
# Shows: the smallest useful tracing program. A raw tracepoint program gets the
# tracepoint's raw arguments (here unused) and may call bpf_trace_printk, which needs a GPL
# license; the string is built on the stack because there are no string constants.
#
# Run (as root):
#   ebpf-as rtp_hello.s -o rtp_hello.o
#   bpftool prog load rtp_hello.o /sys/fs/bpf/rtp_hello autoattach   # bpftool >= 7.2
#   bpftool prog tracelog               # "hello from sys_enter", very often
#   rm /sys/fs/bpf/rtp_hello

	.license "GPL"

	.section raw_tracepoint/sys_enter
	.globl rtp_hello
	.type rtp_hello, @function
rtp_hello:
	# "hello from sys_enter\n" and its NUL: 22 bytes, in three little-endian u64
	# stores; the last two bytes of the third are padding.
	r1 = 0x7266206f6c6c6568 ll
	*(u64 *)(r10 - 24) = r1
	r1 = 0x655f737973206d6f ll
	*(u64 *)(r10 - 16) = r1
	r1 = 0xa7265746e ll
	*(u64 *)(r10 - 8) = r1

	# bpf_trace_printk(msg, 22): the size counts the NUL, not the padding.
	r1 = r10
	r1 += -24
	w2 = 22
	call bpf_trace_printk

	# A raw tracepoint program's return value is ignored; 0 is the convention.
	w0 = 0
	exit
	.size rtp_hello, .-rtp_hello
