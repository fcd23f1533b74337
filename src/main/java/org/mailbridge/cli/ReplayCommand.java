package org.mailbridge.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.mailbridge.config.ConfigException;
import org.mailbridge.exit.ExitCode;
import org.mailbridge.spool.Quarantine;
import org.mailbridge.spool.QuarantineReason;
import org.mailbridge.spool.Spool;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailbridge replay}: quarantined messages back for another try. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Move quarantined messages back into the spool for another try (after fixing a parser,",
            "a rule or the trust settings). Select them by name, by reason, or all."})
final class ReplayCommand extends BaseCommand {
    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Names of quarantined messages.")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Replay every quarantined message.")
    boolean all;

    @Option(names = "--reason", paramLabel = "REASON", description = "Only messages quarantined for this reason "
            + "(no-parser, untrusted, parse-error, …; the first line of the .reason file).")
    String reason;

    @Override
    protected ExitCode execute() throws ConfigException, IOException {
        if (!all && names.isEmpty() && reason == null) {
            err().println("mailbridge replay: name messages, or use --all or --reason");
            return ExitCode.USAGE;
        }
        Optional<QuarantineReason> only = Optional.empty();
        if (reason != null) {
            only = QuarantineReason.fromCode(reason);
            if (only.isEmpty()) {
                err().println("mailbridge replay: no quarantine reason '" + reason + "'; reasons are "
                        + Arrays.stream(QuarantineReason.values()).map(QuarantineReason::code)
                        .collect(Collectors.joining(", ")));
                return ExitCode.USAGE;
            }
        }
        Quarantine q = new Quarantine(new Spool(config().spool()));
        List<Quarantine.Item> chosen = new ArrayList<>();
        ExitCode result = ExitCode.OK;
        if (!names.isEmpty()) {
            for (String n : names) {
                Optional<Quarantine.Item> item = q.find(n);
                if (item.isEmpty()) {
                    err().println("mailbridge replay: no quarantined message named " + n);
                    result = ExitCode.DATA_ERROR;
                } else {
                    chosen.add(item.get());
                }
            }
        } else {
            chosen.addAll(q.list());
        }
        int n = 0;
        for (Quarantine.Item item : chosen) {
            if (only.isPresent() && item.note().reason() != only.get()) {
                continue;
            }
            q.replay(item);
            out().println("replayed " + item.entry().name() + " (was " + item.note().reason().code() + ": "
                    + item.note().detail() + ")");
            n++;
        }
        out().println(n + " message(s) replayed");
        return result;
    }

    @Override
    protected List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.DATA_ERROR, ExitCode.IO_ERROR, ExitCode.CONFIG);
    }
}
