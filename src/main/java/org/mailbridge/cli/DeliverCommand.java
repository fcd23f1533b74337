package org.mailbridge.cli;

import java.nio.file.Path;
import java.util.List;

import org.mailbridge.deliver.Deliver;
import org.mailbridge.deliver.DeliverOptions;
import org.mailbridge.exit.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mailbridge deliver}. The work is done by {@link Deliver}, which {@link Main} calls
 * directly, before picocli loads, for speed; this class gives the command its help text and
 * runs the same code when called through picocli, with the same typed {@link DeliverOptions}.
 */
@Command(name = "deliver", mixinStandardHelpOptions = true,
        description = {"Read one RFC 5322 message from stdin (or --input) into the spool, for procmail or an MDA.",
            "No network I/O. Exit 0 only once the message is synced into the spool; 75 on any transient "
                + "failure (including less than spool_reserve free), so the MTA retries; 65 for input that is "
                + "not mail (kept in quarantine)."})
final class DeliverCommand extends BaseCommand {
    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Read the message from FILE, not stdin.")
    Path input;

    @Option(names = "--spool", paramLabel = "DIR", description = "Spool root (default: the configuration's 'spool').")
    Path spool;

    @Option(names = {"-f", "--sender"}, paramLabel = "ADDRESS",
            description = {"The envelope sender as the MTA gave it (procmail: --sender \"$SENDER\"); the only "
                + "envelope sender trust checks believe. Empty or <> for bounces."})
    String sender;

    @Override
    protected ExitCode execute() {
        int code = Deliver.run(new DeliverOptions(input, conf, spool, sender), System.in, System.err, System.getenv());
        for (ExitCode c : ExitCode.values()) {
            if (c.code() == code) {
                return c;
            }
        }
        return ExitCode.SOFTWARE;
    }

    @Override
    protected List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.DATA_ERROR, ExitCode.IO_ERROR, ExitCode.TEMP_FAIL,
                ExitCode.CONFIG);
    }
}
