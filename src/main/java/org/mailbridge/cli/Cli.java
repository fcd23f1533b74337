package org.mailbridge.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mailbridge.exit.ExitCode;

import picocli.CommandLine;

/**
 * Builds the picocli command tree and runs it. Every subcommand's {@code --help} lists its exit
 * codes, taken from {@link ExitCode} so that help and behaviour cannot drift apart.
 */
final class Cli {
    private Cli() {
    }

    static int execute(String[] args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** The command tree writing to the given streams (tests use their own). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new MailbridgeCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(t -> ExitCode.SOFTWARE.code());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("mailbridge: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'.");
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("mailbridge: internal error: " + ex);
            ex.printStackTrace(c.getErr());
            return ExitCode.SOFTWARE.code();
        });
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(list(java.util.List.of(ExitCode.OK, ExitCode.USAGE)));
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommand() instanceof BaseCommand b) {
                sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(list(b.exitCodes()));
            }
        }
        return cl;
    }

    private static Map<String, String> list(java.util.List<ExitCode> codes) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ExitCode c : codes) {
            m.put(String.format("%3d", c.code()), c.meaning());
        }
        return m;
    }
}
