package io.ctf.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code METRICS_NAMESPACE}: the CloudWatch namespace of every metric (template.yaml's alarms use the same). */
@ConfigMapping(prefix = "metrics")
public interface MetricsConfig {

    @WithDefault(MetricNames.DEFAULT_NAMESPACE)
    String namespace();
}
