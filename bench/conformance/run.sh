#!/usr/bin/env bash
# Differential conformance check: flinkops (--categories schema,operator, operator 1.7.0) against the
# real operator 1.7.0 (its DefaultValidator plus Jackson deserialization of its CR classes).
# Not part of `mvn -B verify`: it downloads the operator and its ~90 dependencies from Maven Central.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="${WORK:-$ROOT/build/conformance}"
mkdir -p "$WORK/lib" "$WORK/cases"
if [[ ! -f "$WORK/lib/flink-kubernetes-operator-1.7.0.jar" ]]; then
  cat > "$WORK/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>local</groupId><artifactId>operator-deps</artifactId><version>1</version>
<dependencies><dependency><groupId>org.apache.flink</groupId><artifactId>flink-kubernetes-operator</artifactId><version>1.7.0</version></dependency></dependencies></project>
POM
  (cd "$WORK" && mvn -B -q dependency:copy-dependencies -DoutputDirectory="$WORK/lib")
fi
[[ -f "$ROOT/compiler/target/flinkops.jar" ]] || (cd "$ROOT" && mvn -B -q -DskipTests package)
python3 "$HERE/gen.py" "$WORK/cases"
# hand-written manifests in the style of public repositories (placeholders, EMR fields, old keys)
for f in "$HERE"/public/*.yaml; do cp "$f" "$WORK/cases/pub-$(basename "$f")"; done
CP="$ROOT/compiler/target/flinkops.jar:$WORK/lib/*"
javac -d "$WORK" -cp "$CP" "$HERE/Conformance.java"
java -cp "$CP:$WORK" Conformance "$WORK/cases" 2>/dev/null
