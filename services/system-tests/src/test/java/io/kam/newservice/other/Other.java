package io.kam.newservice.other;

import io.kam.newservice.thing.Thing;

/** Closes a cycle between two features. */
public record Other(Thing thing) {
}
