/* SPDX-License-Identifier: MIT */
/*
 * tu-kernel.c - the kernel-test half of testutil: in a file of its own in libtestutil.a, so
 * only suites that call it pull in the loader library (link them with libloader.a after
 * libtestutil.a).
 */
#include "testutil.h"

#include <unistd.h>

#include <linux/bpf.h>

#include "loader/loader.h"

void tu_require_bpf(const char *why_root)
{
	struct ldr_map_attr a = {.type = BPF_MAP_TYPE_ARRAY,
				 .key_size = 4,
				 .value_size = 8,
				 .max_entries = 1,
				 .name = "probe"};
	char eb[160];
	int fd;

	if (geteuid() != 0)
		tu_skip(1, "%s: run as root", why_root);
	fd = ldr_map_create(&a);
	if (fd < 0)
		tu_skip(1, "bpf() does not work here: BPF_MAP_CREATE: %s",
			ldr_errno_format(fd, eb, sizeof(eb)));
	close(fd);
}
