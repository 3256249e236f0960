package io.ctf.nativeimage;

import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Files the AWS SDK looks for on the class path whenever a client is built, none of which this
 * build ships: the execution-interceptor lists (global and per service) and a {@code partitions.json}
 * that would replace the partitions compiled into each service. In a native image one look-up of a
 * class-path file costs about 0.3 ms (native-image checks each of the image's modules), three of them
 * per client, all on a function's first invocation. Which of them exist is known while the image is
 * built (it holds no file that was not on the class path then), so the substitutions here skip the
 * look-ups of the absent ones and keep every present one.
 */
final class SdkClasspathFiles {

    static final String PARTITIONS = "software/amazon/awssdk/global/partitions.json";
    static final String GLOBAL_INTERCEPTORS = "software/amazon/awssdk/global/handlers/execution.interceptors";
    /** The services whose clients the function set builds (their builders ask for these lists). */
    static final List<String> SERVICES = List.of("dynamodb", "eventbridge", "ssm", "secretsmanager");

    /** The interceptor lists a client may ask for that were not on the class path when the image was built. */
    static final Set<String> ABSENT_INTERCEPTOR_LISTS = absent(interceptorLists());

    private SdkClasspathFiles() {
    }

    static List<String> interceptorLists() {
        return Stream.concat(Stream.of(GLOBAL_INTERCEPTORS),
                SERVICES.stream().map(service -> "software/amazon/awssdk/services/" + service + "/execution.interceptors")).toList();
    }

    static Set<String> absent(List<String> paths) {
        return paths.stream().filter(SdkClasspathFiles::absent).collect(Collectors.toUnmodifiableSet());
    }

    static boolean absent(String path) {
        return !ClassPresence.resourcePresent(path);
    }

    /** True while no {@code partitions.json} overrides the partitions compiled into the SDK's services. */
    static final class PartitionsFileAbsent implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            return absent(PARTITIONS);
        }
    }
}
