package vn.partyledger.command.support;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import vn.partyledger.domain.shared.RuleViolation;

/** Matches a refusal by the invariant code and the rule's name, so a test fails if the wrong rule refused. */
public final class Violation {

    private Violation() {
    }

    public static Matcher<RuleViolation> of(String code, String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return code.equals(violation.code()) && rule.equals(violation.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation " + code + " / " + rule);
            }

            @Override
            protected void describeMismatchSafely(RuleViolation violation, Description description) {
                description.appendText("was " + violation.code() + " / " + violation.rule() + ": "
                        + violation.getMessage());
            }
        };
    }
}
