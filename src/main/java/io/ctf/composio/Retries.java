package io.ctf.composio;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The retry policy of {@link Composio#call}: only {@link ComposioUnavailable} (408, 429, 5xx, no
 * connection) is retried, at most {@code maxRetries} times, waiting {@link RetryAfterBackoff}'s delay
 * (Composio's {@code Retry-After}, else exponential from {@code initialDelayMs}); a wait that would end
 * past {@code maxDurationMs} since the first attempt is not started, the last failure is thrown instead.
 * <p>
 * A plain loop on the calling thread rather than SmallRye Fault Tolerance: the same behaviour, but
 * nothing of it is initialised when a function starts (Fault Tolerance's recorder, its ~170 classes
 * and context propagation were paid at every cold start, also by functions that never call Composio).
 */
final class Retries {

    /** Waits; a test's clock can stand in for it. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final int maxRetries;
    private final long initialDelayMs;
    private final long maxDurationMs;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    Retries(int maxRetries, long initialDelayMs, long maxDurationMs, LongSupplier nanoTime, Sleeper sleeper) {
        this.maxRetries = maxRetries;
        this.initialDelayMs = initialDelayMs;
        this.maxDurationMs = maxDurationMs;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    static Retries of(ComposioConfig.Retry config) {
        return new Retries(config.maxRetries(), config.delay().toMillis(), config.maxDuration().toMillis(),
                System::nanoTime, Thread::sleep);
    }

    <T> T run(Supplier<T> attempt) {
        long start = nanoTime.getAsLong();
        RetryAfterBackoff backoff = new RetryAfterBackoff();
        backoff.init(initialDelayMs);
        for (int retries = 0; ; retries++) {
            try {
                return attempt.get();
            } catch (ComposioUnavailable failure) {
                if (retries >= maxRetries) {
                    throw failure;
                }
                long delay = backoff.nextDelayInMillis(failure);
                long elapsedMs = (nanoTime.getAsLong() - start) / 1_000_000;
                if (elapsedMs + delay > maxDurationMs) {
                    throw failure;
                }
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }
}
