package org.mailbridge.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.mailbridge.testing.GoldenMails;

/**
 * The bytes published are exactly what Jackson's {@code ObjectMapper} writes for the body, for
 * every golden event and for every kind of value a body may hold; and event ids are
 * {@link UUID#nameUUIDFromBytes}'s.
 */
class JsonBodyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyGoldenEventIsWrittenAsObjectMapperWritesIt() throws Exception {
        List<Event> events = GoldenMails.events();
        assertThat(events).hasSizeGreaterThan(100);
        for (Event e : events) {
            assertThat(new String(e.payload(), StandardCharsets.UTF_8)).as(e.id())
                    .isEqualTo(new String(MAPPER.writeValueAsBytes(e.body()), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyKindOfValueIsWrittenAsObjectMapperWritesIt() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", "quote \" backslash \\ tab \t nl \n cr \r nul \u0000 del \u007f é ü 漢字 😀 \u2028 \ud800 </script>");
        body.put("empty", "");
        body.put("null", null);
        body.put("yes", true);
        body.put("no", false);
        body.put("int", Integer.MIN_VALUE);
        body.put("long", Long.MAX_VALUE);
        body.put("short", (short) -7);
        body.put("byte", (byte) 12);
        body.put("double", 1.0e-7);
        body.put("double2", 123456789.125);
        body.put("negzero", -0.0);
        body.put("float", 3.14f);
        body.put("bigint", new BigInteger("123456789012345678901234567890"));
        body.put("bigdec", new BigDecimal("1.2300E+5"));
        body.put("list", Arrays.asList(1, "two", null, List.of(), Map.of()));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("a b.c", List.of(Map.of("k", 1L)));
        nested.put("", "empty key");
        body.put("nested", nested);
        List<Object> deep = new ArrayList<>();
        body.put("deep", deep);
        for (int i = 0; i < 50; i++) {
            List<Object> next = new ArrayList<>();
            deep.add(next);
            deep = next;
        }
        JsonBody.Checked c = JsonBody.of(body);
        assertThat(new String(c.json(), StandardCharsets.UTF_8))
                .isEqualTo(new String(MAPPER.writeValueAsBytes(c.tree()), StandardCharsets.UTF_8));
    }

    @Test
    void idsAreNameBasedUuidsOfVersionThree() {
        for (int i = 0; i < 2000; i++) {
            byte[] name = ("mailbridge\u0000<" + i + "@example.org>\u0000bugzilla\u0000" + (i % 7)).getBytes(StandardCharsets.UTF_8);
            assertThat(EventIds.nameUuid(name)).isEqualTo(UUID.nameUUIDFromBytes(name));
        }
        assertThat(EventIds.nameUuid(new byte[0])).isEqualTo(UUID.nameUUIDFromBytes(new byte[0]));
    }
}
