#!/usr/bin/env bash
# Run clang-tidy (the checks in .clang-tidy) over Tusk's sources and fail on
# any diagnostic.
#
#   regress/lint/tidy.sh [BUILD_DIR [FILE...]]
#   regress/lint/tidy.sh --changed [BUILD_DIR]
#
# BUILD_DIR (default: build) is a meson build directory inside the source
# tree; its compile_commands.json says how each file is compiled.  Without
# FILEs every source file in it is checked; with FILEs (.c/.cpp paths, as in
# the tree) only those.  A header's diagnostics are reported once, however
# many files include it.
#
# --changed checks what changed since regress/lint/tidy-base, a commit at
# which a whole-tree run was clean: every translation unit whose source, or
# one of whose headers (by the build's dependency records: build first),
# differs from that commit, in the history or the working tree.  The whole
# tree is checked instead when the base is missing or not an ancestor of
# HEAD, or when what decides the checks changed since (.clang-tidy,
# tidy-known.txt, the top meson.build; a change to this script's own
# checking wants a whole-tree run by hand).  CI runs this: a whole-tree run
# costs some 40 minutes of its 90 on two processors.  Move the base forward
# after a clean whole-tree run (doc/CONTRIBUTING.md).
#
# regress/lint/tidy-known.txt lists findings left to fix later ("FILE CHECK
# COUNT"): up to COUNT diagnostics of CHECK in FILE are tolerated.  Over a
# whole-tree run, an entry allowing more than remain fails too, so the list
# only shrinks.
#
# Environment: CLANG_TIDY (default clang-tidy; version 14 is what CI runs),
# TIDY_JOBS (default: the number of processors).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)

changed=0
if [ "${1:-}" = --changed ]; then
  changed=1
  shift
fi

