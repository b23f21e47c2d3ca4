package io.kam.visits.visit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.kam.visits.api.Contact;
import io.kam.visits.api.Material;
import io.kam.visits.api.VisitViews.PreparationView;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** How a visit was prepared (三准备): objective, appointment place and phone confirmation, material, contact. */
@MappedEntity("visit_preparation")
record VisitPreparation(@Id UUID visitId, String objective, @Nullable String place, boolean confirmedByPhone,
                        String materials, @Nullable String contactName, @Nullable String contactPosition,
                        boolean contactHeadOffice, String preparedBy, Instant preparedAt) {

    static VisitPreparation of(UUID visitId, String objective, @Nullable String place, boolean confirmedByPhone,
                               List<Material> materials, @Nullable Contact contact, String by, Instant at) {
        String joined = materials.stream().distinct().sorted().map(Material::name).collect(Collectors.joining(","));
        return new VisitPreparation(visitId, objective.strip(), blankToNull(place), confirmedByPhone, joined,
                contact == null ? null : contact.name().strip(), contact == null ? null : blankToNull(contact.position()),
                contact != null && contact.headOffice(), by, at);
    }

    List<Material> materialList() {
        return materials.isEmpty() ? List.of() : Arrays.stream(materials.split(",")).map(Material::valueOf).toList();
    }

    @Nullable
    Contact contact() {
        return contactName == null ? null : new Contact(contactName, contactPosition, contactHeadOffice);
    }

    PreparationView view() {
        return new PreparationView(objective, place, confirmedByPhone, materialList(), contact(), preparedBy, preparedAt);
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
