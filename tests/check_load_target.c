/* SPDX-License-Identifier: MIT */
/*
 * check_load_target.c - the binary check_load puts uprobes on: it calls
 * load_target_function() N times (N from its argument, default 1) and exits 0. The
 * function is global, never inlined, and does work the compiler cannot drop, so each call
 * is one hit at its first instruction.
 */
#include <stdlib.h>

int load_target_function(int x);

__attribute__((noinline)) int load_target_function(int x)
{
	__asm__ volatile("" : "+r"(x));
	return x + 1;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1, acc = 0;

	for (int i = 0; i < n; i++)
		acc = load_target_function(acc);
	return acc == n ? 0 : 1;
}
