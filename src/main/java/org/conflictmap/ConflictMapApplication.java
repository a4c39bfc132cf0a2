package org.conflictmap;

import org.conflictmap.incidents.ImportCommand;
import org.conflictmap.ingest.IngestCommand;
import org.conflictmap.security.UserCommand;
import org.conflictmap.store.RecoverCommand;
import org.conflictmap.store.StoreInUse;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ConflictMapApplication {
    public static void main(String[] args) {
        if (ImportCommand.wanted(args)) {
            System.exit(ImportCommand.run(ConflictMapApplication.class, args, System.out));
        }
        if (UserCommand.wanted(args)) {
            System.exit(UserCommand.run(ConflictMapApplication.class, args, System.in, System.out));
        }
        if (IngestCommand.wanted(args)) {
            System.exit(IngestCommand.run(ConflictMapApplication.class, args, System.out));
        }
        if (RecoverCommand.wanted(args)) {
            System.exit(RecoverCommand.run(args, System.out));
        }
        SpringApplication server = new SpringApplication(ConflictMapApplication.class);
        server.addListeners(StoreInUse.check()); // a store another server holds: one message, exit 75
        server.run(args);
    }
}
