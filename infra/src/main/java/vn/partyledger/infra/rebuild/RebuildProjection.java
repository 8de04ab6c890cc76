package vn.partyledger.infra.rebuild;

/** An administrator's request to rebuild a projection from the log; held to the permission table like any message. */
public record RebuildProjection(String projection) {
}
