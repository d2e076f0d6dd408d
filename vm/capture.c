/* SPDX-License-Identifier: MIT */
/*
 * capture.c - capture I/O for ebpf-run: a streaming reader over libpcap, a pcap/pcapng writer,
 * and an in-memory capture for benchmarks (see capture.h for the file layouts).
 *
 * Reader invariants:
 *   - The file is never read whole: libpcap reads one record at a time into one buffer that
 *     grows to the largest packet (at most VM_CAPTURE_MAX_PACKET, libpcap's own limit), so
 *     memory stays flat for any file size.
 *   - cap->offset is the byte offset where the next record starts. For pcap it is counted:
 *     + record header + caplen per packet, which holds unless libpcap shortened the packet to
 *     the snapshot length (caplen == snapshot) or may have swapped caplen and len (versions
 *     before 2.4); those packets, and pcapng, take ftell() of libpcap's FILE instead. ftell
 *     is an lseek() per call: 0.2 s per million packets against 0.05 s for the whole read,
 *     hence the counting. On a pipe ftell fails and offsets are left out (tell_ok == 0).
 *   - cap->state is 0 while packets may follow, 1 after the end, -errno after an error; once
 *     nonzero it never changes, so a caller looping until <= 0 cannot spin or read past
 *     damage.
 *   - Every message names the file first; libpcap's texts are kept as the detail.
 *
 * Writer invariants: w->err is the first write error (positive errno) or 0; it is reported
 * once, when it happens, and every later call returns it without writing.
 */
#include "capture.h"
#include "mem.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <pcap/pcap.h>

_Static_assert(VM_CAPTURE_LINK_NULL == DLT_NULL, "DLT_NULL");
_Static_assert(VM_CAPTURE_LINK_EN10MB == DLT_EN10MB, "DLT_EN10MB");
_Static_assert(VM_CAPTURE_LINK_RAW == DLT_RAW, "DLT_RAW (Linux value)");
_Static_assert(VM_CAPTURE_LINK_LINUX_SLL == DLT_LINUX_SLL, "DLT_LINUX_SLL");
_Static_assert(VM_CAPTURE_LINK_IPV4 == DLT_IPV4, "DLT_IPV4");
_Static_assert(VM_CAPTURE_LINK_IPV6 == DLT_IPV6, "DLT_IPV6");
_Static_assert(VM_CAPTURE_LINK_LINUX_SLL2 == DLT_LINUX_SLL2, "DLT_LINUX_SLL2");

/* Magic numbers at byte 0, as read in host order from either byte order of file. */
#define PCAP_MAGIC_US	   0xa1b2c3d4u
#define PCAP_MAGIC_NS	   0xa1b23c4du
#define PCAP_MAGIC_PATCHED 0xa1b2cd34u /* Kuznetzov's patched format: 24-byte records */
#define PCAPNG_SHB	   0x0a0d0d0au
#define PCAPNG_BYTE_ORDER  0x1a2b3c4du
#define PCAPNG_IDB	   0x00000001u
#define PCAPNG_EPB	   0x00000006u
#define PCAPNG_OPT_TSRESOL 9
#define LINKTYPE_RAW	   101
#define LINKTYPE_ATM_CLIP  106

struct vm_capture {
	pcap_t *p; /* owns fp once open */
	char *name;
	struct diag *d; /* the caller's, from open: it outlives the capture */
	enum vm_capture_format fmt;
	int linktype;
	int state;
	int tell_ok;
	uint32_t rec_hdr; /* pcap record header size when offsets can be counted, else 0 */
	uint64_t num;	  /* packets returned so far */
	uint64_t offset;  /* where the next record starts */
};

struct vm_capture_writer {
	FILE *fp;
	int is_stdout;
	int err;
	char *name;
	struct diag *d; /* the caller's, from open: it outlives the writer */
	enum vm_capture_format fmt;
	uint64_t count;
};

