package org.mailbridge.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.testing.ForwardingDisk;

/** The spool's state machine: tmp → new → cur → done | new | quarantine. */
class SpoolTest {
    @TempDir
    Path dir;

    private SpoolEntry deliver(Spool s, String text) throws Exception {
        return s.commit(s.stage(new ByteArrayInputStream(text.getBytes())));
    }

    @Test
    void aMessageMovesThroughTheDirectoriesAndIsGoneWhenCompleted() throws Exception {
        Spool s = new Spool(dir);
        s.ensureLayout();
        SpoolEntry n = deliver(s, "A: b\n\nx\n");
        assertThat(n.path().getParent().getFileName().toString()).isEqualTo("new");
        SpoolEntry c = s.claim(n).orElseThrow();
        assertThat(c.path().getParent().getFileName().toString()).isEqualTo("cur");
        assertThat(s.claim(n)).as("a second claimant loses").isEmpty();
        s.complete(c, false);
        assertThat(Files.exists(c.path())).isFalse();
        assertThat(s.waiting()).isEmpty();
        assertThat(s.claimed()).isEmpty();
    }

    /**
     * Every directory the spool makes takes the root's mode, set-group-ID bit included, not the
     * umask of whoever made it first: a umask of 022 would give {@code rwxr-xr-x} here, and
     * procmail's 077 would lock the daemon's account out of {@code env/}.
     */
    @Test
    void directoriesTheSpoolMakesTakeTheRootsModeNotTheUmask() throws Exception {
        Path root = Files.createDirectory(dir.resolve("spool"));
        Files.setAttribute(root, "unix:mode", 03770); // set-group-ID and sticky: only the first is passed on
        Spool s = new Spool(root);
        s.ensureLayout();
        SpoolEntry c = s.claim(deliver(s, "A: b\n\n1\n")).orElseThrow();
        new CrashLedger(s).recordCrash(c.name());
        s.complete(c, true);
        for (String d : List.of("tmp", "new", "cur", "quarantine", "state", "env", "state/crashes", "archive")) {
            assertThat(Integer.toOctalString((Integer) Files.getAttribute(root.resolve(d), "unix:mode") & 07777))
                    .as(d).isEqualTo("2770");
        }
        // What exists is left alone: an admin's own choice for a directory stands.
        Files.setAttribute(root.resolve("env"), "unix:mode", 0750);
        s.ensureLayout();
        assertThat((Integer) Files.getAttribute(root.resolve("env"), "unix:mode") & 07777).isEqualTo(0750);
    }

