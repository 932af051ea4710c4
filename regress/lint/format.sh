#!/usr/bin/env bash
# Check or apply the layout in .clang-format over Tusk's own C and C++
# sources (backend/, frontend/, include/, regress/).
#
#   regress/lint/format.sh [--check] [FILE...]   report files whose layout differs
#                                                (a diff per file); exit 1 if any
#   regress/lint/format.sh --fix [FILE...]       reformat them in place
#
# Without FILE arguments: every tracked .c/.cpp/.h file under those folders
# (git ls-files, so build directories and untracked files are never touched).
#
# clang-format's output depends on its version; the checked-in layout is
# clang-format 14's (Debian 12's "clang-format" package).  Set CLANG_FORMAT
# to use another binary.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)

mode=check
case "${1:-}" in
  --check) shift ;;
  --fix) mode=fix; shift ;;
  -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$here/format.sh"; exit 0 ;;
  -*) echo "format.sh: unknown option $1" >&2; exit 2 ;;
esac

clang_format=${CLANG_FORMAT:-clang-format}
command -v "$clang_format" >/dev/null ||
  { echo "format.sh: $clang_format not found (apt-get install clang-format)" >&2; exit 2; }
version=$("$clang_format" --version | sed -nE 's/.*version ([0-9]+)\..*/\1/p')
if [ "$version" != 14 ]; then
  echo "format.sh: $clang_format is version ${version:-?}; the layout is clang-format 14's," \
       "and other versions lay some lines out differently" >&2
  [ "$mode" = check ] && exit 2
fi

# File names are taken relative to where we were started; clang-format
# runs at the top of the tree, where it finds .clang-format.
named=$#
files=()
for f in "$@"; do
  [ -f "$f" ] || { echo "format.sh: no such file: $f" >&2; exit 2; }
  files+=("$(realpath --relative-to="$top" "$f")")
done
cd "$top"
if [ "$named" -eq 0 ] && git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files -- 'backend/*.c' 'backend/*.cpp' 'backend/*.h' \
    'frontend/*.c' 'frontend/*.cpp' 'frontend/*.h' 'include/*.c' 'include/*.cpp' 'include/*.h' \
    'regress/*.c' 'regress/*.cpp' 'regress/*.h')
elif [ "$named" -eq 0 ]; then
  # Not a git checkout (a source tarball): the same folders, found.
  mapfile -t files < <(find backend frontend include regress -type f \
    \( -name '*.c' -o -name '*.cpp' -o -name '*.h' \) | sort)
fi
[ ${#files[@]} -gt 0 ] || exit 0

if [ "$mode" = fix ]; then
  printf '%s\0' "${files[@]}" | xargs -0 -r -n 16 -P "$(nproc)" "$clang_format" -i --style=file
  exit 0
fi

# One diff per file that differs; clang-format runs in parallel, the diffs
# are printed in file order.
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export clang_format out
printf '%s\0' "${files[@]}" | xargs -0 -r -n 1 -P "$(nproc)" sh -c '
  f=$1; d=$out/$(printf %s "$f" | tr / _)
  "$clang_format" --style=file "$f" >"$d.new" || { echo "format.sh: clang-format failed on $f" >&2; exit 255; }
  diff -u --label "$f" --label "$f (clang-format)" "$f" "$d.new" >"$d.diff" || [ $? -eq 1 ]
' sh
bad=0
for f in "${files[@]}"; do
  d=$out/$(printf %s "$f" | tr / _).diff
  if [ -s "$d" ]; then
    cat "$d"
    bad=$((bad + 1))
  fi
done
if [ "$bad" -gt 0 ]; then
  echo "format.sh: $bad of ${#files[@]} files differ from .clang-format's layout;" \
       "regress/lint/format.sh --fix rewrites them" >&2
  exit 1
fi
echo "format.sh: ${#files[@]} files laid out as .clang-format says"