static const struct diag_loc *file_loc(struct diag_loc *loc, const char *name)
{
	memset(loc, 0, sizeof(*loc));
	loc->file = name;
	return loc;
}

static uint32_t bswap32(uint32_t v)
{
	return __builtin_bswap32(v);
}

static enum vm_capture_format format_of_magic(const uint8_t m[4])
{
	uint32_t v;

	memcpy(&v, m, 4);
	if (v == PCAPNG_SHB) /* a palindrome: the same in both byte orders */
		return VM_CAPTURE_PCAPNG;
	if (v == PCAP_MAGIC_US || v == PCAP_MAGIC_NS || bswap32(v) == PCAP_MAGIC_US ||
	    bswap32(v) == PCAP_MAGIC_NS || v == PCAP_MAGIC_PATCHED ||
	    bswap32(v) == PCAP_MAGIC_PATCHED)
		return VM_CAPTURE_PCAP;
	return VM_CAPTURE_UNKNOWN;
}

/* The size of a pcap record header for this magic, 0 when not a pcap magic. */
static uint32_t record_header_of_magic(const uint8_t m[4])
{
	uint32_t v;

	if (format_of_magic(m) != VM_CAPTURE_PCAP)
		return 0;
	memcpy(&v, m, 4);
	return v == PCAP_MAGIC_PATCHED || bswap32(v) == PCAP_MAGIC_PATCHED ? 24 : 16;
}

static int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* libpcap says "truncated dump file; tried to ..." or "truncated pcapng dump file; ...":
 * return the part after the "; ", or NULL when @msg is not about truncation. */
static const char *truncation_detail(const char *msg)
{
	const char *semi;

	if (!starts_with(msg, "truncated "))
		return NULL;
	semi = strstr(msg, "; ");
	return semi ? semi + 2 : msg;
}

static int report_open_error(struct diag *d, const char *name, const char *errbuf)
{
	struct diag_loc loc;
	const char *trunc = truncation_detail(errbuf);

	file_loc(&loc, name);
	if (trunc)
		diag_error(d, &loc, "truncated capture file header: %s", trunc);
	else if (strcmp(errbuf, "unknown file format") == 0)
		diag_error(d, &loc, "not a pcap or pcapng capture (unknown file format)");
	else
		diag_error(d, &loc, "cannot read capture: %s", errbuf);
	return -EBADMSG;
}

/* Wrap an open FILE in libpcap. @magic: its first 4 bytes, or NULL when they could not be
 * looked at. Closes @fp on failure unless it is stdin. */
static int capture_from_file(const char *name, FILE *fp, const uint8_t *magic,
			     struct vm_capture **capp, struct diag *d)
{
	char errbuf[PCAP_ERRBUF_SIZE] = "";
	struct vm_capture *cap;
	struct diag_loc loc;
	long pos;

	cap = mem_alloc(sizeof(*cap));
	if (cap)
		cap->name = mem_strdup(name);
	if (!cap || !cap->name) {
		mem_free(cap);
		if (fp != stdin)
			fclose(fp);
		diag_error(d, file_loc(&loc, name), "out of memory");
		return -ENOMEM;
	}
	cap->p = pcap_fopen_offline_with_tstamp_precision(fp, PCAP_TSTAMP_PRECISION_NANO, errbuf);
	if (!cap->p) {
		if (fp != stdin)
			fclose(fp);
		mem_free(cap->name);
		mem_free(cap);
		return report_open_error(d, name, errbuf);
	}
	cap->d = d;
	cap->fmt = magic ? format_of_magic(magic) : VM_CAPTURE_UNKNOWN;
	if (magic && pcap_major_version(cap->p) == 2 && pcap_minor_version(cap->p) >= 4)
		cap->rec_hdr = record_header_of_magic(magic);
	cap->linktype = pcap_datalink(cap->p);
	pos = ftell(fp);
	cap->tell_ok = pos >= 0;
	cap->offset = pos >= 0 ? (uint64_t)pos : 0;
	*capp = cap;
	return 0;
}

