package org.mailbridge.cli;

import java.time.Clock;
import java.util.List;
import java.util.TreeSet;

import org.mailbridge.config.ConfigException;
import org.mailbridge.parse.ParserRegistry;

import picocli.CommandLine.Command;

/** {@code mailbridge parsers}: what is loaded, in the order it is asked. */
@Command(name = "parsers", mixinStandardHelpOptions = true,
        description = "List the loaded parsers in the order they are asked: id, order, source, topics.")
final class ParsersCommand extends BaseCommand {
    @Override
    protected ExitCode execute() throws ConfigException {
        try (ParserRegistry registry = ParserRegistry.load(config(), Clock.systemUTC())) {
            out().printf("%-16s %6s  %-24s %s%n", "ID", "ORDER", "SOURCE", "TOPICS");
            for (ParserRegistry.LoadedParser lp : registry.parsers()) {
                out().printf("%-16s %6d  %-24s %s%n", lp.parser().id(), lp.parser().order(), lp.source(),
                        String.join(",", new TreeSet<>(lp.parser().topics())));
            }
            for (String b : registry.broken()) {
                err().println("broken: " + b);
            }
            return registry.broken().isEmpty() ? ExitCode.OK : ExitCode.CONFIG;
        }
    }

    @Override
    protected List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.CONFIG);
    }
}
