package io.ctf.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Stream records read with the SDK's DynamoDbStreamsClient, handed over as Lambda hands them to a
 * function: {@code {"Records":[{"eventID", "eventName", "eventVersion", "eventSource", "awsRegion",
 * "dynamodb":{"ApproximateCreationDateTime", "Keys", "NewImage", "SequenceNumber", "SizeBytes",
 * "StreamViewType"}, "eventSourceARN"}]}} with DynamoDB's attribute-value JSON.
 */
final class StreamEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    private StreamEvents() {
    }

    static ObjectNode lambdaEvent(List<Record> records) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (Record r : records) {
            ObjectNode record = array.addObject();
            record.put("eventID", r.eventID());
            record.put("eventName", r.eventNameAsString());
            record.put("eventVersion", r.eventVersion());
            record.put("eventSource", r.eventSource());
            record.put("awsRegion", r.awsRegion());
            ObjectNode dynamodb = record.putObject("dynamodb");
            var s = r.dynamodb();
            if (s.approximateCreationDateTime() != null) {
                dynamodb.put("ApproximateCreationDateTime", BigDecimal.valueOf(s.approximateCreationDateTime().getEpochSecond()));
            }
            dynamodb.set("Keys", image(s.keys()));
            if (s.hasNewImage()) {
                dynamodb.set("NewImage", image(s.newImage()));
            }
            dynamodb.put("SequenceNumber", s.sequenceNumber());
            dynamodb.put("SizeBytes", s.sizeBytes());
            dynamodb.put("StreamViewType", s.streamViewTypeAsString());
            record.put("eventSourceARN", "arn:aws:dynamodb:us-east-1:123456789012:table/composio-inbox-test/stream/2026-11-23T00:00:00.000");
        }
        return event;
    }

    static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode image = JSON.createObjectNode();
        item.forEach((name, value) -> image.set(name, value(value)));
        return image;
    }

    static ObjectNode value(AttributeValue v) {
        ObjectNode node = JSON.createObjectNode();
        switch (v.type()) {
            case S -> node.put("S", v.s());
            case N -> node.put("N", v.n());
            case B -> node.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case BOOL -> node.put("BOOL", v.bool());
            case NUL -> node.put("NULL", true);
            case M -> node.set("M", image(v.m()));
            case L -> v.l().forEach(e -> node.withArray("L").add(value(e)));
            case SS -> v.ss().forEach(e -> node.withArray("SS").add(e));
            case NS -> v.ns().forEach(e -> node.withArray("NS").add(e));
            default -> throw new IllegalArgumentException("attribute type " + v.type());
        }
        return node;
    }
}
