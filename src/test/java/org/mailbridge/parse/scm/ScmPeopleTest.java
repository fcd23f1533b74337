package org.mailbridge.parse.scm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mailbridge.spi.Accounts;
import org.mailbridge.spi.EventDraft;

/** Commit events name the pusher and the commit author the same way in the body and the headers. */
class ScmPeopleTest {
    private static final Accounts ACCOUNTS = a -> a.equals("jane@example.org") ? Optional.of("jdoe") : Optional.empty();

    @Test
    void theAuthorsAccountIsInTheBodyAndTheHeaders() {
        Map<String, Object> author = new LinkedHashMap<>(Map.of("name", "Jane Doe", "email", "jane@example.org"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agent", "dana");
        body.put("scm", new LinkedHashMap<>(Map.of("system", "git", "author", author)));
        EventDraft e = EventDraft.of("git.receive", "s", body).withUsernames(ScmPeople.of("dana", "Jane Doe", "bob@example.org"));
        EventDraft named = ScmPeople.named(e, ACCOUNTS);
        assertThat(named.usernames()).containsExactly("dana", "jdoe");
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) ((Map<String, Object>) named.body().get("scm")).get("author");
        assertThat(a).containsEntry("username", "jdoe").containsEntry("email", "jane@example.org");
        assertThat(e.body()).as("the draft is not changed").isEqualTo(body);
    }

    @Test
    void anAuthorWithoutAnAccountIsLeftAsTheMailShowsIt() {
        Map<String, Object> body = Map.of("scm", Map.of("author", Map.of("name", "X", "email", "x@example.net")));
        EventDraft named = ScmPeople.named(EventDraft.of("svn.commit", "s", body).withUsernames(Set.of("xlogin")), ACCOUNTS);
        assertThat(named.usernames()).containsExactly("xlogin");
        assertThat(named.body()).isEqualTo(body);
    }
}
