package org.mailbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The line numbers rule errors are reported at, across the TOML forms rule files use. */
class TomlLocatorTest {
    private static final String TEXT = """
            id = "x"            # 1
            senders = [         # 2
              "a@b.org",        # 3
              '''c@d.org''',    # 4
            ]
            note = \"\"\"
            several
            lines\"\"\"
            [[rule]]            # 9
            name = "one"
            match.all = [{ in = "subject" },
                         { in = "body", regex = 'x' }]  # 12
            [rule.fields]       # 13
            a = { in = "body",
                  type = "int" }                       # 15
            [[rule]]            # 16
            "quoted key" = 1
            [rule.body]         # 18
            x.y = "{{a}}"       # 19
            """;

    @Test
    void keysArrayElementsAndTablesHaveTheirLines() {
        TomlLocator l = TomlLocator.of(TEXT);
        assertThat(l.line("id")).isEqualTo(1);
        assertThat(l.line("senders[1]")).isEqualTo(4);
        assertThat(l.line("rule[0]")).isEqualTo(9);
        assertThat(l.line("rule[0].name")).isEqualTo(10);
        assertThat(l.line("rule[0].match.all[1].regex")).isEqualTo(12);
        assertThat(l.line("rule[0].fields")).isEqualTo(13);
        assertThat(l.line("rule[0].fields.a.type")).isEqualTo(15);
        assertThat(l.line("rule[1]")).isEqualTo(16);
        assertThat(l.line("rule[1].quoted key")).isEqualTo(17);
        assertThat(l.line("rule[1].body.x.y")).isEqualTo(19);
    }

    @Test
    void unknownPathsFallBackToTheNearestAncestor() {
        TomlLocator l = TomlLocator.of(TEXT);
        assertThat(l.line("rule[0].fields.a.missing")).isEqualTo(14);
        assertThat(l.line("nothing.here")).isZero();
    }
}
