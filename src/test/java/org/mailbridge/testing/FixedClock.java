package org.mailbridge.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The one instant all golden outputs are made at, so {@code sent-at} is stable. */
public final class FixedClock {
    /** 2026-11-29T05:26:31Z. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T05:26:31Z"), ZoneOffset.UTC);

    private FixedClock() {
    }
}
