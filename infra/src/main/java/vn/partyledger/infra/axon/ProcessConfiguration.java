package vn.partyledger.infra.axon;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import vn.partyledger.domain.badge.BadgePolicy;
import vn.partyledger.domain.exemption.ExemptionPolicy;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.onboarding.OnboardingPolicies;
import vn.partyledger.domain.transfer.TransferPolicy;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.organisation.Organisation;
import vn.partyledger.command.person.Person;
import vn.partyledger.command.process.AdmissionCeremony;
import vn.partyledger.command.process.AggregateMembersInTransfer;
import vn.partyledger.command.process.AggregateMembershipLedger;
import vn.partyledger.command.process.Annulment;
import vn.partyledger.command.process.CandidateRegistration;
import vn.partyledger.command.process.EndOfProbation;
import vn.partyledger.command.process.Erasure;
import vn.partyledger.command.process.LeavingAndReturning;
import vn.partyledger.command.process.MemberOnboarding;
import vn.partyledger.command.process.OrganisationRestructuring;
import vn.partyledger.command.process.Records;
import vn.partyledger.command.process.TransferFromAnotherProvince;
import vn.partyledger.command.process.TransferOfAMember;
import vn.partyledger.command.transfer.IncomingTransfer;
import vn.partyledger.command.transfer.TransferCase;

/**
 * The processes: decisions that change more than one record in one unit of work (command-side's {@code process}
 * package, ADR 0020). Each imported class is a bean built from its one constructor; Axon registers the processes as
 * command handlers because they have {@code @CommandHandler} methods. The records are Axon's own repositories, which
 * exist once its configuration has started, hence the suppliers.
 */
@Configuration(proxyBeanMethods = false)
@Import({AggregateMembershipLedger.class, AggregateMembersInTransfer.class, CandidateRegistration.class,
        AdmissionCeremony.class,
        EndOfProbation.class, LeavingAndReturning.class, Annulment.class, TransferOfAMember.class,
        OrganisationRestructuring.class, Erasure.class, MemberOnboarding.class, TransferFromAnotherProvince.class})
public class ProcessConfiguration {

    /** The numbers an imported history and its overlays are held to: the live commands' own (ADR 0028). */
    @Bean
    public OnboardingPolicies onboardingPolicies(AdmissionPolicy admission, BadgePolicy badges,
                                                 ExemptionPolicy exemptions, TransferPolicy transfers) {
        return new OnboardingPolicies(admission, badges, exemptions, transfers);
    }

    @Bean
    public Records<Member> memberRecords(org.axonframework.config.Configuration axon) {
        return new Records<>(() -> axon.repository(Member.class));
    }

    @Bean
    public Records<Person> personRecords(org.axonframework.config.Configuration axon) {
        return new Records<>(() -> axon.repository(Person.class));
    }

    @Bean
    public Records<Organisation> organisationRecords(org.axonframework.config.Configuration axon) {
        return new Records<>(() -> axon.repository(Organisation.class));
    }

    @Bean
    public Records<IncomingTransfer> incomingTransferRecords(org.axonframework.config.Configuration axon) {
        return new Records<>(() -> axon.repository(IncomingTransfer.class));
    }

    @Bean
    public Records<TransferCase> transferCaseRecords(org.axonframework.config.Configuration axon) {
        return new Records<>(() -> axon.repository(TransferCase.class));
    }
}
