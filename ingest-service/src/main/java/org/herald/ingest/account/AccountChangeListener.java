package org.herald.ingest.account;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hears every change of account data from PostgreSQL ({@code LISTEN herald_account_changed}; the
 * triggers of migration V7 notify on accounts, message tokens and webhooks), whichever instance or
 * tool made it, and drops the account from {@link CachedAccountDirectory}. The cache is trusted only
 * while this connection listens.
 */
public final class AccountChangeListener implements SmartLifecycle {

    static final String CHANNEL = "herald_account_changed";

    private static final Logger log = LoggerFactory.getLogger(AccountChangeListener.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final CachedAccountDirectory cache;
    private volatile boolean running;
    private Thread thread;

    public AccountChangeListener(DataSource dataSource, CachedAccountDirectory cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "account-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        cache.distrust();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                cache.trust();
                backoff = Duration.ofMillis(200);
                while (running) {
                    PGNotification[] received = notifications.getNotifications((int) POLL.toMillis());
                    if (received != null) {
                        for (PGNotification notification : received) {
                            changed(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                cache.distrust();
                if (!running) {
                    return;
                }
                log.warn("account changes not heard ({}); lookups go to the database until they are", e.toString());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void changed(String accountId) {
        try {
            cache.changed(UUID.fromString(accountId));
        } catch (IllegalArgumentException e) {
            log.warn("unreadable account change notification ignored: {}", accountId);
        }
    }
}
