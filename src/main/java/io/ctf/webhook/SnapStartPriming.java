package io.ctf.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctf.webhook.inbox.InboxClient;
import io.ctf.webhook.inbox.InboxConfig;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * SnapStart priming for receiveWebhook (the template's JVM runtime publishes versions with
 * SnapStart). Lambda snapshots the initialised JVM once per version, and every container restored
 * from it skips what was done before the snapshot. Just before it, this builds the inbox's DynamoDB
 * client (sending nothing) and runs verify → normalise → receipt on deliveries signed with a
 * throwaway secret, so those classes are loaded and compiled in the snapshot, not on a user's first
 * delivery. It never reads the real signing secret (a snapshot must hold none) and calls nothing.
 * <p>
 * Registered only while Lambda initialises for a snapshot ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start});
 * every other start pays one environment look-up.
 */
@ApplicationScoped
public class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);
    private static final String SAMPLE = """
            {"id":"evt_priming","timestamp":"2026-01-01T00:00:00Z","type":"composio.trigger.message",
             "metadata":{"log_id":"log_priming","trigger_slug":"GITHUB_PUSH_EVENT","trigger_id":"ti_priming",
             "connected_account_id":"ca_priming","auth_config_id":"ac_priming","user_id":"user_priming"},
             "data":{"ref":"refs/heads/main","commits":[{"id":"0","message":"priming"}]}}""";
    /** Enough runs for C1 (the JIT the template keeps) to compile the path. */
    static final int RUNS = 2_000;

    @Inject
    ObjectMapper json;

    @Inject
    InboxConfig inboxConfig;

    @Inject
    InboxClient inboxClient;

    static void register(@Observes StartupEvent started) {
        // The environment first: an ordinary start reads nothing else.
        if (!"snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            return;
        }
        String export = ConfigProvider.getConfig().getOptionalValue("quarkus.funqy.export", String.class).orElse(null);
        if (snapshotting(System.getenv(), export)) {
            Core.getGlobalContext().register(Arc.container().instance(SnapStartPriming.class).get());
        }
    }

    static boolean snapshotting(Map<String, String> environment, String export) {
        return "snap-start".equals(environment.get("AWS_LAMBDA_INITIALIZATION_TYPE")) && "receiveWebhook".equals(export);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: the client resolves credentials per request, the secret is read after restore.
    }

    /** Returns how many sample deliveries went through verify → normalise → receipt. */
    int prime() {
        long start = System.nanoTime();
        if (inboxConfig.table().filter(t -> !t.isBlank()).isPresent()) {
            inboxClient.get();
        }
        var verifier = new SignatureVerifier(List.of("snapstart-priming-not-a-secret"), Duration.ofSeconds(300));
        var normaliser = new EventNormaliser(json);
        byte[] body = SAMPLE.getBytes(StandardCharsets.UTF_8);
        byte[] key = "snapstart-priming-not-a-secret".getBytes(StandardCharsets.UTF_8);
        int primed = 0;
        try {
            for (int i = 0; i < RUNS; i++) {
                Instant now = Instant.now();
                String id = "msg_priming_" + i;
                String timestamp = Long.toString(now.getEpochSecond());
                String signature = "v1," + java.util.Base64.getEncoder().encodeToString(SignatureVerifier.sign(key, id, timestamp, body));
                var delivery = new SignedDelivery(id, timestamp, signature, body);
                verifier.verify(delivery, now);
                WebhookEvent event = normaliser.normalise(delivery);
                json.writeValueAsString(new ReceiveWebhookFunction.Receipt(event.id(), event.version(), event.type(), false));
                primed++;
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // Priming is an optimisation: never fail the snapshot for it.
            LOG.warnf("SnapStart priming stopped early: %s", e.toString());
        }
        LOG.infof("SnapStart priming: %d sample deliveries in %d ms", primed, (System.nanoTime() - start) / 1_000_000);
        return primed;
    }
}
