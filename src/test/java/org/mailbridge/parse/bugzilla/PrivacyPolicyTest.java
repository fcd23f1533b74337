package org.mailbridge.parse.bugzilla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.event.Event;
import org.mailbridge.pipeline.Interpretation;
import org.mailbridge.pipeline.Interpreters;
import org.mailbridge.testing.FixedClock;

/**
 * Covers the bug where a private comment on a Red Hat Enterprise Linux bug was published in
 * full: what the Bugzilla golden mails make, serialised as it is published (topic, every header,
 * the body), carries none of their private text; a RHEL mail is withheld by product; a mail whose
 * only news is private is withheld as private.
 */
class PrivacyPolicyTest {
    private static final Path DIR = Path.of("src/test/resources/mail/bugzilla");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lines of the private comments and attachment descriptions in the golden mails. */
    static final List<String> PRIVATE = List.of("lab-42.internal.example.com", "03955555", "ACME Corp", "prod-db-7",
            "sosreport from ACME", "keep it", "Customer case 03912345", "customer's hostnames");

    private static Interpretation interpret(String name) throws Exception {
        var config = ConfigLoader.parse("", DIR.resolve("none.toml").toAbsolutePath(), Map.of("XDG_DATA_HOME", "/nonexistent"));
        try (InputStream in = Files.newInputStream(DIR.resolve(name))) {
            return Interpreters.create(config, FixedClock.CLOCK).interpret(in, s -> { });
        }
    }

    private static String published(Interpretation in) throws Exception {
        StringBuilder b = new StringBuilder();
        for (Event e : ((Interpretation.Publishable) in).events()) {
            b.append(e.id()).append(e.topic()).append(JSON.writeValueAsString(e.headers()))
                    .append(JSON.writeValueAsString(e.body()));
        }
        return b.toString();
    }

    @Test
    void privateCommentsAndAttachmentsLeaveNoTrace() throws Exception {
        for (String mail : List.of("rh-fedora-private-comment-with-status-change.eml", "rh-fedora-private-attachment.eml")) {
            Interpretation in = interpret(mail);
            assertThat(in).as(mail).isInstanceOf(Interpretation.Publishable.class);
            String all = published(in);
            assertThat(all).as(mail).contains("bugzilla.bug.update");
            for (String secret : PRIVATE) {
                assertThat(all).as("%s must not carry '%s'", mail, secret).doesNotContain(secret);
            }
            assertThat(all).as(mail).doesNotContain("\"comment\":{").doesNotContain("2045511");
        }
    }

    @Test
    void aMailWhoseOnlyNewsIsPrivateIsWithheldAsPrivate() throws Exception {
        Interpretation in = interpret("rh-fedora-private-comment-only.eml");
        assertThat(in).isInstanceOf(Interpretation.Withheld.class);
        assertThat(((Interpretation.Withheld) in).reason()).isEqualTo("policy: private");
        assertThat(((Interpretation.Withheld) in).detail()).doesNotContain("lab-42").doesNotContain("03955555");
    }

    @Test
    void rhelProductsAreWithheldByDefault() throws Exception {
        for (String mail : List.of("rh-private-comment.eml", "rh-rhel-product-public-comment.eml")) {
            Interpretation in = interpret(mail);
            assertThat(in).as(mail).isInstanceOf(Interpretation.Withheld.class);
            assertThat(((Interpretation.Withheld) in).reason()).isEqualTo("policy: product");
        }
    }

    @Test
    void fedoraAndEpelMailNameTheirPeople() throws Exception {
        for (String mail : List.of("rh-epel-needinfo-and-cc.eml", "rh-changed-summary-wrapped-and-cc.eml")) {
            Event e = ((Interpretation.Publishable) interpret(mail)).events().get(0);
            assertThat(e.body().get("agent_name")).as(mail).isEqualTo("jnovak");
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) e.body().get("usernames");
            assertThat(names).as(mail).contains("jnovak").isSorted();
            for (String n : names) {
                assertThat(e.headers()).as(mail).containsEntry("fedora_messaging_user_" + n, true);
            }
        }
        Event epel = ((Interpretation.Publishable) interpret("rh-epel-needinfo-and-cc.eml")).events().get(0);
        // The changer, the assignee, the person added to CC and the one asked for needinfo.
        assertThat(epel.body().get("usernames")).isEqualTo(List.of("frank", "jnovak", "packager", "widget-maint"));
    }

    @Test
    void anAttachmentMadePrivateTakesItsRowsAndCommentsWithIt() throws Exception {
        org.mailbridge.spi.Mail mail = new org.mailbridge.mail.MailReader(org.mailbridge.config.Limits.DEFAULT).read(
                new java.io.ByteArrayInputStream(org.mailbridge.testing.TestMail.plain("x")
                        .header("X-Bugzilla-Type", "changed").bytes()));
        Bugmail m = new Bugmail(BugmailType.CHANGED, BugmailHeaders.read(mail), 7, "https://b/show_bug.cgi?id=7", List.of(),
                List.of(new Bugmail.ChangeBlock(java.util.Optional.empty(), java.util.Optional.empty(), List.of(
                        new TableRow("Attachment #12 is private", "0", "1"),
                        new TableRow("Attachment #12 Flags", "", "review?"),
                        new TableRow("Status", "NEW", "ASSIGNED")))),
                List.of(new Comment(java.util.OptionalLong.of(3), java.util.Optional.empty(),
                        "Comment on attachment 12\n  --> https://b/attachment.cgi?id=12\nsecret core dump of host-9\n\nlook",
                        java.util.Optional.empty(), java.util.OptionalLong.empty(), java.util.OptionalLong.empty())),
                List.of(), java.util.Optional.empty());
        PublicView v = PublicView.of(m);
        assertThat(v.mail().rows()).extracting(TableRow::label).containsExactly("Attachment #12 is private", "Status");
        assertThat(v.mail().comments()).isEmpty();
        assertThat(v.withheld()).anyMatch(t -> t.contains("secret core dump of host-9"));
        assertThat(v.privateNews()).isTrue();
        assertThat(v.nothingLeft()).isFalse();
    }
}
