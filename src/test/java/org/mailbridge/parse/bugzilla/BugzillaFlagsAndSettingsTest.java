package org.mailbridge.parse.bugzilla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserSettings;

/** Flag mail sentences (email/flagmail.txt.tmpl) and the [parsers.bugzilla] settings. */
class BugzillaFlagsAndSettingsTest {
    static Stream<Arguments> sentences() {
        return Stream.of(
                Arguments.of("Ada <ada@example.com> has asked Jan Novák <jnovak@fedoraproject.org> for needinfo:",
                        "asked", "needinfo", "", "needinfo?(jnovak@fedoraproject.org)"),
                Arguments.of("Ada <ada@example.com> has asked for review:", "asked", "review", "", "review?"),
                Arguments.of("Bob <bob@example.org> has granted Alice <alice@example.org>'s request for review:",
                        "granted", "review", "", "review+"),
                Arguments.of("Bob <bob@example.org> has denied Alice <alice@example.org>'s request for Bob "
                        + "<bob@example.org>'s review:", "denied", "review", "review?(bob@example.org)", "review-"),
                Arguments.of("Bob <bob@example.org> has canceled Alice <alice@example.org>'s request for Bob "
                        + "<bob@example.org>'s needinfo:", "canceled", "needinfo", "needinfo?(bob@example.org)", ""),
                Arguments.of("Bob (bob@example.org) has granted review:", "granted", "review", "", "review+"),
                Arguments.of("Carol <carol@example.org> has reassigned Alice <alice@example.org>'s request for Bob "
                        + "<bob@example.org>'s qa_approval to Dave <dave@example.org>:", "reassigned", "qa_approval",
                        "qa_approval?(bob@example.org)", "qa_approval?(dave@example.org)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sentences")
    void readsFlagSentences(String sentence, String action, String flag, String removed, String added)
            throws Exception {
        FlagRequest r = FlagRequestReader.parseSentence(sentence, "Widget", Optional.empty());
        assertThat(r.action()).isEqualTo(action);
        assertThat(r.flag()).isEqualTo(flag);
        assertThat(r.removed().orElse("")).isEqualTo(removed);
        assertThat(r.added()).isEqualTo(added);
    }

    @Test
    void refusesSentencesItDoesNotKnow() {
        assertThatThrownBy(() -> FlagRequestReader.parseSentence("Someone did something:", "x", Optional.empty()))
                .isInstanceOf(BugmailException.class).hasMessageContaining("not understood");
        assertThatThrownBy(() -> FlagRequestReader.parseSentence("Nobody has granted review:", "x", Optional.empty()))
                .isInstanceOf(BugmailException.class).hasMessageContaining("is not a user");
    }

    @Test
    void onlyPlainAccountNamesBecomeUserHeaders() {
        assertThat(org.mailbridge.spi.AccountNames.isAccountName("jnovak")).isTrue();
        assertThat(org.mailbridge.spi.AccountNames.isAccountName("python-packagers-sig")).isTrue();
        assertThat(org.mailbridge.spi.AccountNames.isAccountName("evil\u0000name")).isFalse();
        assertThat(org.mailbridge.spi.AccountNames.isAccountName("a b")).isFalse();
        assertThat(org.mailbridge.spi.AccountNames.isAccountName("")).isFalse();
    }

    @Test
    void defaultsTrustFedorasBugzilla() throws Exception {
        BugzillaSettings s = BugzillaSettings.read(new ParserSettings("bugzilla", Map.of()));
        assertThat(s.instances()).containsExactly("https://bugzilla.redhat.com/");
        assertThat(s.senders().patterns()).containsExactly("bugzilla@redhat.com");
        assertThat(s.userDomains()).containsExactly("fedoraproject.org");
        assertThat(s.packagesOf("Fedora", "python-widget")).containsExactly("python-widget");
        assertThat(s.packagesOf("Fedora", "Package Review")).isEmpty();
        assertThat(s.packagesOf("Red Hat Enterprise Linux 9", "widgetd")).isEmpty();
    }

    @Test
    void normalisesInstanceUrls() throws Exception {
        BugzillaSettings s = BugzillaSettings.read(new ParserSettings("bugzilla",
                Map.of("instances", List.of("HTTPS://Bugs.Example.ORG", "https://example.org/bugzilla"))));
        assertThat(s.instances()).containsExactly("https://bugs.example.org/", "https://example.org/bugzilla/");
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(Map.of("instance", List.of("https://x/")), "unknown key 'parsers.bugzilla.instance'"),
                Arguments.of(Map.of("instances", List.of("ftp://x/")), "not an http(s) base URL"),
                Arguments.of(Map.of("instances", List.of()), "at least one instance"),
                Arguments.of(Map.of("instances", 3), "must be a list of strings"),
                Arguments.of(Map.of("senders", List.of("not an address")), "parsers.bugzilla.senders"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSettings")
    void refusesBadSettings(Map<String, Object> values, String message) {
        assertThatThrownBy(() -> BugzillaSettings.read(new ParserSettings("bugzilla", values)))
                .isInstanceOf(ParserConfigException.class).hasMessageContaining(message);
    }
}
