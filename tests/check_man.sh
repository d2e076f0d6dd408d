#!/bin/sh
# check_man.sh - run every example of every man page. In the EXAMPLES section of man/*.1,
# each line starting with "$ " is a command; it runs in a scratch directory (where progs/
# and tests/data/ of the source tree are visible) with the built programs first on PATH, in
# page order, so later commands see the files earlier ones wrote. A command must exit 0,
# or N when the line ends with "# exit N". A page whose example needs what this machine
# lacks says so with "# needs: TOOL" and that line is skipped when TOOL is missing.
set -u
srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
srcdir=$(cd "$srcdir" && pwd)
builddir=$(cd "$builddir" && pwd)
PATH=$builddir:$PATH
export PATH
fail=0
count=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -p "$scratch/tests"
ln -s "$srcdir/progs" "$scratch/progs"
ln -s "$srcdir/tests/data" "$scratch/tests/data"

for page in "$srcdir"/man/*.1; do
	# the example commands, roff escapes undone: \- is -, \e is a backslash
	sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$page" | grep '^\$ ' | sed 's/^\$ //; s/\\-/-/g; s/\\e/\\/g' >"$scratch/cmds"
	while IFS= read -r cmd; do
		want=0
		case $cmd in
		*"# exit "*) want=${cmd##*# exit } ;;
		esac
		case $cmd in
		*"# needs: "*)
			tool=${cmd##*# needs: }
			if ! command -v "$tool" >/dev/null 2>&1; then
				echo "SKIP ${page##*/}: $cmd ($tool not installed)"
				continue
			fi
			;;
		esac
		count=$((count + 1))
		(cd "$scratch" && sh -c "$cmd") >"$scratch/out" 2>&1 </dev/null
		got=$?
		if [ "$got" != "$want" ]; then
			echo "FAIL ${page##*/}: $cmd: exit $got, expected $want"
			sed 's/^/    /' "$scratch/out" | head -n 20
			fail=1
		else
			echo "ok   ${page##*/}: $cmd"
		fi
	done <"$scratch/cmds"
done
echo "$count examples run"
[ "$count" -gt 0 ] || { echo "no examples found"; exit 1; }
exit $fail
