package org.mailbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.ParseOutcome;

/** Matching, extraction, type conversion and templating of rules, on small mails. */
class RuleParserTest {
    private static final String HEAD = """
            id = "site"
            senders = ["robot@example.org"]
            """;

    /** A rule that takes every robot mail, up to its fields table. */
    private static final String ANY_ROBOT_MAIL = """
            [[rule]]
            name = "r"
            match.all = [{ in = "header:X-Robot" }]
            topic = "t"
            schema = "s"
            [rule.fields]
            """;

    private static String robot(String subject, String body) {
        return robot(subject, body, "Robot <robot@example.org>");
    }

    private static String robot(String subject, String body, String from) {
        return "From: " + from + "\nTo: bridge@example.org\nSubject: " + subject
                + "\nMessage-ID: <m1@example.org>\nX-Robot: yes\n\n" + body;
    }

    private static ParseOutcome parse(String toml, String mail, List<String> explain) {
        return RuleFixtures.parser(HEAD + toml).parse(RuleFixtures.mail(mail), explain::add);
    }

    private static EventDraft only(ParseOutcome o) {
        assertThat(o).isInstanceOf(ParseOutcome.Events.class);
        return ((ParseOutcome.Events) o).events().get(0);
    }

    @Test
    void allAnyAndNoneDecideAndExplainSaysWhy() {
        String toml = """
                [[rule]]
                name = "first"
                match.all = [{ in = "header:X-Robot" }, { in = "subject", regex = '^Deploy ' }]
                ignore = "deploys are not events"
                [[rule]]
                name = "second"
                match.any = [{ in = "from", regex = '^nobody@' }, { in = "body", regex = '^Result: ok$' }]
                match.none = [{ in = "subject", regex = 'DRAFT' }]
                topic = "site.result"
                schema = "s"
                body = { ok = true }
                """;
        List<String> why = new ArrayList<>();
        assertThat(only(parse(toml, robot("Build 7", "x\nResult: ok\n"), why)).body()).containsEntry("ok", true);
        assertThat(why).containsExactly("rule 'first': no match: subject !~ /^Deploy /", "rule 'second': matches");
        why.clear();
        assertThat(parse(toml, robot("Build 7 DRAFT", "Result: ok\n"), why)).isInstanceOf(ParseOutcome.NotMine.class);
        assertThat(why).last().isEqualTo("rule 'second': no match: 'none' condition holds: subject ~ /DRAFT/");
        assertThat(parse(toml, robot("Deploy 7", ""), why)).isEqualTo(new ParseOutcome.Ignored("deploys are not events"));
        assertThat(parse(toml, robot("Build", "Result: failed\n"), new ArrayList<>())).isInstanceOf(ParseOutcome.NotMine.class);
    }

    /**
     * Covers two bugs: an unknown value inside {@code $each} was not listed (each element had a
     * context of its own that dropped its paths), and a key that is not an identifier was joined
     * with a bare dot instead of the SPI's bracketed form.
     */
    @Test
    void unknownsInsideEachAndOddKeysUseTheSpiPathSyntax() {
        String toml = ANY_ROBOT_MAIL + """
                builds = { in = "body", regex = '^Builds: (.*)', type = "list" }
                owner = { in = "body", regex = '^Owner: (\\S+)', unknown = "" }
                [rule.body]
                "build-list" = { "$each" = "builds", "$emit" = { nvr = "{{item}}", by = "{{owner}}" } }
                """;
        Map<String, Object> b = only(parse(toml, robot("s", "Builds: a-1-1, b-2-2\n"), new ArrayList<>())).body();
        assertThat(b).containsEntry("mailbridge", Map.of("unknown",
                List.of("[\"build-list\"][0].by", "[\"build-list\"][1].by")));
    }

