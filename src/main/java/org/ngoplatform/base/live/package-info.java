/**
 * Live updates of open screens: {@link org.ngoplatform.base.live.LiveEvent} and
 * {@link org.ngoplatform.base.live.LiveUpdates}, delivered after commit, coalesced, never on the publishing thread.
 */
package org.ngoplatform.base.live;
