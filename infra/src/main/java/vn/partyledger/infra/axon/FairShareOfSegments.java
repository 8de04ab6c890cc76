package vn.partyledger.infra.axon;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;

import java.util.function.ToIntFunction;

/**
 * How many segments of a processor one node may hold: its fair share, the processor's segments over the nodes alive,
 * rounded up. Axon's coordinator asks at every claim round (5 s): a node that finds it holds more releases the surplus
 * for the others to claim, and when a node goes, the share of those left grows and they claim what it held. With one
 * node the share is every segment, as without it.
 */
public class FairShareOfSegments implements MaxSegmentProvider {

    private final ToIntFunction<String> segmentsOfProcessor;
    private final ProcessingNodes nodes;

    public FairShareOfSegments(ToIntFunction<String> segmentsOfProcessor, ProcessingNodes nodes) {
        this.segmentsOfProcessor = segmentsOfProcessor;
        this.nodes = nodes;
    }

    @Override
    public int getMaxSegments(String processorName) {
        int segments = segmentsOfProcessor.applyAsInt(processorName);
        if (segments == 0) {
            // not yet set up: the first node to claim creates the segments, and shares them from the next round
            return Short.MAX_VALUE;
        }
        int alive = nodes.alive();
        return (segments + alive - 1) / alive;
    }
}