    @Test
    void fieldsConvertToTheirTypes() {
        String toml = """
                [[rule]]
                name = "r"
                match.all = [{ in = "subject", regex = '^Build (?<num>\\d+) of (?<pkg>\\S+)' }]
                topic = "site.build.{{state}}"
                schema = "s"
                usernames = ["{{owners}}"]
                packages = ["{{pkg}}"]
                [rule.fields]
                n = { in = "field:num", type = "int" }
                owners = { in = "body", regex = '^Owners: (.*)$', type = "list" }
                ids = { in = "body", regex = '^Bug (\\d+)', all = true, type = "list", items = "int" }
                started = { in = "body", regex = '^Started: (.+)$', type = "date" }
                local = { in = "body", regex = '^Local: (.+)$', type = "datetime", zone = "Europe/Paris" }
                fmt = { in = "body", regex = '^Day: (.+)$', type = "date", format = "dd/MM/yyyy HH:mm X" }
                ok = { in = "body", regex = '^OK: (\\w+)', type = "bool" }
                state = { in = "body", regex = '^State: (\\w+)', map = { done = "complete", boom = "failed" } }
                nvr = { value = "{{pkg}}-{{n}}" }
                [rule.body]
                n = "{{n}}"
                label = "#{{n}} by {{owners}}"
                owners = "{{owners}}"
                ids = "{{ids}}"
                started = "{{started}}"
                local = "{{local}}"
                fmt = "{{fmt}}"
                ok = "{{ok}}"
                nvr = "{{nvr}}"
                nothing = "{{null}}"
                nested = { list = ["{{pkg}}", 3, false] }
                """;
        String body = "Owners: alice, bob ,\nBug 12 opened\nBug 13 closed\nStarted: Wed, 18 Feb 2015 14:50:37 EST\n"
                + "Local: 2026-07-01 12:00:00\nDay: 02/03/2026 10:00 Z\nOK: yes\nState: done\n";
        EventDraft e = only(parse(toml, robot("Build 42 of widget", body), new ArrayList<>()));
        assertThat(e.topic()).isEqualTo("site.build.complete");
        assertThat(e.usernames()).containsExactly("alice", "bob");
        assertThat(e.packages()).containsExactly("widget");
        assertThat(e.body()).containsEntry("n", 42L).containsEntry("label", "#42 by alice, bob")
                .containsEntry("owners", List.of("alice", "bob")).containsEntry("ids", List.of(12L, 13L))
                .containsEntry("started", 1424289037L).containsEntry("local", "2026-07-01T12:00:00+02:00")
                .containsEntry("fmt", 1772445600L).containsEntry("ok", true).containsEntry("nvr", "widget-42")
                .containsEntry("nothing", null).containsEntry("nested", Map.of("list", List.of("widget", 3L, false)))
                .containsEntry("mailbridge", Map.of("unknown", List.of()));
    }

    @Test
    void blocksAndContinuedLines() {
        String toml = ANY_ROBOT_MAIL + """
                quoted = { in = "body", after = '^``$', until_last = '^``$' }
                first = { in = "body", after = '^``$', until = '^``$' }
                notes = { in = "body", regex = '^ +Notes: (.*)$', continued = '^ {13}(\\S.*)$', join = " " }
                named = { in = "body", regex = '^Id: (?<id>\\d+)/(?<sub>\\d+)', group = "sub", type = "int" }
                [rule.body]
                quoted = "{{quoted}}"
                first = "{{first}}"
                notes = "{{notes}}"
                named = "{{named}}"
                """;
        String body = "Hi\n``\nline one\n``\ninner\n``\n\n       Notes: a long note that\n"
                + "             wraps here\n             and here\n   Submitter: x\nId: 5/9\n";
        Map<String, Object> b = only(parse(toml, robot("s", body), new ArrayList<>())).body();
        assertThat(b).containsEntry("quoted", "line one\n``\ninner").containsEntry("first", "line one")
                .containsEntry("notes", "a long note that wraps here and here").containsEntry("named", 9L);
    }

