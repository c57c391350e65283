package org.herald.sandbox.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The requests the fakes received, newest kept, oldest forgotten beyond the capacity. In memory on
 * purpose: the sandbox is for a local run and tests, and a restart starting empty is what one wants.
 */
public final class Inbox {

    private final int capacity;
    private final Clock clock;
    private final Deque<ReceivedRequest> requests = new ArrayDeque<>();
    private long lastId;

    public Inbox(int capacity, Clock clock) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("the inbox capacity must be positive");
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    public int capacity() {
        return capacity;
    }

    public synchronized ReceivedRequest add(String target, Incoming incoming, int status, String verdict) {
        ReceivedRequest request = new ReceivedRequest(
                ++lastId,
                target,
                incoming.method(),
                incoming.path(),
                Collections.unmodifiableMap(new LinkedHashMap<>(incoming.headers())),
                new String(incoming.body(), StandardCharsets.UTF_8),
                clock.instant(),
                status,
                verdict);
        requests.addFirst(request);
        while (requests.size() > capacity) {
            requests.removeLast();
        }
        return request;
    }

    /**
     * The newest requests first.
     *
     * @param target only this fake's requests, or all when null or blank
     * @param limit at most this many
     */
    public synchronized List<ReceivedRequest> newestFirst(String target, int limit) {
        List<ReceivedRequest> found = new ArrayList<>();
        Iterator<ReceivedRequest> newest = requests.iterator();
        while (newest.hasNext() && found.size() < limit) {
            ReceivedRequest request = newest.next();
            if (target == null || target.isBlank() || request.target().equals(target)) {
                found.add(request);
            }
        }
        return found;
    }

    /** Every request kept, newest first. */
    public List<ReceivedRequest> all() {
        return newestFirst(null, capacity);
    }

    public synchronized int size() {
        return requests.size();
    }

    public synchronized void clear() {
        requests.clear();
    }
}
