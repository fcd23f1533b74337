package org.mailbridge.bench;

import java.nio.file.Path;

/**
 * The suite's options.
 *
 * @param repo the checkout (for bin/mailbridge and bench/)
 * @param jar the runnable jar
 * @param quick tiny inputs, one round
 * @param runs rounds of each throughput figure
 * @param mails mails of the measured burst in each daemon drain
 * @param corpus extra .eml files for the parse figures, or null
 * @param only the benchmarks to run (drain, parse, latency, deliver, smtp (needs deliver for its ratio), memory, big), empty for all
 */
record Options(Path repo, Path jar, boolean quick, int runs, int mails, Path corpus, java.util.Set<String> only) {
    static Options parse(String[] args) {
        Path repo = Path.of(".").toAbsolutePath().normalize();
        boolean quick = false;
        Integer runs = null;
        Integer mails = null;
        Path corpus = null;
        java.util.Set<String> only = new java.util.LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--mails" -> mails = Integer.parseInt(args[++i]);
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--only" -> only.addAll(java.util.List.of(args[++i].split(",")));
                case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath().normalize();
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --quick, --runs R, --mails N, --corpus DIR, --only drain,parse,latency,deliver,smtp,memory,big)");
            }
        }
        return new Options(repo, repo.resolve("target/mailbridge.jar"), quick,
                runs != null ? runs : quick ? 1 : 3, mails != null ? mails : quick ? 20 : 10_000, corpus, only);
    }

    /** Whether the benchmark {@code name} is to run. */
    boolean runs(String name) {
        return only.isEmpty() || only.contains(name);
    }

    /** Messages per raw-publisher round: enough to last a second or so at the broker's rate. */
    int rawMessages() {
        return quick ? 50 : 20_000;
    }

    /** Mails the drained daemon takes first, to be warm when the measured burst arrives. */
    int warmMails() {
        return quick ? 20 : 10_000;
    }

    /**
     * Unmeasured rounds (a daemon burst and a raw-publisher round) at most before the measured
     * ones, each drain: they end early once a burst found the daemon's JIT compiler done.
     */
    int warmBursts() {
        return quick ? 0 : 12;
    }

    /** Mails sent over SMTP, untimed, before the SMTP intake figure. */
    int smtpWarmMails() {
        return quick ? 10 : 3000;
    }

    /** Mails of the SMTP intake figure. */
    int smtpMails() {
        return quick ? 20 : 5000;
    }

    /** Runs per variant of the deliver figures. */
    int deliverRuns() {
        return quick ? 2 : 30;
    }

    /** Mails of the memory figure. */
    int backlog() {
        return quick ? 50 : 10_000;
    }

    /** Seconds of the latency figure. */
    double latencySeconds() {
        return quick ? 0.5 : 15;
    }

    /** Size of the big mail, MiB. */
    int bigMib() {
        return quick ? 2 : 100;
    }
}
