package org.mailbridge.intake.smtp;

import java.util.List;
import java.util.Locale;

/**
 * Which envelope recipients the listener serves: exact addresses, or {@code *@domain} for a whole
 * domain. Domains compare without case; local parts too, since the bridge's own addresses are
 * names an operator picked and an MTA may have changed their case. No pattern serves everyone.
 */
final class RecipientPolicy {
    private final List<String> patterns;

    RecipientPolicy(List<String> patterns) {
        this.patterns = patterns.stream().map(p -> p.strip().toLowerCase(Locale.ROOT)).toList();
    }

    boolean serves(String recipient) {
        if (patterns.isEmpty()) {
            return true;
        }
        String r = recipient.strip().toLowerCase(Locale.ROOT);
        int at = r.lastIndexOf('@');
        for (String p : patterns) {
            if (p.startsWith("*@") ? at >= 0 && r.substring(at + 1).equals(p.substring(2)) : r.equals(p)) {
                return true;
            }
        }
        return false;
    }
}
