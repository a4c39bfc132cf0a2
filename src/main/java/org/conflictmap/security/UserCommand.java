package org.conflictmap.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.conflictmap.errors.DomainException;
import org.conflictmap.web.ApiProblem;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar conflict-map-server.jar user add NAME [--admin]} (or {@code user reset NAME}): creates an
 * editor account, or sets a new password, in the configured store without starting the web server. The
 * password is the first line of standard input, never an argument (arguments show in {@code ps}).
 * Exit code 0 on success, 1 otherwise.
 */
public final class UserCommand {
    private UserCommand() {}

    public static boolean wanted(String[] args) {
        return args.length > 0 && args[0].equals("user");
    }

    public static int run(Class<?> application, String[] args, InputStream in, PrintStream out) {
        boolean admin = false;
        List<String> words = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int k = 1; k < args.length; k++) {
            if (args[k].equals("--admin")) {
                admin = true;
            } else if (args[k].startsWith("--")) {
                rest.add(args[k]);
            } else {
                words.add(args[k]);
            }
        }
        if (words.size() != 2 || !(words.get(0).equals("add") || words.get(0).equals("reset"))) {
            out.println("usage: echo PASSWORD | java -jar conflict-map-server.jar user add NAME [--admin]\n"
                    + "       echo PASSWORD | java -jar conflict-map-server.jar user reset NAME");
            return 1;
        }
        String password;
        try {
            password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            password = null;
        }
        String why = Account.passwordProblem(password);
        if (why != null) {
            out.println("user: the password (first line of standard input) is refused: " + why);
            return 1;
        }
        String name = words.get(1).toLowerCase(Locale.ROOT);
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        rest.add("--spring.main.banner-mode=off");
        rest.add("--logging.level.root=warn");
        try (ConfigurableApplicationContext context = app.run(rest.toArray(String[]::new))) {
            Accounts accounts = context.getBean(Accounts.class);
            if (words.get(0).equals("add")) {
                Account a = accounts.create(name, admin ? Account.ADMIN : Account.EDITOR, password);
                out.println("user: created " + a.role() + " '" + a.name() + "'");
            } else if (accounts.setPassword(name, password)) {
                out.println("user: new password for '" + name + "'; their sessions have ended");
            } else {
                out.println("user: no account named '" + name + "'");
                return 1;
            }
            return 0;
        } catch (ApiProblem | DomainException | IllegalArgumentException e) {
            out.println("user: " + e.getMessage());
            return 1;
        }
    }
}
