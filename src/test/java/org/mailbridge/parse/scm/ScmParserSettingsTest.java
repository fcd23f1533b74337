package org.mailbridge.parse.scm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mailbridge.parse.scm.cvs.CvsParser;
import org.mailbridge.parse.scm.git.DistGitParser;
import org.mailbridge.parse.scm.git.MultimailParser;
import org.mailbridge.parse.scm.git.PagureCommitsParser;
import org.mailbridge.parse.scm.svn.SvnParser;
import org.mailbridge.spi.ParseOutcome;
import org.mailbridge.spi.ParserConfigException;

class ScmParserSettingsTest {
    private static final String SHA = "4c1e0a9b8d7c6e5f4a3b2c1d0e9f8a7b6c5d4e3f";

    @Test
    void aMistypedKeyIsAnError() {
        assertThatThrownBy(() -> ScmTestSupport.init(new MultimailParser(), Map.of("sender", List.of("a@b.c"))))
                .isInstanceOf(ParserConfigException.class)
                .hasMessageContaining("parsers.git-multimail.sender")
                .hasMessageContaining("max_events");
        assertThatThrownBy(() -> ScmTestSupport.init(new SvnParser(), Map.of("timezone", "Mars/Olympus")))
                .isInstanceOf(ParserConfigException.class).hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> ScmTestSupport.init(new CvsParser(), Map.of("max_patch", -1)))
                .isInstanceOf(ParserConfigException.class);
        assertThatThrownBy(() -> ScmTestSupport.init(new CvsParser(), Map.of("max_events", 0)))
                .isInstanceOf(ParserConfigException.class);
        assertThatThrownBy(() -> ScmTestSupport.init(new CvsParser(), Map.of("senders", List.of("not an address"))))
                .isInstanceOf(ParserConfigException.class);
    }

    @Test
    void mailersWithoutAWellKnownSenderTrustNobodyUntilConfigured() throws ParserConfigException {
        ParseOutcome.Events svn = ScmTestSupport.events(ScmTestSupport.init(new SvnParser()),
                "From: svn@svn.example.org\nSubject: r1\n\nAuthor: a\nDate: d\nNew Revision: 1\n\nLog:\nm\n");
        assertThat(svn.trust().trusted()).isFalse();
        assertThat(svn.trust().why()).contains("no trusted senders are configured");
        ParseOutcome.Events configured = ScmTestSupport.events(ScmTestSupport.init(new SvnParser(),
                Map.of("senders", List.of("@svn.example.org"))),
                "From: svn@svn.example.org\nSubject: r1\n\nAuthor: a\nDate: d\nNew Revision: 1\n\nLog:\nm\n");
        assertThat(configured.trust().trusted()).isTrue();
    }

    @Test
    void fedoraMailersTrustFedoraByDefault() {
        ParseOutcome.Events pagure = ScmTestSupport.events(ScmTestSupport.init(new PagureCommitsParser()), pagure(2));
        assertThat(pagure.trust().trusted()).isTrue();
        ParseOutcome.Events forged = ScmTestSupport.events(ScmTestSupport.init(new PagureCommitsParser()),
                pagure(2).replace("From: pagure@fedoraproject.org", "From: pagure@evil.example"));
        assertThat(forged.trust().trusted()).isFalse();
        ParseOutcome.Events distGit = ScmTestSupport.events(ScmTestSupport.init(new DistGitParser()),
                "From: Al <al@fedoraproject.org>\nSubject: [widget] x\n\ncommit " + SHA
                        + "\nAuthor: A <a@example.org>\nDate:   Tue May 14 11:10:42 2024 +0200\n\n    x\n");
        assertThat(distGit.trust().trusted()).isTrue();
        assertThat(distGit.events().get(0).usernames()).containsExactly("al");
    }

    @Test
    void maxEventsBoundsWhatOneMailMayBecome() throws ParserConfigException {
        PagureCommitsParser p = ScmTestSupport.init(new PagureCommitsParser(), Map.of("max_events", 10));
        assertThat(p.parse(ScmTestSupport.mail(pagure(10)))).isInstanceOf(ParseOutcome.Events.class);
        ParseOutcome over = p.parse(ScmTestSupport.mail(pagure(11)));
        assertThat(over).isInstanceOf(ParseOutcome.Malformed.class);
        assertThat(((ParseOutcome.Malformed) over).reason()).contains("max_events");
    }

    private static String pagure(int commits) {
        StringBuilder b = new StringBuilder("From: pagure@fedoraproject.org\nSubject: [rpms/widget] New Commits\n"
                + "X-pagure: https://src.fedoraproject.org\nX-pagure-project: rpms/widget\n\n\n"
                + "The following commits were pushed to the repo rpms/widget on branch\n"
                + "rawhide, which you are following:\n");
        for (int i = 0; i < commits; i++) {
            b.append(SHA).append("    Ada Example    Commit ").append(i).append('\n');
        }
        return b.append("\n\n\nTo view more about the commits, visit:\nhttps://src.fedoraproject.org/x\n").toString();
    }
}
