package org.mailbridge.parse.scm.git;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mailbridge.parse.scm.ScmCore;
import org.mailbridge.parse.scm.ScmPeople;
import org.mailbridge.spi.AccountNames;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Unknowns;

/**
 * Builds the git events. {@code git.receive} has the body of fedora_messaging_git_hook's
 * {@code commit.v1} (so existing consumers validate and read it), plus the SCM-neutral
 * {@code scm} object and {@code mailbridge}. Following that hook, {@code commit.username} and
 * {@code agent} are the pusher, and {@code commit.date} is ISO 8601 text; {@code commit.path},
 * the repository's path on the server, is never in a mail.
 */
final class GitEvents {
    static final String RECEIVE = "git.receive";
    /** Every topic of the git parsers. */
    static final java.util.Set<String> TOPICS = java.util.Set.of(RECEIVE, "git.ref.create", "git.ref.update",
            "git.ref.delete");
    static final String COMMIT_SCHEMA = "fedora_messaging_git_hook.commit.v1";

    private GitEvents() {
    }

    /**
     * Where a commit was pushed.
     *
     * @param repo the repository
     * @param branch the branch (short name), or empty when the mail does not say
     * @param agent the pusher's account, or empty when the mail does not say
     * @param url the commit's web page for one commit ({@code View the commit online}), or null
     */
    record Push(GitRepo repo, String branch, String agent, String url) {
    }

    /** A {@code git.receive} event. */
    static EventDraft receive(Push push, GitCommit c) {
        Unknowns u = new Unknowns();
        Map<String, Object> commit = new LinkedHashMap<>();
        commit.put("name", c.author().name());
        commit.put("email", c.author().email());
        commit.put("username", push.agent());
        commit.put("summary", c.summary());
        commit.put("message", c.message().orElse(""));
        commit.put("stats", c.stats().stats());
        commit.put("rev", c.rev());
        commit.put("path", "");
        commit.put("repo", push.repo().name());
        commit.put("namespace", push.repo().namespace());
        commit.put("branch", push.branch());
        commit.put("patch", c.patch().orElse(""));
        commit.put("date", c.time().iso());
        commit.put("url", push.url());
        if (push.agent().isEmpty()) {
            u.add("agent").add("commit.username");
        }
        unknownIfEmpty(u, "commit.name", c.author().name());
        unknownIfEmpty(u, "commit.email", c.author().email());
        if (c.message().isEmpty()) {
            u.add("commit.message");
        }
        u.addAll("commit", c.stats().unknowns()).add("commit.path");
        unknownIfEmpty(u, "commit.repo", push.repo().name());
        unknownIfEmpty(u, "commit.branch", push.branch());
        if (c.patch().isEmpty()) {
            u.add("commit.patch");
        }
        if (!c.time().known()) {
            u.add("commit.date");
        }
        if (push.url() == null) {
            u.add("commit.url");
        }
        ScmCore scm = new ScmCore("git", push.repo().fullName(), push.branch(), c.rev(), c.author(), c.time(),
                c.summary(), c.message().orElse(""), c.stats().files(), scmUnknowns(push, c));
        u.addAll("scm", scm.unknowns());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agent", push.agent());
        body.put("commit", commit);
        body.put("scm", scm.toMap());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("date_source", c.time().source());
        extra.put("patch_truncated", c.patchCut());
        body.put("mailbridge", u.toMailbridge(extra));
        return EventDraft.of(RECEIVE, COMMIT_SCHEMA, body)
                .withUsernames(ScmPeople.of(push.agent()))
                .withPackages(push.repo().packages());
    }

    /** A {@code git.ref.create}, {@code git.ref.update} or {@code git.ref.delete} event. */
    static EventDraft ref(RefChange r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repo", r.repo().fullName());
        body.put("ref", r.ref());
        body.put("ref_type", r.refType());
        body.put("annotated", r.annotated());
        body.put("old_rev", r.oldRev());
        body.put("new_rev", r.newRev());
        body.put("forced", r.forced());
        body.put("agent", r.agent());
        List<Map<String, Object>> commits = new ArrayList<>(r.commits().size());
        for (RefChange.Commit c : r.commits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rev", c.rev());
            m.put("summary", c.summary());
            commits.add(m);
        }
        body.put("commits", commits);
        Unknowns u = new Unknowns();
        unknownIfEmpty(u, "repo", r.repo().name());
        unknownIfEmpty(u, "agent", r.agent());
        u.addAll("", r.unknowns());
        body.put("mailbridge", u.toMailbridge(Map.of()));
        String topic = "git.ref." + r.changeType();
        return EventDraft.of(topic, "mailbridge." + topic + ".v1", body)
                .withUsernames(AccountNames.among(r.agent()))
                .withPackages(r.repo().packages());
    }

    private static Unknowns scmUnknowns(Push push, GitCommit c) {
        Unknowns u = new Unknowns();
        unknownIfEmpty(u, "repo", push.repo().name());
        unknownIfEmpty(u, "branch", push.branch());
        unknownIfEmpty(u, "author.name", c.author().name());
        unknownIfEmpty(u, "author.email", c.author().email());
        if (!c.time().known()) {
            u.add("date");
        }
        if (c.message().isEmpty()) {
            u.add("message");
        }
        if (c.stats().unknowns().contains("stats") && c.stats().files().isEmpty()
                || c.stats().unknowns().contains("stats.files")) {
            u.add("files");
        }
        return u;
    }

    private static void unknownIfEmpty(Unknowns u, String path, String value) {
        if (value == null || value.isEmpty()) {
            u.add(path);
        }
    }
}
