package org.mailbridge.daemon;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

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
 * {@code cur/} goes back to {@code new/}, except one blamed for {@value #CRASH_LIMIT} deaths:
 * that one is quarantined as {@code crashed}, named in the log, so that a mail that kills the
 * JVM (whatever escapes every guard) cannot stop the bridge for good.
 *
 * <p>Who is blamed: a message in {@code cur/} not counted before was in hand in a window of up
 * to {@code daemon.window} mails, and counts 1 (a suspect, worked on alone from now on); the one
 * the ledger marks as worked on alone counts 1 more; any other suspect in {@code cur/} (claimed,
 * waiting for the window to drain before its turn) keeps its count. So a mail that kills every
 * daemon reading it is quarantined at the start after the second death, the first in a batch and
 * the second alone, and good mail reaches the limit only by a death while it was worked on
 * alone: a host that kills the daemon again and again for another reason (an OOM killer, a
 * restart loop) does not set aside whatever happened to be in the window each time.
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
        // Read before anything else: the mark names the mail alone when the previous daemon died.
        Optional<String> alone = ledger.markedAlone();
        ledger.load(spool);
        int n = 0;
        for (SpoolEntry e : spool.claimed()) {
            int before = ledger.crashes(e.name());
            boolean blamed = before == 0 || alone.filter(e.name()::equals).isPresent();
            int crashes = blamed ? ledger.recordCrash(e.name()) : before;
            if (crashes >= CRASH_LIMIT) {
                QuarantineNote note = new QuarantineNote(QuarantineReason.CRASHED, "", "in hand at " + crashes
                        + " deaths of the daemon, the last counted while it was worked on alone", clock.instant());
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
                LOG.warn("{}", LogFmt.msg("recovered").kv("name", e.name()).kv("crashes", crashes)
                        .kv("counted", blamed));
            }
            spool.release(e);
            n++;
        }
        // Also when it names a mail no longer in cur/ (settled just before the death): it blames no one.
        ledger.clearAlone();
        return n;
    }
}
