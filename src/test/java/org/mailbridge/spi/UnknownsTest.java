package org.mailbridge.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The one {@code body.mailbridge.unknown} path syntax every parser uses. */
class UnknownsTest {
    @Test
    void pathsAreDottedIdentifiersWithBracketsForIndexesAndOddKeys() {
        Unknowns u = new Unknowns().add("agent");
        u.add(Unknowns.key("commit.stats.files", "a b.txt")).add(Unknowns.key("commit", "path"));
        u.add(Unknowns.key(Unknowns.index("commits", 2), "summary"));
        u.add(Unknowns.key("", "x-y")).add(Unknowns.key("", "top"));
        assertThat(u.list()).containsExactly("agent", "commit.stats.files[\"a b.txt\"]", "commit.path",
                "commits[2].summary", "[\"x-y\"]", "top");
    }

    @Test
    void quotesBackslashesAndControlCharactersInKeysAreEscapedAsInJson() {
        assertThat(Unknowns.key("f", "a\"b\\c\nd")).isEqualTo("f[\"a\\\"b\\\\c\\u000ad\"]");
    }

    @Test
    void nestedPathsArePrefixedAndEachIsListedOnce() {
        Unknowns inner = new Unknowns().add("date").add(Unknowns.index("", 0)).add("date");
        Unknowns outer = new Unknowns().addAll("scm", inner).addAll("", new Unknowns().add("x"));
        assertThat(outer.list()).containsExactly("scm.date", "scm[0]", "x");
    }

    @Test
    void putWritesTheNeutralValueAndRecordsThePathOnlyWhenTheValueIsMissing() {
        Map<String, Object> m = new LinkedHashMap<>();
        Unknowns u = new Unknowns().put(m, "a", Optional.of(1), 0, "o.a").put(m, "b", Optional.empty(), 0, "o.b");
        assertThat(m).containsExactly(Map.entry("a", 1), Map.entry("b", 0));
        assertThat(u.list()).containsExactly("o.b");
        assertThat(u.toMailbridge(Map.of("date_source", "mail"))).containsExactly(
                Map.entry(Unknowns.LIST_KEY, java.util.List.of("o.b")), Map.entry("date_source", "mail"));
    }
}
