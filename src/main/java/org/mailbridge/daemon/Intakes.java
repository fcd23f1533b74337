package org.mailbridge.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.mailbridge.config.IntakeSettings;
import org.mailbridge.intake.Intake;
import org.mailbridge.intake.IntakeException;
import org.mailbridge.intake.imap.ImapIntake;
import org.mailbridge.intake.smtp.SmtpIntake;
import org.mailbridge.spool.Spool;

/**
 * The intakes a configuration enables, started together after the spool is ready and stopped
 * together, in reverse order, before anything else stops.
 */
final class Intakes {
    private final List<Intake> all = new ArrayList<>();
    private final List<Intake> running = new ArrayList<>();

    Intakes(IntakeSettings settings, Spool spool) {
        settings.smtp().ifPresent(s -> all.add(new SmtpIntake(s, spool)));
        settings.imap().ifPresent(s -> all.add(new ImapIntake(s, spool)));
    }

    /** Starts every intake; if one cannot start, those already started are stopped again. */
    synchronized void start() throws DaemonException {
        for (Intake i : all) {
            try {
                i.start();
                running.add(i);
            } catch (IntakeException e) {
                stop(Duration.ofSeconds(5));
                throw new DaemonException(e.getMessage(), e);
            }
        }
    }

    /** Stops what runs; afterwards no intake acknowledges a message. Safe to call twice. */
    synchronized void stop(Duration grace) {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).stop(grace);
        }
        running.clear();
    }

    /** The intakes, for tests and status. */
    List<Intake> list() {
        return List.copyOf(all);
    }
}
