package org.mailbridge.pipeline;

/** The quarantine categories: the first line of every {@code .reason} file. */
public final class Reasons {
    /** Input that is not a mail message at all (from {@code deliver}). */
    public static final String NOT_MAIL = "not-mail";
    /** Over {@code limits.max_message_size}. */
    public static final String OVERSIZED = "oversized";
    /** The spool file itself cannot be read (permissions). */
    public static final String UNREADABLE = "unreadable";
    /** Unreadable MIME, or over a line or header limit. */
    public static final String MALFORMED = "malformed";
    /** No parser claims it and {@code unclaimed} is {@code quarantine}. */
    public static final String NO_PARSER = "no-parser";
    /** A parser claims it and says it carries no event. */
    public static final String IGNORED = "ignored";
    /** A parser claims it but cannot read it. */
    public static final String PARSE_ERROR = "parse-error";
    /** A parser threw an exception on it. */
    public static final String PARSER_ERROR = "parser-error";
    /** The sender is not one the parser trusts. */
    public static final String UNTRUSTED = "untrusted";
    /** No security domain takes one of its events. */
    public static final String NO_ROUTE = "no-route";
    /** The broker refused the event for good (not a transient failure). */
    public static final String PUBLISH_REJECTED = "publish-rejected";

    /**
     * Reasons that are no fault: the mail was recognised and rightly produced no event. Such
     * mail is kept for the record but counted apart from the quarantine, so routine Bugzilla
     * admin mail never trips {@code status.max_quarantine}.
     */
    private static final java.util.Set<String> NO_FAULT = java.util.Set.of(IGNORED);

    /** Whether a quarantine reason means something went wrong (rather than mail settled without events). */
    public static boolean isFault(String reason) {
        return !NO_FAULT.contains(reason);
    }

    private Reasons() {
    }
}
