package org.mailbridge.intake.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.ImapSettings;
import org.mailbridge.pipeline.Interpretation;
import org.mailbridge.pipeline.Interpreter;
import org.mailbridge.pipeline.Interpreters;
import org.mailbridge.spool.Envelope;
import org.mailbridge.spool.EnvelopeFile;
import org.mailbridge.spool.Spool;
import org.mailbridge.spool.SpoolEntry;
import org.mailbridge.testing.FixedClock;
import org.mailbridge.testing.TestConfigs;
import org.mailbridge.testing.TestImap;
import org.mailbridge.testing.TestMail;

/** The IMAP intake against GreenMail: what reaches the spool, what is left on the server, crashes in between. */
class ImapIntakeTest {
    @TempDir
    Path dir;

    private ImapIntake intake;

    @AfterEach
    void stop() {
        if (intake != null) {
            intake.stop(Duration.ofSeconds(5));
        }
    }

    private ImapSettings settings(TestImap.User u, boolean tls, ImapSettings.After after, boolean idle) {
        return new ImapSettings(tls, "127.0.0.1", tls ? TestImap.imapsPort() : TestImap.imapPort(), u.login(), "INBOX",
                u.passwordFile(), tls ? Optional.of(TestImap.certs().cert()) : Optional.empty(), after, "Done",
                Duration.ofMillis(200), idle, Duration.ofMillis(100), Duration.ofMillis(400));
    }

    private Spool spool() throws Exception {
        Spool s = new Spool(dir.resolve("spool"));
        s.ensureLayout();
        return s;
    }

    private ImapIntake start(ImapSettings s, Spool spool, MailboxPass.CrashPoint crash) throws Exception {
        intake = new ImapIntake(s, spool, crash);
        intake.start();
        return intake;
    }

