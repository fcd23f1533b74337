package org.mailbridge.spool;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why a message was quarantined: the content of its {@code <name>.reason} sidecar. The file is a
 * few {@code key: value} lines, so that an operator can read it with {@code cat} and a script with
 * {@code grep}.
 *
 * @param reason the category; its {@link QuarantineReason#code() code} is the file's first line
 * @param parser the parser involved, or empty
 * @param detail a one-line human explanation
 * @param time when the decision was made
 */
public record QuarantineNote(QuarantineReason reason, String parser, String detail, Instant time) {
    public QuarantineNote {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(time, "time");
        parser = parser == null ? "" : oneLine(parser);
        detail = detail == null ? "" : oneLine(detail);
    }

    /** A note made now, with no parser. */
    public static QuarantineNote of(QuarantineReason reason, String detail) {
        return new QuarantineNote(reason, "", detail, Instant.now());
    }

    /** The sidecar text. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append("reason: ").append(reason.code()).append('\n');
        if (!parser.isEmpty()) {
            sb.append("parser: ").append(parser).append('\n');
        }
        sb.append("detail: ").append(detail).append('\n');
        sb.append("time: ").append(time).append('\n');
        return sb.toString();
    }

    /**
     * Reads a sidecar; unknown keys are skipped, and a missing reason, or one this version does not
     * know, reads as {@link QuarantineReason#UNKNOWN} (the file itself is left as it is).
     */
    public static QuarantineNote parse(String text) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                kv.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        Instant time;
        try {
            time = Instant.parse(kv.getOrDefault("time", ""));
        } catch (RuntimeException e) {
            time = Instant.EPOCH;
        }
        QuarantineReason reason = QuarantineReason.fromCode(kv.getOrDefault("reason", ""))
                .orElse(QuarantineReason.UNKNOWN);
        return new QuarantineNote(reason, kv.get("parser"), kv.get("detail"), time);
    }

    /** Sidecars are line-based: hostile mail must not be able to forge a second key. */
    private static String oneLine(String s) {
        String t = s.replaceAll("[\\r\\n\\t\\p{Cntrl}]+", " ").strip();
        return t.length() > 2000 ? t.substring(0, 2000) + "…" : t;
    }
}
