package vn.partyledger.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PartyLedgerApplication {

    public static void main(String[] args) {
        // Belt and braces: the auto-configuration is excluded in application.yml, this covers any other path.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(PartyLedgerApplication.class, args);
    }
}
