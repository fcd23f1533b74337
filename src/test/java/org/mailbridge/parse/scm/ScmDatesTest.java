package org.mailbridge.parse.scm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ScmDatesTest {

    @Test
    void gitDatesCarryTheirOffset() {
        OffsetDateTime t = ScmDates.git("Fri Feb 3 09:32:50 2012 +0100").orElseThrow();
        assertThat(t.toEpochSecond()).isEqualTo(1328257970L);
        assertThat(ScmDates.iso(t)).isEqualTo("2012-02-03T09:32:50+01:00");
        assertThat(ScmDates.git("Thu Jan 01 00:00:01 1970 +0000").orElseThrow().toEpochSecond()).isEqualTo(1);
        assertThat(ScmDates.iso(ScmDates.git("Tue May 14 11:10:42 2024 +0000").orElseThrow()))
                .isEqualTo("2024-05-14T11:10:42+00:00");
    }

    @Test
    void aWrongWeekdayOrGarbageIsNoDate() {
        assertThat(ScmDates.git("Mon Feb 3 09:32:50 2012 +0100")).isEmpty();
        assertThat(ScmDates.git("yesterday")).isEmpty();
        assertThat(ScmDates.git("x".repeat(10_000))).isEmpty();
        assertThat(ScmDates.git(null)).isEmpty();
    }

    @Test
    void svnlookDatesIgnoreTheRemark() {
        assertThat(ScmDates.svnlook("2004-04-20 01:33:35 -0700 (Tue, 20 Apr 2004)").orElseThrow().toEpochSecond())
                .isEqualTo(1082450015L);
    }

    @Test
    void zoneLessDatesNeedTheServersZone() {
        assertThat(ScmDates.ctime("Sun Sep  9 07:20:00 2001", Optional.empty())).isEmpty();
        OffsetDateTime t = ScmDates.ctime("Sun Sep  9 07:20:00 2001", Optional.of(ZoneId.of("Europe/Berlin"))).orElseThrow();
        assertThat(t.getOffset().getTotalSeconds()).isEqualTo(7200);
        assertThat(ScmDates.logAccum("04/06/24 07:57:22", Optional.of(ZoneId.of("UTC"))).orElseThrow().toEpochSecond())
                .isEqualTo(1088063842L);
        assertThat(ScmDates.logAccum("2004-06-24 07:57:22", Optional.of(ZoneId.of("UTC"))).orElseThrow().toEpochSecond())
                .isEqualTo(1088063842L);
    }
}
