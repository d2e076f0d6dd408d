#!/bin/sh
# SPDX-License-Identifier: MIT
#
# asm-bench.sh - ebpf-as against llvm-mc on one large generated file: lines per second and
# peak memory, best of N runs each. `make bench` runs it; by hand:
#
#   bench/asm-bench.sh ./ebpf-as bench/gen-asm bench/rusage llvm-mc-19
#
# Method: bench/gen-asm writes a deterministic LLVM-syntax file (BENCH_LINES lines, default
# 200,000); each assembler turns it into an object file BENCH_RUNS times (default 5), run by
# bench/rusage, which measures wall time (CLOCK_MONOTONIC around fork/wait) and the child's
# peak resident set (wait4's ru_maxrss). We report the best (lowest) time and the lowest peak
# RSS of the runs: the least disturbed run of each. Both write to files in the same temporary
# directory; the objects' .text must be identical, or the timing compares different work.
#
# Targets: ebpf-as reads at least 1.5x llvm-mc's lines per second, with less peak memory.
# Missing a target is reported, not an error (timings on a shared machine are noisy); set
# BENCH_STRICT=1 to make it one. Exit 1 when a tool fails or the outputs differ.

set -u

as=${1:?usage: asm-bench.sh EBPF_AS GEN_ASM RUSAGE [LLVM_MC]}
gen=${2:?usage: asm-bench.sh EBPF_AS GEN_ASM RUSAGE [LLVM_MC]}
rusage=${3:?usage: asm-bench.sh EBPF_AS GEN_ASM RUSAGE [LLVM_MC]}
mc=${4:-}
lines=${BENCH_LINES:-200000}
runs=${BENCH_RUNS:-5}

if [ -z "$mc" ]; then
	for c in llvm-mc-19 llvm-mc; do
		if command -v "$c" >/dev/null 2>&1; then mc=$c; break; fi
	done
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/asm-bench.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

"$gen" "$lines" >"$tmp/bench.s" || { echo "asm-bench: $gen failed" >&2; exit 1; }
nlines=$(wc -l <"$tmp/bench.s")

# measure NAME CMD...: run BENCH_RUNS times; sets best_t and best_m (seconds, KiB).
measure() {
	name=$1
	shift
	best_t=
	best_m=
	i=0
	while [ "$i" -lt "$runs" ]; do
		if ! "$rusage" -o "$tmp/ru" "$@" >"$tmp/out" 2>&1; then
			echo "asm-bench: $name failed:" >&2
			head -20 "$tmp/out" >&2
			exit 1
		fi
		read -r t m <"$tmp/ru"
		best_t=$(awk -v a="$t" -v b="${best_t:-$t}" 'BEGIN { print (a < b ? a : b) }')
		best_m=$(awk -v a="$m" -v b="${best_m:-$m}" 'BEGIN { print (a < b ? a : b) }')
		i=$((i + 1))
	done
}

report() {
	awk -v n="$nlines" -v t="$2" -v m="$3" -v name="$1" \
		'BEGIN { printf "  %-34s %8.3f s %12.0f lines/s %10d KiB peak\n", name, t, n / t, m }'
}

echo "asm-bench: $nlines lines of LLVM-syntax assembly from bench/gen-asm; best of $runs runs;"
echo "           wall time by CLOCK_MONOTONIC, peak memory by wait4() ru_maxrss (bench/rusage)"

measure ebpf-as "$as" "$tmp/bench.s" -o "$tmp/ours.o"
as_t=$best_t
as_m=$best_m
report "ebpf-as" "$as_t" "$as_m"

if [ -z "$mc" ] || ! command -v "$mc" >/dev/null 2>&1; then
	echo "asm-bench: llvm-mc not found (pass it as the 4th argument): no comparison"
	exit 0
fi
measure "$mc" "$mc" -triple bpf -mcpu=v4 -filetype=obj "$tmp/bench.s" -o "$tmp/llvm.o"
mc_t=$best_t
mc_m=$best_m
report "$mc -filetype=obj" "$mc_t" "$mc_m"

status=0
verdict=$(awk -v a="$as_t" -v b="$mc_t" -v am="$as_m" -v bm="$mc_m" 'BEGIN {
	speed = b / a; mem = am / bm
	printf "  speed: ebpf-as %.2fx llvm-mc'\''s lines/s (target >= 1.5x): %s\n", speed,
		(speed >= 1.5 ? "met" : "MISSED")
	printf "  memory: ebpf-as peak %.2fx llvm-mc'\''s (target < 1x): %s\n", mem,
		(mem < 1 ? "met" : "MISSED")
}')
echo "$verdict"
case $verdict in
*MISSED*) [ "${BENCH_STRICT:-0}" = 1 ] && status=1 ;;
esac

# Same work: the code both produced must be the same bytes.
objcopy=
for c in llvm-objcopy-19 llvm-objcopy; do
	if command -v "$c" >/dev/null 2>&1; then objcopy=$c; break; fi
done
if [ -n "$objcopy" ]; then
	"$objcopy" -O binary --only-section=.text "$tmp/ours.o" "$tmp/ours.bin" &&
		"$objcopy" -O binary --only-section=.text "$tmp/llvm.o" "$tmp/llvm.bin" || exit 1
	if cmp -s "$tmp/ours.bin" "$tmp/llvm.bin"; then
		echo "  .text of both objects: identical ($(wc -c <"$tmp/ours.bin") bytes)"
	else
		echo "asm-bench: the .text sections differ: the comparison is void" >&2
		status=1
	fi
else
	echo "  (llvm-objcopy not found: outputs not compared)"
fi
exit $status