    /** A spool root that is a symbolic link to the real directory (a spool moved to a bigger disk) works as one. */
    @Test
    void aSpoolWhoseRootIsASymbolicLinkWorks() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        Spool s = new Spool(link);
        s.ensureLayout();
        SpoolEntry n = deliver(s, "A: b\n\nx\n");
        assertThat(Files.exists(real.resolve("new").resolve(n.name()))).isTrue();
        s.ensureLayout(); // again, as every deliver does
        assertThat(s.waiting()).hasSize(1);
    }

    @Test
    void archiveKeepsAndReleaseReturns() throws Exception {
        Spool s = new Spool(dir);
        s.ensureLayout();
        SpoolEntry c = s.claim(deliver(s, "A: b\n\n1\n")).orElseThrow();
        SpoolEntry back = s.release(c);
        assertThat(s.waiting()).containsExactly(back);
        s.complete(s.claim(back).orElseThrow(), true);
        assertThat(Files.readString(dir.resolve("archive").resolve(back.name()))).isEqualTo("A: b\n\n1\n");
    }

    /**
     * Settling into the archive syncs its directory once for the lot; should that sync fail (an
     * I/O error), every mail moved in it is reported unsettled, for the operator to see the disk,
     * and none is lost: each is in the archive, or back in {@code cur/} after a power cut.
     */
    @Test
    void aFailedArchiveSyncReportsEveryMailItMoved() throws Exception {
        List<Path> synced = new ArrayList<>();
        Disk failingSync = new ForwardingDisk() {
            @Override
            public void syncDirectory(Path d) throws java.io.IOException {
                synced.add(d);
                if (d.getFileName().toString().equals("archive")) {
                    throw new java.nio.file.FileSystemException(d.toString(), null, "Input/output error");
                }
                super.syncDirectory(d);
            }
        };
        Spool s = new Spool(dir, failingSync);
        s.ensureLayout();
        List<SpoolEntry> claimed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            claimed.add(s.claim(deliver(s, "A: " + i + "\n\n")).orElseThrow());
        }
        assertThat(synced).as("deliver's commit syncs new/ through the disk").contains(dir.resolve("new"));
        synced.clear();
        var failed = s.completeAll(claimed, true);
        assertThat(failed.keySet()).containsExactlyInAnyOrderElementsOf(claimed.stream().map(SpoolEntry::name).toList());
        assertThat(failed.values()).allSatisfy(x -> assertThat(x).hasMessageContaining("Input/output error"));
        assertThat(synced).as("one sync for the lot").containsExactly(dir.resolve("archive"));
        for (SpoolEntry e : claimed) {
            assertThat(dir.resolve("archive").resolve(e.name())).exists();
        }
        assertThat(s.completeAll(List.of(), true)).isEmpty();
    }

    @Test
    void recoverReturnsEverythingACrashLeftInCur() throws Exception {
        Spool s = new Spool(dir);
        s.ensureLayout();
        s.claim(deliver(s, "A: 1\n\n")).orElseThrow();
        s.claim(deliver(s, "A: 2\n\n")).orElseThrow();
        assertThat(s.recover()).isEqualTo(2);
        assertThat(s.waiting()).hasSize(2);
        assertThat(s.claimed()).isEmpty();
    }

    /** Covers the bug where names mixed currentTimeMillis with nanoTime and sorted out of order. */
    @Test
    void waitingIsOldestFirstEvenWithinOneMillisecond() throws Exception {
        Spool s = new Spool(dir);
        s.ensureLayout();
        List<SpoolEntry> made = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            made.add(deliver(s, "A: " + i + "\n\n"));
        }
        assertThat(s.waiting()).containsExactlyElementsOf(made);
    }

    @Test
    void namesSortInTheOrderTheyAreMadeWhateverTheClockDoes() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            names.add(SpoolNames.next());
        }
        List<String> sorted = new ArrayList<>(names);
        Collections.sort(sorted);
        assertThat(sorted).isEqualTo(names);
        long t = SpoolNames.stamp(0);
        assertThat(SpoolNames.stamp(0)).as("a clock that steps back").isEqualTo(t + 1);
        assertThat(SpoolNames.stamp(t + 1_000_000)).isEqualTo(t + 1_000_000);
    }

    @Test
    void quarantineWritesTheReasonFirstAndReplayRemovesIt() throws Exception {
        Spool s = new Spool(dir);
        s.ensureLayout();
        SpoolEntry c = s.claim(deliver(s, "A: 1\n\n")).orElseThrow();
        Quarantine q = new Quarantine(s);
        q.put(c, new QuarantineNote(QuarantineReason.UNTRUSTED, "bugzilla", "sender x",
                Instant.parse("2026-11-29T00:00:00Z")));
        Quarantine.Item item = q.list().get(0);
        assertThat(item.note().reason().code()).isEqualTo("untrusted");
        assertThat(item.note().parser()).isEqualTo("bugzilla");
        assertThat(Files.readString(dir.resolve("quarantine").resolve(c.name() + ".reason")))
                .isEqualTo("reason: untrusted\nparser: bugzilla\ndetail: sender x\ntime: 2026-11-29T00:00:00Z\n");
        q.replay(item);
        assertThat(q.list()).isEmpty();
        assertThat(s.waiting()).hasSize(1);
        assertThat(Files.exists(dir.resolve("quarantine").resolve(c.name() + ".reason"))).isFalse();
    }

    @Test
    void hostileDetailCannotForgeASecondKey() {
        QuarantineNote n = QuarantineNote.of(QuarantineReason.PARSE_ERROR, "bad\nreason: trusted\r\nx");
        QuarantineNote back = QuarantineNote.parse(n.format());
        assertThat(back.reason().code()).isEqualTo("parse-error");
        assertThat(back.detail()).isEqualTo("bad reason: trusted x");
    }

    @Test
    void sweepRemovesOnlyOldTmpFiles() throws Exception {
        Spool s = new Spool(dir);
        s.ensureLayout();
        Path old = Files.writeString(dir.resolve("tmp").resolve("1.M1P1Q1R1.h"), "x");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path fresh = Files.writeString(dir.resolve("tmp").resolve("2.M1P1Q1R1.h"), "y");
        assertThat(s.sweepTmp(Duration.ofHours(36))).isEqualTo(1);
        assertThat(Files.exists(old)).isFalse();
        assertThat(Files.exists(fresh)).isTrue();
    }

    @Test
    void namesAreUniqueAndSafe() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String n = SpoolNames.next();
            assertThat(n).matches("[0-9]+\\.M[0-9]{6}P[0-9]+Q[0-9]+R[0-9a-f]{16}\\.[A-Za-z0-9._-]+");
            names.add(n);
        }
        assertThat(names).hasSize(10_000);
    }
}
