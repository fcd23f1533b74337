package org.mailbridge.spi;

import java.util.Objects;

/**
 * Whether the sender of a mail is one its parser trusts. The daemon publishes only trusted mail
 * and quarantines the rest as {@code untrusted}; {@code mailbridge parse} prints events either
 * way, with the verdict in the {@code mailbridge_trust} header, so that a rule can be debugged.
 *
 * @param trusted the verdict
 * @param why for an untrusted verdict, what failed (one line, for operators); empty otherwise
 */
public record TrustVerdict(boolean trusted, String why) {
    /** The mail comes from a trusted sender. */
    public static final TrustVerdict TRUSTED = new TrustVerdict(true, "");

    public TrustVerdict {
        Objects.requireNonNull(why, "why");
        if (!trusted && why.isBlank()) {
            throw new IllegalArgumentException("an untrusted verdict needs a reason");
        }
    }

    /** The mail fails the trust check, for the given reason. */
    public static TrustVerdict untrusted(String why) {
        return new TrustVerdict(false, why);
    }

    /** The value of the {@code mailbridge_trust} header: {@code trusted} or {@code untrusted: <why>}. */
    public String header() {
        return trusted ? "trusted" : "untrusted: " + why;
    }

    /** Both must hold: the first untrusted verdict wins. */
    public TrustVerdict and(TrustVerdict other) {
        return trusted ? other : this;
    }
}
