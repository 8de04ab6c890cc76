package vn.partyledger.infra.security;

import vn.partyledger.domain.badge.AwardPartyBadge;
import vn.partyledger.domain.badge.ReclaimBadge;
import vn.partyledger.domain.badge.ReissueBadge;
import vn.partyledger.domain.correction.AnnulEntry;
import vn.partyledger.domain.correction.CorrectEntryDate;
import vn.partyledger.domain.discipline.FileAppeal;
import vn.partyledger.domain.discipline.ImposeDiscipline;
import vn.partyledger.domain.discipline.LiftSuspension;
import vn.partyledger.domain.discipline.ProposeStrikeOff;
import vn.partyledger.domain.discipline.RecordDeath;
import vn.partyledger.domain.discipline.RequestVoluntaryExit;
import vn.partyledger.domain.discipline.ResolveAppeal;
import vn.partyledger.domain.discipline.RestoreMembership;
import vn.partyledger.domain.discipline.StrikeOffMember;
import vn.partyledger.domain.discipline.SuspendPartyActivity;
import vn.partyledger.domain.exemption.EndExemption;
import vn.partyledger.domain.exemption.GrantExemption;
import vn.partyledger.domain.member.AdmitMember;
import vn.partyledger.domain.member.AssignIntroducer;
import vn.partyledger.domain.member.AssignProbationMentor;
import vn.partyledger.domain.member.DecideAdmission;
import vn.partyledger.domain.member.ExchangePartyCard;
import vn.partyledger.domain.member.ExpireApplication;
import vn.partyledger.domain.member.IssuePartyCard;
import vn.partyledger.domain.member.RecognizeFullMember;
import vn.partyledger.domain.member.RecordAwarenessCourse;
import vn.partyledger.domain.member.RecordBackgroundVerification;
import vn.partyledger.domain.member.RecordBranchAdmissionVote;
import vn.partyledger.domain.member.RecordCommentsSummary;
import vn.partyledger.domain.member.RecordCommitteeAdmissionVote;
import vn.partyledger.domain.member.RecordContactRestored;
import vn.partyledger.domain.member.RecordLostContact;
import vn.partyledger.domain.member.RecordProvincialConsent;
import vn.partyledger.domain.member.RecordRecognitionVote;
import vn.partyledger.domain.member.RefuseAdmission;
import vn.partyledger.domain.onboarding.ImportMember;
import vn.partyledger.domain.onboarding.ImportMembers;
import vn.partyledger.domain.member.RegisterOutstandingCandidate;
import vn.partyledger.domain.member.ReissuePartyCard;
import vn.partyledger.domain.member.ReplaceIntroducer;
import vn.partyledger.domain.member.ReportCardLost;
import vn.partyledger.domain.member.StrikeOffProbationaryMember;
import vn.partyledger.domain.member.SubmitApplication;
import vn.partyledger.domain.member.WithdrawApplication;
import vn.partyledger.domain.organisation.ChangeOrganisationFlags;
import vn.partyledger.domain.organisation.DissolveOrganisation;
import vn.partyledger.domain.organisation.EstablishOrganisation;
import vn.partyledger.domain.organisation.GradeOrganisation;
import vn.partyledger.domain.organisation.MemberAllocation;
import vn.partyledger.domain.organisation.MergeOrganisations;
import vn.partyledger.domain.organisation.RecordLeadershipElection;
import vn.partyledger.domain.organisation.RenameOrganisation;
import vn.partyledger.domain.organisation.ReparentOrganisation;
import vn.partyledger.domain.organisation.SetRecruitmentTarget;
import vn.partyledger.domain.organisation.SplitOrganisation;
import vn.partyledger.domain.person.CorrectPersonalData;
import vn.partyledger.domain.person.RecordProcessingBasis;
import vn.partyledger.domain.person.RegisterPerson;
import vn.partyledger.domain.person.RequestErasure;
import vn.partyledger.domain.badge.FindBadgeEligibility;
import vn.partyledger.domain.badge.FindPartyAgeStatistics;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.roster.FindOrganisationRoster;
import vn.partyledger.domain.roster.FindRosterTotals;
import vn.partyledger.domain.due.FindDueList;
import vn.partyledger.domain.recruitment.FindRecruitmentDashboard;
import vn.partyledger.domain.statistics.FindMembershipLosses;
import vn.partyledger.domain.statistics.FindMembershipStatistics;
import vn.partyledger.domain.timeline.FindMemberChanges;
import vn.partyledger.domain.timeline.FindMemberState;
import vn.partyledger.domain.timeline.FindMemberTimeline;
import vn.partyledger.domain.timeline.MemberRecordQuery;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.infra.audit.ReadAccessAudit;
import vn.partyledger.infra.checkpoint.ProveConsistency;
import vn.partyledger.infra.checkpoint.ProveInclusion;
import vn.partyledger.infra.checkpoint.ReadCheckpoints;
import vn.partyledger.infra.checkpoint.ReadVerificationProgress;
import vn.partyledger.infra.checkpoint.StartVerification;
import vn.partyledger.infra.checkpoint.VerifyLog;
import vn.partyledger.infra.checkpoint.VerifyRecord;
import vn.partyledger.infra.export.ExportMemberHistory;
import vn.partyledger.infra.export.ExportOrganisationHistory;
import vn.partyledger.infra.export.ReadNameInExport;
import vn.partyledger.infra.integration.RepublishIntegrationEvents;
import vn.partyledger.infra.integration.inbound.ReadDeadLetters;
import vn.partyledger.infra.integration.inbound.RetryDeadLetter;
import vn.partyledger.infra.person.ReadNamesOnRoster;
import vn.partyledger.infra.person.ReadPersonalData;
import vn.partyledger.infra.rebuild.ReadRebuildProgress;
import vn.partyledger.infra.rebuild.RebuildProjection;
import vn.partyledger.domain.transfer.CancelTransfer;
import vn.partyledger.domain.transfer.EndTemporaryAttachment;
import vn.partyledger.domain.transfer.ExtendTemporaryAttachment;
import vn.partyledger.domain.transfer.IssueTransferLetter;
import vn.partyledger.domain.transfer.IssueTransferLetterToProvince;
import vn.partyledger.domain.transfer.MarkIncomingTransferOverdue;
import vn.partyledger.domain.transfer.MarkTransferOverdue;
import vn.partyledger.domain.transfer.PresentTransferLetter;
import vn.partyledger.domain.transfer.RecordIncomingTransfer;
import vn.partyledger.domain.transfer.PresentIncomingTransfer;
import vn.partyledger.domain.transfer.RecordTransferPresentation;
import vn.partyledger.domain.transfer.RecordTransferRefusal;
import vn.partyledger.domain.transfer.RefuseIncomingTransfer;
import vn.partyledger.domain.transfer.ReissueTransferLetter;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one table of who may send what (docs/permissions.md is its reading, ADR 0021 its reasons): for every command the
 * HTTP API accepts and every query it answers, the roles that may send it and the organisations it concerns. The actor
 * must act for each organisation concerned, or for one above it, as the tree stood on the business date. A message
 * missing here is refused to everyone.
 *
 * <p>The branch records its own votes and entries and the decisions it receives, so {@link #BRANCH} work is open to its
 * secretary and to any board above it; organising and deciding is for a {@link #BOARD} at or above the body concerned.
 */
public final class PermissionTable {

    /** The branch's own votes and entries: its secretary, or a board at or above the branch keying them in for it. */
    public static final Set<Role> BRANCH = Collections.unmodifiableSet(
            EnumSet.of(Role.BRANCH_SECRETARY, Role.ORGANISATION_BOARD));
    /** A committee's decision: a board at or above the body concerned. */
    public static final Set<Role> BOARD = Collections.unmodifiableSet(EnumSet.of(Role.ORGANISATION_BOARD));
    /** Reads: the branch, the boards above it, and auditors everywhere. */
    public static final Set<Role> READERS = Collections.unmodifiableSet(
            EnumSet.of(Role.BRANCH_SECRETARY, Role.ORGANISATION_BOARD, Role.AUDITOR));

    /**
     * The organisations a message concerns; empty when the record it names is not on file.
     * {@code actingFor} is the organisation the caller acts for, concerned where the message belongs to no other.
     */
    @FunctionalInterface
    public interface Concern<M> {
        List<String> organisations(M message, String recordId, RecordHolders holders, String actingFor);
    }

    /** A member command concerns the member's home branch. */
    private static final Concern<Object> HOME_BRANCH = (command, memberId, holders, actingFor) ->
            holders.homeBranchOf(memberId).stream().toList();
    /** An organisation command concerns the organisation it is addressed to. */
    private static final Concern<Object> THE_ORGANISATION = (command, orgId, holders, actingFor) -> List.of(orgId);
    /** The transfer's sending side: the member's home when the letter was issued. */
    private static final Concern<Object> SENDING_SIDE = (command, transferId, holders, actingFor) ->
            holders.sendingSideOf(transferId).stream().toList();
    /** The transfer's receiving side: the branch the letter is addressed to. */
    private static final Concern<Object> RECEIVING_SIDE = (command, transferId, holders, actingFor) ->
            holders.receivingSideOf(transferId).stream().toList();

    /**
     * A person's register entry concerns the home branches of the person's member records, or, while the person is on
     * none, the organisation the person was registered for: never a branch that merely could have registered them.
     */
    private static final Concern<Object> THE_PERSONS_BRANCHES = (message, personId, holders, actingFor) ->
            holders.organisationsOfPerson(personId).orElse(List.of());

    /** A query about a member's record concerns the member's home branch, as the member's commands do. */
    private static final Concern<MemberRecordQuery> THE_MEMBERS_HOME = (query, none, holders, actingFor) ->
            holders.homeBranchOf(query.memberId()).stream().toList();

    /** Who may send a message, and which organisations it concerns. */
    public record Permission(Set<Role> roles, Concern<Object> concern) {
    }

    private final Map<Class<?>, Permission> permissions = new LinkedHashMap<>();

    public PermissionTable() {
        // Organisations: organising decisions of a board at or above the body concerned.
        record(EstablishOrganisation.class, BOARD, (command, orgId, holders, actingFor) ->
                // The root (no parent) is founded only by a board acting for the root itself: the deployment's top.
                List.of(command.parentOrgId() != null ? command.parentOrgId() : orgId));
        record(RenameOrganisation.class, BOARD, THE_ORGANISATION);
        record(ReparentOrganisation.class, BOARD, (command, orgId, holders, actingFor) ->
                List.of(orgId, command.newParentOrgId()));
        record(ChangeOrganisationFlags.class, BOARD, THE_ORGANISATION);
        record(DissolveOrganisation.class, BOARD, (command, orgId, holders, actingFor) ->
                Stream.of(orgId, command.successorOrgId()).filter(Objects::nonNull).toList());
        record(MergeOrganisations.class, BOARD, (command, targetOrgId, holders, actingFor) ->
                Stream.concat(Stream.of(targetOrgId), command.sourceOrgIds().stream()).toList());
        record(SplitOrganisation.class, BOARD, (command, sourceOrgId, holders, actingFor) ->
                Stream.concat(Stream.of(sourceOrgId),
                        command.allocation().stream().map(MemberAllocation::targetOrgId)).distinct().toList());
        record(SetRecruitmentTarget.class, BOARD, THE_ORGANISATION);
        record(GradeOrganisation.class, BOARD, THE_ORGANISATION);
        record(RecordLeadershipElection.class, BRANCH, THE_ORGANISATION);

        // Recruitment: the branch builds the file and votes; the committee above votes and decides.
        record(RegisterOutstandingCandidate.class, BRANCH, (command, memberId, holders, actingFor) ->
                List.of(command.branchId()));
        // Onboarding (issue 10): opening a record from the paper file is the board's, at or above the home branch.
        record(ImportMember.class, BOARD, (command, memberId, holders, actingFor) -> List.of(command.homeOrgId()));
        record(ImportMembers.class, BOARD, (command, id, holders, actingFor) -> List.of(command.homeOrgId()));
        record(RecordAwarenessCourse.class, BRANCH, HOME_BRANCH);
        record(SubmitApplication.class, BRANCH, HOME_BRANCH);
        record(AssignIntroducer.class, BRANCH, HOME_BRANCH);
        record(ReplaceIntroducer.class, BRANCH, HOME_BRANCH);
        record(RecordBackgroundVerification.class, BRANCH, HOME_BRANCH);
        record(RecordCommentsSummary.class, BRANCH, HOME_BRANCH);
        record(RecordBranchAdmissionVote.class, BRANCH, HOME_BRANCH);
        record(WithdrawApplication.class, BRANCH, HOME_BRANCH);
        record(ExpireApplication.class, BRANCH, HOME_BRANCH);
        record(RecordCommitteeAdmissionVote.class, BOARD, HOME_BRANCH);
        record(RecordProvincialConsent.class, BOARD, HOME_BRANCH);
        record(DecideAdmission.class, BOARD, HOME_BRANCH);
        record(RefuseAdmission.class, BOARD, HOME_BRANCH);
        record(AdmitMember.class, BRANCH, HOME_BRANCH);

        // Probation and the party card.
        record(AssignProbationMentor.class, BRANCH, HOME_BRANCH);
        record(RecordRecognitionVote.class, BRANCH, HOME_BRANCH);
        record(RecognizeFullMember.class, BOARD, HOME_BRANCH);
        record(StrikeOffProbationaryMember.class, BOARD, HOME_BRANCH);
        record(ReportCardLost.class, BRANCH, HOME_BRANCH);
        record(IssuePartyCard.class, BOARD, HOME_BRANCH);
        record(ReissuePartyCard.class, BOARD, HOME_BRANCH);
        record(ExchangePartyCard.class, BOARD, HOME_BRANCH);

        // Exemptions and contact: decided in or for the branch (I14, I15).
        record(GrantExemption.class, BRANCH, HOME_BRANCH);
        record(EndExemption.class, BRANCH, HOME_BRANCH);
        record(RecordLostContact.class, BRANCH, HOME_BRANCH);
        record(RecordContactRestored.class, BRANCH, HOME_BRANCH);

        // Transfers: the sending side issues and manages the letter; the receiving side takes it and ends a stay.
        record(IssueTransferLetter.class, BOARD, (command, transferId, holders, actingFor) ->
                holders.homeBranchOf(command.memberId()).map(home -> List.of(home, command.fromOrgId()))
                        .orElse(List.of()));
        // A letter to another province: as any letter, the board at or above the member's home (ADR 0046).
        record(IssueTransferLetterToProvince.class, BOARD, (command, transferId, holders, actingFor) ->
                holders.homeBranchOf(command.memberId()).map(home -> List.of(home, command.fromOrgId()))
                        .orElse(List.of()));
        record(ReissueTransferLetter.class, BOARD, SENDING_SIDE);
        record(CancelTransfer.class, BOARD, SENDING_SIDE);
        record(MarkTransferOverdue.class, BOARD, SENDING_SIDE);
        record(ExtendTemporaryAttachment.class, BOARD, SENDING_SIDE);
        record(PresentTransferLetter.class, BRANCH, (command, transferId, holders, actingFor) ->
                holders.receivingSideOf(transferId).map(addressee -> List.of(addressee, command.receivingOrgId()))
                        .orElse(List.of()));
        record(EndTemporaryAttachment.class, BRANCH, RECEIVING_SIDE);
        // A letter from another province: recorded by the inbound integration alone, never over HTTP (ADR 0045).
        record(RecordIncomingTransfer.class, Set.of(Role.PROVINCIAL_SYSTEM), (command, transferId, holders,
                                                                               actingFor) -> List.of());
        // The addressee marks overdue or refuses a letter from another province: the branch named, which must be
        // the addressee (INCOMING_TRANSFER).
        record(MarkIncomingTransferOverdue.class, BRANCH, (command, transferId, holders, actingFor) ->
                List.of(command.receivingOrgId()));
        record(RefuseIncomingTransfer.class, BRANCH, (command, transferId, holders, actingFor) ->
                List.of(command.receivingOrgId()));
        record(PresentIncomingTransfer.class, BRANCH, (command, transferId, holders, actingFor) ->
                List.of(command.receivingOrgId()));
        // Its refusal of a letter sent there: recorded by the inbound integration alone (ADR 0046).
        record(RecordTransferRefusal.class, Set.of(Role.PROVINCIAL_SYSTEM), (command, transferId, holders,
                                                                              actingFor) -> List.of());
        // Its confirmation that the member presented a letter sent there: the inbound integration alone (ADR 0050).
        record(RecordTransferPresentation.class, Set.of(Role.PROVINCIAL_SYSTEM), (command, transferId, holders,
                                                                                   actingFor) -> List.of());

        // Leaving, discipline, restoration, death: the branch proposes and notes; a committee decides.
        record(ProposeStrikeOff.class, BRANCH, HOME_BRANCH);
        record(RequestVoluntaryExit.class, BRANCH, HOME_BRANCH);
        record(FileAppeal.class, BRANCH, HOME_BRANCH);
        record(RecordDeath.class, BRANCH, HOME_BRANCH);
        record(StrikeOffMember.class, BOARD, HOME_BRANCH);
        record(ImposeDiscipline.class, BOARD, HOME_BRANCH);
        record(SuspendPartyActivity.class, BOARD, HOME_BRANCH);
        record(LiftSuspension.class, BOARD, HOME_BRANCH);
        record(ResolveAppeal.class, BOARD, HOME_BRANCH);
        record(RestoreMembership.class, BOARD, HOME_BRANCH);

        // Badges and corrections of the record: decisions of a committee.
        record(AwardPartyBadge.class, BOARD, HOME_BRANCH);
        record(ReissueBadge.class, BOARD, HOME_BRANCH);
        record(ReclaimBadge.class, BOARD, HOME_BRANCH);
        record(AnnulEntry.class, BOARD, HOME_BRANCH);
        record(CorrectEntryDate.class, BOARD, HOME_BRANCH);

        // The person register: entered by a branch or board for itself; corrected and read where the person's records are.
        record(RegisterPerson.class, BRANCH, (command, personId, holders, actingFor) -> List.of(actingFor));
        record(CorrectPersonalData.class, BRANCH, THE_PERSONS_BRANCHES);
        record(RecordProcessingBasis.class, BRANCH, THE_PERSONS_BRANCHES);
        record(RequestErasure.class, BRANCH, THE_PERSONS_BRANCHES);

        // Queries: a roster concerns the branch asked for; a person's entry, the person's branches.
        record(FindBranchRoster.class, READERS, (query, none, holders, actingFor) -> List.of(query.orgId()));
        record(FindOrganisationRoster.class, READERS, (query, none, holders, actingFor) -> List.of(query.orgId()));
        record(FindOrganisationTree.class, READERS, (query, none, holders, actingFor) -> List.of(query.orgId()));
        record(FindRosterTotals.class, READERS, (query, none, holders, actingFor) -> List.of(query.orgId()));
        record(FindDueList.class, READERS, (query, none, holders, actingFor) -> List.of(query.orgId()));
        record(FindRecruitmentDashboard.class, READERS, (query, none, holders, actingFor) -> List.of(query.orgId()));
        record(FindPartyAgeStatistics.class, READERS, (query, none, holders, actingFor) -> List.of(query.orgId()));
        record(FindBadgeEligibility.class, READERS, (query, none, holders, actingFor) -> List.of(query.orgId()));
        record(FindMembershipStatistics.class, READERS, (query, none, holders, actingFor) -> List.of(query.orgId()));
        record(FindMembershipLosses.class, READERS, (query, none, holders, actingFor) -> List.of(query.orgId()));
        record(ReadPersonalData.class, READERS, THE_PERSONS_BRANCHES);
        // The names on a roster: whoever may read the organisation's roster, for the members listed on it (ADR 0042).
        record(ReadNamesOnRoster.class, READERS, (query, none, holders, actingFor) -> List.of(query.orgId()));
        // A member's timeline, state as of a date and changes: the member's home branch (ADR 0030).
        record(FindMemberTimeline.class, READERS, THE_MEMBERS_HOME);
        record(FindMemberState.class, READERS, THE_MEMBERS_HOME);
        record(FindMemberChanges.class, READERS, THE_MEMBERS_HOME);
        // The access audit: the security officer's alone, for the whole deployment.
        record(ReadAccessAudit.class, Set.of(Role.SECURITY_OFFICER), (query, personId, holders, actingFor) ->
                List.of());
        // Rebuilding a projection and following it: the administrator's alone, for the whole deployment (ADR 0037).
        record(RebuildProjection.class, Set.of(Role.ADMINISTRATOR), (request, none, holders, actingFor) -> List.of());
        record(ReadRebuildProgress.class, Set.of(Role.ADMINISTRATOR), (query, none, holders, actingFor) -> List.of());
        // The log's checkpoints and proofs: the auditor's, for the whole deployment (ADR 0043).
        record(ReadCheckpoints.class, Set.of(Role.AUDITOR), (query, none, holders, actingFor) -> List.of());
        record(ProveInclusion.class, Set.of(Role.AUDITOR), (query, none, holders, actingFor) -> List.of());
        record(ProveConsistency.class, Set.of(Role.AUDITOR), (query, none, holders, actingFor) -> List.of());
        // Verifying the whole log over HTTP: the auditor's (an administrator runs it from the command line).
        record(VerifyLog.class, Set.of(Role.AUDITOR), (query, none, holders, actingFor) -> List.of());
        record(VerifyRecord.class, Set.of(Role.AUDITOR), (query, none, holders, actingFor) -> List.of());
        // A whole-log verification in the background and its progress: hashes and positions, no record's content, so
        // the administrator, who verifies from the command line too, as well as the auditor.
        record(StartVerification.class, EnumSet.of(Role.AUDITOR, Role.ADMINISTRATOR),
                (request, none, holders, actingFor) -> List.of());
        record(ReadVerificationProgress.class, EnumSet.of(Role.AUDITOR, Role.ADMINISTRATOR),
                (query, none, holders, actingFor) -> List.of());
        // A history exported for auditors (ADR 0047): a member's concerns its home branch, as its timeline does; an
        // organisation's, the organisation. Auditors read every organisation, so the scope holds for no one else yet.
        record(ExportMemberHistory.class, Set.of(Role.AUDITOR), (query, none, holders, actingFor) ->
                holders.homeBranchOf(query.memberId()).stream().toList());
        record(ExportOrganisationHistory.class, Set.of(Role.AUDITOR), (query, none, holders, actingFor) ->
                List.of(query.orgId()));
        // The member's name in its export: whoever may read the names on the member's home branch roster (ADR 0042).
        record(ReadNameInExport.class, READERS, (query, none, holders, actingFor) ->
                holders.homeBranchOf(query.memberId()).stream().toList());
        // Republishing integration events: the administrator's, who operates the service, for the whole deployment.
        record(RepublishIntegrationEvents.class, Set.of(Role.ADMINISTRATOR), (request, none, holders, actingFor) ->
                List.of());
        // The inbound dead letters, listed and retried after a fix: the administrator's (ADR 0045).
        record(ReadDeadLetters.class, Set.of(Role.ADMINISTRATOR), (query, none, holders, actingFor) -> List.of());
        record(RetryDeadLetter.class, Set.of(Role.ADMINISTRATOR), (request, ceId, holders, actingFor) -> List.of());
    }

    private <M> void record(Class<M> type, Set<Role> roles, Concern<? super M> concern) {
        permissions.put(type, new Permission(roles,
                (message, recordId, holders, actingFor) -> concern.organisations(type.cast(message), recordId, holders,
                        actingFor)));
    }

    public Optional<Permission> of(Class<?> messageType) {
        return Optional.ofNullable(permissions.get(messageType));
    }

    /** Every command and query in the table, in the table's order. */
    public Set<Class<?>> messageTypes() {
        return Collections.unmodifiableSet(permissions.keySet());
    }
}
