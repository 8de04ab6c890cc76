package vn.partyledger.infra.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;

/**
 * The command-line entry point of verification: {@code java -jar party-ledger-exec.jar --partyledger.verify.log=true
 * [--partyledger.verify.tree-size=N --partyledger.verify.root-hash=HEX] --spring.main.web-application-type=none}
 * verifies the whole log (against the checkpoint held, when given), prints its progress and its report, and the
 * process ends: exit code 0 when the log is intact, 1 otherwise (docs/log-proofs.md §6).
 */
@Component
@ConditionalOnProperty(name = "partyledger.verify.log", havingValue = "true")
public class VerifyCommandLine implements ApplicationRunner {

    private final LogAuditor auditor;
    private final ObjectMapper json;
    private final ConfigurableApplicationContext context;
    private final VerifyLog query;

    public VerifyCommandLine(LogAuditor auditor, ObjectMapper json, ConfigurableApplicationContext context,
                             @Value("${partyledger.verify.tree-size:#{null}}") Long treeSize,
                             @Value("${partyledger.verify.root-hash:#{null}}") String rootHash) {
        this.auditor = auditor;
        this.json = json;
        this.context = context;
        if ((treeSize == null) != (rootHash == null)) {
            throw new IllegalArgumentException("partyledger.verify: give both tree-size and root-hash, or neither");
        }
        this.query = new VerifyLog(treeSize, rootHash);
    }

    @Override
    public void run(ApplicationArguments arguments) throws IOException {
        int code = verify(System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Verifies the log; the exit code the process should end with. */
    int verify(PrintStream out) throws IOException {
        AuditReport report = auditor.audit(query, (position, events) -> out.println("verify: read up to position "
                + position + ", " + events + " events"));
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        return report.intact() ? 0 : 1;
    }
}
