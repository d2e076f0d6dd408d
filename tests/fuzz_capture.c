/* SPDX-License-Identifier: MIT */
/*
 * fuzz_capture.c - libFuzzer target for the capture reader: any bytes as a pcap or pcapng
 * file, read from memory (fmemopen + libpcap) to the end or the first error.
 *
 * What must hold for every input: no crash, hang or leak; every packet's bytes readable to
 * caplen (each is summed, so a short buffer is a sanitizer error); caplen within
 * VM_CAPTURE_MAX_PACKET; packets numbered 1, 2, 3 ... with non-decreasing record offsets;
 * one link type for the whole file; an error is exactly one message naming the file, and
 * the end or an error stays put. Every packet read is also written through the pcapng
 * writer (to /dev/null), which must accept any caplen, length and timestamp the reader
 * produced.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vm/capture.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_NAME "fuzz.pcap"

/* Packet bytes are summed into this so the reads cannot be optimized away. */
static volatile uint32_t sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vm_capture_writer *w = NULL;
	struct vm_capture_pkt pkt;
	struct vm_capture *cap;
	uint64_t expect = 1, last_off = 0;
	unsigned werrs;
	struct diag d;
	int r;

	if (size > (1 << 20))
		return 0;
	diag_init(&d);
	r = vm_capture_open_mem(FUZZ_NAME, data, size, &cap, &d);
	if (r) {
		if (r >= 0 || cap || d.nerrors != 1 || strcmp(d.msgs[0].file, FUZZ_NAME) != 0)
			abort();
		diag_fini(&d);
		return 0;
	}
	if (vm_capture_writer_open("/dev/null", vm_capture_linktype(cap), VM_CAPTURE_PCAPNG, &w,
				   &d) != 0)
		w = NULL; /* a link type pcapng cannot hold (reported): read anyway */
	werrs = d.nerrors;
	while ((r = vm_capture_next(cap, &pkt)) == 1) {
		if (pkt.num != expect++ || pkt.caplen > VM_CAPTURE_MAX_PACKET ||
		    pkt.linktype != vm_capture_linktype(cap) || pkt.offset < last_off || !pkt.data)
			abort();
		last_off = pkt.offset;
		for (uint32_t i = 0; i < pkt.caplen; i++)
			sink += pkt.data[i];
		if (w && vm_capture_write(w, pkt.data, pkt.caplen, pkt.len, pkt.ts_ns) != 0)
			abort();
	}
	if (vm_capture_next(cap, &pkt) != r)
		abort();
	if (d.nerrors != werrs + (r < 0) ||
	    (r < 0 && strcmp(d.msgs[d.nmsgs - 1].file, FUZZ_NAME) != 0))
		abort();
	if (vm_capture_writer_close(w) != 0)
		abort();
	vm_capture_close(cap);
	diag_fini(&d);
	return 0;
}
