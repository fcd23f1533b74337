package org.mailbridge.mail;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.FieldParser;
import org.apache.james.mime4j.dom.field.ParsedField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.field.UnstructuredFieldImpl;
import org.apache.james.mime4j.stream.Field;

/**
 * The field parser Mime4j's body descriptor builder gets: the lenient one for the fields a body
 * descriptor is made of ({@code Content-*}, {@code MIME-Version}), and for every other field the
 * plain unstructured field Mime4j gives names it does not know. The builder keeps only the
 * former (their {@code bodyDescriptionField()} is true), and the collector reads nothing but the
 * raw bytes, name and body of the others, so the descriptors and fields are the same as with the
 * lenient parser for all; only the work of parsing every {@code From}, {@code To} and
 * {@code Date} a second time (the reader decodes them itself) is saved. Stateless.
 */
final class ContentFieldsOnly implements FieldParser<ParsedField> {
    static final ContentFieldsOnly PARSER = new ContentFieldsOnly();

    private ContentFieldsOnly() {
    }

    @Override
    public ParsedField parse(Field field, DecodeMonitor monitor) {
        String name = field.getName();
        if (name.regionMatches(true, 0, "content-", 0, 8) || name.equalsIgnoreCase("mime-version")) {
            return LenientFieldParser.getParser().parse(field, monitor);
        }
        return UnstructuredFieldImpl.PARSER.parse(field, monitor);
    }
}
