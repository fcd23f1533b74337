#!/usr/bin/env bash
# Per-mail cost of `mailbridge deliver` (one fresh JVM per message, as procmail runs it).
# Usage: bench/deliver.sh [N]   (default 50 runs per variant; build the jar first: mvn -B package -DskipTests)
# Prints milliseconds per delivered mail (wall clock, median and mean) for each launch variant.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50}
JAR=target/mailbridge.jar
[ -f "$JAR" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
MAIL="$WORK/mail.eml"
{
    printf 'From: Bugzilla <bugzilla@example.org>\nTo: bridge@example.org\nSubject: [Bug 1] bench\n'
    printf 'Date: Sat, 28 Nov 2026 10:00:00 +0000\nMessage-ID: <bench@example.org>\n\n'
    for i in $(seq 1 60); do printf 'line %03d of a five kilobyte body, padded out to about eighty characters...\n' "$i"; done
} > "$MAIL"

CDS="$WORK/deliver.jsa"
# An application class-data archive of what deliver loads (JDK 17: -XX:ArchiveClassesAtExit).
java -XX:ArchiveClassesAtExit="$CDS" -cp "$JAR" org.mailbridge.cli.Main deliver --spool "$WORK/spool-cds-train" < "$MAIL" 2>/dev/null

run() {
    local name=$1; shift
    local spool="$WORK/spool-$name"
    local times=()
    for _ in $(seq 1 "$N"); do
        local t0 t1
        t0=$(date +%s%N)
        "$@" deliver --spool "$spool" < "$MAIL"
        t1=$(date +%s%N)
        times+=($(( (t1 - t0) / 1000 )))
    done
    local count
    count=$(ls "$spool/new" | wc -l)
    [ "$count" -eq "$N" ] || { echo "$name: expected $N messages in new/, found $count" >&2; exit 1; }
    printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" '
        { v[NR] = $1; s += $1 }
        END { printf "%-34s median %6.1f ms   mean %6.1f ms   (n=%d)\n", name, v[int((NR + 1) / 2)] / 1000, s / NR / 1000, NR }'
}

echo "deliver, $N runs each, $(nproc) cores, $(java -version 2>&1 | sed -n 1p)"
run "java -jar (plain)"            java -jar "$JAR"
run "launcher flags (bin/mailbridge)" java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms8m -Xmx64m -cp "$JAR" org.mailbridge.cli.Main
run "launcher flags + AppCDS"      java -XX:SharedArchiveFile="$CDS" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms8m -Xmx64m -cp "$JAR" org.mailbridge.cli.Main
run "bare JVM floor (java -version)" sh -c 'java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version 2>/dev/null; cat > /dev/null; mkdir -p "$3/new"; touch "$3/new/$(date +%s%N)"' _
