package org.mailbridge.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.testing.CliProcess;
import org.mailbridge.testing.TestMail;

/** {@code mailbridge deliver} run as procmail runs it: a fresh JVM per message, stdin, exit status. */
class DeliverCliTest {
    @TempDir
    Path dir;

    private CliProcess.Result deliver(Path spool, byte[] input) throws Exception {
        return CliProcess.run(List.of("deliver", "--spool", spool.toString()), input, Map.of());
    }

    private static List<Path> files(Path d) throws Exception {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aMessageIsInNewWithTheSameBytesWhenDeliverSucceeds() throws Exception {
        Path spool = dir.resolve("spool");
        byte[] mail = TestMail.plain("ok-1").bytes();
        CliProcess.Result r = deliver(spool, mail);
        assertThat(r.exit()).as(r.stderr()).isZero();
        List<Path> inNew = files(spool.resolve("new"));
        assertThat(inNew).hasSize(1);
        assertThat(Files.readAllBytes(inNew.get(0))).isEqualTo(mail);
        assertThat(files(spool.resolve("tmp"))).isEmpty();
        // whatever the umask of the delivering account, the daemon's group can read it
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(inNew.get(0)))).isEqualTo("rw-r-----");
    }

    /** deliver ends its JVM with halt, which flushes nothing: what it printed must still arrive whole. */
    @Test
    void deliversHelpAndErrorsArriveWholeThoughTheJvmIsHalted() throws Exception {
        CliProcess.Result help = CliProcess.run(List.of("deliver", "--help"), new byte[0], Map.of());
        assertThat(help.exit()).isZero();
        assertThat(help.stdout()).startsWith("Usage: mailbridge deliver").contains("--sender");
        CliProcess.Result bad = CliProcess.run(List.of("deliver", "--sender", "no spaces allowed"), new byte[0], Map.of());
        assertThat(bad.exit()).isEqualTo(64);
        assertThat(bad.stderr()).contains("msg=\"usage\"").endsWith("\n");
    }

    @Test
    void thePerMailPathLoadsNeitherPicocliNorJacksonNorLogging() throws Exception {
        Path spool = dir.resolve("spool");
        CliProcess.Result r = CliProcess.run(List.of("deliver", "--spool", spool.toString()),
                TestMail.plain("classes").bytes(), Map.of("JAVA_TOOL_OPTIONS", "-verbose:class"));
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout()).as("the class-loading log").contains("org.mailbridge.deliver.DeliverOptions")
                .doesNotContain("picocli.").doesNotContain("com.fasterxml.").doesNotContain("org.slf4j.")
                .doesNotContain("ch.qos.logback.");
    }

    @Test
    void anUnwritableSpoolIsATemporaryFailure() throws Exception {
        Path spool = dir.resolve("ro");
        Files.createDirectories(spool);
        Files.setPosixFilePermissions(spool, PosixFilePermissions.fromString("r-x------"));
        // root ignores permissions; a file where the spool should be is unwritable for everyone
        Path blocked = Files.writeString(dir.resolve("blocked"), "not a directory");
        Path target = isRoot() ? blocked : spool;
        CliProcess.Result r = deliver(target, TestMail.plain("ro-1").bytes());
        assertThat(r.exit()).as(r.stderr()).isEqualTo(75);
        assertThat(r.stderr()).contains("level=error");
    }

    @Test
    void binaryJunkExits65AndIsKeptInQuarantineWithAReason() throws Exception {
        Path spool = dir.resolve("spool");
        byte[] junk = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0};
        CliProcess.Result r = deliver(spool, junk);
        assertThat(r.exit()).isEqualTo(65);
        List<Path> q = files(spool.resolve("quarantine"));
        assertThat(q).hasSize(2);
        Path msg = q.stream().filter(p -> !p.toString().endsWith(".reason")).findFirst().orElseThrow();
        assertThat(Files.readAllBytes(msg)).isEqualTo(junk);
        assertThat(Files.readString(Path.of(msg + ".reason"))).startsWith("reason: not-mail\n").contains("NUL byte");
        assertThat(files(spool.resolve("new"))).isEmpty();
    }

    @Test
    void emptyInputAndPlainTextAreNotMail() throws Exception {
        Path spool = dir.resolve("spool");
        assertThat(deliver(spool, new byte[0]).exit()).isEqualTo(65);
        assertThat(deliver(spool, "just some words\nand more\n".getBytes(StandardCharsets.UTF_8)).exit()).isEqualTo(65);
        assertThat(files(spool.resolve("quarantine"))).hasSize(4);
        assertThat(Files.readString(files(spool.resolve("quarantine")).stream()
                .filter(p -> p.toString().endsWith(".reason")).findFirst().orElseThrow())).contains("reason: not-mail");
    }

    @Test
    void anMboxEnvelopeLineBeforeTheHeadersIsMail() throws Exception {
        Path spool = dir.resolve("spool");
        byte[] mail = ("From bugzilla@example.org  Sat Nov 28 10:00:00 2026\n" + TestMail.plain("env").text())
                .getBytes(StandardCharsets.UTF_8);
        assertThat(deliver(spool, mail).exit()).isZero();
        assertThat(files(spool.resolve("new"))).hasSize(1);
    }

    @Test
    void unknownOptionIsAUsageError() throws Exception {
        CliProcess.Result r = CliProcess.run(List.of("deliver", "--bogus"), new byte[0], Map.of());
        assertThat(r.exit()).isEqualTo(64);
        assertThat(r.stderr()).contains("--bogus");
    }

    @Test
    void theSpoolComesFromTheConfigFile() throws Exception {
        Path spool = dir.resolve("configured-spool");
        Path conf = Files.writeString(dir.resolve("c.toml"), "# site config\nspool = \"" + spool + "\" # here\n\n[daemon]\n");
        CliProcess.Result r = CliProcess.run(List.of("deliver", "--conf", conf.toString()), TestMail.plain("c").bytes(),
                Map.of());
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(files(spool.resolve("new"))).hasSize(1);
    }

    @Test
    void concurrentDeliversNeverClashAndLoseNothing() throws Exception {
        Path spool = dir.resolve("spool");
        int processes = 12;
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        List<Future<CliProcess.Result>> results = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            byte[] mail = TestMail.plain("conc-" + i).bytes();
            results.add(pool.submit(() -> deliver(spool, mail)));
        }
        for (Future<CliProcess.Result> f : results) {
            assertThat(f.get().exit()).as(f.get().stderr()).isZero();
        }
        pool.shutdown();
        List<Path> inNew = files(spool.resolve("new"));
        assertThat(inNew).hasSize(processes);
        Set<String> ids = new HashSet<>();
        for (Path p : inNew) {
            String text = Files.readString(p);
            ids.add(text.substring(text.indexOf("Message-ID:")));
        }
        assertThat(ids).as("every message intact and distinct").hasSize(processes);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
