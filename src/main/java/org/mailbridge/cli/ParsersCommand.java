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
        // Column widths follow the longest value, so a long rule-file id or path keeps the table aligned.
        List<ParserRegistry.LoadedParser> ps = registry.parsers();
        int id = width("ID", ps.stream().map(lp -> lp.parser().id()));
        int kind = width("KIND", ps.stream().map(lp -> lp.kind().label()));
        int order = width("ORDER", ps.stream().map(lp -> String.valueOf(lp.parser().order())));
        int source = width("SOURCE", ps.stream().map(lp -> String.valueOf(lp.source())));
        String row = "%-" + id + "s  %-" + kind + "s  %" + order + "s  %-" + source + "s  %s%n";
        out.printf(row, "ID", "KIND", "ORDER", "SOURCE", "TOPICS");
        for (ParserRegistry.LoadedParser lp : ps) {
            out.printf(row, lp.parser().id(), lp.kind().label(), lp.parser().order(), lp.source(),
                    String.join(",", new TreeSet<>(lp.parser().topics())));
        }
        for (String b : registry.broken()) {
            err.println("broken: " + b);
        }
        out.flush();
        return registry.broken().isEmpty() ? ExitCode.OK : ExitCode.CONFIG;
    }

    private static int width(String heading, java.util.stream.Stream<String> values) {
        return Math.max(heading.length(), values.mapToInt(String::length).max().orElse(0));
    }

    @Override
    protected List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.CONFIG);
    }
}
