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
    /**
     * A finished event carried a text its parser declared non-public (a parser bug): nothing
     * was published, and the mail is kept for an operator.
     */
    public static final String PRIVACY_GUARD = "privacy-guard";
    /** The sender is not one the parser trusts. */
    public static final String UNTRUSTED = "untrusted";
    /** No security domain takes one of its events. */
    public static final String NO_ROUTE = "no-route";
    /** The broker refused the event for good (not a transient failure). */
    public static final String PUBLISH_REJECTED = "publish-rejected";

    private Reasons() {
    }
}
