package io.ctf.webhook;

import io.ctf.lambda.HttpApiEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Step 1: the gateway event reduced to what authenticity depends on: Composio's three
 * {@code webhook-*} headers and the body's exact bytes (base64-decoded where API Gateway encoded it).
 */
record SignedDelivery(String id, String timestamp, String signatures, byte[] body) {

    static SignedDelivery from(HttpApiEvent event, int maxBodyBytes) {
        return new SignedDelivery(
                event.header("webhook-id"),
                event.header("webhook-timestamp"),
                event.header("webhook-signature"),
                bodyBytes(event, maxBodyBytes));
    }

    private static byte[] bodyBytes(HttpApiEvent event, int maxBodyBytes) {
        String body = event.body();
        if (body == null) {
            return new byte[0];
        }
        byte[] bytes;
        if (event.isBase64Encoded()) {
            // Cheap pre-check before decoding: 4 base64 characters carry at most 3 bytes.
            if ((long) body.length() / 4 * 3 > maxBodyBytes + 2L) {
                throw tooLarge(maxBodyBytes);
            }
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new WebhookRejected(400, "body is marked base64 but is not valid base64");
            }
        } else {
            if (body.length() > maxBodyBytes) {
                throw tooLarge(maxBodyBytes);
            }
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > maxBodyBytes) {
            throw tooLarge(maxBodyBytes);
        }
        return bytes;
    }

    private static WebhookRejected tooLarge(int maxBodyBytes) {
        return new WebhookRejected(413, "body larger than " + maxBodyBytes + " bytes");
    }
}
