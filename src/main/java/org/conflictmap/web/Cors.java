package org.conflictmap.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Cross-origin reads from anywhere (newsroom pages load tiles, GeoJSON and OGC items), cross-origin
 * writes from nowhere: a browser's preflight for POST/PUT/PATCH/DELETE from another origin is refused,
 * and so is the write itself, with a 403 problem+json (Spring's own refusal is {@code text/plain}).
 */
@Configuration
class Cors implements WebMvcConfigurer {
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/**")
                .allowedOrigins("*")
                .allowedMethods("GET", "HEAD")
                .allowedHeaders("*")
                .exposedHeaders("ETag", "Content-Disposition")
                .allowCredentials(false)
                .maxAge(3600);
    }

    /** Every handler mapping refuses a cross-origin request through {@link ProblemCorsProcessor}. */
    @Bean
    static BeanPostProcessor problemCorsProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof AbstractHandlerMapping mapping) {
                    mapping.setCorsProcessor(new ProblemCorsProcessor());
                }
                return bean;
            }
        };
    }

    /** Spring's CORS checks, with the refusal as {@code application/problem+json}. */
    static final class ProblemCorsProcessor extends DefaultCorsProcessor {
        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getBody()
                    .write(("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":"
                                    + "\"cross-origin requests may only read (GET, HEAD); write from this server's own pages or "
                                    + "without an Origin header\"}")
                            .getBytes(StandardCharsets.UTF_8));
            response.flush();
        }
    }
}
