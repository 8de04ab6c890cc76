package vn.partyledger.command.organisation;

import org.axonframework.commandhandling.CommandHandler;
import vn.partyledger.domain.organisation.RecruitmentTargetSet;
import vn.partyledger.domain.organisation.SetRecruitmentTarget;
import vn.partyledger.domain.organisation.TargetMode;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The admission targets the organisation's direct superior sets it each year, as a whole number of admissions or a
 * percentage of the opening membership (docs/rules.md#RECRUITMENT_TARGET).
 */
final class RecruitmentTargets {

    /** The one thing the targets read of the tree: which organisation was the direct superior on a date. */
    interface Superiors {

        Optional<String> parentOn(LocalDate date);
    }

    private final Lifetime lifetime;
    private final Superiors superiors;

    RecruitmentTargets(Lifetime lifetime, Superiors superiors) {
        this.lifetime = lifetime;
        this.superiors = superiors;
    }

    /** A target takes effect on the date of the decision that sets it. */
    @CommandHandler
    void handle(SetRecruitmentTarget command, Today today) {
        Lifetime.everyChangeIsADecision(command.decision());
        today.decisionIsNotInTheFuture(command.decision());
        LocalDate setOn = command.decision().docDate();
        lifetime.anOrganisationChangesOnlyWhileItExists(setOn);
        recruitmentTargetIsSetByTheDirectSuperior(command, setOn);
        targetValueFitsItsMode(command);
        apply(new RecruitmentTargetSet(lifetime.orgId(), command.year(), command.mode(), command.value(),
                command.setByOrgId(), setOn));
    }

    private void recruitmentTargetIsSetByTheDirectSuperior(SetRecruitmentTarget command, LocalDate setOn) {
        Optional<String> superior = superiors.parentOn(setOn);
        if (!superior.map(command.setByOrgId()::equals).orElse(false)) {
            throw new RuleViolation(Invariant.RECRUITMENT_TARGET, "recruitmentTargetIsSetByTheDirectSuperior",
                    "The admission target of " + lifetime.orgId() + " is set by its superior "
                            + superior.orElse("(none)") + " on " + setOn + ", not by " + command.setByOrgId() + ".");
        }
    }

    private static void targetValueFitsItsMode(SetRecruitmentTarget command) {
        BigDecimal value = command.value();
        boolean fits = value.signum() > 0 && (command.mode() == TargetMode.ABSOLUTE
                ? value.stripTrailingZeros().scale() <= 0
                : value.compareTo(BigDecimal.valueOf(100)) <= 0);
        if (!fits) {
            throw new RuleViolation(Invariant.RECRUITMENT_TARGET, "targetValueFitsItsMode",
                    "An absolute target is a positive whole number of admissions and a percentage target lies "
                            + "above 0 and at most 100; " + value + " does not fit " + command.mode() + ".");
        }
    }
}
