package org.mailbridge.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a condition or a field reads its text: {@code subject}, {@code from} (the From address),
 * {@code from_name}, {@code envelope} (the envelope sender), {@code to} (every To address),
 * {@code body} (each line of the text body), {@code header:<Name>} (every value of that header,
 * decoded) or {@code field:<name>} (a field extracted before).
 *
 * @param kind which part of the mail
 * @param name the header or field name, else empty
 */
record Source(Kind kind, String name) {
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+");

    /** The parts of a mail a rule can read. */
    enum Kind { SUBJECT, FROM, FROM_NAME, ENVELOPE, TO, BODY, HEADER, FIELD }

    /**
     * Parses a source as written in a rule file.
     *
     * @throws IllegalArgumentException with a message for the rule author
     */
    static Source parse(String s) {
        int colon = s.indexOf(':');
        if (colon > 0) {
            String prefix = s.substring(0, colon);
            String name = s.substring(colon + 1).strip();
            if (prefix.equals("header") && HEADER_NAME.matcher(name).matches()) {
                return new Source(Kind.HEADER, name);
            }
            if (prefix.equals("field") && FieldSpec.NAME.matcher(name).matches()) {
                return new Source(Kind.FIELD, name);
            }
        } else {
            for (Kind k : List.of(Kind.SUBJECT, Kind.FROM, Kind.FROM_NAME, Kind.ENVELOPE, Kind.TO, Kind.BODY)) {
                if (s.equals(k.name().toLowerCase(Locale.ROOT))) {
                    return new Source(k, "");
                }
            }
        }
        throw new IllegalArgumentException("'" + s + "' is not a source (subject, from, from_name, envelope, to, body,"
                + " header:<Name>, field:<name>)");
    }

    /** The texts to look at, in order: one per header value, address or body line. */
    List<String> values(MailView mail, Map<String, Object> fields) {
        return switch (kind) {
            case SUBJECT -> List.of(mail.capped(mail.mail().subject()));
            case FROM -> mail.mail().from().map(a -> List.of(a.email())).orElse(List.of());
            case FROM_NAME -> mail.mail().from().map(a -> List.of(a.name())).orElse(List.of());
            case ENVELOPE -> mail.mail().envelopeSender().map(a -> List.of(a.email())).orElse(List.of());
            case TO -> mail.mail().addresses("To").stream().map(a -> a.email()).toList();
            case BODY -> mail.bodyLines();
            case HEADER -> capped(mail, mail.mail().headers().all(name));
            case FIELD -> fieldValues(fields.get(name));
        };
    }

    /** The values cut to {@link MailView#MAX_LINE}: the list itself when none is longer (the usual case). */
    private static List<String> capped(MailView mail, List<String> values) {
        for (String v : values) {
            if (v.length() > MailView.MAX_LINE) {
                return values.stream().map(mail::capped).toList();
            }
        }
        return values;
    }

    private static List<String> fieldValues(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(v));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case HEADER -> "header:" + name;
            case FIELD -> "field:" + name;
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }
}
