package vn.partyledger.query.roster;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MemberSuspended;
import vn.partyledger.domain.discipline.MemberSuspensionLifted;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.exemption.ExemptionEndReason;
import vn.partyledger.domain.exemption.ExemptionEnded;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.exemption.ExemptionReason;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberContactRestored;
import vn.partyledger.domain.member.MemberLostContact;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.organisation.BranchType;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.roster.RosterTotals;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.transfer.MemberTransferOpened;
import vn.partyledger.domain.transfer.TransferType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 2, as a property: for random histories of members in three branches — admissions, recognitions,
 * transfers between the branches, exemptions, lost contact, suspensions, strike-offs and deaths — and many random
 * dates, the roster of each branch as of a date equals a replay of the log cut at that date: a plain fold, written
 * here from the rules (docs/rules.md §8, §9, §19), of the events that had taken effect by then; and equals the
 * projection fed only those events. So what the log records later (a transfer, a death) never changes an earlier
 * day's roll, and what it records about an earlier day is on that day's roll. The counts kept of each roll (ADR 0055)
 * equal its roster's on every date asked, in any order, and while the log grows.
 */
class RosterAsOfEqualsReplayTest {

    private static final List<String> BRANCHES = List.of("kp0", "kp1", "kp2");
    private static final LocalDate FOUNDED = LocalDate.of(1990, 1, 2);
    private static final int MEMBERS = 40;
    private static final int DATES = 60;

    private MongoServer server;
    private MongoClient client;

    /**
     * An event of a member's history, as the projection is handed it and as the replay folds it, with the day it took
     * effect.
     */
    private record Fact(LocalDate effective, Consumer<BranchRosterProjection> handing, Object event) {
    }

    /** How the projection is handed an event of a kind: its handler for that kind. */
    private interface Handler<E> {

        void hand(BranchRosterProjection projection, E event, long sequence);
    }

    /** Adds the event with the next sequence number of the member's record. */
    private static <E> void add(List<Fact> facts, LocalDate effective, E event, Handler<E> handler) {
        long sequence = facts.size() + 1;
        facts.add(new Fact(effective, projection -> handler.hand(projection, event, sequence), event));
    }

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @ParameterizedTest(name = "history {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theRosterAsOfADateEqualsTheReplayOfWhatHadTakenEffectByThen(long seed) {
        Random random = new Random(seed);
        List<List<Fact>> histories = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            histories.add(history("m" + m, random));
        }
        BranchRosterProjection whole = projection("whole-" + seed);
        histories.forEach(history -> history.forEach(fact -> fact.handing().accept(whole)));

