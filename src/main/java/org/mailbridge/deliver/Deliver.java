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

    private Deliver() {
    }

    /** Reads the command line ({@link DeliverOptions#parse}) and runs the command; the exit status. */
    public static int run(String[] args, InputStream stdin, PrintStream err, Map<String, String> env) {
        DeliverOptions opts;
        try {
            opts = DeliverOptions.parse(args);
        } catch (IllegalArgumentException e) {
            log(err, "error", "usage", e.getMessage() + " (see: mailbridge deliver --help)");
            return ExitCode.USAGE.code();
        }
        return run(opts, stdin, err, env);
    }

    /** Runs the command and returns the process exit status. */
    public static int run(DeliverOptions opts, InputStream stdin, PrintStream err, Map<String, String> env) {
        Spool spool;
        long reserve;
        String sender = opts.sender() == null ? null : unbracket(opts.sender().strip());
        if (sender != null && !plausibleSender(sender)) {
            log(err, "error", "usage", "'" + opts.sender() + "' is not an envelope sender address");
            return ExitCode.USAGE.code();
        }
        try {
            Optional<Path> conf = opts.spool() != null && opts.conf() == null ? Optional.empty()
                    : ConfigLocation.find(opts.conf(), env);
            SpoolKeyReader.DeliverKeys keys = conf.isPresent() ? SpoolKeyReader.deliverKeys(conf.get())
                    : new SpoolKeyReader.DeliverKeys(null, null);
            spool = new Spool(spoolPath(opts, keys, env));
            reserve = keys.reserve() == null ? DEFAULT_RESERVE : keys.reserve();
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

    /** {@code <a@b>} as {@code a@b}; string operations, not a regex, on the start-up path. */
    private static String unbracket(String s) {
        return s.length() >= 2 && s.charAt(0) == '<' && s.charAt(s.length() - 1) == '>' ? s.substring(1, s.length() - 1) : s;
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

    private static Path spoolPath(DeliverOptions opts, SpoolKeyReader.DeliverKeys keys, Map<String, String> env) {
        if (opts.spool() != null) {
            return opts.spool();
        }
        return keys.spool() != null ? Path.of(keys.spool()) : ConfigLocation.defaultSpool(env);
    }

    /** One logfmt line on stderr, which procmail copies to its log. */
    private static void log(PrintStream err, String level, String msg, String detail) {
        err.println("ts=" + Instant.now() + " level=" + level + " cmd=deliver msg=\"" + msg + "\" detail=\""
                + detail.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"");
    }
}
