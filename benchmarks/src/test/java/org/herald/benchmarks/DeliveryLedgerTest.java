package org.herald.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {

    private static final long MS = 1_000_000L;

    @Test
    void shouldCountAnAcceptedMessageThatNeverArrivedAsLost() {
        DeliveryLedger ledger = new DeliveryLedger();
        ledger.accepted("a", 0);
        ledger.accepted("b", 0);
        ledger.arrived("d-a", "a", 5 * MS);

        DeliveryLedger.Tally tally = ledger.tally();

        assertThat(tally.accepted()).isEqualTo(2);
        assertThat(tally.lost()).isEqualTo(1);
        assertThat(tally.duplicates()).isZero();
    }

    @Test
    void shouldCountEveryArrivalBeyondTheFirstOfADeliveryIdAsADuplicate() {
        DeliveryLedger ledger = new DeliveryLedger();
        ledger.accepted("a", 0);
        ledger.arrived("d-a", "a", 1 * MS);
        ledger.arrived("d-a", "a", 2 * MS);
        ledger.arrived("d-a", "a", 3 * MS);

        DeliveryLedger.Tally tally = ledger.tally();

        assertThat(tally.lost()).isZero();
        assertThat(tally.duplicates()).isEqualTo(2);
        assertThat(tally.arrivals()).isEqualTo(3);
        assertThat(tally.duplicateRatio()).isEqualTo(2.0);
    }

    @Test
    void shouldNotCallAMessageNobodyAcknowledgedLostOrAccepted() {
        DeliveryLedger ledger = new DeliveryLedger();
        ledger.arrived("d-x", "x", 1 * MS);

        DeliveryLedger.Tally tally = ledger.tally();

        assertThat(tally.lost()).isZero();
        assertThat(tally.unacknowledgedDelivered()).isEqualTo(1);
    }

    @Test
    void shouldReportTheLongestGapBetweenArrivalsAsTheStall() {
        DeliveryLedger ledger = new DeliveryLedger();
        ledger.arrived("1", "1", 10 * MS);
        ledger.arrived("3", "3", 2_010 * MS);
        ledger.arrived("2", "2", 20 * MS);

        assertThat(ledger.tally().longestStallMillis()).isEqualTo(1_990);
    }

    @Test
    void shouldMeasureEndToEndFromTheIntendedStartLeavingWarmUpOut() {
        DeliveryLedger ledger = new DeliveryLedger();
        ledger.accepted("warm", 0);
        ledger.arrived("d-warm", "warm", 900 * MS);
        ledger.accepted("a", 1_000 * MS);
        ledger.arrived("d-a", "a", 1_012 * MS);

        Histogram e2e = ledger.endToEndMicros(1_000 * MS);

        assertThat(e2e.getTotalCount()).isEqualTo(1);
        assertThat(e2e.getMaxValue()).isBetween(11_990L, 12_010L);
    }

    @Test
    void shouldCountArrivalsInsideAWindowOnly() {
        DeliveryLedger ledger = new DeliveryLedger();
        for (int i = 0; i < 10; i++) {
            ledger.arrived("d" + i, "s" + i, i * MS);
        }

        assertThat(ledger.arrivalsBetween(2 * MS, 5 * MS)).isEqualTo(3);
    }

    @Test
    void shouldTakeTheSteadyRateBetweenTheGivenSharesOfTheExpectedArrivals() {
        DeliveryLedger ledger = new DeliveryLedger();
        // 10 slow arrivals (start-up), then 80 at one per 10 ms, then a slow tail of 10.
        long at = 0;
        for (int i = 0; i < 100; i++) {
            at += (i < 10 || i >= 90) ? 500 * MS : 10 * MS;
            ledger.arrived("d-" + i, "m-" + i, at);
        }

        assertThat(ledger.steadyRate(0, 100, 0.1, 0.9)).isCloseTo(100.0, offset(2.0));
        assertThat(ledger.steadyRate(0, 200, 0.1, 0.9))
                .as("fewer than 90 % arrived")
                .isNaN();
    }

    @Test
    void shouldLeaveOutTheArrivalsOfAWarmUpBeforeTheDrain() {
        DeliveryLedger ledger = new DeliveryLedger();
        // A warm-up of 50 arrivals one per ms, a pause, then a drain of 100 at one per 10 ms.
        long at = 0;
        for (int i = 0; i < 50; i++) {
            at += MS;
            ledger.arrived("w-" + i, "wm-" + i, at);
        }
        at += 5_000 * MS;
        for (int i = 0; i < 100; i++) {
            at += 10 * MS;
            ledger.arrived("d-" + i, "m-" + i, at);
        }

        assertThat(ledger.steadyRate(50, 100, 0.1, 0.9)).isCloseTo(100.0, offset(2.0));
        assertThat(ledger.steadyRate(0, 100, 0.1, 0.9))
                .as("the warm-up and the pause counted")
                .isLessThan(20.0);
    }
}