int vm_capture_open(const char *path, struct vm_capture **capp, struct diag *d)
{
	const uint8_t *known = NULL;
	struct diag_loc loc;
	struct stat st;
	uint8_t magic[4];
	FILE *fp;
	int err;

	*capp = NULL;
	file_loc(&loc, path);
	if (strcmp(path, "-") == 0) {
		fp = stdin;
	} else {
		fp = fopen(path, "rb");
		if (!fp) {
			err = errno;
			diag_error(d, &loc, "cannot open capture: %s", strerror(err));
			return -err;
		}
	}
	if (fstat(fileno(fp), &st) == 0) {
		/* fopen() accepts a directory; reading it would give a puzzling EISDIR later. */
		if (S_ISDIR(st.st_mode)) {
			if (fp != stdin)
				fclose(fp);
			diag_error(d, &loc, "cannot open capture: %s", strerror(EISDIR));
			return -EISDIR;
		}
		if (S_ISREG(st.st_mode) && st.st_size == 0) {
			if (fp != stdin)
				fclose(fp);
			diag_error(d, &loc, "empty file, not a pcap or pcapng capture");
			return -EBADMSG;
		}
		/* pread leaves the stream's position alone, so libpcap still reads from 0. */
		if (S_ISREG(st.st_mode) && pread(fileno(fp), magic, 4, 0) == 4)
			known = magic;
	}
	return capture_from_file(path, fp, known, capp, d);
}

int vm_capture_open_mem(const char *name, const void *data, size_t len, struct vm_capture **capp,
			struct diag *d)
{
	struct diag_loc loc;
	FILE *fp;
	int err;

	*capp = NULL;
	file_loc(&loc, name);
	if (len == 0) { /* fmemopen() refuses a zero size on some C libraries */
		diag_error(d, &loc, "empty file, not a pcap or pcapng capture");
		return -EBADMSG;
	}
	/* Read-only mode: the cast drops const, fmemopen never writes through it. */
	fp = fmemopen((void *)data, len, "rb");
	if (!fp) {
		err = errno;
		diag_error(d, &loc, "cannot open capture in memory: %s", strerror(err));
		return -err;
	}
	return capture_from_file(name, fp, len >= 4 ? data : NULL, capp, d);
}

static int report_record_error(struct vm_capture *cap, struct diag *d)
{
	const char *msg = pcap_geterr(cap->p);
	const char *trunc = truncation_detail(msg);
	unsigned long long num = (unsigned long long)cap->num + 1;
	char where[96];
	struct diag_loc loc;

	if (cap->tell_ok)
		snprintf(where, sizeof(where), "at packet %llu (byte offset %llu)", num,
			 (unsigned long long)cap->offset);
	else
		snprintf(where, sizeof(where), "at packet %llu", num);
	file_loc(&loc, cap->name);
	if (trunc)
		diag_error(d, &loc, "truncated packet record %s: %s", where, trunc);
	else
		diag_error(d, &loc, "bad packet record %s: %s", where, msg);
	return -EBADMSG;
}

