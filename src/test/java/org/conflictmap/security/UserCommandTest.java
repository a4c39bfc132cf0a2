package org.conflictmap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;
import org.conflictmap.ConflictMapApplication;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** {@code user add NAME --admin}: the first admin from the command line, the password from stdin only. */
class UserCommandTest {
    record Run(int code, String out) {}

    static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = UserCommand.run(
                ConflictMapApplication.class,
                args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesBadUsageAndShortPasswordsBeforeTouchingTheStore() {
        assertThat(run("long enough password\n", "user", "add").code()).isEqualTo(1);
        Run shortPassword = run("short\n", "user", "add", "chief", "--admin");
        assertThat(shortPassword.code()).isEqualTo(1);
        assertThat(shortPassword.out()).contains("at least 10 characters").doesNotContain("short\n");
    }

    @Test
    void addsAnAdminWithABcryptHashOfThePasswordReadFromStdin() throws Exception {
        Path dir = Path.of("target", "test-stores", "user-" + UUID.randomUUID()).toAbsolutePath();
        String password = "cli-password-" + UUID.randomUUID();
        Run r = run(
                password + "\n",
                "user",
                "add",
                "Chief",
                "--admin",
                "--conflictmap.store.data-dir=" + dir,
                "--conflictmap.gazetteer.load-on-startup=false",
                "--conflictmap.incidents.load-on-startup=false");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("created admin 'chief'").doesNotContain(password);
        assertThat(run(
                                password + "\n",
                                "user",
                                "add",
                                "chief",
                                "--conflictmap.store.data-dir=" + dir,
                                "--conflictmap.gazetteer.load-on-startup=false",
                                "--conflictmap.incidents.load-on-startup=false")
                        .code())
                .as("the name is taken")
                .isEqualTo(1);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir + "/conflictmap", "sa", "");
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT role, password_hash FROM accounts WHERE name = 'chief'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("admin");
            assertThat(new BCryptPasswordEncoder().matches(password, rs.getString(2)))
                    .isTrue();
        }
    }
}
