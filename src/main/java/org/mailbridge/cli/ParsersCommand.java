package org.mailbridge.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;

import org.mailbridge.config.ConfigException;
import org.mailbridge.exit.ExitCode;
import org.mailbridge.parse.ParserLoader;
import org.mailbridge.parse.ParserRegistry;

import picocli.CommandLine.Command;

/** {@code mailbridge parsers}: what is loaded, in the order it is asked. */
@Command(name = "parsers", mixinStandardHelpOptions = true,
        description = {"List the loaded parsers in the order they are asked: id, kind (java, rule, plugin), order,",
            "source (built-in, rule file, plugin jar) and topics. Broken plugins are reported on stderr."})
final class ParsersCommand extends BaseCommand {
    @Override
    protected ExitCode execute() throws ConfigException {
        try (ParserRegistry registry = ParserLoader.of(config()).load(Clock.systemUTC())) {
            return report(registry, out(), err());
        }
    }

    /** Prints the table and the broken parsers; CONFIG when any is broken. */
    static ExitCode report(ParserRegistry registry, PrintWriter out, PrintWriter err) {
        out.printf("%-12s %-6s %5s  %-40s %s%n", "ID", "KIND", "ORDER", "SOURCE", "TOPICS");
        for (ParserRegistry.LoadedParser lp : registry.parsers()) {
            out.printf("%-12s %-6s %5d  %-40s %s%n", lp.parser().id(), lp.kind().label(), lp.parser().order(),
                    lp.source(), String.join(",", new TreeSet<>(lp.parser().topics())));
        }
        for (String b : registry.broken()) {
            err.println("broken: " + b);
        }
        out.flush();
        return registry.broken().isEmpty() ? ExitCode.OK : ExitCode.CONFIG;
    }

    @Override
    protected List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.CONFIG);
    }
}
