package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailbridge.status.QuietSources;
import org.slf4j.LoggerFactory;

/** The daemon logs a stalled source once when it goes quiet and once when it comes back, not every heartbeat. */
class StallAlarmTest {
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(StallAlarm.class);

    @BeforeEach
    void attach() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(logs);
    }

    @Test
    void oneLinePerChangeOfState() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        QuietSources.Quiet bz = new QuietSources.Quiet("bugzilla", now.minus(Duration.ofHours(7)), Duration.ofHours(6), true);
        StallAlarm alarm = new StallAlarm();
        alarm.check(List.of(bz), now);
        alarm.check(List.of(bz), now.plusSeconds(10));
        alarm.check(List.of(bz), now.plusSeconds(20));
        assertThat(messages()).containsExactly("source quiet bugzilla");
        assertThat(logs.list.get(0).getFormattedMessage()).contains("quiet for 7h").contains("status.quiet.bugzilla is 6h");

        alarm.check(List.of(), now.plusSeconds(30));
        alarm.check(List.of(), now.plusSeconds(40));
        assertThat(messages()).containsExactly("source quiet bugzilla", "source active again bugzilla");
        assertThat(alarm.quiet()).isEmpty();
    }

    @Test
    void aSourceNeverHeardFromCountsFromWhenWatchingBegan() {
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        List<QuietSources.Quiet> q = QuietSources.find(java.util.Map.of(),
                java.util.Map.of("koji", Duration.ofHours(1)), start, start.plus(Duration.ofMinutes(61)));
        assertThat(q).singleElement().satisfies(x -> {
            assertThat(x.source()).isEqualTo("koji");
            assertThat(x.everHeard()).isFalse();
        });
        assertThat(QuietSources.find(java.util.Map.of(), java.util.Map.of("koji", Duration.ofHours(1)), start,
                start.plus(Duration.ofMinutes(59)))).isEmpty();
    }

    private List<String> messages() {
        return logs.list.stream().map(e -> {
            String m = e.getFormattedMessage();
            String msg = m.substring(m.indexOf("msg=") + 4).split(" source=")[0].replace("\"", "");
            String source = m.substring(m.indexOf("source=") + 7).split(" ")[0];
            return msg + " " + source;
        }).toList();
    }
}
