package org.mailbridge.parse.scm.git;

import java.util.Objects;
import java.util.Set;

/**
 * A repository name as a mail gives it, split the way fedora_messaging_git_hook splits a path:
 * the last component is the repository, what comes before it the namespace ({@code rpms/widget}
 * is repository {@code widget} in namespace {@code rpms}). A name without a slash has no
 * namespace.
 *
 * @param namespace the namespace, or null
 * @param name the repository name, or empty when the mail names none
 */
record GitRepo(String namespace, String name) {
    /** The dist-git namespace whose repositories are RPM packages. */
    static final String RPMS = "rpms";

    GitRepo {
        Objects.requireNonNull(name, "name");
    }

    /** Splits {@code ns/name}; a trailing {@code .git} and surrounding slashes are dropped. */
    static GitRepo parse(String full) {
        String s = full == null ? "" : full.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith(".git")) {
            s = s.substring(0, s.length() - 4);
        }
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        int slash = s.lastIndexOf('/');
        return slash < 0 ? new GitRepo(null, s) : new GitRepo(s.substring(0, slash), s.substring(slash + 1));
    }

    /** The name with its namespace. */
    String fullName() {
        return namespace == null ? name : namespace + "/" + name;
    }

    /** Whether the mail names the repository. */
    boolean known() {
        return !name.isEmpty();
    }

    /** The RPM package this repository is, when it is a dist-git {@code rpms/<name>} repository. */
    Set<String> packages() {
        return RPMS.equals(namespace) && known() ? Set.of(name) : Set.of();
    }
}
