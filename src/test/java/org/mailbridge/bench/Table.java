package org.mailbridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The suite's one table, printed as Markdown so it can go into docs/performance.md as it is. */
final class Table {
    /** One line: what, the bridge's figure, the baseline's, their ratio, the target and a verdict. */
    record Row(String what, String bridge, String baseline, String ratio, String target, String met) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String what, String bridge, String baseline, String ratio, String target, String met) {
        rows.add(new Row(what, bridge, baseline, ratio, target, met));
        System.err.println("   " + what + ": " + bridge + (baseline.isEmpty() ? "" : " vs " + baseline)
                + (ratio.isEmpty() ? "" : " = " + ratio));
    }

    /** A throughput or time comparison; {@code higherIsBetter} decides which way the target points. */
    void ratio(String what, double bridge, double baseline, String unit, double target, boolean higherIsBetter) {
        double r = bridge / baseline;
        boolean ok = higherIsBetter ? r >= target : r <= target;
        add(what, num(bridge) + " " + unit, num(baseline) + " " + unit, String.format(Locale.ROOT, "%.2f×", r),
                (higherIsBetter ? "≥ " : "≤ ") + target + "×", Double.isNaN(r) ? "n/a" : ok ? "yes" : "**no**");
    }

    static String num(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        return x >= 100 ? String.format(Locale.ROOT, "%,.0f", x) : String.format(Locale.ROOT, "%.1f", x);
    }

    String markdown() {
        StringBuilder b = new StringBuilder("| measure | mailbridge | baseline | ratio | target | met |\n|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(String.join(" | ", r.what(), r.bridge(), r.baseline(), r.ratio(), r.target(), r.met()))
                    .append(" |\n");
        }
        return b.toString();
    }
}
