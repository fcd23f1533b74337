package org.mailbridge.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.testing.TestMail;

/** Many deliveries at once within one process: same pid, same millisecond; names must still differ. */
class DeliverInProcessTest {
    @TempDir
    Path dir;

    @Test
    void aWriterThatTricklesOneByteAtATimeIsStillRecognisedAsMail() throws Exception {
        Path spool = dir.resolve("spool");
        byte[] mail = ("From sender@example.org Sat Nov 28 10:00:00 2026\n" + TestMail.plain("slow").text()).getBytes();
        java.io.InputStream trickle = new ByteArrayInputStream(mail) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        int code = Deliver.run(new String[] {"--spool", spool.toString()}, trickle,
                new PrintStream(new ByteArrayOutputStream()), Map.of());
        assertThat(code).isZero();
        try (Stream<Path> s = Files.list(spool.resolve("new"))) {
            assertThat(Files.readAllBytes(s.findFirst().orElseThrow())).isEqualTo(mail);
        }
    }

    @Test
    void fiveHundredParallelDeliveriesMakeFiveHundredFiles() throws Exception {
        Path spool = dir.resolve("spool");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> codes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            byte[] mail = TestMail.plain("p-" + i).bytes();
            Callable<Integer> task = () -> Deliver.run(new String[] {"--spool", spool.toString()},
                    new ByteArrayInputStream(mail), new PrintStream(new ByteArrayOutputStream()), Map.of());
            codes.add(pool.submit(task));
        }
        for (Future<Integer> c : codes) {
            assertThat(c.get()).isZero();
        }
        pool.shutdown();
        try (Stream<Path> s = Files.list(spool.resolve("new"))) {
            assertThat(s.count()).isEqualTo(500);
        }
    }
}
