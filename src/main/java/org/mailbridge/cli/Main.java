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
        int status = run(args);
        if (args.length > 0 && args[0].equals("deliver")) {
            // From JDK 21 on, System.exit asks System.getLogger("java.lang.Runtime") whether to log
            // the exit; finding the logger runs a ServiceLoader over the class path, which opens
            // the jar and reads all of its central directory: the slowest part of a cached
            // deliver, after the mail is already safe. deliver has no shutdown hooks to run (it
            // registers none, and its files are closed and synced), so it ends the JVM directly.
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(status);
        }
        System.exit(status);
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
