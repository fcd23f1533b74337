package org.mailbridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.mailbridge.config.ConfigException;
import org.mailbridge.event.Event;
import org.mailbridge.event.EventJson;
import org.mailbridge.exit.ExitCode;
import org.mailbridge.pipeline.Interpretation;
import org.mailbridge.pipeline.Interpreter;
import org.mailbridge.pipeline.Interpreters;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailbridge parse}: the dry run. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Print the events messages would produce, one JSON object a line, publishing nothing.",
            "Events of untrusted senders are printed too, with their verdict in the mailbridge_trust header.",
            "Messages that would be quarantined are reported on stderr, and make the exit status 65.",
            "Mail a parser recognises as carrying no event (reason 'ignored', such as Bugzilla admin or",
            "whine mail) is reported on stderr too, but is no error: the daemon settles it, exit 0.",
            "With --check and no FILE: only load and validate the configuration, rule files and plugins,",
            "report every error as file:line: message, and list what would be loaded."})
final class ParseCommand extends BaseCommand {
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Message files; '-' reads stdin.")
    List<String> files = List.of();

    @Option(names = "--explain", description = "Say on stderr which parsers and rules were tried and why each matched or not.")
    boolean explain;

    @Option(names = "--check", description = "Validate the configuration, rule files and plugins first; exit 78 on any error"
            + " (a broken plugin included).")
    boolean check;

    @Override
    protected ExitCode execute() throws ConfigException {
        if (files.isEmpty() && !check) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "FILE is required (or --check)");
        }
        Interpreter interpreter = Interpreters.create(config(), Clock.systemUTC());
        if (check) {
            ExitCode c = ParsersCommand.report(interpreter.registry(), out(), err());
            if (c != ExitCode.OK || files.isEmpty()) {
                return c;
            }
        }
        ExitCode result = ExitCode.OK;
        for (String f : files) {
            ExitCode r = parseOne(interpreter, f);
            if (r != ExitCode.OK && result == ExitCode.OK) {
                result = r;
            }
        }
        return result;
    }

    private ExitCode parseOne(Interpreter interpreter, String file) {
        Interpretation in;
        try (InputStream s = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            in = interpreter.interpret(s, explain ? line -> err().println(file + ": " + line) : Interpreter.QUIET);
        } catch (NoSuchFileException e) {
            err().println(file + ": no such file");
            return ExitCode.IO_ERROR;
        } catch (IOException e) {
            err().println(file + ": cannot read: " + e.getMessage());
            return ExitCode.IO_ERROR;
        }
        if (in instanceof Interpretation.Publishable p) {
            for (Event e : p.events()) {
                out().println(EventJson.line(e));
            }
            if (explain) {
                err().println(file + ": " + p.events().size() + " event(s) from parser " + p.parserId() + ", "
                        + p.trust().header());
            }
            out().flush();
            return ExitCode.OK;
        }
        if (in instanceof Interpretation.Withheld w) {
            err().println(file + ": no events; the privacy policy withholds it (" + w.reason() + ", parser "
                    + w.parserId() + "): " + w.detail());
            return ExitCode.OK;
        }
        Interpretation.Unpublishable u = (Interpretation.Unpublishable) in;
        boolean ignored = !u.note().reason().isFault();
        err().println(file + ": no events; the daemon would " + (ignored ? "settle it without events: " : "quarantine it: ")
                + u.note().reason().code()
                + (u.note().parser().isEmpty() ? "" : " (parser " + u.note().parser() + ")") + ": " + u.note().detail());
        return ignored ? ExitCode.OK : ExitCode.DATA_ERROR;
    }

    @Override
    protected String meaning(ExitCode code) {
        return switch (code) {
            case OK -> "success: events for each message, or ignored mail";
            case DATA_ERROR -> "a message gives no event; the daemon would quarantine it";
            default -> code.meaning();
        };
    }

    @Override
    protected List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.DATA_ERROR, ExitCode.IO_ERROR, ExitCode.CONFIG);
    }
}
