package org.mailbridge.spi;

import java.util.Set;

/**
 * Turns one kind of notification mail into events. This is the extension point of mailbridge:
 * the built-in Bugzilla and SCM parsers implement it, and so can a third-party jar dropped into
 * the plugin directory.
 *
 * <h2>Discovery and identity</h2>
 * Implementations are found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/org.mailbridge.spi.MailParser} file listing the class, which needs a
 * public no-argument constructor). {@link #id()} is never null or blank, matches
 * {@code [a-z][a-z0-9_.-]*} ({@link ParserIds}), is unique among all loaded parsers, and is stable across releases:
 * it is part of every event id the parser produces. The id {@code mail} is reserved for the
 * bridge's generic {@code mail.received} event. Duplicates and invalid ids are refused at start
 * with the name of the jar that brought them. Rule files ({@code parsers/*.toml}) are parsers
 * too and share the id space.
 *
 * <h2>Plugins</h2>
 * A plugin is a jar in the configured {@code plugins_dir}, built against the SPI artifact
 * ({@code org.mailbridge:mailbridge-spi}, this package only, scope {@code provided}). Each jar
 * gets its own class loader whose parent exposes only the JDK and {@code org.mailbridge.spi}:
 * the bridge's own classes and libraries (Jackson, logging, Mime4j) are invisible, so a plugin
 * bundles what it needs, and plugins cannot see each other. A jar that cannot be loaded, or whose
 * parser has a bad id, is reported with the jar's name and left out. See
 * {@code parsers/example-plugin} for a complete project.
 *
 * <h2>Order</h2>
 * Parsers are asked in ascending {@link #order()}, ties broken by id, so the order never depends
 * on class-path or directory listing order. The first parser that does not answer
 * {@link ParseOutcome.NotMine} owns the mail; the others are not asked.
 *
 * <h2>Lifecycle</h2>
 * {@code new} → {@link #init} once, before any mail → {@link #parse} any number of times →
 * {@link #close} once at shutdown. A parser whose {@code init} throws
 * {@link ParserConfigException} stops the daemon from starting (exit 78); any other exception
 * from {@code init} marks the parser broken: it is reported and left out, and the others run.
 *
 * <h2>Threading</h2>
 * {@link #parse} may be called from several threads at once, for different mails. Keep
 * per-mail state on the stack; anything shared must be immutable or thread-safe. A plugin's
 * {@code parse} runs on a bridge thread within {@code limits.plugin_timeout}; past it the thread
 * is interrupted and the mail quarantined as {@code parser-error}.
 *
 * <h2>What a parser may and may not do</h2>
 * It may read the {@link Mail} it is given, ask the {@link ParserContext#accounts() account
 * resolver} about the people it names, and build events. It must not do I/O of its own (network,
 * files, processes), block, sleep, keep a reference to the mail after returning, print, or
 * call {@link System#exit}. It must answer quickly and in memory bounded by the mail's size:
 * mail is hostile input, so no regular expression with catastrophic backtracking, no
 * unbounded recursion. It must not invent facts: a value the mail does not carry is left at
 * its neutral form and its JSON path listed in {@code body.mailbridge.unknown}
 * ({@link Unknowns}).
 *
 * <h2>Failure</h2>
 * Mail the parser recognises but cannot read is {@link ParseOutcome.Malformed}: quarantined as
 * {@code parse-error}. An exception thrown from {@code parse} quarantines that mail as
 * {@code parser-error} and does not affect other mail or other parsers; so does an event whose
 * body is not JSON.
 */
public interface MailParser {
    /** The parser's unique, stable id, such as {@code bugzilla}. */
    String id();

    /**
     * Where this parser stands in the order of asking; lower goes first. Built-in parsers use
     * 100–900; the generic fallback is last. The default, 1000, puts plugins after the built-ins.
     */
    default int order() {
        return 1000;
    }

    /** The topic suffixes this parser may emit (for {@code mailbridge parsers}); may be empty. */
    default Set<String> topics() {
        return Set.of();
    }

    /**
     * Prepares the parser: read and check settings here.
     *
     * @throws ParserConfigException when the settings are wrong
     */
    default void init(ParserContext context) throws ParserConfigException {
    }

    /**
     * Reads one mail. Must return quickly with {@link ParseOutcome.NotMine} for mail that is not
     * its kind (check a header first).
     *
     * @param mail the mail; owned by the bridge, valid only during the call
     * @return never null
     */
    ParseOutcome parse(Mail mail);

    /** Releases what {@link #init} acquired. Called once, at shutdown. */
    default void close() {
    }
}
