package io.ctf.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 1: one record of the DynamoDB stream batch as Lambda delivers it
 * ({@code {"Records":[{"eventName", "dynamodb":{"SequenceNumber", "NewImage", ...}}]}}).
 * {@code newImage} is DynamoDB's attribute-value JSON, or null (a REMOVE has none).
 */
record StreamRecord(int index, String sequenceNumber, String eventName, JsonNode newImage) {

    static final String INSERT = "INSERT";

    boolean isInsert() {
        return INSERT.equals(eventName);
    }

    /**
     * Every record of the batch, in stream order. Each must carry its sequence number, the only
     * way to report it as failed; anything else about a record is judged later, record by record.
     */
    static List<StreamRecord> of(JsonNode batch) {
        JsonNode records = batch == null ? null : batch.get("Records");
        if (records == null || !records.isArray()) {
            throw new MalformedStreamBatch("the input is not a DynamoDB stream batch: 'Records' must be an array of stream records");
        }
        List<StreamRecord> read = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            JsonNode sequence = record.path("dynamodb").path("SequenceNumber");
            if (!sequence.isTextual() || sequence.asText().isBlank()) {
                throw new MalformedStreamBatch("Records[" + i + "] has no 'dynamodb.SequenceNumber', so it could not be"
                        + " reported as failed: the batch is not acknowledged");
            }
            JsonNode image = record.path("dynamodb").get("NewImage");
            read.add(new StreamRecord(i, sequence.asText(), record.path("eventName").asText(null),
                    image != null && image.isObject() ? image : null));
        }
        return read;
    }
}