    static void await(String what, Callable<Boolean> cond) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            if (cond.call()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    @Test
    void overTlsWithIdleMailIsSpooledThenMovedAndNewMailArrivesWhileRunning() throws Exception {
        TestImap.User u = TestImap.newUser(dir);
        for (int i = 0; i < 3; i++) {
            u.append("INBOX", TestMail.plain("tls-" + i).bytes());
        }
        Spool spool = spool();
        start(settings(u, true, ImapSettings.After.MOVE, true), spool, MailboxPass.CrashPoint.NONE);
        await("3 spooled and moved", () -> spool.waiting().size() == 3 && u.count("Done") == 3);
        assertThat(u.count("INBOX")).isZero();
        u.append("INBOX", TestMail.plain("tls-late").bytes());
        await("the late one", () -> spool.waiting().size() == 4 && u.count("Done") == 4);
        Envelope env = new EnvelopeFile(spool).read(spool.waiting().get(0).name()).orElseThrow();
        assertThat(env.protocol()).isEqualTo("imap");
        assertThat(env.sender()).as("IMAP gives no envelope sender").isNull();
        assertThat(env.source()).startsWith("imaps://" + u.login() + "@127.0.0.1:").contains(";UIDVALIDITY=");
    }

    @Test
    void flagModeWhilePollingLeavesTheMessagesSeenInPlace() throws Exception {
        TestImap.User u = TestImap.newUser(dir);
        for (int i = 0; i < 3; i++) {
            u.append("INBOX", TestMail.plain("flag-" + i).bytes());
        }
        Spool spool = spool();
        start(settings(u, false, ImapSettings.After.FLAG, false), spool, MailboxPass.CrashPoint.NONE);
        await("3 spooled and flagged", () -> spool.waiting().size() == 3 && u.seen("INBOX") == 3);
        Thread.sleep(600); // several more polls: seen mail is not fetched again
        assertThat(spool.waiting()).hasSize(3);
        assertThat(u.count("INBOX")).isEqualTo(3);
    }

    @Test
    void aCrashAfterTheSpoolWriteIsRecognisedOnRestartAndOnlyMoved() throws Exception {
        TestImap.User u = TestImap.newUser(dir);
        Spool spool = spool();
        ImapSettings s = crashedOnce(u, "crash-recorded", spool, "recorded");
        Thread.sleep(300);
        assertThat(u.count("INBOX")).as("not moved: the crash came first").isEqualTo(1);
        intake.stop(Duration.ofSeconds(2));

        start(s, spool, MailboxPass.CrashPoint.NONE);
        await("moved after the restart", () -> u.count("Done") == 1);
        assertThat(u.count("INBOX")).isZero();
        assertThat(spool.waiting()).as("recognised by UIDVALIDITY and UID: not spooled twice").hasSize(1);
    }

    @Test
    void aCrashBeforeTheSeenLogSpoolsAgainUnderTheSameEventId() throws Exception {
        TestImap.User u = TestImap.newUser(dir);
        Spool spool = spool();
        ImapSettings s = crashedOnce(u, "crash-spooled", spool, "spooled");
        intake.stop(Duration.ofSeconds(2));
        start(s, spool, MailboxPass.CrashPoint.NONE);
        await("moved after the restart", () -> u.count("Done") == 1);

        List<SpoolEntry> twins = spool.waiting();
        assertThat(twins).as("the narrow window: fetched twice").hasSize(2);
        Interpreter in = Interpreters.create(TestConfigs.write(dir, TestConfigs.toml(spool.root(), "amqp://127.0.0.1:1")),
                FixedClock.CLOCK);
        String first = ((Interpretation.Publishable) in.interpret(twins.get(0).path(), x -> { })).events().get(0).id();
        String second = ((Interpretation.Publishable) in.interpret(twins.get(1).path(), x -> { })).events().get(0).id();
        assertThat(second).as("consumers drop the second by id").isEqualTo(first);
    }

    @Test
    void aMessageIdAlreadySpooledUnderAnotherUidValidityIsNotSpooledAgain() throws Exception {
        TestImap.User u = TestImap.newUser(dir);
        u.append("INBOX", TestMail.plain("rebuilt").bytes());
        Spool spool = spool();
        ImapSettings s = settings(u, false, ImapSettings.After.MOVE, false);
        // The log of a mailbox since rebuilt: other UIDVALIDITY, same Message-ID.
        ImapIntake probe = new ImapIntake(s, spool);
        Path log = probeSeenFile(probe);
        Files.createDirectories(log.getParent());
        Files.writeString(log, "1 77 <rebuilt@example.org>\n");
        start(s, spool, MailboxPass.CrashPoint.NONE);
        await("moved", () -> u.count("Done") == 1);
        assertThat(spool.waiting()).isEmpty();
    }

    @Test
    void aWrongPasswordIsRetriedWithBackOffUntilTheFileIsFixed() throws Exception {
        TestImap.User u = TestImap.newUser(dir);
        String good = Files.readString(u.passwordFile());
        Files.writeString(u.passwordFile(), "wrong\n");
        u.append("INBOX", TestMail.plain("retry").bytes());
        Spool spool = spool();
        start(settings(u, false, ImapSettings.After.MOVE, true), spool, MailboxPass.CrashPoint.NONE);
        Thread.sleep(700);
        assertThat(spool.waiting()).isEmpty();
        Files.writeString(u.passwordFile(), good);
        await("spooled after the fix", () -> spool.waiting().size() == 1 && u.count("Done") == 1);
    }

    /** One message in the inbox, and an intake that dies at the crash point after spooling it. */
    private ImapSettings crashedOnce(TestImap.User u, String messageId, Spool spool, String point) throws Exception {
        u.append("INBOX", TestMail.plain(messageId).bytes());
        ImapSettings s = settings(u, false, ImapSettings.After.MOVE, false);
        start(s, spool, where -> {
            if (where.equals(point)) {
                throw new ImapIntake.CrashedForTest();
            }
        });
        await("spooled", () -> spool.waiting().size() == 1);
        return s;
    }

    private static Path probeSeenFile(ImapIntake probe) throws Exception {
        var m = ImapIntake.class.getDeclaredMethod("seenFile");
        m.setAccessible(true);
        return (Path) m.invoke(probe);
    }
}
