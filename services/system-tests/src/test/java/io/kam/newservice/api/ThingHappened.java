package io.kam.newservice.api;

import io.kam.newservice.thing.Thing;

/** A contract that leaks its service's own code: what the contract rule must catch. */
public record ThingHappened(Thing thing) {
}
