/**
 * Exemptions from party work and meetings (docs/rules.md#s8): full exemption for members of advanced age and poor health,
 * decided by the branch; temporary exemption for members away, decided by the grassroots committee. Exempt members
 * stay on the roll and keep paying dues.
 */
package vn.partyledger.domain.exemption;
