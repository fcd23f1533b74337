package org.mailbridge.parse.bugzilla;

import java.util.Optional;

import org.mailbridge.spi.Mail;
import org.mailbridge.spi.TrustVerdict;

/**
 * Bugmail is trusted when its {@code X-Bugzilla-URL} is a configured instance and its sender is
 * allowed. The header is as easy to forge as {@code From}; together they keep mail of other
 * Bugzillas (or of anyone else) from passing for the configured instance's.
 */
final class InstanceTrust {
    private InstanceTrust() {
    }

    static TrustVerdict check(Mail mail, BugmailHeaders headers, BugzillaSettings settings) {
        Optional<String> url = headers.url();
        if (url.isEmpty()) {
            return TrustVerdict.untrusted("no X-Bugzilla-URL header");
        }
        Optional<String> base = BugzillaSettings.normalize(url.get());
        if (base.isEmpty() || !settings.instances().containsKey(base.get())) {
            return TrustVerdict.untrusted("X-Bugzilla-URL " + url.get()
                    + " is not a configured instance (parsers.bugzilla.instances: " + settings.urls() + ")");
        }
        return settings.senders().check(mail);
    }
}
