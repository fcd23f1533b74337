package org.mailbridge.accounts;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mailbridge.spi.AccountNames;

/**
 * One question to a FASJSON-compatible directory: {@code GET <base>/v1/search/users/?rhbzemail=A},
 * then, without a match, {@code ?email=A} (FASJSON's exact-match search fields). Exactly one
 * user found gives its {@code username}, as bugzilla2fedmsg takes it; none or several give none.
 * Anything but a 200 with that JSON shape is a {@link Failure}. Each request has the timeout;
 * there is no retry here (the caller backs off instead).
 */
final class DirectoryLookup {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("rhbzemail", "email");
    /** Bigger answers are not a user search result; refused before they are parsed. */
    private static final int MAX_ANSWER = 1 << 20;

    private final URI base;
    private final Duration timeout;
    private final HttpClient client;

    /** The directory did not answer, or not in FASJSON's form. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    DirectoryLookup(URI base, Duration timeout) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The account the directory has for an address, or empty. */
    Optional<String> find(String address) throws Failure {
        for (String field : FIELDS) {
            Optional<String> u = search(field, address);
            if (u.isPresent()) {
                return u;
            }
        }
        return Optional.empty();
    }

    private Optional<String> search(String field, String address) throws Failure {
        URI uri = base.resolve("v1/search/users/?" + field + "=" + URLEncoder.encode(address, StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> resp;
        try {
            resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Failure(uri.getHost() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
        if (resp.statusCode() != 200) {
            throw new Failure(uri.getHost() + ": HTTP " + resp.statusCode());
        }
        if (resp.body().length > MAX_ANSWER) {
            throw new Failure(uri.getHost() + ": answer of " + resp.body().length + " bytes");
        }
        JsonNode result;
        try {
            result = JSON.readTree(resp.body()).path("result");
        } catch (IOException e) {
            throw new Failure(uri.getHost() + ": not JSON: " + e.getMessage());
        }
        if (!result.isArray()) {
            throw new Failure(uri.getHost() + ": no 'result' list in the answer");
        }
        if (result.size() != 1) {
            return Optional.empty();
        }
        String name = result.get(0).path("username").asText("");
        return AccountNames.isAccountName(name) ? Optional.of(name) : Optional.empty();
    }
}