    @Test
    void missingFieldsAreMalformedDefaultedOrUnknown() {
        String toml = ANY_ROBOT_MAIL + """
                tag = { in = "body", regex = '^Tag: (\\S+)', default = "{{null}}" }
                owner = { in = "body", regex = '^Owner: (\\S+)', unknown = "" }
                epoch = { unknown = "{{null}}" }
                builds = { in = "body", regex = '^Builds: (.*)', type = "list", unknown = [] }
                id = { in = "body", regex = '^ID: (\\d+)', type = "int" }
                owner_mail = { value = "{{owner}}@example.org", unknown = "" }
                [rule.body]
                tag = "{{tag}}"
                who = { name = "{{owner}}", at = "{{owner_mail}}" }
                epoch = "{{epoch}}"
                builds = { "$each" = "builds", "$emit" = { nvr = "{{item}}" } }
                assignee = { "$when" = "tag", "$emit" = { name = "{{tag}}" } }
                id = "{{id}}"
                """;
        Map<String, Object> b = only(parse(toml, robot("s", "ID: 7\n"), new ArrayList<>())).body();
        assertThat(b).containsEntry("tag", null).containsEntry("epoch", null).containsEntry("builds", List.of())
                .containsEntry("assignee", null).containsEntry("who", Map.of("name", "", "at", ""))
                .containsEntry("mailbridge", Map.of("unknown", List.of("who.name", "who.at", "epoch", "builds")));
        Map<String, Object> full = only(parse(toml, robot("s", "ID: 7\nTag: f41\nOwner: al\nBuilds: a-1-1, b-2-2\n"),
                new ArrayList<>())).body();
        assertThat(full).containsEntry("builds", List.of(Map.of("nvr", "a-1-1"), Map.of("nvr", "b-2-2")))
                .containsEntry("assignee", Map.of("name", "f41")).containsEntry("who", Map.of("name", "al", "at", "al@example.org"))
                .containsEntry("mailbridge", Map.of("unknown", List.of("epoch")));
        assertThat(parse(toml, robot("s", "ID: seven\n"), new ArrayList<>())).isEqualTo(
                new ParseOutcome.Malformed("rule 'r' of site: field 'id': not found in body"));
        assertThat(parse(toml.replace("'^ID: (\\d+)'", "'^ID: (\\S+)'"), robot("s", "ID: seven\n"), new ArrayList<>()))
                .isEqualTo(new ParseOutcome.Malformed("rule 'r' of site: field 'id': 'seven' is not an integer"));
    }

    @Test
    void continueMakesSeveralEventsAndTopicsAreChecked() {
        String toml = """
                [[rule]]
                name = "a"
                match.all = [{ in = "subject", regex = '^moved (?<from>\\S+) (?<to>\\S+)$' }]
                continue = true
                topic = "site.untag"
                schema = "s"
                body = { tag = "{{from}}" }
                [[rule]]
                name = "b"
                match.all = [{ in = "subject", regex = '^moved (?<from>\\S+) (?<to>\\S+)$' }]
                topic = "site.tag.{{to}}"
                schema = "s"
                body = { tag = "{{to}}" }
                """;
        ParseOutcome o = parse(toml, robot("moved f1 f2", ""), new ArrayList<>());
        assertThat(((ParseOutcome.Events) o).events()).extracting(EventDraft::topic).containsExactly("site.untag", "site.tag.f2");
        assertThat(parse(toml, robot("moved f1 f2!x", ""), new ArrayList<>())).isEqualTo(
                new ParseOutcome.Malformed("rule 'b' of site: topic 'site.tag.f2!x' is not dotted words of A-Z a-z 0-9 _ -"));
    }

    @Test
    void trustComesFromTheRuleFileSenders() {
        String toml = """
                [[rule]]
                name = "r"
                match.all = [{ in = "header:X-Robot" }]
                topic = "t"
                schema = "s"
                body = {}
                """;
        assertThat(((ParseOutcome.Events) parse(toml, robot("s", ""), new ArrayList<>())).trust().trusted()).isTrue();
        String forged = robot("s", "", "robot@example.net");
        assertThat(((ParseOutcome.Events) parse(toml, forged, new ArrayList<>())).trust().header())
                .startsWith("untrusted: sender robot@example.net is not one of [robot@example.org]");
    }

