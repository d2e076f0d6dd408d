# rtp_syscall_count.s - count system calls per process, in a hash map keyed by PID.
#
# Shows: the lookup-or-insert pattern of hash maps. A lookup miss returns NULL; the first
# call of a process inserts 1 with BPF_NOEXIST, every later one adds 1 in place, atomically
# because the same process may run on several CPUs.
#
# Run (as root):
#   ebpf-as rtp_syscall_count.s -o rtp_syscall_count.o
#   bpftool prog load rtp_syscall_count.o /sys/fs/bpf/rtp_sc autoattach   # bpftool >= 7.2
#   bpftool map dump name counts        # key: PID (little-endian u32), value: calls
#   rm /sys/fs/bpf/rtp_sc

	.license "GPL"
	.map counts, hash, key=4, value=8, entries=10240

	.section raw_tracepoint/sys_enter
	.globl rtp_syscall_count
	.type rtp_syscall_count, @function
rtp_syscall_count:
	# The upper half of pid_tgid is the thread group id: what user space calls the
	# PID. It is the key, on the stack at r10 - 4.
	call bpf_get_current_pid_tgid
	r0 >>= 32
	*(u32 *)(r10 - 4) = r0

	r2 = r10
	r2 += -4
	r1 = counts ll
	call bpf_map_lookup_elem
	if r0 == 0 goto insert

	# Seen before: add 1 in place.
	r1 = 1
	lock *(u64 *)(r0 + 0) += r1
	goto out

insert:
	# First call of this process: insert a count of 1 (value at r10 - 16). With
	# BPF_NOEXIST, when another CPU inserted the key in between, the update fails and
	# keeps that CPU's count; this one call goes uncounted, which a counter can bear.
	r1 = 1
	*(u64 *)(r10 - 16) = r1
	r1 = counts ll
	r2 = r10
	r2 += -4
	r3 = r10
	r3 += -16
	r4 = 1
	call bpf_map_update_elem

out:
	w0 = 0
	exit
	.size rtp_syscall_count, .-rtp_syscall_count
