package io.ctf.trigger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tuning of the trigger functions; every setting has a default that suits a Lambda. */
@ConfigMapping(prefix = "composio.triggers")
public interface TriggersConfig {

    /** What a warm function remembers of trigger types (type and compiled config schema). */
    TypeCache typeCache();

    /**
     * Most pages that one call reads from Composio when listing triggers or trigger types (pages of
     * 50, or of the given {@code limit}) or looking for a user's accounts; bounds a call's time and
     * Composio usage whatever the project's size.
     */
    @WithDefault("10")
    int maxPages();

    interface TypeCache {

        /** Trigger types kept at most; beyond it Caffeine evicts the least useful. */
        @WithDefault("100")
        int maxSize();

        /** How long a trigger type is trusted before it is read again (Composio may change its schema). */
        @WithDefault("15m")
        Duration ttl();
    }
}
