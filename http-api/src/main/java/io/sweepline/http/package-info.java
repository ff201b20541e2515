/**
 * The api role: Pekko HTTP routes under {@code /api/v1} ({@link io.sweepline.http.SweepRoutes}), their
 * error mapping to problem+json ({@link io.sweepline.http.ErrorMapping}) and the server binding
 * ({@link io.sweepline.http.HttpServer}). The HTTP agent API and the web console come later.
 */
package io.sweepline.http;
