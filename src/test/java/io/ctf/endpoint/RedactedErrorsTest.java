package io.ctf.endpoint;

import io.ctf.composio.ComposioApiError;
import io.ctf.composio.ComposioAuthenticationFailed;
import io.ctf.composio.ComposioErrorBody;
import io.ctf.composio.ComposioUnavailable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactedErrorsTest {

    static final String SECRET = "xapp-1-secret-value";

    static ComposioErrorBody.Detail quoting(String secret) {
        return new ComposioErrorBody.Detail("bad value '" + secret + "'", 400, "Invalid", 400, "req_1",
                "send another than " + secret, List.of("data.app_token: " + secret));
    }

    @Test
    void everyQuotedSecretIsReplacedAndTheErrorKeepsItsClassStatusAndRequestId() {
        ComposioApiError redacted = RedactedErrors.redact(new ComposioApiError(400, quoting(SECRET)), List.of(SECRET));

        assertThat(redacted).isExactlyInstanceOf(ComposioApiError.class);
        assertThat(redacted.getMessage()).doesNotContain(SECRET).contains("bad value '[redacted]'").contains("req_1");
        assertThat(redacted.status()).isEqualTo(400);
        assertThat(redacted.suggestedFix()).isEqualTo("send another than [redacted]");
        assertThat(redacted.errors()).containsExactly("data.app_token: [redacted]");
    }

    @Test
    void subclassesStayTheirClass() {
        assertThat(RedactedErrors.redact(new ComposioAuthenticationFailed(401, quoting(SECRET)), List.of(SECRET)))
                .isExactlyInstanceOf(ComposioAuthenticationFailed.class).hasMessageNotContaining(SECRET);
        ComposioApiError unavailable = RedactedErrors.redact(
                new ComposioUnavailable(503, quoting(SECRET), Duration.ofSeconds(2)), List.of(SECRET));
        assertThat(unavailable).isExactlyInstanceOf(ComposioUnavailable.class).hasMessageNotContaining(SECRET);
        assertThat(((ComposioUnavailable) unavailable).retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anErrorQuotingNoSecretIsLeftAsItIs() {
        ComposioApiError error = new ComposioApiError(400, quoting("something else"));
        assertThat(RedactedErrors.redact(error, List.of(SECRET))).isSameAs(error);
    }
}
