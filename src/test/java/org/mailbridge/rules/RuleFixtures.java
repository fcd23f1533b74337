package org.mailbridge.rules;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mailbridge.config.Limits;
import org.mailbridge.mail.MailReader;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserSettings;
import org.mailbridge.testing.FixedClock;

/** Builds rule parsers from TOML text and mails from text, for the rule tests. */
final class RuleFixtures {
    private RuleFixtures() {
    }

    /** The parser a rule file defines; fails the test with the errors when it has any. */
    static RuleParser parser(String toml) {
        List<String> errors = new ArrayList<>();
        RuleParser p = RuleFileReader.read(toml, "test.toml", null, errors)
                .orElseThrow(() -> new AssertionError("rule file has errors: " + errors));
        try {
            p.init(new org.mailbridge.parse.SimpleParserContext(p.id(), new ParserSettings(p.id(), Map.of()),
                    FixedClock.CLOCK));
        } catch (ParserConfigException e) {
            throw new AssertionError(e);
        }
        return p;
    }

    /** The errors of a rule file (empty when it is fine). */
    static List<String> errors(String toml) {
        List<String> errors = new ArrayList<>();
        RuleFileReader.read(toml, "test.toml", null, errors);
        return errors;
    }

    static Mail mail(String text) {
        try {
            return new MailReader(Limits.DEFAULT).read(new ByteArrayInputStream(
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A minimal valid rule file around one rule's extra lines (fields, body…). */
    static String file(String ruleBody) {
        return """
                id = "site"
                senders = ["robot@example.org"]

                [[rule]]
                name = "r"
                match.all = [{ in = "subject", regex = '^Build (?<word>\\S+)' }]
                topic = "site.build"
                schema = "site.build.v1"
                """ + ruleBody;
    }
}
