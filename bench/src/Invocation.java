import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** One event handed to the function, and its answer once posted. */
final class Invocation {
    final String id = UUID.randomUUID().toString();
    final byte[] payload;
    volatile long dispatched;
    final CompletableFuture<Result> done = new CompletableFuture<>();

    Invocation(String payload) {
        this.payload = payload.getBytes(StandardCharsets.UTF_8);
    }
}
