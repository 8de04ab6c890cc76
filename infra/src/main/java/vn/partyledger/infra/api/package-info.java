/**
 * The HTTP API: commands as {@code POST /api/v1/{resource}/{id}/{command}}, queries as {@code GET}, every refusal as
 * RFC 9457 problem+json with a stable code.
 */
package vn.partyledger.infra.api;
