#!/usr/bin/env bash
# CI: mailbridge.spec built with Debian's rpm (rpmbuild), its file list and scriptlets checked,
# and the systemd units checked by `systemd-analyze verify` against the package's files.
#
# Needs a finished `mvn package` (target/mailbridge.jar and target/generated-docs/); the spec
# takes them with --define prebuilt instead of running Maven again. rpmbuild runs with --nodeps:
# the BuildRequires name Fedora packages, which Debian does not have under those names.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '==> rpm-package: %s\n' "$*"; }
fail() { echo "rpm-package: FAIL: $*" >&2; exit 1; }

[ -f target/mailbridge.jar ] && [ -d target/generated-docs/man ] || { echo "build first: mvn -B package" >&2; exit 2; }
missing=()
command -v rpmbuild >/dev/null || missing+=(rpm)
command -v asciidoctor >/dev/null || missing+=(asciidoctor)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
fi

VERSION=$(sed -n 's/^Version: *//p' mailbridge.spec)
POM_VERSION=$(sed -n '0,/<version>/s|.*<version>\(.*\)</version>.*|\1|p' pom.xml)
[ "$VERSION" = "$POM_VERSION" ] || fail "spec Version $VERSION, pom version $POM_VERSION"
TOP=$(mktemp -d)
trap 'rm -rf "$TOP"' EXIT
mkdir -p "$TOP/SOURCES"
# The source tarball as `git archive` makes it, from the files git tracks (as they are now).
git ls-files -z | tar --null -T - --transform "s|^|mailbridge-$VERSION/|" -czf "$TOP/SOURCES/mailbridge-$VERSION.tar.gz"

log "rpmbuild -bb mailbridge.spec"
rpmbuild -bb --nodeps --quiet --define "_topdir $TOP" --define "prebuilt $PWD/target" mailbridge.spec \
    > "$TOP/build.log" 2>&1 || { cat "$TOP/build.log" >&2; fail "rpmbuild failed"; }
RPM=$(find "$TOP/RPMS" -name "mailbridge-$VERSION-*.noarch.rpm")
[ -f "$RPM" ] || fail "no noarch rpm built"

# The file list, exactly: what the package installs and nothing else.
rpm -qlp "$RPM" | sed -E 's|/usr/share/man/man1/([^/]*)\.1(\.gz)?$|/usr/share/man/man1/\1.1|' | sort > "$TOP/files"
{
    cat <<'EOF'
/etc/mailbridge
/etc/mailbridge/config.toml
/etc/mailbridge/parsers.d
/usr/bin/mailbridge
/usr/lib/systemd/system/mailbridge.service
/usr/lib/systemd/system/mailbridge@.service
/usr/lib/sysusers.d/mailbridge.conf
/usr/lib/tmpfiles.d/mailbridge.conf
/usr/share/bash-completion/completions/mailbridge
/usr/share/doc/mailbridge
/usr/share/doc/mailbridge/README.md
/usr/share/doc/mailbridge/parsers
/usr/share/java/mailbridge.jar
/usr/share/licenses/mailbridge
/usr/share/licenses/mailbridge/LICENSE
/usr/share/mailbridge
/usr/share/mailbridge/mailbridge.jar
/usr/share/mailbridge/parsers
/usr/share/mailbridge/plugins
/usr/share/mailbridge/procmail
/usr/share/mailbridge/procmail/mailbridge.rc
/var/lib/mailbridge
/var/spool/mailbridge
/usr/share/man/man1/mailbridge.1
EOF
    for c in $(java -cp target/mailbridge.jar org.mailbridge.cli.Main --help | sed -n '/^Commands:/,/^$/s/^  \([a-z]\+\) .*/\1/p'); do
        echo "/usr/share/man/man1/mailbridge-$c.1"
    done
    for f in docs/*; do echo "/usr/share/doc/mailbridge/docs/${f#docs/}"; done
    echo /usr/share/doc/mailbridge/docs
    for f in parsers/*.toml; do echo "/usr/share/doc/mailbridge/parsers/${f#parsers/}"; done
} | sort > "$TOP/expected"
diff -u "$TOP/expected" "$TOP/files" || fail "the package's file list differs from the expected one (- expected, + packaged)"
log "$(wc -l < "$TOP/files") files, as expected"

# Modes and owners that matter: the spool and the configuration.
rpm -qp --qf '[%{FILEMODES:perms} %{FILEUSERNAME} %{FILEGROUPNAME} %{FILENAMES} %{FILELINKTOS}\n]' "$RPM" > "$TOP/files-long"
grep -qx 'drwxrws--- mailbridge mailbridge /var/spool/mailbridge ' "$TOP/files-long" || fail "spool mode or owner"
grep -qx -- '-rw-r----- root mailbridge /etc/mailbridge/config.toml ' "$TOP/files-long" || fail "config mode or owner"
grep -qx 'lrwxrwxrwx root root /usr/share/mailbridge/mailbridge.jar ../java/mailbridge.jar' "$TOP/files-long" \
    || fail "the launcher's jar path is not a link to the jar in /usr/share/java"
rpm -qcp "$RPM" | grep -qx /etc/mailbridge/config.toml || fail "config.toml is not %config"
rpm -qp --scripts "$RPM" > "$TOP/scripts"
grep -q -- '--deliver-cache' "$TOP/scripts" || fail "no scriptlet makes deliver's start-up cache"
grep -q 'transfiletriggerin.*/usr/lib/jvm' <(rpm -qp --filetriggers "$RPM") || fail "no file trigger on JDK changes"
rpm -qp --requires "$RPM" | grep -q '^java-headless >= 1:17' || fail "does not require a Java 17 runtime"

# What the man pages say comes from the picocli model: the status page lists its exit codes.
rpm2cpio "$RPM" | (cd "$TOP" && mkdir root && cd root && cpio -idm --quiet)
man_status=$(find "$TOP/root/usr/share/man/man1" -name 'mailbridge-status.1*')
{ case $man_status in *.gz) zcat "$man_status" ;; *) cat "$man_status" ;; esac; } > "$TOP/status.1"
grep -q 'quiet' "$TOP/status.1" && grep -q '69' "$TOP/status.1" || fail "mailbridge-status(1) lacks its description or exit codes"
grep -q 'complete -F' "$TOP/root/usr/share/bash-completion/completions/mailbridge" || fail "no bash completion function"
# The installed launcher runs the installed jar (through the link).
MAILBRIDGE_JAR=$TOP/root/usr/share/mailbridge/mailbridge.jar sh "$TOP/root/usr/bin/mailbridge" --version | grep -q "^mailbridge $VERSION" \
    || fail "the installed launcher does not run the installed jar"

# The units, against the package's own files (ExecStart must exist there).
if command -v systemd-analyze >/dev/null; then
    units=$TOP/root/usr/lib/systemd/system
    ln -s mailbridge@.service "$units/mailbridge@ci.service"
    # The units they refer to (sysinit.target, network-online.target, ...) from this system.
    cp -rn /usr/lib/systemd/system/. "$units/" 2>/dev/null || cp -rn /lib/systemd/system/. "$units/"
    if systemd-analyze --root="$TOP/root" verify "$units/mailbridge.service" "$units/mailbridge@ci.service" \
        > "$TOP/verify.log" 2>&1 && [ ! -s "$TOP/verify.log" ]; then
        log "systemd-analyze verify: both units clean, no warnings"
    else
        cat "$TOP/verify.log" >&2
        fail "systemd-analyze verify"
    fi
else
    log "systemd-analyze not available: units not verified"
fi
log "passed: $(basename "$RPM")"
