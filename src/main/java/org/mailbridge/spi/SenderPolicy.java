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

    /** The verdict for a mail: its From or its envelope sender must match. */
    public TrustVerdict check(Mail mail) {
        if (patterns.contains("*")) {
            return TrustVerdict.TRUSTED;
        }
        Optional<Address> from = mail.from();
        Optional<Address> envelope = mail.envelopeSender();
        if (from.map(this::matches).orElse(false) || envelope.map(this::matches).orElse(false)) {
            return TrustVerdict.TRUSTED;
        }
        if (patterns.isEmpty()) {
            return TrustVerdict.untrusted("no trusted senders are configured");
        }
        return TrustVerdict.untrusted("sender " + from.map(Address::email).orElse("(no From)")
                + envelope.map(e -> " / envelope " + e.email()).orElse("") + " is not one of " + patterns);
    }
}
