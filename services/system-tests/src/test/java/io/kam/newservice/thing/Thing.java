package io.kam.newservice.thing;

import io.kam.newservice.other.Other;
import io.kam.otherservice.secret.Secret;

/** Uses another service's internals, and a feature that uses this one back. */
public record Thing(Other other, Secret secret) {
}
