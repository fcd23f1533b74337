#!/usr/bin/env bash
# The fault suite: kill -9 under load, broker outage and failover, disk full, 50 concurrent
# delivers, fuzzed mails with a 64 MiB heap, forged senders, a wrong TLS client certificate.
# Prints one table (scenario, injected, mails in, published, duplicates, lost, quarantined,
# waiting); exits 1 if any mail was lost.
# Usage: bench/faults.sh [--long]   (short by default, as CI runs it; build the jar first)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/mailbridge.jar ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
exec python3 bench/faults.py "$@"
