package org.mailbridge.event;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids. The id of the {@code index}-th event a parser makes from a mail is a
 * name-based UUID of the mail's content key (its Message-ID), the parser id and the index, so
 * the same mail delivered twice, to one bridge or to two, yields the same ids and consumers
 * can drop the duplicates.
 */
public final class EventIds {
    private EventIds() {
    }

    /** The id of one event. */
    public static String of(String contentKey, String parserId, int index) {
        String name = "mailbridge\u0000" + contentKey + "\u0000" + parserId + "\u0000" + index;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
