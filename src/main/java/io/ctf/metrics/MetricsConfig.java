package io.ctf.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The functions' metrics: {@code METRICS_NAMESPACE}, {@code METRICS_ENABLED}. */
@ConfigMapping(prefix = "metrics")
public interface MetricsConfig {

    /** The CloudWatch namespace of every metric (template.yaml's alarms use the same). */
    @WithDefault(MetricNames.DEFAULT_NAMESPACE)
    String namespace();

    /**
     * Whether the EMF lines are printed. On Lambda they are the metrics; in dev mode and tests they
     * would only bury the log lines, so those profiles turn them off (tests of the metrics turn them on).
     */
    @WithDefault("true")
    boolean enabled();
}
