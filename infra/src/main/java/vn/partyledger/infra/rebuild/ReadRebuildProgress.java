package vn.partyledger.infra.rebuild;

/** A look at how far a projection's rebuild has come; held to the permission table like any query. */
public record ReadRebuildProgress(String projection) {
}
