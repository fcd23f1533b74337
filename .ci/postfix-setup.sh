#!/usr/bin/env bash
# CI: a local Postfix with procmail, listening on loopback only, started without systemd.
#
# Idempotent: every CI test that needs a real MTA runs it first; the second run only checks the
# settings and makes sure Postfix is running. Tests that need more (a relay, a transport) add
# their own `postconf -e` keys afterwards and run `postfix reload`. Debian's 'Local only' sets
# default_transport and relay_transport to `error`: a relay test sets them (and relayhost) itself.
#
# After it: `sendmail` delivers to local accounts, Postfix runs each account's ~/.forward and
# /etc/aliases, and `mailbox_command` is procmail (so ~/.procmailrc applies with no .forward).
set -euo pipefail

log() { printf '==> postfix-setup: %s\n' "$*"; }

export DEBIAN_FRONTEND=noninteractive
apt_install() {
    # Other jobs on the same machine may hold the dpkg lock for a while.
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@" >/dev/null
}

if ! dpkg-query -W -f '${Status}' postfix 2>/dev/null | grep -q 'install ok installed' \
    || ! command -v procmail >/dev/null; then
    log "installing postfix and procmail"
    mailname=$(hostname -f 2>/dev/null || hostname)
    debconf-set-selections <<EOF
postfix postfix/main_mailer_type select Local only
postfix postfix/mailname string $mailname
postfix postfix/destinations string \$myhostname, localhost.localdomain, localhost
postfix postfix/mynetworks string 127.0.0.0/8 [::1]/128
postfix postfix/protocols select ipv4
postfix postfix/mailbox_limit string 0
postfix postfix/recipient_delim string +
postfix postfix/procmail boolean true
EOF
    [ -s /etc/mailname ] || echo "$mailname" > /etc/mailname
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt_install postfix procmail
fi

# Settings this CI relies on, whatever debconf did. Only changed keys are written, so a second
# run does not rewrite main.cf under a running Postfix; keys it does not name (relayhost,
# transport_maps, ... that another test sets) are left alone.
want() {
    local key=$1 value=$2
    if [ "$(postconf -h "$key")" != "$value" ]; then
        postconf -e "$key = $value"
        changed=1
    fi
}
changed=0
want inet_interfaces loopback-only
want inet_protocols ipv4
want mydestination "\$myhostname, localhost.localdomain, localhost"
want mynetworks "127.0.0.0/8"
want mailbox_command /usr/bin/procmail
want smtputf8_enable no
# A container has no syslog: log to a file the tests can read.
want maillog_file /var/log/postfix.log

[ -f /etc/aliases.db ] || newaliases

if postfix status >/dev/null 2>&1; then
    if [ "$changed" = 1 ]; then
        log "reloading postfix"
        postfix reload >/dev/null 2>&1
    fi
else
    log "starting postfix"
    # `postfix start` runs master(8) in the background, the way the init script would; no systemd.
    postfix check
    postfix start >/dev/null 2>&1 || postfix status
fi
for _ in $(seq 1 30); do
    (exec 3<>/dev/tcp/127.0.0.1/25) 2>/dev/null && break
    sleep 1
done
(exec 3<>/dev/tcp/127.0.0.1/25) 2>/dev/null || { echo "postfix is not listening on 127.0.0.1:25" >&2; exit 1; }
log "postfix $(postconf -h mail_version) running, loopback only"
