/* SPDX-License-Identifier: MIT */
/*
 * map_in_map.c - maps of maps as libbpf declares them: an array of maps and a hash of maps
 * whose inner definition is `__array(values, struct inner)` and whose initial entries are
 * `.values = { [i] = &map }`. The XDP program finds an inner array through each outer map
 * and counts into it: slot 0 of `outer` holds inner_a, slot 1 inner_b, key 3 of
 * `outer_hash` inner_b again. Self-contained (no libbpf headers) so that only clang is
 * needed.
 */
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define SEC(name)	   __attribute__((section(name), used))
#define __uint(name, val)  int(*name)[val]
#define __type(name, val)  typeof(val) *name
#define __array(name, val) typeof(val) *name[]

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;

struct inner {
	__uint(type, 2); /* BPF_MAP_TYPE_ARRAY */
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
};

struct inner inner_a SEC(".maps"), inner_b SEC(".maps");

struct {
	__uint(type, 12); /* BPF_MAP_TYPE_ARRAY_OF_MAPS */
	__uint(max_entries, 2);
	__type(key, __u32);
	__array(values, struct inner);
} outer SEC(".maps") = {
	.values = {[0] = &inner_a, [1] = &inner_b},
};

struct {
	__uint(type, 13); /* BPF_MAP_TYPE_HASH_OF_MAPS */
	__uint(max_entries, 8);
	__type(key, __u32);
	__array(values, struct inner);
} outer_hash SEC(".maps") = {
	.values = {[3] = &inner_b},
};

/* Add 1 to element @key of the inner map at @slot of @outer_map, if both are there. */
static __attribute__((always_inline)) void count(void *outer_map, __u32 slot, __u32 key)
{
	void *inner = bpf_map_lookup_elem(outer_map, &slot);
	__u64 *v;

	if (!inner)
		return;
	v = bpf_map_lookup_elem(inner, &key);
	if (v)
		__sync_fetch_and_add(v, 1);
}

SEC("xdp")
int xdp_map_in_map(void *ctx)
{
	count(&outer, 0, 0);	  /* inner_a[0] */
	count(&outer, 1, 1);	  /* inner_b[1] */
	count(&outer_hash, 3, 2); /* inner_b[2] */
	count(&outer_hash, 5, 3); /* no such key: nothing */
	return 2;		  /* XDP_PASS */
}

char _license[] SEC("license") = "GPL";
