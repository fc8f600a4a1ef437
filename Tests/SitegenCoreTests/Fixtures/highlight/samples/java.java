package org.sitegen.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded LRU cache of rendered pages.
 *
 * @param <V> the cached value type
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class PageCache<V> extends LinkedHashMap<String, V> {
    private static final int MAX_ENTRIES = 0x400;
    private static final long SEED = 0xCBF2_9CE4L;
    private final double loadFactor = 0.75d, epsilon = 1e-9;
    private transient volatile int hits;

    public PageCache() {
        super(16, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MAX_ENTRIES; // evict the oldest page
    }

    /* Looks a page up, rendering it on a miss. */
    public synchronized V lookup(String path, Function<? super String, ? extends V> render) {
        hits += path.isEmpty() ? 0 : 1;
        return computeIfAbsent(path, render::apply);
    }

    public static String describe(Object value) {
        char sep = '\t', quote = '\'';
        String banner = """
            Cache "stats":\tline one \
            continued
            """;
        return switch (value) {
            case Integer i when i > 0b1010 -> "int " + i + sep;
            case String s -> "\"%s\"\u00e9%n".formatted(s) + quote;
            case null, default -> banner + 017 + 3.5e+2F + (SEED >>> 3);
        };
    }
}
