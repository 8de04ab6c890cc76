package vn.partyledger.domain.transfer;

/** Official transfer (the home organisation changes) or temporary transfer (attached to a host, home kept). */
public enum TransferType {
    OFFICIAL,
    TEMPORARY
}
