/**
 * Allocation of a workshop slot's places from ranked choices: the optimal allocation ({@link
 * org.ngoplatform.workshop.allocation.WorkshopAllocator#optimal}), the first-come-first-served baseline, a result
 * summary and moves by hand. Pure computation: no persistence, no Spring, no clock; the workshop services feed it
 * and store what it returns.
 */
package org.ngoplatform.workshop.allocation;