        List<LocalDate> effectDays = histories.stream().flatMap(List::stream).map(Fact::effective).toList();
        for (int d = 0; d < DATES; d++) {
            // half any day, half a day something took effect or the day before it: where an off-by-one shows
            LocalDate date = d % 2 == 0 ? LocalDate.of(1999, 1, 1).plusDays(random.nextInt(28 * 365))
                    : effectDays.get(random.nextInt(effectDays.size())).minusDays(random.nextInt(2));
            BranchRosterProjection cut = projection("cut-" + seed + "-" + d);
            histories.forEach(history -> history.stream().filter(fact -> !fact.effective().isAfter(date))
                    .forEach(fact -> fact.handing().accept(cut)));
            for (String branch : BRANCHES) {
                BranchRoster asOf = roster(whole, branch, date);
                assertThat(asOf.members()).as("branch %s as of %s (history %d)", branch, date, seed)
                        .containsExactlyInAnyOrderElementsOf(replay(histories, branch, date));
                assertThat(asOf.headcount()).isEqualTo(asOf.members().size());
                assertThat(asOf.exemptCount()).isEqualTo(
                        (int) asOf.members().stream().filter(entry -> entry.exemption() != null).count());
                assertThat(asOf).as("the projection fed only what had taken effect").isEqualTo(roster(cut, branch, date));
            }
            assertThat(whole.countsOn(BRANCHES, date)).as("the counts kept, as of %s (history %d)", date, seed)
                    .isEqualTo(countedFromRosters(whole, date));
        }
    }

    @ParameterizedTest(name = "history {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void theCountsKeptOfEachRollEqualItsRostersWhileTheLogGrows(long seed) {
        Random random = new Random(seed);
        List<List<Fact>> pending = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            pending.add(new ArrayList<>(history("m" + m, random)));
        }
        List<LocalDate> asked = new ArrayList<>();
        BranchRosterProjection growing = projection("growing-" + seed);
        while (!pending.isEmpty()) {
            // the members' records interleaved at random, each in its own order, as the log holds them
            List<Fact> record = pending.get(random.nextInt(pending.size()));
            Fact next = record.remove(0);
            if (record.isEmpty()) {
                pending.remove(record);
            }
            next.handing().accept(growing);
            asked.add(next.effective().plusDays(random.nextInt(3) - 1));
            // some dates asked again, whose counts were kept before the log grew
            LocalDate date = asked.get(random.nextInt(asked.size()));
            assertThat(growing.countsOn(BRANCHES, date)).as("the counts kept, as of %s (history %d)", date, seed)
                    .isEqualTo(countedFromRosters(growing, date));
        }
    }

    private static Map<String, RosterTotals.Counts> countedFromRosters(BranchRosterProjection projection,
                                                                      LocalDate date) {
        Map<String, RosterTotals.Counts> counted = new HashMap<>();
        BRANCHES.forEach(branch -> counted.put(branch, RosterTotalsQueries.counts(roster(projection, branch, date))));
        return counted;
    }

    private BranchRosterProjection projection(String database) {
        BranchRosterProjection projection = new BranchRosterProjection(client.getDatabase(database),
                SimpleQueryUpdateEmitter.builder().build());
        for (int b = 0; b < BRANCHES.size(); b++) {
            projection.on(new OrganisationEstablished(BRANCHES.get(b), "Chi bộ " + b, OrganisationKind.SUBORDINATE_BRANCH,
                    BranchType.RESIDENTIAL, "ward", null, OrganisationFlags.NONE, 3, false, FOUNDED), 0);
        }
        return projection;
    }

    private static BranchRoster roster(BranchRosterProjection projection, String branch, LocalDate date) {
        return projection.handle(new FindBranchRoster(branch, date)).orElseThrow();
    }

    /** The roster line of every member on the branch's roll at the end of the date, folded from the cut log. */
    private static List<BranchRoster.Entry> replay(List<List<Fact>> histories, String branch, LocalDate date) {
        List<BranchRoster.Entry> entries = new ArrayList<>();
        for (List<Fact> history : histories) {
            ReplayedMember member = new ReplayedMember();
            history.stream().filter(fact -> !fact.effective().isAfter(date)).forEach(fact -> member.fold(fact));
            member.entryIn(branch).ifPresent(entries::add);
        }
        return entries;
    }

    /** One member as the rules say the facts leave them: on which roll, since when, in what status, under what. */
    private static final class ReplayedMember {

        private MemberAdmitted admission;
        private String home;
        private MemberStatus status;
        private LocalDate arrived;
        private LocalDate statusSince;
        private boolean onRoll;
        private BranchRoster.Exemption exemption;
        private boolean suspended;
        private LocalDate lostContactSince;
        private BranchRoster.Transit inTransit;

        void fold(Fact fact) {
            Object event = fact.event();
            LocalDate on = fact.effective();
            if (event instanceof MemberAdmitted admitted) {
                admission = admitted;
                home = admitted.homeOrgId();
                status = MemberStatus.PROBATIONARY;
                arrived = on;
                statusSince = on;
                onRoll = true;
            } else if (event instanceof FullMembershipRecognized) {
                status = MemberStatus.FULL;
                statusSince = on;
            } else if (event instanceof MemberTransferOpened letter) {
                inTransit = new BranchRoster.Transit(letter.toOrgId(), letter.letterDate());
            } else if (event instanceof MemberHomeChanged moved) {
                home = moved.toOrgId();
                arrived = on;
                inTransit = null;
            } else if (event instanceof ExemptionGranted granted) {
                exemption = new BranchRoster.Exemption(granted.kind(), granted.from(), granted.until());
            } else if (event instanceof ExemptionEnded) {
                exemption = null;
            } else if (event instanceof MemberSuspended) {
                suspended = true;
            } else if (event instanceof MemberSuspensionLifted) {
                suspended = false;
            } else if (event instanceof MemberLostContact) {
                lostContactSince = on;
            } else if (event instanceof MemberContactRestored) {
                lostContactSince = null;
            } else if (event instanceof MemberStruckOff || event instanceof MemberDeceased) {
                onRoll = false;
            }
        }

        Optional<BranchRoster.Entry> entryIn(String branch) {
            if (!onRoll || !branch.equals(home)) {
                return Optional.empty();
            }
            LocalDate since = arrived.isAfter(statusSince) ? arrived : statusSince;
            return Optional.of(new BranchRoster.Entry(admission.memberId(), admission.personId(), status, since,
                    admission.probationEndDate(), admission.admissionDecisionDate(), exemption, suspended,
                    lostContactSince, null, inTransit, null, null));
        }
    }

    /** A plausible history of one member, in the order its record would hold it, each event with its effect date. */
    private static List<Fact> history(String memberId, Random random) {
        List<Fact> facts = new ArrayList<>();
        String home = BRANCHES.get(random.nextInt(BRANCHES.size()));
        LocalDate ceremony = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(20 * 365));
        LocalDate probationEnd = ceremony.plusMonths(12);
        add(facts, ceremony, new MemberAdmitted(memberId, "person-" + memberId, home, ceremony, probationEnd,
                ceremony.minusDays(15), false), BranchRosterProjection::on);
        boolean full = random.nextInt(10) < 8;
        if (full) {
            add(facts, probationEnd, new FullMembershipRecognized(memberId, home,
                    probationEnd.plusDays(random.nextInt(60)), probationEnd, "ward", false), BranchRosterProjection::on);
        }
        LocalDate day = probationEnd.plusDays(61);
        for (int step = random.nextInt(6); step > 0; step--) {
            day = day.plusDays(30 + random.nextInt(700));
            switch (random.nextInt(6)) {
                case 0 -> {
                    String next = BRANCHES.get((BRANCHES.indexOf(home) + 1 + random.nextInt(2)) % BRANCHES.size());
                    LocalDate letterDate = day.minusDays(1 + random.nextInt(25));
                    add(facts, letterDate, new MemberTransferOpened(memberId, "t-" + memberId + "-" + step,
                            TransferType.OFFICIAL, home, next, letterDate), BranchRosterProjection::on);
                    add(facts, day, new MemberHomeChanged(memberId, "t-" + memberId + "-" + step, home, next, day),
                            BranchRosterProjection::on);
                    home = next;
                }
                case 1 -> {
                    LocalDate until = day.plusDays(60 + random.nextInt(300));
                    add(facts, day, new ExemptionGranted(memberId, ExemptionKind.TEMPORARY,
                            Sensitive.of("person-" + memberId, ExemptionReason.WORKING_AWAY), day, until, "ward",
                            "don-" + step), BranchRosterProjection::on);
                    // ended before the next is granted (a second grant while one is in force is refused, I15),
                    // early or after its planned end: it stays in force until it is ended
                    LocalDate ended = day.plusDays(1 + random.nextInt((int) (until.toEpochDay() - day.toEpochDay()) + 90));
                    add(facts, ended, new ExemptionEnded(memberId, ExemptionKind.TEMPORARY,
                            ended.isBefore(until) ? ExemptionEndReason.MEMBER_RESUMED : ExemptionEndReason.EXPIRED,
                            ended, null), BranchRosterProjection::on);
                    day = ended;
                }
                case 2 -> {
                    LocalDate found = day.plusDays(30 + random.nextInt(400));
                    add(facts, day, new MemberLostContact(memberId, home, day, "ward"), BranchRosterProjection::on);
                    add(facts, found, new MemberContactRestored(memberId, home, day, found, "ward"),
                            BranchRosterProjection::on);
                    day = found;
                }
                case 3 -> {
                    LocalDate lifted = day.plusDays(30 + random.nextInt(200));
                    add(facts, day, new MemberSuspended(memberId, "ward", day), BranchRosterProjection::on);
                    add(facts, lifted, new MemberSuspensionLifted(memberId, "ward", lifted),
                            BranchRosterProjection::on);
                    day = lifted;
                }
                case 4 -> {
                    if (full) {
                        add(facts, day, new MemberStruckOff(memberId, home, StrikeOffGround.ABSENCE_OR_DUES_3M,
                                "ward", day), BranchRosterProjection::on);
                        return facts;
                    }
                }
                default -> {
                    add(facts, day, new MemberDeceased(memberId, home, day), BranchRosterProjection::on);
                    return facts;
                }
            }
        }
        return facts;
    }
}
