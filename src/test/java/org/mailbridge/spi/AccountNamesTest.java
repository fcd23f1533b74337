package org.mailbridge.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The one account-name rule, used by every parser and enforced by the event factory. */
class AccountNamesTest {
    @Test
    void onlyAccountNamesAreKeptAmongCandidatesInOrderOnce() {
        assertThat(AccountNames.among("alice", "Bob Sample", "", null, "-x", "a.b_c-d", "alice", "x@y.org"))
                .containsExactly("alice", "a.b_c-d");
    }

    @Test
    void anAddressNamesAnAccountOnlyAtAUserDomain() {
        List<String> domains = List.of("fedoraproject.org");
        assertThat(AccountNames.atDomain("jdoe@FedoraProject.org", domains)).contains("jdoe");
        assertThat(AccountNames.atDomain("jdoe@example.org", domains)).isEmpty();
        assertThat(AccountNames.atDomain("j doe@fedoraproject.org", domains)).isEmpty();
        assertThat(AccountNames.atDomain("@fedoraproject.org", domains)).isEmpty();
        assertThat(AccountNames.atDomain("jdoe", domains)).isEmpty();
        assertThat(AccountNames.atDomain(null, domains)).isEmpty();
    }

    @Test
    void packageNamesMayCarryAPlus() {
        assertThat(AccountNames.isPackageName("gtk+")).isTrue();
        assertThat(AccountNames.isAccountName("gtk+")).isFalse();
        assertThat(AccountNames.isAccountName("a".repeat(AccountNames.MAX_LENGTH + 1))).isFalse();
    }
}
