package org.mailbridge.event;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
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
    private static final JsonFactory FACTORY = new ObjectMapper().getFactory();

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
        Object copied;
        try {
            copied = copy(body, 0);
        } catch (NotJson e) {
            // Again, naming paths this time, for the message that says where the bad value is.
            copied = copy(body, "", 0);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) copied;
        try (ByteArrayBuilder out = new ByteArrayBuilder(FACTORY._getBufferRecycler());
             JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            write(g, tree);
            g.close();
            return new Checked(tree, out.toByteArray());
        } catch (IOException e) {
            // Only the types copy() lets through reach here; Jackson writes every one of them.
            throw new UnserialisableBodyException("", "cannot be written as JSON: " + e.getMessage());
        }
    }

    /** A value copy() refuses; copy(v, path, depth) then says which and where. */
    private static final class NotJson extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotJson() {
            super(null, null, false, false);
        }
    }

    /**
     * The checked copy, without the path of every value: paths are only for the message about a
     * bad value, and making one per value costs more than the copy.
     */
    private static Object copy(Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new NotJson();
        }
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof Short || v instanceof Byte || v instanceof BigInteger || v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof Double || v instanceof Float) {
            if (!Double.isFinite(((Number) v).doubleValue())) {
                throw new NotJson();
            }
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 4 / 3 + 1));
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new NotJson();
                }
                out.put(k, copy(e.getValue(), depth + 1));
            }
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object item : c) {
                out.add(copy(item, depth + 1));
            }
            return Collections.unmodifiableList(out);
        }
        throw new NotJson();
    }

    /**
     * Writes a checked tree straight to the generator: the bytes {@code ObjectMapper} writes for
     * it (JsonBodyTest compares them), without looking up a serialiser for every value.
     */
    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object item : l) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).intValue());
        } else if (v instanceof Long n) {
            g.writeNumber(n);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Float f) {
            g.writeNumber(f);
        } else if (v instanceof BigInteger n) {
            g.writeNumber(n);
        } else {
            g.writeNumber((BigDecimal) v);
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
