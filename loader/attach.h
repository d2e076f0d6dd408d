/* SPDX-License-Identifier: MIT */
/*
 * attach.h - putting loaded programs to work in the kernel: XDP over rtnetlink (netlink.c),
 * perf events for tracepoints, kprobes and uprobes, raw tracepoints and socket filters
 * (perf.c), tracefs (tracefs.c), bpffs pinning and pinned-map reuse (pin.c), attaching a
 * program where its section says (attach.c), each attachment kept as a struct ldr_link that
 * knows how to undo itself; and around them, feature probing (probe.c) and map values
 * printed by their BTF types (btfdump.c).
 *
 * Conventions as loader.h: 0 or a descriptor on success, -errno on failure, nothing printed
 * (ldr_btf_print writes to the stream it is given). The raw calls (ldr_xdp_set,
 * ldr_perf_attach_bpf, ...) only return -errno; the functions
 * that take a struct diag also say what went wrong, naming the program, device or event, the
 * errno's name and a hint.
 */
#ifndef EBPF_LOADER_ATTACH_H
#define EBPF_LOADER_ATTACH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "loader.h"

/* ---- XDP over rtnetlink (netlink.c) ---- */

enum ldr_xdp_mode {
	LDR_XDP_AUTO,	/* native, then skb when the driver cannot */
	LDR_XDP_NATIVE, /* XDP_FLAGS_DRV_MODE: in the driver */
	LDR_XDP_SKB,	/* XDP_FLAGS_SKB_MODE: generic, after the skb is built */
	LDR_XDP_HW,	/* XDP_FLAGS_HW_MODE: offloaded to the NIC */
};

/* "auto", "native", "skb", "hw"; ldr_xdp_mode_parse also takes "drv" and "generic".
 * parse returns 0 or -EINVAL. */
const char *ldr_xdp_mode_name(enum ldr_xdp_mode m);
int ldr_xdp_mode_parse(const char *s, enum ldr_xdp_mode *m);

/* What a device has attached (IFLA_XDP of RTM_NEWLINK). */
struct ldr_xdp_state {
	uint8_t attached; /* XDP_ATTACHED_NONE, _DRV, _SKB, _HW, _MULTI */
	uint32_t prog_id; /* the one program when not MULTI, else 0 */
	uint32_t drv_id, skb_id, hw_id;
};

/*
 * ldr_xdp_set - one RTM_SETLINK with IFLA_XDP: @fd is the program (-1 detaches), @flags the
 * XDP_FLAGS_*, @expected_fd (used with XDP_FLAGS_REPLACE) the program that must be there.
 * The kernel's extended-ack text, when it gives one, goes to @ext (may be NULL).
 * Returns 0 or -errno.
 */
int ldr_xdp_set(int ifindex, int fd, uint32_t flags, int expected_fd, char *ext, size_t extlen);

/* ldr_xdp_query - RTM_GETLINK of @ifindex: what XDP it has. 0 or -errno (-ENODEV). */
int ldr_xdp_query(int ifindex, struct ldr_xdp_state *st);

/*
 * ldr_xdp_attach - attach @prog_fd to @dev in @mode, refusing to replace another program
 * unless @replace. With LDR_XDP_AUTO native is tried first and skb after it, and a note says
 * why. *@got is the mode that took. Errors are reported into @d naming @what (the program)
 * and the device, with the kernel's extended-ack text. Returns 0 or -errno.
 */
int ldr_xdp_attach(const char *what, const char *dev, int prog_fd, enum ldr_xdp_mode mode,
		   int replace, enum ldr_xdp_mode *got, struct diag *d);

/*
 * ldr_xdp_detach - remove the XDP program of @mode (not AUTO) from @ifindex. With
 * @expected_fd >= 0 only when that program is the one attached (XDP_FLAGS_REPLACE), so a
 * program someone attached since is left alone (-EEXIST then). 0 or -errno.
 */
int ldr_xdp_detach(int ifindex, enum ldr_xdp_mode mode, int expected_fd);

/* ---- tracefs (tracefs.c) ---- */

/*
 * ldr_tracefs_root - where tracefs is mounted: /sys/kernel/tracing, or the older
 * /sys/kernel/debug/tracing; when neither, tracefs is mounted at /sys/kernel/tracing.
 * Returns the path (static) or NULL with *@err set to -errno.
 */
const char *ldr_tracefs_root(int *err);

/* ldr_tracefs_event_id - the id of event CAT/NAME (events/CAT/NAME/id). id or -errno. */
int ldr_tracefs_event_id(const char *cat, const char *name);

/*
 * A private tracefs instance (instances/NAME): its own ring buffer, so its readers neither
 * steal nor are stolen from. ldr_trace_open creates "ebpf-load-PID", enables the
 * bpf_trace/bpf_trace_printk event in it, and returns trace_pipe opened non-blocking (*@inst
 * is its path, to pass to ldr_trace_close). ldr_trace_close closes and removes it.
 */
int ldr_trace_open(char *inst, size_t len);
void ldr_trace_close(int fd, const char *inst);

