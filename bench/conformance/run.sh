#!/usr/bin/env bash
# Differential conformance check: flinkops (a plain validate: every category, operator 1.7.0) against the
# real operator 1.7.0 (its DefaultValidator plus Jackson deserialization of its CR classes), its pod template
# merge against flinkops' (PodTemplateMerge, on random template pairs), and
# flinkops with operator 1.10.0 against what operator 1.10's published API classes cannot read.
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
# operator 1.10.0 is not published as a jar, its API is: read every case into its classes, in a JVM of its own
mkdir -p "$WORK/lib-1.10" "$WORK/deserialize"
if [[ ! -f "$WORK/lib-1.10/flink-kubernetes-operator-api-1.10.0.jar" ]]; then
  mkdir -p "$WORK/api-1.10"
  cat > "$WORK/api-1.10/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>local</groupId><artifactId>operator-api-deps</artifactId><version>1</version>
<dependencies><dependency><groupId>org.apache.flink</groupId><artifactId>flink-kubernetes-operator-api</artifactId><version>1.10.0</version></dependency></dependencies></project>
POM
  (cd "$WORK/api-1.10" && mvn -B -q dependency:copy-dependencies -DoutputDirectory="$WORK/lib-1.10")
fi
javac -d "$WORK/deserialize" -cp "$WORK/lib-1.10/*" "$HERE/Deserialize.java"
java -cp "$WORK/deserialize:$WORK/lib-1.10/*" Deserialize "$WORK/cases" > "$WORK/deserialize-1.10.tsv" 2>/dev/null
CP="$ROOT/compiler/target/flinkops.jar:$WORK/lib/*"
javac -d "$WORK" -cp "$CP" "$HERE/Conformance.java"
java -cp "$CP:$WORK" Conformance "$WORK/cases" "$WORK/deserialize-1.10.tsv" 2>/dev/null
# flinkops' pod template merge (the pods its rules judge) against the operator's own, on random templates
javac -d "$WORK" -cp "$CP" "$HERE/PodTemplateMergeDiff.java"
java -cp "$CP:$WORK" io.flinkops.compiler.check.policy.PodTemplateMergeDiff "${MERGES:-10000}" 2>/dev/null
# flinkops' sizing of TaskManager and JobManager processes (operator-memory-missing) against Flink's own, on random configurations
javac -d "$WORK" -cp "$CP" "$HERE/ProcessMemoryDiff.java"
java -cp "$CP:$WORK" ProcessMemoryDiff "${SIZINGS:-20000}" 17 2>/dev/null
# flinkops' reading of pod-template quantities (operator-quantity-unreadable) against the operator's fabric8 model
javac -d "$WORK" -cp "$CP" "$HERE/QuantityDiff.java"
java -cp "$CP:$WORK" QuantityDiff "${QUANTITIES:-100000}" 2>/dev/null
