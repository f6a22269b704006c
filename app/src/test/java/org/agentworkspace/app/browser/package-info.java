/**
 * Browser tests of the dashboard: Debian's Chromium, driven through chromedriver by Selenium,
 * against the real application started in this JVM.
 * Depends on Selenium, the JDK HTTP client and the app's test-support {@code InProcessApplication}.
 */
package org.agentworkspace.app.browser;
