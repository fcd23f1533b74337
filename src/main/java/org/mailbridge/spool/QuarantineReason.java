package org.mailbridge.spool;

import java.util.Optional;

/**
 * Why a message is in {@code quarantine/}: the closed set of categories, one place for all of
 * them. {@link #code()} is the first line of every {@code <name>.reason} file ({@code reason:
 * no-parser}); operators grep for it and {@code replay --reason} selects by it, so a code never
 * changes once released. A new category is a new constant here, with its code.
 */
public enum QuarantineReason {
    /** Input that is not a mail message at all (from {@code deliver}). */
    NOT_MAIL("not-mail"),
    /** Over {@code limits.max_message_size}. */
    OVERSIZED("oversized"),
    /** The spool file itself cannot be read (permissions). */
    UNREADABLE("unreadable"),
    /** Unreadable MIME, or over a line or header limit. */
    MALFORMED("malformed"),
    /** No parser claims it and {@code unclaimed} is {@code quarantine}. */
    NO_PARSER("no-parser"),
    /** A parser claims it and says it carries no event. */
    IGNORED("ignored"),
    /** A parser claims it but cannot read it. */
    PARSE_ERROR("parse-error"),
    /** A parser failed on it: threw, ran out of time, or made an event that cannot be serialised. */
    PARSER_ERROR("parser-error"),
    /**
     * A finished event carried a text its parser declared non-public (a parser bug): nothing
     * was published, and the mail is kept for an operator. Mail the privacy policy withholds on
     * purpose is not quarantined: it is settled and counted ({@code policy: ...}).
     */
    PRIVACY_GUARD("privacy-guard"),
    /** The sender is not one the parser trusts. */
    UNTRUSTED("untrusted"),
    /** No security domain takes one of its events. */
    NO_ROUTE("no-route"),
    /**
     * An event's body fails its topic's JSON Schema (or the topic has none): a parser bug, never
     * published, so that consumers only ever see bodies that satisfy the contract.
     */
    SCHEMA("schema"),
    /** The broker refused the event for good (not a transient failure). */
    PUBLISH_REJECTED("publish-rejected"),
    /**
     * Reading it failed in a way nothing else covers (an error the JVM survived, such as a stack
     * overflow), or the daemon died twice with it in hand, the second time while it was worked
     * on alone: the crash-loop breaker ({@link CrashLedger}).
     */
    CRASHED("crashed"),
    /** A reason file that is missing, or names a category this version does not know. */
    UNKNOWN("unknown");

    private final String code;

    QuarantineReason(String code) {
        this.code = code;
    }

    /**
     * Whether it means something went wrong. {@link #IGNORED} mail was recognised and rightly
     * produced no event: it is kept for the record but counted apart from the quarantine, so
     * routine Bugzilla admin mail never trips {@code status.max_quarantine}.
     */
    public boolean isFault() {
        return this != IGNORED;
    }

    /** The stable on-disk name, such as {@code no-parser}. */
    public String code() {
        return code;
    }

    /** The reason with this code, if there is one. */
    public static Optional<QuarantineReason> fromCode(String code) {
        for (QuarantineReason r : values()) {
            if (r.code.equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