static int capture_read(struct vm_capture *cap, struct vm_capture_pkt *pkt, struct diag *d)
{
	static const uint8_t empty[1];
	struct pcap_pkthdr *hdr;
	const u_char *bytes;
	uint64_t sec;
	int r;

	if (cap->state)
		return cap->state > 0 ? 0 : cap->state;
	r = pcap_next_ex(cap->p, &hdr, &bytes);
	if (r == PCAP_ERROR_BREAK) { /* end of file */
		cap->state = 1;
		return 0;
	}
	if (r != 1) {
		cap->state = report_record_error(cap, d);
		return cap->state;
	}
	memset(pkt, 0, sizeof(*pkt));
	pkt->data = bytes ? bytes : empty;
	pkt->caplen = hdr->caplen;
	pkt->len = hdr->len;
	/*
	 * Opened with nanosecond precision: tv_usec holds nanoseconds for every file. pcap
	 * stores seconds as u32 but libpcap reads them as s32, so times past 2038 come out
	 * negative: take them back as the unsigned value written (no capture predates 1970).
	 */
	sec = hdr->ts.tv_sec < 0 ? (uint32_t)hdr->ts.tv_sec : (uint64_t)hdr->ts.tv_sec;
	pkt->ts_ns = sec * 1000000000u + (uint64_t)hdr->ts.tv_usec;
	pkt->num = ++cap->num;
	pkt->offset = cap->offset;
	pkt->linktype = cap->linktype;
	if (cap->rec_hdr && hdr->caplen < (uint32_t)pcap_snapshot(cap->p)) {
		cap->offset += cap->rec_hdr + hdr->caplen;
	} else if (cap->tell_ok) {
		long pos = ftell(pcap_file(cap->p));

		cap->tell_ok = pos >= 0;
		cap->offset = pos >= 0 ? (uint64_t)pos : 0;
	}
	return 1;
}

int vm_capture_next(struct vm_capture *cap, struct vm_capture_pkt *pkt)
{
	return capture_read(cap, pkt, cap->d);
}

int vm_capture_linktype(const struct vm_capture *cap)
{
	return cap->linktype;
}

enum vm_capture_format vm_capture_format(const struct vm_capture *cap)
{
	return cap->fmt;
}

const char *vm_capture_name(const struct vm_capture *cap)
{
	return cap->name;
}

void vm_capture_close(struct vm_capture *cap)
{
	if (!cap)
		return;
	pcap_close(cap->p); /* closes the FILE too, except stdin */
	mem_free(cap->name);
	mem_free(cap);
}

const char *vm_capture_linktype_name(int linktype)
{
	return pcap_datalink_val_to_name(linktype);
}

const char *vm_capture_linktype_describe(int linktype)
{
	return pcap_datalink_val_to_description(linktype);
}

/* ---- the whole capture in memory ---- */

void vm_capture_set_free(struct vm_capture_set *set)
{
	mem_free(set->pkts);
	mem_free(set->data);
	memset(set, 0, sizeof(*set));
}

int vm_capture_load_all(const char *path, size_t max_bytes, struct vm_capture_set *set,
			struct diag *d)
{
	struct vm_capture_pkt pkt;
	struct vm_capture *cap;
	struct diag_loc loc;
	size_t pkt_cap = 0, data_cap = 0;
	int r;

	memset(set, 0, sizeof(*set));
	r = vm_capture_open(path, &cap, d);
	if (r)
		return r;
	set->linktype = vm_capture_linktype(cap);
	file_loc(&loc, path);
	while ((r = vm_capture_next(cap, &pkt)) == 1) {
		struct vm_capture_pkt *pkts;
		uint8_t *data;

		if (max_bytes &&
		    (set->data_len > max_bytes || pkt.caplen > max_bytes - set->data_len)) {
			diag_error(d, &loc,
				   "capture too large to hold in memory: more than %zu bytes of "
				   "packets at packet %llu",
				   max_bytes, (unsigned long long)pkt.num);
			r = -EFBIG;
			break;
		}
		pkts = mem_array(set->pkts, &pkt_cap, set->npkts + 1, sizeof(*pkts));
		/* + 1: data is never NULL, even when every packet is empty */
		data = mem_array(set->data, &data_cap, set->data_len + pkt.caplen + 1, 1);
		if (pkts)
			set->pkts = pkts;
		if (data)
			set->data = data;
		if (!pkts || !data) {
			diag_error(d, &loc, "out of memory at packet %llu",
				   (unsigned long long)pkt.num);
			r = -ENOMEM;
			break;
		}
		memcpy(set->data + set->data_len, pkt.data, pkt.caplen);
		pkt.data = NULL; /* data moves as it grows: pointers are set at the end */
		set->pkts[set->npkts++] = pkt;
		set->data_len += pkt.caplen;
	}
	vm_capture_close(cap);
	if (r < 0) {
		vm_capture_set_free(set);
		return r;
	}
	/* Packets are back to back in data, in order. */
	for (size_t i = 0, off = 0; i < set->npkts; off += set->pkts[i].caplen, i++)
		set->pkts[i].data = set->data + off;
	return 0;
}

