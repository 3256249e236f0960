package io.ctf.trigger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.ctf.composio.Composio;
import io.ctf.composio.ComposioApiError;
import io.ctf.composio.TriggerType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;

/**
 * Trigger types as a warm function knows them: read from Composio once, with their config schema
 * compiled once, then kept in a bounded cache that expires (Composio may change a schema). The
 * cache and the schema factory are built on first use, so no function pays for them at start-up.
 */
@ApplicationScoped
public class TriggerTypes {

    private static final Logger LOG = Logger.getLogger(TriggerTypes.class);

    /** A trigger type and its compiled config schema. */
    record Known(TriggerType type, ConfigSchema schema) {
    }

    private record Key(String slug, String toolkitVersion) {
    }

    @Inject
    Composio composio;

    @Inject
    TriggersConfig config;

    @Inject
    InstantSource clock;

    private volatile Cache<Key, Known> cache;
    private volatile JsonSchemaFactory schemas;

    /**
     * The trigger type {@code slug} (case-insensitive, as at Composio) in {@code toolkitVersion}
     * (null: Composio's default); at most one Composio call, none when cached.
     */
    Known get(String slug, String toolkitVersion) {
        Key key = new Key(slug.toUpperCase(Locale.ROOT), toolkitVersion);
        Known known = cache().getIfPresent(key);
        if (known == null) {
            // Loaded outside the cache's lock: the call may retry for seconds.
            known = load(key);
            cache().put(key, known);
        }
        return known;
    }

    /** Forgets every trigger type, so the next create reads it afresh. */
    void invalidateAll() {
        cache().invalidateAll();
    }

    private Known load(Key key) {
        TriggerType type;
        try {
            type = composio.call(api -> api.getTriggerType(key.slug(), key.toolkitVersion()));
        } catch (ComposioApiError e) {
            // Composio answers an unknown slug with 400 (its TypeScript SDK maps 400 and 404 alike).
            // Only this call's 400 means that: elsewhere a 400 stays Composio's own error.
            if (e.status() == 400 || e.status() == 404) {
                throw new TriggerTypeNotFound(key.slug(), key.toolkitVersion(), e);
            }
            throw e;
        }
        return new Known(type, compile(type));
    }

    private ConfigSchema compile(TriggerType type) {
        if (type.config() == null || !type.config().isObject()) {
            return ConfigSchema.UNCHECKED;
        }
        try {
            var options = SchemaValidatorsConfig.builder().locale(Locale.ENGLISH).build();
            return new ConfigSchema(schemas().getSchema(type.config(), options));
        } catch (RuntimeException unusable) {
            // A schema we cannot read must not block the user: Composio still checks the config.
            LOG.warnf("config schema of %s cannot be compiled (%s); trigger_config is left to Composio to check",
                    type.slug(), unusable.getMessage());
            return ConfigSchema.UNCHECKED;
        }
    }

    private Cache<Key, Known> cache() {
        Cache<Key, Known> current = cache;
        if (current == null) {
            synchronized (this) {
                current = cache;
                if (current == null) {
                    // Maintenance runs in the calling thread: no background work in a frozen Lambda.
                    current = cache = Caffeine.newBuilder()
                            .maximumSize(config.typeCache().maxSize())
                            .expireAfterWrite(config.typeCache().ttl())
                            .ticker(this::nanos)
                            .executor(Runnable::run)
                            .build();
                }
            }
        }
        return current;
    }

    /** Expiry follows the application's clock, so it can be tested without waiting. */
    private long nanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private JsonSchemaFactory schemas() {
        JsonSchemaFactory current = schemas;
        if (current == null) {
            // Composio's schemas rarely name their dialect; a "$schema" they do name is honoured.
            current = schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        }
        return current;
    }
}
