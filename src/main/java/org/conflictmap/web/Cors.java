package org.conflictmap.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Cross-origin reads from anywhere (newsroom pages load tiles, GeoJSON and OGC items), cross-origin
 * writes from nowhere: a browser's preflight for POST/PUT/PATCH/DELETE from another origin is refused.
 */
@Configuration
class Cors implements WebMvcConfigurer {
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/**").allowedOrigins("*").allowedMethods("GET", "HEAD").allowedHeaders("*")
                .exposedHeaders("ETag", "Content-Disposition").allowCredentials(false).maxAge(3600);
    }
}
