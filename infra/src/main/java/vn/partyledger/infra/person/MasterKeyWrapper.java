package vn.partyledger.infra.person;

import java.nio.charset.StandardCharsets;

/** Wraps data keys with AES-GCM under the master key from configuration ({@code partyledger.privacy.master-key}). */
public final class MasterKeyWrapper implements KeyWrapper {

    private static final byte[] PURPOSE = "partyledger person data key".getBytes(StandardCharsets.UTF_8);

    private final byte[] masterKey;

    public MasterKeyWrapper(byte[] masterKey) {
        this.masterKey = masterKey.clone();
    }

    @Override
    public byte[] wrap(byte[] dataKey) {
        return Aead.encrypt(masterKey, dataKey, PURPOSE);
    }

    @Override
    public byte[] unwrap(byte[] wrappedKey) {
        return Aead.decrypt(masterKey, wrappedKey, PURPOSE);
    }
}
