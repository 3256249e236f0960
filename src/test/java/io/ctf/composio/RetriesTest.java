package io.ctf.composio;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry loop of {@link Composio#call}, on a fake clock: what is retried, how long it waits, when it stops. */
class RetriesTest {

    /** A clock that only moves when the loop sleeps, recording each wait. */
    static final class FakeTime {
        long nanos;
        final List<Long> waits = new ArrayList<>();

        Retries retries(int maxRetries, long delayMs, long maxDurationMs) {
            return new Retries(maxRetries, delayMs, maxDurationMs, () -> nanos, ms -> {
                waits.add(ms);
                nanos += ms * 1_000_000;
            });
        }
    }

    static ComposioUnavailable unavailable(int status, Duration retryAfter) {
        return new ComposioUnavailable(status, ComposioErrorBody.Detail.EMPTY, retryAfter);
    }

    @Test
    void succeedsAtOnceWithoutWaiting() {
        var time = new FakeTime();
        assertThat(time.retries(3, 250, 20_000).run(() -> "ok")).isEqualTo("ok");
        assertThat(time.waits).isEmpty();
    }

    @Test
    void unavailableIsRetriedWithExponentialBackoffThenSucceeds() {
        var time = new FakeTime();
        var attempts = new AtomicInteger();
        String answer = time.retries(3, 250, 20_000).run(() -> {
            if (attempts.incrementAndGet() < 4) {
                throw unavailable(503, null);
            }
            return "ok";
        });
        assertThat(answer).isEqualTo("ok");
        assertThat(attempts).hasValue(4);
        assertThat(time.waits).containsExactly(250L, 500L, 1000L);
    }

    @Test
    void atMostThreeRetriesThenTheLastFailureIsThrown() {
        var time = new FakeTime();
        var attempts = new AtomicInteger();
        var last = unavailable(502, null);
        assertThatThrownBy(() -> time.retries(3, 250, 20_000).run(() -> {
            if (attempts.incrementAndGet() == 4) {
                throw last;
            }
            throw unavailable(502, null);
        })).isSameAs(last);
        assertThat(attempts).hasValue(4);
        assertThat(time.waits).hasSize(3);
    }

    @Test
    void retryAfterIsHonouredUpToFiveSeconds() {
        var time = new FakeTime();
        var attempts = new AtomicInteger();
        time.retries(3, 250, 20_000).run(() -> {
            switch (attempts.incrementAndGet()) {
                case 1 -> throw unavailable(429, Duration.ofSeconds(2));
                case 2 -> throw unavailable(429, Duration.ofSeconds(60));
                case 3 -> throw unavailable(503, null);
                default -> {
                    return "ok";
                }
            }
        });
        assertThat(time.waits).containsExactly(2000L, 5000L, 1000L);
    }

    @Test
    void noWaitEndsPastTheOverallBudget() {
        var time = new FakeTime();
        var attempts = new AtomicInteger();
        // Retry-After 5 s each time: the third wait would end at 15 s, past the 12 s budget.
        assertThatThrownBy(() -> time.retries(3, 250, 12_000).run(() -> {
            attempts.incrementAndGet();
            throw unavailable(429, Duration.ofSeconds(5));
        })).isInstanceOf(ComposioUnavailable.class);
        assertThat(time.waits).containsExactly(5000L, 5000L);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void slowAttemptsCountTowardsTheBudget() {
        var time = new FakeTime();
        var attempts = new AtomicInteger();
        assertThatThrownBy(() -> time.retries(3, 250, 20_000).run(() -> {
            attempts.incrementAndGet();
            time.nanos += 19_900L * 1_000_000; // the attempt itself ran into a 19.9 s timeout
            throw unavailable(0, null);
        })).isInstanceOf(ComposioUnavailable.class);
        assertThat(attempts).hasValue(1);
        assertThat(time.waits).isEmpty();
    }

    @Test
    void otherErrorsAreNotRetried() {
        var time = new FakeTime();
        var attempts = new AtomicInteger();
        assertThatThrownBy(() -> time.retries(3, 250, 20_000).run(() -> {
            attempts.incrementAndGet();
            throw new ComposioApiError(400, ComposioErrorBody.Detail.EMPTY);
        })).isExactlyInstanceOf(ComposioApiError.class);
        assertThatThrownBy(() -> time.retries(3, 250, 20_000).run(() -> {
            attempts.incrementAndGet();
            throw new ComposioAuthenticationFailed(401, ComposioErrorBody.Detail.EMPTY);
        })).isInstanceOf(ComposioAuthenticationFailed.class);
        assertThatThrownBy(() -> time.retries(3, 250, 20_000).run(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(3);
        assertThat(time.waits).isEmpty();
    }

    @Test
    void anInterruptedWaitStopsRetrying() {
        var attempts = new AtomicInteger();
        var retries = new Retries(3, 250, 20_000, System::nanoTime, ms -> {
            throw new InterruptedException();
        });
        try {
            assertThatThrownBy(() -> retries.run(() -> {
                attempts.incrementAndGet();
                throw unavailable(503, null);
            })).isInstanceOf(ComposioUnavailable.class);
            assertThat(attempts).hasValue(1);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
