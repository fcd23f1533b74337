package org.mailbridge.event;

/** Names of the message headers (AMQP application properties) that events carry. */
public final class EventHeaders {
    /** fedora-messaging: the message class whose schema the body satisfies. */
    public static final String SCHEMA = "fedora_messaging_schema";
    /** fedora-messaging: 10, 20, 30 or 40. */
    public static final String SEVERITY = "fedora_messaging_severity";
    /** fedora-messaging: when the event was sent, ISO 8601 with offset. */
    public static final String SENT_AT = "sent-at";
    /** fedora-messaging: message priority, 0 by default. */
    public static final String PRIORITY = "priority";
    /** fedora-messaging: one {@code fedora_messaging_user_<name>} header per user, value true. */
    public static final String USER_PREFIX = "fedora_messaging_user_";
    /** fedora-messaging: one {@code fedora_messaging_rpm_<name>} header per package, value true. */
    public static final String RPM_PREFIX = "fedora_messaging_rpm_";
    /** The Message-ID of the mail the event came from. */
    public static final String SOURCE_MESSAGE_ID = "mailbridge_source_message_id";
    /** {@code trusted}, or {@code untrusted: <why>}. */
    public static final String TRUST = "mailbridge_trust";
    /** The id of the parser that made the event. */
    public static final String PARSER = "mailbridge_parser";

    private EventHeaders() {
    }
}
