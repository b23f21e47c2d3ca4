/** A second made-up service for {@code io.kam.system.ArchitectureTest}, whose internals the first one uses. */
package io.kam.otherservice;
