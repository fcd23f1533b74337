package org.mailbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Each validation error of a rule file, with the line it is reported at. */
class RuleFileReaderTest {
    private static final String BODY = "[rule.body]\nw = \"{{word}}\"\n";

    @Test
    void aValidFileHasNoErrors() {
        assertThat(RuleFixtures.errors(RuleFixtures.file(BODY))).isEmpty();
    }

    @Test
    void tomlSyntaxErrorsGiveTheLine() {
        assertThat(RuleFixtures.errors("id = \"x\"\nsenders = [\"*\"\n[[rule]]\n"))
                .singleElement().asString().startsWith("test.toml:3: TOML syntax error");
    }

    @Test
    void unknownKeysAreReportedAtTheirLine() {
        List<String> e = RuleFixtures.errors(RuleFixtures.file("colour = \"red\"\n" + BODY));
        assertThat(e).containsExactly("test.toml:9: rule[0].colour: unknown key 'colour' (known here: body, continue, "
                + "fields, ignore, match, name, packages, privacy, schema, severity, topic, usernames)");
    }

    @Test
    void unknownKeysOfFieldsAndConditionsToo() {
        String toml = RuleFixtures.file("[rule.fields]\nn = { in = \"body\", regexp = 'x' }\n" + BODY)
                .replace("regex = '^Build", "rgx = 'x', regex = '^Build");
        assertThat(RuleFixtures.errors(toml)).containsExactly(
                "test.toml:6: rule[0].match.all[0].rgx: unknown key 'rgx' (known here: in, regex)",
                "test.toml:10: rule[0].fields.n.regexp: unknown key 'regexp' (known here: after, all, continued, default, "
                        + "format, from, group, in, items, join, map, regex, split, type, unknown, until, until_last, value, zone)");
    }

    @Test
    void missingRequiredKeys() {
        assertThat(RuleFixtures.errors("[[rule]]\nname = \"r\"\n")).containsExactly(
                "test.toml: missing key 'id'",
                "test.toml: missing key 'senders'",
                "test.toml:1: rule[0]: missing key 'match'",
                "test.toml:1: rule[0]: missing key 'topic'",
                "test.toml:1: rule[0]: missing key 'schema'",
                "test.toml:1: rule[0]: missing key 'body'");
        assertThat(RuleFixtures.errors("id = \"x\"\nsenders = [\"*\"]\n")).containsExactly("test.toml: needs at least one [[rule]]");
    }

    @Test
    void badRegularExpressions() {
        assertThat(RuleFixtures.errors(RuleFixtures.file("[rule.fields]\nn = { in = \"body\", regex = '(\\d+' }\n" + BODY)))
                .containsExactly("test.toml:10: rule[0].fields.n.regex: bad regular expression: Unclosed group at index 4"
                        + " of '(\\d+'");
    }

    @Test
    void templatesMayOnlyNameFieldsDefinedBefore() {
        String toml = RuleFixtures.file("""
                [rule.fields]
                a = { in = "field:b" }
                b = { in = "body" }
                [rule.body]
                x = "{{word}}-{{c}}"
                y = "{{word"
                """);
        assertThat(RuleFixtures.errors(toml)).containsExactly(
                "test.toml:10: rule[0].fields.a.in: template error: no field 'b' is defined before this (known: word)",
                "test.toml:13: rule[0].body.x: template error: no field 'c' is defined before this (known: word, a, b)",
                "test.toml:14: rule[0].body.y: template error: unbalanced '{{' or '}}' in '{{word'");
    }

    @Test
    void topicTemplatesAreCheckedToo() {
        String toml = RuleFixtures.file(BODY).replace("topic = \"site.build\"", "topic = \"site.{{nope}}\"");
        assertThat(RuleFixtures.errors(toml)).singleElement().asString()
                .startsWith("test.toml:7: rule[0].topic: template error: no field 'nope'");
    }

