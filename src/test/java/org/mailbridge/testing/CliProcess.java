package org.mailbridge.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code mailbridge} in a fresh JVM, the way procmail or an operator runs it: real stdin,
 * real exit status, the test class path standing in for the jar.
 */
public final class CliProcess {
    private CliProcess() {
    }

    /**
     * The result of one run.
     *
     * @param exit the exit status
     * @param stdout what it printed on stdout
     * @param stderr what it printed on stderr
     */
    public record Result(int exit, String stdout, String stderr) {
    }

    /** Runs with the given stdin and extra environment. */
    public static Result run(List<String> args, byte[] stdin, Map<String, String> env) throws IOException, InterruptedException {
        Process p = start(args, env);
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException closedEarly) {
            // the command may exit before reading all of stdin; its exit status tells
        }
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("mailbridge " + args + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }

    /** Starts a long-running command (daemon, broker, consume); the caller reads and stops it. */
    public static Process start(List<String> args, Map<String, String> env) throws IOException {
        return start(List.of(), args, env);
    }

    /** Starts a command in a JVM with the given options ({@code -Xmx64m}). */
    public static Process start(List<String> jvmOptions, List<String> args, Map<String, String> env) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add("org.mailbridge.cli.Main");
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("MAILBRIDGE_CONF");
        pb.environment().putAll(env);
        return pb.start();
    }

    /** The threads of a running JVM ({@code jcmd PID Thread.print}), for a test that found it hung. */
    public static String threadDump(long pid) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            return new String(out, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    private static String classPath() {
        // Surefire runs tests from a manifest-only jar; this property holds the real class path.
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try {
                in.transferTo(b);
            } catch (IOException e) {
                // process gone
            }
            return b.toByteArray();
        });
    }
}
