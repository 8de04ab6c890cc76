package vn.partyledger.command.member.violating;

import vn.partyledger.command.process.violating.AProcessAskingAMember;

/** Breaks the package rules on purpose (a member part calling a process, which calls it back). Test code only. */
public class MemberAskingAProcess {

    public AProcessAskingAMember process() {
        return new AProcessAskingAMember();
    }
}
