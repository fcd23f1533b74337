package org.mailbridge.config;

import java.util.Optional;

/**
 * Site-wide trust requirements, {@code [trust]}, applied on top of each parser's senders.
 *
 * @param authservId when set, a mail is trusted only with an {@code Authentication-Results}
 *     field of this authserv-id (the site's own MTA, RFC 8601) that says {@code dkim=pass} for
 *     the {@code From} domain or {@code spf=pass} for the envelope sender's domain; such fields
 *     of any other id are ignored
 */
public record TrustSettings(Optional<String> authservId) {
    /** No site-wide requirement. */
    public static final TrustSettings NONE = new TrustSettings(Optional.empty());

    public TrustSettings {
        authservId = authservId.map(String::strip).filter(s -> !s.isEmpty());
    }
}
