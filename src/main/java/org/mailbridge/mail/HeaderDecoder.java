package org.mailbridge.mail;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.util.ByteSequence;
import org.mailbridge.spi.Address;
import org.mailbridge.spi.Header;

/** Decodes header fields: raw bytes to text, unfolding, RFC 2047 words, addresses, dates. */
final class HeaderDecoder {
    private static final Pattern FOLD = Pattern.compile("\\r?\\n(?=[ \\t])");
    private static final Pattern LINE_ENDS_AT_END = Pattern.compile("[\\r\\n]+$");
    private static final Pattern COMMENT_TAIL = Pattern.compile("\\s*\\([^()]*\\)\\s*$");

    private HeaderDecoder() {
    }

    static Header decode(Field f) {
        String raw;
        ByteSequence bytes = f.getRaw();
        if (bytes != null) {
            byte[] b = bytes.toByteArray();
            String all = TextDecoder.header(b);
            int colon = all.indexOf(':');
            raw = colon >= 0 ? all.substring(colon + 1) : f.getBody();
        } else {
            raw = f.getBody();
        }
        raw = raw == null ? "" : raw;
        // The patterns only change text that has a line break: most values have none.
        if (raw.indexOf('\n') >= 0) {
            raw = FOLD.matcher(raw).replaceAll("");
        }
        if (raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0) {
            raw = LINE_ENDS_AT_END.matcher(raw).replaceAll("");
        }
        raw = raw.strip();
        String value = raw;
        if (raw.contains("=?")) {
            try {
                value = DecoderUtil.decodeEncodedWords(raw, DecodeMonitor.SILENT);
            } catch (RuntimeException e) {
                value = raw; // a broken encoded word stays as written
            }
        }
        return new Header(f.getName().strip(), value, raw);
    }

    static List<Address> addresses(String raw) {
        List<Address> out = new ArrayList<>();
        try {
            AddressList list = LenientAddressParser.DEFAULT.parseAddressList(raw);
            String written = raw.toLowerCase(java.util.Locale.ROOT);
            for (Mailbox m : list.flatten()) {
                // Only an addr-spec as written counts: the parser decodes RFC 2047 words even
                // where RFC 2047 forbids them, so =?utf-8?Q?bugzilla=40redhat=2Ecom?= would
                // otherwise read as bugzilla@redhat.com and pass a trust check.
                if (m.getLocalPart() != null && !m.getLocalPart().isEmpty()
                        && written.contains(m.getAddress().toLowerCase(java.util.Locale.ROOT))) {
                    out.add(new Address(m.getName(), m.getAddress()));
                }
            }
        } catch (RuntimeException e) {
            // hostile or broken address header: no addresses rather than a crash
        }
        return out;
    }

    static Optional<OffsetDateTime> date(String value) {
        String v = value.strip();
        if (v.indexOf(')') >= 0) {
            v = COMMENT_TAIL.matcher(v).replaceAll("");
        }
        OffsetDateTime common = CommonDates.read(v);
        if (common != null) {
            return Optional.of(common);
        }
        try {
            return Optional.of(OffsetDateTime.from(DateTimeFieldLenientImpl.RFC_5322.parse(v)));
        } catch (java.time.DateTimeException e) {
            // fall through to the lenient parser
        }
        try {
            DateTimeField f = DateTimeFieldLenientImpl.PARSER.parse(new RawField("Date", v), DecodeMonitor.SILENT);
            if (f.getDate() != null) {
                return Optional.of(f.getDate().toInstant().atOffset(ZoneOffset.UTC));
            }
        } catch (RuntimeException e) {
            // unreadable date
        }
        return Optional.empty();
    }
}
