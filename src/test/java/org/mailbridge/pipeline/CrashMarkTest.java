package org.mailbridge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.event.Event;
import org.mailbridge.publish.Dispatcher;
import org.mailbridge.publish.Publisher;
import org.mailbridge.publish.Router;
import org.mailbridge.spool.CrashLedger;
import org.mailbridge.spool.Disk;
import org.mailbridge.spool.Spool;
import org.mailbridge.spool.SpoolEntry;
import org.mailbridge.testing.FixedClock;
import org.mailbridge.testing.ForwardingDisk;
import org.mailbridge.testing.FullDisk;
import org.mailbridge.testing.RecordingPublisher;
import org.mailbridge.testing.TestMail;
import org.mailbridge.testing.WrappedPublisher;

/**
 * A crash suspect worked on alone is named in {@code state/alone} for exactly as long as it is
 * in hand, so that the crash-loop breaker can blame a death on it and on no other mail.
 */
class CrashMarkTest {
    @TempDir
    Path dir;

    private Spool spool;
    private CrashLedger ledger;

    private Pipeline pipeline(Disk disk, Publisher main) throws Exception {
        Config c = ConfigLoader.parse("spool = \"" + dir.resolve("spool") + "\"\nrules_dirs = []\n"
                + "unclaimed = \"publish\"\n[domains.main]\nurl = \"amqp://x\"\n", dir.resolve("c.toml"), Map.of());
        spool = new Spool(c.spool(), disk);
        spool.ensureLayout();
        ledger = new CrashLedger(spool);
        Dispatcher d = new Dispatcher(new Router(c.domains(), "org.fedoraproject.prod."), Map.of("main", main));
        return new Pipeline(spool, ledger, Interpreters.create(c, FixedClock.CLOCK), d, false, 3, FixedClock.CLOCK);
    }

    private SpoolEntry claimed(TestMail mail) throws Exception {
        return spool.claim(spool.commit(spool.stage(new ByteArrayInputStream(mail.bytes())))).orElseThrow();
    }

    @Test
    void theMailWorkedOnAloneIsMarkedWhileInHandAndNoLonger() throws Exception {
        RecordingPublisher inner = new RecordingPublisher("main");
        AtomicReference<Optional<String>> markedAtSend = new AtomicReference<>();
        Publisher main = new WrappedPublisher(inner) {
            @Override
            public CompletableFuture<Void> send(List<Event> events) {
                try {
                    markedAtSend.set(ledger.markedAlone());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                return inner.send(events);
            }
        };
        Pipeline p = pipeline(Disk.REAL, main);
        SpoolEntry e = claimed(TestMail.plain("suspect"));
        assertThat(p.processAlone(e)).isInstanceOf(Outcome.Published.class);
        assertThat(markedAtSend.get()).contains(e.name());
        assertThat(ledger.markedAlone()).isEmpty();
        assertThat(spool.root().resolve("state/alone")).doesNotExist();
    }

    /** Unmarked, a mail that kills the daemon could do so at every start without ever being blamed. */
    @Test
    void aMarkThatCannotBeWrittenHoldsTheMailInsteadOfWorkingOnItUnmarked() throws Exception {
        RecordingPublisher main = new RecordingPublisher("main");
        FullDisk disk = new FullDisk();
        Pipeline p = pipeline(disk, main);
        SpoolEntry e = claimed(TestMail.plain("suspect"));
        disk.fill();
        Outcome o = p.processAlone(e);
        assertThat(o).isInstanceOfSatisfying(Outcome.Held.class,
                h -> assertThat(h.error()).hasMessageContaining("No space left on device"));
        assertThat(main.published()).isEmpty();
        assertThat(spool.waiting()).extracting(SpoolEntry::name).containsExactly(e.name());
        assertThat(spool.claimed()).isEmpty();
        assertThat(spool.root().resolve("state/alone")).as("no half-written mark left").doesNotExist();
        // Once the disk has room again, it goes out, and the mark is gone.
        disk.free();
        assertThat(p.processAlone(spool.claim(spool.waiting().get(0)).orElseThrow())).isInstanceOf(Outcome.Published.class);
        assertThat(main.published()).hasSize(1);
        assertThat(ledger.markedAlone()).isEmpty();
    }

    @Test
    void aMarkThatNamesNoSpoolMessageIsNone() throws Exception {
        pipeline(Disk.REAL, new RecordingPublisher("main"));
        Path alone = spool.root().resolve("state/alone");
        java.nio.file.Files.createDirectories(alone.getParent());
        for (String garbage : List.of("", "\n", "../new/x\n", ".hidden\n")) {
            java.nio.file.Files.writeString(alone, garbage);
            assertThat(ledger.markedAlone()).as("mark %s", garbage).isEmpty();
        }
        java.nio.file.Files.write(alone, new byte[] {(byte) 0xff, 'x', '\n'});
        assertThat(ledger.markedAlone()).isEmpty();
        ledger.markAlone("1700000001.M1P1Q1R1.test");
        assertThat(ledger.markedAlone()).contains("1700000001.M1P1Q1R1.test");
        ledger.clearAlone();
        assertThat(ledger.markedAlone()).isEmpty();
    }

    /**
     * The mark's creation and its removal are made durable, each by a sync of {@code state/}
     * after it: a mark lost to a power cut could not blame a killer, one that came back would
     * count the cut against a mail put back in {@code new/}.
     */
    @Test
    void theMarkAndItsRemovalAreEachFollowedByASyncOfTheDirectory() throws Exception {
        List<String> ops = new java.util.concurrent.CopyOnWriteArrayList<>();
        Disk recording = new ForwardingDisk() {
            @Override
            public void writeSynced(Path file, byte[] data) throws java.io.IOException {
                super.writeSynced(file, data);
                ops.add("write " + spool.root().relativize(file));
            }

            @Override
            public void syncDirectory(Path d) throws java.io.IOException {
                super.syncDirectory(d);
                ops.add("sync " + spool.root().relativize(d) + (java.nio.file.Files.exists(d.resolve("alone")) ? " (marked)" : " (unmarked)"));
            }
        };
        Pipeline p = pipeline(recording, new RecordingPublisher("main"));
        SpoolEntry e = claimed(TestMail.plain("suspect"));
        ops.clear();
        assertThat(p.processAlone(e)).isInstanceOf(Outcome.Published.class);
        assertThat(ops).filteredOn(op -> op.contains("state")).containsExactly(
                "write state/alone", "sync state (marked)", "sync state (unmarked)");
        ops.clear();
        ledger.clearAlone();
        assertThat(ops).as("nothing to remove, nothing to sync").isEmpty();
    }
}
