#!/usr/bin/env bash
# CI: Debian's Postfix relays mail for a dedicated domain to the daemon's SMTP intake, and the
# event reaches a consumer. Needs target/mailbridge.jar (mvn package or verify first).
#
# Coexists with the procmail test: it adds only its own transport map (for bridge-smtp.test) to
# transport_maps, and takes it out again on exit. Ports are free ones picked at run time.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '==> postfix-smtp: %s\n' "$*"; }
DOMAIN=bridge-smtp.test
MAP=/etc/postfix/mailbridge-smtp-transport
JAR=$PWD/target/mailbridge.jar
[ -f "$JAR" ] || { echo "postfix-smtp: $JAR missing: build first" >&2; exit 1; }

bash .ci/postfix-setup.sh

work=$(mktemp -d /tmp/mailbridge-postfix-smtp.XXXXXX)
daemon_pid=
cleanup() {
    [ -n "$daemon_pid" ] && kill -TERM "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null || true
    # Our map out of transport_maps again; whatever else is there stays.
    local maps
    maps=$(postconf -h transport_maps | tr ', ' '\n\n' | grep -v -x -F "hash:$MAP" | grep -v '^$' | paste -sd, - || true)
    postconf -e "transport_maps = $maps"
    postfix reload >/dev/null 2>&1 || true
    rm -f "$MAP" "$MAP.db"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
smtp_port=$(free_port)
broker_port=$(free_port)

cat > "$work/config.toml" <<TOML
spool = "$work/spool"
unclaimed = "publish"
environment = "postfixsmtp"

[embedded_broker]
port = $broker_port
work_dir = "$work/broker"

[intake.smtp]
listen = "127.0.0.1:$smtp_port"
# Not Postfix's own name: a greeting with \$myhostname makes Postfix bounce "loops back to myself".
hostname = "mailbridge.$DOMAIN"
recipients = ["*@$DOMAIN"]
TOML

log "starting the daemon (SMTP intake on 127.0.0.1:$smtp_port)"
java -jar "$JAR" daemon --conf "$work/config.toml" >"$work/daemon.log" 2>&1 &
daemon_pid=$!
for _ in $(seq 1 60); do
    grep -q 'smtp intake listening' "$work/daemon.log" && break
    kill -0 "$daemon_pid" 2>/dev/null || { cat "$work/daemon.log"; exit 1; }
    sleep 1
done
grep -q 'smtp intake listening' "$work/daemon.log" || { cat "$work/daemon.log"; exit 1; }

log "routing $DOMAIN to smtp:[127.0.0.1]:$smtp_port"
echo "$DOMAIN smtp:[127.0.0.1]:$smtp_port" > "$MAP"
postmap "hash:$MAP"
current=$(postconf -h transport_maps)
case ",$current," in
    *"hash:$MAP"*) ;;
    *) postconf -e "transport_maps = ${current:+$current, }hash:$MAP" ;;
esac
postfix reload >/dev/null 2>&1

java -jar "$JAR" consume --url "amqp://127.0.0.1:$broker_port" --count 1 --timeout 90 \
    'org.fedoraproject.postfixsmtp.#' >"$work/events.jsonl" 2>"$work/consume.log" &
consumer_pid=$!
for _ in $(seq 1 30); do
    grep -q '^consuming' "$work/consume.log" && break
    sleep 1
done

mid="<postfix-smtp-$(date +%s)-$$@example.org>"
log "sendmail to bugs@$DOMAIN, Message-ID $mid"
printf 'From: Builds <builds@example.org>\nTo: bugs@%s\nSubject: relayed by postfix\nMessage-ID: %s\nDate: %s\n\nhello from postfix\n' \
    "$DOMAIN" "$mid" "$(date -R)" | /usr/sbin/sendmail -f builds@example.org "bugs@$DOMAIN"

if ! wait "$consumer_pid"; then
    echo "postfix-smtp: consumer failed" >&2
fi
if ! grep -q -F "\"mailbridge_source_message_id\":\"$mid\"" "$work/events.jsonl"; then
    echo "postfix-smtp: no event for $mid" >&2
    echo "--- consumer"; cat "$work/consume.log" "$work/events.jsonl"
    echo "--- daemon"; cat "$work/daemon.log"
    echo "--- postfix"; grep -F "$DOMAIN" /var/log/postfix.log | tail -20 || true
    exit 1
fi
grep -F "bugs@$DOMAIN" /var/log/postfix.log | grep -F "relay=127.0.0.1[127.0.0.1]:$smtp_port" | grep -q 'status=sent' \
    || { echo "postfix-smtp: postfix did not log the relay to the intake" >&2; exit 1; }
log "event received: $(head -c 300 "$work/events.jsonl")"
rm -rf "$work"