    @Test
    void wrongTypesAndValues() {
        String toml = RuleFixtures.file("""
                severity = 25
                [rule.fields]
                a = { in = "body", type = "integer" }
                b = { in = "body", regex = '(x)', group = 2 }
                c = { in = "body", map = { x = 1 }, type = "int" }
                d = { in = "body", default = 1, unknown = 2 }
                e = { in = "nowhere" }
                f = { in = "body", format = "yyyy-MM-dd ppp" }
                g = { in = "body", zone = "Mars/Olympus" }
                h = { }
                """ + BODY).replace("senders = [\"robot@example.org\"]", "senders = [\"not an address\"]");
        assertThat(RuleFixtures.errors(toml)).containsExactly(
                "test.toml:2: senders: 'not an address' is not an address, @domain or *",
                "test.toml:11: rule[0].fields.a.type: unknown type 'integer' (string, int, bool, list, date, datetime, account)",
                "test.toml:12: rule[0].fields.b.group: the regex has no group 2",
                "test.toml:13: rule[0].fields.c: 'map' and 'type' exclude each other: the map's values carry their own type",
                "test.toml:14: rule[0].fields.d: 'default' and 'unknown' exclude each other",
                "test.toml:15: rule[0].fields.e.in: 'nowhere' is not a source (subject, from, from_name, envelope, to, body,"
                        + " header:<Name>, field:<name>)",
                "test.toml:16: rule[0].fields.f.format: bad date format: Pad letter 'p' must be followed by valid pad pattern: yyyy-MM-dd ppp",
                "test.toml:17: rule[0].fields.g.zone: unknown time zone 'Mars/Olympus'",
                "test.toml:18: rule[0].fields.h: a field needs 'in' or 'value' (or only 'unknown'/'default' for a value"
                        + " the mail never carries)",
                "test.toml:9: rule[0].severity: must be 10, 20, 30 or 40");
    }

    @Test
    void idsNamesAndReservedKeys() {
        String toml = """
                id = "Site Rules"
                senders = ["*"]
                [[rule]]
                name = "r"
                match.any = [{ in = "subject" }]
                topic = "t"
                schema = "s"
                body = { mailbridge = 1 }
                [[rule]]
                name = "r"
                match.any = [{ in = "subject" }]
                ignore = "no event"
                topic = "t"
                """;
        assertThat(RuleFixtures.errors(toml)).containsExactly(
                "test.toml:1: id: 'Site Rules' is not a parser id ([a-z][a-z0-9_.-]*, not 'mail')",
                "test.toml:8: rule[0].body.mailbridge: 'mailbridge' is added by the bridge (mailbridge.unknown)",
                "test.toml:13: rule[1].topic: a rule with 'ignore' makes no event, so it has no 'topic'",
                "test.toml:10: rule[1].name: rule name 'r' is used twice in this file");
    }

    @Test
    void eachAndWhenNeedKnownFields() {
        String toml = RuleFixtures.file("""
                [rule.body]
                a = { "$each" = "nope", "$emit" = "{{item}}" }
                b = { "$when" = "word" }
                c = "{{item}}"
                """);
        assertThat(RuleFixtures.errors(toml)).containsExactly(
                "test.toml:10: rule[0].body.a.$each: template error: no field 'nope' is defined before this (known: word)",
                "test.toml:11: rule[0].body.b: missing key '$emit'",
                "test.toml:12: rule[0].body.c: template error: no field 'item' is defined before this (known: word)");
    }

    @Test
    void matchNeedsAConditionAndFieldSourcesAreNotConditions() {
        String toml = RuleFixtures.file(BODY).replace("match.all = [{ in = \"subject\", regex = '^Build (?<word>\\S+)' }]",
                "match.none = [{ in = \"field:x\" }]");
        assertThat(RuleFixtures.errors(toml)).contains(
                "test.toml:6: rule[0].match.none[0].in: conditions test the mail; 'field:' sources are for fields",
                "test.toml:6: rule[0].match: needs at least one condition in 'all' or 'any'");
    }
}
