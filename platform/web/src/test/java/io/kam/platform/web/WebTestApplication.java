package io.kam.platform.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

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

        @PostMapping("/plans/{id}/crash")
        String crash(@PathVariable java.util.UUID id) {
            throw new IllegalStateException("secret internals");
        }
    }
}
