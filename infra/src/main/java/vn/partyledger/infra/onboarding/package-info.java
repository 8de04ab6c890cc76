/**
 * Onboarding a province's existing organisations and members from a file (issue 10, ADR 0024): the file is checked
 * whole before anything is written, then each line becomes the same commands the API sends, idempotent by record key.
 */
package vn.partyledger.infra.onboarding;
