package org.mailbridge.parse.scm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mailbridge.parse.scm.cvs.CvsParser;
import org.mailbridge.parse.scm.git.MultimailParser;
import org.mailbridge.parse.scm.hg.HgNotifyParser;
import org.mailbridge.parse.scm.svn.SvnParser;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.MailParser;

/**
 * The SCM schemas reject what they must: the golden test validates every produced body, and
 * this shows that validation can fail (a schema that accepts anything would pass it too).
 */
class ScmSchemasTest {
    private static final Path MAIL = Path.of("src/test/resources/mail/scm");

    @Test
    void gitReceiveNeedsEveryCommitV1Key() throws Exception {
        EventDraft d = first(new MultimailParser(), "git-multimail/commit-diff-dist-git-namespace.eml");
        assertThat(ScmTestSupport.violations(d)).isEmpty();
        Map<String, Object> body = ScmTestSupport.copy(d.body());
        ((Map<?, ?>) body.get("commit")).remove("path");
        assertThat(violations(d, body)).anyMatch(v -> v.contains("path"));
        body = ScmTestSupport.copy(d.body());
        body.remove("agent");
        assertThat(violations(d, body)).anyMatch(v -> v.contains("agent"));
    }

    @Test
    void gitReceiveDateIsTextAsInCommitV1() throws Exception {
        EventDraft d = first(new MultimailParser(), "git-multimail/commit-diff-dist-git-namespace.eml");
        Map<String, Object> body = ScmTestSupport.copy(d.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> commit = (Map<String, Object>) body.get("commit");
        commit.put("date", 1715637665L);
        assertThat(violations(d, body)).isNotEmpty();
    }

    @Test
    void refCreateNeedsTheNullOldRevision() throws Exception {
        EventDraft d = first(new MultimailParser(), "git-multimail/refchange-branch-created.eml");
        assertThat(d.topic()).isEqualTo("git.ref.create");
        Map<String, Object> body = ScmTestSupport.copy(d.body());
        body.put("old_rev", "9ab2f3d4c5e6f708192a3b4c5d6e7f8091a2b3c4");
        assertThat(violations(d, body)).isNotEmpty();
    }

    @Test
    void refUpdateRefusesAnUnknownRefType() throws Exception {
        EventDraft d = first(new MultimailParser(), "git-multimail/refchange-forced-push.eml");
        Map<String, Object> body = ScmTestSupport.copy(d.body());
        body.put("ref_type", "annotated tag");
        assertThat(violations(d, body)).isNotEmpty();
    }

    @Test
    void otherSystemsNeedTheScmCore() throws Exception {
        for (Object[] c : List.of(new Object[] {new SvnParser(), "svn/mailer-copies-props-url.eml"},
                new Object[] {new HgNotifyParser(), "hg/incoming-single-changeset.eml"},
                new Object[] {new CvsParser(), "cvs/syncmail-added-removed-with-diffs.eml"})) {
            EventDraft d = first((MailParser) c[0], (String) c[1]);
            assertThat(ScmTestSupport.violations(d)).as(d.topic()).isEmpty();
            Map<String, Object> body = ScmTestSupport.copy(d.body());
            ((Map<?, ?>) body.get("scm")).remove("files");
            assertThat(violations(d, body)).as(d.topic()).isNotEmpty();
            body = ScmTestSupport.copy(d.body());
            body.put("surprise", true);
            assertThat(violations(d, body)).as(d.topic()).isNotEmpty();
        }
    }

    private static EventDraft first(MailParser parser, String file) throws Exception {
        String raw = Files.readString(MAIL.resolve(file));
        return ScmTestSupport.events(ScmTestSupport.init(parser), raw).events().get(0);
    }

    private static java.util.Set<String> violations(EventDraft d, Map<String, Object> body) {
        return ScmTestSupport.violations(EventDraft.of(d.topic(), d.schema(), body));
    }
}
