package io.ctf.events;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * Step 6: Lambda's partial batch response for a stream ({@code ReportBatchItemFailures}):
 * {@code {"batchItemFailures":[{"itemIdentifier":"<SequenceNumber>"}]}}. Lambda resumes the shard
 * from the lowest sequence number reported; an empty list acknowledges the whole batch.
 */
@RegisterForReflection
public record StreamBatchResponse(List<ItemFailure> batchItemFailures) {

    @RegisterForReflection
    public record ItemFailure(String itemIdentifier) {
    }
}
