package vn.partyledger.infra.onboarding;

/**
 * Why one line of an import file is refused: its number (from 1), the field when one is at fault, the stable code (a
 * rule's code such as ONBOARDING or I3, or INVALID_INPUT) with the rule's name where a rule refused, and the reason.
 */
public record LineRefusal(int line, String field, String code, String rule, String message) {
}
