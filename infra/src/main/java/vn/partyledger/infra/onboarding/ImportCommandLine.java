package vn.partyledger.infra.onboarding;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.partyledger.infra.security.SecurityProperties;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The command-line entry point of onboarding: {@code java -jar party-ledger-exec.jar
 * --partyledger.import.file=province.jsonl --partyledger.import.user=board --spring.main.web-application-type=none}; a
 * file whose name ends in {@code .csv} is read as CSV, any other as JSON Lines.
 * The import runs as the configured user named (its role and organisation, as over HTTP; the operator who can start
 * the service with its configuration can act as its users), prints its progress and its report, and the process
 * ends: exit code 0 when the file was imported without refusals, 1 otherwise.
 */
@Component
@ConditionalOnProperty("partyledger.import.file")
public class ImportCommandLine implements ApplicationRunner {

    private final FileImport fileImport;
    private final SecurityProperties security;
    private final ObjectMapper json;
    private final ConfigurableApplicationContext context;
    private final Path file;
    private final String user;

    public ImportCommandLine(FileImport fileImport, SecurityProperties security, ObjectMapper json,
                             ConfigurableApplicationContext context,
                             @Value("${partyledger.import.file}") Path file,
                             @Value("${partyledger.import.user:}") String user) {
        this.fileImport = fileImport;
        this.security = security;
        this.json = json;
        this.context = context;
        this.file = file;
        this.user = user;
    }

    @Override
    public void run(ApplicationArguments arguments) throws IOException {
        int code = importFile(System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Runs the import as the named user; the exit code it should end with. */
    int importFile(PrintStream out) throws IOException {
        SecurityProperties.User actor = security.users().stream()
                .filter(configured -> configured.username().equals(user)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("partyledger.import.user: " + user
                        + " is not a configured user (partyledger.security.users)"));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                actor.username(), null, List.of()));
        try {
            ImportReport report = fileImport.run(ImportFormat.ofFileName(file),
                    Files.readString(file, StandardCharsets.UTF_8), progress -> out.println("import: " + progress));
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return ImportReport.COMPLETED.equals(report.outcome()) ? 0 : 1;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
