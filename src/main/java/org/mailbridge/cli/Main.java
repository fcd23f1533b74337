package org.mailbridge.cli;

import java.util.Set;

import org.mailbridge.deliver.Deliver;

/**
 * The process entry point and the only {@link System#exit} in the program.
 *
 * <p>{@code deliver} runs once per mail in a fresh JVM, so it is dispatched here before picocli,
 * logging or Jackson are loaded (each costs tens of milliseconds per mail). Only its
 * {@code --help} goes through picocli. This class must not refer to picocli types.
 */
public final class Main {
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** A plain loop: a stream or lambda here would load the lambda machinery into every deliver. */
    private static boolean asksForHelp(String[] args) {
        for (String a : args) {
            if (HELP.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command line and returns the exit status. */
    public static int run(String[] args) {
        if (args.length > 0 && args[0].equals("deliver") && !asksForHelp(args)) {
            return Deliver.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.in, System.err, System.getenv());
        }
        return Cli.execute(args);
    }
}
