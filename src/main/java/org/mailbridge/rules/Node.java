package org.mailbridge.rules;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A value of a rule file together with its path, so that every check can report
 * {@code file:line: path: message}. Missing values are Nodes too ({@link #exists()} false),
 * which keeps the checks free of null tests.
 */
final class Node {
    private final Problems problems;
    private final String path;
    private final JsonNode node;
    private final Node parent;

    Node(Problems problems, String path, JsonNode node) {
        this(problems, path, node, null);
    }

    private Node(Problems problems, String path, JsonNode node, Node parent) {
        this.problems = problems;
        this.path = path;
        this.node = node;
        this.parent = parent;
    }

    boolean exists() {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    boolean isTable() {
        return exists() && node.isObject();
    }

    boolean isArray() {
        return exists() && node.isArray();
    }

    int size() {
        return exists() ? node.size() : 0;
    }

    JsonNode raw() {
        return node;
    }

    String path() {
        return path;
    }

    Node parent() {
        return parent == null ? this : parent;
    }

    Node child(String key) {
        return new Node(problems, path.isEmpty() ? key : path + "." + key, isTable() ? node.get(key) : null, this);
    }

    List<Node> elements() {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            out.add(new Node(problems, path + "[" + i + "]", node.get(i), this));
        }
        return out;
    }

    /** Keys in file order. */
    List<String> keys() {
        List<String> out = new ArrayList<>();
        if (isTable()) {
            node.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    void error(String message) {
        problems.add(path, message);
    }

    /** Reports every key not in {@code allowed}. */
    void allowOnly(Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                child(k).error("unknown key '" + k + "' (known here: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    /** This value as a string; null (with an error when required or of another type) otherwise. */
    String asString(boolean required) {
        if (!exists()) {
            if (required) {
                parent().error("missing key '" + path.substring(path.lastIndexOf('.') + 1) + "'");
            }
            return null;
        }
        if (!node.isTextual()) {
            error("must be a string");
            return null;
        }
        return node.asText();
    }

    String string(String key, boolean required) {
        return child(key).asString(required);
    }

    long integer(String key, long dflt) {
        Node c = child(key);
        if (!c.exists()) {
            return dflt;
        }
        if (!c.node.isIntegralNumber()) {
            c.error("must be an integer");
            return dflt;
        }
        return c.node.asLong();
    }

    boolean bool(String key, boolean dflt) {
        Node c = child(key);
        if (!c.exists()) {
            return dflt;
        }
        if (!c.node.isBoolean()) {
            c.error("must be true or false");
            return dflt;
        }
        return c.node.asBoolean();
    }

    /** A list of strings (a single string counts as a list of one). */
    List<String> strings(String key, boolean required) {
        Node c = child(key);
        List<String> out = new ArrayList<>();
        if (!c.exists()) {
            if (required) {
                error("missing key '" + key + "'");
            }
            return out;
        }
        if (c.node.isTextual()) {
            out.add(c.node.asText());
            return out;
        }
        if (!c.node.isArray()) {
            c.error("must be a list of strings");
            return out;
        }
        for (Node e : c.elements()) {
            String s = e.asString(true);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
