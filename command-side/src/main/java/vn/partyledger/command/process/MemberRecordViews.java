package vn.partyledger.command.process;

import vn.partyledger.command.member.Member;
import vn.partyledger.command.person.MemberRecordView;

import java.util.List;

/** A person's member records as they stand, loaded in the command's unit of work for the person's rules to read. */
record MemberRecordViews(Records<Member> members) {

    List<MemberRecordView> of(List<String> memberIds) {
        return memberIds.stream().map(this::asItStands).toList();
    }

    private MemberRecordView asItStands(String memberId) {
        return members.load(memberId).invoke(member -> new MemberRecordView(memberId, member.open(),
                member.admittedBefore(), member.leftOn().orElse(null)));
    }
}
