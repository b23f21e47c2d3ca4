/**
 * Persistence shared by every service: its own PostgreSQL database, Flyway migrations (the platform's tables
 * under {@code db/kam-platform}, the service's under {@code db/<spring.application.name>}), and Micronaut Data JDBC repositories
 * that run inside Spring's transactions.
 */
@NullMarked
package io.kam.platform.persistence;

import org.jspecify.annotations.NullMarked;
