/** Queries about recruitment: targets against admissions, and the funnel from candidate to recognised member. */
package vn.partyledger.domain.recruitment;
