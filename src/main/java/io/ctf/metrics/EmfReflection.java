package io.ctf.metrics;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.StorageResolution;
import software.amazon.cloudwatchlogs.emf.model.Unit;
import software.amazon.cloudwatchlogs.emf.serializers.InstantDeserializer;
import software.amazon.cloudwatchlogs.emf.serializers.InstantSerializer;
import software.amazon.cloudwatchlogs.emf.serializers.StorageResolutionFilter;
import software.amazon.cloudwatchlogs.emf.serializers.StorageResolutionSerializer;
import software.amazon.cloudwatchlogs.emf.serializers.UnitDeserializer;
import software.amazon.cloudwatchlogs.emf.serializers.UnitSerializer;

/**
 * aws-embedded-metrics serialises its records with Jackson (annotations on its model, custom
 * serializers): registered so a native image writes the same JSON as the JVM. Its model classes
 * are package-private, hence named by {@code classNames}.
 */
@RegisterForReflection(targets = {
        DimensionSet.class, Unit.class, StorageResolution.class,
        InstantSerializer.class, InstantDeserializer.class, UnitSerializer.class, UnitDeserializer.class,
        StorageResolutionSerializer.class, StorageResolutionFilter.class},
        classNames = {"software.amazon.cloudwatchlogs.emf.model.RootNode", "software.amazon.cloudwatchlogs.emf.model.Metadata",
                "software.amazon.cloudwatchlogs.emf.model.MetricDirective", "software.amazon.cloudwatchlogs.emf.model.MetricDefinition",
                "software.amazon.cloudwatchlogs.emf.model.EmptyMetricsFilter"})
final class EmfReflection {

    private EmfReflection() {
    }
}
