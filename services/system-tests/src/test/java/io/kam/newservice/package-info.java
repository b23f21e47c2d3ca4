/**
 * A made-up service for {@code io.kam.system.ArchitectureTest}: it breaks each rule once (its contract uses its own
 * code, a feature uses another service's internals, two features depend on each other), so that the test can show a
 * service nobody listed is found and checked. Test code only; never part of a build's production classes.
 */
package io.kam.newservice;
