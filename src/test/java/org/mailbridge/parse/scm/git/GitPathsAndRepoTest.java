package org.mailbridge.parse.scm.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class GitPathsAndRepoTest {

    @Test
    void quotedPathsAreDecodedAsUtf8() {
        assertThat(GitPaths.unquote("\"fichier-accentu\\303\\251.txt\"")).isEqualTo("fichier-accentué.txt");
        assertThat(GitPaths.unquote("\"tab\\there \\\"quoted\\\"\"")).isEqualTo("tab\there \"quoted\"");
        assertThat(GitPaths.unquote("plain/path.c")).isEqualTo("plain/path.c");
        assertThat(GitPaths.stripSide("\"b/caf\\303\\251\"")).isEqualTo("café");
        assertThat(GitPaths.stripSide("a/x.c\t2024-01-01")).isEqualTo("x.c");
    }

    @Test
    void repositoriesSplitLikeTheHook() {
        assertThat(GitRepo.parse("rpms/widget.git")).isEqualTo(new GitRepo("rpms", "widget"));
        assertThat(GitRepo.parse("rpms/widget").packages()).isEqualTo(Set.of("widget"));
        assertThat(GitRepo.parse("forks/alice/rpms/widget").packages()).isEmpty();
        assertThat(GitRepo.parse("widget")).isEqualTo(new GitRepo(null, "widget"));
        assertThat(GitRepo.parse("").known()).isFalse();
    }

    @Test
    void branchesAreNamedAsTheHookNamesThem() {
        assertThat(GitHeaders.hookBranch("refs/heads/f40")).isEqualTo("f40");
        assertThat(GitHeaders.hookBranch("refs/heads/feature/x")).isEqualTo("feature/x");
        assertThat(GitHeaders.hookBranch("refs/notes/commits")).isEqualTo("commits");
        assertThat(RefChange.typeOf("refs/remotes/origin/main")).isEqualTo("other");
    }
}
