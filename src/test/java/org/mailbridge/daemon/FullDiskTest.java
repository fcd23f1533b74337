package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.consume.EventConsumer;
import org.mailbridge.spool.Spool;
import org.mailbridge.status.SpoolReport;
import org.mailbridge.testing.FullDisk;
import org.mailbridge.testing.HostileMail;
import org.mailbridge.testing.TestBroker;
import org.mailbridge.testing.TestConfigs;
import org.mailbridge.testing.TestMail;

/**
 * Issue 9, F2 and F5: with the spool's file system full, the first mail to quarantine made
 * {@code Quarantine.put} throw, the daemon exit 70 at every start and nothing go out, and a
 * zero-length {@code .reason} stayed in {@code tmp/} for good.
 */
class FullDiskTest {
    @TempDir
    Path dir;

    @Test
    void aFullSpoolKeepsPublishingAndQuarantinesOnceThereIsRoomAgain() throws Exception {
        Path spool = dir.resolve("spool");
        Config config = TestConfigs.write(dir, TestConfigs.toml(spool, TestBroker.get().url()));
        SpoolFiles.put(spool, "new", 0, HostileMail.nested("needs-quarantine", 100));
        for (int i = 1; i <= 10; i++) {
            SpoolFiles.put(spool, "new", i, TestMail.plain("full-" + i).bytes());
        }
        FullDisk disk = new FullDisk();
        disk.fill();
        try (EventConsumer consumer = SpoolFiles.consumer(config, TestBroker.get().url());
             RunningDaemon d = RunningDaemon.start(config, disk)) {
            assertThat(SpoolFiles.subjects(consumer, 10, Duration.ofSeconds(60))).hasSize(10);
            assertThat(disk.refused()).isPositive();
            // It is retried every retry_max, and is in cur/ for the moment of each try.
            Path waiting = spool.resolve("new").resolve(SpoolFiles.name(0));
            long settle = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!EndToEndTest.list(spool.resolve("new")).equals(List.of(waiting)) && System.nanoTime() < settle) {
                Thread.sleep(20);
            }
            assertThat(EndToEndTest.list(spool.resolve("new"))).as("the mail that needs a reason waits")
                    .containsExactly(waiting);
            assertThat(EndToEndTest.list(spool.resolve("quarantine"))).isEmpty();
            assertThat(EndToEndTest.list(spool.resolve("tmp"))).as("no half-written reason left").isEmpty();
            Thread.sleep(1200); // a heartbeat or outcome writes the state that status reads
            SpoolReport report = SpoolReport.of(new Spool(spool, disk), config.status(), config.spoolReserve(),
                    Clock.systemUTC());
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith("disk: "));

            disk.free();
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!Files.exists(spool.resolve("quarantine").resolve(SpoolFiles.name(0))) && System.nanoTime() < end) {
                Thread.sleep(100);
            }
        }
        assertThat(SpoolFiles.reason(spool, 0)).isEqualTo("reason: malformed");
        assertThat(EndToEndTest.list(spool.resolve("new"))).isEmpty();
    }

    /** F5: stale files in tmp/ (a killed deliver, a reason a full disk stranded) go while the daemon runs. */
    @Test
    void staleTmpFilesAndReasonsAreSweptWhileRunning() throws Exception {
        Path spool = dir.resolve("spool");
        Config config = TestConfigs.write(dir, TestConfigs.toml(spool, TestBroker.get().url())
                .replace("[daemon]\n", "[daemon]\nsweep_interval = \"200ms\"\ntmp_max_age = \"1h\"\n"));
        try (RunningDaemon d = RunningDaemon.start(config)) {
            Path partial = SpoolFiles.put(spool, "tmp", 1, "From: half".getBytes());
            Path reason = Files.write(spool.resolve("tmp").resolve(SpoolFiles.name(2) + ".reason"), new byte[0]);
            Path fresh = SpoolFiles.put(spool, "tmp", 3, "From: still writing".getBytes());
            FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
            Files.setLastModifiedTime(partial, old);
            Files.setLastModifiedTime(reason, old);
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((Files.exists(partial) || Files.exists(reason)) && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertThat(partial).doesNotExist();
            assertThat(reason).doesNotExist();
            assertThat(fresh).exists();
        }
    }
}