/*
 * Legacy dynamic probe events (kprobe_events / uprobe_events): @def is the definition after
 * "p:" or "r:" ("GROUP/EVENT FUNC", "GROUP/EVENT PATH:0xOFF"). add returns 0 or -errno
 * (-ENOENT: no such file, the kernel has no such probes); remove writes "-:GROUP/EVENT".
 */
int ldr_probe_event_add(const char *file, int retprobe, const char *event, const char *target);
int ldr_probe_event_remove(const char *file, const char *event);

/* ---- perf events, raw tracepoints, sockets (perf.c) ---- */

/* The kind of probe a perf event stands for. */
enum ldr_probe_kind { LDR_KPROBE, LDR_UPROBE };

/*
 * ldr_pmu_type - the dynamic PMU's type number for "kprobe" or "uprobe", and the config bit
 * that makes a return probe (*@ret_bit). Returns the type or -errno (-ENOENT: no such PMU).
 */
int ldr_pmu_type(const char *pmu, int *ret_bit);

/* ldr_perf_attach_bpf - PERF_EVENT_IOC_SET_BPF then PERF_EVENT_IOC_ENABLE. 0 or -errno. */
int ldr_perf_attach_bpf(int perf_fd, int prog_fd);

/*
 * ldr_tracepoint_attach - tracepoint CAT/NAME: its tracefs id opened as a
 * PERF_TYPE_TRACEPOINT event (pid -1, cpu 0: the program runs wherever the tracepoint
 * fires), then SET_BPF and enable. Returns the perf descriptor (closing it detaches) or
 * -errno, reported into @d.
 */
int ldr_tracepoint_attach(const char *what, int prog_fd, const char *cat, const char *name,
			  struct diag *d);

/* ldr_raw_tracepoint_open - BPF_RAW_TRACEPOINT_OPEN. The link descriptor or -errno. */
int ldr_raw_tracepoint_open(int prog_fd, const char *name);

/* ldr_socket_attach - SO_ATTACH_BPF of @prog_fd to socket @sock. 0 or -errno. */
int ldr_socket_attach(int sock, int prog_fd);

/*
 * ldr_ksym_resolve - the /proc/kallsyms symbol a kprobe on @name should use: @name itself,
 * else the syscall wrapper "__x64_sys_NAME" (for "sys_NAME" or "NAME"), else a compiler
 * clone "NAME.isra.N" (".constprop.N", ".part.N", ".cold"). Into @out; 0 or -ENOENT.
 */
int ldr_ksym_resolve(const char *name, char *out, size_t len);

/*
 * ldr_elf_func_offset - the file offset of function @func in ELF file @path (.symtab, then
 * .dynsym), as uprobes want it: the symbol's address translated through the PT_LOAD segment
 * holding it. Returns 0 with *@off set, or -errno (-ENOENT: no such function).
 */
int ldr_elf_func_offset(const char *path, const char *func, uint64_t *off);

/* ---- links: one attachment each, and how to undo it (attach.c) ---- */

enum ldr_link_kind {
	LDR_LINK_XDP,	 /* ifindex + mode; prog_fd to detach only our own */
	LDR_LINK_FD,	 /* closing fd detaches (perf event, raw tracepoint) */
	LDR_LINK_SOCKET, /* fd: the socket carrying the filter */
	LDR_LINK_PROBE,	 /* perf fd on a legacy probe event that must be removed */
};

struct ldr_link {
	enum ldr_link_kind kind;
	char *prog;  /* program name */
	char *desc;  /* where: "xdp veth0 (native)", "tracepoint syscalls/sys_enter_read" */
	int fd;	     /* -1: none */
	int prog_fd; /* not owned */
	int ifindex; /* XDP */
	enum ldr_xdp_mode mode;
	char *event_file; /* PROBE: "kprobe_events"/"uprobe_events" path */
	char *event;	  /* PROBE: "GROUP/EVENT" */
};

/* What attaching by section needs from the command line. */
struct ldr_attach_opts {
	const char *xdp_dev; /* NULL: XDP programs are not attached */
	enum ldr_xdp_mode xdp_mode;
	int xdp_replace;	/* replace a program already on the device */
	const char *socket_dev; /* socket filters: a packet socket on this device; NULL: none */
	int uprobe_pid;		/* uprobes: this process only; 0 or -1: every process */
	int legacy_probes;	/* kprobes, uprobes: tracefs probe events even where the PMU is */
};

/*
 * ldr_prog_attach - attach @p (of object @o) where its section says: xdp (on opts->xdp_dev),
 * kprobe/FN, kretprobe/FN, uprobe/PATH:FN[+OFF], uretprobe/..., tracepoint/CAT/NAME (tp/),
 * raw_tracepoint/NAME (raw_tp/), socket (on opts->socket_dev). *@out is set to a new link.
 * Returns 0, -ENOTSUP for a section this cannot attach (reported), or another -errno
 * (reported into @d, with the reason and a hint).
 */
int ldr_prog_attach(const struct obj *o, const struct ldr_loaded_prog *p,
		    const struct ldr_attach_opts *opts, struct ldr_link **out, struct diag *d);

/* ldr_link_detach - undo the attachment, free @l. Reports trouble into @d (may be NULL).
 * Returns 0 or the first -errno. NULL is fine. */
