package org.mailbridge.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.AccountSettings;
import org.mailbridge.config.ConfigException;

/** The account resolver: user domains, the site map file, and a FASJSON-like directory served here. */
class AccountResolverTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    /** What the directory answers, by query ("rhbzemail=a@b"); absent: an empty result. */
    private volatile Map<String, String> answers = Map.of();
    private volatile int status = 200;
    private volatile long delayMillis;
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @BeforeEach
    void startDirectory() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/search/users/", this::answer);
        server.start();
    }

    @AfterEach
    void stopDirectory() {
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        String q = URLDecoder.decode(x.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        queries.add(q);
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String users = answers.getOrDefault(q, "");
        byte[] body = ("{\"result\": [" + users + "], \"page\": {\"total_results\": 1}}").getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    private AccountResolver resolver(Optional<Path> map, boolean directory) throws ConfigException {
        // Generous: the machine may be busy, and a first request warms the HTTP client up.
        return resolver(map, directory, Duration.ofSeconds(5));
    }

    private AccountResolver resolver(Optional<Path> map, boolean directory, Duration timeout) throws ConfigException {
        Optional<URI> url = directory
                ? Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")) : Optional.empty();
        AccountSettings s = new AccountSettings(List.of("fedoraproject.org"), map, url, timeout,
                Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofSeconds(5));
        return new AccountResolver(s, Duration.ZERO, now::get);
    }

    @Test
    void addressesAtUserDomainsAreTheirLocalPart() throws Exception {
        AccountResolver r = resolver(Optional.empty(), false);
        assertThat(r.account("jdoe@fedoraproject.org")).contains("jdoe");
        assertThat(r.account("Jane Doe <jdoe@FedoraProject.ORG>")).contains("jdoe");
        assertThat(r.account("devel@lists.fedoraproject.org")).isEmpty();
        assertThat(r.account("jdoe@example.org")).isEmpty();
        assertThat(r.account("Jane Doe")).isEmpty();
        assertThat(r.account("bad name@fedoraproject.org")).isEmpty();
        assertThat(r.accounts(List.of("b@fedoraproject.org", "a@fedoraproject.org", "x@example.org")))
                .containsExactly("a", "b");
    }

    @Test
    void theSiteMapIsReadAndReloadedWhenItChanges() throws Exception {
        Path map = dir.resolve("accounts.map");
        Files.writeString(map, "# site accounts\nJane.Doe@Example.org  jdoe\nbob@example.org bobby # a comment\n");
        AccountResolver r = resolver(Optional.of(map), false);
        assertThat(r.account("jane.doe@example.org")).contains("jdoe");
        assertThat(r.account("Bob <bob@example.org>")).contains("bobby");

        Files.writeString(map, "bob@example.org robert\n");
        Files.setLastModifiedTime(map, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertThat(r.account("bob@example.org")).contains("robert");
        assertThat(r.account("jane.doe@example.org")).isEmpty();

        // A broken edit keeps the last good map rather than emptying it.
        Files.writeString(map, "this line is not a mapping at all\n");
        Files.setLastModifiedTime(map, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        assertThat(r.account("bob@example.org")).contains("robert");
    }

    @Test
    void aBrokenOrMissingMapFileIsAConfigurationError() throws Exception {
        Path map = dir.resolve("broken.map");
        Files.writeString(map, "ok@example.org ok\nno-account-here@example.org\n");
        assertThatThrownBy(() -> resolver(Optional.of(map), false)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("broken.map:2");
        assertThatThrownBy(() -> resolver(Optional.of(dir.resolve("absent.map")), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("accounts.map_file");
    }

    @Test
    void theDirectoryIsSearchedByBugzillaAddressThenByEmailAndCached() throws Exception {
        answers = Map.of("rhbzemail=bz@redhat.com", "{\"username\": \"bzuser\"}",
                "email=alt@example.com", "{\"username\": \"altuser\", \"emails\": [\"alt@example.com\"]}",
                "rhbzemail=two@example.com", "{\"username\": \"a\"}, {\"username\": \"b\"}");
        AccountResolver r = resolver(Optional.empty(), true);
        assertThat(r.account("bz@redhat.com")).contains("bzuser");
        assertThat(r.account("Alt <alt@example.com>")).contains("altuser");
        assertThat(r.account("nobody@example.com")).isEmpty();
        // Several matches name no one, as bugzilla2fedmsg takes only a single match.
        assertThat(r.account("two@example.com")).isEmpty();
        assertThat(queries).containsExactly("rhbzemail=bz@redhat.com", "rhbzemail=alt@example.com",
                "email=alt@example.com", "rhbzemail=nobody@example.com", "email=nobody@example.com",
                "rhbzemail=two@example.com", "email=two@example.com");

        queries.clear();
        assertThat(r.account("BZ@redhat.com")).contains("bzuser");
        assertThat(r.account("nobody@example.com")).isEmpty();
        assertThat(queries).as("answers, 'no such user' too, come from the cache").isEmpty();
        // The user domain and the map are asked first: no query for them.
        assertThat(r.account("jdoe@fedoraproject.org")).contains("jdoe");
        assertThat(queries).isEmpty();
    }

    @Test
    void aFailingDirectoryGivesNoAccountAndIsLeftAloneForTheCooldown() throws Exception {
        status = 503;
        AccountResolver r = resolver(Optional.empty(), true);
        assertThat(r.accounts(List.of("a@example.com", "b@example.com", "c@example.com"))).isEmpty();
        assertThat(queries).as("one failed request, not one per address").hasSize(1);

        status = 200;
        answers = Map.of("rhbzemail=b@example.com", "{\"username\": \"bee\"}");
        assertThat(r.account("b@example.com")).as("still cooling down").isEmpty();
        assertThat(queries).hasSize(1);
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(r.account("b@example.com")).contains("bee");
    }

    @Test
    void aSlowDirectoryTimesOutAndTheMailGoesOn() throws Exception {
        delayMillis = 15_000;
        AccountResolver r = resolver(Optional.empty(), true, Duration.ofSeconds(1));
        // A guard against a hang, not a measurement: the request timeout is 1 s, the answer takes 15.
        Optional<String> got = assertTimeoutPreemptively(Duration.ofSeconds(12), () -> r.account("slow@example.com"));
        assertThat(got).isEmpty();
        assertThat(r.account("other@example.com")).isEmpty();
        assertThat(queries).hasSize(1);
    }

    @Test
    void oneMailSpendsNoMoreThanItsBudgetOnTheDirectory() throws Exception {
        AccountResolver r = resolver(Optional.empty(), true);
        server.removeContext("/v1/search/users/");
        server.createContext("/v1/search/users/", x -> {
            now.addAndGet(Duration.ofSeconds(3).toNanos()); // each answer "takes" three seconds
            answer(x);
        });
        r.accounts(List.of("a@example.com", "b@example.com", "c@example.com", "d@example.com"));
        // a: two queries (6 s), past the 5 s budget: b, c and d are not asked.
        assertThat(queries).containsExactly("rhbzemail=a@example.com", "email=a@example.com");
    }

    @Test
    void garbageFromTheDirectoryIsAFailureNotAName() throws Exception {
        server.removeContext("/v1/search/users/");
        server.createContext("/v1/search/users/", x -> {
            queries.add(x.getRequestURI().getQuery());
            byte[] b = "<html>login</html>".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        AccountResolver r = resolver(Optional.empty(), true);
        assertThat(r.account("a@example.com")).isEmpty();
        assertThat(r.account("b@example.com")).isEmpty();
        assertThat(queries).hasSize(1);
    }
}
