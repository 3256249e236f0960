package io.ctf.endpoint;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** listEndpoints' answer. */
@RegisterForReflection
public record EndpointList(List<EndpointState> endpoints) {
}