/* ---- writing ---- */

/* DLT_ (what libpcap reports) to LINKTYPE_ (what files hold): equal but for a few. */
static uint32_t dlt_to_linktype(int dlt)
{
	switch (dlt) {
	case DLT_RAW:
		return LINKTYPE_RAW;
#ifdef DLT_ATM_CLIP
	case DLT_ATM_CLIP:
		return LINKTYPE_ATM_CLIP;
#endif
	default:
		return (uint32_t)dlt;
	}
}

static int writer_fail(struct vm_capture_writer *w, int err)
{
	struct diag_loc loc;

	if (!w->err) {
		w->err = err ? err : EIO;
		diag_error(w->d, file_loc(&loc, w->name), "cannot write capture: %s",
			   strerror(w->err));
	}
	return -w->err;
}

/* Host-order stores into a header being built; the file is in host byte order. */
static uint8_t *put16(uint8_t *p, uint16_t v)
{
	memcpy(p, &v, 2);
	return p + 2;
}

static uint8_t *put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
	return p + 4;
}

static int writer_put(struct vm_capture_writer *w, const void *p, size_t n)
{
	errno = 0;
	if (n && fwrite(p, 1, n, w->fp) != n)
		return errno ? errno : EIO;
	return 0;
}

static int write_header(struct vm_capture_writer *w, uint32_t linktype)
{
	uint8_t h[64], *p = h;

	if (w->fmt == VM_CAPTURE_PCAP) {
		p = put32(p, PCAP_MAGIC_NS);
		p = put16(p, 2); /* version 2.4 */
		p = put16(p, 4);
		p = put32(p, 0); /* thiszone */
		p = put32(p, 0); /* sigfigs */
		p = put32(p, VM_CAPTURE_MAX_PACKET);
		p = put32(p, linktype);
		return writer_put(w, h, (size_t)(p - h));
	}
	/* SHB, 28 bytes, no options */
	p = put32(p, PCAPNG_SHB);
	p = put32(p, 28);
	p = put32(p, PCAPNG_BYTE_ORDER);
	p = put16(p, 1); /* version 1.0 */
	p = put16(p, 0);
	p = put32(p, 0xffffffffu); /* section length: not given (-1, 64 bits) */
	p = put32(p, 0xffffffffu);
	p = put32(p, 28);
	/* IDB, 32 bytes: if_tsresol = 9 (nanoseconds), then opt_endofopt */
	p = put32(p, PCAPNG_IDB);
	p = put32(p, 32);
	p = put16(p, (uint16_t)linktype);
	p = put16(p, 0);
	p = put32(p, VM_CAPTURE_MAX_PACKET);
	p = put16(p, PCAPNG_OPT_TSRESOL);
	p = put16(p, 1);
	*p++ = 9; /* 10^-9 seconds, then 3 bytes of padding */
	*p++ = 0;
	*p++ = 0;
	*p++ = 0;
	p = put32(p, 0); /* opt_endofopt: code 0, length 0 */
	p = put32(p, 32);
	return writer_put(w, h, (size_t)(p - h));
}

int vm_capture_writer_open(const char *path, int linktype, enum vm_capture_format fmt,
			   struct vm_capture_writer **wp, struct diag *d)
{
	struct vm_capture_writer *w;
	struct diag_loc loc;
	int err;

