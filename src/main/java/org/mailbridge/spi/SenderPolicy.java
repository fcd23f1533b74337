package org.mailbridge.spi;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The senders a parser trusts. A pattern is an address ({@code bugzilla@redhat.com}), a whole
 * domain ({@code @example.org} or {@code *@example.org}), or {@code *} for anyone. A mail is
 * trusted when its {@code From} address or its envelope sender matches a pattern, ignoring case
 * (mail systems treat local parts case-insensitively in practice). (Both are easy
 * to forge from outside: the mail system must only route trusted services' mail to the bridge,
 * and check SPF/DKIM before that.)
 *
 * @param patterns normalised patterns: lower-case domains
 */
public record SenderPolicy(List<String> patterns) {
    public SenderPolicy {
        patterns = List.copyOf(patterns);
    }

    /** Builds a policy, checking each pattern. */
    public static SenderPolicy of(List<String> patterns) {
        return new SenderPolicy(patterns.stream().map(SenderPolicy::normalize).toList());
    }

    /** Trusts everyone. */
    public static SenderPolicy anyone() {
        return new SenderPolicy(List.of("*"));
    }

    private static String normalize(String p) {
        String s = p == null ? "" : p.strip();
        if (s.equals("*")) {
            return s;
        }
        if (s.startsWith("*@")) {
            s = s.substring(1);
        }
        int at = s.lastIndexOf('@');
        if (at < 0 || at == s.length() - 1 || s.contains(" ") || s.indexOf('*') >= 0) {
            throw new IllegalArgumentException("'" + p + "' is not an address, @domain or *");
        }
        return s.substring(0, at + 1) + s.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether one address matches. */
    public boolean matches(Address a) {
        String addr = a.normalized();
        for (String p : patterns) {
            if (p.equals("*") || (p.startsWith("@") && addr.endsWith(p)) || p.equalsIgnoreCase(addr)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The verdict for a mail. With an envelope sender from the MTA, that sender must match, or
     * the {@code From} must match and the envelope sender be of the same domain (or a subdomain:
     * bounce addresses): a matching {@code From} over a foreign envelope is a forgery. Without an
     * envelope sender, the {@code From} must match.
     */
    public TrustVerdict check(Mail mail) {
        if (patterns.contains("*")) {
            return TrustVerdict.TRUSTED;
        }
        Optional<Address> from = mail.from();
        Optional<Address> envelope = mail.envelopeSender();
        boolean fromOk = from.map(this::matches).orElse(false);
        if (envelope.isPresent()) {
            if (matches(envelope.get()) || (fromOk && aligned(envelope.get(), from.get()))) {
                return TrustVerdict.TRUSTED;
            }
            if (fromOk) {
                return TrustVerdict.untrusted("From " + from.get().email() + " came with envelope sender "
                        + envelope.get().email() + " of another domain");
            }
        } else if (fromOk) {
            return TrustVerdict.TRUSTED;
        }
        if (patterns.isEmpty()) {
            return TrustVerdict.untrusted("no trusted senders are configured");
        }
        return TrustVerdict.untrusted("sender " + from.map(Address::email).orElse("(no From)")
                + envelope.map(e -> " / envelope " + e.email()).orElse("") + " is not one of " + patterns);
    }

    private static boolean aligned(Address envelope, Address from) {
        String e = envelope.domain();
        String f = from.domain();
        return !f.isEmpty() && (e.equals(f) || e.endsWith("." + f));
    }
}
