package vn.partyledger.infra.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The rebuilds an administrator starts and follows, one at a time per projection, each on a thread of its own; the
 * latest of each projection is kept for its progress, in the endpoint and as gauges
 * ({@code partyledger.projection.rebuild.events.done}, {@code .events.logged}, {@code .rate}, tagged with the
 * projection; not {@code .events.total}, a suffix Prometheus keeps for counters). Kept in memory: a rebuild interrupted by a restart is started again, and clears what it left.
 */
public class ProjectionRebuilds {

    private final Map<String, RebuildableProjection> projections = new LinkedHashMap<>();
    private final RebuildRun.Support support;
    private final Map<String, RebuildRun> latest = new ConcurrentHashMap<>();

    public ProjectionRebuilds(List<RebuildableProjection> projections, RebuildRun.Support support,
                              MeterRegistry meters) {
        projections.forEach(projection -> this.projections.put(projection.name(), projection));
        this.support = support;
        for (String name : this.projections.keySet()) {
            gauge(meters, "partyledger.projection.rebuild.events.done", name, RebuildRun::eventsDone,
                    "events of the log the projection's latest rebuild has read");
            gauge(meters, "partyledger.projection.rebuild.events.logged", name, RebuildRun::eventsTotal,
                    "events the log holds, for the projection's latest rebuild");
            gauge(meters, "partyledger.projection.rebuild.rate", name, RebuildRun::eventsPerSecond,
                    "events per second the projection's latest rebuild has read");
        }
    }

    /** Starts a rebuild of the named projection; refused while one is running. */
    public synchronized RebuildProgress start(String name) {
        RebuildableProjection projection = known(name);
        if (Optional.ofNullable(latest.get(name)).filter(RebuildRun::running).isPresent()) {
            throw new RebuildRunning(name);
        }
        RebuildRun run = new RebuildRun(projection, support);
        latest.put(name, run);
        Thread thread = new Thread(run, name + "-rebuild");
        thread.setDaemon(true);
        thread.start();
        return run.progress();
    }

    /** The progress of the named projection's latest rebuild since the service started. */
    public RebuildProgress progress(String name) {
        known(name);
        return Optional.ofNullable(latest.get(name)).map(RebuildRun::progress)
                .orElseGet(() -> RebuildProgress.none(name, support.generations().active(name)));
    }

    private RebuildableProjection known(String name) {
        RebuildableProjection projection = projections.get(name);
        if (projection == null) {
            throw new UnknownProjection(name, projections.keySet());
        }
        return projection;
    }

    private void gauge(MeterRegistry meters, String meter, String name, ToDoubleFunction<RebuildRun> value,
                       String description) {
        Gauge.builder(meter, () -> Optional.ofNullable(latest.get(name)).map(value::applyAsDouble).orElse(0.0))
                .tag("projection", name).description(description).register(meters);
    }
}
