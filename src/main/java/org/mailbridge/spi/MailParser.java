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
 * The daemon reads several mails at once, one per worker thread, and asks the same parser
 * instances about all of them. {@link #init} and {@link #close} run once each, on one thread,
 * never while {@link #parse} runs; what {@code init} stores is visible to every later
 * {@code parse}. Then:
 * <ul>
 *   <li>a parser whose {@link #threadSafe()} is {@code true} may have {@code parse} called from
 *       several threads at once, for different mails. Keep per-mail state on the stack; anything
 *       shared must be immutable or thread-safe (no {@code SimpleDateFormat}, {@code Matcher},
 *       buffer or lazily filled {@code HashMap} in a field);</li>
 *   <li>any other parser (the default) is called by one thread at a time: the calls of other
 *       workers wait their turn.</li>
 * </ul>
 * A plugin's {@code parse} runs on a bridge thread within {@code limits.plugin_timeout}, its wait
 * for its turn included; past it the thread is interrupted and the mail quarantined as
 * {@code parser-error}. A one-at-a-time plugin that ignores the interruption keeps its turn, so
 * its later calls time out too, naming it, until it returns.
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
     * Whether {@link #parse} may be called from several threads at once (see the class
     * documentation, "Threading"). Asked once, at start.
     *
     * <p>The default is {@code false}: the bridge calls the parser from one thread at a time. That
     * is what an operator wants from a jar someone else wrote: a parser that keeps a formatter or
     * a buffer in a field passes every one-mail-at-a-time test, and under load makes events that
     * mix two mails while still looking valid; called one at a time it costs only its own
     * throughput. Return {@code true} once {@code parse} has been written for it; the built-in
     * parsers and rule files are.
     */
    default boolean threadSafe() {
        return false;
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
