package org.mailbridge.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * When a rule applies: every {@code all} condition holds, at least one {@code any} condition
 * holds (when there are any), and no {@code none} condition holds. Conditions are tested in
 * order and testing stops at the first that decides, so cheap header tests should come first.
 *
 * @param all conditions that must all hold
 * @param any conditions of which one must hold (ignored when empty)
 * @param none conditions that must not hold
 */
record Match(List<Condition> all, List<Condition> any, List<Condition> none) {
    Match {
        all = List.copyOf(all);
        any = List.copyOf(any);
        none = List.copyOf(none);
    }

    /**
     * The outcome of testing a mail.
     *
     * @param matched whether the rule applies
     * @param reason words why (or why not), called only for {@code --explain}
     * @param captures the named groups of the conditions that held
     */
    record Result(boolean matched, Supplier<String> reason, Map<String, Object> captures) {
        /** Why it matched or not. */
        String why() {
            return reason.get();
        }
    }

    /** Tests the conditions; captures named groups of the conditions that held. */
    Result test(MailView mail) {
        return test(mail, Map.of());
    }

    /** Tests the conditions, which may read {@code fields} ({@code field:} sources). */
    Result test(MailView mail, Map<String, Object> fields) {
        Map<String, Object> captures = new LinkedHashMap<>();
        for (Condition c : all) {
            Condition.Verdict v = c.test(mail, fields, captures);
            if (v != Condition.Verdict.HOLDS) {
                return new Result(false, () -> c.why(v), Map.of());
            }
        }
        if (!any.isEmpty()) {
            boolean one = false;
            for (Condition c : any) {
                if (c.test(mail, fields, captures) == Condition.Verdict.HOLDS) {
                    one = true;
                    break;
                }
            }
            if (!one) {
                return new Result(false, () -> "none of the 'any' conditions holds", Map.of());
            }
        }
        for (Condition c : none) {
            if (c.test(mail, fields, new LinkedHashMap<>()) == Condition.Verdict.HOLDS) {
                return new Result(false, () -> "'none' condition holds: " + c, Map.of());
            }
        }
        return new Result(true, () -> "all conditions hold", captures);
    }
}
