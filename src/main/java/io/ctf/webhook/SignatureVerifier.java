package io.ctf.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Step 2: Composio's signature. {@code v1,base64(HMAC-SHA256(key = secret's UTF-8 bytes,
 * message = "{id}.{timestamp}.{raw body}"))}. Unlike Standard Webhooks, the secret is used as it
 * is (no prefix stripped, no base64 decoding), which is why no Svix library can check it.
 * Any one matching {@code v1} signature, for any configured secret, passes; comparison is constant-time.
 */
final class SignatureVerifier {

    private static final byte[] DOT = {'.'};

    private final List<byte[]> keys;
    private final Duration tolerance;

    SignatureVerifier(List<String> secrets, Duration tolerance) {
        this.keys = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.tolerance = tolerance;
    }

    /** Returns normally for an authentic, timely delivery; otherwise throws a 401 {@link WebhookRejected}. */
    void verify(SignedDelivery delivery, Instant now) {
        if (isBlank(delivery.id()) || isBlank(delivery.timestamp()) || isBlank(delivery.signatures())) {
            throw WebhookRejected.unauthenticated("missing webhook-id, webhook-timestamp or webhook-signature header");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(delivery.timestamp().trim());
        } catch (NumberFormatException e) {
            throw WebhookRejected.unauthenticated("webhook-timestamp is not a number of seconds");
        }
        if (Math.abs(now.getEpochSecond() - sentAt) > tolerance.toSeconds()) {
            throw WebhookRejected.unauthenticated("webhook-timestamp is outside the allowed tolerance");
        }
        byte[][] candidates = v1Signatures(delivery.signatures());
        for (byte[] key : keys) {
            byte[] expected = sign(key, delivery.id(), delivery.timestamp().trim(), delivery.body());
            for (byte[] candidate : candidates) {
                if (candidate != null && MessageDigest.isEqual(expected, candidate)) {
                    return;
                }
            }
        }
        throw WebhookRejected.unauthenticated(WebhookRejected.NO_VALID_SIGNATURE);
    }

    /** {@code v1,<base64>} entries separated by spaces; other versions and broken base64 are skipped. */
    private static byte[][] v1Signatures(String header) {
        String[] parts = header.trim().split(" +");
        byte[][] decoded = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("v1,")) {
                try {
                    decoded[i] = Base64.getDecoder().decode(part.substring(3));
                } catch (IllegalArgumentException notBase64) {
                    decoded[i] = null;
                }
            }
        }
        return decoded;
    }

    static byte[] sign(byte[] key, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(id.getBytes(StandardCharsets.UTF_8));
            mac.update(DOT);
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update(DOT);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
