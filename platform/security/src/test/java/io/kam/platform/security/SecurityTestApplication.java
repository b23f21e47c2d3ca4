package io.kam.platform.security;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.kam.platform.events.Actor;
import io.kam.platform.web.CurrentActor;

@SpringBootApplication
class SecurityTestApplication {

    @RestController
    static class WhoAmI {
        private final CurrentActor actor;

        WhoAmI(CurrentActor actor) {
            this.actor = actor;
        }

        @GetMapping("/api/whoami")
        Actor whoami() {
            return actor.get();
        }

        /** Configured in the test as a path for national KA managers only. */
        @PostMapping("/api/terms")
        java.util.Map<String, String> terms(@jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody Terms terms) {
            return java.util.Map.of("name", terms.name());
        }

        record Terms(@jakarta.validation.constraints.NotBlank String name) {
        }

        @PostMapping("/api/plans/approval")
        java.util.Map<String, String> approve() {
            return java.util.Map.of("approvedBy", actor.requireAny(Actor.NATIONAL_KA_MANAGER).name());
        }
    }
}
