package io.ctf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctf.composio.WebhookEndpoint;
import io.ctf.lambda.JsonInput;
import io.ctf.lambda.InvalidInput;
import io.ctf.metrics.FunctionInvocation;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code provisionEndpoint}: the seed's five curl steps for a bring-your-own OAuth app as one
 * invocation that is safe to repeat. At most four Composio calls: setup fields, create (idempotent),
 * one write (only when {@code data} is given), read back. Every check runs before the first write.
 */
public class ProvisionEndpointFunction {

    private static final Logger LOG = Logger.getLogger(ProvisionEndpointFunction.class);

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    JsonInput inputs;

    @Funq("provisionEndpoint")

    @FunctionInvocation
    public ProvisionResult provisionEndpoint(JsonNode raw) {
        ProvisionRequest input = inputs.read(raw, ProvisionRequest.class);
        ProvisionRequest.Valid request = ProvisionRequest.validate(input);
        String toolkit = request.toolkitSlug();

        SetupFields fields = endpoints.setupFields(toolkit);
        if (fields.managedByComposio()) {
            LOG.infof("%s: webhook endpoint managed by Composio, nothing provisioned", toolkit);
            return ProvisionResult.managed(toolkit, request.clientId(), NextSteps.managed(toolkit, !request.data().isEmpty()));
        }
        fields.requireKnown(request.data().keySet());
        if (request.replace()) {
            List<String> missing = fields.missingRequired(Set.of(), request.data().keySet());
            if (!missing.isEmpty()) {
                throw new InvalidInput("'replace': true clears every field left out of 'data', "
                        + "so 'data' needs every required field; missing: " + fields.describe(missing)
                        + ". Leave 'replace' out to add fields to those already stored.");
            }
        }

        WebhookEndpoints.Created created = endpoints.create(toolkit, request.clientId());
        String id = created.endpoint().id();
        if (!request.data().isEmpty()) {
            if (request.replace()) {
                endpoints.replace(id, request.data());
            } else {
                endpoints.merge(id, request.data());
            }
        }
        WebhookEndpoint state = endpoints.get(id);

        Set<String> stored = new HashSet<>(EndpointState.storedFields(state));
        stored.addAll(request.data().keySet());
        List<String> missing = fields.missingRequired(stored, Set.of());
        boolean verified = EndpointState.isVerified(state);
        String url = state.webhookUrl() != null ? state.webhookUrl() : created.endpoint().webhookUrl();
        LOG.infof("%s: webhook endpoint %s %s; fields written %s (%s); verified %s; missing %s",
                toolkit, id, created.isNew() ? "created" : "already existed", request.data().keySet(),
                request.replace() ? "replace" : "merge", verified, missing);
        return new ProvisionResult(id, toolkit, request.clientId(), url, created.isNew(), verified,
                verified ? state.verifiedAt() : null, false, stored.stream().sorted().toList(), missing,
                NextSteps.provisioned(toolkit, id, url, verified, missing, fields));
    }
}
