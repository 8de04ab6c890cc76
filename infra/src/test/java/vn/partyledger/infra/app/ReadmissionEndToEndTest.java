package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.member.ViolationCategory;
import vn.partyledger.domain.member.MemberAdmitted;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Re-admission over HTTP (docs/rules.md#s5-1, I25): a member admitted in 2015 and struck off in March 2017 goes through
 * the whole candidate path again and is re-admitted 36 months later, on probation again; a decision before the 36
 * months is refused. Dates lie in the past because a decision cannot be dated in the future.
 */
class ReadmissionEndToEndTest extends RunningApplication {

    @Autowired
    EventStore eventStore;

    /** Admitted by the ward's decision of 3 Aug 2015 and recognised by it at the end of probation in 2016. */
    private static String fullMember(Scenario scenario) {
        String memberId = "m-" + scenario.suffix;
        scenario.fullMember(memberId, scenario.admissionIn(scenario.branch, LocalDate.of(2015, 8, 3)), 0);
        return memberId;
    }

    /** The full member, struck off by the ward for no progress on 13 Mar 2017. */
    private static String struckOffMember(Scenario scenario) {
        String memberId = fullMember(scenario);
        expect(scenario.step(memberId, "propose-strike-off", """
                {"ground": "NO_PROGRESS_12M", "evidenceRefs": ["BB-KD-2017-02"], "voteDate": "2017-03-06",
                 "branchInFavour": 7}
                """), 200);
        expect(scenario.step(memberId, "strike-off-member", """
                {"decision": {"docNumber": "320-QĐ/ĐU", "docDate": "2017-03-13", "issuingOrgId": "%s"}}
                """.formatted(scenario.ward)), 200);
        return memberId;
    }

    /** A re-admission in the same branch: the whole candidate path again, consented to by the province. */
    private static Scenario.Admission readmission(Scenario scenario, LocalDate decidedOn) {
        return scenario.admissionIn(scenario.branch, decidedOn).readmissionConsentedBy(scenario.province);
    }

    @Test
    void aMemberStruckOffIsReadmittedThirtySixMonthsLaterAfterTheWholePathAndOnProbationAgain() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = struckOffMember(scenario);

        Scenario.Admission readmission = readmission(scenario, LocalDate.of(2020, 7, 20));
        scenario.admittedMember(memberId, readmission);

        Document admitted = lastEventOf(memberId);
        assertThat(admitted.getString("payloadType")).endsWith("MemberAdmitted");
        assertThat(admitted.get("payload", Document.class).getString("probationEndDate"))
                .isEqualTo(readmission.ceremonyOn().plusYears(1).toString());
        assertThat(admitted.get("payload", Document.class).getBoolean("readmission")).isTrue();
        assertThat(admitted.get("payload", Document.class).getString("firstAdmissionDecisionDate"))
                .isEqualTo("2015-08-03");
        assertThat(eventTypesOf(memberId)).containsSubsequence("MemberStruckOff", "OutstandingCandidateRegistered",
                "ProvincialConsentRecorded", "AdmissionApproved", "MemberAdmitted");
    }

    @Test
    void aReadmissionDecidedBeforeThirtySixMonthsOutIsRefusedAndLeavesTheLogAsItWas() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = struckOffMember(scenario);
        Scenario.Admission early = readmission(scenario, LocalDate.of(2019, 7, 22));
        scenario.readyForDecision(memberId, early);
        long logBefore = eventsOf(memberId);

        ResponseEntity<JsonNode> decided = scenario.decideAdmission(memberId, early);

        assertThat(decided.getStatusCode().value()).as("status of %s", decided.getBody()).isEqualTo(422);
        assertThat(decided.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(decided.getBody().get("code").asText()).isEqualTo("I25");
        assertThat(eventsOf(memberId)).isEqualTo(logBefore);
    }

    /**
     * An admission stored before it said whether it re-admits (revision 1, without the two fields) is read by the
     * application's event store as a first admission, party age counting from its own decision.
     */
    @Test
    void anAdmissionStoredAtRevisionOneIsReadAsAFirstAdmission() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        Scenario.Admission admission = scenario.admissionIn(scenario.branch, LocalDate.of(2015, 8, 3));
        scenario.admittedMember(memberId, admission);
        rewriteStoredEvent(memberId, MemberAdmitted.class.getName(), event -> {
            event.put("payloadRevision", "1");
            event.get("payload", Document.class).remove("readmission");
            event.get("payload", Document.class).remove("firstAdmissionDecisionDate");
        });

        MemberAdmitted read = eventStore.readEvents(memberId).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(MemberAdmitted.class::isInstance).map(MemberAdmitted.class::cast)
                .findFirst().orElseThrow();
        assertThat(read.readmission()).isFalse();
        assertThat(read.firstAdmissionDecisionDate()).isEqualTo(LocalDate.of(2015, 8, 3));
    }

    /**
     * An expulsion stored before the violation category existed (revision 1: the document the engine wrote, without
     * the field) is read upcast as NOT_RECORDED by the application's event store and by the aggregate: the person is
     * registered again, and the application must state the category from the paper file. Reads do not verify the
     * hash chain, which this rewrite breaks for the one stream.
     */
    @Test
    void anExpulsionStoredAtRevisionOneIsReadAsNotRecordedAndTheApplicationMustStateTheCategory() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = fullMember(scenario);
        expect(scenario.step(memberId, "impose-discipline", """
                {"form": "EXPULSION", "postHeld": false, "violationCategory": "CORRUPTION_CONVICTION",
                 "decision": {"docNumber": "9-QĐ/ĐU", "docDate": "2017-03-13", "issuingOrgId": "%s"}}
                """.formatted(scenario.ward)), 200);
        assertThat(lastEventOf(memberId).get("payload", Document.class).toJson())
                .as("the category is sealed with the person's key").doesNotContain("CORRUPTION");
        rewriteStoredEvent(memberId, DisciplineImposed.class.getName(), event -> {
            event.put("payloadRevision", "1");
            event.get("payload", Document.class).remove("violationCategory");
        });

        DisciplineImposed read = eventStore.readEvents(memberId).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(DisciplineImposed.class::isInstance).map(DisciplineImposed.class::cast)
                .findFirst().orElseThrow();
        assertThat(read.violationCategory().value()).isEqualTo(ViolationCategory.NOT_RECORDED);

        expect(scenario.registerCandidate(memberId, readmission(scenario, LocalDate.of(2020, 7, 20))), 201);
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
