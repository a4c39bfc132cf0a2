package org.conflictmap.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Issue 23's "editor authorisation declared on the handlers": every handler that writes (POST, PUT, PATCH,
 * DELETE) declares who may call it, {@link EditorsOnly} or {@link AdminsOnly} on itself or its controller, which
 * {@link EditorGuard} checks; only the few listed here write nothing of the store's or are the way in, each with
 * its reason. A new write handler without the declaration fails here, not only at run time.
 */
class EditorsDeclaredTest {
    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(Path.of("target", "classes"));

    /** Handlers that take a body but need no editor, and why. */
    private static final Map<String, String> OPEN = Map.of(
            "OgcController.search", "POST …/search is a read: the items' parameters in a body (OGC API Part 3)",
            "GeocodeController.text", "geocodes the posted text and stores nothing",
            "SessionController.signIn", "how an editor signs in",
            "SessionController.signOut", "ends the caller's own session, if any",
            "ProblemErrorController.error", "the container's error answer, for any method; writes nothing");

    @Test
    void everyHandlerThatWritesDeclaresWhoMayCallIt() {
        Set<String> undeclared = new TreeSet<>();
        Set<String> open = new TreeSet<>();
        int writes = 0;
        for (JavaClass c : CLASSES) {
            boolean classDeclared = c.isAnnotatedWith(EditorsOnly.class) || c.isAnnotatedWith(AdminsOnly.class);
            for (JavaMethod m : c.getMethods()) {
                if (!writes(m)) {
                    continue;
                }
                writes++;
                String name = c.getSimpleName() + "." + m.getName();
                boolean declared =
                        classDeclared || m.isAnnotatedWith(EditorsOnly.class) || m.isAnnotatedWith(AdminsOnly.class);
                if (OPEN.containsKey(name)) {
                    open.add(name);
                    assertThat(declared)
                            .as(name + " is listed as open (" + OPEN.get(name) + ") but declares editors")
                            .isFalse();
                } else if (!declared) {
                    undeclared.add(name);
                }
            }
        }
        assertThat(writes).as("the handlers that write").isGreaterThan(20);
        assertThat(undeclared)
                .as("handlers that write without @EditorsOnly or @AdminsOnly (on them or their controller)")
                .isEmpty();
        assertThat(open).as("the open handlers listed here still exist").isEqualTo(OPEN.keySet());
    }

    private static boolean writes(JavaMethod m) {
        if (m.isAnnotatedWith(PostMapping.class)
                || m.isAnnotatedWith(PutMapping.class)
                || m.isAnnotatedWith(PatchMapping.class)
                || m.isAnnotatedWith(DeleteMapping.class)) {
            return true;
        }
        if (!m.isAnnotatedWith(RequestMapping.class)) {
            return false;
        }
        RequestMethod[] methods = m.getAnnotationOfType(RequestMapping.class).method();
        return methods.length == 0
                || List.of(methods).stream()
                        .anyMatch(x -> x != RequestMethod.GET && x != RequestMethod.HEAD && x != RequestMethod.OPTIONS);
    }
}
