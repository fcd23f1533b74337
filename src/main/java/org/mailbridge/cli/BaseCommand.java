package org.mailbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.exit.ExitCode;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: {@code --conf}, the output streams, and the mapping of the
 * exception kinds to exit codes, so a subcommand only says what it does.
 */
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--conf", paramLabel = "FILE",
            description = "Configuration file (default: $MAILBRIDGE_CONF, then /etc/mailbridge/config.toml).")
    Path conf;

    @Override
    public final Integer call() {
        try {
            return execute().code();
        } catch (ConfigException e) {
            err().println("mailbridge: configuration error: " + e.getMessage());
            return ExitCode.CONFIG.code();
        } catch (java.io.IOException e) {
            err().println("mailbridge: I/O error: " + e.getMessage());
            return ExitCode.IO_ERROR.code();
        }
    }

    /** Does the work. */
    protected abstract ExitCode execute() throws ConfigException, java.io.IOException;

    /** The exit codes this command can return, for its {@code --help}. */
    protected abstract List<ExitCode> exitCodes();

    /** The configuration, found the usual way. */
    protected Config config() throws ConfigException {
        return ConfigLoader.load(conf, System.getenv());
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
