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
    void defaultsTrustFedorasBugzillaAndPublishOnlyFedoraAndEpel() throws Exception {
        BugzillaSettings s = BugzillaSettings.read(new ParserSettings("bugzilla", Map.of()));
        assertThat(s.instances()).containsOnlyKeys("https://bugzilla.redhat.com/");
        assertThat(s.senders().patterns()).containsExactly("bugzilla@redhat.com");
        Optional<Instance> rh = s.instance(Optional.of("https://bugzilla.redhat.com/"));
        assertThat(rh).isPresent();
        assertThat(rh.get().fedora()).isTrue();
        assertThat(rh.get().topic(false)).isEqualTo("bugzilla.bug.update");
        assertThat(rh.get().schema()).isEqualTo("bugzilla2fedmsg.messageV1bz4");
        assertThat(rh.get().publishes("Fedora")).isTrue();
        assertThat(rh.get().publishes("Fedora EPEL")).isTrue();
        assertThat(rh.get().publishes("Red Hat Enterprise Linux 9")).isFalse();
        assertThat(rh.get().publishes("")).isFalse();
        assertThat(BugzillaSettings.packagesOf(rh, "Fedora", "python-widget")).containsExactly("python-widget");
        assertThat(BugzillaSettings.packagesOf(rh, "Fedora", "Package Review")).isEmpty();
        assertThat(BugzillaSettings.packagesOf(rh, "Red Hat Enterprise Linux 9", "widgetd")).isEmpty();
    }

    @Test
    void normalisesInstanceUrlsAndNamesOtherInstancesByTheirHost() throws Exception {
        BugzillaSettings s = BugzillaSettings.read(new ParserSettings("bugzilla",
                Map.of("instances", List.of("HTTPS://Bugs.Example.ORG", "https://example.org/bugzilla", "https://bugs.kde.org"))));
        assertThat(s.instances()).containsOnlyKeys("https://bugs.example.org/", "https://example.org/bugzilla/",
                "https://bugs.kde.org/");
        Instance kde = s.instance(Optional.of("https://bugs.kde.org/")).orElseThrow();
        assertThat(kde.topic(false)).isEqualTo("bugzilla.kde.bug.update");
        assertThat(kde.topic(true)).isEqualTo("bugzilla.kde.bug.new");
        assertThat(kde.schema()).isEqualTo("mailbridge.bugzilla.bug.v1");
        assertThat(kde.publishes("plasmashell")).as("every product by default").isTrue();
        assertThat(BugzillaSettings.packagesOf(Optional.of(kde), "plasmashell", "kwin"))
                .as("another instance claims no Fedora package").isEmpty();
        // Two hosts with one registrable label are told apart by their whole host.
        assertThat(s.instance(Optional.of("https://bugs.example.org/")).orElseThrow().name()).isEqualTo("bugs-example-org");
        assertThat(s.instance(Optional.of("https://example.org/bugzilla/")).orElseThrow().name()).isEqualTo("example-org");
    }

    @Test
    void namedInstancesSetProductsAndPackageProducts() throws Exception {
        BugzillaSettings s = BugzillaSettings.read(new ParserSettings("bugzilla", Map.of("instances", Map.of(
                "redhat", Map.of("url", "https://bugzilla.redhat.com/", "products", List.of("Fedora")),
                "upstream", Map.of("url", "https://bugs.example.org/", "products", List.of("Widget"),
                        "package_products", List.of("Widget"))))));
        Instance rh = s.instance(Optional.of("https://bugzilla.redhat.com")).orElseThrow();
        assertThat(rh.publishes("Fedora EPEL")).isFalse();
        assertThat(rh.packageProducts()).containsExactly("Fedora", "Fedora EPEL");
        Instance up = s.instance(Optional.of("https://bugs.example.org/")).orElseThrow();
        assertThat(up.topic(false)).isEqualTo("bugzilla.upstream.bug.update");
        assertThat(up.publishes("Widget")).isTrue();
        assertThat(up.publishes("Gadget")).isFalse();
        assertThat(BugzillaSettings.packagesOf(Optional.of(up), "Widget", "widgetd")).containsExactly("widgetd");
        assertThat(s.instance(Optional.of("https://bugs.other.org/"))).isEmpty();
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(Map.of("instance", List.of("https://x/")), "unknown key 'parsers.bugzilla.instance'"),
                Arguments.of(Map.of("instances", List.of("ftp://x/")), "not an http(s) base URL"),
                Arguments.of(Map.of("instances", List.of()), "at least one instance"),
                Arguments.of(Map.of("instances", 3), "must be a list of strings"),
                Arguments.of(Map.of("instances", Map.of("x", Map.of("products", List.of("A")))), "instances.x.url' is missing"),
                Arguments.of(Map.of("instances", Map.of("x", Map.of("url", "https://b/", "product", "A"))),
                        "unknown key 'parsers.bugzilla.instances.x.product'"),
                Arguments.of(Map.of("instances", Map.of("Bad Name", Map.of("url", "https://b/"))), "not a topic word"),
                Arguments.of(Map.of("user_domains", List.of("example.org")), "unknown key 'parsers.bugzilla.user_domains'"),
                Arguments.of(Map.of("senders", List.of("not an address")), "parsers.bugzilla.senders"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSettings")
    void refusesBadSettings(Map<String, Object> values, String message) {
        assertThatThrownBy(() -> BugzillaSettings.read(new ParserSettings("bugzilla", values)))
                .isInstanceOf(ParserConfigException.class).hasMessageContaining(message);
    }
}
