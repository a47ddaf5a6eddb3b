#!/usr/bin/env bash
# Benchmark: a synthetic 3 x 1,000-job repository, timed against the floor (parse + write with
# Jackson, no checks), kubectl kustomize (one root vs the emitted roots), a JVM printing "hello",
# and peak memory. Prints one table of figures from a single run. Not a test: see bench/README.md.
set -euo pipefail
export LC_ALL=C   # EPOCHREALTIME and awk read and print decimal points
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
WORK="${WORK:-$ROOT/build/bench}"
JOBS="${JOBS:-1000}"
RUNS="${RUNS:-5}"
# seconds of rest before each timed run: these VMs hand memory a process freed back to the host after
# some 2 s (free page reporting), and a run that starts sooner finds it still mapped and takes a
# third less system time than one that starts later, so back-to-back runs alternate between fast and
# slow. Rested, every run starts as a commit hook or a CI job does, long after the last one.
SETTLE="${SETTLE:-3}"
JAR="$ROOT/compiler/target/flinkops.jar"
JVM=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn96m)

command -v kubectl >/dev/null || { echo "bench: kubectl is required" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time is required (apt-get install time)" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK/classes"
"$ROOT/flinkops" --version >/dev/null   # builds the jar and the class-data-sharing archive if needed
"$ROOT/flinkops" --version >/dev/null
python3 "$HERE/gen_repo.py" "$WORK/repo" --jobs "$JOBS" >/dev/null
javac -d "$WORK/classes" -cp "$JAR" "$HERE/Floor.java" "$HERE/Hello.java"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# wall seconds (from bash's microsecond clock: /usr/bin/time's %e counts hundredths, a third of a
# 0.03 s JVM hello) and peak resident KiB
timed() {
  local start=$EPOCHREALTIME
  /usr/bin/time -o "$WORK/t" -f '%M' "$@" >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; exit 1; }
  awk -v a="$start" -v b="$EPOCHREALTIME" -v kb="$(cat "$WORK/t")" 'BEGIN {printf "%.3f %s\n", b - a, kb}'
}
rested() { sleep "$SETTLE"; timed "$@"; }

# 1-2. the full build (every check), fresh output each time, and the floor: parse the same inputs,
#      write the same objects with Jackson. Taken in turns, so that both medians come from the same
#      minutes of a machine whose speed drifts.
"$ROOT/flinkops" build --no-cache --repo "$WORK/repo" --out "$WORK/out-0" >/dev/null 2>&1
"${JVM[@]}" -cp "$JAR:$WORK/classes" Floor --to-json "$WORK/out-0" "$WORK/preload"   # the floor's output trees
build=(); floor=(); peak=0
for i in $(seq "$RUNS"); do
  read -r s kb < <(rested "$ROOT/flinkops" build --no-cache --repo "$WORK/repo" --out "$WORK/out-$i")
  build+=("$s"); (( kb > peak )) && peak=$kb
  rm -rf "$WORK/floor-out"
  sleep "$SETTLE"
  start=$EPOCHREALTIME
  "${JVM[@]}" -cp "$JAR:$WORK/classes" Floor "$WORK/repo" "$WORK/preload" "$WORK/floor-out" > "$WORK/floor.txt"
  pre=$(sed -n 's/.*preload_ms=\([0-9]*\).*/\1/p' "$WORK/floor.txt")
  floor+=("$(awk -v a="$start" -v b="$EPOCHREALTIME" -v p="$pre" 'BEGIN {printf "%.3f", b - a - p / 1000}')")
done
build_s=$(printf '%s\n' "${build[@]}" | median)
floor_s=$(printf '%s\n' "${floor[@]}" | median)

# 3. kubectl kustomize: every emitted root, and one root holding the same objects (median of 3 each:
#    one render of the big root alone moves by 30% on these machines), each rendering of the one root
#    in turn with a build, so that the ratio's two medians come from the same minutes
one="$WORK/one-root"; mkdir -p "$one"; n=0
{ echo "apiVersion: kustomize.config.k8s.io/v1beta1"; echo "kind: Kustomization"; echo "resources:"; } > "$one/kustomization.yaml"
for f in "$WORK"/out-1/*/*/*.yaml; do
  [[ "$(basename "$f")" == kustomization.yaml || "$(basename "$f")" == overlay-* ]] && continue
  n=$((n + 1)); cp "$f" "$one/r$n.yaml"; echo "  - r$n.yaml" >> "$one/kustomization.yaml"
done
objects=$(cat "$one"/r*.yaml | grep -c '^kind:')   # one top-level kind per document
sums=(); ones=(); kbuild=()
for rep in 1 2 3; do
  kbuild+=("$(rested "$ROOT/flinkops" build --no-cache --repo "$WORK/repo" --out "$WORK/out-k$rep" | cut -d' ' -f1)")
  sleep "$SETTLE"; roots=0; kroots=0
  for r in "$WORK"/out-1/*/*/; do
    [[ -f "$r/kustomization.yaml" ]] || continue
    s=$(timed kubectl kustomize "$r" | cut -d' ' -f1); kroots=$(awk -v a="$kroots" -v b="$s" 'BEGIN {print a + b}'); roots=$((roots + 1))
  done
  sums+=("$kroots")
  ones+=("$(rested kubectl kustomize "$one" | cut -d' ' -f1)")
done
kroots=$(printf '%s\n' "${sums[@]}" | median)
kone=$(printf '%s\n' "${ones[@]}" | median)
kbuild_s=$(printf '%s\n' "${kbuild[@]}" | median)

