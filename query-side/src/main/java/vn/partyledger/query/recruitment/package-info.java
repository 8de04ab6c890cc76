/**
 * Recruitment figures: one document per step a candidate took (registered, course, application, branch vote,
 * decision, ceremony, recognition) under the branch where it was taken, and each organisation's targets by year.
 */
package vn.partyledger.query.recruitment;
