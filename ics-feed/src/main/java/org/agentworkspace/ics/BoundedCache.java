package org.agentworkspace.ics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A map of at most a fixed number of entries, read without locking from any thread; values must
 * be immutable, since every caller shares them.
 *
 * <p>When full it starts over empty instead of tracking use: the caches it backs are read on
 * every listing by every request thread, where a lock per read would cost more on two cores than
 * an occasional rebuild, and their working sets are far below the capacity.
 */
final class BoundedCache<K, V> {
    private final int capacity;
    private final ConcurrentMap<K, V> entries = new ConcurrentHashMap<>();

    BoundedCache(int capacity) {
        this.capacity = capacity;
    }

    /** The value stored for {@code key}, or null. */
    V get(K key) {
        return entries.get(key);
    }

    void put(K key, V value) {
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, value);
    }

    int size() {
        return entries.size();
    }
}
