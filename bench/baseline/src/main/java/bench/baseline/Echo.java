package bench.baseline;

import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The bare Funqy function the bench compares every project function with. */
public class Echo {

    @Funq
    public Message echo(Message input) {
        return input;
    }

    @RegisterForReflection
    public record Message(String message) {
    }
}
