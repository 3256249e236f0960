package io.ctf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctf.composio.WebhookEndpoint;
import io.ctf.lambda.JsonInput;
import io.ctf.metrics.FunctionInvocation;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** {@code getEndpoint}, {@code listEndpoints} and {@code rotateEndpointSecret}: day-two care of webhook endpoints. */
public class EndpointFunctions {

    private static final Logger LOG = Logger.getLogger(EndpointFunctions.class);

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    JsonInput inputs;

    /** One Composio call. */
    @Funq("getEndpoint")
    @FunctionInvocation
    public EndpointState getEndpoint(JsonNode raw) {
        EndpointRef input = inputs.read(raw, EndpointRef.class);
        String id = EndpointInput.endpointId(input.id());
        return EndpointState.of(endpoints.get(id));
    }

    /**
     * One call for the list, then one per endpoint: Composio's list has no URL or verification state.
     * An endpoint deleted in between is left out.
     */
    @Funq("listEndpoints")
    @FunctionInvocation
    public EndpointList listEndpoints(JsonNode raw) {
        ListEndpointsRequest input = inputs.read(raw, ListEndpointsRequest.class);
        String toolkit = input.toolkitSlug() == null || input.toolkitSlug().isBlank()
                ? null : EndpointInput.toolkitSlug("toolkit_slug", input.toolkitSlug());
        List<EndpointState> states = new ArrayList<>();
        for (WebhookEndpoint.Summary summary : endpoints.list(toolkit)) {
            try {
                states.add(EndpointState.of(endpoints.get(summary.id())));
            } catch (EndpointNotFound gone) {
                LOG.debugf("webhook endpoint %s was deleted while listing", summary.id());
            }
        }
        return new EndpointList(states);
    }

    /**
     * Replaces one or more fields and keeps the others (PATCH). Three calls: the endpoint (for its
     * toolkit), the toolkit's setup fields (to refuse unknown names before writing), the PATCH.
     */
    @Funq("rotateEndpointSecret")
    @FunctionInvocation
    public RotatedEndpoint rotateEndpointSecret(JsonNode raw) {
        RotateSecretRequest input = inputs.read(raw, RotateSecretRequest.class);
        RotateSecretRequest.Valid request = RotateSecretRequest.validate(input);
        WebhookEndpoint before = endpoints.get(request.id());
        endpoints.setupFields(before.toolkitSlug()).requireKnown(request.data().keySet());
        WebhookEndpoint after = endpoints.merge(request.id(), request.data());

        // The PATCH answer may leave out what did not change.
        WebhookEndpoint state = after != null ? after : before;
        String verifiedAt = state.verifiedAt() != null ? state.verifiedAt() : before.verifiedAt();
        var stored = new TreeSet<>(EndpointState.storedFields(state));
        stored.addAll(request.data().keySet());
        LOG.infof("webhook endpoint %s (%s): rotated %s", request.id(), before.toolkitSlug(), request.data().keySet());
        return new RotatedEndpoint(request.id(), before.toolkitSlug(), before.clientId(),
                state.webhookUrl() != null ? state.webhookUrl() : before.webhookUrl(),
                request.data().keySet().stream().sorted().toList(), List.copyOf(stored),
                verifiedAt != null && !verifiedAt.isBlank(), verifiedAt);
    }
}
