package org.mailbridge.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mailbridge.spi.Address;
import org.mailbridge.spi.Header;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.TrustVerdict;

/**
 * The site-wide trust requirement on {@code Authentication-Results} (RFC 8601): the mail must
 * carry a field of the configured authserv-id, the site's own MTA, that says {@code dkim=pass}
 * for the {@code From} domain (or a parent of it) or {@code spf=pass} for the envelope sender's
 * domain (or, without one, the {@code From} domain). Fields of any other authserv-id are
 * ignored: anyone can write them. Only the topmost field of the configured id counts, the one
 * the MTA added last; RFC 8601 section 5 has the MTA delete fields of its own id that arrive
 * from outside, which is what makes that field believable.
 */
public final class AuthenticationResults {
    private static final String FIELD = "Authentication-Results";

    private final String authservId;

    public AuthenticationResults(String authservId) {
        this.authservId = authservId.strip();
    }

    /** The verdict of the requirement on this mail. */
    public TrustVerdict check(Mail mail) {
        Optional<List<Result>> results = topmost(mail);
        if (results.isEmpty()) {
            return TrustVerdict.untrusted("no Authentication-Results from " + authservId);
        }
        String from = mail.from().map(Address::domain).orElse("");
        String envelope = mail.envelopeSender().map(Address::domain).orElse("");
        for (Result r : results.get()) {
            if (!r.result().equals("pass")) {
                continue;
            }
            if (r.method().equals("dkim") && !from.isEmpty() && aligned(from, domainOf(r.props().getOrDefault("header.d",
                    r.props().getOrDefault("header.i", ""))))) {
                return TrustVerdict.TRUSTED;
            }
            if (r.method().equals("spf")) {
                String d = domainOf(r.props().getOrDefault("smtp.mailfrom", ""));
                if (!d.isEmpty() && (envelope.isEmpty() ? aligned(from, d) : d.equals(envelope))) {
                    return TrustVerdict.TRUSTED;
                }
            }
        }
        return TrustVerdict.untrusted("Authentication-Results from " + authservId
                + " has no dkim=pass for " + (from.isEmpty() ? "(no From)" : from) + " and no aligned spf=pass");
    }

    private Optional<List<Result>> topmost(Mail mail) {
        for (Header h : mail.headers().fields()) {
            if (h.name().equalsIgnoreCase(FIELD)) {
                List<String> parts = split(stripComments(h.raw()));
                String[] id = parts.get(0).strip().split("\\s+");
                if (id.length > 0 && id[0].equalsIgnoreCase(authservId)) {
                    List<Result> out = new ArrayList<>();
                    for (String p : parts.subList(1, parts.size())) {
                        parse(p).ifPresent(out::add);
                    }
                    return Optional.of(out);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * One method's result.
     *
     * @param method lower-case method ({@code dkim}, {@code spf})
     * @param result lower-case result ({@code pass}, {@code fail}, ...)
     * @param props {@code ptype.property} to value, keys lower-case
     */
    record Result(String method, String result, Map<String, String> props) {
    }

    static Optional<Result> parse(String resinfo) {
        String s = resinfo.strip().replaceAll("\\s*=\\s*", "=").replaceAll("\\s*\\.\\s*(?=[A-Za-z-]+=)", ".");
        String[] tokens = s.split("\\s+");
        if (tokens.length == 0 || tokens[0].indexOf('=') <= 0) {
            return Optional.empty();
        }
        String[] mr = tokens[0].split("=", 2);
        String method = mr[0].toLowerCase(Locale.ROOT).replaceAll("/.*$", "");
        Map<String, String> props = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq > 0) {
                String v = tokens[i].substring(eq + 1);
                props.putIfAbsent(tokens[i].substring(0, eq).toLowerCase(Locale.ROOT),
                        v.length() > 1 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v);
            }
        }
        return Optional.of(new Result(method, mr[1].toLowerCase(Locale.ROOT), props));
    }

    /** Removes RFC 5322 comments, which may nest; quoted strings are kept. */
    static String stripComments(String v) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                if (depth == 0) {
                    out.append(c).append(v.charAt(i + 1));
                }
                i++;
            } else if (c == '"' && depth == 0) {
                quoted = !quoted;
                out.append(c);
            } else if (c == '(' && !quoted) {
                depth++;
            } else if (c == ')' && !quoted && depth > 0) {
                depth--;
                out.append(' ');
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> split(String v) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : v.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String domainOf(String v) {
        int at = v.lastIndexOf('@');
        return (at >= 0 ? v.substring(at + 1) : v).strip().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code authenticated} is {@code domain} or a parent of it (relaxed alignment). */
    private static boolean aligned(String domain, String authenticated) {
        return !authenticated.isEmpty() && (domain.equals(authenticated) || domain.endsWith("." + authenticated));
    }
}
