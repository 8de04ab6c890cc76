package vn.partyledger.infra.person;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AeadTest {

    private static final byte[] PLAIN = "Nguyễn Văn A 079093001234".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BOUND = "p1#0".getBytes(StandardCharsets.UTF_8);

    @Test
    void whatIsEncryptedOpensWithTheSameKeyAndPlace() {
        byte[] key = Aead.newKey();
        assertThat(Aead.decrypt(key, Aead.encrypt(key, PLAIN, BOUND), BOUND)).isEqualTo(PLAIN);
    }

    @Test
    void theCiphertextHoldsNoPlainTextAndDiffersOnEveryWrite() {
        byte[] key = Aead.newKey();
        byte[] first = Aead.encrypt(key, PLAIN, BOUND);
        byte[] second = Aead.encrypt(key, PLAIN, BOUND);
        assertThat(first).isNotEqualTo(second);
        assertThat(java.util.Arrays.copyOf(first, 12)).isNotEqualTo(java.util.Arrays.copyOf(second, 12));
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("079093001234");
    }

    @Test
    void aWrongKeyFails() {
        byte[] sealed = Aead.encrypt(Aead.newKey(), PLAIN, BOUND);
        assertThatThrownBy(() -> Aead.decrypt(Aead.newKey(), sealed, BOUND))
                .isInstanceOf(PersonalDataUnreadable.class);
    }

    @Test
    void aCiphertextMovedToAnotherPersonOrVersionFails() {
        byte[] key = Aead.newKey();
        byte[] sealed = Aead.encrypt(key, PLAIN, BOUND);
        assertThatThrownBy(() -> Aead.decrypt(key, sealed, "p2#0".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PersonalDataUnreadable.class);
    }

    @Test
    void aDataKeyWrappedUnderOneMasterKeyDoesNotUnwrapUnderAnother() {
        byte[] dataKey = Aead.newKey();
        byte[] wrapped = new MasterKeyWrapper(Aead.newKey()).wrap(dataKey);
        assertThatThrownBy(() -> new MasterKeyWrapper(Aead.newKey()).unwrap(wrapped))
                .isInstanceOf(PersonalDataUnreadable.class);
    }

    @Test
    void withoutAMasterKeyOnlyTheEmbeddedDatabaseStarts() {
        assertThat(PrivacyConfiguration.masterKey("", false)).hasSize(32);
        assertThatThrownBy(() -> PrivacyConfiguration.masterKey("", true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PrivacyConfiguration.masterKey("c2hvcnQ=", true))
                .isInstanceOf(IllegalStateException.class);
    }
}
