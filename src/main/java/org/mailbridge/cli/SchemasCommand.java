package org.mailbridge.cli;

import java.util.List;
import java.util.Optional;

import org.mailbridge.exit.ExitCode;
import org.mailbridge.schema.BodySchema;
import org.mailbridge.schema.SchemaCatalog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mailbridge schemas [TOPIC]}: the body schemas of the bus contract. */
@Command(name = "schemas", mixinStandardHelpOptions = true,
        description = {"Without TOPIC, list every topic that has a body schema: topic, version, fedora_messaging_schema",
            "header and schema id. With TOPIC (a suffix such as git.ref.update, or a full topic), print its",
            "JSON Schema. docs/EVENTS.md describes each one with an example."})
final class SchemasCommand extends BaseCommand {
    @Parameters(paramLabel = "TOPIC", arity = "0..1", description = "A topic suffix or full topic.")
    String topic;

    @Override
    protected ExitCode execute() {
        SchemaCatalog catalog = SchemaCatalog.builtIn();
        if (topic != null) {
            Optional<BodySchema> s = catalog.forTopic(topic);
            if (s.isEmpty()) {
                err().println("mailbridge schemas: no schema for topic '" + topic + "' (see: mailbridge schemas)");
                return ExitCode.USAGE;
            }
            out().println(s.get().text());
            out().flush();
            return ExitCode.OK;
        }
        int width = catalog.topics().stream().mapToInt(String::length).max().orElse(5);
        int hwidth = catalog.topics().stream().mapToInt(t -> catalog.forSuffix(t).orElseThrow().header().length())
                .max().orElse(6);
        String row = "%-" + width + "s %-7s %-" + hwidth + "s %s%n";
        out().printf(row, "TOPIC", "VERSION", "HEADER", "SCHEMA ID");
        for (String t : catalog.topics()) {
            BodySchema s = catalog.forSuffix(t).orElseThrow();
            out().printf(row, t, "v" + s.version(), s.header(), s.id());
        }
        out().flush();
        return ExitCode.OK;
    }

    @Override
    protected List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE);
    }
}
