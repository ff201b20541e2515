/**
 * The api role: Pekko HTTP routes under {@code /api/v1}, the HTTP agent API and the web console.
 * Built by the HTTP API issue.
 */
package io.sweepline.http;
