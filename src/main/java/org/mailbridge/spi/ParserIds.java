package org.mailbridge.spi;

import java.util.regex.Pattern;

/**
 * The rule for parser ids ({@link MailParser#id()}, a rule file's {@code id}): never null or
 * blank, {@code [a-z][a-z0-9_.-]*}, and not {@link #GENERIC}. Ids are part of every event id and
 * name the {@code [parsers.<id>]} configuration table, so the registry refuses any other id at
 * load time, whatever brought it.
 */
public final class ParserIds {
    /** The syntax, for error messages. */
    public static final String SYNTAX = "[a-z][a-z0-9_.-]*";
    /** The id reserved for the bridge's generic {@code mail.received} events. */
    public static final String GENERIC = "mail";
    private static final Pattern ID = Pattern.compile(SYNTAX);

    private ParserIds() {
    }

    /** Whether a parser may have {@code id}: the syntax, and not reserved. */
    public static boolean isUsable(String id) {
        return id != null && ID.matcher(id).matches() && !id.equals(GENERIC);
    }
}
