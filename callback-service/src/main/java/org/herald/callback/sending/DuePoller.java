package org.herald.callback.sending;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Picks up callbacks whose next attempt fell due. The schedule lives in PostgreSQL, so a restart
 * (or another instance) carries on where this one stopped. Stops before the database pool does and
 * lets attempts in flight finish.
 */
public final class DuePoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DuePoller.class);

    private final CallbackSender sender;
    private final CallbackProperties.Poller settings;
    private volatile ScheduledExecutorService executor;

    public DuePoller(CallbackSender sender, CallbackProperties.Poller settings) {
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newScheduledThreadPool(settings.threads(), runnable -> {
            Thread thread = new Thread(runnable, "callback-due-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, settings.interval().toMillis());
        for (int i = 0; i < settings.threads(); i++) {
            executor.scheduleWithFixedDelay(this::drain, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    private void drain() {
        try {
            for (int i = 0; i < settings.batch() && !Thread.currentThread().isInterrupted(); i++) {
                if (!sender.attemptNextDue()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // The database is away or a row cannot be read: the next round tries again.
            log.error("could not attempt due callbacks: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            // An attempt takes at most the outbound call timeout.
            if (!running.awaitTermination(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
