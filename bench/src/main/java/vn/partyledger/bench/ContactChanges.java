package vn.partyledger.bench;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Commands a harness sends while it measures: full members of an imported province (the import benchmark's file),
 * from its last branches, far from the ones read, lose contact and have it restored, in pairs on the next member.
 * Two senders given different first members ({@code members}, counting down) never touch the same member.
 */
final class ContactChanges {

    /**
     * One command sent: whose contact, lost or restored, the HTTP status (-1 when it could not be sent) and the answer
     * (the outcome with the log position and event ids, or the problem).
     */
    record Sent(String memberId, boolean lost, int status, String answer) {
    }

    private final BenchClient client;
    private final int members;
    private final int membersPerBranch;
    private final AtomicInteger sent = new AtomicInteger();

    ContactChanges(BenchClient client, int members, int membersPerBranch) {
        this.client = client;
        this.members = members;
        this.membersPerBranch = membersPerBranch;
    }

    /** The next command: pairs of lost and restored contact, each pair on the next full member from the end. */
    Sent send() throws InterruptedException {
        int n = sent.getAndIncrement();
        int member = members - 1 - n / 2;
        while (member % 7 == 0) {
            member--;
        }
        String memberId = LedgerEvents.memberId(member);
        String branch = LedgerEvents.branchId(member / membersPerBranch);
        boolean lost = n % 2 == 0;
        String path = "/api/v1/members/" + memberId + "/" + (lost ? "record-lost-contact" : "record-contact-restored");
        String body = lost
                ? "{\"from\": \"2026-09-14\", \"decision\": {\"docNumber\": \"NQ-%d/CB\", \"docDate\": \"2026-10-05\", "
                + "\"issuingOrgId\": \"%s\"}}"
                : "{\"to\": \"2026-11-16\", \"decision\": {\"docNumber\": \"NQ-%d/CB\", \"docDate\": \"2026-11-16\", "
                + "\"issuingOrgId\": \"%s\"}}";
        try {
            BenchClient.Response response = client.exchange(path, body.formatted(n, branch));
            return new Sent(memberId, lost, response.status(), response.body());
        } catch (IOException e) {
            return new Sent(memberId, lost, -1, e.toString());
        }
    }
}
