package org.mailbridge.cli;

import java.io.PrintWriter;

/** Runs the command line with captured streams, for tests outside this package. */
public final class CliAccess {
    private CliAccess() {
    }

    /** The exit code of {@code mailbridge args…}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        int code = Cli.commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
