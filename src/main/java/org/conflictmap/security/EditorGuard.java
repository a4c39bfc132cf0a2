package org.conflictmap.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.annotation.Annotation;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one place that checks what a handler declares with {@link EditorsOnly} or {@link AdminsOnly}, before
 * Spring MVC reads its arguments or runs it: a request without an editor is refused (401), an editor who is
 * not an admin on an admin's handler too (403), and the editor's name is left on the request for
 * {@link Editors#of}. The editor comes from {@link AccountFilter} (desk session, account token, configured token).
 */
@Configuration
class EditorGuard implements WebMvcConfigurer {
    private final Editors editors;

    EditorGuard(Editors editors) {
        this.editors = editors;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                check(request, handler);
                return true;
            }
        });
    }

    void check(HttpServletRequest request, Object handler) {
        if (!(handler instanceof HandlerMethod m)) {
            return;
        }
        boolean admin = declared(m, AdminsOnly.class);
        if (!admin && !declared(m, EditorsOnly.class)) {
            return;
        }
        String name = admin ? editors.requireAdmin(request) : editors.require(request);
        request.setAttribute(Editors.ATTRIBUTE, name);
    }

    private static boolean declared(HandlerMethod m, Class<? extends Annotation> a) {
        return m.hasMethodAnnotation(a) || m.getBeanType().isAnnotationPresent(a);
    }
}
