package org.herald.channel.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryLanesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private DeliveryLanes lanes;

    @AfterEach
    void close() throws InterruptedException {
        lanes.close();
    }

    @Test
    void shouldRunOneRecipientsDeliveriesOneAfterAnotherInTheirOrder() {
        lanes = new DeliveryLanes(8);
        List<Integer> done = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();

        List<CompletableFuture<Void>> results = IntStream.range(0, 50)
                .mapToObj(i -> lanes.submit("robot-1", () -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(1);
                    done.add(i);
                    running.decrementAndGet();
                    return CompletableFuture.completedFuture(null);
                }))
                .toList();

        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
        assertThat(done)
                .containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList());
        assertThat(mostAtOnce).hasValue(1);
        await().atMost(WAIT).until(lanes::idle);
    }

    @Test
    void shouldRunDifferentRecipientsDeliveriesSideBySide() throws InterruptedException {
        lanes = new DeliveryLanes(8);
        CountDownLatch allStarted = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);

        List<CompletableFuture<Void>> results = List.of("a", "b", "c").stream()
                .map(recipient -> lanes.submit(recipient, () -> {
                    allStarted.countDown();
                    awaitRelease(release);
                    return CompletableFuture.completedFuture(null);
                }))
                .toList();

        assertThat(allStarted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(results).noneMatch(CompletableFuture::isDone);
        release.countDown();
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
    }

    @Test
    void shouldMakeNoMoreDeliveriesAtOnceThanAllowed() {
        lanes = new DeliveryLanes(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();

        List<CompletableFuture<Void>> results = IntStream.range(0, 30)
                .mapToObj(i -> lanes.submit("recipient-" + i, () -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(5);
                    running.decrementAndGet();
                    return CompletableFuture.completedFuture(null);
                }))
                .toList();

        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
        assertThat(mostAtOnce).hasValue(3);
    }

    @Test
    void shouldGoOnWithTheLaneAfterADeliveryThrowsAndFailOnlyItsOwnResult() {
        lanes = new DeliveryLanes(2);
        RetryLaterException thrown = new RetryLaterException("target answered HTTP 503", null);

        CompletableFuture<Void> failed = lanes.submit("robot", () -> {
            throw thrown;
        });
        CompletableFuture<Void> next = lanes.submit("robot", () -> CompletableFuture.completedFuture(null));

        next.join();
        assertThatThrownBy(failed::get).isInstanceOf(ExecutionException.class).hasCause(thrown);
    }

    @Test
    void shouldStartTheNextDeliveryOnceThePostReturnedWithoutWaitingForItsStatus() {
        lanes = new DeliveryLanes(2);
        CompletableFuture<Void> statusDurable = new CompletableFuture<>();

        CompletableFuture<Void> first = lanes.submit("robot", () -> statusDurable);
        CompletableFuture<Void> second = lanes.submit("robot", () -> CompletableFuture.completedFuture(null));

        second.join();
        assertThat(first).isNotDone();
        IllegalStateException publishFailed = new IllegalStateException("broker away");
        statusDurable.completeExceptionally(publishFailed);
        assertThatThrownBy(first::get).isInstanceOf(ExecutionException.class).hasCause(publishFailed);
    }

    @Test
    void shouldRefuseAnInstanceWithoutRoomForADelivery() {
        assertThatThrownBy(() -> new DeliveryLanes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("herald.webhook.deliveries-in-flight must be at least 1");
        lanes = new DeliveryLanes(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
