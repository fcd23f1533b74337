package org.mailbridge.daemon;

import java.io.IOException;
import java.time.Clock;

import org.mailbridge.log.LogFmt;
import org.mailbridge.spool.QuarantineReason;
import org.mailbridge.spool.CrashLedger;
import org.mailbridge.spool.Quarantine;
import org.mailbridge.spool.QuarantineNote;
import org.mailbridge.spool.Spool;
import org.mailbridge.spool.SpoolEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up recovery with the crash-loop breaker: every message a dead daemon left in
 * {@code cur/} goes back to {@code new/}, except one that was in hand at {@value #CRASH_LIMIT}
 * deaths: that one is quarantined as {@code crashed}, named in the log, so that a mail that
 * kills the JVM (whatever escapes every guard) cannot stop the bridge for good.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    /** Deaths with the same message in hand before it is quarantined. */
    static final int CRASH_LIMIT = 2;

    private Recovery() {
    }

    /**
     * Recovers {@code cur/}.
     *
     * @return how many messages went back to {@code new/}
     */
    static int run(Spool spool, CrashLedger ledger, Clock clock) throws IOException {
        ledger.load(spool);
        int n = 0;
        for (SpoolEntry e : spool.claimed()) {
            int crashes = ledger.recordCrash(e.name());
            if (crashes >= CRASH_LIMIT) {
                QuarantineNote note = new QuarantineNote(QuarantineReason.CRASHED, "", "in hand each of the " + crashes
                        + " times the daemon died", clock.instant());
                try {
                    new Quarantine(spool).put(e, note);
                    ledger.settled(e.name());
                    LOG.error("{}", LogFmt.msg("quarantined").kv("name", e.name()).kv("reason", note.reason().code())
                            .kv("detail", note.detail()));
                    continue;
                } catch (IOException full) {
                    LOG.error("{}", LogFmt.msg("held").kv("name", e.name()).kv("reason", note.reason().code())
                            .kv("err", full.toString()));
                }
            } else {
                LOG.warn("{}", LogFmt.msg("recovered").kv("name", e.name()).kv("crashes", crashes));
            }
            spool.release(e);
            n++;
        }
        return n;
    }
}
