package io.kam.platform.consumer;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.platform.domain.FieldError;
import io.kam.platform.web.ApiProblem;

/**
 * The operators' dead-letter tool of every service that reads events: {@code GET /ops/dead-letters?topic=&group=}
 * lists a group's dead letters of a topic it reads (with the reason, and whether each was re-driven), and
 * {@code POST /ops/dead-letters/replay?topic=&group=} re-drives those not re-driven yet ({@link DeadLetterReplay}).
 * {@code group} may be left out when one group of the service reads the topic. kam-security lets only operators
 * in ({@code kam.security.operator-roles}); a topic the service does not read, or a group that does not read it, is
 * a 400 problem detail naming the field and what the service reads.
 */
@RestController
@RequestMapping("/ops/dead-letters")
public class DeadLetterController {

    private final DeadLetterReplay replay;

    public DeadLetterController(DeadLetterReplay replay) {
        this.replay = replay;
    }

    /** The group's dead letters of the topic. */
    public record Listing(String topic, String group, String deadLetterTopic, List<DeadLetterReplay.DeadLetter> deadLetters) {
    }

    @GetMapping
    public Listing list(@RequestParam(required = false) String topic, @RequestParam(required = false) String group) {
        Target target = target(topic, group);
        return new Listing(target.topic(), target.group(), io.kam.platform.events.Topics.deadLetter(target.topic()),
                replay.list(target.topic(), target.group()));
    }

    @PostMapping("/replay")
    public DeadLetterReplay.Replayed replay(@RequestParam(required = false) String topic,
                                            @RequestParam(required = false) String group, Principal principal) {
        Target target = target(topic, group);
        return replay.replay(target.topic(), target.group(), principal == null ? "anonymous" : principal.getName());
    }

    private Target target(String topic, String group) {
        Map<String, Set<String>> read = replay.topics();
        List<FieldError> errors = new ArrayList<>();
        if (topic == null || topic.isBlank()) {
            errors.add(new FieldError("topic", "is required: one of the topics this service reads " + read.keySet()));
        } else if (!read.containsKey(topic)) {
            errors.add(new FieldError("topic", "is not a topic this service reads; it reads " + read.keySet()));
        } else if (group == null || group.isBlank()) {
            Set<String> groups = read.get(topic);
            if (groups.size() == 1) {
                return new Target(topic, groups.iterator().next());
            }
            errors.add(new FieldError("group", "is required: " + groups + " read " + topic));
        } else if (!read.get(topic).contains(group)) {
            errors.add(new FieldError("group", "does not read " + topic + " here; " + read.get(topic) + " do"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem.Invalid(errors);
        }
        return new Target(topic, group);
    }

    private record Target(String topic, String group) {
    }
}
