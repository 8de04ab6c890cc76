/**
 * Branch rosters: one document per branch holding each member's status periods, so the roll on any past business
 * date is read from the same single document by key.
 */
package vn.partyledger.query.roster;
