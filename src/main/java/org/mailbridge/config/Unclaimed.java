package org.mailbridge.config;

/** What happens to mail that no parser claims. */
public enum Unclaimed {
    /** Quarantine it with reason {@code no-parser}: the default. */
    QUARANTINE,
    /** Publish a generic {@code mail.received} event. */
    PUBLISH
}
