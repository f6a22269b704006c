/**
 * iCalendar adapters: the feed renderer and the recurrence expander the core's outbound ports
 * ask for, built on biweekly and the JDK's time-zone rules.
 * Depends on core's domain and {@code port.out} and on biweekly; nothing else of ours.
 */
package org.agentworkspace.ics;