# BUILD_DIR and FILEs are taken relative to where we were started.
build=$(realpath "${1:-build}")
[ $# -gt 0 ] && shift
clang_tidy=${CLANG_TIDY:-clang-tidy}
jobs=${TIDY_JOBS:-$(nproc)}
known=regress/lint/tidy-known.txt

command -v "$clang_tidy" >/dev/null ||
  { echo "tidy.sh: $clang_tidy not found (apt-get install clang-tidy)" >&2; exit 2; }
[ -f "$build/compile_commands.json" ] ||
  { echo "tidy.sh: no $build/compile_commands.json; build first (meson setup $build)" >&2; exit 2; }
version=$("$clang_tidy" --version | sed -nE 's/.*version ([0-9]+)\..*/\1/p' | head -1)
[ "$version" = 14 ] ||
  echo "tidy.sh: warning: $clang_tidy is version ${version:-?}; CI runs 14, whose checks differ" >&2

# The files to check: every translation unit of the build, those named, or
# (--changed) those that differ from the base.
if [ "$changed" = 1 ]; then
  [ $# -eq 0 ] || { echo "tidy.sh: --changed takes no FILEs" >&2; exit 2; }
  base=$(sed -n '/^[0-9a-f]\{40\}$/p' "$top/regress/lint/tidy-base" 2>/dev/null | head -1)
  whole=1
  if [ -z "$base" ] || ! git -C "$top" merge-base --is-ancestor "$base" HEAD 2>/dev/null; then
    echo "tidy.sh: no usable regress/lint/tidy-base (${base:-none}): the whole tree"
  elif git -C "$top" diff --quiet "$base" -- .clang-tidy \
    regress/lint/tidy-known.txt meson.build; then
    whole=0
  else
    echo "tidy.sh: the checks' configuration changed since ${base:0:12}: the whole tree"
  fi
  mapfile -t files < <(python3 - "$build" "$top" "$base" "$whole" <<'EOF'
import json, os, subprocess, sys
build, top, base, whole = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
entries = json.load(open(os.path.join(build, "compile_commands.json")))
def src(e):
    return os.path.realpath(os.path.join(e["directory"], e["file"]))
if whole:
    print("\n".join(sorted({src(e) for e in entries})))
    sys.exit(0)
def git(*args):
    return subprocess.run(["git", "-C", top, *args], check=True, capture_output=True,
                          text=True).stdout.split("\n")
# Changed since the base, committed or not, and files git does not track yet.
names = git("diff", "--name-only", base) + git("ls-files", "--others", "--exclude-standard")
touched = {os.path.realpath(os.path.join(top, f)) for f in names if f}
# ninja's dependency records: "OUTPUT: #deps N, ..." then one indented path each.
deps, current = {}, None
out = subprocess.run(["ninja", "-C", build, "-t", "deps"], check=True,
                     capture_output=True, text=True).stdout
for line in out.splitlines():
    if line and not line[0].isspace():
        current = deps.setdefault(line.split(":", 1)[0], set())
    elif line.strip() and current is not None:
        current.add(os.path.realpath(os.path.join(build, line.strip())))
chosen = set()
for e in entries:
    s, output = src(e), e.get("output", "")
    # A unit never built here has no record of its headers: checked.
    if s in touched or output not in deps or deps[output] & touched:
        chosen.add(s)
print("\n".join(sorted(chosen)))
EOF
  )
  if [ ${#files[@]} -eq 0 ]; then
    echo "tidy.sh: nothing changed since ${base:0:12} that clang-tidy reads"
    exit 0
  fi
  [ "$whole" = 1 ] || echo "tidy.sh: checking what changed since ${base:0:12}"
elif [ $# -gt 0 ]; then

  whole=0
  files=()
  for f in "$@"; do
    [ -f "$f" ] || { echo "tidy.sh: no such file: $f" >&2; exit 2; }
    files+=("$(realpath "$f")")
  done
else
  whole=1
  mapfile -t files < <(python3 -c '
import json, os, sys
for e in json.load(open(sys.argv[1])):
    print(os.path.realpath(os.path.join(e["directory"], e["file"])))' \
    "$build/compile_commands.json" | sort -u)
fi
[ ${#files[@]} -gt 0 ] || { echo "tidy.sh: nothing to check" >&2; exit 2; }
cd "$top"

# The tree's own headers, as the build names them: through the build
# directory's relative path to the tree ("../include/c.h" from build/),
# whatever the path before it.  .clang-tidy's HeaderFilterRegex says the
# same for a build directory inside the tree.
rel=$(realpath --relative-to="$build" "$top" | sed 's/[.]/\\./g')
header_filter="(^|/)$rel/(backend|frontend|include|regress)/"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$(date +%s)
echo "tidy.sh: ${#files[@]} files, $jobs at a time"
# clang-tidy's own exit status is not used: with WarningsAsErrors it fails
# on every finding, including tolerated ones.  The output is parsed instead.
export clang_tidy build out header_filter
printf '%s\0' "${files[@]}" | xargs -0 -r -n 1 -P "$jobs" sh -c '
  log=$out/$(printf %s "$1" | tr / _).log
  "$clang_tidy" -p "$build" --quiet --header-filter="$header_filter" "$1" >"$log" 2>&1
  echo $? >"$log.status"
' sh

# One line per distinct diagnostic: "file:line:col: severity: message [checks]",
# file relative to the tree; the note lines after each are kept alongside.
python3 - "$out" "$top" "$known" "$whole" "$build" <<'EOF'
import collections, glob, os, re, sys

out, top, known_path, whole = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
build = sys.argv[5]
diag_re = re.compile(r"^(.+?):(\d+):(\d+): (warning|error): (.*?)(?: \[([^\]]+)\])?$")

def rel(path):
    # clang-tidy names files as the compilation database does: relative
    # to the build directory, or absolute.
    p = os.path.realpath(os.path.join(build, path))
    return os.path.relpath(p, top) if p.startswith(top + os.sep) else p

seen = {}            # key -> (text, checks)
failed_runs = []
for log in sorted(glob.glob(os.path.join(out, "*.log"))):
    lines = open(log, errors="replace").read().splitlines()
    status = open(log + ".status").read().strip()
    current = None
    any_diag = False
    for line in lines:
        m = diag_re.match(line)
        if m and not line.startswith(" "):
            path, ln, col, sev, msg, checks = m.groups()
            checks = [c for c in (checks or "clang-diagnostic-error").split(",")
                      if c != "-warnings-as-errors"]
            key = (rel(path), int(ln), int(col), msg)
            any_diag = True
            if key in seen:
                current = None
                continue
            current = [f"{rel(path)}:{ln}:{col}: {sev}: {msg} [{','.join(checks)}]"]
            seen[key] = (current, checks)
        elif current is not None and not re.match(r"^\d+ warnings? (and \d+ errors? )?generated", line) \
                and not line.startswith("Suppressed ") and not line.startswith("Use -header-filter"):
            m2 = re.match(r"^(.+?):(\d+):(\d+): note: (.*)$", line)
            current.append(f"{rel(m2.group(1))}:{m2.group(2)}:{m2.group(3)}: note: {m2.group(4)}"
                           if m2 else line)
    if status not in ("0", "1") or (status != "0" and not any_diag):
        failed_runs.append((log, status, lines[-20:]))

known = {}
if os.path.exists(known_path):
    for n, line in enumerate(open(known_path), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 3 or not parts[2].isdigit():
            print(f"{known_path}:{n}: expected FILE CHECK COUNT", file=sys.stderr)
            sys.exit(2)
        known[(parts[0], parts[1])] = int(parts[2])

by_file_check = collections.defaultdict(list)
for key, (text, checks) in seen.items():
    by_file_check[(key[0], checks[0])].append((key, text))

bad = 0
tolerated = 0
for (f, check), items in sorted(by_file_check.items()):
    allowed = known.get((f, check), 0)
    if len(items) <= allowed and check != "clang-diagnostic-error":
        tolerated += len(items)
        continue
    for key, text in sorted(items):
        print("\n".join(text))
        bad += 1
    if allowed:
        print(f"tidy.sh: {known_path} allows {allowed} [{check}] in {f}; there are {len(items)}")

stale = 0
if whole:
    for (f, check), allowed in sorted(known.items()):
        n = len(by_file_check.get((f, check), []))
        if n < allowed:
            print(f"{known_path}: \"{f} {check} {allowed}\": only {n} left; "
                  f"lower the count (or remove the line)")
            stale += 1

for log, status, tail in failed_runs:
    print(f"tidy.sh: clang-tidy failed (status {status}) without a diagnostic:", file=sys.stderr)
    print("\n".join(tail), file=sys.stderr)

if tolerated:
    print(f"tidy.sh: {tolerated} known finding(s) tolerated, as {known_path} lists")
if bad or stale or failed_runs:
    print(f"tidy.sh: {bad} finding(s), {stale} stale entr(y/ies) in {known_path}; see "
          f"doc/CONTRIBUTING.md for fixing or (for a false positive) suppressing one")
    sys.exit(1)
EOF
status=$?
echo "tidy.sh: done in $(( $(date +%s) - start )) s"
exit $status
