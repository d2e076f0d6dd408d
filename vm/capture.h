/* SPDX-License-Identifier: MIT */
/*
 * capture.h - packet captures for ebpf-run: read pcap and pcapng files packet by packet,
 * write pcap or pcapng files, and (for benchmarks) hold a whole capture in memory.
 *
 * Reading goes through libpcap, so every pcap variant it knows (micro- and nanosecond
 * magic, either byte order, pcapng with several sections) is accepted; timestamps always
 * come out in nanoseconds. Reading streams: memory stays flat however large the file, and
 * a packet's bytes stay valid only until the next vm_capture_next() or vm_capture_close().
 *
 * Writing is done here, not by libpcap (which cannot write pcapng and hides write errors):
 *
 *   pcap:    file header  magic a1b23c4d (nanoseconds), version 2.4, snaplen, linktype
 *            per packet   ts_sec u32, ts_nsec u32, caplen u32, len u32, caplen bytes
 *   pcapng:  SHB (byte-order magic 1a2b3c4d, version 1.0, section length -1)
 *            IDB (linktype, snaplen, if_tsresol = 9: nanoseconds)
 *            per packet   EPB (interface 0, ts high/low, caplen, len, data padded to 4)
 *
 * Both are written in host byte order, as every writer does; readers handle either.
 *
 * Link types are the DLT_ values libpcap reports (pcap_datalink()), which differ from the
 * LINKTYPE_ values stored in files for a few types (DLT_RAW is 12 on Linux, LINKTYPE_RAW is
 * 101); the writer translates. VM_CAPTURE_LINK_* name the ones ebpf-run cares about.
 *
 * Every error is reported through the struct diag, located at the capture's file name, and
 * returned as -errno: -ENOENT and friends from the file system, -EBADMSG for a file that is
 * not a capture or is damaged, -EFBIG past a size limit, -ENOMEM.
 */
#ifndef EBPF_VM_CAPTURE_H
#define EBPF_VM_CAPTURE_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* DLT_ values on Linux (checked against <pcap/dlt.h> in capture.c). */
enum {
	VM_CAPTURE_LINK_NULL = 0,	 /* BSD loopback: 4-byte address family */
	VM_CAPTURE_LINK_EN10MB = 1,	 /* Ethernet: what XDP and tc programs expect */
	VM_CAPTURE_LINK_RAW = 12,	 /* raw IPv4 or IPv6, no link header */
	VM_CAPTURE_LINK_LINUX_SLL = 113, /* Linux "any" device, cooked header v1 */
	VM_CAPTURE_LINK_IPV4 = 228,	 /* raw IPv4 */
	VM_CAPTURE_LINK_IPV6 = 229,	 /* raw IPv6 */
	VM_CAPTURE_LINK_LINUX_SLL2 = 276 /* Linux cooked header v2 */
};

/* The largest packet a capture may hold here: libpcap's limit for most link types. */
#define VM_CAPTURE_MAX_PACKET 262144u

enum vm_capture_format {
	VM_CAPTURE_PCAP,
	VM_CAPTURE_PCAPNG,
	VM_CAPTURE_UNKNOWN /* reading from a pipe: the magic could not be looked at */
};

/* One packet as read. */
struct vm_capture_pkt {
	const uint8_t *data; /* caplen bytes; valid until the next read or close */
	uint32_t caplen;     /* bytes captured (what a program sees) */
	uint32_t len;	     /* length on the wire; may be less than caplen in broken files */
	uint64_t ts_ns;	     /* nanoseconds since the epoch */
	uint64_t num;	     /* 1-based packet number in the file */
	uint64_t offset;     /* byte offset of its record (pcap) or block (pcapng); 0
				for every packet when reading from a pipe */
	int linktype;	     /* DLT_ value; the same for every packet of a file */
};

struct vm_capture;

/*
 * vm_capture_open - open a pcap or pcapng file for reading ("-" is standard input).
 * @path:	file name, also the name errors are reported under
 * @capp:	receives the capture; NULL on error
 * @d:		errors, e.g. "x.pcap: error: not a pcap or pcapng capture (unknown file format)";
 *		kept for vm_capture_next's errors, so it must outlive the capture
 *
 * Returns 0, or -errno: -ENOENT, -EACCES, -EISDIR ..., -EBADMSG (not a capture, or its
 * header is damaged or truncated), -ENOMEM.
 */
