#!/usr/bin/env bash
# Daemon throughput: N mails waiting in the spool, the daemon with its embedded broker drains
# them (read, parse, publish with broker confirmation, settle). Prints mails per second.
# Usage: bench/daemon.sh [N] [BODY_LINES]   (default 2000 mails of ~5 KB; build the jar first)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
LINES=${2:-60}
JAR=target/mailbridge.jar
[ -f "$JAR" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$WORK/config.toml" <<TOML
spool = "$WORK/spool"
unclaimed = "publish"
rules_dirs = []
[embedded_broker]
port = $PORT
work_dir = "$WORK/broker"
TOML
mkdir -p "$WORK/spool/new" "$WORK/spool/tmp" "$WORK/spool/cur" "$WORK/spool/quarantine"
BODY=$(for i in $(seq 1 "$LINES"); do printf 'line %03d of the body, padded out to about eighty characters of ordinary text...\n' "$i"; done)
for i in $(seq 1 "$N"); do
    printf 'From: Robot <robot@example.org>\nTo: bridge@example.org\nSubject: bench %d\nDate: Sat, 28 Nov 2026 10:00:00 +0000\nMessage-ID: <bench-%d@example.org>\n\n%s\n' \
        "$i" "$i" "$BODY" > "$WORK/spool/new/$(printf '%010d' "$i").M000000P1Q1R0.bench"
done
echo "daemon, $N mails of $(wc -c < "$WORK/spool/new/0000000001.M000000P1Q1R0.bench") bytes, $(nproc) cores"
start=$(date +%s%N)
java -jar "$JAR" daemon --conf "$WORK/config.toml" 2> "$WORK/daemon.log" &
PID=$!
while [ "$(ls "$WORK/spool/new" | wc -l)" -gt 0 ] || [ "$(ls "$WORK/spool/cur" | wc -l)" -gt 0 ]; do
    kill -0 "$PID" 2>/dev/null || { echo "daemon died:" >&2; tail -5 "$WORK/daemon.log" >&2; exit 1; }
    sleep 0.05
done
end=$(date +%s%N)
published=$(grep -c 'msg=published' "$WORK/daemon.log" || true)
started=$(grep -m1 'daemon started' "$WORK/daemon.log" | sed 's/^ts=\([^ ]*\).*/\1/')
quarantined=$(ls "$WORK/spool/quarantine" | wc -l)
[ "$published" -eq "$N" ] || { echo "published $published of $N (quarantined files: $quarantined)" >&2; exit 1; }
python3 - "$start" "$end" "$N" "$started" <<'PY'
import sys, datetime
start, end, n, started = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
total = (end - start) / 1e9
t0 = datetime.datetime.fromisoformat(started.replace("Z", "+00:00")).timestamp()
drain = end / 1e9 - t0
print(f"wall clock incl. JVM and broker start: {total:6.2f} s")
print(f"drain after 'daemon started':           {drain:6.2f} s  = {n / drain:7.0f} mails/s")
PY
