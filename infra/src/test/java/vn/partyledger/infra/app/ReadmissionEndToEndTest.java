package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.ViolationCategory;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Re-admission over HTTP (domain.md §5.1, I25): a member admitted in 2015 and struck off in March 2017 goes through
 * the whole candidate path again and is re-admitted 36 months later, on probation again; a decision before the 36
 * months is refused. Dates lie in the past because a decision cannot be dated in the future.
 */
class ReadmissionEndToEndTest extends RunningApplication {

    @Autowired
    EventStore eventStore;

    /** Admitted in 2015 and recognised in 2016 by the ward, which decides for the branch. */
    private static String fullMember(Scenario scenario) {
        String memberId = "m-" + scenario.suffix;
        expect(scenario.post("/api/v1/members/" + memberId + "/register-candidate", """
                {"personId": "person-%s", "branchId": "%s", "source": "YOUTH_UNION", "registeredOn": "2015-03-02"}
                """.formatted(memberId, scenario.branch)), 201);
        candidatePath(scenario, memberId, "2015", false);
        expect(decide(scenario, memberId, "2015-08-03"), 200);
        expect(scenario.admit(memberId, "2015-08-17"), 200);
        expect(scenario.step(memberId, "record-recognition-vote", """
                {"level": "BRANCH", "voteDate": "2016-08-22", "electorate": 0, "inFavour": 0, "against": 0,
                 "attemptNo": 1}
                """), 200);
        expect(scenario.step(memberId, "record-recognition-vote", """
                {"level": "COMMITTEE", "voteDate": "2016-08-29", "electorate": 9, "inFavour": 7, "against": 1,
                 "attemptNo": 1}
                """), 200);
        expect(scenario.step(memberId, "recognize-full-member", """
                {"decision": {"docNumber": "301-QĐ/ĐU", "docDate": "2016-10-31", "issuingOrgId": "%s"}}
                """.formatted(scenario.ward)), 200);
        return memberId;
    }

    /** The full member, struck off by the ward for no progress on 13 Mar 2017. */
    private static String struckOffMember(Scenario scenario) {
        String memberId = fullMember(scenario);
        expect(scenario.step(memberId, "propose-strike-off", """
                {"ground": "NO_PROGRESS_12M", "evidenceRefs": ["BB-KD-2017-02"], "voteDate": "2017-03-06",
                 "branchFullMembersOnRoll": 30, "branchInFavour": 21}
                """), 200);
        expect(scenario.step(memberId, "strike-off-member", """
                {"decision": {"docNumber": "320-QĐ/ĐU", "docDate": "2017-03-13", "issuingOrgId": "%s"}}
                """.formatted(scenario.ward)), 200);
        return memberId;
    }

    /**
     * Certificate, application, introducers, verification, comments and both votes, all in {@code year}; a
     * re-admission also has the province's consent.
     */
    private static void candidatePath(Scenario scenario, String memberId, String year, boolean readmission) {
        expect(scenario.step(memberId, "record-awareness-course", """
                {"certificateNo": "GCN-%s-118", "issuerOrgId": "%s", "issueDate": "%s-02-10"}
                """.formatted(year, scenario.ward, year)), 200);
        expect(scenario.step(memberId, "submit-application", """
                {"applicationDate": "%s-03-09", "readmission": %b, "biographyDocRef": "LL-%s-07",
                 "youthUnionAge": false, "unitHasYouthUnion": false}
                """.formatted(year, readmission, year)), 200);
        for (String introducer : new String[]{"m-legacy-a-", "m-legacy-b-"}) {
            expect(scenario.step(memberId, "assign-introducer", """
                    {"introducerType": "FULL_MEMBER", "introducerMemberId": "%s%s", "knownSince": "2013-01-02",
                     "assignedOn": "%s-03-16"}
                    """.formatted(introducer, scenario.suffix, year)), 200);
        }
        expect(scenario.step(memberId, "record-background-verification", """
                {"subjects": ["CANDIDATE", "FATHER", "MOTHER"], "conclusion": "CLEAR", "verifyingOrgId": "%s",
                 "concludedOn": "%s-05-04"}
                """.formatted(scenario.ward, year)), 200);
        expect(scenario.step(memberId, "record-comments-summary", """
                {"docRef": "TH-05", "filedOn": "%s-05-11"}
                """.formatted(year)), 200);
        expect(scenario.step(memberId, "record-branch-admission-vote", """
                {"meetingId": "chi-bo-%s-%s", "voteDate": "%s-06-01", "fullMembersOnRoll": 0, "inFavour": 0,
                 "against": 0, "ageInMonthsAtVote": 400, "education": "UPPER_SECONDARY"}
                """.formatted(year, scenario.suffix, year)), 200);
        expect(scenario.step(memberId, "record-committee-admission-vote", """
                {"committeeOrgId": "%s", "voteDate": "%s-06-15", "membersInOffice": 9, "inFavour": 7}
                """.formatted(scenario.ward, year)), 200);
        if (readmission) {
            expect(scenario.step(memberId, "record-provincial-consent", """
                    {"kind": "READMISSION",
                     "decision": {"docNumber": "77-CV/TU", "docDate": "%s-07-06", "issuingOrgId": "%s"}}
                    """.formatted(year, scenario.province)), 200);
        }
    }