	*wp = NULL;
	file_loc(&loc, path);
	if (fmt != VM_CAPTURE_PCAP && fmt != VM_CAPTURE_PCAPNG) {
		diag_error(d, &loc, "cannot write capture: unknown format %d", (int)fmt);
		return -EINVAL;
	}
	if (linktype < 0 || (fmt == VM_CAPTURE_PCAPNG && dlt_to_linktype(linktype) > 0xffff)) {
		diag_error(d, &loc, "cannot write capture: bad link type %d", linktype);
		return -EINVAL;
	}
	w = mem_alloc(sizeof(*w));
	if (w)
		w->name = mem_strdup(path);
	if (!w || !w->name) {
		mem_free(w);
		diag_error(d, &loc, "out of memory");
		return -ENOMEM;
	}
	w->d = d;
	w->fmt = fmt;
	if (strcmp(path, "-") == 0) {
		w->fp = stdout;
		w->is_stdout = 1;
	} else {
		w->fp = fopen(path, "wb");
	}
	if (!w->fp) {
		err = errno;
		diag_error(d, &loc, "cannot create capture: %s", strerror(err));
		mem_free(w->name);
		mem_free(w);
		return -err;
	}
	err = write_header(w, dlt_to_linktype(linktype));
	if (err) {
		err = writer_fail(w, err);
		vm_capture_writer_close(w);
		return err;
	}
	*wp = w;
	return 0;
}

int vm_capture_write(struct vm_capture_writer *w, const void *data, uint32_t caplen, uint32_t len,
		     uint64_t ts_ns)
{
	static const uint8_t zeros[4];
	uint8_t h[32], *p = h;
	struct diag_loc loc;
	int err;

	if (w->err)
		return -w->err;
	if (caplen > VM_CAPTURE_MAX_PACKET) {
		diag_error(w->d, file_loc(&loc, w->name),
			   "cannot write packet %llu: %u bytes is more than the %u a capture may "
			   "hold",
			   (unsigned long long)w->count + 1, caplen, VM_CAPTURE_MAX_PACKET);
		return -EMSGSIZE;
	}
	if (len < caplen)
		len = caplen;
	if (w->fmt == VM_CAPTURE_PCAP) {
		uint64_t sec = ts_ns / 1000000000u;

		if (sec > UINT32_MAX) {
			diag_error(w->d, file_loc(&loc, w->name),
				   "cannot write packet %llu: its time is past what pcap can hold "
				   "(year 2106); write pcapng instead",
				   (unsigned long long)w->count + 1);
			return -EOVERFLOW;
		}
		p = put32(p, (uint32_t)sec);
		p = put32(p, (uint32_t)(ts_ns % 1000000000u));
		p = put32(p, caplen);
		p = put32(p, len);
		err = writer_put(w, h, (size_t)(p - h));
		if (!err)
			err = writer_put(w, data, caplen);
	} else {
		uint32_t pad = (4 - (caplen & 3)) & 3;
		uint32_t total = 32 + caplen + pad;

		p = put32(p, PCAPNG_EPB);
		p = put32(p, total);
		p = put32(p, 0); /* interface 0 */
		p = put32(p, (uint32_t)(ts_ns >> 32));
		p = put32(p, (uint32_t)ts_ns);
		p = put32(p, caplen);
		p = put32(p, len);
		err = writer_put(w, h, (size_t)(p - h));
		if (!err)
			err = writer_put(w, data, caplen);
		if (!err)
			err = writer_put(w, zeros, pad);
		if (!err)
			err = writer_put(w, &total, 4);
	}
	if (err)
		return writer_fail(w, err);
	w->count++;
	return 0;
}

uint64_t vm_capture_writer_count(const struct vm_capture_writer *w)
{
	return w->count;
}

int vm_capture_writer_close(struct vm_capture_writer *w)
{
	int err = 0;

	if (!w)
		return 0;
	errno = 0;
	if (fflush(w->fp) != 0 || ferror(w->fp))
		err = errno ? errno : EIO;
	if (!w->is_stdout && fclose(w->fp) != 0 && !err)
		err = errno ? errno : EIO;
	if (err)
		writer_fail(w, err);
	err = w->err;
	mem_free(w->name);
	mem_free(w);
	return -err;
}
