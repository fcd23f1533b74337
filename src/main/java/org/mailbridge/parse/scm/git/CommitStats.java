package org.mailbridge.parse.scm.git;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mailbridge.spi.Unknowns;

/**
 * The {@code commit.stats} of fedora_messaging_git_hook's {@code commit.v1}: per file
 * {@code {additions, deletions, lines}} and a {@code total} with {@code files}. The hook counts
 * a commit's diff against each parent; the mail shows a diff and/or a diffstat, so:
 * <ul>
 * <li>a file whose diff the mail shows to its end is counted from the diff;</li>
 * <li>otherwise from its diffstat line, when the graph is not scaled down; a scaled line gives
 *     {@code lines} only, and the file is listed as unknown;</li>
 * <li>the total comes from the diffstat's summary line, else from the files when all are exact;</li>
 * <li>a merge's numbers against all its parents are not in the mail: neutral and unknown.</li>
 * </ul>
 *
 * @param stats the {@code stats} object
 * @param files the paths, in the order the mail shows them
 * @param unknowns paths relative to {@code stats} whose value is not in the mail
 */
record CommitStats(Map<String, Object> stats, List<String> files, Unknowns unknowns) {

    /** Stats for a commit with neither diffstat nor diff in the mail. */
    static CommitStats none() {
        return new CommitStats(neutral(), List.of(), new Unknowns().add("stats"));
    }

    /**
     * Combines what the mail shows.
     *
     * @param stat the diffstat, or null
     * @param diff the diff, or null
     * @param merge whether the commit has several parents
     */
    static CommitStats of(DiffStat stat, DiffReader.Result diff, boolean merge) {
        boolean haveStat = stat != null && (!stat.files().isEmpty() || stat.total() != null);
        boolean haveDiff = diff != null && !diff.files().isEmpty();
        if (!haveStat && !haveDiff) {
            return none();
        }
        if (merge || (haveDiff && diff.combined())) {
            List<String> paths = new ArrayList<>();
            if (haveStat) {
                stat.files().forEach(e -> paths.add(e.path()));
            } else {
                diff.files().forEach(f -> paths.add(f.path()));
            }
            return new CommitStats(neutral(), paths, new Unknowns().add("stats"));
        }
        Builder b = new Builder();
        if (haveDiff && diff.complete()) {
            diff.files().forEach(f -> b.exact(f.path(), f.additions(), f.deletions()));
            return b.build(null);
        }
        if (haveStat) {
            Map<String, DiffReader.FileChange> shown = new HashMap<>();
            if (haveDiff) {
                diff.files().stream().filter(DiffReader.FileChange::complete).forEach(f -> shown.put(f.path(), f));
            }
            for (DiffStat.Entry e : stat.files()) {
                DiffReader.FileChange f = shown.get(e.path());
                if (f != null) {
                    b.exact(e.path(), f.additions(), f.deletions());
                } else if (e.exact()) {
                    b.exact(e.path(), e.plus(), e.minus());
                } else {
                    b.linesOnly(e.path(), e.lines());
                }
            }
            if (stat.total() == null) {
                b.unknowns.add("stats.files"); // git always ends a diffstat with a summary: this one was cut
            }
            return b.build(stat.total());
        }
        for (DiffReader.FileChange f : diff.files()) {
            if (f.complete()) {
                b.exact(f.path(), f.additions(), f.deletions());
            } else {
                b.linesOnly(f.path(), f.additions() + f.deletions());
            }
        }
        b.unknowns.add("stats.files"); // the diff was cut: later files are not shown
        return b.build(null);
    }

    /** Collects file entries, then the total. */
    private static final class Builder {
        private final Map<String, Object> files = new LinkedHashMap<>();
        private final List<String> paths = new ArrayList<>();
        private final Unknowns unknowns = new Unknowns();
        private int additions;
        private int deletions;
        private boolean allExact = true;

        void exact(String path, int add, int del) {
            put(path, file(add, del));
            additions += add;
            deletions += del;
        }

        void linesOnly(String path, int lines) {
            Map<String, Object> m = file(0, 0);
            m.put("lines", lines);
            put(path, m);
            unknowns.add(Unknowns.key("stats.files", path));
            allExact = false;
        }

        private void put(String path, Map<String, Object> m) {
            if (files.put(path, m) == null) {
                paths.add(path);
            }
        }

        /** The stats; the total from the diffstat's summary line when given, else the sum if exact. */
        CommitStats build(DiffStat.Total shown) {
            Map<String, Object> total;
            if (shown != null) {
                total = total(shown.insertions(), shown.deletions(), shown.files());
                if (shown.files() != files.size()) {
                    unknowns.add("stats.files"); // the mailer cut the diffstat short
                }
            } else if (allExact && !unknowns.contains("stats.files")) {
                total = total(additions, deletions, files.size());
            } else {
                total = total(0, 0, 0);
                unknowns.add("stats.total");
            }
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("files", files);
            stats.put("total", total);
            return new CommitStats(stats, paths, unknowns);
        }
    }

    private static Map<String, Object> file(int additions, int deletions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("additions", additions);
        m.put("deletions", deletions);
        m.put("lines", additions + deletions);
        return m;
    }

    private static Map<String, Object> total(int additions, int deletions, int files) {
        Map<String, Object> m = file(additions, deletions);
        m.put("files", files);
        return m;
    }

    private static Map<String, Object> neutral() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("files", new LinkedHashMap<>());
        stats.put("total", total(0, 0, 0));
        return stats;
    }
}
