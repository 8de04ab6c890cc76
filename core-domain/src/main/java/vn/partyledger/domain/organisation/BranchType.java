package vn.partyledger.domain.organisation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An open enumeration of branch types (docs/rules.md#s3-3): the known codes are constants, and a province may record a
 * new type (seed 003 calls the apartment-building branch "a new type") without a code change.
 */
public record BranchType(String code) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public static final BranchType RESIDENTIAL = new BranchType("RESIDENTIAL");
    public static final BranchType APARTMENT_BUILDING = new BranchType("APARTMENT_BUILDING");
    public static final BranchType STATE_AGENCY = new BranchType("STATE_AGENCY");
    public static final BranchType SCHOOL = new BranchType("SCHOOL");
    public static final BranchType HEALTH = new BranchType("HEALTH");
    public static final BranchType PUBLIC_SERVICE_UNIT = new BranchType("PUBLIC_SERVICE_UNIT");
    public static final BranchType STATE_ENTERPRISE = new BranchType("STATE_ENTERPRISE");
    public static final BranchType NON_STATE_ENTERPRISE = new BranchType("NON_STATE_ENTERPRISE");
    public static final BranchType COOPERATIVE = new BranchType("COOPERATIVE");
    public static final BranchType CREDIT_FUND = new BranchType("CREDIT_FUND");
    public static final BranchType POLICE = new BranchType("POLICE");
    public static final BranchType MILITARY = new BranchType("MILITARY");
    public static final BranchType OTHER = new BranchType("OTHER");

    public BranchType {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("branch type code must be UPPER_SNAKE_CASE, 2-40 characters: " + code);
        }
    }
}
