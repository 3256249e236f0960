package io.ctf.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request turned into the event API Gateway's HTTP API (payload format 2.0) hands a Lambda:
 * header names lower-cased, repeated headers comma-joined, cookies in {@code cookies}, the query
 * string raw and parsed, {@code requestContext.http} with method, path, protocol, source IP and user
 * agent, and the body as text when its content type is text and it is valid UTF-8, otherwise
 * base64 with {@code isBase64Encoded}.
 */
final class GatewayEvent {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private GatewayEvent() {
    }

    /** {@code headers}: as received, any case, each name with its values in order. */
    static ObjectNode of(ObjectMapper json, String method, String rawPath, String rawQuery,
                         Map<String, List<String>> headers, byte[] body, String sourceIp,
                         String requestId, Instant now) {
        Map<String, String> lowerCased = new LinkedHashMap<>();
        List<String> cookies = new java.util.ArrayList<>();
        headers.forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("cookie")) {
                values.forEach(v -> List.of(v.split(";")).forEach(c -> {
                    if (!c.isBlank()) {
                        cookies.add(c.trim());
                    }
                }));
                return;
            }
            lowerCased.merge(key, String.join(",", values), (a, b) -> a + "," + b);
        });
        String routeKey = method + " " + rawPath;

        ObjectNode event = json.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        if (!cookies.isEmpty()) {
            ArrayNode list = event.putArray("cookies");
            cookies.forEach(list::add);
        }
        ObjectNode h = event.putObject("headers");
        lowerCased.forEach(h::put);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            ObjectNode query = event.putObject("queryStringParameters");
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.put(name, query.has(name) ? query.get(name).asText() + "," + value : value);
            }
        }

        String host = lowerCased.getOrDefault("host", "localhost");
        String domain = host.replaceFirst(":\\d+$", "");
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "anonymous");
        context.put("apiId", "local");
        context.put("domainName", domain);
        context.put("domainPrefix", domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain);
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", sourceIp);
        http.put("userAgent", lowerCased.getOrDefault("user-agent", ""));
        context.put("requestId", requestId);
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());

        if (body.length > 0) {
            String text = isText(lowerCased.get("content-type")) ? utf8(body) : null;
            event.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", text == null);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** Text types API Gateway passes as they are; anything else (or no content type) is base64-encoded. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded");
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
