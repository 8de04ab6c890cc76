package vn.partyledger.query.roster;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.organisation.BranchType;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.transfer.MemberHomeChanged;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A branch's full members over time, from the roster's entries (ADR 0041): below three from the day the third full
 * member left, whatever took them (a death, a transfer), until a recognition brings it back to three.
 */
class FullMembersOverTimeTest {

    private static final LocalDate FOUNDED = LocalDate.of(2010, 1, 4);

    private MongoServer server;
    private MongoClient client;
    private BranchRosterProjection roster;
    private FullMembersOverTime fullMembers;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        roster = new BranchRosterProjection(client.getDatabase("test"), SimpleQueryUpdateEmitter.builder().build());
        fullMembers = new FullMembersOverTime(client.getDatabase("test"));
        roster.on(new OrganisationEstablished("kp1", "Chi bộ Khu phố 1", OrganisationKind.SUBORDINATE_BRANCH,
                BranchType.RESIDENTIAL, "ward-15", null, OrganisationFlags.NONE, 3, false, FOUNDED), 0);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private void fullMemberSince(String memberId, LocalDate ceremony) {
        roster.on(new MemberAdmitted(memberId, "p-" + memberId, "kp1", ceremony, ceremony.plusMonths(12),
                ceremony.minusDays(15), false), 1);
        roster.on(new FullMembershipRecognized(memberId, "kp1", ceremony.plusMonths(12).plusDays(20),
                ceremony.plusMonths(12), "ward-15", false), 2);
    }

    @Test
    void belowThreeFromTheFoundingUntilTheThirdFullMemberThenFromTheDayOneLeft() {
        fullMemberSince("m1", LocalDate.of(2010, 2, 1));
        fullMemberSince("m2", LocalDate.of(2010, 2, 1));
        fullMemberSince("m3", LocalDate.of(2012, 5, 7));

        assertThat(fullMembers.belowSince("kp1", LocalDate.of(2013, 5, 6), 3)).contains(FOUNDED);
        assertThat(fullMembers.belowSince("kp1", LocalDate.of(2013, 5, 7), 3)).isEmpty();

        roster.on(new MemberDeceased("m2", "kp1", LocalDate.of(2020, 6, 15)), 3);
        roster.on(new MemberHomeChanged("m3", "t1", "kp1", "kp2", LocalDate.of(2021, 3, 1)), 3);

        assertThat(fullMembers.belowSince("kp1", LocalDate.of(2020, 6, 14), 3)).isEmpty();
        assertThat(fullMembers.belowSince("kp1", LocalDate.of(2020, 6, 15), 3)).contains(LocalDate.of(2020, 6, 15));
        assertThat(fullMembers.belowSince("kp1", LocalDate.of(2022, 1, 1), 3)).as("still below since the death")
                .contains(LocalDate.of(2020, 6, 15));
        assertThat(fullMembers.belowSince("kp2", LocalDate.of(2022, 1, 1), 3)).as("no roster").isEmpty();
    }
}
