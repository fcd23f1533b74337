package org.mailbridge.cli;

import picocli.CommandLine.Command;

/** The root command: {@code mailbridge <subcommand>}. */
@Command(name = "mailbridge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Turns notification mail of services you cannot modify into events on an AMQP message bus.",
        subcommands = {DeliverCommand.class, DaemonCommand.class, ParseCommand.class, StatusCommand.class,
            ReplayCommand.class, ConsumeCommand.class, BrokerCommand.class, ParsersCommand.class,
            SchemasCommand.class})
final class MailbridgeCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
