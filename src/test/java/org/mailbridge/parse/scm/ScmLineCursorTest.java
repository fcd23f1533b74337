package org.mailbridge.parse.scm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScmLineCursorTest {

    @Test
    void readsLinesWithEitherLineEnd() {
        LineCursor c = new LineCursor("a\r\nb\n\nc");
        assertThat(c.next()).isEqualTo("a");
        long mark = c.mark();
        assertThat(c.next()).isEqualTo("b");
        assertThat(c.lineNumber()).isEqualTo(2);
        c.reset(mark);
        assertThat(c.lineNumber()).isEqualTo(1);
        assertThat(c.peek()).isEqualTo("b");
        c.next();
        c.skipBlank();
        assertThat(c.next()).isEqualTo("c");
        assertThat(c.hasNext()).isFalse();
        assertThat(c.next()).isNull();
    }

    @Test
    void aFinalLineBreakEndsTheText() {
        LineCursor c = new LineCursor("only\n");
        assertThat(c.next()).isEqualTo("only");
        assertThat(c.hasNext()).isFalse();
    }

    @Test
    void personsAreReadFromTheUsualForms() {
        assertThat(Person.parse("Joe User <user@example.com>")).isEqualTo(new Person("Joe User", "user@example.com"));
        assertThat(Person.parse("\"O'Connor, John\" <john@example.com>").name()).isEqualTo("O'Connor, John");
        assertThat(Person.parse("user@example.com")).isEqualTo(new Person("", "user@example.com"));
        assertThat(Person.parse("mailer test")).isEqualTo(new Person("mailer test", ""));
        assertThat(Person.parse("set@users.sourceforge.net").localPart()).isEqualTo("set");
    }
}
