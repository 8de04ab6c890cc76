package vn.partyledger.infra.axon;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.organisation.Organisation;
import vn.partyledger.command.process.AdmissionCeremony;
import vn.partyledger.command.process.AggregateMembersInTransfer;
import vn.partyledger.command.process.AggregateMembershipLedger;
import vn.partyledger.command.process.Annulment;
import vn.partyledger.command.process.EndOfProbation;
import vn.partyledger.command.process.LeavingAndReturning;
import vn.partyledger.command.process.MembersInTransfer;
import vn.partyledger.command.process.MembershipLedger;
import vn.partyledger.command.process.OrganisationRestructuring;
import vn.partyledger.command.process.Records;
import vn.partyledger.command.process.TransferOfAMember;
import vn.partyledger.command.transfer.TransferCase;

/**
 * The processes: decisions that change more than one record in one unit of work (command-side's {@code process}
 * package, ADR 0020). Axon registers each as a command handler because it is a bean with {@code @CommandHandler}
 * methods; the records are Axon's own repositories, which exist once its configuration has started.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessConfiguration {

    @Bean
    public Records<Member> memberRecords(org.axonframework.config.Configuration axon) {
        return new Records<>(() -> axon.repository(Member.class));
    }

    @Bean
    public Records<Organisation> organisationRecords(org.axonframework.config.Configuration axon) {
        return new Records<>(() -> axon.repository(Organisation.class));
    }

    @Bean
    public Records<TransferCase> transferCaseRecords(org.axonframework.config.Configuration axon) {
        return new Records<>(() -> axon.repository(TransferCase.class));
    }

    @Bean
    public MembershipLedger membershipLedger(Records<Organisation> organisations) {
        return new AggregateMembershipLedger(organisations);
    }

    @Bean
    public MembersInTransfer membersInTransfer(Records<Member> members, MembershipLedger ledger) {
        return new AggregateMembersInTransfer(members, ledger);
    }

    @Bean
    public AdmissionCeremony admissionCeremony(Records<Member> members, MembershipLedger ledger) {
        return new AdmissionCeremony(members, ledger);
    }

    @Bean
    public EndOfProbation endOfProbation(Records<Member> members, MembershipLedger ledger) {
        return new EndOfProbation(members, ledger);
    }

    @Bean
    public LeavingAndReturning leavingAndReturning(Records<Member> members, MembershipLedger ledger) {
        return new LeavingAndReturning(members, ledger);
    }

    @Bean
    public Annulment annulment(Records<Member> members, MembershipLedger ledger) {
        return new Annulment(members, ledger);
    }

    @Bean
    public TransferOfAMember transferOfAMember(Records<TransferCase> cases, MembersInTransfer members) {
        return new TransferOfAMember(cases, members);
    }

    @Bean
    public OrganisationRestructuring organisationRestructuring(Records<Organisation> organisations,
                                                               Records<Member> members) {
        return new OrganisationRestructuring(organisations, members);
    }
}
