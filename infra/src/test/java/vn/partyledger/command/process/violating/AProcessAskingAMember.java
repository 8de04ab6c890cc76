package vn.partyledger.command.process.violating;

import vn.partyledger.command.member.violating.MemberAskingAProcess;

/** The other half of the loop {@link MemberAskingAProcess} makes. Test code only. */
public class AProcessAskingAMember {

    public MemberAskingAProcess member() {
        return new MemberAskingAProcess();
    }
}
