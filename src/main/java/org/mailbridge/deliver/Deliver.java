package org.mailbridge.deliver;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.mailbridge.config.ConfigException;
import org.mailbridge.config.ConfigLocation;
import org.mailbridge.config.SpoolKeyReader;
import org.mailbridge.exit.ExitCode;
import org.mailbridge.spool.Delivery;
import org.mailbridge.spool.QuarantineReason;
import org.mailbridge.spool.Spool;

/**
 * {@code mailbridge deliver}: puts one message from stdin (or {@code --input}) into the spool.
 * It runs once per mail from procmail, in a fresh JVM, so it is dispatched before picocli and
 * uses only the JDK and the spool classes; its help text still comes from the picocli model.
 *
 * <p>Exit 0 only after the message is synced and renamed into {@code new/}. 75 for anything
 * transient (spool missing, unwritable, disk full) so the MTA retries; 65 for input that is not
 * mail at all, which is still kept in {@code quarantine/} so nothing is dropped.
 */
public final class Deliver {
    private Deliver() {
    }

    /** Options of the deliver command. */
    record Options(Path input, Path conf, Path spool) {
    }

    /** Runs the command and returns the process exit status. */
    public static int run(String[] args, InputStream stdin, PrintStream err, Map<String, String> env) {
        Options opts;
        try {
            opts = parse(args);
        } catch (IllegalArgumentException e) {
            log(err, "error", "usage", e.getMessage() + " (see: mailbridge deliver --help)");
            return ExitCode.USAGE.code();
        }
        Spool spool;
        try {
            spool = new Spool(spoolPath(opts, env));
        } catch (ConfigException e) {
            log(err, "error", "config", e.getMessage());
            return ExitCode.CONFIG.code();
        } catch (IOException e) {
            log(err, "error", "config", "cannot read configuration: " + e);
            return ExitCode.TEMP_FAIL.code();
        }
        try {
            spool.ensureLayout();
        } catch (IOException | RuntimeException e) {
            log(err, "error", "spool unavailable", spool.root() + ": " + e);
            return ExitCode.TEMP_FAIL.code();
        }
        InputStream in = stdin;
        if (opts.input() != null) {
            try {
                in = Files.newInputStream(opts.input());
            } catch (IOException e) {
                log(err, "error", "cannot read input", opts.input() + ": " + e);
                return ExitCode.IO_ERROR.code();
            }
        }
        try (InputStream input = in) {
            return deliver(spool, input, err);
        } catch (IOException | RuntimeException e) {
            log(err, "error", "deliver failed", spool.root() + ": " + e);
            return ExitCode.TEMP_FAIL.code();
        }
    }

    private static int deliver(Spool spool, InputStream in, PrintStream err) throws IOException {
        Delivery.Result r = Delivery.deliver(spool, Spool.source(in), null);
        if (r instanceof Delivery.NotMail junk) {
            log(err, "error", "quarantined", QuarantineReason.NOT_MAIL.code() + ": " + junk.why() + " name="
                    + junk.entry().name());
            return ExitCode.DATA_ERROR.code();
        }
        return ExitCode.OK.code();
    }

    private static Path spoolPath(Options opts, Map<String, String> env) throws ConfigException, IOException {
        if (opts.spool() != null) {
            return opts.spool();
        }
        Optional<Path> conf = ConfigLocation.find(opts.conf(), env);
        if (conf.isPresent()) {
            Optional<String> s = SpoolKeyReader.read(conf.get());
            if (s.isPresent()) {
                return Path.of(s.get());
            }
        }
        return ConfigLocation.defaultSpool(env);
    }

    static Options parse(String[] args) {
        Path input = null;
        Path conf = null;
        Path spool = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            String name = a;
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (!name.equals("--input") && !name.equals("-i") && !name.equals("--conf") && !name.equals("--spool")) {
                throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--conf" -> conf = Path.of(value);
                case "--spool" -> spool = Path.of(value);
                default -> input = Path.of(value);
            }
        }
        return new Options(input, conf, spool);
    }

    /** One logfmt line on stderr, which procmail copies to its log. */
    private static void log(PrintStream err, String level, String msg, String detail) {
        err.println("ts=" + Instant.now() + " level=" + level + " cmd=deliver msg=\"" + msg + "\" detail=\""
                + detail.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"");
    }
}
