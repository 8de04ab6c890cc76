/**
 * Party age and badges (ADR 0040): each member's party-age facts kept by a projection, the party age and next badge of
 * the roster's lines read from them, party-age groups and badge holders under an organisation, and who may be put
 * forward for a badge on an occasion.
 */
package vn.partyledger.query.partyage;
