package org.mailbridge.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.mailbridge.spi.Unknowns;

/**
 * The one check of an event body against the SPI's promise ({@link org.mailbridge.spi.EventDraft}:
 * maps with string keys, lists, strings, numbers, booleans and nulls), and its serialisation.
 * The body is copied into an immutable tree of exactly those types, then written once; what a
 * parser (or a plugin) keeps a reference to can no longer change what is published, and a
 * publisher is handed bytes that cannot fail to exist.
 */
final class JsonBody {
    /** The deepest nesting accepted, far beyond any real body; it also stops self-containing maps. */
    static final int MAX_DEPTH = 100;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBody() {
    }

    /**
     * A checked body.
     *
     * @param tree the immutable copy
     * @param json its UTF-8 JSON
     */
    record Checked(Map<String, Object> tree, byte[] json) {
    }

    /** Checks, copies and serialises {@code body}. */
    static Checked of(Map<String, ?> body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) copy(body, "", 0);
        try {
            return new Checked(tree, MAPPER.writeValueAsBytes(tree));
        } catch (JsonProcessingException e) {
            // Only the types copy() lets through reach here; Jackson writes every one of them.
            throw new UnserialisableBodyException("", "cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private static Object copy(Object v, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new UnserialisableBodyException(path, "nested deeper than " + MAX_DEPTH);
        }
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof Short || v instanceof Byte || v instanceof BigInteger || v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof Double || v instanceof Float) {
            if (!Double.isFinite(((Number) v).doubleValue())) {
                throw new UnserialisableBodyException(path, v + " is not a JSON number");
            }
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new UnserialisableBodyException(path, "a map key is "
                            + (e.getKey() == null ? "null" : "a " + e.getKey().getClass().getName()) + ", not a string");
                }
                out.put(k, copy(e.getValue(), Unknowns.key(path, k), depth + 1));
            }
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object item : c) {
                out.add(copy(item, Unknowns.index(path, out.size()), depth + 1));
            }
            return Collections.unmodifiableList(out);
        }
        throw new UnserialisableBodyException(path, "a " + v.getClass().getName()
                + " is not a JSON value (maps with string keys, lists, strings, numbers, booleans, null)");
    }
}
