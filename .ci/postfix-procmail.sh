#!/usr/bin/env bash
# CI: the bridge behind a real MTA, as it is installed.
#
# Debian's Postfix (loopback only, .ci/postfix-setup.sh) hands mail for a bridge account to
# procmail (mailbox_command); the account's ~/.procmailrc includes the shipped recipe, which
# pipes every mail into `mailbridge deliver` through bin/mailbridge. The daemon runs as the
# `mailbridge` account made from the shipped sysusers file, on a spool laid out as the shipped
# tmpfiles file lays it out, and publishes over AMQP 0-9-1 to RabbitMQ, in a vhost of its own.
# A Python pika consumer (what fedora-messaging uses) checks every event against the golden
# files: ids, routing keys, bodies, and each fedora-messaging header as a real 0-9-1 header.
#
# Then: with the daemon stopped, mail waits in the spool and `status` says stopped; with
# deliver failing (spool unwritable), mail lands in the account's mailbox. Nothing is lost:
# every mail sent is an event, a settled or quarantined file, or a message in the mailbox.
#
# Needs target/mailbridge.jar and RabbitMQ on 127.0.0.1:5672 (guest/guest); run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD

log() { printf '==> postfix-procmail: %s\n' "$*"; }
fail() {
    echo "postfix-procmail: FAIL: $*" >&2
    for f in "$W"/log/*; do
        [ -s "$f" ] && { echo "--- $f"; tail -40 "$f"; } >&2
    done
    tail -20 /var/log/postfix.log >&2 || true
    exit 1
}
# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
    local t=$1; shift
    for _ in $(seq 1 $((t * 5))); do
        "$@" && return 0
        sleep 0.2
    done
    return 1
}

[ -f target/mailbridge.jar ] || { echo "build first: mvn -B package" >&2; exit 2; }
bash .ci/postfix-setup.sh
if ! /usr/bin/python3 -c 'import pika' 2>/dev/null; then
    log "installing python3-pika"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq python3-pika >/dev/null
fi

# The accounts: `mailbridge` from the shipped sysusers file (nologin shell, as packaged), and
# the mail account, whose primary group is mailbridge. Postfix drops supplementary groups
# before it runs mailbox_command, so a mere member of the group could not write the spool
# unless procmail is setuid (Debian's is, Fedora's is not): the primary group works with both.
MAILUSER=mbbridgemail
if ! id mailbridge >/dev/null 2>&1; then
    systemd-sysusers systemd/mailbridge.sysusers.conf 2>/dev/null \
        || useradd --system --user-group --home-dir /var/spool/mailbridge --shell /usr/sbin/nologin mailbridge
fi
id "$MAILUSER" >/dev/null 2>&1 \
    || useradd --system --gid mailbridge --create-home --home-dir "/var/lib/$MAILUSER" --shell /usr/sbin/nologin "$MAILUSER"

# Everything else lives under W, laid out like the package: share/ (jar, launcher, recipe),
# etc/ (configuration, password file), spool/.
W=/var/tmp/mailbridge-mta
VHOST=mailbridge-mta
if [ -f "$W/daemon.pid" ]; then kill "$(cat "$W/daemon.pid")" 2>/dev/null || true; fi
rm -rf "$W"
mkdir -p "$W/share/procmail" "$W/etc" "$W/log" "$W/events"
install -m 0644 target/mailbridge.jar "$W/share/mailbridge.jar"
install -m 0755 bin/mailbridge "$W/share/mailbridge"
install -m 0644 procmail/mailbridge.rc "$W/share/procmail/mailbridge.rc"
sed "s|/var/spool/mailbridge|$W/spool|" systemd/mailbridge.tmpfiles.conf > "$W/tmpfiles.conf"
systemd-tmpfiles --create "$W/tmpfiles.conf" 2>/dev/null || {
    for d in "" /tmp /new /cur /quarantine /state /env; do install -d -m 2770 -o mailbridge -g mailbridge "$W/spool$d"; done
}
chmod 0711 "$W"
chown "$MAILUSER:mailbridge" "$W/log"
chmod 0770 "$W/log"

# The password file: readable by the daemon's account only. Not by its group: the mail account
# shares the mailbridge group.
printf 'guest\n' > "$W/etc/rabbitmq.pass"
chown mailbridge:root "$W/etc/rabbitmq.pass"
chmod 0600 "$W/etc/rabbitmq.pass"
cat > "$W/etc/config.toml" <<EOF
spool = "$W/spool"
rules_dirs = []

[daemon]
poll_interval = "500ms"
retry_min = "200ms"
retry_max = "2s"

[status]
heartbeat_max_age = "30s"

[domains.bus]
url = "amqp://127.0.0.1:5672/$VHOST"
protocol = "amqp-0-9-1"
username = "guest"
password_file = "$W/etc/rabbitmq.pass"

$(cat src/test/resources/mail/bugzilla/config.toml)
EOF
chmod 0644 "$W/etc/config.toml"

# The mail account's procmail setup, as the README's "Hook up procmail" says. The site recipe
# before the include has shell syntax (a pipe into a redirection): procmail runs it through
# $SHELL, and the account's own shell is nologin, so SHELL is set first. It also keeps an
# audit line per mail, which step 4 counts.
cat > "/var/lib/$MAILUSER/.procmailrc" <<EOF
SHELL=/bin/sh
LOGFILE=$W/log/procmail.log
MAILBRIDGE_JAR=$W/share/mailbridge.jar
MAILBRIDGE_CONF=$W/etc/config.toml
MAILBRIDGE="$W/share/mailbridge deliver"

:0 hc
| grep -i '^message-id:' >> $W/log/seen.log

INCLUDERC=$W/share/procmail/mailbridge.rc
EOF
chown "$MAILUSER:mailbridge" "/var/lib/$MAILUSER/.procmailrc"
chmod 0644 "/var/lib/$MAILUSER/.procmailrc"
MAILBOX=/var/mail/$MAILUSER
rm -f "$MAILBOX"

rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true
rabbitmqctl -q add_vhost "$VHOST" >/dev/null
rabbitmqctl -q set_permissions -p "$VHOST" guest '.*' '.*' '.*' >/dev/null
trap 'rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true; if [ -f "$W/daemon.pid" ]; then kill "$(cat "$W/daemon.pid")" 2>/dev/null || true; fi' EXIT

setpriv --reuid="$MAILUSER" --regid=mailbridge --init-groups cat "$W/etc/rabbitmq.pass" >/dev/null 2>&1 \
    && fail "the mail account can read the broker password"

mb() { MAILBRIDGE_JAR=$W/share/mailbridge.jar "$W/share/mailbridge" "$@"; }
start_daemon() {
    setpriv --reuid=mailbridge --regid=mailbridge --init-groups \
        env MAILBRIDGE_JAR="$W/share/mailbridge.jar" MAILBRIDGE_CONF="$W/etc/config.toml" HOME=/ \
        "$W/share/mailbridge" daemon >> "$W/log/daemon.log" 2>&1 &
    echo $! > "$W/daemon.pid"
    wait_for 60 grep -q 'msg="daemon started"' "$W/log/daemon.log" || fail "the daemon did not start"
}
stop_daemon() {
    local pid
    pid=$(cat "$W/daemon.pid")
    kill -TERM "$pid"
    wait "$pid" || [ $? -eq 143 ] || fail "the daemon did not stop cleanly"
    rm -f "$W/daemon.pid"
}
count() { find "$1" -maxdepth 1 -type f ! -name '*.reason' | wc -l; }
count_is() { [ "$(count "$1")" -eq "$2" ]; }
send() { /usr/sbin/sendmail -f "$2" -- "$MAILUSER@localhost" < "$1"; }

# The mails: the Bugzilla golden cases whose events are all trusted (each beside its expected
# events), and one a parser recognises and ignores (a whine).
mapfile -t GOLDEN < <(/usr/bin/python3 - <<'PY'
import glob, json
for f in sorted(glob.glob("src/test/resources/mail/bugzilla/*.events.json")):
    events = json.load(open(f))  # a list of events, or {"quarantined": ...}
    if isinstance(events, list) and events and all(e["headers"].get("mailbridge_trust") == "trusted" for e in events):
        print(f)
PY
)
EXPECTED_EVENTS=$(/usr/bin/python3 -c 'import json,sys; print(sum(len(json.load(open(f))) for f in sys.argv[1:]))' "${GOLDEN[@]}")
sender_of() { sed -n 's/^From: .*<\(.*\)>.*/\1/p; s/^From: \([^ <]*@[^ >]*\)$/\1/p' "$1" | head -1; }

log "1. ${#GOLDEN[@]} golden mails and an ignored one, through Postfix and procmail, daemon running"
/usr/bin/python3 .ci/pika-events.py consume "amqp://guest:guest@127.0.0.1:5672/$VHOST" "$W/events/run1.jsonl" \
    "$EXPECTED_EVENTS" 180 > "$W/log/pika.log" 2>&1 &
PIKA=$!
wait_for 30 test -f "$W/events/run1.jsonl.ready" || fail "the pika consumer did not bind its queue"
start_daemon
for f in "${GOLDEN[@]}"; do
    eml=${f%.events.json}.eml
    send "$eml" "$(sender_of "$eml")"
done
send src/test/resources/mail/bugzilla/upstream-whine-ignored.eml bugzilla-daemon@bugs.example.org
wait "$PIKA" || fail "the pika consumer failed"
/usr/bin/python3 .ci/pika-events.py check "$W/events/run1.jsonl" "${GOLDEN[@]}" || fail "events differ"
wait_for 30 count_is "$W/spool/quarantine" 1 || fail "the ignored mail was not settled"
grep -q '^reason: ignored' "$W"/spool/quarantine/*.reason || fail "the settled mail is not 'ignored'"
[ ! -s "$MAILBOX" ] || fail "mail fell back into the mailbox while the bridge was healthy"
mb status --conf "$W/etc/config.toml" > "$W/log/status1.txt" || fail "status unhealthy: $(cat "$W/log/status1.txt")"
grep -q '^no events:.*ignored=1' "$W/log/status1.txt" || fail "status does not count the ignored mail apart"

log "2. daemon stopped: mail waits in the spool, status says stopped, a restart publishes it"
stop_daemon
rc=0; mb status --conf "$W/etc/config.toml" > "$W/log/status2.txt" || rc=$?
[ "$rc" -eq 69 ] && grep -q '^daemon: *stopped' "$W/log/status2.txt" || fail "status after a stop: exit $rc, $(cat "$W/log/status2.txt")"
WAITING_MAIL=src/test/resources/mail/bugzilla/rh-closed-duplicate
/usr/bin/python3 .ci/pika-events.py consume "amqp://guest:guest@127.0.0.1:5672/$VHOST" "$W/events/run2.jsonl" \
    "$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WAITING_MAIL.events.json")" 120 \
    >> "$W/log/pika.log" 2>&1 &
PIKA=$!
wait_for 30 test -f "$W/events/run2.jsonl.ready" || fail "the pika consumer did not bind its queue"
send "$WAITING_MAIL.eml" bugzilla@redhat.com
wait_for 60 count_is "$W/spool/new" 1 || fail "the mail did not reach the spool while the daemon was stopped"
sleep 1
[ "$(count "$W/spool/new")" -eq 1 ] || fail "the mail did not wait in the spool"
start_daemon
wait "$PIKA" || fail "the pika consumer failed"
/usr/bin/python3 .ci/pika-events.py check "$W/events/run2.jsonl" "$WAITING_MAIL.events.json" || fail "events differ after the restart"
wait_for 30 count_is "$W/spool/new" 0 || fail "the spool did not drain"

log "3. deliver failing (spool unwritable): the mail lands in the mailbox"
chmod 0550 "$W/spool/tmp"
send src/test/resources/mail/bugzilla/rh-has-duplicate.eml bugzilla@redhat.com
wait_for 60 grep -qs '^From ' "$MAILBOX" || fail "the mail did not fall back into $MAILBOX"
chmod 2770 "$W/spool/tmp"
grep -q "^$(grep -m1 '^Message-ID:' src/test/resources/mail/bugzilla/rh-has-duplicate.eml)" "$MAILBOX" \
    || fail "the mailbox does not hold that mail"
[ "$(grep -c '^From ' "$MAILBOX")" -eq 1 ] || fail "the mailbox holds $(grep -c '^From ' "$MAILBOX") mails, expected 1"

log "4. nothing lost"
SENT=$(( ${#GOLDEN[@]} + 1 + 1 + 1 ))
PUBLISHED_MAILS=$(( ${#GOLDEN[@]} + 1 ))
KEPT=$(( $(count "$W/spool/quarantine") + $(count "$W/spool/new") + $(count "$W/spool/cur") ))
IN_MAILBOX=$(grep -c '^From ' "$MAILBOX")
[ "$(wc -l < "$W/log/seen.log")" -eq "$SENT" ] || fail "procmail saw $(wc -l < "$W/log/seen.log") mails, $SENT were sent"
[ $((PUBLISHED_MAILS + KEPT + IN_MAILBOX)) -eq "$SENT" ] \
    || fail "sent $SENT mails: $PUBLISHED_MAILS published, $KEPT in the spool, $IN_MAILBOX in the mailbox"
stop_daemon
log "passed: $SENT mails sent, $PUBLISHED_MAILS published as $((EXPECTED_EVENTS + $(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WAITING_MAIL.events.json"))) events, $KEPT settled in the spool, $IN_MAILBOX in the mailbox"