int vm_capture_open(const char *path, struct vm_capture **capp, struct diag *d);

/*
 * vm_capture_open_mem - the same over bytes in memory (fuzzing, tests). @name is used in
 * messages; @data must outlive the capture.
 */
int vm_capture_open_mem(const char *name, const void *data, size_t len, struct vm_capture **capp,
			struct diag *d);

/*
 * vm_capture_next - read the next packet into @pkt.
 *
 * Returns 1 with a packet, 0 at the end of the file, or -errno with the error reported:
 * -EBADMSG for a truncated or malformed record, e.g.
 *   "x.pcap: error: truncated packet record at packet 17 (byte offset 1234): tried to read
 *    16 header bytes, only got 5"
 * After an error or the end every further call returns the same value again.
 */
int vm_capture_next(struct vm_capture *cap, struct vm_capture_pkt *pkt);

/* The DLT_ link type of every packet of the capture. */
int vm_capture_linktype(const struct vm_capture *cap);
/* The file's format, from its magic number. */
enum vm_capture_format vm_capture_format(const struct vm_capture *cap);
/* The name the capture was opened under. */
const char *vm_capture_name(const struct vm_capture *cap);
/* Close and free; NULL is allowed. */
void vm_capture_close(struct vm_capture *cap);

/*
 * vm_capture_linktype_name - "EN10MB", "RAW", "LINUX_SLL" ... for a DLT_ value (libpcap's
 * names), or NULL when libpcap has no name for it. vm_capture_linktype_describe gives the
 * long form ("Ethernet", "Raw IP") or NULL.
 */
const char *vm_capture_linktype_name(int linktype);
const char *vm_capture_linktype_describe(int linktype);

/* A whole capture in memory: one data block, packets pointing into it. */
struct vm_capture_set {
	struct vm_capture_pkt *pkts;
	size_t npkts;
	int linktype;
	uint8_t *data;	 /* every packet's bytes, back to back */
	size_t data_len; /* bytes used in data */
};

/*
 * vm_capture_load_all - read every packet of @path into @set, for benchmarks that must not
 * measure I/O. At most @max_bytes of packet data are held (0: no limit); a larger capture is
 * an error, -EFBIG. On error @set is left empty. Free with vm_capture_set_free().
 */
int vm_capture_load_all(const char *path, size_t max_bytes, struct vm_capture_set *set,
			struct diag *d);
void vm_capture_set_free(struct vm_capture_set *set);

struct vm_capture_writer;

/*
 * vm_capture_writer_open - create (truncate) @path and write the file header ("-" is
 * standard output). @linktype is a DLT_ value, written as its LINKTYPE_ value. @d receives
 * every error of the writer's life, so it must outlive the writer.
 *
 * Returns 0, or -errno from creating the file (reported), -EINVAL for a bad @fmt.
 */
int vm_capture_writer_open(const char *path, int linktype, enum vm_capture_format fmt,
			   struct vm_capture_writer **wp, struct diag *d);

/*
 * vm_capture_write - append one packet: @caplen bytes of @data, which were @len bytes on the
 * wire (a @len below @caplen is written as @caplen), with timestamp @ts_ns.
 *
 * Returns 0, -EMSGSIZE for a packet above VM_CAPTURE_MAX_PACKET, or -errno from writing
 * (-ENOSPC ...); every error is reported, and after a write error the writer refuses more.
 */
int vm_capture_write(struct vm_capture_writer *w, const void *data, uint32_t caplen, uint32_t len,
		     uint64_t ts_ns);

/* Packets written so far. */
uint64_t vm_capture_writer_count(const struct vm_capture_writer *w);

/*
 * vm_capture_writer_close - flush, close and free. Returns 0, or -errno when an earlier write
 * or the final flush failed (reported). NULL is allowed and returns 0.
 */
int vm_capture_writer_close(struct vm_capture_writer *w);

#endif
