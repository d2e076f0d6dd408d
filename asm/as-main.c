/* SPDX-License-Identifier: MIT */
/*
 * as-main.c - ebpf-as: assemble one .s file into an ELF object.
 * Exit codes: 0 assembled, 2 usage, input or assembly errors (every error is printed).
 */
#include "asm.h"
#include "../common/mem.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

static void usage(FILE *f)
{
	fputs("Usage: ebpf-as [OPTION]... FILE.s\n"
	      "Assemble eBPF assembly (LLVM pseudo-C and classic mnemonic syntax, mixed freely)\n"
	      "into an ELF object that libbpf, bpftool and ebpf-load accept.\n"
	      "\n"
	      "  -o, --output FILE   write the object to FILE (default: FILE.s with .o; '-' for "
	      "stdout)\n"
	      "      --json          print diagnostics as JSON objects, one per line\n"
	      "  -h, --help          show this help and exit\n"
	      "      --version       show the version and exit\n"
	      "\n"
	      "FILE may be '-' for standard input. Errors are printed as file:line:col: error: "
	      "...\n"
	      "with the source line; every error in the file is reported.\n"
	      "Exit status: 0 on success, 2 on usage, input or assembly errors.\n",
	      f);
}

static char *default_output(const char *in)
{
	const char *base = strrchr(in, '/');
	size_t n;
	char *out;

	base = base ? base + 1 : in;
	n = strlen(base);
	if (n > 2 && (strcmp(base + n - 2, ".s") == 0 || strcmp(base + n - 2, ".S") == 0))
		n -= 2;
	out = malloc(n + 3);
	if (out) {
		memcpy(out, base, n);
		memcpy(out + n, ".o", 3);
	}
	return out;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"json", no_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *out = NULL, *in;
	char *outbuf = NULL, *text;
	struct buf inbuf = {0};
	int rerr;
	int json = 0, c, ret = 0;
	size_t len;
	struct diag d;
	struct obj *o;
	FILE *f;

	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'j':
			json = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("ebpf-as (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "ebpf-as: %s\n",
			optind == argc ? "no input file" : "more than one input file");
		usage(stderr);
		return 2;
	}
	in = argv[optind];
	f = strcmp(in, "-") == 0 ? stdin : fopen(in, "rb");
	if (!f) {
		fprintf(stderr, "ebpf-as: error: %s: %s\n", in, strerror(errno));
		return 2;
	}
	rerr = buf_read_file(&inbuf, f);
	if (f != stdin)
		fclose(f);
	text = (char *)inbuf.data;
	len = inbuf.len;
	if (rerr) {
		buf_free(&inbuf);
		fprintf(stderr, "ebpf-as: error: %s: cannot read input\n", in);
		return 2;
	}
	if (!out)
		out = outbuf = default_output(strcmp(in, "-") == 0 ? "a.s" : in);
	diag_init(&d);
	o = obj_new();
	if (!o || !out) {
		fprintf(stderr, "ebpf-as: error: out of memory\n");
		return 2;
	}
	if (asm_source_assemble(strcmp(in, "-") == 0 ? "<stdin>" : in, text, len, o, &d) != 0)
		ret = 2;
	else if (obj_write_file(o, out, &d) != 0)
		ret = 2;
	diag_print(&d, stderr, "ebpf-as", json);
	if (ret && d.nerrors == 0)
		fprintf(stderr, "ebpf-as: error: out of memory\n");
	obj_free(o);
	diag_fini(&d);
	free(text);
	free(outbuf);
	return ret;
}
