/* SPDX-License-Identifier: MIT */
/*
 * verify-main.c - ebpf-verify: run verifier-sim over every program of an object (or of a .s
 * file, assembled on the fly) and say, per program, what the kernel's verifier would.
 *
 * Output, text: "NAME: accepted (N instructions processed)", or "NAME: rejected" and then
 * the error at its source line (the kernel's wording) with notes on the cause. --json: one
 * object per program per line. Exit: 0 all accepted, 1 any rejected, 2 bad input.
 */
#include "vsim.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../asm/asm.h"
#include "config.h"

static void usage(FILE *f)
{
	fputs("Usage: ebpf-verify [OPTION]... FILE.o|FILE.s\n"
	      "Verify every program of an eBPF object offline, as the kernel's verifier would,\n"
	      "and explain each rejection at its source line.\n"
	      "\n"
	      "      --prog NAME      verify only the program NAME\n"
	      "      --type TYPE      verify as program type TYPE (xdp, socket_filter, sched_cls,\n"
	      "                       tracepoint, raw_tracepoint, kprobe, ...) whatever the "
	      "section\n"
	      "      --log-level N    1: print the verifier log; 2: with register and stack state\n"
	      "                       after every instruction\n"
	      "      --json           one JSON object per program per line\n"
	      "      --unpriv         verify as an unprivileged user would be verified\n"
	      "  -h, --help           show this help and exit\n"
	      "      --version        show the version and exit\n"
	      "\n"
	      "A FILE.s is assembled first (as ebpf-as does).\n"
	      "Exit status: 0 all accepted, 1 any rejected, 2 usage or input errors.\n",
	      f);
}

int main(int argc, char **argv)
{
	static const struct option lopts[] = {
		{"prog", required_argument, NULL, 'p'},	     {"type", required_argument, NULL, 't'},
		{"log-level", required_argument, NULL, 'l'}, {"json", no_argument, NULL, 'j'},
		{"unpriv", no_argument, NULL, 'u'},	     {"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},	     {NULL, 0, NULL, 0},
	};
	struct vsim_report_opts op = {0};
	const char *in;
	struct diag d;
	struct obj *o = NULL;
	char *text = NULL;
	size_t len, n;
	int c, ret;

	while ((c = getopt_long(argc, argv, "h", lopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			op.prog = optarg;
			break;
		case 't':
			op.type = optarg;
			break;
		case 'l':
			if (strcmp(optarg, "0") && strcmp(optarg, "1") && strcmp(optarg, "2")) {
				fprintf(stderr, "ebpf-verify: error: --log-level takes 1 or 2\n");
				return 2;
			}
			op.log_level = atoi(optarg);
			break;
		case 'j':
			op.json = 1;
			break;
		case 'u':
			op.unpriv = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("ebpf-verify (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "ebpf-verify: %s\n",
			optind == argc ? "no input file" : "more than one input file");
		usage(stderr);
		return 2;
	}
	in = argv[optind];
	diag_init(&d);
	n = strlen(in);
	if (n > 2 && (strcmp(in + n - 2, ".s") == 0 || strcmp(in + n - 2, ".S") == 0)) {
		text = buf_read_path(in, &len);
		if (!text) {
			fprintf(stderr, "ebpf-verify: error: %s: %s\n", in, strerror(errno));
			return 2;
		}
		o = obj_new();
		if (!o || asm_source_assemble(in, text, len, o, &d)) {
			diag_print(&d, stderr, "ebpf-verify", op.json);
			obj_free(o);
			diag_fini(&d);
			free(text);
			return 2;
		}
	} else if (obj_read_file(in, &o, &d)) {
		diag_print(&d, stderr, "ebpf-verify", op.json);
		diag_fini(&d);
		return 2;
	}
	ret = vsim_obj_report(o, in, &op, stdout);
	obj_free(o);
	diag_fini(&d);
	free(text);
	return ret;
}
