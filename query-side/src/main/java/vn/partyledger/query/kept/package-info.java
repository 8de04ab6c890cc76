/**
 * Values read from the log kept between reads while the log holds nothing later of their aggregates: permission
 * look-ups, register entries, member histories (ADR 0052, 0070).
 */
package vn.partyledger.query.kept;