# 4. incremental: a warm cache, then a pull request that changes one job
"$ROOT/flinkops" validate --repo "$WORK/repo" >/dev/null 2>&1 || true
perl -pi -e 's/^(    parallelism: )(\d+)$/$1.($2 + 1)/e' "$WORK/repo/environments/staging/job-0001.yaml"
incr=$(rested "$ROOT/flinkops" validate --repo "$WORK/repo" | cut -d' ' -f1)
full=$(rested "$ROOT/flinkops" validate --no-cache --repo "$WORK/repo" | cut -d' ' -f1)

# 5. a one-file validate (pre-commit) against a JVM printing hello: with the launcher's own choice of
#    runtime (a JDK 25+ when one is installed, with its ahead-of-time cache) and with Java 17 (AppCDS)
cp "$ROOT/compiler/src/test/resources/bench/raw-flinkdeployment.yaml" "$WORK/raw.yaml"
J17="${JAVA17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"   # the project's Java
j17_label="Java $(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$J17/release" 2>/dev/null) ($(basename "$J17"))"
FLINKOPS_JAVA_HOME="$J17" "$ROOT/flinkops" --version >/dev/null
"$ROOT/flinkops" --version >/dev/null
runtime="$(sed -n 's/^JAVA_HOME_USED=//p' "$ROOT/compiler/target/launcher.env")"
one_file=(); one_file17=(); hello=(); in_env=(); in_env_changed=()
# a spec checked in its environment: its objects against the 1,000 jobs beside it. The first check
# compiles the environment whole and packs it (build/cache/context/); later ones read the pack.
in_env_first=$(cd "$WORK/repo" && rested "$ROOT/flinkops" validate environments/prod/job-0001.yaml | cut -d' ' -f1)
for i in $(seq 11); do
  one_file+=("$(rested "$ROOT/flinkops" validate "$WORK/raw.yaml" | cut -d' ' -f1)")
  hello+=("$(rested "${JVM[@]}" -cp "$WORK/classes" Hello | cut -d' ' -f1)")
  in_env+=("$(cd "$WORK/repo" && rested "$ROOT/flinkops" validate environments/prod/job-0001.yaml | cut -d' ' -f1)")
  # as at a commit: the spec was just edited, so the check also packs it anew
  perl -pi -e 's/^(    parallelism: )(\d+)$/$1.($2 % 7 + 1)/e' "$WORK/repo/environments/prod/job-0001.yaml"
  in_env_changed+=("$(cd "$WORK/repo" && rested "$ROOT/flinkops" validate environments/prod/job-0001.yaml | cut -d' ' -f1)")
done
in_env_s=$(printf '%s\n' "${in_env[@]}" | median)
in_env_changed_s=$(printf '%s\n' "${in_env_changed[@]}" | median)
for i in $(seq 11); do
  one_file17+=("$(FLINKOPS_JAVA_HOME="$J17" rested "$ROOT/flinkops" validate "$WORK/raw.yaml" | cut -d' ' -f1)")
done
"$ROOT/flinkops" --version >/dev/null   # back to the launcher's own choice
one_s=$(printf '%s\n' "${one_file[@]}" | median)
one17_s=$(printf '%s\n' "${one_file17[@]}" | median)
hello_s=$(printf '%s\n' "${hello[@]}" | median)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
cat <<TABLE
flinkops benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)
repository: 3 environments x $JOBS jobs; $objects objects emitted in $roots roots ($(find "$WORK/out-1" -type f -not -name '.flinkops-manifest' | wc -l) files)

| measure | value | target |
| --- | --- | --- |
| full build, median of $RUNS (s) | $build_s | |
| floor: parse + write with Jackson, median of $RUNS (s) | $floor_s | |
| build / floor | $(ratio "$build_s" "$floor_s") | <= 2 |
| kubectl kustomize, one root with all $objects objects, median of 3 (s) | $kone | |
| kubectl kustomize, sum over the $roots emitted roots, median of 3 (s) | $kroots | |
| sum over roots / one root | $(ratio "$kroots" "$kone") | <= 0.2 |
| full build in turn with those renders, median of 3 (s) | $kbuild_s | |
| one root / full build (the build in turn with the renders) | $(ratio "$kone" "$kbuild_s") | >= 20 |
| validate after changing one job, warm cache (s) | $incr | |
| the same without the cache (s) | $full | |
| incremental / full validate | $(ratio "$incr" "$full") | a fraction |
| incremental / full build | $(ratio "$incr" "$build_s") | a fraction |
| one-file validate, median of 11, $(basename "$runtime") (s) | $one_s | <= 0.4 |
| one-file validate, median of 11, $j17_label (s) | $one17_s | |
| one-file validate / JVM hello ($hello_s s) | $(ratio "$one_s" "$hello_s") | <= 7 |
| one spec validated in its environment of $JOBS jobs, first check: compiles and packs the environment (s) | $in_env_first | |
| the same spec, with the environment's context pack, median of 11 (s) | $in_env_s | <= 0.4 |
| the same / JVM hello | $(ratio "$in_env_s" "$hello_s") | <= 7 |
| the same spec edited just before each check (repacked), median of 11 (s) | $in_env_changed_s | |
| the same / JVM hello | $(ratio "$in_env_changed_s" "$hello_s") | |
| peak memory of the build (MiB) | $((peak / 1024)) | <= 400 |
TABLE
