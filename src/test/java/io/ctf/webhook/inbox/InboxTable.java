package io.ctf.webhook.inbox;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The test's own view of the inbox table in {@link DynamoDbLocalInbox}, read with a separate client. */
public class InboxTable implements AutoCloseable {

    private final String table;
    private LocalDynamoDb server;
    private DynamoDbClient client;

    InboxTable(LocalDynamoDb server, String table) {
        this.server = server;
        this.table = table;
        this.client = server.client();
    }

    /** The item stored for {@code id}, or an empty map; read consistently. */
    public Map<String, AttributeValue> item(String id) {
        return client.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of(DynamoDbInbox.ID, AttributeValue.fromS(id)))).item();
    }

    /** Writes {@code item} as it is, over any item of its id (a MODIFY on the stream then), bypassing the inbox. */
    public void put(Map<String, AttributeValue> item) {
        client.putItem(p -> p.tableName(table).item(item));
    }

    /** Deletes the item, as the TTL does when it expires (a REMOVE on the stream). */
    public void delete(String id) {
        client.deleteItem(d -> d.tableName(table).key(Map.of(DynamoDbInbox.ID, AttributeValue.fromS(id))));
    }

    public long count() {
        return client.scanPaginator(s -> s.tableName(table).select(Select.COUNT).consistentRead(true))
                .stream().mapToLong(page -> page.count()).sum();
    }

    /** Empties the inbox (drops and re-creates the table). */
    public void clear() {
        deleteTable();
        createTable();
    }

    public void deleteTable() {
        client.deleteTable(d -> d.tableName(table));
    }

    public void createTable() {
        server.createInboxTable(table);
    }

    /** The store goes away: connections to it are refused. */
    public void stopServer() {
        server.close();
        client.close();
    }

    /** The store is back on the same endpoint, with an empty inbox table. */
    public void startServer() {
        server = server.restart();
        client = server.client();
        createTable();
    }

    /** Every record on the table's stream so far, oldest first, as a consumer of the stream sees them. */
    public List<Record> streamRecords() {
        String arn = client.describeTable(d -> d.tableName(table)).table().latestStreamArn();
        List<Record> records = new ArrayList<>();
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            for (var shard : streams.describeStream(d -> d.streamArn(arn)).streamDescription().shards()) {
                String iterator = streams.getShardIterator(i -> i.streamArn(arn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                // A bounded read: an open shard hands out iterators forever.
                for (int page = 0; page < 10 && iterator != null; page++) {
                    String current = iterator;
                    var answer = streams.getRecords(r -> r.shardIterator(current));
                    records.addAll(answer.records());
                    if (answer.records().isEmpty()) {
                        break;
                    }
                    iterator = answer.nextShardIterator();
                }
            }
        }
        return records;
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
