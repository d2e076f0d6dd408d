#!/bin/sh
# SPDX-License-Identifier: MIT
#
# run-bench.sh - the interpreter's speed and memory on one large generated capture: ns per
# frame end to end and for the interpreter alone, ns per executed instruction, the kernel
# JIT on the same program, a plain capture-reading loop, all measured in the same run, and
# peak memory as the capture grows. `make bench` runs it; by hand:
#
#   bench/run-bench.sh bench/run-bench tools/gencap bench/rusage bench/progs/xdp_pass.s PROG.s...
#
# Method: tools/gencap writes a deterministic capture (seed 1, its default mix of every frame
# kind, malformed ones included; BENCH_PACKETS frames, default 1,000,000, about 91 MB) into a
# temporary directory, removed afterwards. bench/run-bench then times, in BENCH_RUNS rounds
# (default 3; the lowest of each figure is kept: the least disturbed run), whole loops, never
# single frames, by the thread's CPU clock (CLOCK_THREAD_CPUTIME_ID: user and system time,
# so the read() calls count, but not the time other processes on this shared machine took;
# the wall time is printed beside it to show how busy the machine was):
#   read loop    vm_capture_open, vm_capture_next over every frame, close
#   end to end   the same loop calling vm_runner_packet on each frame (the runner - assembly,
#                maps, context - is built before the clock starts; the file is in the page
#                cache after generation, so "from disk" means the read() path, not the device)
#   interpreter  vm_runner_packet over the frames already in memory (vm_capture_load_all
#                before the clock); divided by the instructions executed (the runner's stats)
#                it gives ns per instruction, the runner's per-frame work included
#   kernel JIT   the program loaded by ldr_obj_load, BPF_PROG_TEST_RUN with repeat
#                BENCH_REPEAT (10000) on each of the first BENCH_SAMPLE (100) frames the
#                kernel takes; the mean of the kernel-reported durations (whole ns, so up to
#                1 ns low). The interpreter runs the same frames as often for the ratio.
#                Only 100 frames: each XDP test run with repeat > 1 swaps the program into
#                the XDP dispatcher and out, two RCU grace periods (~25 ms of sleep).
#                Needs root: skipped, saying so, otherwise.
# BASELINE (bench/progs/xdp_pass.s, two instructions) is timed the same way, without targets:
# the per-frame cost outside a program's own instructions, in the interpreter and in the
# kernel; each program's time above it, per instruction above it, is the dispatch proper.
# Per-frame figures divide by every frame of the capture (the ones the context refuses as
# shorter than Ethernet included: they are read and offered like the others).
# Memory: each program streams a capture of a tenth of the frames (same seed) and the full
# one in separate processes (`run-bench --stream`) under bench/rusage, whose wait4()
# ru_maxrss is the child's own peak resident set. (A child forked from the big benchmark
# process would not do: exec keeps the pre-exec peak, the parent's size, in ru_maxrss;
# bench/rusage is small.)
#
# Targets: end to end at most 2.5x the read loop; the interpreter at most 2 ns per executed
# instruction, judged on the instructions' own cost above the BASELINE's per-frame cost (the
# all-in figure, that cost spread over the instructions, is printed beside it); peak RSS flat: the full capture's at most 1.1x the tenth's. Missing a target
# is reported, not an error (timings on a shared machine are noisy); BENCH_STRICT=1 makes it
# one. Exit 1 when a tool fails.

set -u

usage='usage: run-bench.sh RUN_BENCH GENCAP RUSAGE BASELINE PROG...'
bench=${1:?$usage}
gencap=${2:?$usage}
rusage=${3:?$usage}
baseline=${4:?$usage}
shift 4
[ $# -gt 0 ] || { echo "$usage" >&2; exit 1; }
packets=${BENCH_PACKETS:-1000000}
runs=${BENCH_RUNS:-3}
sample=${BENCH_SAMPLE:-100}
repeat=${BENCH_REPEAT:-10000}
small=$((packets / 10))
[ "$small" -gt 0 ] || small=1

tmp=$(mktemp -d "${TMPDIR:-/tmp}/run-bench.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

if ! "$gencap" -s 1 -c "$packets" "$tmp/big.pcap" ||
	! "$gencap" -s 1 -c "$small" "$tmp/small.pcap"; then
	echo "run-bench: $gencap failed" >&2
	exit 1
fi

status=0
strict=
[ "${BENCH_STRICT:-0}" = 1 ] && strict=--strict
"$bench" --runs "$runs" --sample "$sample" --repeat "$repeat" --baseline "$baseline" $strict \
	"$tmp/big.pcap" "$@"
rc=$?
case $rc in
0) ;;
1) status=1 ;;
*) echo "run-bench: bench/run-bench failed" >&2; exit 1 ;;
esac

# peak KiB of one streaming run of PROG over CAPTURE
peak() {
	if ! "$rusage" -o "$tmp/ru" "$bench" --stream "$1" "$2" >"$tmp/out" 2>&1; then
		echo "run-bench: streaming $1 over $2 failed:" >&2
		head -20 "$tmp/out" >&2
		exit 1
	fi
	read -r _t m <"$tmp/ru"
	echo "$m"
}

echo "  memory: peak RSS of one streaming run (bench/rusage, wait4 ru_maxrss)," \
	"$small vs $packets frames"
for prog in "$@"; do
	a=$(peak "$prog" "$tmp/small.pcap") || exit 1
	b=$(peak "$prog" "$tmp/big.pcap") || exit 1
	verdict=$(awk -v a="$a" -v b="$b" -v name="$(basename "$prog" .s)" 'BEGIN {
		r = b / a
		printf "    %-16s %8d KiB -> %8d KiB: %.2fx (target <= 1.1x, flat): %s\n",
			name, a, b, r, (r <= 1.1 ? "met" : "MISSED")
	}')
	echo "$verdict"
	case $verdict in
	*MISSED*) [ "${BENCH_STRICT:-0}" = 1 ] && status=1 ;;
	esac
done
exit $status
