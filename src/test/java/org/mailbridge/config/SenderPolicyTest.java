package org.mailbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mailbridge.spi.Address;
import org.mailbridge.spi.Header;
import org.mailbridge.spi.Headers;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.SenderPolicy;
import org.mailbridge.spi.TrustVerdict;

/** Sender patterns: addresses, domains, anyone; From or envelope. */
class SenderPolicyTest {
    private static Mail mail(String from, String envelope) {
        return new Mail(new Headers(List.of(new Header("From", from, from))),
                Map.of("from", List.of(new Address("", from))), List.of(),
                Optional.ofNullable(envelope).map(e -> new Address("", e)), Optional.empty(), "k", 1);
    }

    @Test
    void matchesAddressesAndDomains() {
        SenderPolicy p = SenderPolicy.of(List.of("bugzilla@redhat.com", "@Fedoraproject.org", "*@pagure.io"));
        assertThat(p.check(mail("bugzilla@REDHAT.com", null)).trusted()).isTrue();
        assertThat(p.check(mail("notifications@fedoraproject.org", null)).trusted()).isTrue();
        assertThat(p.check(mail("pagure@pagure.io", null)).trusted()).isTrue();
        assertThat(p.check(mail("x@evil-fedoraproject.org", null)).trusted()).isFalse();
        assertThat(p.check(mail("Bugzilla@redhat.com", null)).trusted()).as("addresses compare ignoring case").isTrue();
        assertThat(p.check(mail("list@lists.example.org", "bugzilla@redhat.com")).trusted()).isTrue();
        TrustVerdict v = p.check(mail("mallory@example.org", null));
        assertThat(v.header()).startsWith("untrusted: sender mallory@example.org is not one of");
    }

    @Test
    void badPatternsAreRefused() {
        assertThatThrownBy(() -> SenderPolicy.of(List.of("no-at-sign"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SenderPolicy.of(List.of("a*@b.org"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(SenderPolicy.of(List.of()).check(mail("a@b.org", null)).why()).contains("no trusted senders");
    }
}
