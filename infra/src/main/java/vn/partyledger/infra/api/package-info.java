/**
 * The HTTP API: commands as {@code POST /api/v1/{resource}/{id}/{command}}, queries as {@code GET}, every refusal as
 * RFC 9457 problem+json with a stable code.
 * <p>
 * A controller per subject ({@code MemberCommands}, {@code OrganisationCommands}, {@code TransferCommands}, …) holds
 * one line per command and the request bodies it reads. A body is a record that is the JSON a client sends and a
 * {@link vn.partyledger.infra.api.CommandBody}: it makes the command for the id in the path, names the business date
 * and the signed decision ({@link vn.partyledger.infra.api.CommandBody.Signed} when the decision's date is the
 * business date). {@link vn.partyledger.infra.api.CommandEndpoint} dispatches it through
 * {@link vn.partyledger.infra.api.CommandDispatcher} (actor, decision, dates, Idempotency-Key against the log's
 * {@link vn.partyledger.infra.api.RecordedOutcomes}, If-Match) and answers 201 or 200 with ETag and
 * Idempotent-Replayed. Ids a client chooses are checked by one constraint, {@link vn.partyledger.infra.api.RecordId}.
 * Headers and problem answers are added to the OpenAPI document by {@code CommandHeadersDocumentation}.
 */
package vn.partyledger.infra.api;
