package io.ctf.local;

import io.quarkus.funqy.runtime.FunqyServerRequest;
import io.quarkus.funqy.runtime.FunqyServerResponse;
import io.quarkus.funqy.runtime.RequestContext;
import io.quarkus.funqy.runtime.RequestContextImpl;
import io.smallrye.mutiny.Uni;

/** One call of a Funqy function: its input in, its output (a Uni) out, as Funqy's Lambda binding passes them. */
final class Invocation implements FunqyServerRequest, FunqyServerResponse {

    private final RequestContext context = new RequestContextImpl();
    private final Object input;
    private Uni<?> output;

    Invocation(Object input) {
        this.input = input;
    }

    @Override
    public RequestContext context() {
        return context;
    }

    @Override
    public Object extractInput(Class type) {
        return input;
    }

    @Override
    public Uni<?> getOutput() {
        return output;
    }

    @Override
    public void setOutput(Uni<?> output) {
        this.output = output;
    }
}
