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

        @PostMapping("/api/plans/approval")
        java.util.Map<String, String> approve() {
            return java.util.Map.of("approvedBy", actor.requireAny(Actor.NATIONAL_KA_MANAGER).name());
        }
    }
}