int ldr_link_detach(struct ldr_link *l, struct diag *d);

/* ---- bpffs (pin.c) ---- */

/*
 * ldr_bpffs_prepare - make @dir a directory on a bpffs: when /sys/fs/bpf is not a bpffs it
 * is mounted there (dir must then be under it), then @dir and its parents are created.
 * Returns 0 or -errno (-EXDEV: @dir is not on a bpffs), reported into @d.
 */
int ldr_bpffs_prepare(const char *dir, struct diag *d);

/* ldr_is_bpffs - is @path on a bpffs? 1, 0, or -errno. */
int ldr_is_bpffs(const char *path);

/*
 * ldr_map_pin_open - reuse the map pinned at @root/@name when it matches @want (type, key
 * size, value size, max entries, flags). Returns its descriptor; -ENOENT when nothing is
 * pinned there (then create it and ldr_map_pin_new it); -EINVAL when it differs, with one
 * error naming every differing field, pinned and object value side by side.
 */
int ldr_map_pin_open(const char *root, const char *name, const struct ldr_map_attr *want,
		     struct diag *d, const struct diag_loc *loc);

/* ldr_map_pin_new - pin a map just created at @root/@name. 0 or -errno (reported). */
int ldr_map_pin_new(const char *root, const char *name, int fd, struct diag *d,
		    const struct diag_loc *loc);

/* ---- object information ---- */

struct ldr_prog_info {
	uint32_t id, type;
	uint8_t tag[8];
	char name[16];
};
struct ldr_map_info {
	uint32_t id, type, key_size, value_size, max_entries, flags, btf_id, btf_key_type_id,
		btf_value_type_id;
	char name[16];
};

/* ---- what the kernel supports, by trying (probe.c) ---- */

enum { LDR_PROBE_NO, LDR_PROBE_YES, LDR_PROBE_NEEDS_TARGET };

/*
 * ldr_probe_prog_type, ldr_probe_map_type, ldr_probe_attach_type - load a minimal program
 * of this type, create a small map of this type, load a program with this expected attach
 * type. Return LDR_PROBE_YES, LDR_PROBE_NO (*@err: the kernel's -errno), or
 * LDR_PROBE_NEEDS_TARGET (known, but it cannot be tried without BTF: fentry, lsm,
 * struct_ops, local storages). ldr_probe_attach_type returns -ENOENT for an attach type no
 * section uses.
 */
int ldr_probe_prog_type(int type, int *err);
int ldr_probe_map_type(int type, int *err);
int ldr_probe_attach_type(int attach_type, int *err);
/* ldr_probe_helper - may a program of @prog_type call helper @helper here? YES or NO. */
int ldr_probe_helper(int prog_type, int helper);
/* libbpf's name of an attach type ("cgroup_inet_ingress"), NULL if unknown; how many. */
const char *ldr_attach_type_name(int attach_type);
int ldr_attach_type_count(void);

/* ---- BTF-typed values (btfdump.c) ---- */

struct ldr_btf;

/* ldr_btf_get - the kernel's BTF object @id (a map's btf_id), checked and indexed.
 * ldr_btf_from_data - the same from raw BTF bytes (copied). 0 or -errno. */
int ldr_btf_get(uint32_t id, struct ldr_btf **out);
int ldr_btf_from_data(const void *data, size_t size, struct ldr_btf **out);
void ldr_btf_free(struct ldr_btf *b);

/*
 * ldr_btf_print - @data (@len bytes) as type @type_id, in JSON (numbers, enumerator names,
 * strings for char arrays, objects for structs), to @f. Returns 0, or -EINVAL when the type
 * cannot be printed or its size is not @len; then nothing was written.
 */
int ldr_btf_print(const struct ldr_btf *b, uint32_t type_id, const void *data, size_t len, FILE *f);

/* ldr_btf_type_name - the name of type @id ("" when anonymous), NULL when there is no such id. */
const char *ldr_btf_type_name(const struct ldr_btf *b, uint32_t id);

/*
 * ldr_btf_map_types - the key and value types of map @map of an object, by libbpf's
 * conventions, from the section @sec it is defined in:
 *   ".maps"   the pointees of the `key` and `value` members of the map's struct (none when
 *             it was defined with key_size/value_size)
 *   "maps"    (legacy) the `key` and `value` members of struct ____btf_map_MAP, if any
 *   other     a global data section: the value is its DATASEC, there is no key
 * Returns 1 and sets *@key (0: none) and *@value, or returns 0 with both 0 (no value type:
 * the kernel takes a key type only with one).
 */
int ldr_btf_map_types(const struct ldr_btf *b, const char *sec, const char *map, uint32_t *key,
		      uint32_t *value);

/* BPF_OBJ_GET_INFO_BY_FD of a program or map. 0 or -errno. */
int ldr_prog_info(int fd, struct ldr_prog_info *info);
int ldr_map_info(int fd, struct ldr_map_info *info);
/* BPF_PROG_GET_FD_BY_ID. A descriptor or -errno. */
int ldr_prog_fd_by_id(uint32_t id);

#endif
