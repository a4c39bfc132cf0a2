package org.conflictmap.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler only an admin may call (accounts): as {@link EditorsOnly}, and a 403 for an editor who is not an
 * admin, checked by {@link EditorGuard}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AdminsOnly {}
