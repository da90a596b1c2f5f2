package io.spotifymate.feature.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as a busy intake: a large poll, or many records in a short while, not a listener's few plays. */
class IntakePressureTest {

    @Test
    void aListenersOwnPlaysLeaveTheIntakeQuiet() {
        IntakePressure pressure = new IntakePressure();
        assertThat(pressure.backlogged()).isFalse();
        for (int i = 0; i < 20; i++) {
            pressure.batchReceived(1);
        }
        assertThat(pressure.backlogged()).isFalse();
    }

    @Test
    void aLargePollIsABacklog() {
        IntakePressure pressure = new IntakePressure();
        pressure.batchReceived(IntakePressure.BACKLOG_BATCH);
        assertThat(pressure.backlogged()).isTrue();
    }

    @Test
    void manySmallPollsInAMomentAreABulkStream() {
        IntakePressure pressure = new IntakePressure();
        for (int i = 0; i < 9; i++) {
            pressure.batchReceived(110);
        }
        assertThat(pressure.backlogged()).as("990 records").isFalse();
        pressure.batchReceived(110);
        assertThat(pressure.backlogged()).as("1,100 records").isTrue();
    }
}
