package org.mailbridge.deliver;

import java.nio.file.Path;

/**
 * The options of {@code mailbridge deliver}, one typed value for both ways in: {@link #parse}
 * reads a command line with the JDK alone, for the per-mail path that {@code Main} takes before
 * picocli loads; the picocli command (which only gives {@code deliver} its help text) builds the
 * same record from its fields. Both hand it to {@link Deliver#run(DeliverOptions,
 * java.io.InputStream, java.io.PrintStream, java.util.Map)}.
 *
 * @param input {@code -i}/{@code --input}: read the message from this file, or null for stdin
 * @param conf {@code --conf}: the configuration file, or null to look for one
 * @param spool {@code --spool}: the spool root, or null for the configuration's
 * @param sender {@code -f}/{@code --sender}: the envelope sender as the MTA gave it, or null
 *     when not given
 */
public record DeliverOptions(Path input, Path conf, Path spool, String sender) {
    /**
     * Reads {@code --input FILE}, {@code -i FILE}, {@code --conf FILE}, {@code --spool DIR},
     * {@code --sender ADDR}, {@code -f ADDR}, the long ones also as {@code --name=value}.
     *
     * @throws IllegalArgumentException naming the argument that is wrong
     */
    public static DeliverOptions parse(String[] args) {
        Path input = null;
        Path conf = null;
        Path spool = null;
        String sender = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            String name = a;
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (!name.equals("--input") && !name.equals("-i") && !name.equals("--conf") && !name.equals("--spool")
                    && !name.equals("--sender") && !name.equals("-f")) {
                throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--conf" -> conf = Path.of(value);
                case "--spool" -> spool = Path.of(value);
                case "--sender", "-f" -> sender = value;
                default -> input = Path.of(value);
            }
        }
        return new DeliverOptions(input, conf, spool, sender);
    }
}
