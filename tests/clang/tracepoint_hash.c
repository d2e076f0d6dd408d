/* SPDX-License-Identifier: MIT */
/*
 * tracepoint_hash.c - a tracepoint and a raw tracepoint sharing a hash map keyed by pid:
 * helper calls (pid, time, map lookup/update/delete, probe_read_kernel, trace_printk with a
 * .rodata format string).
 */
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name)	  __attribute__((section(name), used))
#define __uint(name, val) int(*name)[val]
#define __type(name, val) typeof(val) *name

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value,
				   __u64 flags) = (void *)2;
static long (*bpf_map_delete_elem)(void *map, const void *key) = (void *)3;
static __u64 (*bpf_ktime_get_ns)(void) = (void *)5;
static long (*bpf_trace_printk)(const char *fmt, __u32 fmt_size, ...) = (void *)6;
static __u64 (*bpf_get_current_pid_tgid)(void) = (void *)14;
static long (*bpf_probe_read_kernel)(void *dst, __u32 size, const void *src) = (void *)113;

struct start {
	__u64 ts;
	__u64 calls;
};

struct {
	__uint(type, 1); /* BPF_MAP_TYPE_HASH */
	__uint(max_entries, 10240);
	__type(key, __u32);
	__type(value, struct start);
} starts SEC(".maps");

struct sys_enter_args {
	__u64 common;
	long id;
	unsigned long args[6];
};

SEC("tracepoint/raw_syscalls/sys_enter")
int on_enter(struct sys_enter_args *ctx)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	struct start *s = bpf_map_lookup_elem(&starts, &pid);
	struct start init = {0, 1};

	if (s) {
		s->ts = bpf_ktime_get_ns();
		s->calls++;
		return 0;
	}
	init.ts = bpf_ktime_get_ns();
	bpf_map_update_elem(&starts, &pid, &init, 1 /* BPF_NOEXIST */);
	return 0;
}

SEC("raw_tracepoint/sys_exit")
int on_exit(__u64 *ctx)
{
	static const char fmt[] = "pid %d took %llu ns\n";
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	struct start *s = bpf_map_lookup_elem(&starts, &pid);
	long ret = 0;

	if (!s)
		return 0;
	bpf_probe_read_kernel(&ret, sizeof(ret), (void *)ctx[1]);
	if (ret < 0)
		bpf_trace_printk(fmt, sizeof(fmt), pid, bpf_ktime_get_ns() - s->ts);
	bpf_map_delete_elem(&starts, &pid);
	return 0;
}

char _license[] SEC("license") = "GPL";
