package io.kam.platform.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.platform.domain.Rejection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@SpringBootApplication
class WebTestApplication {

    enum Format { HYPERMARKET, SUPERMARKET }

    record Line(@NotBlank String code) {
    }

    record PlanRequest(@NotBlank @Size(max = 20) String name, @NotNull Format format, @Email String email,
                       @Valid List<Line> lines) {
    }

    @RestController
    static class PlansController {
        private static final Logger log = LoggerFactory.getLogger(PlansController.class);

        @PostMapping("/plans")
        PlanRequest create(@Valid @RequestBody PlanRequest request) {
            log.info("creating plan {}", request.name());
            return request;
        }

        @GetMapping("/plans/{id}")
        String read(@PathVariable java.util.UUID id) {
            throw new ApiProblem.NotFound("Plan", id);
        }

        @PutMapping("/plans/{id}")
        String update(@PathVariable java.util.UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
            Versions.require(Versions.fromIfMatch(ifMatch), 4);
            return "ok";
        }

        @PostMapping("/plans/{id}/approval")
        String approve(@PathVariable java.util.UUID id) {
            throw new ApiProblem.Rejected("plan-incomplete", "a plan needs volume targets before approval");
        }

        /** The same refusal twice: thrown by the domain as a rejection, and by a controller as an ApiProblem. */
        @PostMapping("/plans/{id}/refusals/{kind}")
        String refuse(@PathVariable java.util.UUID id, @PathVariable String kind,
                      @RequestParam(defaultValue = "false") boolean controller) {
            Rejection rejection = switch (kind) {
                case "invalid" -> new Rejection.Invalid("promisedDate", "must be today or later");
                case "forbidden" -> new Rejection.Forbidden("own-plan", "you authored this version");
                case "not-found" -> new Rejection.NotFound("Plan", id);
                case "conflict" -> new Rejection.Conflict("plan-exists", "the account has a plan", Map.of("plan", "/plans/1"));
                case "stale" -> new Rejection.StaleVersion(3, 4);
                default -> new Rejection.BrokenRule("phasing-mismatch", "the phasing misses its target", Map.of("missing", 12));
            };
            if (!controller) {
                throw rejection.refused();
            }
            throw switch (rejection) {
                case Rejection.Invalid invalid -> new ApiProblem.Invalid(invalid.errors());
                case Rejection.Forbidden forbidden -> new ApiProblem.Forbidden(forbidden.code(), forbidden.detail());
                case Rejection.NotFound notFound -> new ApiProblem.NotFound(notFound.what(), notFound.id());
                case Rejection.Conflict conflict -> new ApiProblem.Conflict(conflict.code(), conflict.detail(), conflict.facts());
                case Rejection.StaleVersion stale -> new ApiProblem.StaleVersion(stale.expected(), stale.current());
                case Rejection.BrokenRule broken -> new ApiProblem.Rejected(broken.code(), broken.detail(), broken.facts());
            };
        }

        /** A write through a real pool and driver to a PostgreSQL port where nothing listens. */
        @PostMapping("/plans/{id}/stored")
        String store(@PathVariable java.util.UUID id) throws java.sql.SQLException {
            com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
            config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=1");
            config.setConnectionTimeout(500);
            config.setInitializationFailTimeout(-1);
            try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config);
                 java.sql.Connection connection = pool.getConnection()) {
                connection.createStatement().execute("select 1");
            }
            return "stored";
        }

        @PostMapping("/plans/{id}/crash")
        String crash(@PathVariable java.util.UUID id) {
            throw new IllegalStateException("secret internals");
        }
    }
}
