package org.mailbridge.rules;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a rule extracts one named field. The text comes from a {@link Source} ({@code in}) or a
 * template over earlier fields ({@code value}); then, in order: a block of lines between
 * {@code after} (or from {@code from}) and {@code until}, or the first value where {@code regex} is found (its
 * {@code group}, plus following lines that match {@code continued}, joined with {@code join});
 * then {@code map} looks the text up, or {@code type} converts it.
 *
 * @param name the field name
 * @param in where the text comes from, or null with {@code value}
 * @param value a template over earlier fields, or null with {@code in}
 * @param regex pattern to find, or null to take values whole (a sample when {@code regexOf} is set)
 * @param regexOf the regex as written when it names earlier fields ({@code {{field}}}, each
 *     matched literally), compiled per mail; else null
 * @param group the group of {@code regex} to take: an Integer, a String name, or null for
 *     group 1 (or the whole match when the regex has no group)
 * @param all take every match, making a list, instead of the first
 * @param continued lines right after a match that continue its value (wrapped text), or null
 * @param join what joins continued lines
 * @param after a block starts after the first line matching this (or at it, with
 *     {@code inclusive}), or null
 * @param inclusive the line matching {@code after} is the block's first line ({@code from = ...})
 * @param until the block ends before the next line matching this (null: at the end)
 * @param untilLast end the block at the last such line instead of the next
 * @param type the conversion
 * @param items the conversion of each list item
 * @param split where list values are split
 * @param format a {@link DateTimeFormatter} pattern for dates, or null for RFC 2822/ISO 8601
 * @param zone the zone of dates written without one, or null
 * @param map text → value lookup, or null; text not in the map counts as not found
 * @param fallback what happens when the mail does not carry the field
 */
record FieldSpec(String name, Source in, Template value, Pattern regex, Template regexOf, Object group, boolean all, Pattern continued,
                 String join, Pattern after, boolean inclusive, Pattern until, boolean untilLast, FieldType type, FieldType items,
                 Pattern split, DateTimeFormatter format, ZoneId zone, Map<String, Object> map, Fallback fallback) {
    /** Field names: also what {@code {{...}}} and {@code field:} accept. */
    static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*|[a-zA-Z][a-zA-Z0-9]*");
    /** Reserved for the current element inside {@code "$each"}. */
    static final String ITEM = "item";

    /** What a missing field becomes. */
    sealed interface Fallback {
        /** The field is required: a mail that matches the rule but lacks it is malformed. */
        record Required() implements Fallback {
        }

        /** Absence means this value (a fact, e.g. "no tag"): not flagged. */
        record Default(Object value) implements Fallback {
        }

        /**
         * The mail does not say: the value is the schema's neutral form and every body path
         * using it is listed in {@code mailbridge.unknown}.
         */
        record Unknown(Object value) implements Fallback {
        }
    }

    /** The fields of earlier rules this one reads. */
    List<String> dependsOn() {
        List<String> out = new ArrayList<>();
        if (value != null) {
            out.addAll(value.refs());
        } else if (in != null && in.kind() == Source.Kind.FIELD) {
            out.add(in.name());
        }
        if (regexOf != null) {
            out.addAll(regexOf.refs());
        }
        return out;
    }

    /**
     * This field with its regex made for one mail: each {@code {{field}}} of {@code regexOf}
     * replaced by that field's value, quoted so that it matches only itself.
     */
    FieldSpec resolved(Map<String, Object> fields) {
        if (regexOf == null) {
            return this;
        }
        Map<String, Object> quoted = new HashMap<>();
        for (String ref : regexOf.refs()) {
            quoted.put(ref, Pattern.quote(Template.text(fields.get(ref))));
        }
        return new FieldSpec(name, in, value, Pattern.compile(regexOf.render(quoted)), null, group, all, continued, join,
                after, inclusive, until, untilLast, type, items, split, format, zone, map, fallback);
    }
}
