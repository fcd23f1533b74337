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
import org.mailbridge.spool.Envelope;
import org.mailbridge.spool.QuarantineReason;
import org.mailbridge.spool.Spool;

/**
 * {@code mailbridge deliver}: puts one message from stdin (or {@code --input}) into the spool.
 * It runs once per mail from procmail, in a fresh JVM, so it is dispatched before picocli and
 * uses only the JDK and the spool classes; its help text still comes from the picocli model.
 *
 * <p>The envelope sender the MTA gives ({@code --sender "$SENDER"}) is recorded beside the message
 * ({@link Envelope}, in {@code env/}); it is the only envelope sender the daemon believes.
 *
 * <p>Exit 0 only after the message is synced and renamed into {@code new/}. 75 for anything
 * transient (spool missing, unwritable, disk full or under {@code spool_reserve}) so the MTA retries; 65 for input that is not
 * mail at all, which is still kept in {@code quarantine/} so nothing is dropped.
 */
public final class Deliver {
    /** Free bytes left for the daemon when the configuration does not say (a constant: no class loads). */
    static final long DEFAULT_RESERVE = org.mailbridge.config.Config.DEFAULT_SPOOL_RESERVE;
    private static final java.util.List<String> OPTIONS =
            java.util.List.of("--input", "-i", "--conf", "--spool", "--sender", "-f");

    private Deliver() {
    }

    /**
     * Options of the deliver command.
     *
     * @param sender the MTA's envelope sender ({@code --sender}, {@code -f}), or null when not given
     */
    record Options(Path input, Path conf, Path spool, String sender) {
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
        long reserve;
        String sender = opts.sender() == null ? null : opts.sender().strip().replaceAll("^<(.*)>$", "$1");
        if (sender != null && !plausibleSender(sender)) {
            log(err, "error", "usage", "'" + opts.sender() + "' is not an envelope sender address");
            return ExitCode.USAGE.code();
        }
        try {
            Optional<Path> conf = opts.spool() != null && opts.conf() == null ? Optional.empty()
                    : ConfigLocation.find(opts.conf(), env);
            spool = new Spool(spoolPath(opts, conf, env));
            reserve = conf.isPresent() ? SpoolKeyReader.reserve(conf.get()).orElse(DEFAULT_RESERVE) : DEFAULT_RESERVE;
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
            return deliver(spool, input, sender, reserve, err);
        } catch (IOException | RuntimeException e) {
            log(err, "error", "deliver failed", spool.root() + ": " + e);
            return ExitCode.TEMP_FAIL.code();
        }
    }

    private static int deliver(Spool spool, InputStream in, String sender, long reserve, PrintStream err)
            throws IOException {
        // Keep the last bytes of the file system for the daemon: it needs them to write the reasons
        // of the mail it quarantines, and publishing (which frees space) must go on.
        if (spool.usableSpace() < reserve) {
            log(err, "error", "spool full", spool.root() + ": under spool_reserve (" + reserve + " bytes) free");
            return ExitCode.TEMP_FAIL.code();
        }
        Envelope envelope = sender == null ? null : new Envelope("deliver", sender, java.util.List.of(), null, null, null);
        Delivery.Result r = Delivery.deliver(spool, Spool.source(in), envelope);
        if (r instanceof Delivery.NotMail junk) {
            log(err, "error", "quarantined", QuarantineReason.NOT_MAIL.code() + ": " + junk.why() + " name="
                    + junk.entry().name());
            return ExitCode.DATA_ERROR.code();
        }
        return ExitCode.OK.code();
    }

    /** An addr-spec, or empty for the null sender; a plain loop, not a lambda, on the start-up path. */
    private static boolean plausibleSender(String s) {
        if (s.length() > 512 || (!s.isEmpty() && s.indexOf('@') <= 0)) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 32 || c >= 127 || c == '<' || c == '>') {
                return false;
            }
        }
        return true;
    }

    private static Path spoolPath(Options opts, Optional<Path> conf, Map<String, String> env)
            throws ConfigException, IOException {
        if (opts.spool() != null) {
            return opts.spool();
        }
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
        String sender = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            String name = a;
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (!OPTIONS.contains(name)) {
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
                case "--sender", "-f" -> sender = value;
                default -> input = Path.of(value);
            }
        }
        return new Options(input, conf, spool, sender);
    }

    /** One logfmt line on stderr, which procmail copies to its log. */
    private static void log(PrintStream err, String level, String msg, String detail) {
        err.println("ts=" + Instant.now() + " level=" + level + " cmd=deliver msg=\"" + msg + "\" detail=\""
                + detail.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"");
    }
}
