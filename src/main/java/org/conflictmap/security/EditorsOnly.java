package org.conflictmap.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler (or every handler of a controller) that only an editor may call: {@link EditorGuard} checks it
 * before the handler runs (401 with {@code WWW-Authenticate: Bearer} without an editor), and the handler reads
 * who it is with {@link Editors#of}. What an editor may do is declared here, once per handler, not checked by
 * hand inside it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface EditorsOnly {}