    @Test
    void catastrophicBacktrackingIsStoppedByTheBudget() {
        String toml = """
                [[rule]]
                name = "evil"
                match.all = [{ in = "body", regex = '^(.*a){12}$' }]
                topic = "t"
                schema = "s"
                body = {}
                """;
        // Java's regex engine memoises simple nested loops, but not this: hours on 60 characters.
        String line = "a".repeat(60) + "!\n";
        List<String> why = new ArrayList<>();
        long start = System.nanoTime();
        ParseOutcome o = parse(toml, robot("s", line.repeat(3)), why);
        assertThat(o).isInstanceOf(ParseOutcome.Malformed.class);
        assertThat(((ParseOutcome.Malformed) o).reason()).contains("regular-expression budget");
        assertThat(System.nanoTime() - start).isLessThan(20_000_000_000L);
    }

    @Test
    void patternsSeeAtMostTheFirst4096CharactersOfALine() {
        String toml = """
                [[rule]]
                name = "tail"
                match.all = [{ in = "body", regex = 'TAIL$' }]
                topic = "t"
                schema = "s"
                body = {}
                """;
        assertThat(parse(toml, robot("s", "x".repeat(10) + "TAIL\n"), new ArrayList<>())).isInstanceOf(ParseOutcome.Events.class);
        assertThat(parse(toml, robot("s", "x".repeat(5000) + "TAIL\n"), new ArrayList<>())).isInstanceOf(ParseOutcome.NotMine.class);
    }

    /** Bodhi's bugs (issue 15: only the first of several bugs was read): a list spread over lines. */
    @Test
    void aFromBlockWithAllIsReadLineByLine() {
        String toml = """
                [[rule]]
                name = "r"
                match.all = [{ in = "subject", regex = '^Update' }]
                topic = "site.update"
                schema = "s"
                [rule.fields]
                bugs = { in = "body", from = '^ {7}Bugs: \\d+ -', until = '^ {0,12}\\S', regex = '^(?: {7}Bugs:)? +(\\d+) -(?: |$)', all = true, type = "int", default = [] }
                lines = { in = "body", after = '^Notes:$', all = true, default = [] }
                [rule.body]
                bugs = "{{bugs}}"
                lines = "{{lines}}"
                """;
        String body = "       Bugs: 11 - first\n             22 - a long title that\n             wraps onto 33 - lines\n"
                + "             44 -\n      Notes: not a bug 55 - x\n             66 - after the label\nNotes:\na\n\nb\n";
        EventDraft e = only(parse(toml, robot("Update", body), new ArrayList<>()));
        assertThat(e.body()).containsEntry("bugs", List.of(11L, 22L, 44L)).containsEntry("lines", List.of("a", "", "b"));
        assertThat(only(parse(toml, robot("Update", "no bugs\n"), new ArrayList<>())).body()).containsEntry("bugs", List.of());
    }

    /** Koji's task block: a regex naming an earlier field matches that field's value literally. */
    @Test
    void aRegexNamesEarlierFieldsLiterallyAndTheSchemaIsATemplate() {
        String toml = """
                [[rule]]
                name = "r"
                match.all = [{ in = "subject", regex = '^Task (?<id>\\S+) (?<kind>[a-z]+)' }]
                topic = "site.task"
                schema = "site.task.{{kind}}.v1"
                [rule.fields]
                host = { in = "body", regex = '^Task {{id}} on (\\S+)$', unknown = "" }
                [rule.body]
                host = "{{host}}"
                """;
        EventDraft e = only(parse(toml, robot("Task 1.5 build", "Task 105 on wrong\nTask 1.5 on right\n"), new ArrayList<>()));
        assertThat(e.body()).containsEntry("host", "right");
        assertThat(e.schema()).isEqualTo("site.task.build.v1");
        EventDraft none = only(parse(toml, robot("Task 7 build", "Task 1.5 on right\n"), new ArrayList<>()));
        assertThat(none.body()).containsEntry("host", "");
        assertThat(RuleFixtures.errors(RuleFixtures.file("[rule.fields]\nh = { in = \"body\", regex = '{{nope}}(' }\n[rule.body]\nw = \"{{word}}\"\n")))
                .anySatisfy(m -> assertThat(m).contains("no field 'nope'"));
    }
}
