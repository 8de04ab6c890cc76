package vn.partyledger.infra.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import vn.partyledger.command.process.Records;

/**
 * Finds the target aggregate from the command's {@code @TargetAggregateIdentifier} and the version the caller expects
 * from the {@value #EXPECTED_VERSION} metadata (an HTTP {@code If-Match}). Axon's repository then refuses the command
 * under the aggregate's lock if the aggregate has moved on, so the check cannot race with another writer.
 */
public class ExpectedVersionTargetResolver implements CommandTargetResolver {

    public static final String EXPECTED_VERSION = Records.EXPECTED_VERSION;

    private final CommandTargetResolver identifiers = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = identifiers.resolveTarget(command);
        Object expected = command.getMetaData().get(EXPECTED_VERSION);
        if (expected == null) {
            return target;
        }
        return new VersionedAggregateIdentifier(target.getIdentifierValue(), ((Number) expected).longValue());
    }
}
