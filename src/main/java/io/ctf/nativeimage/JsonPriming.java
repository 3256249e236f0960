package io.ctf.nativeimage;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import io.ctf.composio.ComposioApi;
import io.ctf.composio.ComposioErrorBody;
import io.ctf.endpoint.EndpointRef;
import io.ctf.endpoint.ListEndpointsRequest;
import io.ctf.endpoint.ProvisionRequest;
import io.ctf.endpoint.RotateSecretRequest;
import io.ctf.lambda.HttpApiEvent;
import io.ctf.lambda.JsonInput;
import io.ctf.metrics.Metrics;
import io.ctf.subscription.SubscribeWebhooks;
import io.ctf.trigger.CreateTriggerRequest;
import io.ctf.trigger.GetTriggerTypeRequest;
import io.ctf.trigger.ListTriggerTypesRequest;
import io.ctf.trigger.ListTriggersRequest;
import io.ctf.trigger.TriggerRef;
import io.ctf.webhook.ReceiveWebhookFunction;
import io.ctf.webhook.WebhookSecrets;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.runtime.ImageMode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Jackson's first read or write of a type is its slowest: it introspects the class and builds the
 * type's (de)serializer, about a fifth of a native function's first invocation. Quarkus makes the
 * application's ObjectMapper at static init, which a native build runs at build time; this, its last
 * customizer, then builds the (de)serializers a first invocation uses, so they are in the image heap
 * and no cold start builds them: every function's input (read strictly by {@link JsonInput}), what
 * Composio answers and is sent, receiveWebhook's receipt and the secret it reads from SSM, and the
 * EMF metrics records (the EMF library's own mapper).
 * <p>
 * Only in a native build: on the JVM it would be start-up work for types the exported function may
 * never touch (the JVM's SnapStart priming does the same for receiveWebhook before its snapshot).
 * What the functions read and write is unchanged; JsonPrimingTest checks that, once primed, no
 * first use builds a (de)serializer, and that every function input is in {@link #FUNCTION_INPUTS}.
 */
@Singleton
public class JsonPriming implements ObjectMapperCustomizer {

    private static final Logger LOG = Logger.getLogger(JsonPriming.class);

    /** Every type a function reads its input as, through {@link JsonInput#read}. */
    static final List<Class<?>> FUNCTION_INPUTS = List.of(
            HttpApiEvent.class,
            CreateTriggerRequest.class, ListTriggersRequest.class, TriggerRef.class,
            GetTriggerTypeRequest.class, ListTriggerTypesRequest.class,
            ProvisionRequest.class, EndpointRef.class, ListEndpointsRequest.class, RotateSecretRequest.class,
            SubscribeWebhooks.Request.class);

    /** What the functions write with the application's mapper themselves. */
    static final List<Class<?>> WRITTEN = List.of(ReceiveWebhookFunction.Receipt.class, WebhookSecrets.class);

    /** What they read with it, besides Composio's answers. */
    static final List<Class<?>> READ = List.of(WebhookSecrets.class, ComposioErrorBody.class);

    @Inject
    JsonInput inputs;

    /** The lowest: after {@link JsonInput} has made its strict copy of the finished mapper. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        if (ImageMode.current() != ImageMode.NATIVE_BUILD) {
            return;
        }
        try {
            prime(mapper, inputs);
        } catch (Exception e) {
            // An optimisation only: the first invocation builds what is missing, as on the JVM.
            LOG.warnf("Jackson (de)serializers not primed in the image: %s", e.toString());
        }
    }

    static void prime(ObjectMapper mapper, JsonInput inputs) throws Exception {
        for (Class<?> input : FUNCTION_INPUTS) {
            inputs.prime(input);
        }
        var deserializers = ((DefaultDeserializationContext) mapper.getDeserializationContext()).createDummyInstance(mapper.getDeserializationConfig());
        for (JavaType read : composioReads(mapper)) {
            deserializers.findRootValueDeserializer(read);
        }
        for (Class<?> read : READ) {
            deserializers.findRootValueDeserializer(mapper.constructType(read));
        }
        var serializers = mapper.getSerializerProviderInstance();
        for (Class<?> written : composioWrites()) {
            serializers.findTypedValueSerializer(written, true, null);
        }
        for (Class<?> written : WRITTEN) {
            serializers.findTypedValueSerializer(written, true, null);
        }
        Metrics.primeSerializers();
    }

    /** The body types of Composio's answers: each method's return type, {@code RestResponse<T>}'s T. */
    static List<JavaType> composioReads(ObjectMapper mapper) {
        Set<JavaType> types = new LinkedHashSet<>();
        for (Method call : calls()) {
            Type body = call.getGenericReturnType();
            if (body instanceof ParameterizedType p && p.getRawType() == RestResponse.class) {
                body = p.getActualTypeArguments()[0];
            }
            if (body != void.class && body != Void.class) {
                types.add(mapper.constructType(body));
            }
        }
        return new ArrayList<>(types);
    }

    /** The request bodies sent to Composio: the parameters that are neither path nor query. */
    static List<Class<?>> composioWrites() {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Method call : calls()) {
            for (Parameter parameter : call.getParameters()) {
                if (!bound(parameter.getAnnotations())) {
                    types.add(parameter.getType());
                }
            }
        }
        return new ArrayList<>(types);
    }

    /** The REST client's calls: its methods with an HTTP method (not its exception mapper). */
    private static List<Method> calls() {
        List<Method> calls = new ArrayList<>();
        for (Method method : ComposioApi.class.getMethods()) {
            for (Annotation annotation : method.getAnnotations()) {
                if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                    calls.add(method);
                    break;
                }
            }
        }
        return calls;
    }

    private static boolean bound(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            String name = annotation.annotationType().getName();
            if (name.startsWith("org.jboss.resteasy.reactive.Rest") || name.startsWith("jakarta.ws.rs.")) {
                return true;
            }
        }
        return false;
    }
}
