package vn.partyledger.infra.person;

/**
 * Wraps and unwraps a person's data key. The register stores only wrapped keys; a KMS or HSM can implement this in
 * place of {@link MasterKeyWrapper} without the register changing.
 */
public interface KeyWrapper {

    byte[] wrap(byte[] dataKey);

    /** Fails when the wrapped key was not wrapped by this wrapper's key (a wrong or replaced master key). */
    byte[] unwrap(byte[] wrappedKey);
}
