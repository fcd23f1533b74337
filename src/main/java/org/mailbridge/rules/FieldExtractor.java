package org.mailbridge.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.mailbridge.spi.AccountNames;

/** Runs a {@link FieldSpec} over a mail. */
final class FieldExtractor {
    private FieldExtractor() {
    }

    /** The mail does not carry the field, or not in a readable form. */
    static final class Missing extends Exception {
        private static final long serialVersionUID = 1L;

        Missing(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Extracts the field.
     *
     * @param fields the fields extracted so far (read by {@code field:} sources and templates)
     * @throws Missing when the mail does not carry it or it does not convert
     */
    static Object extract(FieldSpec spec, MailView mail, Map<String, Object> fields) throws Missing {
        FieldSpec f = spec.resolved(fields);
        List<String> texts = texts(f, mail, fields);
        if (texts.isEmpty()) {
            throw new Missing(f.in() != null ? "not found in " + f.in() : "template gave nothing");
        }
        List<Object> out = new ArrayList<>();
        for (String t : texts) {
            if (f.map() != null) {
                Object v = f.map().get(t.strip());
                if (v == null) {
                    throw new Missing("'" + FieldType.abbreviate(t.strip()) + "' is not one of " + f.map().keySet());
                }
                out.add(v);
            } else {
                try {
                    if (f.type() == FieldType.LIST) {
                        for (String item : f.split().split(t, -1)) {
                            if (!item.isBlank()) {
                                out.add(convert(f.items(), item, f, mail));
                            }
                        }
                    } else {
                        out.add(convert(f.type(), t, f, mail));
                    }
                } catch (IllegalArgumentException e) {
                    throw new Missing(e.getMessage());
                }
            }
        }
        return f.all() || f.type() == FieldType.LIST ? List.copyOf(out) : out.get(0);
    }

    /** One scalar: an {@code account} through the mail's resolver, the rest by {@link FieldType#convert}. */
    private static Object convert(FieldType type, String text, FieldSpec f, MailView mail) {
        if (type != FieldType.ACCOUNT) {
            return type.convert(text, f.format(), f.zone());
        }
        String s = text.strip();
        if (AccountNames.isAccountName(s)) {
            return s;
        }
        return mail.accounts().account(s).orElseThrow(() -> new IllegalArgumentException(
                "'" + FieldType.abbreviate(s) + "' names no known account"));
    }

    private static List<String> texts(FieldSpec f, MailView mail, Map<String, Object> fields) throws Missing {
        List<String> values = f.value() != null ? List.of(f.value().render(fields)) : f.in().values(mail, fields);
        if (f.after() != null) {
            return block(f, mail, values);
        }
        if (f.regex() == null) {
            List<String> v = values.stream().filter(s -> !s.isBlank()).toList();
            return f.all() || v.isEmpty() ? v : List.of(v.get(0));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Matcher m = f.regex().matcher(mail.budget().wrap(values.get(i)));
            if (!m.find()) {
                continue;
            }
            StringBuilder v = new StringBuilder(group(f, m));
            while (f.continued() != null && i + 1 < values.size()) {
                Matcher c = f.continued().matcher(mail.budget().wrap(values.get(i + 1)));
                if (!c.find()) {
                    break;
                }
                v.append(f.join()).append(c.groupCount() > 0 && c.group(1) != null ? c.group(1) : c.group());
                i++;
            }
            out.add(v.toString());
            if (!f.all()) {
                break;
            }
        }
        return out;
    }

    private static String group(FieldSpec f, Matcher m) {
        String g;
        if (f.group() instanceof String name) {
            g = m.group(name);
        } else if (f.group() instanceof Number n) {
            g = m.group(n.intValue());
        } else {
            g = m.groupCount() > 0 ? m.group(1) : m.group();
        }
        return g == null ? "" : g;
    }

    /**
     * The lines between the first {@code after} line (or from the first {@code from} line on) and
     * the next (or last) {@code until} line. With {@code all}, the block is its lines, and
     * {@code regex} is found in each: a list spread over lines, such as Bodhi's bugs.
     */
    private static List<String> block(FieldSpec f, MailView mail, List<String> lines) {
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            if (f.after().matcher(mail.budget().wrap(lines.get(i))).find()) {
                start = f.inclusive() ? i : i + 1;
            }
        }
        if (start < 0) {
            return List.of();
        }
        int end = f.until() == null ? lines.size() : -1;
        for (int i = f.inclusive() ? start + 1 : start; i < lines.size() && f.until() != null; i++) {
            if (f.until().matcher(mail.budget().wrap(lines.get(i))).find()) {
                end = i;
                if (!f.untilLast()) {
                    break;
                }
            }
        }
        if (end < 0) {
            return List.of();
        }
        List<String> block = new ArrayList<>(lines.subList(start, end));
        while (!block.isEmpty() && block.get(0).isBlank()) {
            block.remove(0);
        }
        while (!block.isEmpty() && block.get(block.size() - 1).isBlank()) {
            block.remove(block.size() - 1);
        }
        if (f.all()) {
            return eachLine(f, mail, block);
        }
        String text = String.join("\n", block);
        if (f.regex() != null) {
            Matcher m = f.regex().matcher(mail.budget().wrap(text));
            return m.find() ? List.of(group(f, m)) : List.of();
        }
        return List.of(text);
    }

    private static List<String> eachLine(FieldSpec f, MailView mail, List<String> block) {
        List<String> out = new ArrayList<>();
        for (String line : block) {
            if (f.regex() == null) {
                out.add(line);
                continue;
            }
            Matcher m = f.regex().matcher(mail.budget().wrap(line));
            if (m.find()) {
                out.add(group(f, m));
            }
        }
        return out;
    }
}
