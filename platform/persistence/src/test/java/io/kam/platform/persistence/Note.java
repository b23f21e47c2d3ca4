package io.kam.platform.persistence;

import java.util.UUID;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

@MappedEntity("note")
record Note(@Id UUID id, String text, @Version Long version) {
}
