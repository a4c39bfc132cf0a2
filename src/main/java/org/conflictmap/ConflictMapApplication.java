package org.conflictmap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ConflictMapApplication {
    public static void main(String[] args) {
        SpringApplication.run(ConflictMapApplication.class, args);
    }
}