    private static ResponseEntity<JsonNode> decide(Scenario scenario, String memberId, String date) {
        return scenario.post("/api/v1/members/" + memberId + "/decide-admission", """
                {"decision": {"docNumber": "215-QĐ/ĐU", "docDate": "%s", "issuingOrgId": "%s"},
                 "receivedByBranchOn": "%s"}
                """.formatted(date, scenario.ward, date));
    }

    private static void registeredForReadmission(Scenario scenario, String memberId, String year) {
        expect(scenario.post("/api/v1/members/" + memberId + "/register-candidate", """
                {"personId": "person-%s", "branchId": "%s", "source": "RESIDENT", "registeredOn": "%s-01-06"}
                """.formatted(memberId, scenario.branch, year)), 201);
    }

    @Test
    void aMemberStruckOffIsReadmittedThirtySixMonthsLaterAfterTheWholePathAndOnProbationAgain() {
        Scenario scenario = new Scenario(secretary()).organisationTree();
        String memberId = struckOffMember(scenario);

        registeredForReadmission(scenario, memberId, "2020");
        candidatePath(scenario, memberId, "2020", true);
        expect(decide(scenario, memberId, "2020-07-20"), 200);
        expect(scenario.admit(memberId, "2020-08-03"), 200);

        Document admitted = lastEventOf(memberId);
        assertThat(admitted.getString("payloadType")).endsWith("MemberAdmitted");
        assertThat(admitted.get("payload", Document.class).getString("probationEndDate")).isEqualTo("2021-08-03");
        assertThat(eventTypesOf(memberId)).containsSubsequence("MemberStruckOff", "OutstandingCandidateRegistered",
                "ProvincialConsentRecorded", "AdmissionApproved", "MemberAdmitted");
    }

    @Test
    void aReadmissionDecidedBeforeThirtySixMonthsOutIsRefusedAndLeavesTheLogAsItWas() {
        Scenario scenario = new Scenario(secretary()).organisationTree();
        String memberId = struckOffMember(scenario);
        registeredForReadmission(scenario, memberId, "2019");
        candidatePath(scenario, memberId, "2019", true);
        long logBefore = eventsOf(memberId);

        ResponseEntity<JsonNode> early = decide(scenario, memberId, "2019-07-22");

        assertThat(early.getStatusCode().value()).as("status of %s", early.getBody()).isEqualTo(422);
        assertThat(early.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(early.getBody().get("code").asText()).isEqualTo("I25");
        assertThat(eventsOf(memberId)).isEqualTo(logBefore);
    }

    /**
     * An expulsion stored before the violation category existed (revision 1: the document the engine wrote, without
     * the field) is read upcast as NOT_RECORDED by the application's event store and by the aggregate: the person is
     * registered again, and the application must state the category from the paper file. Reads do not verify the
     * hash chain, which this rewrite breaks for the one stream.
     */
    @Test
    void anExpulsionStoredAtRevisionOneIsReadAsNotRecordedAndTheApplicationMustStateTheCategory() {
        Scenario scenario = new Scenario(secretary()).organisationTree();
        String memberId = fullMember(scenario);
        expect(scenario.step(memberId, "impose-discipline", """
                {"form": "EXPULSION", "postHeld": false, "violationCategory": "CORRUPTION_CONVICTION",
                 "decision": {"docNumber": "9-QĐ/ĐU", "docDate": "2017-03-13", "issuingOrgId": "%s"}}
                """.formatted(scenario.ward)), 200);
        database.getCollection("domain_events").updateOne(
                Filters.and(Filters.eq("aggregateIdentifier", memberId),
                        Filters.eq("payloadType", DisciplineImposed.class.getName())),
                Updates.combine(Updates.set("payloadRevision", "1"), Updates.unset("payload.violationCategory")));

        DisciplineImposed read = eventStore.readEvents(memberId).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(DisciplineImposed.class::isInstance).map(DisciplineImposed.class::cast)
                .findFirst().orElseThrow();
        assertThat(read.violationCategory()).isEqualTo(ViolationCategory.NOT_RECORDED);

        registeredForReadmission(scenario, memberId, "2020");
        expect(scenario.step(memberId, "record-awareness-course", """
                {"certificateNo": "GCN-2020-118", "issuerOrgId": "%s", "issueDate": "2020-02-10"}
                """.formatted(scenario.ward)), 200);
        long logBefore = eventsOf(memberId);
        ResponseEntity<JsonNode> withoutCategory = scenario.step(memberId, "submit-application", """
                {"applicationDate": "2020-03-09", "readmission": true, "biographyDocRef": "LL-2020-07",
                 "youthUnionAge": false, "unitHasYouthUnion": false}
                """);
        assertThat(withoutCategory.getStatusCode().value()).isEqualTo(422);
        assertThat(withoutCategory.getBody().get("rule").asText())
                .isEqualTo("anExitOfUnrecordedCategoryStatesTheCategoryFromThePaperFile");
        assertThat(eventsOf(memberId)).isEqualTo(logBefore);
    }
}
