package org.mailbridge.mail;

import java.util.Locale;
import java.util.Set;

/**
 * Header fields that relays and the receiving host add or rewrite on the way (RFC 5321 4.4
 * trace fields and their kin: delivery, authentication and filtering verdicts). They differ
 * between two routes of one mail, so they are left out of its content key.
 */
final class TraceFields {
    private static final Set<String> NAMES = Set.of("received", "return-path", "delivered-to", "x-original-to",
            "envelope-to", "x-envelope-from", "x-envelope-to", "x-received", "received-spf", "authentication-results",
            "arc-seal", "arc-message-signature", "arc-authentication-results", "x-originating-ip", "x-delivered-to",
            "x-virus-scanned", "x-greylist", "resent-date", "resent-from", "resent-sender", "resent-to", "resent-cc",
            "resent-bcc", "resent-message-id", "x-loop", "lines", "status", "x-status", "x-keywords", "x-uid");
    private static final String[] PREFIXES = {"x-spam-", "x-ms-exchange-", "x-forefront-", "x-mailbridge-"};

    private TraceFields() {
    }

    /** Whether a field (by name, any case) is added on the way. */
    static boolean isTrace(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (NAMES.contains(n)) {
            return true;
        }
        for (String p : PREFIXES) {
            if (n.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
