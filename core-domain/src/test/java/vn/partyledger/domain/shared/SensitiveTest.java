package vn.partyledger.domain.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SensitiveTest {

    @Test
    @DisplayName("a sensitive fact never shows its value in its text, so no log line carries it")
    void aSensitiveFactNeverShowsItsValueInItsText() {
        Sensitive<String> reason = Sensitive.of("p1", "long illness");

        assertThat(reason.toString()).doesNotContain("illness").contains("p1");
        assertThat(reason.value()).isEqualTo("long illness");
        assertThat(reason.shown()).isEqualTo("long illness");
    }

    @Test
    @DisplayName("a fact read back from the log opens only while the person's key exists")
    void aSealedFactOpensOnlyWhileTheKeyExists() {
        Sensitive<String> readable = Sensitive.sealed("p1", () -> Optional.of("long illness"));
        Sensitive<String> erased = Sensitive.sealed("p1", Optional::empty);

        assertThat(readable.isErased()).isFalse();
        assertThat(readable).isEqualTo(Sensitive.of("p1", "long illness"));
        assertThat(erased.isErased()).isTrue();
        assertThat(erased.shown()).isEqualTo(Sensitive.ERASED);
        assertThat(erased).isNotEqualTo(readable);
        assertThatThrownBy(erased::value).isInstanceOfSatisfying(RuleViolation.class, refusal -> {
            assertThat(refusal.code()).isEqualTo("ERASURE");
            assertThat(refusal.rule()).isEqualTo("anErasedPersonsFactIsNeverRead");
        });
    }

    @Test
    @DisplayName("facts about different people are different facts, even with the same value")
    void factsAboutDifferentPeopleDiffer() {
        assertThat(Sensitive.of("p1", "x")).isNotEqualTo(Sensitive.of("p2", "x"));
        assertThat(Sensitive.ofNullable("p1", null)).isNull();
        assertThat(Sensitive.recordedBeforeSealing("x").personId()).isNull();
    }
}
