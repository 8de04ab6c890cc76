package vn.partyledger.infra.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.shared.Actor;
import vn.partyledger.infra.checkpoint.Checkpoint;
import vn.partyledger.infra.eventstore.StoredEvent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a client stored, the summary shows it as text: markup in an id, a user or a decision is escaped. */
class HtmlSummaryTest {

    @Test
    void everyStoredTextIsEscaped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlSummary summary = new HtmlSummary(out);
        String metaData = """
                {"actor":{"userId":"<script>alert(1)</script>","role":"BRANCH_SECRETARY","actingForOrgId":"kp\\"1"},\
                "decision":{"docNumber":"12 & <b>13</b>","docDate":"2025-01-02"},"ruleSet":"R'1"}""";
        summary.start(new ExportHeader(HistoryScope.member("m<1>"), Instant.EPOCH,
                                       new Actor("auditor", "AUDITOR", null),
                                       new Checkpoint(3, "ab".repeat(32), 2, Instant.EPOCH, null), null,
                                       Map.of("p<1>", "Lê <Văn> A")));
        summary.event(new ExportedEvent(new StoredEvent(2, 0, "e-1", "Member", "m<1>", 0L, "2025-01-02T00:00:00.000Z",
                                                        "x.Evil<i>", null, "{}", metaData, null, "cd".repeat(32)),
                                        LocalDate.of(2025, 1, 2), new ObjectMapper().readTree(metaData), 1,
                                        List.of()));
        summary.end(1, 0);
        String html = out.toString(StandardCharsets.UTF_8);

        assertThat(html).doesNotContain("<script>", "<b>13", "<i>", "m<1>", "kp\"1", "R'1", "<Văn>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "12 &amp; &lt;b&gt;13&lt;/b&gt;",
                          "Evil&lt;i&gt;", "m&lt;1&gt;", "kp&quot;1", "R&#39;1", "1 entries.",
                          "Name (person p&lt;1&gt;)</dt><dd>Lê &lt;Văn&gt; A");
    }
}
