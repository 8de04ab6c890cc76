/** Puts the query-side projections into the running application. */
package vn.partyledger.infra.readmodel;
