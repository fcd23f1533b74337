#!/usr/bin/env bash
# SMTP intake throughput beside `deliver`: N mails over C connections into the daemon's SMTP
# listener (each answered 250 only once synced into the spool), while the daemon publishes
# them to its embedded broker; then deliver, one fresh JVM per mail through bin/mailbridge
# (its fastest launch, with the class cache), on the same mail. Prints mails/s for each and the
# ratio. Usage: bench/smtp.sh [N] [C] [DELIVER_RUNS]   (default 2000 mails, 4 connections, 40
# delivers; build the jar first: mvn -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
C=${2:-4}
D=${3:-40}
JAR=$PWD/target/mailbridge.jar
[ -f "$JAR" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
BROKER=$(free_port)
SMTP=$(free_port)
cat > "$WORK/config.toml" <<TOML
spool = "$WORK/spool"
unclaimed = "publish"
rules_dirs = []
[embedded_broker]
port = $BROKER
work_dir = "$WORK/broker"
[intake.smtp]
listen = "127.0.0.1:$SMTP"
max_messages_per_second = 100000
TOML
MAIL="$WORK/mail.eml"
{
    printf 'From: Robot <robot@example.org>\nTo: bridge@example.org\nSubject: bench\n'
    printf 'Date: Sat, 28 Nov 2026 10:00:00 +0000\nMessage-ID: <bench@example.org>\n\n'
    for i in $(seq 1 60); do printf 'line %03d of the body, padded out to about eighty characters of ordinary text...\n' "$i"; done
} > "$MAIL"

java -jar "$JAR" daemon --conf "$WORK/config.toml" 2> "$WORK/daemon.log" &
PID=$!
for _ in $(seq 1 60); do grep -q 'smtp intake listening' "$WORK/daemon.log" && break; sleep 0.5; done
grep -q 'smtp intake listening' "$WORK/daemon.log" || { tail -5 "$WORK/daemon.log" >&2; exit 1; }

echo "SMTP intake: $N mails of $(wc -c < "$MAIL") bytes over $C connections, $(nproc) cores, $(java -version 2>&1 | sed -n 1p)"
python3 - "$SMTP" "$N" "$C" "$MAIL" <<'PY'
import smtplib, sys, threading, time
port, n, c, path = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
body = open(path).read()
errors = []
def send(k):
    s = smtplib.SMTP("127.0.0.1", port)
    s.ehlo("bench.test")
    for i in range(k, n, c):
        m = body.replace("<bench@example.org>", "<bench-%d@example.org>" % i)
        try:
            s.sendmail("robot@example.org", ["bridge@example.org"], m)
        except Exception as e:
            errors.append(e)
    s.quit()
t0 = time.time()
ts = [threading.Thread(target=send, args=(k,)) for k in range(c)]
[t.start() for t in ts]
[t.join() for t in ts]
dt = time.time() - t0
if errors:
    sys.exit("%d refused, first: %r" % (len(errors), errors[0]))
print("smtp   %8.1f mails/s   (%d mails acknowledged in %.2f s)" % (n / dt, n, dt))
open(path + ".rate", "w").write("%f" % (n / dt))
PY
while [ "$(grep -c 'msg=published' "$WORK/daemon.log" || true)" -lt "$N" ]; do
    kill -0 "$PID" 2>/dev/null || { echo "daemon died" >&2; exit 1; }
    sleep 0.2
done
echo "       (all $N published by the daemon)"
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=

# deliver through the launcher, one JVM per mail; the first run makes the class cache.
env MAILBRIDGE_JAR="$JAR" MAILBRIDGE_CACHE_DIR="$WORK/cache" bin/mailbridge deliver --spool "$WORK/d-warm" < "$MAIL" 2>/dev/null
times=()
for _ in $(seq 1 "$D"); do
    t0=$(date +%s%N)
    env MAILBRIDGE_JAR="$JAR" MAILBRIDGE_CACHE_DIR="$WORK/cache" bin/mailbridge deliver --spool "$WORK/d" < "$MAIL"
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
done
[ "$(ls "$WORK/d/new" | wc -l)" -eq "$D" ] || { echo "deliver: not every mail in new/" >&2; exit 1; }
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
awk -v us="$median" -v d="$D" -v smtp="$(cat "$MAIL.rate")" 'BEGIN {
    rate = 1e6 / us
    printf "deliver %7.1f mails/s   (median %.1f ms per mail over %d runs, bin/mailbridge)\n", rate, us / 1000, d
    printf "ratio  %8.1fx\n", smtp / rate }'
