package org.mailbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.ParseOutcome;

/** {@code [[rule.privacy]]}: a rule drops a mail or redacts fields when a condition holds. */
class RulePrivacyTest {
    private static final String FILE = """
            id = "tracker"
            senders = ["robot@example.org"]

            [[rule]]
            name = "comment"
            match.all = [{ in = "subject", regex = '^Comment on (?<ticket>\\d+)' }]
            topic = "tracker.comment"
            schema = "tracker.comment.v1"
            body = { ticket = "{{ticket}}", text = "{{text}}", visibility = "{{visibility}}" }
            [rule.fields]
            visibility = { in = "body", regex = '^Visibility: (\\w+)' }
            text = { in = "body", after = '^Text:', until = '^--$' }
            project = { in = "body", regex = '^Project: (.+)' }

            [[rule.privacy]]
            when.all = [{ in = "field:project", regex = '^internal-' }]
            drop = "product"

            [[rule.privacy]]
            when.any = [{ in = "field:visibility", regex = '^private$' }]
            redact = ["text"]
            """;

    private static ParseOutcome parse(String body) {
        return RuleFixtures.parser(FILE).parse(RuleFixtures.mail("From: robot@example.org\nSubject: Comment on 42\n"
                + "Message-ID: <c42@example.org>\n\n" + body), s -> { });
    }

    @Test
    void aPrivateCommentIsRedactedAndDeclared() {
        ParseOutcome o = parse("Project: widget\nVisibility: private\nText:\nThe customer's VPN key is in the case.\n--\n");
        assertThat(o).isInstanceOf(ParseOutcome.Events.class);
        ParseOutcome.Events ev = (ParseOutcome.Events) o;
        EventDraft d = ev.events().get(0);
        assertThat(d.body()).containsEntry("text", "").containsEntry("visibility", "private");
        assertThat(((Map<?, ?>) d.body().get("mailbridge")).get("redacted")).isEqualTo(List.of("text"));
        assertThat(ev.withheld()).containsExactly("The customer's VPN key is in the case.");
    }

    @Test
    void aPublicCommentIsUntouched() {
        ParseOutcome.Events ev = (ParseOutcome.Events) parse("Project: widget\nVisibility: public\nText:\nLooks good.\n--\n");
        assertThat(ev.events().get(0).body()).containsEntry("text", "Looks good.");
        assertThat(ev.withheld()).isEmpty();
    }

    @Test
    void aDropConditionWithholdsTheWholeMail() {
        ParseOutcome o = parse("Project: internal-payroll\nVisibility: public\nText:\nSalaries.\n--\n");
        assertThat(o).isInstanceOf(ParseOutcome.Withheld.class);
        assertThat(((ParseOutcome.Withheld) o).reason()).isEqualTo("policy: product");
        assertThat(((ParseOutcome.Withheld) o).detail()).doesNotContain("Salaries");
    }

    @Test
    void badPrivacyEntriesAreErrorsWithTheirLine() {
        String base = FILE.substring(0, FILE.indexOf("[[rule.privacy]]"));
        assertThat(RuleFixtures.errors(base + "[[rule.privacy]]\nwhen.all = [{ in = \"subject\" }]\nredact = [\"nope\"]\n"))
                .anyMatch(e -> e.contains("'nope' is not a field of this rule"));
        assertThat(RuleFixtures.errors(base + "[[rule.privacy]]\nwhen.all = [{ in = \"subject\" }]\n"))
                .anyMatch(e -> e.contains("either 'drop' or 'redact'"));
        assertThat(RuleFixtures.errors(base + "[[rule.privacy]]\nwhen.all = [{ in = \"subject\" }]\ndrop = \"Not A Word\"\n"))
                .anyMatch(e -> e.contains("short lower-case word"));
        assertThat(RuleFixtures.errors(base + "[[rule.privacy]]\ndrop = \"private\"\n"))
                .anyMatch(e -> e.contains("missing key 'when'"));
    }
}
